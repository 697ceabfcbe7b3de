/**
 * Every performance budget in one place. The deterministic ones (bytes, requests) are ordinary
 * tests in `npm test` (tests/build/); all of them, Lighthouse included, are checked by
 * `npm run bench`, which exits non-zero when one is over.
 */
export const KB = 1024;

export const BUDGETS = {
  /**
   * JavaScript a lesson page makes the learner wait for with a platform present (gzip). Raised
   * from 30 KB to 31 KB in content version 0.8.0, deliberately: never losing progress (two tabs
   * kept in step, answers a platform refused sent again, a learner resuming after an update told
   * what changed) needs about 650 bytes on the first load, after everything that could wait was
   * moved into a chunk loaded only when needed (src/tracking/reconcile.ts).
   */
  lessonJsWithPlatform: 31 * KB,
  /** Everything a lesson page can load on the plain website, embedded LMS included (gzip). */
  lessonJsPlainWebsite: 70 * KB,
  /** Requests a lesson page makes before it is usable: the page, its stylesheet, the scripts. */
  lessonRequests: 8,
  /** CSS on any page (gzip); no web fonts at all. */
  cssPerPage: 15 * KB,
  /** A one-lesson SCORM 1.2 package. */
  lessonPackage: 250 * KB,
  /** The whole-course package. */
  coursePackage: 1024 * KB,
  /** Lighthouse, mobile preset with its default throttling, on the home and lesson pages. */
  lighthouse: { performance: 100, accessibility: 100, 'best-practices': 100 },
} as const;
