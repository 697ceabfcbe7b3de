/**
 * Screenshots for looking at the course as a person would: the home page, a lesson
 * mid-dialogue, feedback, an ending and the knowledge check, at 320, 768 and 1280 px.
 *
 *   npm run build && npm run screenshots      → test-results/screenshots/*.png
 *
 * Not a test (nothing is asserted); the audit in tests/e2e/audit.spec.ts is.
 */
import { mkdirSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const OUT = new URL('../../test-results/screenshots/', import.meta.url).pathname;
const BASE = 'http://127.0.0.1:4321';
mkdirSync(OUT, { recursive: true });

const server = spawn(process.execPath, [new URL('../e2e/server.mjs', import.meta.url).pathname], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 800));
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-background-networking'] });

const islandsReady = (page) => page.waitForFunction(() => !document.querySelector('astro-island[ssr][client="load"]') && !document.querySelector('.bs-saved:empty'));

try {
  for (const width of [320, 768, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const shot = async (name, locator) => {
      const path = `${OUT}${name}-${width}.png`;
      await (locator ?? page).screenshot(locator ? { path } : { path, fullPage: true });
      console.log(path);
    };
    await page.goto(`${BASE}/index.html`);
    await islandsReady(page);
    await shot('home');
    await page.goto(`${BASE}/lessons/language.html`);
    await islandsReady(page);
    const dialogue = page.locator('section.bs-dialogue').first();
    await dialogue.locator('.bs-choice').first().click();
    await dialogue.getByRole('button', { name: 'Continue' }).click();
    await shot('lesson-mid-dialogue', dialogue);
    await dialogue.locator('.bs-choice').last().click();
    await shot('feedback', dialogue);
    await dialogue.getByRole('button', { name: 'Continue' }).click();
    while ((await dialogue.getAttribute('data-phase')) !== 'ending') {
      await dialogue.locator('.bs-choice').first().click();
      await dialogue.getByRole('button', { name: 'Continue' }).click();
    }
    await shot('ending', dialogue);
    const check = page.locator('#knowledge-check');
    await check.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => !document.querySelector('#knowledge-check')?.closest('astro-island[ssr]'));
    await check.getByRole('button', { name: /Submit/ }).click();
    await shot('knowledge-check-errors', check);
    await page.evaluate(() => localStorage.clear());
    await page.close();
  }
} finally {
  await browser.close();
  server.kill();
}
