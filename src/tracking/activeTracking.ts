/**
 * Counts active time on a lesson page (the rule is in activeTime.ts) and adds it to the
 * lesson's progress: every few seconds in memory, saved every two minutes of activity and
 * whenever the page is hidden or closed (those saves happen anyway). Started by the lesson
 * page's ActiveTime island; returns a function that stops it.
 */
import { ActiveClock } from './activeTime.ts';
import type { CourseStore } from './courseStore.ts';

const TICK_MS = 15_000;
const SAVE_EVERY_MS = 120_000;

export function trackActiveTime(win: Window, store: CourseStore, lessonId: string): () => void {
  const now = () => win.performance.now();
  const clock = new ActiveClock(now(), win.document.visibilityState === 'visible');
  let unsaved = 0;
  const flush = () => {
    const ms = clock.take(now());
    unsaved += ms;
    store.addActiveTime(lessonId, ms);
  };
  const active = () => clock.activity(now());
  for (const type of ['keydown', 'pointerdown', 'pointermove', 'wheel', 'scroll', 'touchstart', 'focusin'] as const) {
    win.addEventListener(type, active, { passive: true, capture: true });
  }
  // Capture listeners run before the store's own (which save when the page is hidden or closed).
  win.document.addEventListener(
    'visibilitychange',
    () => {
      const visible = win.document.visibilityState === 'visible';
      if (!visible) flush();
      clock.setVisible(visible, now());
    },
    { capture: true },
  );
  win.addEventListener('pagehide', flush, { capture: true });
  const timer = win.setInterval(() => {
    flush();
    if (unsaved >= SAVE_EVERY_MS) {
      unsaved = 0;
      store.save();
    }
  }, TICK_MS);
  const stop = () => win.clearInterval(timer);
  win.addEventListener('pagehide', stop);
  return stop;
}
