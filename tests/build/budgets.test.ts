/**
 * Byte budgets, measured on the built site (`npm test` builds first). A lesson page with a
 * learning platform present makes the learner wait for at most 31 KB of JavaScript (gzip); on
 * the plain website everything it can ever load, the embedded LMS and the islands further down
 * the page included, stays within 70 KB.
 */
import { globSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DIST, requestsAtFirstLoad, total, weighPage } from './pageWeight.ts';

import { BUDGETS as BUDGET, KB } from '../budgets.ts';

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
    expect(requestsAtFirstLoad(w), 'requests at first load').toBeLessThanOrEqual(BUDGET.lessonRequests);
    expect(everything).toBeLessThanOrEqual(BUDGET.lessonJsPlainWebsite);
  });
});

describe('what every page styles itself with', () => {
  const pages = globSync('**/*.html', { cwd: DIST });
  test.each(pages)('%s loads at most 15 KB of CSS (gzip) and no font files', async (page) => {
    const w = await weighPage(page);
    const css = total(w.css);
    console.log(`${page}: CSS gzip ${kb(css)} (${[...w.css.keys()].join(', ')})`);
    expect(w.css.size, 'the page has its stylesheet').toBeGreaterThan(0);
    expect(css).toBeLessThanOrEqual(BUDGET.cssPerPage);
  });

  test('the built site contains no font files and no @font-face (the course uses system fonts)', () => {
    expect(globSync('**/*.{woff,woff2,ttf,otf,eot}', { cwd: DIST })).toEqual([]);
    for (const f of globSync('**/*.css', { cwd: DIST })) expect(readFileSync(`${DIST}/${f}`, 'utf8'), f).not.toMatch(/@font-face/);
  });
});

test('every NHS.UK class the pages and islands use is defined in the stylesheet', () => {
  const css = globSync('**/*.css', { cwd: DIST }).map((f) => readFileSync(`${DIST}/${f}`, 'utf8')).join('\n');
  const used = new Set<string>();
  for (const f of globSync('**/*.{html,js}', { cwd: DIST })) {
    // Whole class names only: a name cut short by a template expression ends in "-".
    for (const m of readFileSync(`${DIST}/${f}`, 'utf8').matchAll(/nhsuk-[a-z0-9_-]*[a-z0-9]/g)) used.add(m[0]);
  }
  const undefinedClasses = [...used].filter((c) => !new RegExp(`\\.${c}(?![a-z0-9_-])`).test(css));
  expect(undefinedClasses).toEqual([]);
});
