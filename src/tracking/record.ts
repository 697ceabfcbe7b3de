/**
 * The CPD record and certificate as data, built from saved progress, the learner's local
 * reflections and the course outline; and the record as a plain-text file the learner keeps
 * (it pastes into appraisal portals' free-text boxes, and opens anywhere). Pure, so what the
 * record says is tested without a browser.
 */
import { formatDuration } from './activeTime.ts';
import { HEADINGS, type Reflections } from './learnerLocal.ts';
import type { CourseOutline, OutlineLesson } from './outline.ts';
import type { CourseProgress } from './savedState.ts';
import { lessonStatus, type LessonStatus } from './status.ts';

export interface RecordLesson {
  lesson: OutlineLesson;
  status: LessonStatus;
  seconds: number;
  /** Days since 1 January 1970 (see savedState.ts). */
  completedOn?: number;
  /** The lesson's learning outcomes. */
  outcomes: string[];
  reflection: Partial<Record<(typeof HEADINGS)[number]['id'], string>>;
}

export interface CpdRecord {
  name: string;
  /** The day the record was made, days since 1 January 1970. */
  date: number;
  courseTitle: string;
  contentVersion: string;
  lessons: RecordLesson[];
  completed: number;
  totalSeconds: number;
}

export interface RecordInput {
  outline: CourseOutline;
  /** The lessons this record covers (a lesson package covers its own lesson). */
  lessons: OutlineLesson[];
  progress: CourseProgress;
  reflections: Reflections;
  outcomes: Record<string, string[]>;
  name: string;
  date: number;
}

export function buildRecord(input: RecordInput): CpdRecord {
  const lessons = input.lessons.map((lesson) => {
    const saved = input.progress.lessons[lesson.id];
    return {
      lesson,
      status: lessonStatus(lesson, input.progress),
      seconds: Math.round(saved?.seconds ?? 0),
      completedOn: saved?.completedOn,
      outcomes: input.outcomes[lesson.id] ?? [],
      reflection: input.reflections[lesson.id] ?? {},
    };
  });
  return {
    name: input.name.trim(),
    date: input.date,
    courseTitle: input.outline.title,
    contentVersion: input.outline.contentVersion,
    lessons,
    completed: lessons.filter((l) => l.status.state === 'completed').length,
    totalSeconds: lessons.reduce((n, l) => n + l.seconds, 0),
  };
}

/** "23 November 2026" from a day number (a calendar day, whatever the time zone). */
export function formatDay(day: number | undefined): string {
  if (day === undefined) return '';
  return new Date(day * 864e5).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** "2026-11-23" from a day number, for file names. */
export const isoDay = (day: number): string => new Date(day * 864e5).toISOString().slice(0, 10);

/** Platforms give names as "Surname, Forename"; the record shows "Forename Surname". */
export function displayName(platformName: string): string {
  const parts = platformName.split(',').map((p) => p.trim()).filter(Boolean);
  return parts.length === 2 ? `${parts[1]} ${parts[0]}` : platformName.trim();
}

/**
 * What the record may say about a lesson's outcomes: met only when the lesson is completed and
 * its knowledge check passed; covered when completed below the pass mark; otherwise nothing yet.
 */
export function outcomesWords(l: RecordLesson): string | undefined {
  if (l.status.state !== 'completed') return undefined;
  return l.status.passed ? 'Learning outcomes met' : 'Learning outcomes covered (the knowledge check was below the pass mark)';
}

/** Who provides the course, for the record and certificate (an appraiser asks). */
export const PROVIDER = 'Provider: the Beyond Stigma course team. Not accredited; how the course was written and reviewed is set out on its About page.';

export const STATE_WORDS: Record<LessonStatus['state'], string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  completed: 'Completed',
};

export function scoreWords(l: RecordLesson): string {
  if (!l.status.quizSubmitted) return 'Knowledge check not yet taken';
  return `${l.status.score}% at the first attempt (pass mark ${l.lesson.passMark}%: ${l.status.passed ? 'passed' : 'not reached'})`;
}

/** The record as plain text (UTF-8, Windows line endings so it opens cleanly in Notepad). */
export function recordText(r: CpdRecord): string {
  const out: string[] = [];
  const rule = '='.repeat(60);
  out.push(`CPD record: ${r.courseTitle}`, rule);
  out.push(`Name: ${r.name || '(not given)'}`);
  out.push(`Date of this record: ${formatDay(r.date)}`);
  out.push(`Course: ${r.courseTitle}, content version ${r.contentVersion}`);
  out.push(`Lessons completed: ${r.completed} of ${r.lessons.length}`);
  out.push(`Active learning time, all lessons: ${formatDuration(r.totalSeconds)} (time with the lesson on screen and in use)`);
  out.push(PROVIDER);
  for (const l of r.lessons) {
    out.push('', rule, l.lesson.title, rule);
    out.push(`Status: ${STATE_WORDS[l.status.state]}${l.completedOn ? `, ${formatDay(l.completedOn)}` : ''}`);
    out.push(`Active time: ${formatDuration(l.seconds)} (designed to take about ${l.lesson.minutes} minutes)`);
    out.push(`Conversations finished: ${l.status.dialoguesDone} of ${l.status.dialoguesTotal}`);
    out.push(`Knowledge check: ${scoreWords(l)}`);
    const outcomes = outcomesWords(l);
    if (outcomes) {
      out.push('', `${outcomes}:`);
      for (const o of l.outcomes) out.push(`- ${o}`);
    }
    out.push('', 'Reflection:');
    for (const h of HEADINGS) out.push('', `${h.label}:`, l.reflection[h.id]?.trim() || '(nothing written)');
  }
  out.push('', rule, 'Made in the learner\'s own browser from their saved progress. Active time counts only while the lesson was on screen and in use.');
  return `${out.join('\r\n')}\r\n`;
}
