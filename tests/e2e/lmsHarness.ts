/**
 * Driving the test LMS (tests/e2e/lms/: scorm-again serving the built packages from a deep
 * path): launch a package in a version, read the calls it made and the data it holds, close it.
 */
import type { FrameLocator, Page } from '@playwright/test';
import { builtOutline } from './helpers.ts';

export const LMS = 'http://127.0.0.1:4322';
export type Version = '1.2' | '2004';

export interface Call {
  name: string;
  args: string[];
  ret: string;
  error: string;
}

const outline = builtOutline();

export const pkgName = (id: string, version: Version) => `beyond-stigma-${id}-scorm${version === '1.2' ? '12' : '2004'}-v${outline.contentVersion}`;

/** The course page inside the launch page inside the LMS's frame. */
export const courseFrame = (page: Page): FrameLocator => page.frameLocator('iframe').frameLocator('iframe');

/** Launches a package; returns a list that fills with any failed or out-of-package request. */
export async function launch(page: Page, version: Version, pkg: string, seed?: unknown, popup = false) {
  const failures: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`);
  });
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(`${LMS}/lms/`) && !url.startsWith('data:') && !url.startsWith('blob:')) failures.push(`outside the LMS: ${url}`);
    if (url.startsWith(`${LMS}/lms/beyond-stigma-`) && !url.startsWith(`${LMS}/lms/${pkg}/sco/`)) failures.push(`outside the package folder: ${url}`);
  });
  await page.goto(`${LMS}/lms/harness.html`);
  await page.evaluate((o) => (window as unknown as { __launch: (x: unknown) => void }).__launch(o), { version, pkg, seed, popup });
  return failures;
}

export const calls = (page: Page) => page.evaluate(() => (window as unknown as { __calls: Call[] }).__calls);
export const cmi = (page: Page) => page.evaluate(() => (window as unknown as { __cmi: () => Record<string, unknown> }).__cmi());
export const close = (page: Page) => page.evaluate(() => (window as unknown as { __close: () => void }).__close());
/** Reads one element from the LMS's own API, as the platform holds it. */
export const lmsValue = (page: Page, version: Version, element: string) =>
  page.evaluate(
    ({ element, call }) => String((window as unknown as { __api: Record<string, (e: string) => unknown> }).__api[call]!(element)),
    { element, call: version === '1.2' ? 'LMSGetValue' : 'GetValue' },
  );
