/**
 * The fault matrix (faultMatrix.ts, listed in README): every row in both SCORM versions, a
 * lesson package in the test LMS. Each test checks that the learner is told when saving fails
 * and that nothing they did is lost: what the platform finally holds, or where a relaunch
 * takes them.
 */
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { content } from '../content/contentFixture.ts';
import { replay } from '../../src/engine/progress.ts';
import { FAULT_MATRIX } from './faultMatrix.ts';
import { builtOutline, playDialogue } from './helpers.ts';
import { calls, close, cmi, courseFrame, courseWindow, launch, pkgName, setFault, type Call, type Version } from './lmsHarness.ts';

const outline = builtOutline();
const lesson = outline.lessons[0]!;
const [first, second] = [lesson.dialogues[0]!, lesson.dialogues[1]!];
const definitionOf = (id: string) => content.dialogues.find((d) => d.definition.id === id)!.definition;
const definition = definitionOf(first.id);
/** The node a path code leads to in the current content (of the first dialogue, unless named). */
const nodeAfter = (code: string, dialogueId = first.id) => replay(definitionOf(dialogueId), code).actor.getSnapshot().context.steps.at(-1)!.node;

const section = (frame: FrameLocator, nth = 0) => frame.locator('section.bs-dialogue').nth(nth);
/** The warning beside the dialogue's controls (announced as an alert). */
const warning = (frame: FrameLocator) => section(frame).locator('.bs-notice[role="alert"]');
const topNotice = (frame: FrameLocator) => frame.getByTestId('progress-notice');
const REFUSED = 'did not save your latest progress';

/** The saved path of a dialogue as the platform holds it now. */
async function platformPath(page: Page, dialogueId = first.id): Promise<string> {
  const data = String((await cmi(page)).suspend_data ?? '');
  const wire = JSON.parse(data) as { l: Record<string, { d?: Record<string, [string, number]> }> };
  return wire.l[lesson.id]?.d?.[dialogueId]?.[0] ?? '';
}

/** The interactions the platform accepted: indexes 0, 1, 2… with no gap and no repeat of an id. */
async function expectInteractions(page: Page, count: number) {
  const accepted = (await calls(page)).filter((c: Call) => /SetValue$/.test(c.name) && /^cmi\.interactions\.\d+\.id$/.test(c.args[0]!) && c.ret === 'true' && c.error === '0');
  const byIndex = new Map(accepted.map((c) => [Number(c.args[0]!.split('.')[2]), c.args[1]!]));
  expect([...byIndex.keys()].sort((a, b) => a - b), 'interaction indexes').toEqual([...Array(count).keys()]);
  expect(new Set(byIndex.values()).size, 'one interaction per decision').toBe(count);
}

/**
 * Leaves the lesson for another page of the package. The browser's own back and forward then
 * move through the frame's history: `page.evaluate(() => history.back())`, since Playwright's
 * goBack waits for the top page, which does not navigate.
 */
async function openGlossary(frame: FrameLocator) {
  await frame.getByRole('link', { name: 'Glossary' }).click();
  await expect(frame.locator('h1')).toContainText('Glossary');
}

const finished = (page: Page) => expect.poll(async () => (await calls(page)).some((c) => /^(LMSFinish|Terminate)$/.test(c.name))).toBe(true);

/** What a platform hands back when a suspended attempt is relaunched. */
function resumeSeed(version: Version, suspendData: string, learner?: string) {
  const who = learner ? learnerSeed(version, learner) : {};
  return version === '1.2'
    ? { core: { ...who.core, entry: 'resume', lesson_status: 'incomplete' }, suspend_data: suspendData }
    : { ...who, entry: 'resume', completion_status: 'incomplete', suspend_data: suspendData };
}

const LEARNER_ID = 'nhs-7001';
/** The learner a platform launches the course for. */
function learnerSeed(version: Version, id = LEARNER_ID): { core?: Record<string, string>; learner_id?: string; learner_name?: string } {
  return version === '1.2' ? { core: { student_id: id, student_name: 'Okafor, Ada' } } : { learner_id: id, learner_name: 'Okafor, Ada' };
}

