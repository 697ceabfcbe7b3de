/**
 * `npm run bench`: what each page and package costs, how fast the pages are, how long the build
 * and the content tests take. Prints one table, writes test-results/bench.json, and exits 1 when
 * any budget in tests/budgets.ts is over. Run after `npm run build` (it runs its own builds for
 * timing; the last one leaves dist/ as it was).
 *
 *   npm run bench                 everything (about three minutes)
 *   BENCH_RUNS=1 npm run bench    one run of each timing and Lighthouse audit instead of three
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, globSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { BUDGETS, KB } from '../budgets.ts';
import { DIST, isFile, requestsAtFirstLoad, total, weighPage } from '../build/pageWeight.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CHROMIUM = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const CHROME_FLAGS = ['--headless=new', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', ...(isRoot ? ['--no-sandbox'] : [])];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;
const over: string[] = [];
const check = (what: string, value: number, budget: number, higherIsBetter = false) => {
  const ok = higherIsBetter ? value >= budget : value <= budget;
  if (!ok) over.push(`${what}: ${value} (budget ${higherIsBetter ? '≥' : '≤'} ${budget})`);
  return ok ? 'ok' : 'OVER';
};

function timed(command: string, args: string[]): number {
  const start = performance.now();
  const r = spawnSync(command, args, { cwd: ROOT, stdio: 'ignore', env: process.env });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
  return (performance.now() - start) / 1000;
}

function sizes(files: string[]) {
  let raw = 0;
  let gzip = 0;
  let brotli = 0;
  for (const f of files) {
    const body = readFileSync(f);
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
    brotli += brotliCompressSync(body).length;
  }
  return { raw, gzip, brotli };
}

async function pageRow(page: string) {
  const w = await weighPage(page);
  const js = sizes([...w.initialJs.keys()].filter(isFile));
  const inlineGzip = [...w.initialJs.entries()].filter(([f]) => !isFile(f)).reduce((n, [, v]) => n + v, 0);
  return {
    page,
    js: { raw: js.raw, gzip: js.gzip + inlineGzip, brotli: js.brotli },
    deferredJsGzip: total(w.deferredJs),
    lazyJsGzip: total(w.lazyJs),
    css: { ...sizes([...w.css.keys()].filter(isFile)), gzip: total(w.css) },
    requests: requestsAtFirstLoad(w),
  };
}

function serve(script: string, env: Record<string, string>) {
  const child = spawn(process.execPath, [join(ROOT, script)], { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'ignore' });
  return { stop: () => child.kill(), ready: new Promise((r) => setTimeout(r, 800)) };
}

/** A lesson package inside the test LMS: requests and bytes until the dialogue is ready. */
async function lessonInLms(pkg: string) {
  const lms = serve('tests/e2e/lms/server.mjs', { LMS_PORT: '4392' });
  await lms.ready;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROME_FLAGS.filter((f) => !f.startsWith('--headless')) });
  try {
    const page = await browser.newPage();
    // Bytes as served (the test LMS does not compress, as some platforms do not).
    const counted: Array<Promise<number>> = [];
    page.on('requestfinished', (r) => {
      if (r.url().includes(`/lms/${pkg}/sco/`)) counted.push(r.response().then(async (res) => (await res?.body())?.length ?? 0));
    });
    await page.goto('http://127.0.0.1:4392/lms/harness.html');
    await page.evaluate((p) => (window as unknown as { __launch: (o: unknown) => void }).__launch({ version: '1.2', pkg: p }), pkg);
    const frame = page.frameLocator('iframe').frameLocator('iframe');
    await frame.locator('.bs-saved').first().waitFor();
    await page.waitForLoadState('networkidle');
    const sizes = await Promise.all(counted);
    return { requests: sizes.length, bytes: sizes.reduce((a, b) => a + b, 0) };
  } finally {
    await browser.close();
    lms.stop();
  }
}

async function lighthouseScores(url: string) {
  const runs: Array<Record<string, number>> = [];
  for (let i = 0; i < RUNS; i++) {
    const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS });
    try {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices'] });
      const lhr = result!.lhr;
      runs.push({
        performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
        accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
        'best-practices': Math.round((lhr.categories['best-practices']?.score ?? 0) * 100),
        lcp: Math.round(lhr.audits['largest-contentful-paint']!.numericValue ?? 0),
        tbt: Math.round(lhr.audits['total-blocking-time']!.numericValue ?? 0),
        cls: Number((lhr.audits['cumulative-layout-shift']!.numericValue ?? 0).toFixed(3)),
      });
    } finally {
      await chrome.kill();
    }
  }
  return Object.fromEntries(Object.keys(runs[0]!).map((k) => [k, median(runs.map((r) => r[k]!))]));
}

