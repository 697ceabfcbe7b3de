/** Lesson and course status, derived from saved progress and the outline (never stored). */
import type { SessionStatus } from '../../scorm/runtime/session.ts';
import type { CourseOutline, OutlineLesson } from './outline.ts';
import type { CourseProgress } from './savedState.ts';

export interface LessonStatus {
  state: 'not-started' | 'in-progress' | 'completed';
  dialoguesDone: number;
  dialoguesTotal: number;
  quizSubmitted: boolean;
  /** First-attempt knowledge-check score, percent. */
  score?: number;
  passed?: boolean;
}

export function lessonStatus(lesson: OutlineLesson, progress: CourseProgress): LessonStatus {
  const saved = progress.lessons[lesson.id];
  const dialoguesDone = lesson.dialogues.filter((d) => saved?.dialogues[d.id]?.done).length;
  const quiz = saved?.quiz;
  const started = Boolean(saved && (Object.values(saved.dialogues).some((d) => d.code || d.done) || quiz));
  const completed = dialoguesDone === lesson.dialogues.length && Boolean(quiz);
  return {
    state: completed ? 'completed' : started ? 'in-progress' : 'not-started',
    dialoguesDone,
    dialoguesTotal: lesson.dialogues.length,
    quizSubmitted: Boolean(quiz),
    score: quiz?.score,
    passed: quiz ? quiz.score >= lesson.passMark : undefined,
  };
}

/**
 * What the platform records for the lessons in scope: completed when every lesson is; the
 * score is first-attempt knowledge-check answers right across those lessons, weighted by
 * question count; passed at or above the pass mark.
 */
export function courseStatus(outline: CourseOutline, progress: CourseProgress): SessionStatus {
  const statuses = outline.lessons.map((l) => ({ lesson: l, status: lessonStatus(l, progress) }));
  if (!statuses.every((s) => s.status.state === 'completed')) return { completion: 'incomplete', success: 'unknown' };
  const questions = statuses.reduce((n, s) => n + s.lesson.questions, 0);
  const score = questions ? statuses.reduce((n, s) => n + (s.status.score ?? 0) * s.lesson.questions, 0) / questions : 100;
  const passMark = Math.max(...outline.lessons.map((l) => l.passMark));
  return { completion: 'completed', success: score >= passMark ? 'passed' : 'failed', score: Math.round(score) };
}
