/**
 * What a learner takes away, end to end: finish two lessons, open the CPD record with real
 * active times, scores, outcomes and reflections, print it and the certificate to A4 PDF,
 * download it, back it up and restore it in a fresh browser, and forget everything on a shared
 * computer. Then, in the test LMS for both SCORM versions: reflections reach the platform only
 * while the consent box is ticked, and a lesson package's record covers only its lesson.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { HEADINGS } from '../../src/tracking/learnerLocal.ts';
import { reflectionComment } from '../../src/tracking/sharing.ts';
import { answerCheck, builtOutline, expectNoAxeViolations, hydrate, playDialogue, ready } from './helpers.ts';
import { close, courseFrame, launch, lmsValue, pkgName, type Version } from './lmsHarness.ts';

const outline = builtOutline();
const BASE = 'http://127.0.0.1:4321';
const MINUTE = 60_000;

/** What the learner writes: markup-like text too, which must come back as typed. */
const reflectionFor = (lessonId: string) => ({
  learned: `In ${lessonId} I learned that words <em>shape</em> care & trust.`,
  applies: `At reception we say "${lessonId}" patients.`,
  change: 'Ask people which words they prefer.\nWrite them in the record.',
  further: 'Read the NICE guidance.',
});

async function writeReflection(page: Page, lessonId: string) {
  await hydrate(page, '.bs-reflection');
  const entry = reflectionFor(lessonId);
  for (const h of HEADINGS) await page.locator(`#${lessonId}-reflect-${h.id}`).fill(entry[h.id]);
  await page.keyboard.press('Tab');
  await expect(page.locator('.bs-reflection-status')).toContainText('Saved in this browser');
}

