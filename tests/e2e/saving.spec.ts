/** Bad input loses nothing and is explained: a browser that will not store, unreadable progress. */
import { expect, test } from '@playwright/test';
import { builtOutline, ready } from './helpers.ts';

const lesson = builtOutline().lessons[0]!;
const dialogue = lesson.dialogues[0]!;

test('a browser that refuses to store progress tells the learner, and the dialogue carries on', async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.goto(lesson.href);
  await ready(page);
  const section = page.locator(`#${dialogue.id}`);
  await section.locator('.bs-choice').first().click();
  await expect(section.getByRole('alert')).toContainText('did not let us save your progress');
  await section.locator('[data-action="continue"]').click();
  await expect(section).toHaveAttribute('data-phase', 'choosing');
});

test('saved progress that cannot be read starts afresh with an explanation, and a copy is kept', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('beyond-stigma:progress:v1', JSON.stringify({ location: 'x', status: 'incomplete', suspendData: '{"s":1,"v":"0","l":{"bad":{"d":{"x":["<img>",1]}}}}', exit: 'suspend', scoreRaw: '' }));
    }
  });
  await page.goto(lesson.href);
  await ready(page);
  await expect(page.getByTestId('progress-notice')).toContainText('could not read your saved progress');
  await expect(page.locator(`#${dialogue.id}`)).toHaveAttribute('data-node', /.+/);
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':unreadable:')).map((k) => localStorage.getItem(k)));
  expect(kept).toEqual(['{"s":1,"v":"0","l":{"bad":{"d":{"x":["<img>",1]}}}}']);
});

test('before the player has loaded, its choices are disabled, and without JavaScript the page says why', async ({ browser, baseURL }) => {
  // The player's script never arrives: the server-rendered choices must not look usable.
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.route('**/_astro/*.js', (route) => route.abort());
  await page.goto(lesson.href);
  const choices = page.locator('section.bs-dialogue .bs-choice');
  expect(await choices.count()).toBeGreaterThan(0);
  for (const c of await choices.all()) await expect(c).toBeDisabled();
  // With JavaScript turned off, the page explains (a <noscript> message; Chromium's emulation
  // of disabled scripts does not re-parse <noscript>, so the served HTML is checked instead).
  const html = await (await page.request.get(lesson.href)).text();
  expect(html).toMatch(/<noscript>[\s\S]*?This course needs JavaScript[\s\S]*?<\/noscript>/);
  await context.close();
});

test('if progress cannot be connected at all, the learner can still play and is told it will not be saved', async ({ page }) => {
  // Break the page's course outline, which the progress store needs.
  await page.route(`**/${lesson.href}`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: (await response.text()).replace('id="bs-outline"', 'id="bs-outline-broken"') });
  });
  await page.goto(lesson.href);
  const section = page.locator(`section.bs-dialogue#${dialogue.id}`);
  await expect(section.getByRole('alert')).toContainText('will not be saved');
  await section.locator('.bs-choice').first().click();
  await expect(section).toHaveAttribute('data-phase', 'feedback');
});

test('on the plain website, two tabs of the course keep each other in step, and each says the other is open', async ({ context }) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  await a.goto(lesson.href);
  await ready(a);
  await b.goto(lesson.href);
  await ready(b);
  for (const p of [a, b]) await expect(p.getByTestId('progress-notice')).toContainText('also open in another tab');
  // The learner brings each tab to the front to use it (a background tab's timers are slowed).
  await a.bringToFront();
  await a.locator(`#${dialogue.id} .bs-choice`).first().click();
  await a.locator(`#${dialogue.id} [data-action="continue"]`).click();
  const node = await a.locator(`#${dialogue.id}`).getAttribute('data-node');
  await expect(b.locator(`#${dialogue.id}`)).toHaveAttribute('data-node', node!);
  // Tab b carries on from there; closing a (which saved less) loses none of it.
  await b.bringToFront();
  await b.locator(`#${dialogue.id} .bs-choice`).first().click();
  await a.close();
  const c = await context.newPage();
  await c.goto(lesson.href);
  await ready(c);
  await expect(c.locator(`#${dialogue.id}`)).toHaveAttribute('data-phase', 'feedback');
  await expect(c.locator(`#${dialogue.id}`)).toHaveAttribute('data-node', node!);
});

test('on the plain website, progress saved with an older version resumes, with the change notes', async ({ page }) => {
  const outline = builtOutline();
  const older = outline.changes[1]!.version;
  await page.addInitScript(
    ([older, lessonId, dialogueId]) => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      const suspendData = JSON.stringify({ s: 1, v: older, l: { [lessonId]: { d: { [dialogueId]: ['a.', 0] } } } });
      localStorage.setItem('beyond-stigma:progress:v1', JSON.stringify({ location: '', status: 'incomplete', suspendData, exit: 'suspend', scoreRaw: '' }));
    },
    [older, lesson.id, dialogue.id] as const,
  );
  await page.goto(lesson.href);
  await ready(page);
  const notice = page.getByTestId('progress-notice');
  await expect(notice).toContainText(`with version ${older}; this is version ${outline.contentVersion}`);
  await expect(page.locator(`#${dialogue.id} .bs-transcript > li`)).toHaveCount(2);
  // Told once: the next visit has nothing to say.
  await page.reload();
  await ready(page);
  await expect(notice).toBeEmpty();
  await expect(page.locator(`#${dialogue.id} .bs-transcript > li`)).toHaveCount(2);
});
