/**
 * Active time, for the CPD record: time with the lesson page visible and the learner active,
 * not wall-clock time. A GP's appraiser wants the time spent learning, not the hours a tab sat
 * open behind a clinic system.
 *
 * The rule: time counts while the page is visible, up to IDLE_LIMIT_MS after the learner last
 * did something (a key, a click or tap, a scroll, moving the pointer, focus moving). Reading
 * without touching anything for longer than that stops the clock until the next activity.
 *
 * Pure (the caller passes the time), so the rule is tested without a browser.
 */
export const IDLE_LIMIT_MS = 3 * 60_000;

export class ActiveClock {
  private visible: boolean;
  private lastActivity: number;
  /** Time counted up to here already. */
  private mark: number;
  private banked = 0;

  constructor(now: number, visible = true, private readonly idleLimit = IDLE_LIMIT_MS) {
    this.visible = visible;
    this.lastActivity = now;
    this.mark = now;
  }

  /** Counts the time since the mark, as far as the learner was active and the page visible. */
  private settle(now: number) {
    if (now <= this.mark) return;
    if (this.visible) {
      const end = Math.min(now, this.lastActivity + this.idleLimit);
      if (end > this.mark) this.banked += end - this.mark;
    }
    this.mark = now;
  }

  /** The learner did something. */
  activity(now: number) {
    this.settle(now);
    this.lastActivity = now;
  }

  /** The page became visible (counts as activity: the learner came back to it) or hidden. */
  setVisible(visible: boolean, now: number) {
    this.settle(now);
    this.visible = visible;
    if (visible) this.lastActivity = now;
  }

  /** Active milliseconds counted since the last take. */
  take(now: number): number {
    this.settle(now);
    const taken = this.banked;
    this.banked = 0;
    return taken;
  }
}

/** "1 hour 5 minutes", "12 minutes", "less than a minute": how the record shows time. */
export function formatDuration(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  if (minutes < 1) return seconds > 0 ? 'less than a minute' : 'none recorded';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (!h) return part(m, 'minute');
  return m ? `${part(h, 'hour')} ${part(m, 'minute')}` : part(h, 'hour');
}
