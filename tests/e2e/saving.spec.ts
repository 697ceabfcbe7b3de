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
