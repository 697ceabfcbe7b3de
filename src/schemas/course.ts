import { z } from 'astro/zod';
import { prose } from './ids.ts';

/** content/course.yaml */
export const course = z.strictObject({
  title: prose,
  /** A short line under the title. */
  tagline: prose,
  /**
   * The content version, bumped whenever published content changes. Saved progress carries it,
   * so a learner resuming after an update can be told what changed.
   */
  contentVersion: z.string().regex(/^\d+\.\d+(\.\d+)?$/, { message: 'must look like 1.0 or 1.0.0' }),
  /**
   * Who learners contact to report an accessibility problem or an error. One value for the
   * whole course; when it is not set, learners are told to contact the organisation that gave
   * them the course.
   */
  contact: prose.optional(),
  /** What changed in each content version, newest first. */
  changes: z
    .array(z.strictObject({ version: z.string(), date: z.coerce.date(), notes: z.array(prose).min(1) }))
    .min(1),
});
export type CourseConfig = z.infer<typeof course>;

export const DEFAULT_CONTACT =
  'the organisation that gave you this course (for example your employer, training provider or the team that runs your learning platform)';
