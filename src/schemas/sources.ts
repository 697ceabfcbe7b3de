import { z } from 'astro/zod';
import { kebabId, prose } from './ids.ts';

/** A calendar date written as YYYY-MM-DD, or the word `undated`. */
const publishedDate = z.string().refine((s) => s === 'undated' || (/^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`))), {
  message: 'must be a date written as 2019-03-15, or the word undated',
});

/**
 * One of the source documents the course is written from (content/sources.yaml). These are
 * the documents whose views the lessons present and whose situations the conversations
 * dramatise; the published evidence each lesson cites lives in content/references.yaml.
 */
export const sourceDocument = z.strictObject({
  /** A stable kebab-case id, unique in the file. */
  id: kebabId,
  /** The document's own title, as it gives it. */
  title: prose,
  /** What kind of document it is, in a few words: "Opinion article", "Blog post". */
  kind: prose,
  /** Who wrote it or speaks in it, as the document names them, with any role it gives. */
  by: prose,
  /** Who published it: a magazine, an organisation, a blog. Say so when it is not known. */
  publisher: prose,
  /** When it was published, as YYYY-MM-DD, or `undated` when the document gives no date. */
  published: publishedDate,
  /** How an undated document can be placed in time, from what it says (optional). */
  dating: prose.optional(),
  /** What the course takes from it, in plain words. */
  gives: prose,
  /**
   * The funding the document declares, or that its author reports for the event it describes,
   * in the course's own words. Leave it out when the document states none.
   */
  funding: prose.optional(),
  /** Other interests of people it quotes that a reader should know, and how the course handles them (optional). */
  interests: prose.optional(),
  /**
   * The id of the document's entry in content/references.yaml, when lessons cite it. The About
   * page lists the lessons that do; leave it out for a document no lesson cites.
   */
  reference: kebabId.optional(),
});
export type SourceDocument = z.infer<typeof sourceDocument>;

/** content/sources.yaml: the source documents, in the order the About page lists them. */
export const sourceDocuments = z.array(sourceDocument).min(1, { message: 'must list at least one source document' });
