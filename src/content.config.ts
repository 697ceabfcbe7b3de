// Wiring only: where each collection's files are and which schema they follow. The rules
// themselves live in src/content-rules/ and src/schemas/.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { chartsLoader, dialoguesLoader, quizzesLoader, referencesLoader } from './content-rules/astroLoaders.ts';
import { chart } from './schemas/chart.ts';
import { dialogue } from './schemas/dialogue.ts';
import { lessonFrontmatter } from './schemas/lesson.ts';
import { quiz } from './schemas/quiz.ts';
import { reference } from './schemas/reference.ts';

const located = <T extends z.ZodType>(definition: T) =>
  z.object({ lesson: z.string(), file: z.string(), definition });

export const collections = {
  lessons: defineCollection({
    loader: glob({ pattern: '*/lesson.mdx', base: './content/lessons', generateId: ({ entry }) => entry.split('/')[0]! }),
    schema: lessonFrontmatter,
  }),
  dialogues: defineCollection({ loader: dialoguesLoader(), schema: located(dialogue) }),
  quizzes: defineCollection({ loader: quizzesLoader(), schema: located(quiz) }),
  charts: defineCollection({ loader: chartsLoader(), schema: located(chart) }),
  references: defineCollection({ loader: referencesLoader(), schema: reference }),
};
