/**
 * One platform session per launch. A SCORM package opens on its launch page, which connects
 * once (Initialize), shows the course in a frame, and finishes once when it goes away. Pages
 * shown in that frame find the launch page's connection here instead of connecting themselves,
 * so moving between lessons, the knowledge check and the statement never ends the session or
 * starts another.
 */
import type { Connection } from './connect.ts';

export interface LaunchHost {
  connection: Connection;
  /** What the package records: one lesson's id, or "course" for the whole course. */
  scope: string;
  /** Set by the course after every save, so the launch page can finish the attempt correctly. */
  attemptFinished: boolean;
}

const KEY = '__beyondStigmaLaunch';
/** A frame inside the launch page is one or two levels down; a few more allows for nesting. */
const MAX_LEVELS = 8;

export function provideHost(win: Window, host: LaunchHost): void {
  (win as unknown as Record<string, unknown>)[KEY] = host;
}

/** The launch page's host, from this window up its parent chain (same-origin frames only). */
export function findHost(win: Window): LaunchHost | undefined {
  let current: Window | null = win;
  for (let level = 0; current && level < MAX_LEVELS; level++) {
    try {
      const host = (current as unknown as Record<string, unknown>)[KEY];
      if (host && typeof host === 'object' && 'connection' in host) return host as LaunchHost;
    } catch {
      return undefined; // a frame from another origin: not ours
    }
    if (current.parent === current) return undefined;
    current = current.parent;
  }
  return undefined;
}
