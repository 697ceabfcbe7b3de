/**
 * What the course keeps only in this browser, never in the platform's suspend data: the
 * learner's reflections (keyed by course and lesson, not by platform attempt, so they survive
 * a platform starting a fresh attempt) and the name they typed for their record. On a platform
 * both are kept per platform learner id, so on a shared computer one learner never sees (or
 * shares) another's; on the plain website there is one learner per browser. Consent to share is
 * kept the same way (sharing.ts). All keys start with KEY_PREFIX, so "forget me on this
 * computer" can remove everything the course stored.
 */
export const KEY_PREFIX = 'beyond-stigma:';
export const REFLECTION_KEY = `${KEY_PREFIX}reflections:v1`;
export const LEARNER_KEY = `${KEY_PREFIX}learner:v1`;

/** Who is learning: the platform's learner id, or "" on the plain website (one learner per browser). */
export const learnerOf = (store: { connection: { kind: string; session: { get(key: 'learnerId'): string } } }): string =>
  store.connection.kind === 'platform' ? store.connection.session.get('learnerId') : '';

/** A key for one learner: the plain key on the website (no learner id), suffixed on a platform. */
export const keyFor = (key: string, learner: string) => (learner ? `${key}:${encodeURIComponent(learner)}` : key);

/** Announced on this window whenever the course changes what it keeps here. */
const CHANGED = 'beyond-stigma:local-change';

export const HEADINGS = [
  { id: 'learned', label: 'What I learned' },
  { id: 'applies', label: 'How it applies to my practice' },
  { id: 'change', label: 'What I will change' },
  { id: 'further', label: 'Further learning' },
] as const;

export type HeadingId = (typeof HEADINGS)[number]['id'];
export type ReflectionEntry = Partial<Record<HeadingId, string>>;
export type Reflections = Record<string, ReflectionEntry>;

export interface LearnerPrefs {
  /** The name the learner typed for their record and certificate. */
  name?: string;
}

const HEADING_IDS = new Set<string>(HEADINGS.map((h) => h.id));
const LESSON_ID = /^[a-z][a-z0-9-]{0,39}$/;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

function readJson(key: string): unknown {
  try {
    return JSON.parse(storage()?.getItem(key) ?? 'null');
  } catch {
    return null;
  }
}

function writeJson(key: string, value: unknown): boolean {
  const store = storage();
  if (!store) return false;
  try {
    store.setItem(key, JSON.stringify(value));
  } catch {
    return false;
  }
  globalThis.dispatchEvent?.(new Event(CHANGED));
  return true;
}

/** Keeps only well-formed entries: lesson ids, the four headings, text. */
export function cleanReflections(value: unknown): Reflections {
  if (!isRecord(value)) return {};
  const out: Reflections = {};
  for (const [lessonId, entry] of Object.entries(value)) {
    if (!LESSON_ID.test(lessonId) || !isRecord(entry)) continue;
    const clean: ReflectionEntry = {};
    for (const [heading, text] of Object.entries(entry)) {
      if (HEADING_IDS.has(heading) && typeof text === 'string') clean[heading as HeadingId] = text;
    }
    out[lessonId] = clean;
  }
  return out;
}

export const readReflections = (learner: string): Reflections => cleanReflections(readJson(keyFor(REFLECTION_KEY, learner)));

/** Saves one lesson's reflection. False when the browser would not store it. */
export const writeReflection = (learner: string, lessonId: string, entry: ReflectionEntry): boolean =>
  writeJson(keyFor(REFLECTION_KEY, learner), { ...readReflections(learner), [lessonId]: entry });

export const writeReflections = (learner: string, all: Reflections): boolean => writeJson(keyFor(REFLECTION_KEY, learner), all);

export const hasText = (entry: ReflectionEntry | undefined): boolean => Boolean(entry && HEADINGS.some((h) => entry[h.id]?.trim()));

export function readLearner(learner: string): LearnerPrefs {
  const value = readJson(keyFor(LEARNER_KEY, learner));
  return isRecord(value) && typeof value.name === 'string' ? { name: value.name } : {};
}

export const writeLearner = (learner: string, prefs: LearnerPrefs): boolean => writeJson(keyFor(LEARNER_KEY, learner), prefs);

/** Every key the course has stored in this browser. */
export function courseKeys(): string[] {
  const store = storage();
  if (!store) return [];
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key?.startsWith(KEY_PREFIX)) keys.push(key);
  }
  return keys;
}

/** Keys kept for one platform learner: their reflections, name, and progress the platform did not take. */
const OWNED = /^beyond-stigma:(?:reflections:v1|learner:v1|progress:v1:platform-backup):(.+)$/;

/**
 * Removes what the course stored in this browser for this learner: everything, on the plain
 * website; on a platform, everything except what is kept for another platform learner (on a
 * shared computer, one learner's "forget me" must not lose another's progress). Returns how
 * many items went.
 */
export function forgetEverything(learner = ''): number {
  const store = storage();
  const keys = courseKeys().filter((k) => {
    const owner = OWNED.exec(k)?.[1];
    return !learner || !owner || owner === encodeURIComponent(learner);
  });
  for (const key of keys) store?.removeItem(key);
  globalThis.dispatchEvent?.(new Event(CHANGED));
  return keys.length;
}

/** Calls `fn` when what the course keeps here changes, in this tab or another. */
export function onLocalChange(fn: () => void): () => void {
  const onStorage = (e: StorageEvent) => {
    if (e.key === null || e.key.startsWith(KEY_PREFIX)) fn();
  };
  globalThis.addEventListener(CHANGED, fn);
  globalThis.addEventListener('storage', onStorage);
  return () => {
    globalThis.removeEventListener(CHANGED, fn);
    globalThis.removeEventListener('storage', onStorage);
  };
}
