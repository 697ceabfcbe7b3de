/**
 * The one bridge between the page's islands and the SCORM session. Islands read the learner's
 * progress from it and tell it what changed; it saves after every change (suspend data,
 * bookmark, status, commit) and tells the islands when saving failed. One store per page,
 * shared by every island on it.
 */
import { connect, type Connection } from '../../scorm/runtime/connect.ts';
import { findHost, type LaunchHost } from '../../scorm/runtime/host.ts';
import type { InteractionRecord } from '../../scorm/runtime/session.ts';
import { courseStatus, lessonStatus } from './status.ts';
import { OUTLINE_ELEMENT_ID, type CourseOutline } from './outline.ts';
import {
  decodeProgress,
  emptyProgress,
  encodeProgress,
  type CourseProgress,
  type DialogueProgress,
  type LessonProgress,
  type QuizProgress,
} from './savedState.ts';

export const STORAGE_KEY = 'beyond-stigma:progress:v1';

export interface StoreSnapshot {
  progress: CourseProgress;
  /** Where progress is kept. */
  kind: Connection['kind'];
  /** Learner's name as the platform gives it ("" in the browser). */
  learnerName: string;
  /**
   * A message the learner needs to see (a save failed, saved progress could not be read, the
   * course was updated since it was saved); `list` holds the author's change notes.
   */
  notice?: { tone: 'warning' | 'info'; text: string; list?: string[] };
}

/** The day in the learner's time zone, as days since 1 January 1970 (how saved progress keeps dates). */
export const dayNumber = (d: Date): number => Math.floor((d.getTime() - d.getTimezoneOffset() * 6e4) / 864e5);

type Listener = (s: StoreSnapshot) => void;

export class CourseStore {
  private snapshot: StoreSnapshot;
  private readonly listeners = new Set<Listener>();

  /** The lessons whose status the platform records: all of them, or one in a lesson package. */
  readonly scoped: CourseOutline;
  /** Set once the learner has asked this computer to forget them: nothing more is saved or shared. */
  forgotten = false;
  /** Called at the start of every save (sharing reflections uses it, see sharing.ts). */
  beforeSave?: () => void;
  /** Other tabs of this course, for this learner (see `merge`). */
  channel?: BroadcastChannel;
  /** Whether progress the platform has not taken is kept in this browser (deleted once a save succeeds). */
  backedUp = false;

  constructor(
    readonly outline: CourseOutline,
    readonly connection: Connection,
    progress: CourseProgress,
    notice?: StoreSnapshot['notice'],
    private readonly host?: LaunchHost,
  ) {
    const scope = host?.scope ?? 'course';
    this.scoped = scope === 'course' ? outline : { ...outline, lessons: outline.lessons.filter((l) => l.id === scope) };
    this.snapshot = {
      progress,
      kind: connection.kind,
      learnerName: connection.session.get('learnerName'),
      notice: notice ?? (connection.problem ? { tone: 'warning', text: connection.problem } : undefined),
    };
  }

  get(): StoreSnapshot {
    return this.snapshot;
  }

