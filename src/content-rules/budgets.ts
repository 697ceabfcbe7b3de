/**
 * Saved progress must fit SCORM 1.2's suspend data (4,096 characters) on the worst path. The
 * budgets: one lesson ≤ 2,048 characters, the whole course ≤ 3,000. Measured by encoding a
 * real worst case (every choice tried on the costliest path, every question answered, the
 * longest active time and a completion date) with the
 * real encoder. Used by `npm run check` and the content tests.
 */
import { worstCaseCode } from '../engine/worstCase.ts';
import { encodeProgress, MAX_SECONDS, type CourseProgress, type LessonProgress } from '../tracking/savedState.ts';
import type { LoadedDialogue, LoadedQuiz } from './contentFiles.ts';

export const LESSON_BUDGET = 2048;
export const COURSE_BUDGET = 3000;

function worstLesson(lesson: string, dialogues: LoadedDialogue[], quizzes: LoadedQuiz[]): LessonProgress {
  const quiz = quizzes.find((q) => q.lesson === lesson);
  const answers = quiz ? 'z'.repeat(quiz.definition.questions.length) : '';
  return {
    dialogues: Object.fromEntries(dialogues.filter((d) => d.lesson === lesson).map((d) => [d.definition.id, { code: worstCaseCode(d.definition), done: true }])),
    ...(quiz ? { quiz: { first: answers, last: answers, score: 100 } } : {}),
    seconds: MAX_SECONDS,
    completedOn: 99_999,
  };
}

const longestBookmark = (lesson: string, dialogues: LoadedDialogue[]) =>
  dialogues.filter((d) => d.lesson === lesson).reduce((b, d) => (`${lesson}/${d.definition.id}`.length > b.length ? `${lesson}/${d.definition.id}` : b), lesson);

/** Worst-case saved-state length per lesson and for the whole course, in characters. */
export function worstCaseSizes(dialogues: LoadedDialogue[], quizzes: LoadedQuiz[]): { lessons: Map<string, number>; course: number } {
  const ids = [...new Set([...dialogues.map((d) => d.lesson), ...quizzes.map((q) => q.lesson)])].sort();
  const size = (p: CourseProgress) => encodeProgress(p).length;
  const lessons = new Map(
    ids.map((l) => [l, size({ contentVersion: '999.999.999', bookmark: longestBookmark(l, dialogues), lessons: { [l]: worstLesson(l, dialogues, quizzes) } })]),
  );
  const bookmark = ids.map((l) => longestBookmark(l, dialogues)).reduce((a, b) => (b.length > a.length ? b : a), '');
  const course = size({ contentVersion: '999.999.999', bookmark, lessons: Object.fromEntries(ids.map((l) => [l, worstLesson(l, dialogues, quizzes)])) });
  return { lessons, course };
}
