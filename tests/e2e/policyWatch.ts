/**
 * Watches a page (and every frame in it) for Content Security Policy violations, both as the
 * page reports them (the `securitypolicyviolation` event) and as Chromium's console says them,
 * and for any other console error or warning and any uncaught error.
 */
import type { Page } from '@playwright/test';

export async function watchPolicy(page: Page) {
  const violations: string[] = [];
  const consoleProblems: string[] = [];
  await page.exposeBinding('__bsPolicyViolation', (source, text: string) => void violations.push(`${source.frame.url()}: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __bsPolicyViolation?: (t: string) => void }).__bsPolicyViolation;
      report?.(`${e.effectiveDirective} refused ${e.blockedURI || 'inline code'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') consoleProblems.push(`${m.type()} at ${m.location().url}: ${m.text()}`);
  });
  page.on('pageerror', (e) => consoleProblems.push(`uncaught: ${e.message}`));
  return { violations, consoleProblems };
}
