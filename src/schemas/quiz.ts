import { z } from 'astro/zod';
import { kebabId, prose } from './ids.ts';

export const QUIZ_SCHEMA_VERSION = 1;

export const option = z.strictObject({
  /** The answer as the learner reads it. */
  text: prose,
  /** Exactly one option per question is correct. */
  correct: z.boolean().optional(),
});

export const question = z.strictObject({
  /** Stable id; stored in saved progress and in the platform's interaction id. */
  id: kebabId,
  /** The question. */
  prompt: prose,
  /** Two to six options, shown in this order, lettered a, b, c… */
  options: z.array(option).min(2).max(6),
  /** Shown after the learner answers, right or wrong. */
  explanation: prose,
  /** Reference ids that support the explanation. */
  refs: z.array(kebabId).min(1, { message: 'needs at least one reference id' }),
});

export const quiz = z.strictObject({
  schemaVersion: z.literal(QUIZ_SCHEMA_VERSION, { message: `schemaVersion must be ${QUIZ_SCHEMA_VERSION}` }),
  /** Percent of first-attempt answers needed to pass. */
  passMark: z.number().int().min(1).max(100).default(80),
  /** At least five questions. */
  questions: z.array(question).min(5, { message: 'a knowledge check needs at least 5 questions' }),
});

export type QuizDefinition = z.infer<typeof quiz>;
export type QuizQuestion = z.infer<typeof question>;
