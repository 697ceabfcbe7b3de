import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type FrameLocator, type Page } from '@playwright/test';
import { content } from '../content/contentFixture.ts';
import { outlineFromHtml, type CourseOutline } from '../../src/tracking/outline.ts';

/** The course outline as the built site embeds it, so tests cover every lesson and dialogue. */
export function builtOutline(): CourseOutline {
  return outlineFromHtml(readFileSync(new URL('../../dist/index.html', import.meta.url), 'utf8'), 'dist/index.html');
}

/** Fails the test on any request to another origin (the course makes none). */
export function forbidOtherOrigins(page: Page, baseURL: string) {
  const origin = new URL(baseURL).origin;
  const offenders: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) offenders.push(url);
  });
  return offenders;
}

/** Waits until the islands loaded at once have hydrated and the course store has connected. */
export async function ready(page: Page) {
  await expect(page.locator('astro-island[ssr][client="load"]')).toHaveCount(0);
  await page.waitForFunction(() => document.querySelectorAll('.bs-saved:empty').length === 0);
}

/** Scrolls a `client:visible` island into view and waits for it to hydrate. */
export async function hydrate(page: Page, inside: string) {
  const island = page.locator('astro-island').filter({ has: page.locator(inside) });
  await island.scrollIntoViewIfNeeded();
  await expect(island).not.toHaveAttribute('ssr');
}

/** axe with the WCAG 2.0–2.2 A and AA rules and axe's best practices; no rule is disabled. */
export async function expectNoAxeViolations(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe violations at ${where}`).toEqual([]);
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const AXE_SOURCE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

/**
 * The same axe check, scoped to `selector`, for walking many states in one page load: axe is
 * injected once per page instead of once per check, which makes each check several times faster.
 */
export async function expectNoAxeViolationsIn(page: Page, selector: string, where: string) {
  // Evaluated, not added as a <script> element: the page's Content Security Policy refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(
    async ({ selector, tags }) => {
      const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
      const results = await axe.run({ include: [selector] }, { runOnly: { type: 'tag', values: tags } });
      return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    },
    { selector, tags: AXE_TAGS },
  );
  expect(violations, `axe violations at ${where}`).toEqual([]);
}

/** Presses Tab until the focused element matches `selector` (keyboard only, no clicks). */
export async function tabTo(page: Page, selector: string, max = 200) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

export const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName.toLowerCase(), focus: el?.dataset.focus, text: el?.textContent?.trim() ?? '' };
  });

/**
 * Plays a dialogue by always taking the first choice (in a page, or in a course frame inside a
 * test LMS), up to `stopAfter` decisions or its ending.
 */
export async function playDialogue(frame: Page | FrameLocator, stopAfter = Infinity, nth = 0) {
  const section = frame.locator('section.bs-dialogue').nth(nth);
  await expect(section).toHaveAttribute('data-phase', /choosing|feedback|ending/);
  // Wait for the island to hydrate and the store to connect: a click on server-rendered
  // buttons before then does nothing (a race on a slow machine).
  await expect(frame.locator('astro-island[ssr] section.bs-dialogue')).toHaveCount(0);
  await expect(section.locator('.bs-saved')).not.toBeEmpty();
  for (let made = 0; made < stopAfter; made++) {
    if ((await section.getAttribute('data-phase')) === 'ending') return;
    await section.locator('.bs-choice').first().click();
    await section.getByRole('button', { name: 'Continue' }).click();
  }
}

/** Answers every knowledge-check question correctly and submits. */
export async function answerCheck(frame: Page | FrameLocator, lessonId: string) {
  const quiz = content.quizzes.find((q) => q.lesson === lessonId)!.definition;
  const check = frame.locator('#knowledge-check');
  await check.scrollIntoViewIfNeeded();
  for (const [i, q] of quiz.questions.entries()) {
    const correct = q.options.findIndex((o) => o.correct);
    await check.locator('fieldset').nth(i).locator('input[type="radio"]').nth(correct).check({ force: true });
  }
  await check.getByRole('button', { name: /Submit/ }).click();
  await expect(check.locator('.bs-check-result')).toBeVisible();
}
