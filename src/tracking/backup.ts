/**
 * Backup and restore: one file holding everything this browser keeps for the course (saved
 * progress when the browser keeps it, reflections, the learner's name), so a learner can move
 * to another computer or browser, or keep a copy before clearing a shared PC. Reading a backup
 * is strict: a file that is not ours, or is damaged, is refused with a reason and changes
 * nothing.
 */
import { cleanReflections, type Reflections } from './learnerLocal.ts';
import { decodeProgress, encodeProgress, type CourseProgress } from './savedState.ts';

export const BACKUP_FORMAT = 'beyond-stigma-backup';
export const BACKUP_SCHEMA = 1;

export interface Backup {
  courseId: string;
  contentVersion: string;
  /** When the backup was made, ISO 8601. */
  made: string;
  name: string;
  reflections: Reflections;
  /** Progress, when this browser kept it (a platform keeps its own). */
  progress?: CourseProgress;
}

export function writeBackup(b: Backup): string {
  return `${JSON.stringify(
    {
      format: BACKUP_FORMAT,
      schema: BACKUP_SCHEMA,
      courseId: b.courseId,
      contentVersion: b.contentVersion,
      made: b.made,
      name: b.name,
      reflections: b.reflections,
      ...(b.progress ? { progress: encodeProgress(b.progress) } : {}),
    },
    null,
    2,
  )}\n`;
}

export type ReadBackup = { ok: true; backup: Backup } | { ok: false; problem: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function readBackup(text: string, courseId: string): ReadBackup {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'This file is not a Beyond Stigma backup (it is not in the backup format).' };
  }
  if (!isRecord(raw) || raw.format !== BACKUP_FORMAT) return { ok: false, problem: 'This file is not a Beyond Stigma backup.' };
  if (typeof raw.schema !== 'number' || raw.schema > BACKUP_SCHEMA) {
    return { ok: false, problem: 'This backup was made by a newer version of the course. Open it in the newer version.' };
  }
  if (raw.courseId !== courseId) return { ok: false, problem: 'This backup is from a different course.' };
  if (typeof raw.contentVersion !== 'string' || typeof raw.made !== 'string' || Number.isNaN(Date.parse(raw.made))) {
    return { ok: false, problem: 'This backup is damaged: its version or date is missing.' };
  }
  if (!isRecord(raw.reflections)) return { ok: false, problem: 'This backup is damaged: its reflections are missing.' };
  let progress: CourseProgress | undefined;
  if (raw.progress !== undefined) {
    const decoded = decodeProgress(typeof raw.progress === 'string' ? raw.progress : '');
    if (!decoded.ok) return { ok: false, problem: `This backup is damaged: its saved progress could not be read (${decoded.detail}).` };
    progress = decoded.progress;
  }
  return {
    ok: true,
    backup: {
      courseId,
      contentVersion: raw.contentVersion,
      made: raw.made,
      name: typeof raw.name === 'string' ? raw.name : '',
      reflections: cleanReflections(raw.reflections),
      progress,
    },
  };
}