/** Counts the pages of a PDF and reads its first page size in points. */
function pdfPages(pdf: Buffer) {
  const text = pdf.toString('latin1');
  const box = text.match(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/);
  return { pages: (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length, width: Number(box?.[1]), height: Number(box?.[2]) };
}

/** In print, nothing is wider than an A4 page between its 15 mm margins (180 mm = 680 px). */
async function expectFitsA4(page: Page) {
  await page.setViewportSize({ width: 680, height: 1000 });
  await page.emulateMedia({ media: 'print' });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(680);
}

test('a learner finishes two lessons, then prints, downloads, backs up, restores in a fresh browser and forgets', async ({ page, browser }, info) => {
  test.setTimeout(300_000);
  await page.clock.install({ time: new Date('2026-11-23T09:00:00') });
  const lessons = outline.lessons.slice(0, 2);
  const outcomes: Record<string, string[]> = {};

  for (const lesson of lessons) {
    await page.goto(`/${lesson.href}`);
    await ready(page);
    outcomes[lesson.id] = await page.locator('.bs-outcomes li').allTextContents();
    await hydrate(page, '.bs-clock');
    for (let nth = 0; nth < lesson.dialogues.length; nth++) await playDialogue(page, Infinity, nth);
    // Two minutes of reading with the pointer moving, then twenty minutes away from the
    // keyboard: only the first three idle minutes count.
    await page.mouse.move(5, 5);
    await page.clock.fastForward(MINUTE);
    await page.mouse.move(15, 15);
    await page.clock.fastForward(MINUTE);
    await page.mouse.move(25, 25);
    await page.clock.fastForward(20 * MINUTE);
    await answerCheck(page, lesson.id);
    await writeReflection(page, lesson.id);
  }

  await page.goto('/record.html');
  await ready(page);
  await expect(page.getByTestId('record-lessons-completed')).toHaveText(`2 of ${outline.lessons.length}`);
  await page.locator('#bs-record-name').fill('Dr Jane Smith');
  for (const lesson of lessons) {
    const section = page.locator(`[data-record-lesson="${lesson.id}"]`);
    await expect(section.getByTestId('lesson-status')).toHaveText('Completed on 23 November 2026');
    // Two minutes active plus three idle ones, and the seconds spent playing: never the 22 on the clock.
    await expect(section.getByTestId('lesson-time')).toHaveText(/^(5|6) minutes$/);
    await expect(section.getByTestId('lesson-score')).toContainText(`100% at the first attempt (pass mark ${lesson.passMark}%: passed)`);
    await expect(section.getByText('Learning outcomes met:')).toBeVisible();
    await expect(section.getByTestId('outcomes-met').locator('li')).toHaveText(outcomes[lesson.id]!);
    for (const h of HEADINGS) await expect(section.locator(`#${lesson.id}-reflect-${h.id}`)).toHaveValue(reflectionFor(lesson.id)[h.id]);
  }
  const untouched = page.locator(`[data-record-lesson="${outline.lessons[2]!.id}"]`);
  await expect(untouched.getByTestId('lesson-status')).toHaveText('Not started');
  await expect(untouched.getByTestId('outcomes-met')).toHaveCount(0);
  await expectNoAxeViolations(page, 'the CPD record with two lessons completed');

  // Editing from the record changes the lesson's reflection.
  const edited = `${reflectionFor(lessons[0]!.id).further} And the Orange Book.`;
  await page.locator(`#${lessons[0]!.id}-reflect-further`).fill(edited);
  await page.keyboard.press('Tab');

  // Download: a text file holding everything on the record.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the record (text file)' }).click()]);
  expect(download.suggestedFilename()).toBe('beyond-stigma-2026-11-23-cpd-record.txt');
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text).toContain('Name: Dr Jane Smith');
  expect(text).toContain(`Lessons completed: 2 of ${outline.lessons.length}`);
  expect(text).toContain('Provider: the Beyond Stigma course team. Not accredited');
  for (const lesson of lessons) {
    expect(text).toContain(lesson.title);
    for (const o of outcomes[lesson.id]!) expect(text).toContain(`- ${o}`);
    expect(text).toContain(reflectionFor(lesson.id).learned);
  }
  expect(text).toContain(edited);

  // Print: text, not text boxes; no buttons, notices or navigation; nothing wider than A4.
  const pdf = pdfPages(await page.pdf({ format: 'A4' }));
  // A4 is 595 × 842 points (Chromium rounds to whole pixels at 96 dpi: 595.92 × 842.88).
  expect(Math.abs(pdf.width - 595.3)).toBeLessThan(1);
  expect(Math.abs(pdf.height - 841.9)).toBeLessThan(1.5);
  expect(pdf.pages).toBeGreaterThanOrEqual(2);
  expect(pdf.pages).toBeLessThanOrEqual(12);
  await expectFitsA4(page);
  await expect(page.locator('textarea').first()).toBeHidden();
  await expect(page.getByRole('button').first()).toBeHidden();
  await expect(page.locator('.bs-footer ul')).toBeHidden();
  await expect(page.locator(`[data-record-lesson="${lessons[1]!.id}"] .bs-reflection-print`).nth(2)).toHaveText(reflectionFor(lessons[1]!.id).change);
  await page.emulateMedia({ media: null });
  await page.setViewportSize({ width: 1280, height: 720 });

  // The certificate: the learner's name and both lessons, on one A4 page.
  await page.goto('/certificate.html');
  await ready(page);
  await expect(page.getByTestId('certificate-name')).toHaveText('Dr Jane Smith');
  await expect(page.getByTestId('certificate-lessons').locator('li')).toHaveCount(2);
  await expect(page.getByTestId('certificate')).toContainText('completed 23 November 2026');
  expect(pdfPages(await page.pdf({ format: 'A4' })).pages).toBe(1);
  await expectNoAxeViolations(page, 'the certificate');
  await page.emulateMedia({ media: null });

  // The home page shows the course so far.
  await page.goto('/index.html');
  await ready(page);
  await expect(page.getByTestId('course-progress')).toContainText(`You have completed 2 of ${outline.lessons.length} lessons, with 1`);

  // Back up, then restore in a fresh browser (a new profile: nothing shared).
  await page.goto('/record.html');
  await ready(page);
  const [backupDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Back up to a file' }).click()]);
  const backupFile = info.outputPath('backup.json');
  await backupDownload.saveAs(backupFile);

  const fresh = await browser.newContext({ baseURL: BASE });
  const other = await fresh.newPage();
  await other.goto('/record.html');
  await ready(other);
  await expect(other.getByTestId('record-lessons-completed')).toHaveText(`0 of ${outline.lessons.length}`);
  await other.locator('#bs-restore').setInputFiles(backupFile);
  await expect(other.getByTestId('record-panel')).toContainText('It holds reflections for 2 lessons and your progress in the course.');
  await other.getByRole('button', { name: 'Restore this backup' }).click();
  await expect(other.getByTestId('record-panel')).toContainText('Restored from your backup');
  await expect(other.getByTestId('record-lessons-completed')).toHaveText(`2 of ${outline.lessons.length}`);
  await expect(other.locator('#bs-record-name')).toHaveValue('Dr Jane Smith');
  await expect(other.locator(`#${lessons[0]!.id}-reflect-further`)).toHaveValue(edited);
  await expect(other.locator(`[data-record-lesson="${lessons[1]!.id}"]`).getByTestId('lesson-time')).toHaveText(/^(5|6) minutes$/);
  // The restored progress is what this browser now keeps: it survives a reload.
  await other.reload();
  await ready(other);
  await expect(other.getByTestId('record-lessons-completed')).toHaveText(`2 of ${outline.lessons.length}`);

  // A file that is not a backup changes nothing and says why.
  await other.locator('#bs-restore').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') });
  await expect(other.getByTestId('record-panel')).toContainText('Nothing was restored. This file is not a Beyond Stigma backup.');

  // Forget me: nothing of the course is left in this browser.
  await other.getByRole('button', { name: 'Forget me on this computer' }).click();
  await other.getByRole('button', { name: 'Yes, forget me' }).click();
  await expect(other.getByTestId('record-panel')).toContainText('this browser no longer holds your progress, reflections or name');
  await other.waitForTimeout(600);
  const courseKeys = () => other.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('beyond-stigma:')));
  expect(await courseKeys()).toEqual([]);
  await expect(other.locator(`#${lessons[0]!.id}-reflect-learned`)).toHaveValue('');
  // Leaving the page (which finishes the session) must not write anything back.
  await other.goto('/privacy.html');
  expect(await courseKeys()).toEqual([]);
  await fresh.close();
});

