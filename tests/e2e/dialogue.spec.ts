/**
 * Every dialogue in the built course, played by keyboard alone to an ending at 1280 px, with
 * focus and announcements checked at every step and axe at the start and the ending (audit.spec.ts
 * runs axe on every state at 320 px); then resume after a reload.
 */
import { expect, test } from '@playwright/test';
import { builtOutline, expectNoAxeViolations, expectNoAxeViolationsIn, focused, forbidOtherOrigins, ready, tabTo } from './helpers.ts';

const outline = builtOutline();
const dialogues = outline.lessons.flatMap((lesson) => lesson.dialogues.map((d) => ({ lesson, dialogue: d })));

for (const { lesson, dialogue } of dialogues) {
  test(`${lesson.id}/${dialogue.id}: played to an ending by keyboard alone, focus moved and announced at every step`, async ({ page, baseURL }) => {
    const offenders = forbidOtherOrigins(page, baseURL!);
    await page.goto(lesson.href);
    await ready(page);
    const section = page.locator(`section.bs-dialogue#${dialogue.id}`);
    const announcer = section.getByTestId('announcer');
    // The whole lesson page gets axe in audit.spec.ts; here, the dialogue in each state.
    await expectNoAxeViolationsIn(page, `#${dialogue.id}`, 'start');

    for (let step = 0; step < 50; step++) {
      const phase = await section.getAttribute('data-phase');
      if (phase === 'ending') break;
      const node = await section.getAttribute('data-node');
      // Choose the first choice not yet tried, by keyboard.
      await tabTo(page, `#${dialogue.id} .bs-choice:not([disabled])`);
      await page.keyboard.press('Enter');
      await expect(section).toHaveAttribute('data-phase', 'feedback');
      await expect.poll(async () => (await focused(page)).focus, { message: 'focus on the feedback' }).toBe('feedback');
      await expect(announcer).not.toBeEmpty();
      await expect(section.locator('.bs-feedback .bs-sources a').first()).toBeVisible();
      // Continue, by keyboard.
      await tabTo(page, `#${dialogue.id} [data-action="continue"]`);
      await page.keyboard.press('Enter');
      await expect(section).not.toHaveAttribute('data-node', node!);
      await expect.poll(async () => (await focused(page)).focus, { message: 'focus on the new prompt or ending' }).toMatch(/^(prompt|ending)$/);
      await expect(announcer).not.toBeEmpty();
    }
    // axe checks every state of every dialogue at 320 px in audit.spec.ts; here, at 1280 px, the
    // start (above) and the ending this path reaches.
    await expectNoAxeViolationsIn(page, `#${dialogue.id}`, 'ending');
    await expect(section).toHaveAttribute('data-phase', 'ending');
    await expect(section.locator('[data-testid="recorded-answers"] .nhsuk-summary-list__row').first()).toBeVisible();
    expect(offenders).toEqual([]);
  });

  test(`${lesson.id}/${dialogue.id}: a reload mid-dialogue resumes at the same node with transcript and answers`, async ({ page }) => {
    await page.goto(lesson.href);
    await ready(page);
    const section = page.locator(`section.bs-dialogue#${dialogue.id}`);
    // Two decisions, then try two answers at the third and stop on the feedback.
    for (let i = 0; i < 2; i++) {
      await section.locator('.bs-choice:not([disabled])').last().click();
      await section.getByRole('button', { name: 'Continue' }).click();
    }
    await section.locator('.bs-choice').first().click();
    await section.getByRole('button', { name: 'Try another answer' }).click();
    await expect(section.locator('.bs-decision__hint')).toContainText('first answer here is already recorded');
    await section.locator('.bs-choice:not([disabled])').first().click();
    await expect(section.locator('[data-testid="recorded-note"]')).toContainText('is the one recorded');
    const before = {
      node: await section.getAttribute('data-node'),
      phase: await section.getAttribute('data-phase'),
      transcript: await section.locator('.bs-transcript').innerText(),
      feedback: await section.locator('.bs-feedback').innerText(),
    };
    await page.reload();
    await ready(page);
    await expect(section).toHaveAttribute('data-node', before.node!);
    await expect(section).toHaveAttribute('data-phase', before.phase!);
    expect(await section.locator('.bs-transcript').innerText()).toBe(before.transcript);
    expect(await section.locator('.bs-feedback').innerText()).toBe(before.feedback);
  });
}

test('the course home shows progress and a Resume button that returns to the dialogue', async ({ page, baseURL }) => {
  const offenders = forbidOtherOrigins(page, baseURL!);
  await page.goto('index.html');
  await ready(page);
  const first = outline.lessons[0]!;
  await expect(page.locator(`[data-lesson="${first.id}"] [data-testid="lesson-status"]`)).toContainText('Not started');
  await expect(page.getByTestId('resume')).toHaveCount(0);
  await expectNoAxeViolations(page, 'home, new learner');
  await page.goto(first.href);
  await ready(page);
  const dialogue = first.dialogues[0]!;
  await page.locator(`#${dialogue.id} .bs-choice`).first().click();
  await page.goto('index.html');
  await ready(page);
  await expect(page.locator(`[data-lesson="${first.id}"] [data-testid="lesson-status"]`)).toContainText('In progress');
  await expectNoAxeViolations(page, 'home, in progress');
  await page.getByTestId('resume').click();
  await expect(page).toHaveURL(new RegExp(`${first.href}#${dialogue.id}$`));
  await ready(page);
  await expect(page.locator(`#${dialogue.id}`)).toHaveAttribute('data-phase', 'feedback');
  expect(offenders).toEqual([]);
});
