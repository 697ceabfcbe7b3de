/**
 * The built SCORM packages in a test LMS (scorm-again, tests/e2e/lms/), served from a deep path
 * as platforms do, for both versions, for a lesson package and the course package: played to
 * completion, and launched in a popup with the API on the opener (NHS Learning Hub's way).
 * What goes wrong on real platforms (refusals, closing, relaunching, no platform…) is the
 * fault matrix, faults.spec.ts.
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
import { calls, close, courseFrame, expectStrictCalls, launch, pkgName, setValues } from './lmsHarness.ts';

const outline = builtOutline();
const versions = ['1.2', '2004'] as const;
const lesson = outline.lessons[0]!;
const packagesUnderTest = [
  { id: lesson.id, kind: 'lesson' },
  { id: 'course', kind: 'course' },
] as const;

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

  test(`SCORM ${version}: launched in a popup with the API on the opener`, async ({ page, context }) => {
    const pkg = pkgName(lesson.id, version);
    const popupPromise = context.waitForEvent('page');
    await launch(page, version, pkg, { popup: true });
    const harness = page;
    const popup = await popupPromise;
    const frame = popup.frameLocator('iframe');
    await playDialogue(frame, 1);
    await popup.close({ runBeforeUnload: false });
    await expect.poll(async () => (await calls(harness)).some((c) => /^(LMSFinish|Terminate)$/.test(c.name))).toBe(true);
    const log = await calls(harness);
    expectStrictCalls(log, version);
  });

}

test('a lesson package has no links to a course home it does not contain', async ({ page }) => {
  await launch(page, '1.2', pkgName(lesson.id, '1.2'));
  const frame = courseFrame(page);
  await expect(frame.locator('section.bs-dialogue').first()).toBeVisible();
  await expect(frame.locator('a[href$="index.html"]')).toHaveCount(0);
});

