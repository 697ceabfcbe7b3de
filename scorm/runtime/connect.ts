/**
 * Opens the page's session: a platform's API when one is found; otherwise the embedded
 * scorm-again LMS (loaded only then) keeping progress in this browser. Either way the course
 * talks to it through the same ScormSession.
 */
import type { ScormVersion } from './cmiPaths.ts';
import { discoverApi } from './discoverApi.ts';
import { ScormSession } from './session.ts';

export interface Connection {
  session: ScormSession;
  /** `platform`: a learning platform records progress; `browser`: only this browser does. */
  kind: 'platform' | 'browser';
  /** Set when the platform's session could not be started. */
  problem?: string;
}

export interface ConnectOptions {
  versions?: readonly ScormVersion[];
  /** localStorage key for the embedded LMS. */
  storageKey: string;
}

export async function connect(win: Window, options: ConnectOptions): Promise<Connection> {
  const found = discoverApi(win, options.versions);
  if (found) {
    const session = new ScormSession(found);
    if (session.initialize()) return { session, kind: 'platform' };
    const fallback = await browserSession(win, options.storageKey);
    return { ...fallback, problem: 'The learning platform did not start a session, so your progress is being kept in this browser only.' };
  }
  return browserSession(win, options.storageKey);
}

async function browserSession(win: Window, storageKey: string): Promise<Connection> {
  const { installFallbackLms } = await import('./fallbackLms.ts');
  let storage: Storage;
  try {
    storage = win.localStorage;
  } catch {
    storage = memoryStorage();
  }
  // A private window of our own, so an LMS's API further up the chain is never shadowed.
  const holder = {} as Window;
  installFallbackLms(holder, storage, storageKey);
  const session = new ScormSession({ version: '1.2', api: (holder as unknown as { API: Record<string, unknown> }).API });
  session.initialize();
  return { session, kind: 'browser' };
}

/** Used when the browser forbids storage: the course still works for this visit. */
function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, String(v)),
  };
}
