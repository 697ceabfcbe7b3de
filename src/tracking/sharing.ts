/**
 * Sharing reflections with the learning platform, only with the learner's consent. The
 * consent is kept in this browser per platform learner id, so on a shared computer one
 * learner's consent never sends another's text. Reflections go as learner comments (see
 * scorm/runtime/comments.ts) when the learner ticks the box, when they leave a reflection box,
 * and with the store's next save after a change (so closing the page shares the last words).
 *
 * Used only by the islands that show reflections (deferred on lesson pages), so the code every
 * lesson page waits for does not carry it.
 */
import { writeComments } from '../../scorm/runtime/comments.ts';
import type { CourseStore } from './courseStore.ts';
import { HEADINGS, hasText, readReflections, type ReflectionEntry, learnerOf } from './learnerLocal.ts';

export const CONSENT_KEY = 'beyond-stigma:share-consent:v1';

function readAll(): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(CONSENT_KEY) ?? '{}');
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * A reflection as the platform receives it, on one line: SCORM 2004's comment type does not
 * allow line breaks (scorm-again refuses them, as a strict platform may), so breaks the learner
 * typed become " / " and the headings are separated by " | ".
 */
export function reflectionComment(courseTitle: string, lessonTitle: string, entry: ReflectionEntry): string {
  const oneLine = (text: string) => text.trim().replace(/\s*[\r\n]+\s*/g, ' / ');
  const parts = HEADINGS.filter((h) => entry[h.id]?.trim()).map((h) => `${h.label}: ${oneLine(entry[h.id]!)}`);
  return [`${courseTitle}: ${lessonTitle}. Reflection shared by the learner.`, ...parts].join(' | ');
}

export interface SharingState {
  /** A platform is recording this launch, so sharing is possible. */
  available: boolean;
  consent: boolean;
  /** The latest attempt to share. */
  shared?: { ok: boolean; at: Date };
}

/** The platform's session, when a platform records this launch and the learner has not asked this computer to forget them. */
const platformSession = (store: CourseStore) => (store.connection.kind === 'platform' && !store.forgotten ? store.connection.session : undefined);

export class Sharing {
  private state: SharingState;
  private dirty = false;
  private readonly listeners = new Set<(s: SharingState) => void>();

  constructor(private readonly store: CourseStore) {
    const session = platformSession(store);
    this.state = { available: Boolean(session), consent: Boolean(session) && readAll()[session!.get('learnerId')] === true };
    store.beforeSave = () => {
      if (this.dirty) this.share();
    };
  }

  get(): SharingState {
    return this.state;
  }

  subscribe(fn: (s: SharingState) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private publish(next: Partial<SharingState>) {
    this.state = { ...this.state, ...next };
    for (const fn of this.listeners) fn(this.state);
  }

  /** Records the learner's choice; sharing starts at once when they agree. */
  setConsent(consent: boolean): void {
    const session = platformSession(this.store);
    if (!session) return;
    const all = readAll();
    if (consent) all[session.get('learnerId')] = true;
    else delete all[session.get('learnerId')];
    try {
      localStorage.setItem(CONSENT_KEY, JSON.stringify(all));
    } catch {
      // Consent then lasts for this page only; sharing still follows the box.
    }
    this.publish({ consent, shared: undefined });
    if (consent) this.share();
  }

  /** A reflection changed: it is shared with the next save. */
  changed(): void {
    this.dirty = true;
  }

  /**
   * Sends the reflections of the lessons in scope that have any text, and commits. Does
   * nothing without consent. Returns whether the platform took them.
   */
  share(): boolean {
    const session = platformSession(this.store);
    if (!session || !this.state.consent) return false;
    this.dirty = false;
    const reflections = readReflections(learnerOf(this.store));
    const { title } = this.store.outline;
    const items = this.store.scoped.lessons
      .filter((l) => hasText(reflections[l.id]))
      .map((l) => ({ location: l.id, text: reflectionComment(title, l.title, reflections[l.id]!) }));
    if (!items.length) return true;
    session.takeFailures();
    const written = writeComments(session, items);
    const ok = written && session.commit() && !session.takeFailures().length;
    this.publish({ shared: { ok, at: new Date() } });
    return ok;
  }
}

const byStore = new WeakMap<CourseStore, Sharing>();

/** The page's one sharing controller for its store. */
export function sharingFor(store: CourseStore): Sharing {
  let sharing = byStore.get(store);
  if (!sharing) byStore.set(store, (sharing = new Sharing(store)));
  return sharing;
}
