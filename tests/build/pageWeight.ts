/**
 * What a built page makes the browser download, in three parts:
 * - initial: inline scripts, the island renderer, `client:load` islands and everything they
 *   import statically (what a learner waits for);
 * - deferred: `client:visible` islands (the knowledge check, the reflection), fetched when
 *   the learner scrolls to them;
 * - lazy: dynamic imports, such as the embedded LMS loaded only when no platform is found.
 * Sizes are gzip (level 9) per file, as each file is a separate request.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { init, parse } from 'es-module-lexer';

export const DIST = resolve(new URL('../../dist', import.meta.url).pathname);

export interface PageWeight {
  initialJs: Map<string, number>;
  deferredJs: Map<string, number>;
  lazyJs: Map<string, number>;
  css: Map<string, number>;
}

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** Resolves a URL found in a page (root-absolute or relative) to a file in dist/. */
function toFile(pageFile: string, url: string): string {
  const clean = url.split(/[?#]/)[0]!;
  return clean.startsWith('/') ? join(DIST, clean) : resolve(dirname(pageFile), clean);
}

type Import = { type: string; specifier: string | null; start: number; end: number };

/** Adds `file` and its static imports to `into`; records dynamic imports in `lazy`. */
function visit(file: string, into: Map<string, number>, lazy: Set<string>, skip: Map<string, number>) {
  if (into.has(file) || skip.has(file)) return;
  into.set(file, gz(file));
  const code = readFileSync(file, 'utf8');
  const [imports] = parse(code) as unknown as [Import[]];
  for (const imp of imports) {
    // Minified dynamic imports use template literals, which the lexer may leave unnamed.
    const raw = code.slice(imp.start, imp.end);
    const name = imp.specifier ?? (/^[`'"]\.[^`'"$]*[`'"]$/.test(raw) ? raw.slice(1, -1) : undefined);
    if (!name || !name.startsWith('.')) continue;
    const target = posix.join(dirname(file), name);
    if (imp.type === 'static') visit(target, into, lazy, skip);
    else if (imp.type === 'dynamic') lazy.add(target);
  }
}

export async function weighPage(page: string): Promise<PageWeight> {
  await init;
  const pageFile = join(DIST, page);
  if (!existsSync(pageFile)) throw new Error(`${page} is not in dist/: run \`npm run build\` first`);
  const html = readFileSync(pageFile, 'utf8');
  const initialEntries = new Set<string>();
  const deferredEntries = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) initialEntries.add(toFile(pageFile, m[1]!));
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) initialEntries.add(toFile(pageFile, m[1]!));
  for (const island of html.matchAll(/<astro-island\b([^>]*)>/g)) {
    const attrs = island[1]!;
    const client = attrs.match(/\bclient="([^"]+)"/)?.[1];
    const into = client === 'visible' || client === 'idle' || client === 'media' ? deferredEntries : initialEntries;
    for (const m of attrs.matchAll(/(?:component-url|renderer-url)="([^"]+)"/g)) into.add(toFile(pageFile, m[1]!));
  }
  const none = new Map<string, number>();
  const lazyRoots = new Set<string>();
  const initialJs = new Map<string, number>();
  for (const e of initialEntries) visit(e, initialJs, lazyRoots, none);
  // Inline scripts (Astro's island loader) are part of the first load.
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/json")[^>]*>([\s\S]*?)<\/script>/g)) {
    initialJs.set(`inline script ${initialJs.size}`, gzipSync(m[1]!, { level: 9 }).length);
  }
  const deferredJs = new Map<string, number>();
  for (const e of deferredEntries) visit(e, deferredJs, lazyRoots, initialJs);
  const lazyJs = new Map<string, number>();
  const loaded = new Map([...initialJs, ...deferredJs]);
  for (const root of lazyRoots) visit(root, lazyJs, new Set(), loaded);

  const css = new Map<string, number>();
  for (const m of html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)) {
    const f = toFile(pageFile, m[1]!);
    css.set(f, gz(f));
  }
  for (const m of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) css.set(`inline style ${css.size}`, gzipSync(m[1]!, { level: 9 }).length);
  return { initialJs, deferredJs, lazyJs, css };
}

export const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

/** Inline scripts and styles are keyed "inline …"; every other key is a file, and a request. */
export const isFile = (key: string) => !key.startsWith('inline ');

/** Requests before the page is usable: the page itself, its stylesheets and its first-load scripts. */
export const requestsAtFirstLoad = (w: PageWeight) => 1 + [...w.css.keys(), ...w.initialJs.keys()].filter(isFile).length;
