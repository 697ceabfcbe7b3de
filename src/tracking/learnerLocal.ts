/**
 * What the course keeps only in this browser, never in the platform's suspend data: the
 * learner's reflections (keyed by course and lesson, not by platform attempt, so they survive
 * a platform starting a fresh attempt), the name they typed for their record, and whether
 * they agreed to share their reflections with the platform (consent.ts). All keys start with
 * KEY_PREFIX, so "forget me on this computer" can remove everything the course stored.
 */
export const KEY_PREFIX = 'beyond-stigma:';
export const REFLECTION_KEY = `${KEY_PREFIX}reflections:v1`;
export const LEARNER_KEY = `${KEY_PREFIX}learner:v1`;

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

export const readReflections = (): Reflections => cleanReflections(readJson(REFLECTION_KEY));

/** Saves one lesson's reflection. False when the browser would not store it. */
export const writeReflection = (lessonId: string, entry: ReflectionEntry): boolean =>
  writeJson(REFLECTION_KEY, { ...readReflections(), [lessonId]: entry });

export const writeReflections = (all: Reflections): boolean => writeJson(REFLECTION_KEY, all);

export const hasText = (entry: ReflectionEntry | undefined): boolean => Boolean(entry && HEADINGS.some((h) => entry[h.id]?.trim()));

export function readLearner(): LearnerPrefs {
  const value = readJson(LEARNER_KEY);
  return isRecord(value) && typeof value.name === 'string' ? { name: value.name } : {};
}

export const writeLearner = (prefs: LearnerPrefs): boolean => writeJson(LEARNER_KEY, prefs);

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

/** Removes everything the course stored in this browser. Returns how many items went. */
export function forgetEverything(): number {
  const store = storage();
  const keys = courseKeys();
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
