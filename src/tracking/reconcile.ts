/**
 * Saved progress that does not match this page: made with other content, or held twice (two
 * tabs; progress a platform refused, kept in this browser). Loaded only when needed: it is not
 * part of a lesson page's first load.
 *
 * `mergeProgress` makes two copies of one learner's progress into one that loses nothing
 * either holds:
 * - A conversation takes the incoming path only when it carries on from ours (same choices,
 *   then more), or when it is the one the learner has just moved in the other tab (`latest`,
 *   which may be a restart); otherwise ours is kept. "Finished" is kept from either.
 * - The knowledge check keeps the first attempt that was made (the recorded score); the latest
 *   attempt comes from the incoming copy.
 * - Active time is the larger of the two (each tab counts its own time from what it loaded, so
 *   adding them would count the shared part twice); the completion date is the earlier.
 */
import type { StoreSnapshot } from './courseStore.ts';
import type { CourseOutline } from './outline.ts';
import type { CourseProgress, LessonProgress } from './savedState.ts';

export const TWO_TABS: NonNullable<StoreSnapshot['notice']> = {
  tone: 'info',
  text: 'This course is also open in another tab or window. What you do in either is kept in both.',
};

/** What the learner is told when their progress was saved with other content: the author's notes on every version since. */
export function updateNotice(outline: CourseOutline, from: string, copyKept: boolean): NonNullable<StoreSnapshot['notice']> {
  const at = outline.changes.findIndex((c) => c.version === from);
  return {
    tone: 'info',
    text: `This course has changed since your progress was saved (with version ${from}; this is version ${outline.contentVersion}). Your progress is kept${copyKept ? ', and a copy of it as it was is kept in this browser' : ''}. A conversation that changed carries on from the last point that still matches, and says so.`,
    list: outline.changes.slice(0, at < 0 ? 1 : at).flatMap((c) => c.notes.map((n) => `${c.version}: ${n}`)),
  };
}

export function mergeProgress(ours: CourseProgress, incoming: CourseProgress, latest?: string): CourseProgress {
  const lessons = { ...ours.lessons };
  for (const [id, theirs] of Object.entries(incoming.lessons)) {
    const mine = lessons[id];
    lessons[id] = mine ? mergeLesson(mine, theirs) : theirs;
  }
  // The conversation the learner has just moved in the other tab takes that tab's path as it
  // is, even one that went back (a restart): it is their latest action.
  const [lessonId, dialogueId] = latest?.split('/') ?? [];
  const moved = incoming.lessons[lessonId!]?.dialogues[dialogueId!];
  if (moved) {
    const lesson = lessons[lessonId!]!;
    lessons[lessonId!] = { ...lesson, dialogues: { ...lesson.dialogues, [dialogueId!]: { code: moved.code, done: moved.done || Boolean(ours.lessons[lessonId!]?.dialogues[dialogueId!]?.done) } } };
  }
  const merged: CourseProgress = { contentVersion: ours.contentVersion, lessons };
  const bookmark = incoming.bookmark ?? ours.bookmark;
  if (bookmark) merged.bookmark = bookmark;
  return merged;
}

function mergeLesson(mine: LessonProgress, theirs: LessonProgress): LessonProgress {
  const dialogues = { ...mine.dialogues };
  for (const [id, t] of Object.entries(theirs.dialogues)) {
    const m = dialogues[id];
    dialogues[id] = m ? { code: t.code.startsWith(m.code) ? t.code : m.code, done: m.done || t.done } : t;
  }
  const lesson: LessonProgress = { dialogues };
  const quiz = mine.quiz && theirs.quiz ? { ...mine.quiz, last: theirs.quiz.last } : (mine.quiz ?? theirs.quiz);
  if (quiz) lesson.quiz = quiz;
  const seconds = Math.max(mine.seconds ?? 0, theirs.seconds ?? 0);
  if (seconds) lesson.seconds = seconds;
  const days = [mine.completedOn, theirs.completedOn].filter((d): d is number => d !== undefined);
  if (days.length) lesson.completedOn = Math.min(...days);
  return lesson;
}