/** A row where saving fails for a while, then works: told, then nothing lost. */
async function refusedThenRecovered(page: Page, version: Version, apply: () => Promise<unknown>, recover: () => Promise<unknown>, options: Parameters<typeof launch>[3] = {}) {
  await launch(page, version, pkgName(lesson.id, version), options);
  const frame = courseFrame(page);
  await playDialogue(frame, 1);
  await apply();
  await playDialogue(frame, 1);
  await expect(warning(frame)).toContainText(REFUSED);
  await expect(topNotice(frame)).toContainText(REFUSED);
  await recover();
  await playDialogue(frame, 1);
  await expect(frame.locator('.bs-notice')).toHaveCount(0);
  expect(await platformPath(page)).toBe('a.a.a.');
  await expectInteractions(page, 3);
  return frame;
}

type Run = (page: Page, version: Version) => Promise<void>;

const RUNS: Record<string, Run> = {
  'no-api': async (page, version) => {
    await launch(page, version, pkgName(lesson.id, version), { noApi: true });
    let frame = courseFrame(page);
    await expect(topNotice(frame)).toContainText('No learning platform was found');
    await playDialogue(frame, 2);
    await page.reload();
    await launch(page, version, pkgName(lesson.id, version), { noApi: true });
    frame = courseFrame(page);
    await expect(section(frame)).toHaveAttribute('data-node', nodeAfter('a.a.'));
  },

  'initialize-false': async (page, version) => {
    const fault = { calls: 'Initialize', mode: 'false' } as const;
    await launch(page, version, pkgName(lesson.id, version), { fault });
    await expect(topNotice(courseFrame(page))).toContainText('did not start a session');
    await playDialogue(courseFrame(page), 2);
    const again = await page.context().newPage();
    await launch(again, version, pkgName(lesson.id, version), { fault });
    await expect(section(courseFrame(again))).toHaveAttribute('data-node', nodeAfter('a.a.'));
  },

  'setvalue-false': async (page, version) => {
    await refusedThenRecovered(page, version, () => setFault(page, { calls: 'SetValue', mode: 'false' }), () => setFault(page, null));
  },

  'setvalue-error': async (page, version) => {
    await refusedThenRecovered(page, version, () => setFault(page, { calls: 'SetValue', mode: 'error' }), () => setFault(page, null));
  },

  'interactions-refused': async (page, version) => {
    await launch(page, version, pkgName(lesson.id, version));
    const frame = courseFrame(page);
    await setFault(page, { calls: 'SetValue', element: '^cmi\\.interactions\\.', mode: 'false' });
    await playDialogue(frame, 2);
    await expect(section(frame)).toHaveAttribute('data-node', nodeAfter('a.a.'));
    await expect(frame.locator('.bs-notice')).toHaveCount(0);
    expect(await platformPath(page)).toBe('a.a.');
    await setFault(page, null);
    await playDialogue(frame, 1);
    await expectInteractions(page, 3);
  },

  'commit-false': async (page, version) => {
    await refusedThenRecovered(page, version, () => setFault(page, { calls: 'Commit', mode: 'false' }), () => setFault(page, null));
    const refused = (await calls(page)).filter((c) => /Commit$/.test(c.name) && c.ret === 'false');
    expect(refused.length, 'no retry loop: one attempt per save').toBeGreaterThan(0);
    expect(refused.length).toBeLessThanOrEqual(3);
  },

  'api-throws': async (page, version) => {
    // From the start: the course carries on in this browser, and says so.
    const thrown = await page.context().newPage();
    const errors: string[] = [];
    thrown.on('pageerror', (e) => errors.push(e.message));
    await launch(thrown, version, pkgName(lesson.id, version), { fault: { calls: '.*', mode: 'throw' } });
    await expect(topNotice(courseFrame(thrown))).toContainText('did not start a session');
    await playDialogue(courseFrame(thrown), 1);
    expect(errors).toEqual([]);
    // The learner has moved to the other window (a background tab's timers are slowed).
    await page.bringToFront();
    // Mid-session: a refused save.
    page.on('pageerror', (e) => errors.push(e.message));
    await refusedThenRecovered(page, version, () => setFault(page, { calls: '.*', mode: 'throw' }), () => setFault(page, null));
    expect(errors).toEqual([]);
  },

  'commit-alert': async (page, version) => {
    const alerts: string[] = [];
    page.on('dialog', (d) => {
      alerts.push(d.message());
      void d.accept();
    });
    await refusedThenRecovered(page, version, () => setFault(page, { calls: 'Commit', mode: 'alert' }), () => setFault(page, null));
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts.length, 'one alert per failed save, not a cascade').toBeLessThanOrEqual(3);
  },

  slow: async (page, version) => {
    await launch(page, version, pkgName(lesson.id, version));
    const frame = courseFrame(page);
    await playDialogue(frame, 1);
    await setFault(page, { calls: 'Commit', mode: 'slow', ms: 1500 });
    // A learner who clicks twice while the platform is busy, then carries on.
    await section(frame).locator('.bs-choice').first().dblclick();
    await expect(section(frame)).toHaveAttribute('data-phase', 'feedback');
    await section(frame).getByRole('button', { name: 'Continue' }).click();
    await expect(section(frame)).toHaveAttribute('data-node', nodeAfter('a.a.'));
    await playDialogue(frame, 1);
    await expect(section(frame)).toHaveAttribute('data-node', nodeAfter('a.a.a.'));
    await expect(frame.locator('.bs-notice')).toHaveCount(0);
    const slowCommits = (await calls(page)).filter((c) => /Commit$/.test(c.name) && c.fault === 'slow');
    expect(slowCommits.length, 'the steps were saved through the slow platform').toBeGreaterThanOrEqual(3);
    await setFault(page, null);
    expect(await platformPath(page)).toBe('a.a.a.');
    await expectInteractions(page, 3);
  },

  closed: async (page, version) => {
    await launch(page, version, pkgName(lesson.id, version));
    await playDialogue(courseFrame(page), 3);
    const node = await section(courseFrame(page)).getAttribute('data-node');
    await close(page);
    await finished(page);
    const stored = (await cmi(page)) as { suspend_data: string; core?: { exit: string }; exit?: string };
    const log = await calls(page);
    const exit = log.filter((c) => /SetValue$/.test(c.name) && /exit$/.test(c.args[0]!)).at(-1)!;
    expect(exit.args[1]).toBe('suspend');
    expect(log.filter((c) => /^(LMSFinish|Terminate)$/.test(c.name))).toHaveLength(1);
    const again = await page.context().newPage();
    await launch(again, version, pkgName(lesson.id, version), { seed: resumeSeed(version, stored.suspend_data) });
    await expect(section(courseFrame(again))).toHaveAttribute('data-node', node!);
    await expect(section(courseFrame(again)).locator('.bs-transcript > li')).toHaveCount(4);
  },

  offline: async (page, version) => {
    const backups = () => courseWindow(page).evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':platform-backup:')));
    await refusedThenRecovered(
      page,
      version,
      () => page.context().setOffline(true),
      async () => {
        // While offline, the progress the platform did not take is kept in this browser, for this learner.
        await expect(warning(courseFrame(page))).toContainText('It is kept in this browser');
        expect(await backups()).toEqual([`beyond-stigma:progress:v1:platform-backup:${LEARNER_ID}`]);
        await page.context().setOffline(false);
      },
      { commitToServer: true, seed: learnerSeed(version) },
    );
    expect(await backups(), 'the backup is dropped once the platform has everything').toEqual([]);
  },

  corrupt: async (page, version) => {
    const corrupt = `{"s":1,"v":"${outline.contentVersion}","l":{"${lesson.id}":{"d":{"${first.id}":["<img src=x>",1]}}}}`;
    await launch(page, version, pkgName(lesson.id, version), { seed: resumeSeed(version, corrupt) });
    const frame = courseFrame(page);
    await expect(topNotice(frame)).toContainText('could not read your saved progress');
    await expect(section(frame)).toHaveAttribute('data-node', definition.start);
    const kept = await courseWindow(page).evaluate(() => Object.entries(localStorage).filter(([k]) => k.includes(':unreadable:')).map(([, v]) => v));
    expect(kept).toEqual([corrupt]);
    await playDialogue(frame, 1);
    expect(await platformPath(page)).toBe('a.');
  },

  'older-version': async (page, version) => {
    const older = outline.changes[1]!.version;
    const saved = `{"s":1,"v":"${older}","b":"${lesson.id}/${first.id}","l":{"${lesson.id}":{"d":{"${first.id}":["a.a.",0]}}}}`;
    await launch(page, version, pkgName(lesson.id, version), { seed: resumeSeed(version, saved) });
    const frame = courseFrame(page);
    await expect(section(frame)).toHaveAttribute('data-node', nodeAfter('a.a.'));
    const notice = topNotice(frame);
    await expect(notice).toContainText(`with version ${older}; this is version ${outline.contentVersion}`);
    await notice.locator('summary').click();
    for (const note of outline.changes[0]!.notes) await expect(notice.locator('li').filter({ hasText: note.slice(0, 60) })).toHaveCount(1);
    await expect(section(frame).getByText('This conversation has changed')).toHaveCount(0);
    const kept = await courseWindow(page).evaluate(() => Object.entries(localStorage).filter(([k]) => k.includes(':before-update:')).map(([, v]) => v));
    expect(kept).toEqual([saved]);
    await playDialogue(frame, 1);
    const now = JSON.parse(String((await cmi(page)).suspend_data)) as { v: string };
    expect(now.v).toBe(outline.contentVersion);
    expect(await platformPath(page)).toBe('a.a.a.');
  },

  'removed-node': async (page, version) => {
    const older = outline.changes[1]!.version;
    // "z": an answer the third decision no longer has. The second conversation, finished, is kept.
    const saved = `{"s":1,"v":"${older}","l":{"${lesson.id}":{"d":{"${first.id}":["a.a.z.a.",0],"${second.id}":["a.",1]}}}}`;
    await launch(page, version, pkgName(lesson.id, version), { seed: resumeSeed(version, saved) });
    const frame = courseFrame(page);
    await expect(section(frame)).toHaveAttribute('data-node', nodeAfter('a.a.'));
    await expect(section(frame).getByRole('status').filter({ hasText: 'This conversation has changed since your progress was saved' })).toBeVisible();
    await expect(section(frame, 1)).toHaveAttribute('data-node', nodeAfter('a.', second.id));
    await playDialogue(frame, 1);
    expect(await platformPath(page)).toBe('a.a.a.');
    const wire = JSON.parse(String((await cmi(page)).suspend_data)) as { l: Record<string, { d: Record<string, [string, number]> }> };
    expect(wire.l[lesson.id]!.d[second.id]).toEqual(['a.', 1]);
  },

  'double-click': async (page, version) => {
    await launch(page, version, pkgName(lesson.id, version));
    const frame = courseFrame(page);
    await playDialogue(frame, 1);
    await section(frame).locator('.bs-choice').first().dblclick();
    await expect(section(frame)).toHaveAttribute('data-phase', 'feedback');
    await expect(section(frame)).toHaveAttribute('data-node', nodeAfter('a.'));
    expect(await platformPath(page)).toBe('a.a');
    await expectInteractions(page, 2);
  },

  'back-forward': async (page, version) => {
    await launch(page, version, pkgName(lesson.id, version));
    const frame = courseFrame(page);
    await playDialogue(frame, 2);
    await openGlossary(frame);
    await page.evaluate(() => history.back());
    await expect(section(frame)).toHaveAttribute('data-node', nodeAfter('a.a.'));
    await playDialogue(frame, 1);
    await page.evaluate(() => history.forward());
    await expect(frame.locator('h1')).toContainText('Glossary');
    await page.evaluate(() => history.back());
    await expect(section(frame)).toHaveAttribute('data-node', nodeAfter('a.a.a.'));
    await close(page);
    await finished(page);
    const log = await calls(page);
    expect(log.filter((c) => /Initialize$/.test(c.name)), 'one session for the launch').toHaveLength(1);
    expect(log.filter((c) => /^(LMSFinish|Terminate)$/.test(c.name))).toHaveLength(1);
    expect(await platformPath(page)).toBe('a.a.a.');
  },

  'two-tabs': async (page, version) => {
    const other = await page.context().newPage();
    await launch(page, version, pkgName(lesson.id, version));
    await expect(section(courseFrame(page)).locator('.bs-saved')).not.toBeEmpty();
    await launch(other, version, pkgName(lesson.id, version));
    const [a, b] = [courseFrame(page), courseFrame(other)];
    await expect(section(b).locator('.bs-saved')).not.toBeEmpty();
    await expect(topNotice(a)).toContainText('also open in another tab');
    await expect(topNotice(b)).toContainText('also open in another tab');
    // Progress in one tab reaches the other, which shows it. The learner brings each tab to
    // the front to use it, as a person would (a background tab's timers are slowed).
    await page.bringToFront();
    await playDialogue(a, 2);
    await expect(section(b)).toHaveAttribute('data-node', nodeAfter('a.a.'));
    await other.bringToFront();
    await playDialogue(b, 1, 1);
    await expect(section(a, 1)).toHaveAttribute('data-node', nodeAfter('a.', second.id));
    await expect.poll(() => platformPath(page, second.id)).toBe('a.');
    // A restart in one tab is the learner's latest action: the other follows it, not undoes it.
    await page.bringToFront();
    await section(a).getByRole('button', { name: 'Start this conversation again' }).click();
    await section(a).getByRole('button', { name: 'Yes, start again' }).click();
    await expect(section(b)).toHaveAttribute('data-node', definition.start);
    await other.bringToFront();
    await playDialogue(b, 2);
    await expect(section(a)).toHaveAttribute('data-node', nodeAfter('a.a.'));
    // Whichever closes last saves both tabs' progress.
    await close(page);
    await finished(page);
    await close(other);
    await finished(other);
    for (const p of [page, other]) {
      expect(await platformPath(p)).toBe('a.a.');
      expect(await platformPath(p, second.id)).toBe('a.');
    }
  },

  'idle-end': async (page, version) => {
    await launch(page, version, pkgName(lesson.id, version), { seed: learnerSeed(version) });
    const frame = courseFrame(page);
    await playDialogue(frame, 1);
    await setFault(page, { calls: '.*', mode: 'ended' });
    await playDialogue(frame, 1);
    // A page visited after the platform stopped answering still knows the learner and their progress.
    await openGlossary(frame);
    await page.evaluate(() => history.back());
    await expect(section(frame)).toHaveAttribute('data-node', nodeAfter('a.a.'));
    await playDialogue(frame, 1);
    await expect(warning(frame)).toContainText(REFUSED);
    await expect(warning(frame)).toContainText('your progress will come back');
    await close(page);
    // The platform hands back what it last accepted.
    const accepted = String((await cmi(page)).suspend_data);
    expect(JSON.parse(accepted).l[lesson.id].d[first.id][0]).toBe('a.');
    // Another learner on this computer does not get it.
    const other = await page.context().newPage();
    await launch(other, version, pkgName(lesson.id, version), { seed: resumeSeed(version, accepted, 'someone-else') });
    await expect(section(courseFrame(other))).toHaveAttribute('data-node', nodeAfter('a.'));
    const again = await page.context().newPage();
    await launch(again, version, pkgName(lesson.id, version), { seed: resumeSeed(version, accepted, LEARNER_ID) });
    await expect(section(courseFrame(again))).toHaveAttribute('data-node', nodeAfter('a.a.a.'));
    await expect(courseFrame(again).locator('.bs-notice')).toHaveCount(0);
    expect(await platformPath(again)).toBe('a.a.a.');
  },
};

test('every row of the matrix has a test', () => {
  expect(Object.keys(RUNS).sort()).toEqual(FAULT_MATRIX.map((r) => r.id).sort());
});

for (const row of FAULT_MATRIX) {
  for (const version of ['1.2', '2004'] as const) {
    test(`fault: ${row.fault} (SCORM ${version})`, async ({ page, context }) => {
      // Whatever the fault, no page of the course throws and no request of the course fails.
      const problems: string[] = [];
      const watch = (p: Page) => p.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
      watch(page);
      context.on('page', watch);
      context.on('response', (r) => void (r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`)));
      await RUNS[row.id]!(page, version);
      expect(problems).toEqual([]);
    });
  }
}
