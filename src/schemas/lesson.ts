import { z } from 'astro/zod';
import { kebabId, prose } from './ids.ts';

/** The frontmatter of content/lessons/<lesson-id>/lesson.mdx. */
export const lessonFrontmatter = z.strictObject({
  title: prose,
  /** Position on the course home page. */
  order: z.number().int().min(1),
  /** One sentence for the course home page. */
  description: prose,
  /** Minutes to complete: 15 to 25. */
  minutes: z.number().int().min(5).max(60),
  /** 3 to 5 things a learner can do after the lesson. */
  outcomes: z.array(prose).min(3).max(5),
  /** Reference ids, numbered in this order on the page. */
  references: z.array(kebabId).min(1),
  /** Key points, shown after the reflection. */
  summary: z.array(prose).min(1),
  /** When the content was last reviewed against its sources. */
  lastReviewed: z.coerce.date(),
});
export type LessonFrontmatter = z.infer<typeof lessonFrontmatter>;
