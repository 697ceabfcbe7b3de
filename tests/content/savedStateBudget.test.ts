/**
 * Saved progress must fit SCORM 1.2's suspend data (4,096 characters) on the worst path. The
 * budgets: one lesson ≤ 2,048 characters, the whole course ≤ 3,000. Measured by encoding a
 * real worst case (every choice tried on the longest path, every question answered) with the
 * real encoder.
 */
import { expect, test } from 'vitest';
import { worstCaseCode } from '../../src/engine/worstCase.ts';
import { encodeProgress, type CourseProgress, type LessonProgress } from '../../src/tracking/savedState.ts';
import { content } from './contentFixture.ts';

export const LESSON_BUDGET = 2048;
export const COURSE_BUDGET = 3000;

const lessonIds = [...new Set([...content.dialogues.map((d) => d.lesson), ...content.quizzes.map((q) => q.lesson)])];

function worstLesson(lesson: string): LessonProgress {
  const quiz = content.quizzes.find((q) => q.lesson === lesson);
  const answers = quiz ? 'z'.repeat(quiz.definition.questions.length) : '';
  return {
    dialogues: Object.fromEntries(content.dialogues.filter((d) => d.lesson === lesson).map((d) => [d.definition.id, { code: worstCaseCode(d.definition), done: true }])),
    ...(quiz ? { quiz: { first: answers, last: answers, score: 100 } } : {}),
  };
}

const longestBookmark = (lesson: string) =>
  content.dialogues.filter((d) => d.lesson === lesson).reduce((b, d) => (`${lesson}/${d.definition.id}`.length > b.length ? `${lesson}/${d.definition.id}` : b), lesson);

test.each(lessonIds)('worst-case saved progress for lesson %s is within budget', (lesson) => {
  const progress: CourseProgress = { contentVersion: '999.999.999', bookmark: longestBookmark(lesson), lessons: { [lesson]: worstLesson(lesson) } };
  const size = encodeProgress(progress).length;
  console.log(`worst-case saved state, lesson ${lesson}: ${size} characters (budget ${LESSON_BUDGET})`);
  expect(size).toBeLessThanOrEqual(LESSON_BUDGET);
});

test('worst-case saved progress for the whole course is within budget', () => {
  const bookmark = lessonIds.map(longestBookmark).reduce((a, b) => (b.length > a.length ? b : a), '');
  const progress: CourseProgress = { contentVersion: '999.999.999', bookmark, lessons: Object.fromEntries(lessonIds.map((l) => [l, worstLesson(l)])) };
  const size = encodeProgress(progress).length;
  console.log(`worst-case saved state, whole course: ${size} characters (budget ${COURSE_BUDGET})`);
  expect(size).toBeLessThanOrEqual(COURSE_BUDGET);
});
