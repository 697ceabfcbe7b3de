/**
 * The rest of a lesson page: the knowledge check by keyboard. (Every lesson's reflection,
 * kept in the browser across a reload, never sent, and shown as text whatever is typed, is
 * tested in locked.spec.ts.)
 */
import { expect, test } from '@playwright/test';
import { builtOutline, expectNoAxeViolationsIn, focused, hydrate, ready, tabTo } from './helpers.ts';

const outline = builtOutline();

for (const lesson of outline.lessons) {
  test(`${lesson.id}: the knowledge check is answered by keyboard; the first attempt is the recorded score`, async ({ page }) => {
    await page.goto(lesson.href);
    await ready(page);
    const check = page.locator('#knowledge-check');
    await hydrate(page, '#knowledge-check');
    await tabTo(page, '#knowledge-check button[type="submit"]');
    await page.keyboard.press('Enter');
    await expect(check.locator('.nhsuk-error-summary')).toBeVisible();
    expect(await focused(page)).toMatchObject({ tag: 'div' });
    // The whole lesson page gets axe in audit.spec.ts; here, the check in each state.
    await expectNoAxeViolationsIn(page, '#knowledge-check', 'check with errors');
    // Answer every question with its first option, by keyboard: Tab into each group, Space selects.
    const groups = await check.locator('fieldset').count();
    for (let i = 0; i < groups; i++) {
      await tabTo(page, '#knowledge-check fieldset:not(:has(input:checked)) input[type="radio"]');
      await page.keyboard.press('Space');
    }
    await tabTo(page, '#knowledge-check button[type="submit"]');
    await page.keyboard.press('Enter');
    const result = check.locator('.bs-check-result');
    await expect(result).toBeFocused();
    await expect(result).toContainText('Your recorded score');
    const first = await result.innerText();
    await expectNoAxeViolationsIn(page, '#knowledge-check', 'check results');
    await check.getByRole('button', { name: 'Retake the knowledge check' }).click();
    const options = check.locator('fieldset');
    for (let i = 0; i < groups; i++) await options.nth(i).locator('input').last().check();
    await check.getByRole('button', { name: 'Submit answers' }).click();
    await expect(result).toHaveText(first);
    await page.reload();
    await ready(page);
    await hydrate(page, '#knowledge-check');
    await expect(check.locator('.bs-check-result')).toHaveText(first);
  });
}
