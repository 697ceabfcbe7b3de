/**
 * The WCAG 2.2 AA audit, where a machine can check it.
 *
 * 1. Every state of every dialogue, walked in one page load at 320 px: each node's choices and
 *    the feedback for every choice there, and every ending. At each state: no sideways
 *    scrolling, focus on the new content, and the live region holding exactly what is new, in
 *    order; axe (scoped to the dialogue; the whole page is checked below) at every node's
 *    choices, every ending, and the feedback once for each quality of answer in the dialogue.
 * 2. Every page at 1280 px: axe, headings in order, one of each landmark, every Tab stop
 *    visible, focused and not hidden behind anything, targets at least 24 × 24 px; then reflow
 *    at 320 px, 200 % zoom and the WCAG text-spacing overrides without loss of content.
 *
 * Known exceptions, each allowed by WCAG itself, are listed in README ("Accessibility audit").
 */
import { expect, test, type Page } from '@playwright/test';
import { coveringPaths, nodeMap } from '../../src/engine/dialogueGraph.ts';
import { content } from '../content/contentFixture.ts';
import { builtOutline, expectNoAxeViolations, expectNoAxeViolationsIn, focused, hydrate, ready } from './helpers.ts';

const outline = builtOutline();

async function noSidewaysScroll(page: Page, where: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `sideways scroll at ${where}`).toBeLessThanOrEqual(0);
}

const focusIs = (page: Page) => expect.poll(async () => (await focused(page)).focus);

test.describe('every dialogue state', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  for (const { lesson: lessonId, definition: def } of content.dialogues) {
    const lesson = outline.lessons.find((l) => l.id === lessonId)!;
    test(`${lessonId}/${def.id}: every node, every answer's feedback and every ending`, async ({ page }) => {
      const nodes = nodeMap(def);
      await page.goto(lesson.href);
      await ready(page);
      const scope = `section.bs-dialogue#${def.id}`;
      const section = page.locator(scope);
      const announcer = section.getByTestId('announcer');
      const seen = { choosing: new Set<string>(), feedback: new Set<string>(), endings: new Set<string>(), qualities: new Set<string>() };

      for (const [i, path] of coveringPaths(def).entries()) {
        if (i > 0) {
          await section.getByRole('button', { name: 'Start this conversation again' }).click();
          await section.getByRole('button', { name: 'Yes, start again' }).click();
          await expect(section).toHaveAttribute('data-node', def.start);
        }
        for (const step of path) {
          const node = nodes.get(step.node)!;
          await expect(section).toHaveAttribute('data-node', node.id);
          if (!seen.choosing.has(node.id)) {
            await expectNoAxeViolationsIn(page, scope, `${node.id}: choosing`);
            await noSidewaysScroll(page, `${node.id}: choosing`);
            seen.choosing.add(node.id);
          }
          // Every answer's feedback once, with "Try another answer" between them; the path's
          // own choice last, so Continue follows it.
          const order = seen.feedback.has(node.id) ? [step.choice] : [...node.choices!.map((c) => c.id).filter((c) => c !== step.choice), step.choice];
          for (const [k, choiceId] of order.entries()) {
            const choice = node.choices!.find((c) => c.id === choiceId)!;
            if (k > 0) {
              await section.getByRole('button', { name: 'Try another answer' }).click();
              await focusIs(page).toBe('prompt');
            }
            await section.locator('.bs-choice', { hasText: choice.label.slice(0, 40) }).click();
            await expect(section).toHaveAttribute('data-phase', 'feedback');
            await focusIs(page).toBe('feedback');
            // The feedback is read out when it appears: the live region holds it, once.
            await expect(announcer).toHaveText(`${choice.feedback.consequence} ${choice.feedback.reason}`);
            // Sideways scroll for every answer's feedback (its text decides the width); axe once
            // per kind of feedback in the dialogue (best, acceptable, harmful: each has its own
            // colours and tag), since every feedback panel is the same template.
            await noSidewaysScroll(page, `${node.id}: feedback for ${choice.id}`);
            if (!seen.qualities.has(choice.quality)) {
              await expectNoAxeViolationsIn(page, scope, `${node.id}: feedback for ${choice.id} (${choice.quality})`);
              seen.qualities.add(choice.quality);
            }
          }
          seen.feedback.add(node.id);
          await section.getByRole('button', { name: 'Continue' }).click();
          const next = nodes.get(node.choices!.find((c) => c.id === step.choice)!.next)!;
          await expect(section).toHaveAttribute('data-node', next.id);
          // New lines are announced once, in order, and nothing from before is repeated.
          const said = (await announcer.textContent()) ?? '';
          const parts = [next.narration, ...(next.lines ?? []).map((l) => l.text)].filter((p): p is string => Boolean(p));
          let at = -1;
          for (const part of parts) {
            const found = said.indexOf(part, at + 1);
            expect(found, `announcement at ${next.id} has "${part}" after what came before`).toBeGreaterThan(at);
            expect(said.indexOf(part, found + 1), `"${part}" announced once`).toBe(-1);
            at = found;
          }
          for (const old of node.lines ?? []) if (!parts.includes(old.text)) expect(said).not.toContain(old.text);
          if (next.ending) {
            await focusIs(page).toBe('ending');
            await expect(section).toHaveAttribute('data-phase', 'ending');
            if (!seen.endings.has(next.id)) {
              await expectNoAxeViolationsIn(page, scope, `${next.id}: ending`);
              await noSidewaysScroll(page, `${next.id}: ending`);
              seen.endings.add(next.id);
            }
          } else {
            await focusIs(page).toBe('prompt');
          }
        }
      }
      const decisions = def.nodes.filter((n) => n.choices).map((n) => n.id);
      expect([...seen.feedback].sort()).toEqual(decisions.sort());
      expect([...seen.endings].sort()).toEqual(def.nodes.filter((n) => n.ending).map((n) => n.id).sort());
    });
  }
});

