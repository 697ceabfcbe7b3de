/**
 * The locked-down page, proved in one full play-through of every lesson on the plain website:
 * every conversation to its ending, every knowledge check, markup and script typed into every
 * free-text field (the four reflection boxes of each lesson, and the name on the CPD record),
 * then every other page, where that text is shown again (record, certificate). Each lesson's
 * reflection survives a reload and is never sent anywhere. Throughout:
 * no Content Security Policy violation (reported by the page and in Chromium's console), no
 * console error at all, no request to any other origin, and nothing typed ever runs or
 * becomes an element. The packages get the same watch in scorm.spec.ts.
 */
import { expect, test, type Page } from '@playwright/test';
import { REFLECTION_KEY } from '../../src/islands/Reflection.tsx';
import { answerCheck, builtOutline, forbidOtherOrigins, hydrate, playDialogue, ready } from './helpers.ts';
import { watchPolicy } from './policyWatch.ts';

const outline = builtOutline();

/** Each would set window.__bsInjected, or add a [data-injected] element, if it were ever parsed as HTML. */
const PAYLOADS = [
  '<img src="x" data-injected onerror="window.__bsInjected = 1">',
  '<script>window.__bsInjected = 2</script><b data-injected>bold</b>',
  '"><svg data-injected onload="window.__bsInjected = 3"></svg>',
  '</textarea><iframe data-injected src="javascript:window.parent.__bsInjected = 4"></iframe>',
  "{{constructor.constructor('window.__bsInjected = 5')()}} ${window.__bsInjected = 6}",
];

async function expectNothingRan(page: Page, where: string) {
  expect(await page.evaluate(() => (window as unknown as { __bsInjected?: number }).__bsInjected), `script ran on ${where}`).toBeUndefined();
  await expect(page.locator('[data-injected]'), `element made from typed text on ${where}`).toHaveCount(0);
}

test('a full play-through of every lesson: no policy violation, no other origin, typed markup stays text', async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  const policy = await watchPolicy(page);
  const otherOrigins = forbidOtherOrigins(page, baseURL!);
  // Reflections stay in this browser: no request carries what the learner typed.
  const bodies: string[] = [];
  page.on('request', (r) => void (r.postData() && bodies.push(r.postData()!)));
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  // One payload arrives from storage, as a restored backup or another tab would leave it.
  const first = outline.lessons[0]!;
  await page.addInitScript(
    ([key, id, text]) => {
      if (!localStorage.getItem(key)) localStorage.setItem(key, JSON.stringify({ [id]: { further: text } }));
    },
    [REFLECTION_KEY, first.id, PAYLOADS[3]!] as const,
  );

  const typed = new Map<string, string>();
  for (const [n, lesson] of outline.lessons.entries()) {
    await page.goto(lesson.href);
    await ready(page);
    for (let nth = 0; nth < lesson.dialogues.length; nth++) {
      await playDialogue(page, Infinity, nth);
      await expect(page.locator('section.bs-dialogue').nth(nth)).toHaveAttribute('data-phase', 'ending');
    }
    await answerCheck(page, lesson.id);
    await hydrate(page, '.bs-reflection');
    const boxes = page.locator('.bs-reflection textarea');
    await expect(boxes).toHaveCount(4);
    for (let i = 0; i < 4; i++) {
      if (n === 0 && i === 3) {
        await expect(boxes.nth(i)).toHaveValue(PAYLOADS[3]!);
        typed.set(`${lesson.id}/${i}`, PAYLOADS[3]!);
        continue;
      }
      const text = `${lesson.id} ${i}: ${PAYLOADS[(n + i) % PAYLOADS.length]}`;
      await boxes.nth(i).fill(text);
      await boxes.nth(i).blur();
      typed.set(`${lesson.id}/${i}`, text);
    }
    await expect(page.locator('.bs-reflection-status')).toContainText('Saved in this browser');
    await page.reload();
    await ready(page);
    await hydrate(page, '.bs-reflection');
    for (let i = 0; i < 4; i++) await expect(boxes.nth(i)).toHaveValue(typed.get(`${lesson.id}/${i}`)!);
    await expectNothingRan(page, lesson.href);
  }

  // The record shows every reflection again, and takes a name.
  await page.goto('/record.html');
  await ready(page);
  const name = page.getByLabel('Your name');
  const typedName = `Dr ${PAYLOADS[0]} ${PAYLOADS[1]}`;
  await name.fill(typedName);
  await name.blur();
  for (const lesson of outline.lessons) {
    const section = page.locator(`[data-record-lesson="${lesson.id}"]`);
    for (let i = 0; i < 4; i++) await expect(section.locator('textarea').nth(i)).toHaveValue(typed.get(`${lesson.id}/${i}`)!);
  }
  await expectNothingRan(page, 'record.html');
  // The certificate shows the name as the learner typed it, as text.
  await page.goto('/certificate.html');
  await ready(page);
  await expect(page.locator('main')).toContainText(typedName);
  await expectNothingRan(page, 'certificate.html');
  // Every other page, each with its islands scrolled into view.
  const others = ['index.html', 'glossary.html', 'references.html', 'about.html', 'privacy.html', 'accessibility.html', 'maps.html', ...outline.lessons.map((l) => `scripts/${l.id}.html`)];
  for (const href of others) {
    await page.goto(`/${href}`);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
    await expectNothingRan(page, href);
  }

  expect(policy.violations, 'Content Security Policy violations').toEqual([]);
  expect(policy.consoleProblems, 'console errors and warnings').toEqual([]);
  expect(otherOrigins, 'requests to other origins').toEqual([]);
  expect(dialogs, 'alerts opened by typed text').toEqual([]);
  for (const text of typed.values()) expect(bodies.join('\n'), 'typed text sent somewhere').not.toContain(text.slice(0, 30));
});
