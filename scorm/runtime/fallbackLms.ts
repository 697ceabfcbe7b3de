/**
 * The embedded LMS for the plain website: scorm-again's SCORM 1.2 API, installed on this window
 * as `window.API` before discovery runs, so the course talks to it exactly as it would to a
 * platform. Commits go to localStorage through scorm-again's httpService hook; a storage
 * failure (private browsing, a full or disabled store) makes the commit return false, which the
 * session reports to the learner like any refused save.
 *
 * Loaded lazily (dynamic import) only when no platform API is found.
 */
import * as scorm12 from 'scorm-again/scorm12';
import type Scorm12ApiClass from 'scorm-again/scorm12';

// scorm-again 3.4.3's ESM build exports the class by name, but its type declarations say it is
// the default export; this reads it as it really is, with the declared type.
const { Scorm12API } = scorm12 as unknown as { Scorm12API: typeof Scorm12ApiClass };

/** What the embedded LMS keeps between visits. */
export interface StoredAttempt {
  location: string;
  status: string;
  suspendData: string;
  exit: string;
  scoreRaw: string;
}

interface CommitPayload {
  cmi?: { suspend_data?: string; core?: { lesson_location?: string; lesson_status?: string; exit?: string; score?: { raw?: string } } };
}

export function readAttempt(storage: Storage, key: string): StoredAttempt | null {
  try {
    const text = storage.getItem(key);
    if (!text) return null;
    const value = JSON.parse(text) as Partial<StoredAttempt>;
    return {
      location: String(value.location ?? ''),
      status: String(value.status ?? 'incomplete'),
      suspendData: String(value.suspendData ?? ''),
      exit: String(value.exit ?? ''),
      scoreRaw: String(value.scoreRaw ?? ''),
    };
  } catch {
    return null;
  }
}

export function installFallbackLms(win: Window, storage: Storage, key: string): void {
  const httpService = {
    processHttpRequest(_url: string, params: CommitPayload) {
      const core = params.cmi?.core ?? {};
      const attempt: StoredAttempt = {
        location: core.lesson_location ?? '',
        status: core.lesson_status ?? 'incomplete',
        suspendData: params.cmi?.suspend_data ?? '',
        exit: core.exit ?? '',
        scoreRaw: core.score?.raw ?? '',
      };
      try {
        storage.setItem(key, JSON.stringify(attempt));
        return { result: 'true', errorCode: 0 };
      } catch {
        return { result: 'false', errorCode: 101 };
      }
    },
    updateSettings() {},
  };
  const api = new Scorm12API({
    lmsCommitUrl: 'browser-storage',
    httpService: httpService as never,
    autocommit: false,
    logLevel: 5,
  });
  const stored = readAttempt(storage, key);
  if (stored) {
    // Unlike a platform, the browser always hands back the last saved state, even after a
    // completed attempt, so a learner can come back to review a finished lesson.
    const status = ['passed', 'completed', 'failed', 'incomplete', 'browsed'].includes(stored.status) ? stored.status : 'incomplete';
    api.loadFromJSON({
      core: { lesson_location: stored.location, lesson_status: status, entry: stored.suspendData ? 'resume' : '', student_name: '' },
      suspend_data: stored.suspendData,
    } as never);
  }
  (win as unknown as Record<string, unknown>).API = api;
}
