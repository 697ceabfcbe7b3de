/**
 * The learner's progress as saved with the platform (SCORM suspend data), compact and
 * versioned. It holds the choices taken, never a snapshot: dialogues are replayed through the
 * machine on resume. Worst case for the whole course must fit SCORM 1.2's 4,096 characters
 * (tested against the real content).
 *
 *   {"s":1,"v":"1.0.0","b":"language/consultation","l":{"language":{"d":{"consultation":["ab.c.",1]},"q":["abca","abcb",75],"t":1260,"c":20415}}}
 *
 * `t` (active seconds) and `c` (the day the lesson was first completed, counted in days from
 * 1 January 1970 in the learner's time zone) were added within
 * format 1 as optional fields: progress saved before them reads as "no time recorded".
 */
export const SAVED_STATE_SCHEMA = 1;

export interface DialogueProgress {
  /** The path code (see src/engine/progress.ts). */
  code: string;
  /** Reached an ending at least once. Stays true after a restart. */
  done: boolean;
}

export interface QuizProgress {
  /** First attempt: one answer letter per question, in question order. This is the score. */
  first: string;
  /** Latest attempt's answers (a retake), for showing results. */
  last: string;
  /** First-attempt score, percent. */
  score: number;
}

export interface LessonProgress {
  dialogues: Record<string, DialogueProgress>;
  quiz?: QuizProgress;
  /** Active time in the lesson, whole seconds (page visible and the learner active). */
  seconds?: number;
  /** The day the lesson was first completed: days since 1 January 1970, in the learner's time zone. */
  completedOn?: number;
}

/** Active time is capped (a little over 11 days) so a broken clock cannot grow saved progress. */
export const MAX_SECONDS = 999_999;

export interface CourseProgress {
  /** The content version this progress was made with. */
  contentVersion: string;
  /** Where the learner last was: "lesson" or "lesson/dialogue". */
  bookmark?: string;
  lessons: Record<string, LessonProgress>;
}

export const emptyProgress = (contentVersion: string): CourseProgress => ({ contentVersion, lessons: {} });

type Wire = {
  s: number;
  v: string;
  b?: string;
  l: Record<string, { d?: Record<string, [string, 0 | 1]>; q?: [string, string, number]; t?: number; c?: number }>;
};

export function encodeProgress(p: CourseProgress): string {
  const wire: Wire = { s: SAVED_STATE_SCHEMA, v: p.contentVersion, ...(p.bookmark ? { b: p.bookmark } : {}), l: {} };
  for (const [lessonId, lesson] of Object.entries(p.lessons)) {
    const entry: Wire['l'][string] = {};
    const dialogues = Object.entries(lesson.dialogues);
    if (dialogues.length) entry.d = Object.fromEntries(dialogues.map(([id, d]) => [id, [d.code, d.done ? 1 : 0]]));
    if (lesson.quiz) entry.q = [lesson.quiz.first, lesson.quiz.last, lesson.quiz.score];
    if (lesson.seconds) entry.t = Math.min(MAX_SECONDS, Math.round(lesson.seconds));
    if (lesson.completedOn) entry.c = lesson.completedOn;
    wire.l[lessonId] = entry;
  }
  return JSON.stringify(wire);
}

export type DecodeResult =
  | { ok: true; progress: CourseProgress }
  | { ok: false; reason: 'empty' | 'unreadable' | 'newer-format'; detail: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const ID = /^[a-z][a-z0-9-]{0,39}$/;

/** Reads saved progress, strictly: anything malformed is reported, never half-trusted. */
export function decodeProgress(text: string): DecodeResult {
  if (!text) return { ok: false, reason: 'empty', detail: 'nothing saved yet' };
  let wire: unknown;
  try {
    wire = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'unreadable', detail: 'saved progress is not valid JSON' };
  }
  if (!isRecord(wire) || typeof wire.s !== 'number') return { ok: false, reason: 'unreadable', detail: 'saved progress has no format version' };
  if (wire.s > SAVED_STATE_SCHEMA) return { ok: false, reason: 'newer-format', detail: `saved with format ${wire.s}, this course reads ${SAVED_STATE_SCHEMA}` };
  if (typeof wire.v !== 'string' || !isRecord(wire.l) || (wire.b !== undefined && typeof wire.b !== 'string')) {
    return { ok: false, reason: 'unreadable', detail: 'saved progress is missing its content version or lessons' };
  }
  const progress: CourseProgress = { contentVersion: wire.v, lessons: {} };
  if (typeof wire.b === 'string') progress.bookmark = wire.b;
  for (const [lessonId, raw] of Object.entries(wire.l)) {
    if (!ID.test(lessonId) || !isRecord(raw)) return { ok: false, reason: 'unreadable', detail: `lesson entry "${lessonId}" is malformed` };
    const lesson: LessonProgress = { dialogues: {} };
    if (raw.d !== undefined) {
      if (!isRecord(raw.d)) return { ok: false, reason: 'unreadable', detail: `dialogues of "${lessonId}" are malformed` };
      for (const [id, d] of Object.entries(raw.d)) {
        if (!ID.test(id) || !Array.isArray(d) || typeof d[0] !== 'string' || !/^[a-z.]*$/.test(d[0]) || (d[1] !== 0 && d[1] !== 1)) {
          return { ok: false, reason: 'unreadable', detail: `dialogue "${lessonId}/${id}" is malformed` };
        }
        lesson.dialogues[id] = { code: d[0], done: d[1] === 1 };
      }
    }
    if (raw.q !== undefined) {
      const q = raw.q;
      if (!Array.isArray(q) || typeof q[0] !== 'string' || typeof q[1] !== 'string' || typeof q[2] !== 'number' || !/^[a-z]*$/.test(q[0] + q[1])) {
        return { ok: false, reason: 'unreadable', detail: `knowledge check of "${lessonId}" is malformed` };
      }
      lesson.quiz = { first: q[0], last: q[1], score: Math.max(0, Math.min(100, q[2])) };
    }
    const { t, c } = raw;
    if ([t, c].some((n) => n !== undefined && !(typeof n === 'number' && n >= 0))) {
      return { ok: false, reason: 'unreadable', detail: `time or date in "${lessonId}" is malformed` };
    }
    if (t) lesson.seconds = Math.min(MAX_SECONDS, Math.round(t as number));
    if (c) lesson.completedOn = c as number;
    progress.lessons[lessonId] = lesson;
  }
  return { ok: true, progress };
}
