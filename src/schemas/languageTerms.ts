import { z } from 'astro/zod';
import { kebabId, prose } from './ids.ts';

/** One group of contested terms in content/language-terms.yaml. */
export const contestedTerm = z.strictObject({
  /**
   * Stable kebab-case id. The glossary shows the group at `glossary.html#term-<id>` and lessons
   * link there, so never rename it; it must not clash with an id in content/glossary.yaml.
   */
  id: kebabId,
  /** The words matched, in any case, as whole words; list plurals and spelling variants. */
  terms: z.array(prose).min(1),
  /** What to write instead, in the narrator's or a clinician's voice. */
  alternatives: prose,
  /** Why the term is contested: shown by `npm run check` and, with `debate`, in the glossary. */
  why: prose,
  /**
   * Optional: the rest of the disagreement, when `why` gives only one side. Attribute views,
   * and say where people agree as well as where they differ. Shown after `why` in the glossary.
   */
  debate: prose.optional(),
});
export type ContestedTerm = z.infer<typeof contestedTerm>;

/** content/language-terms.yaml */
export const languageTerms = z.strictObject({
  /** Proper names that contain a term ("Alcoholics Anonymous"): never reported, never linked. */
  names: z.array(prose).default([]),
  /** The contested terms, each group with its alternatives and reasons. */
  terms: z.array(contestedTerm).min(1),
});
export type LanguageTerms = z.infer<typeof languageTerms>;
