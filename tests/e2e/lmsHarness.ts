/**
 * Driving the test LMS (tests/e2e/lms/: scorm-again serving the built packages from a deep
 * path): launch a package in a version, read the calls it made and the data it holds, close it.
 */
import { expect, type Frame, type FrameLocator, type Page } from '@playwright/test';
import { builtOutline } from './helpers.ts';

export const LMS = 'http://127.0.0.1:4322';
export type Version = '1.2' | '2004';

export interface Call {
  name: string;
  args: string[];
  ret: string;
  error: string;
  /** The fault the harness applied to this call, if any. */
  fault?: string;
}

const outline = builtOutline();

export const pkgName = (id: string, version: Version) => `beyond-stigma-${id}-scorm${version === '1.2' ? '12' : '2004'}-v${outline.contentVersion}`;

/** The course page inside the launch page inside the LMS's frame. */
export const courseFrame = (page: Page): FrameLocator => page.frameLocator('iframe').frameLocator('iframe');

export interface LaunchOptions {
  /** The data model the platform hands back (a resumed attempt). */
  seed?: unknown;
  /** Opens the course in a popup with the API on the opener (Learning Hub's way). */
  popup?: boolean;
  /** Opens the package with no API at all. */
  noApi?: boolean;
  /** Each commit also posts to the LMS's server, so going offline fails it. */
  commitToServer?: boolean;
  /** A fault in place from the start (see harness.html). */
  fault?: Fault;
}

/** Makes the LMS's calls fail the way platforms do (see harness.html); null ends it. */
export interface Fault {
  calls: string;
  /** Only calls whose first argument (the element) matches. */
  element?: string;
  mode: 'false' | 'error' | 'throw' | 'alert' | 'slow' | 'ended';
  ms?: number;
}
export const setFault = (page: Page, fault: Fault | null) => page.evaluate((f) => ((window as unknown as { __fault: unknown }).__fault = f), fault);

/** Launches a package; returns a list that fills with any failed or out-of-package request. */
export async function launch(page: Page, version: Version, pkg: string, options: LaunchOptions = {}) {
  const failures: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`);
  });
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(`${LMS}/lms/`) && !url.startsWith('data:') && !url.startsWith('blob:')) failures.push(`outside the LMS: ${url}`);
    if (url === `${LMS}/lms/commit` && !options.commitToServer) failures.push(`a commit posted: ${url}`);
    if (url.startsWith(`${LMS}/lms/beyond-stigma-`) && !url.startsWith(`${LMS}/lms/${pkg}/sco/`)) failures.push(`outside the package folder: ${url}`);
  });
  await page.goto(`${LMS}/lms/harness.html`);
  await page.evaluate((o) => (window as unknown as { __launch: (x: unknown) => void }).__launch(o), { version, pkg, ...options });
  return failures;
}

/** The course page's frame (inside the launch page), to run code in it. */
export const courseWindow = (page: Page): Frame => {
  const frame = page.frames().find((f) => f.parentFrame()?.url().endsWith('/launch.html'));
  if (!frame) throw new Error('the course page is not open');
  return frame;
};


export const calls = (page: Page) => page.evaluate(() => (window as unknown as { __calls: Call[] }).__calls);
export const cmi = (page: Page) => page.evaluate(() => (window as unknown as { __cmi: () => Record<string, unknown> }).__cmi());
export const close = (page: Page) => page.evaluate(() => (window as unknown as { __close: () => void }).__close());
/** Reads one element from the LMS's own API, as the platform holds it. */
export const lmsValue = (page: Page, version: Version, element: string) =>
  page.evaluate(
    ({ element, call }) => String((window as unknown as { __api: Record<string, (e: string) => unknown> }).__api[call]!(element)),
    { element, call: version === '1.2' ? 'LMSGetValue' : 'GetValue' },
  );

/** The rules real platforms hold a course to, checked on the whole call log. */
export function expectStrictCalls(log: Call[], version: Version) {
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

export const setValues = (log: Call[], version: Version) => {
  const set = version === '1.2' ? 'LMSSetValue' : 'SetValue';
  const last = new Map<string, string>();
  for (const c of log) if (c.name === set) last.set(c.args[0]!, c.args[1]!);
  return last;
};