  subscribe(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private publish(next: Partial<StoreSnapshot>) {
    this.snapshot = { ...this.snapshot, ...next };
    for (const fn of this.listeners) fn(this.snapshot);
  }

  private change(update: (p: CourseProgress) => CourseProgress, latest?: string) {
    this.publish({ progress: stampCompletions(this.outline, update(this.snapshot.progress), new Date()) });
    this.save();
    this.tell(undefined, latest);
  }

  /**
   * Tells other tabs of this course what this one now holds: `hello` when this tab has just
   * opened; `latest`, the conversation the learner has just moved ("lesson/dialogue").
   */
  tell(hello?: boolean, latest?: string) {
    if (!this.forgotten) this.channel?.postMessage({ hello, latest, data: encodeProgress(this.snapshot.progress) });
  }

  /**
   * Takes in progress that another tab of this course saved, losing nothing either holds
   * (reconcile.ts), and tells the learner the course is open twice.
   */
  async merge(incoming: CourseProgress, latest?: string) {
    try {
      const { mergeProgress, TWO_TABS } = await import('./reconcile.ts');
      if (this.forgotten) return;
      const before = encodeProgress(this.snapshot.progress);
      this.publish({ progress: stampCompletions(this.outline, mergeProgress(this.snapshot.progress, incoming, latest), new Date()), notice: this.snapshot.notice ?? TWO_TABS });
      if (encodeProgress(this.snapshot.progress) !== before) this.save();
    } catch {
      // The other tab's progress stays there, and reaches the platform or browser from it.
    }
  }

  /**
   * Adds active time to a lesson. Kept in memory: it reaches the platform with the next save
   * (the next step, the page being hidden or closed, or the clock's own periodic save), capped
   * there at MAX_SECONDS.
   */
  addActiveTime(lessonId: string, ms: number) {
    if (ms > 0) this.publish({ progress: withLesson(this.snapshot.progress, lessonId, (l) => ({ seconds: (l.seconds ?? 0) + ms / 1000 })) });
  }

  /**
   * Replaces progress with a restored backup's (only where this browser keeps progress); or,
   * with none, forgets the learner on this computer: from then on this page saves nothing.
   */
  replace(progress?: CourseProgress): boolean {
    if (!progress && !this.forgotten) this.channel?.postMessage({ forget: true });
    this.forgotten = !progress;
    this.publish({ progress: progress ?? emptyProgress(this.outline.contentVersion), notice: undefined });
    return this.connection.kind === 'browser' && this.save();
  }

  setDialogue(lessonId: string, dialogueId: string, value: DialogueProgress) {
    const before = this.snapshot.progress.lessons[lessonId]?.dialogues[dialogueId];
    if (before && before.code === value.code && before.done === value.done) return;
    this.change((p) => ({ ...withLesson(p, lessonId, (l) => ({ dialogues: { ...l.dialogues, [dialogueId]: value } })), bookmark: `${lessonId}/${dialogueId}` }), `${lessonId}/${dialogueId}`);
  }

  /**
   * Records a first answer (a decision or a knowledge-check question) as a platform
   * interaction. It reaches the platform with the save that follows the change.
   */
  recordAnswer(answer: InteractionRecord) {
    this.connection.session.addInteraction(answer);
  }

  setQuiz(lessonId: string, quiz: QuizProgress) {
    this.change((p) => ({ ...withLesson(p, lessonId, () => ({ quiz })), bookmark: lessonId }));
  }

  /** Saves everything now. Returns false (and tells the learner) when the save failed. */
  save(): boolean {
    const { session } = this.connection;
    if (!session.isOpen || this.forgotten) return false;
    this.beforeSave?.();
    // Answer records a platform refused earlier are written again first. A platform that will
    // not take them (they are optional in SCORM 1.2) has still saved the progress, so their
    // failures do not count as a failed save.
    session.flushInteractions();
    session.takeFailures();
    const data = encodeProgress(this.snapshot.progress);
    if (data.length > session.table.limits.suspendData) {
      this.publish({ notice: { tone: 'warning', text: 'Your progress is too large for the learning platform to store. Your answers are still shown here, but may not be kept.' } });
      return false;
    }
    session.set('suspendData', data);
    // SCORM 2004 refuses an empty location, so a bookmark is only written once there is one.
    const bookmark = this.snapshot.progress.bookmark;
    if (bookmark) session.set('location', bookmark.slice(0, session.table.limits.location));
    const status = courseStatus(this.scoped, this.snapshot.progress);
    session.setStatus(status);
    if (this.host) this.host.attemptFinished = status.completion === 'completed';
    const committed = session.commit();
    const failures = session.takeFailures();
    if (!committed || failures.length) {
      // The session read the learner's id at Initialize, so it holds even after the platform stops answering.
      if (this.connection.kind === 'platform') this.backedUp = keep(backupKey(session.get('learnerId')), data);
      this.publish({
        notice: {
          tone: 'warning',
          text:
            this.connection.kind === 'platform'
              ? `The learning platform did not save your latest progress. ${this.backedUp ? 'It is kept in this browser and' : 'Keep this window open: it will be'} sent again at your next step. If this keeps happening, close the course and open it again from the platform${this.backedUp ? ' on this computer: your progress will come back' : ''}.`
              : 'This browser did not let us save your progress (it may be in private mode or out of space). You can carry on, but your progress may not be kept.',
        },
      });
      return false;
    }
    if (this.backedUp) this.backedUp = !forgetBackup(session.get('learnerId'));
    if (this.snapshot.notice?.tone === 'warning' && !this.connection.problem) this.publish({ notice: undefined });
    return true;
  }

  /** Ends the platform session (the page is going away), unless a launch page owns it. */
  finish() {
    this.save();
    // After "forget me", the embedded LMS must not finish: finishing stores its data again.
    if (this.host || (this.forgotten && this.connection.kind === 'browser')) return;
    this.connection.session.finish(courseStatus(this.scoped, this.snapshot.progress).completion === 'completed');
  }
}

/** Progress with one lesson's entry changed. */
function withLesson(p: CourseProgress, lessonId: string, patch: (l: LessonProgress) => Partial<LessonProgress>): CourseProgress {
  const lesson = p.lessons[lessonId] ?? { dialogues: {} };
  return { ...p, lessons: { ...p.lessons, [lessonId]: { ...lesson, ...patch(lesson) } } };
}

/** Stamps today on each lesson that has just become completed (kept from then on). */
function stampCompletions(outline: CourseOutline, p: CourseProgress, now: Date): CourseProgress {
  for (const lesson of outline.lessons) {
    if (!p.lessons[lesson.id]?.completedOn && lessonStatus(lesson, p).state === 'completed') {
      p = withLesson(p, lesson.id, () => ({ completedOn: dayNumber(now) }));
    }
  }
  return p;
}

function readOutline(doc: Document): CourseOutline {
  const el = doc.getElementById(OUTLINE_ELEMENT_ID);
  if (!el?.textContent) throw new Error(`the page has no #${OUTLINE_ELEMENT_ID} course outline`);
  return JSON.parse(el.textContent) as CourseOutline;
}

/**
 * When the platform refuses a save, the progress it did not take is kept in this browser
 * under this key (the learner's platform id) until a save succeeds, so a later launch on this
 * computer can restore it.
 */
const backupKey = (learnerId: string) => `${STORAGE_KEY}:platform-backup:${encodeURIComponent(learnerId)}`;

function forgetBackup(learnerId: string): boolean {
  try {
    localStorage.removeItem(backupKey(learnerId));
    return true;
  } catch {
    return false;
  }
}

/** Keeps a copy in this browser (of progress that could not be read, or as it was before an update). */
function keep(key: string, text: string): boolean {
  try {
    localStorage.setItem(key, text);
    return true;
  } catch {
    // Storage is unavailable; the notice still tells the learner what happened.
    return false;
  }
}

let pending: Promise<CourseStore> | undefined;

/** The page's store, connecting on first use. */
export function getCourseStore(win: Window = window): Promise<CourseStore> {
  pending ??= open(win);
  return pending;
}

/**
 * On a computer holding progress the platform did not take for this learner: that progress,
 * merged with what the platform handed back (older, or nothing). It stays in this browser
 * until a save of it succeeds.
 */
async function withBackup(win: Window, connection: Connection, progress: CourseProgress): Promise<CourseProgress | undefined> {
  if (connection.kind !== 'platform') return;
  try {
    const backup = decodeProgress(win.localStorage.getItem(backupKey(connection.session.get('learnerId'))) ?? '');
    if (!backup.ok) return;
    if (!Object.keys(progress.lessons).length) return backup.progress;
    return (await import('./reconcile.ts')).mergeProgress(progress, backup.progress);
  } catch {
    return;
  }
}

async function open(win: Window): Promise<CourseStore> {
  const outline = readOutline(win.document);
  const host = findHost(win);
  const connection = host?.connection ?? (await connect(win, { storageKey: STORAGE_KEY }));
  const text = connection.session.get('suspendData');
  const saved = decodeProgress(text);
  const fromPlatform = saved.ok ? saved.progress : emptyProgress(outline.contentVersion);
  const restored = await withBackup(win, connection, fromPlatform);
  let progress = restored ?? fromPlatform;
  let notice: StoreSnapshot['notice'];
  if (!saved.ok && saved.reason !== 'empty') {
    const kept = keep(`${STORAGE_KEY}:unreadable:${Date.now()}`, text);
    notice = {
      tone: 'info',
      text: `We could not read your saved progress (${saved.detail}), so ${restored ? 'the progress kept on this computer is used instead' : 'this course starts afresh'}.${kept ? ' A copy of what was saved is kept in this browser.' : ''}`,
    };
  }
  const from = progress.contentVersion;
  if (from !== outline.contentVersion) {
    // Saved with other content: replayed as far as it still matches (each conversation says
    // if it changed), with the author's notes on what changed since, and a copy kept.
    const kept = keep(`${STORAGE_KEY}:before-update:${Date.now()}`, encodeProgress(progress));
    try {
      notice = (await import('./reconcile.ts')).updateNotice(outline, from, kept);
    } catch {
      notice = { tone: 'info', text: 'This course has changed since your progress was saved. Your progress is kept.' };
    }
    progress = { ...progress, contentVersion: outline.contentVersion };
  }
  const store = new CourseStore(outline, connection, progress, notice, host);
  store.backedUp = Boolean(restored);
  // Save at once: the platform learns the attempt is under way (status "incomplete", which
  // some platforms need before they hand progress back on a later launch).
  store.save();
  // Other tabs of this course for this learner: each takes in what the other saves.
  if (typeof BroadcastChannel === 'function') {
    const channel = (store.channel = new BroadcastChannel(`${STORAGE_KEY}:${host?.scope}:${store.get().kind}:${connection.session.get('learnerId')}`));
    channel.onmessage = ({ data }: MessageEvent<{ hello?: boolean; latest?: string; forget?: boolean; data: string }>) => {
      // "Forget me" in another tab: this one keeps and sends nothing more either.
      if (data.forget) return void store.replace();
      const theirs = decodeProgress(data.data);
      if (!theirs.ok || theirs.progress.contentVersion !== outline.contentVersion) return;
      void store.merge(theirs.progress, data.latest);
      if (data.hello) store.tell();
    };
    store.tell(true);
  }
  // Finish when the page goes away (pagehide, never unload); a page restored from the
  // back/forward cache has a finished session, so it reloads to open a new one. Inside a
  // package the launch page owns the session: a page here only saves.
  win.addEventListener('pagehide', () => store.finish());
  if (!host) {
    win.addEventListener('pageshow', (e) => {
      if ((e as PageTransitionEvent).persisted) win.location.reload();
    });
  }
  win.document.addEventListener('visibilitychange', () => {
    if (win.document.visibilityState === 'hidden') store.save();
  });
  return store;
}
