/**
 * Saved progress fits SCORM 1.2's suspend data on the worst path, for the real content: one
 * lesson ≤ 2,048 characters, the whole course ≤ 3,000 (src/content-rules/budgets.ts, which
 * `npm run check` also uses).
 */
import { expect, test } from 'vitest';
import { COURSE_BUDGET, LESSON_BUDGET, worstCaseSizes } from '../../src/content-rules/budgets.ts';
import { content } from './contentFixture.ts';

const sizes = worstCaseSizes(content.dialogues, content.quizzes);

test.each([...sizes.lessons.keys()])('worst-case saved progress for lesson %s is within budget', (lesson) => {
  const size = sizes.lessons.get(lesson)!;
  console.log(`worst-case saved state, lesson ${lesson}: ${size} characters (budget ${LESSON_BUDGET})`);
  expect(size).toBeLessThanOrEqual(LESSON_BUDGET);
});

test('worst-case saved progress for the whole course is within budget', () => {
  console.log(`worst-case saved state, whole course: ${sizes.course} characters (budget ${COURSE_BUDGET})`);
  expect(sizes.course).toBeLessThanOrEqual(COURSE_BUDGET);
});
