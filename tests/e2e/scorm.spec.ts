/**
 * The built SCORM packages in a test LMS (scorm-again, tests/e2e/lms/), served from a deep path
 * as platforms do, for both versions, for a lesson package and the course package: played to
 * completion, closed and relaunched, launched in a popup with the API on the opener (NHS
 * Learning Hub's way), and with commits refused.
 *
 * scorm-again is laxer than real platforms, so every call is checked here against the stricter
 * rules of Moodle and Learning Hub: one Initialize, one Finish, nothing after it, every value
 * accepted, 1.2 values within 255 characters and suspend data within 4,096, 1.2 interaction ids
 * without spaces and single-letter choice responses, session time in the version's format.
 */
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { content } from '../content/contentFixture.ts';
import { answerCheck, builtOutline, playDialogue } from './helpers.ts';
import { watchPolicy } from './policyWatch.ts';
import { calls, cmi, close, courseFrame, launch, LMS, pkgName, type Call, type Version } from './lmsHarness.ts';

const outline = builtOutline();
const versions = ['1.2', '2004'] as const;
const lesson = outline.lessons[0]!;
const packagesUnderTest = [
  { id: lesson.id, kind: 'lesson' },
  { id: 'course', kind: 'course' },
] as const;

/** The rules real platforms hold a course to, checked on the whole call log. */
function expectStrictCalls(log: Call[], version: Version) {
  const [init, finish, set, commit] = version === '1.2' ? ['LMSInitialize', 'LMSFinish', 'LMSSetValue', 'LMSCommit'] : ['Initialize', 'Terminate', 'SetValue', 'Commit'];
  expect(log.filter((c) => c.name === init), 'one Initialize per launch').toHaveLength(1);
  expect(log.filter((c) => c.name === finish), 'one Finish per launch').toHaveLength(1);
  expect(log.findIndex((c) => c.name === finish), 'nothing after Finish').toBe(log.length - 1);
  for (const c of log.filter((c) => c.name === set)) {
    const [element, value] = c.args as [string, string];
    expect(`${c.ret}/${c.error}`, `${element}=${value.slice(0, 60)} accepted`).toBe('true/0');
    if (version === '1.2') {
      expect(value.length, `${element} length`).toBeLessThanOrEqual(element === 'cmi.suspend_data' ? 4096 : 255);
      if (/^cmi\.interactions\.\d+\.id$/.test(element)) expect(value).toMatch(/^[A-Za-z0-9_-]{1,255}$/);
      if (/student_response$/.test(element)) expect(value).toMatch(/^[a-z]$/);
      if (element === 'cmi.core.session_time') expect(value).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
      if (element === 'cmi.core.exit') expect(['', 'suspend', 'logout', 'time-out']).toContain(value);
    } else {
      if (/^cmi\.interactions\.\d+\.id$/.test(element)) expect(value).toMatch(/^urn:[^\s]+$/);
      if (element === 'cmi.session_time') expect(value).toMatch(/^P(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?)?$/);
      if (element === 'cmi.exit') expect(['', 'normal', 'suspend']).toContain(value);
    }
  }
  expect(log.some((c) => c.name === commit), 'commits after decisions').toBe(true);
  // Interactions are written in index order.
  const ids = log.filter((c) => c.name === set && /^cmi\.interactions\.\d+\.id$/.test(c.args[0]!)).map((c) => Number(c.args[0]!.split('.')[2]));
  expect(ids).toEqual(ids.map((_, i) => i));
}

const setValues = (log: Call[], version: Version) => {
  const set = version === '1.2' ? 'LMSSetValue' : 'SetValue';
  const last = new Map<string, string>();
  for (const c of log) if (c.name === set) last.set(c.args[0]!, c.args[1]!);
  return last;
};