async function main() {
  console.log(`Benchmarking (${RUNS} run(s) of each timing and audit)…`);
  const buildSeconds = median(Array.from({ length: RUNS }, () => timed('npm', ['run', 'build', '--silent'])));
  const pathTestSeconds = median(Array.from({ length: RUNS }, () => timed('npx', ['vitest', 'run', 'tests/content'])));

  // Every page type the site has (the SCORM launch page is measured inside the test LMS).
  const pages = globSync('**/*.html', { cwd: DIST, exclude: ['packages/**', 'launch.html'] }).sort((a, b) => (a === 'index.html' ? -1 : b === 'index.html' ? 1 : a.localeCompare(b)));
  const rows = [];
  for (const p of pages) rows.push(await pageRow(p));

  const zips = globSync('packages/*.zip', { cwd: DIST })
    .sort()
    .map((f) => ({ file: f, bytes: statSync(join(DIST, f)).size }));
  const lessonPkg = zips.find((z) => /-scorm12-/.test(z.file) && !/-course-/.test(z.file))!;
  const lms = await lessonInLms(lessonPkg.file.replace(/^packages\//, '').replace(/\.zip$/, ''));

  const site = serve('tests/e2e/server.mjs', { PORT: '4391' });
  await site.ready;
  const lessonPage = pages.find((p) => p.startsWith('lessons/'))!;
  let lh: Record<string, Record<string, number>>;
  try {
    lh = { home: await lighthouseScores('http://127.0.0.1:4391/index.html'), lesson: await lighthouseScores(`http://127.0.0.1:4391/${lessonPage}`) };
  } finally {
    site.stop();
  }

  const lines: string[] = [];
  lines.push('| page | JS at first load (raw / gzip / brotli) | JS later (deferred / on demand, gzip) | CSS (raw / gzip / brotli) | requests |', '|---|---|---|---|---|');
  for (const r of rows) {
    const isLesson = r.page.startsWith('lessons/');
    if (isLesson) {
      check(`${r.page} requests at first load`, r.requests, BUDGETS.lessonRequests);
      check(`${r.page} JS with a platform (gzip)`, r.js.gzip, BUDGETS.lessonJsWithPlatform);
      check(`${r.page} JS on the plain website (gzip)`, r.js.gzip + r.deferredJsGzip + r.lazyJsGzip, BUDGETS.lessonJsPlainWebsite);
    }
    check(`${r.page} CSS (gzip)`, r.css.gzip, BUDGETS.cssPerPage);
    lines.push(`| ${r.page} | ${kb(r.js.raw)} / ${kb(r.js.gzip)} / ${kb(r.js.brotli)} | ${kb(r.deferredJsGzip)} / ${kb(r.lazyJsGzip)} | ${kb(r.css.raw)} / ${kb(r.css.gzip)} / ${kb(r.css.brotli)} | ${r.requests} |`);
  }
  lines.push('', `Lesson package in the test LMS (SCORM 1.2, served uncompressed): ${lms.requests} requests, ${kb(lms.bytes)} until the page is idle.`, '');
  lines.push('| package | size | budget |', '|---|---|---|');
  for (const z of zips) {
    const budget = /-course-/.test(z.file) ? BUDGETS.coursePackage : BUDGETS.lessonPackage;
    lines.push(`| ${z.file.replace('packages/', '')} | ${kb(z.bytes)} | ${check(z.file, z.bytes, budget)} (≤ ${kb(budget)}) |`);
  }
  lines.push('', '| Lighthouse (mobile, median of runs) | performance | accessibility | best practices | LCP | TBT | CLS |', '|---|---|---|---|---|---|---|');
  for (const [name, s] of Object.entries(lh)) {
    for (const cat of ['performance', 'accessibility', 'best-practices'] as const) check(`Lighthouse ${name} ${cat}`, s[cat]!, BUDGETS.lighthouse[cat], true);
    lines.push(`| ${name} | ${s.performance} | ${s.accessibility} | ${s['best-practices']} | ${s.lcp} ms | ${s.tbt} ms | ${s.cls} |`);
  }
  lines.push('', `Build (site and all packages), median: ${buildSeconds.toFixed(1)} s. Content-generated path tests, median: ${pathTestSeconds.toFixed(1)} s.`);
  lines.push('', over.length ? `Over budget:\n${over.map((o) => `- ${o}`).join('\n')}` : 'Every budget holds.');
  console.log(lines.join('\n'));
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  writeFileSync(join(ROOT, 'test-results/bench.json'), JSON.stringify({ date: new Date().toISOString(), runs: RUNS, pages: rows, lms, packages: zips, lighthouse: lh, buildSeconds, pathTestSeconds, budgets: BUDGETS, over }, null, 2));
  process.exitCode = over.length ? 1 : 0;
}

await main();
