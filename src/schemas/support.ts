import { z } from 'astro/zod';
import { kebabId, prose } from './ids.ts';

/** A web address: https only. */
const httpsUrl = z.url({ protocol: /^https$/, error: 'must be a full https:// web address' });

/**
 * One service on the About page's support section (content/support.yaml). Every phone number
 * and web address shown must have been checked against the service's own page, or another
 * reliable page, recorded under `checkedAt`.
 */
export const supportService = z.strictObject({
  /** A stable kebab-case id, unique in the file. */
  id: kebabId,
  /**
   * Where the page shows it: `emergency` (first, set apart), `staff` (services for health and
   * care staff) or `helpline` (national helplines).
   */
  kind: z.enum(['emergency', 'staff', 'helpline']),
  /** The service's name, as it gives it. */
  name: prose,
  /** The nation it serves, when it is only one of them: "Wales" (optional). */
  region: prose.optional(),
  /** What it offers and who it is for, in one or two plain sentences. */
  description: prose,
  /**
   * The phone number as people read it ("0300 123 6600"): digits and single spaces. The page
   * links it as `tel:` with the spaces removed.
   */
  phone: z
    .string()
    .regex(/^\d+(?: \d+)*$/, { message: 'must be digits with single spaces, as people read it: 0300 123 6600' })
    .optional(),
  /** The service's own website (optional). */
  website: httpsUrl.optional(),
  /** Where the name, number, address and description were checked: one or more pages. */
  checkedAt: z.array(z.strictObject({
    /** The page that was read. */
    url: z.url({ error: 'must be a full web address' }),
    /** What that page confirms. */
    confirms: prose,
  })).min(1, { message: 'must record at least one page where the details were checked' }),
  /** When they were last checked: YYYY-MM-DD. */
  checked: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written as 2026-11-23' }),
});
export type SupportService = z.infer<typeof supportService>;

/** content/support.yaml: the services, in the order the About page lists them within each kind. */
export const supportServices = z.array(supportService).min(1, { message: 'must list at least one service' });