for (const version of versions) {
  for (const { id, kind } of packagesUnderTest) {
    const pkg = pkgName(id, version);

    test(`SCORM ${version} ${kind} package: played to completion, recorded as the platform needs`, async ({ page }) => {
      // The locked-down page holds inside a platform too: no policy violation, no console error.
      const policy = await watchPolicy(page);
      const failures = await launch(page, version, pkg);
      const frame = courseFrame(page);
      // A course package is complete only when every lesson in it is: play them all, in one
      // session, checking that the platform is not told "complete" before the last.
      const played = kind === 'course' ? outline.lessons : [lesson];
      let decisions = 0;
      for (const [i, l] of played.entries()) {
        if (kind === 'course') {
          // Moving between the course home and its lessons keeps the one session of this launch.
          if (i > 0) await frame.getByRole('link', { name: 'All lessons', exact: true }).first().click();
          await frame.getByRole('link', { name: l.title }).first().click();
        }
        for (let nth = 0; nth < l.dialogues.length; nth++) await playDialogue(frame, Infinity, nth);
        decisions += await frame.locator('[data-testid="recorded-answers"] .nhsuk-summary-list__row').count();
        await answerCheck(frame, l.id);
        if (i < played.length - 1) {
          const sofar = setValues(await calls(page), version);
          expect(sofar.get(version === '1.2' ? 'cmi.core.lesson_status' : 'cmi.completion_status'), `after ${l.id} of ${played.length}`).toBe('incomplete');
        }
      }
      if (kind === 'course') {
        await frame.getByRole('link', { name: 'Accessibility statement' }).click();
        await expect(frame.locator('h1')).toContainText('Accessibility statement');
      }
      await close(page);
      await expect.poll(async () => (await calls(page)).some((c) => /^(LMSFinish|Terminate)$/.test(c.name))).toBe(true);
      const log = await calls(page);
      expectStrictCalls(log, version);
      const values = setValues(log, version);
      const questions = played.reduce((n, l) => n + content.quizzes.find((q) => q.lesson === l.id)!.definition.questions.length, 0);
      if (version === '1.2') {
        expect(values.get('cmi.core.lesson_status')).toBe('passed');
        expect(values.get('cmi.core.score.raw')).toBe('100');
        expect(values.get('cmi.core.exit')).toBe('');
        expect(values.get('cmi.core.session_time')).not.toMatch(/^0+:00:00(\.0+)?$/);
      } else {
        expect(values.get('cmi.completion_status')).toBe('completed');
        expect(values.get('cmi.success_status')).toBe('passed');
        expect(values.get('cmi.score.scaled')).toBe('1');
        expect(values.get('cmi.exit')).toBe('normal');
      }
      const interactionCount = [...values.keys()].filter((k) => /^cmi\.interactions\.\d+\.id$/.test(k)).length;
      expect(interactionCount, 'one interaction per decision and per question').toBe(decisions + questions);
      expect(failures).toEqual([]);
      expect(policy.violations, 'Content Security Policy violations').toEqual([]);
      expect(policy.consoleProblems, 'console errors and warnings').toEqual([]);
    });
  }

  test(`SCORM ${version}: closed mid-dialogue and relaunched, the learner is back at the same node`, async ({ page }) => {
    const pkg = pkgName(lesson.id, version);
    await launch(page, version, pkg);
    const frame = courseFrame(page);
    await playDialogue(frame, 3);
    const section = frame.locator('section.bs-dialogue').first();
    const node = await section.getAttribute('data-node');
    await close(page);
    await expect.poll(async () => (await calls(page)).some((c) => /^(LMSFinish|Terminate)$/.test(c.name))).toBe(true);
    const log = await calls(page);
    expectStrictCalls(log, version);
    const stored = (await cmi(page)) as Record<string, Record<string, string> & { core?: Record<string, string> }>;
    const values = setValues(log, version);
    if (version === '1.2') expect(values.get('cmi.core.exit')).toBe('suspend');
    else expect(values.get('cmi.exit')).toBe('suspend');
    // What a platform hands back on the next launch of a suspended attempt.
    const seed =
      version === '1.2'
        ? { core: { lesson_location: stored.core!.lesson_location, lesson_status: stored.core!.lesson_status, entry: 'resume' }, suspend_data: stored.suspend_data }
        : { location: stored.location, suspend_data: stored.suspend_data, completion_status: stored.completion_status, entry: 'resume' };
    const page2 = await page.context().newPage();
    await launch(page2, version, pkg, seed);
    await expect(courseFrame(page2).locator('section.bs-dialogue').first()).toHaveAttribute('data-node', node!);
    await expect(courseFrame(page2).locator('section.bs-dialogue').first().locator('.bs-transcript')).not.toBeEmpty();
  });

  test(`SCORM ${version}: launched in a popup with the API on the opener`, async ({ page, context }) => {
    const pkg = pkgName(lesson.id, version);
    const popupPromise = context.waitForEvent('page');
    await launch(page, version, pkg, undefined, true);
    const harness = page;
    const popup = await popupPromise;
    const frame = popup.frameLocator('iframe');
    await playDialogue(frame, 1);
    await popup.close({ runBeforeUnload: false });
    await expect.poll(async () => (await calls(harness)).some((c) => /^(LMSFinish|Terminate)$/.test(c.name))).toBe(true);
    const log = await calls(harness);
    expectStrictCalls(log, version);
  });

  test(`SCORM ${version}: a refused commit tells the learner, keeps the data and is retried at the next step`, async ({ page }) => {
    const pkg = pkgName(lesson.id, version);
    await launch(page, version, pkg);
    const frame = courseFrame(page);
    await playDialogue(frame, 1);
    await page.evaluate(() => ((window as unknown as { __refuse: string | null }).__refuse = 'false'));
    await playDialogue(frame, 1);
    const notice = frame.locator('.bs-notice').first();
    await expect(notice).toContainText('did not save');
    await page.evaluate(() => ((window as unknown as { __refuse: string | null }).__refuse = 'throw'));
    await playDialogue(frame, 1);
    await expect(notice).toContainText('did not save');
    await page.evaluate(() => ((window as unknown as { __refuse: string | null }).__refuse = null));
    await playDialogue(frame, 1);
    await expect(frame.locator('.bs-notice')).toHaveCount(0);
    const log = await calls(page);
    const commits = log.filter((c) => /Commit$/.test(c.name));
    expect(commits.filter((c) => c.ret === 'false').length, 'no retry loop: one refusal per save point').toBeLessThanOrEqual(4);
    // The successful save after the refusals carries every decision made.
    const lastData = [...log].reverse().find((c) => /SetValue$/.test(c.name) && c.args[0] === 'cmi.suspend_data')!.args[1]!;
    const dialogueId = lesson.dialogues[0]!.id;
    const code = (JSON.parse(lastData) as { l: Record<string, { d: Record<string, [string, number]> }> }).l[lesson.id]!.d[dialogueId]![0];
    expect(code.split('.').filter(Boolean).length, 'four decisions in the saved path').toBeGreaterThanOrEqual(4);
  });
}

test('a package opened with no platform still works and says its progress is not being recorded', async ({ page }) => {
  await page.goto(`${LMS}/lms/${pkgName(lesson.id, '1.2')}/sco/launch.html`);
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('.bs-notice, [role="alert"]').first()).toContainText('No learning platform was found');
  await playDialogue(frame, 1);
});

test('a lesson package has no links to a course home it does not contain', async ({ page }) => {
  await launch(page, '1.2', pkgName(lesson.id, '1.2'));
  const frame = courseFrame(page);
  await expect(frame.locator('section.bs-dialogue').first()).toBeVisible();
  await expect(frame.locator('a[href$="index.html"]')).toHaveCount(0);
});

