/**
 * Byte budgets, measured on the built site (`npm test` builds first). A lesson page with a
 * learning platform present makes the learner wait for at most 30 KB of JavaScript (gzip); on
 * the plain website everything it can ever load, the embedded LMS and the islands further down
 * the page included, stays within 70 KB.
 */
import { globSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DIST, total, weighPage } from './pageWeight.ts';

const KB = 1024;
export const BUDGET = { lessonJsWithPlatform: 30 * KB, lessonJsPlainWebsite: 70 * KB, cssPerPage: 15 * KB };

const lessonPages = globSync('lessons/*.html', { cwd: DIST });
const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;

describe('what a lesson page loads', () => {
  test('there are lesson pages to weigh', () => {
    expect(lessonPages.length).toBeGreaterThan(0);
  });

  test.each(lessonPages)('%s stays within its JavaScript budgets', async (page) => {
    const w = await weighPage(page);
    const initial = total(w.initialJs);
    const everything = initial + total(w.deferredJs) + total(w.lazyJs);
    console.log(
      `${page}: JS gzip ${kb(initial)} at first load with a platform, +${kb(total(w.deferredJs))} for islands further down, ` +
        `+${kb(total(w.lazyJs))} on demand (embedded LMS); ${kb(everything)} in all on the plain website`,
    );
    expect([...w.lazyJs.keys()].some((f) => /embedded-lms|fallbackLms/.test(f)), 'the embedded LMS is loaded on demand only').toBe(true);
    expect(initial).toBeLessThanOrEqual(BUDGET.lessonJsWithPlatform);
    expect(everything).toBeLessThanOrEqual(BUDGET.lessonJsPlainWebsite);
  });
});
