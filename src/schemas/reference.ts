import { z } from 'astro/zod';
import { kebabId, prose } from './ids.ts';

export const reference = z
  .strictObject({
    /** Stable id that lessons, dialogues and questions cite. */
    id: kebabId,
    type: z.enum(['article', 'book', 'chapter', 'report', 'guideline', 'webpage']),
    /** People, Vancouver style: "Kelly JF". */
    authors: z.array(prose).optional(),
    /** A body that wrote it, when there are no named authors: "NICE". */
    organisation: prose.optional(),
    title: prose,
    /** Journal, book or website. */
    container: prose.optional(),
    publisher: prose.optional(),
    year: z.number().int().min(1800).max(2100).optional(),
    volume: z.string().optional(),
    issue: z.string().optional(),
    pages: z.string().optional(),
    /** Without the https://doi.org/ prefix. */
    doi: z.string().regex(/^10\.\d{4,9}\/\S+$/, { message: 'must look like 10.1234/abc' }).optional(),
    url: z.url().optional(),
    /** Shown after the citation: e.g. "US study", or a funding declaration. */
    note: prose.optional(),
  })
  .refine((r) => r.authors?.length || r.organisation, {
    message: 'needs authors or an organisation',
  });

export const references = z.array(reference);
export type Reference = z.infer<typeof reference>;
