import { z } from 'astro/zod';
import { kebabId, prose } from './ids.ts';

/** A definition a learner reads: one or two plain-English sentences. */
const explanation = prose.max(480, { message: 'must be at most 480 characters: one or two plain sentences' });

/** Fields every glossary entry has. */
const entry = {
  /**
   * Stable kebab-case id. The entry's anchor is `glossary.html#term-<id>` and lesson pages link
   * there, so never rename it; ids are unique across this file and content/language-terms.yaml.
   */
  id: kebabId,
  /**
   * One or two plain-English sentences, in UK context, in our own words. Say what the thing is
   * and why it matters in this course; attribute any view.
   */
  explanation,
  /** Optional: other spellings or forms the lessons use, matched like the main one. */
  also: z.array(prose).min(1).optional(),
  /** Optional: ids of related entries (abbreviations, terms or contested terms), shown as links. */
  seeAlso: z.array(kebabId).min(1).optional(),
  /**
   * Optional: where learners meet the entry when the lessons do not use it (the source documents,
   * the CPD record, the reading a student does): "the source documents". Shown on the page, and
   * the check then does not report the entry as unused.
   */
  elsewhere: prose.optional(),
};

/** An abbreviation, matched case-sensitively as a whole word (a plural "s" too: "GPs"). */
export const glossaryAbbreviation = z.strictObject({
  ...entry,
  /** As the lessons write it: "NICE", "AUDIT-C". */
  abbreviation: z.string().regex(/^[A-Z0-9][A-Za-z0-9-]*$/, {
    message: 'must be written as in the lessons: capitals, digits and hyphens, e.g. "AUDIT-C"',
  }),
  /** What it stands for: "National Institute for Health and Care Excellence". */
  expansion: prose,
});
export type GlossaryAbbreviation = z.infer<typeof glossaryAbbreviation>;

/**
 * A plain term worth defining, matched in any case as whole words (a plural "s" too); a space
 * or hyphen between words matches either ("shared care", "shared-care").
 */
export const glossaryTerm = z.strictObject({
  ...entry,
  /** The term in lower case, as it reads in a sentence (names keep their capitals): "shared care". */
  term: prose,
});
export type GlossaryTerm = z.infer<typeof glossaryTerm>;

/** content/glossary.yaml */
export const glossary = z.strictObject({
  /** The page's opening paragraph. */
  intro: prose,
  /** Opens the "Contested terms" section: why these words are debated, and how to use the list. */
  contestedIntro: prose,
  /** Abbreviations the lessons use; shown in alphabetical order. */
  abbreviations: z.array(glossaryAbbreviation).min(1),
  /** Plain terms the lessons use; shown in alphabetical order. */
  terms: z.array(glossaryTerm).default([]),
});
export type Glossary = z.infer<typeof glossary>;