/** Every page of the built course, with its client:visible islands hydrated. */
const pages = [
  { name: 'home', href: '/index.html' },
  ...outline.lessons.map((l) => ({ name: `lesson ${l.id}`, href: l.href })),
  { name: 'accessibility statement', href: '/accessibility.html' },
  { name: 'conversation maps', href: '/maps.html' },
  { name: 'CPD record', href: '/record.html' },
  { name: 'certificate', href: '/certificate.html' },
  { name: 'privacy notice', href: '/privacy.html' },
  { name: 'about', href: '/about.html' },
  { name: 'references', href: '/references.html' },
  { name: 'glossary', href: '/glossary.html' },
  // Every script page comes from one template and the same markup for every dialogue (the build
  // tests check each page's content): the first stands for the rest here, which keeps the suite
  // within its time (axe on each long script page takes about ten seconds).
  { name: `script ${outline.lessons[0]!.id}`, href: `/scripts/${outline.lessons[0]!.id}.html` },
];

async function openFully(page: Page, href: string) {
  await page.goto(href);
  await ready(page);
  // Only islands that wait to be scrolled to: the record's reflections are in a client:load island.
  for (const inside of ['#knowledge-check', '.bs-reflection']) if (await page.locator(`astro-island[client="visible"] ${inside}`).count()) await hydrate(page, inside);
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** The WCAG 1.4.12 text-spacing overrides. */
const TEXT_SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }`;

for (const { name, href } of pages) {
  test.describe(`page: ${name}`, () => {
    test('axe, headings in order and one of each landmark', async ({ page }) => {
      await openFully(page, href);
      await expectNoAxeViolations(page, name);
      const levels = await page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
      expect(levels[0], 'the first heading is the h1').toBe(1);
      expect(levels.filter((l) => l === 1), 'one h1').toHaveLength(1);
      for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!, `heading ${i + 1} skips a level`).toBeLessThanOrEqual(1);
      for (const role of ['banner', 'main', 'contentinfo'] as const) await expect(page.getByRole(role)).toHaveCount(1);
    });

    test('every Tab stop shows focus, is not hidden, and is at least 24 × 24 px unless inline', async ({ page }) => {
      await openFully(page, href);
      const problems: string[] = [];
      const seen = new Set<string>();
      for (let i = 0; i < 400; i++) {
        await page.keyboard.press('Tab');
        const stop = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          const id = `${el.tagName.toLowerCase()}#${el.id}.${el.className}:${el.textContent?.trim().slice(0, 30)}@${Math.round(el.getBoundingClientRect().top + window.scrollY)}`;
          const focusedStyle = getComputedStyle(el);
          const look = (s: CSSStyleDeclaration) => [s.outlineStyle, s.outlineWidth, s.boxShadow, s.backgroundColor, s.color, s.textDecorationLine].join('|');
          const onFocus = look(focusedStyle);
          // A link that wraps has several boxes; the first is the one scrolled into view.
          const r = el.getClientRects()[0] ?? el.getBoundingClientRect();
          // In view: wholly, or for a box taller than the window (a map) filling part of it.
          const tall = r.height > window.innerHeight;
          // Half a pixel of slack: the browser scrolls a focused box into view at sub-pixel
          // positions (a bottom at 720.05 in a 720 px window is in view).
          const visible = r.width > 0 && r.height > 0 && (tall ? r.top < window.innerHeight && r.bottom > 0 : r.top >= -0.5 && r.bottom <= window.innerHeight + 0.5) && r.left >= -0.5 && r.right <= window.innerWidth + 0.5;
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          const obscured = !(hit && (el === hit || el.contains(hit) || hit.contains(el) || (el as HTMLInputElement).labels?.[0]?.contains(hit)));
          // Inline links in a sentence are exempt from 2.5.8 (the "inline" exception).
          const parentText = el.parentElement?.textContent?.trim() ?? '';
          const inline = el.tagName === 'A' && getComputedStyle(el).display === 'inline' && parentText.length > (el.textContent?.trim().length ?? 0) + 1;
          const box = el.getBoundingClientRect();
          el.blur();
          const unfocused = look(getComputedStyle(el));
          el.focus({ preventScroll: true });
          return { id, focusShows: onFocus !== unfocused, visible, obscured, inline, w: box.width, h: box.height };
        });
        if (!stop) continue;
        if (seen.has(stop.id)) break; // wrapped round
        seen.add(stop.id);
        if (!stop.focusShows) problems.push(`${stop.id}: no visible focus style`);
        if (!stop.visible) problems.push(`${stop.id}: focused but not fully in view`);
        if (stop.obscured) problems.push(`${stop.id}: hidden behind other content`);
        if (!stop.inline && (stop.w < 24 || stop.h < 24)) problems.push(`${stop.id}: target ${stop.w}×${stop.h} px`);
      }
      expect(seen.size, 'Tab reached the page').toBeGreaterThan(2);
      expect(problems).toEqual([]);
    });

    // One test, three page loads: 200 % zoom (1280 px at 200 % is a 640 px viewport); reflow at
    // 320 px, then the WCAG text-spacing overrides on the same load; the overrides at 1280 px.
    test('reflow at 320 px and 200 % zoom, and text spacing at 320 and 1280 px: no sideways scroll, nothing clipped', async ({ page }) => {
      await page.setViewportSize({ width: 640, height: 400 });
      await openFully(page, href);
      await noSidewaysScroll(page, `${name}, 200 % zoom (1280 px at 200 %)`);
      for (const width of [320, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        await openFully(page, href);
        if (width === 320) await noSidewaysScroll(page, `${name}, reflow at 320 px`);
        // As a user style sheet would: through the CSS object model, which the page's Content
        // Security Policy allows (a <style> element it would refuse).
        await page.evaluate((css) => {
          const sheet = new CSSStyleSheet();
          sheet.replaceSync(css);
          document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
        }, TEXT_SPACING);
        await noSidewaysScroll(page, `${name} with text spacing at ${width} px`);
        const clipped = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('body *')]
            // Visually hidden text (and the skip link until focused) is clipped on purpose.
            .filter((el) => !el.closest('.nhsuk-u-visually-hidden, .nhsuk-skip-link, [hidden]') && el.offsetParent !== null)
            .filter((el) => {
              const s = getComputedStyle(el);
              const hides = (o: string) => o === 'hidden' || o === 'clip';
              return (hides(s.overflowX) && el.scrollWidth > el.clientWidth + 1) || (hides(s.overflowY) && el.scrollHeight > el.clientHeight + 1);
            })
            .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
        );
        expect(clipped, `content clipped with text spacing at ${width} px`).toEqual([]);
      }
    });
  });
}