const consentText = (lessonId: string, title: string) => reflectionComment(outline.title, title, reflectionFor(lessonId));

for (const version of ['1.2', '2004'] as const satisfies readonly Version[]) {
  test(`SCORM ${version}: reflections reach the platform only while the consent box is ticked`, async ({ page }) => {
    test.setTimeout(120_000);
    const lesson = outline.lessons[0]!;
    const comment = version === '1.2' ? 'cmi.comments' : 'cmi.comments_from_learner.0.comment';
    await launch(page, version, pkgName(lesson.id, version));
    const frame = courseFrame(page);
    await expect(frame.locator('.bs-reflection')).toHaveCount(1);
    await frame.locator('.bs-reflection').scrollIntoViewIfNeeded();
    await expect(frame.locator('astro-island[ssr] .bs-reflection')).toHaveCount(0);
    const box = frame.getByTestId('share-consent');
    await expect(box).toContainText('what you write under the four headings');
    await expect(box.getByRole('checkbox')).not.toBeChecked();

    const entry = reflectionFor(lesson.id);
    for (const h of HEADINGS) await frame.locator(`#${lesson.id}-reflect-${h.id}`).fill(entry[h.id]);
    await frame.locator(`#${lesson.id}-reflect-further`).blur();
    await expect(frame.locator('.bs-reflection-status')).toContainText('Saved in this browser');
    expect(await lmsValue(page, version, comment), 'nothing is sent without consent').toBe('');
    if (version === '2004') expect(await lmsValue(page, version, 'cmi.comments_from_learner._count')).toBe('0');

    await box.getByRole('checkbox').check();
    await expect(frame.getByTestId('share-status')).toContainText('Shared with your learning platform');
    expect(await lmsValue(page, version, comment)).toBe(consentText(lesson.id, lesson.title));
    if (version === '2004') expect(await lmsValue(page, version, 'cmi.comments_from_learner.0.location')).toBe(lesson.id);

    // Unticked: a later change stays in the browser; the platform keeps only what was sent.
    await box.getByRole('checkbox').uncheck();
    await frame.locator(`#${lesson.id}-reflect-learned`).fill('A private second thought.');
    await frame.locator(`#${lesson.id}-reflect-learned`).blur();
    await expect(frame.locator('.bs-reflection-status')).toContainText('Saved in this browser');
    expect(await lmsValue(page, version, comment)).toBe(consentText(lesson.id, lesson.title));

    // The record inside a lesson package covers that lesson only.
    await frame.getByRole('link', { name: 'Your CPD record' }).click();
    await expect(frame.locator('[data-record-lesson]')).toHaveCount(1);
    await expect(frame.locator(`[data-record-lesson="${lesson.id}"] #${lesson.id}-reflect-learned`)).toHaveValue('A private second thought.');
    await close(page);
  });
}
