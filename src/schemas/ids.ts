import { z } from 'astro/zod';

/**
 * A stable, persisted id: kebab-case, starting with a letter. Ids end up in learners' saved
 * progress and in SCORM interaction ids, so they are never renamed once published.
 */
export const kebabId = z
  .string()
  .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, {
    message: 'must be kebab-case: lower-case letters, digits and single hyphens, starting with a letter',
  })
  .max(40, { message: 'must be at most 40 characters (it is stored in saved progress)' });

/** Text a learner reads: never empty, and trimmed so YAML folding cannot leave stray spaces. */
export const prose = z.string().trim().min(1, { message: 'must not be empty' });
