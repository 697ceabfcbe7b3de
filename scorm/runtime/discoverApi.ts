/**
 * Finds the LMS's API object the way ADL describes: up this window's parent chain, then the
 * opener's chain (a platform that launches the course in a popup, as NHS Learning Hub does),
 * then the top window's opener. Every step is guarded: a frame from another origin throws.
 */
import { CMI, type ScormVersion } from './cmiPaths.ts';

/** ADL's SCORM 2004 finder gives up after 500 steps; 1.2's after 7. We use the larger bound. */
const MAX_STEPS = 500;

export interface FoundApi {
  version: ScormVersion;
  api: Record<string, unknown>;
}

type Win = Window & Record<string, unknown>;

function apiOn(win: Win, version: ScormVersion): Record<string, unknown> | null {
  try {
    const api = win[CMI[version].apiName];
    return api && typeof api === 'object' ? (api as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function scanParents(start: Win | null, versions: readonly ScormVersion[]): FoundApi | null {
  let win = start;
  for (let steps = 0; win && steps < MAX_STEPS; steps++) {
    for (const version of versions) {
      const api = apiOn(win, version);
      if (api) return { version, api };
    }
    let parent: Win | null = null;
    try {
      parent = win.parent as Win;
    } catch {
      return null;
    }
    if (!parent || parent === win) return null;
    win = parent;
  }
  return null;
}

function safe<T>(read: () => T): T | null {
  try {
    return read() ?? null;
  } catch {
    return null;
  }
}

/**
 * @param versions the versions this build may talk, in order of preference
 */
export function discoverApi(win: Window, versions: readonly ScormVersion[] = ['2004', '1.2']): FoundApi | null {
  const w = win as Win;
  return (
    scanParents(w, versions) ??
    scanParents(safe(() => w.opener as Win | null), versions) ??
    scanParents(safe(() => (w.top as Win | null)?.opener as Win | null), versions)
  );
}
