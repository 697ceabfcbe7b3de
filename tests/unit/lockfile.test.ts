/**
 * `npm ci` (the first step of README's commands and of CI) refuses a lock file that lacks an
 * entry for any optional dependency, even one for another platform. An `npm install` against a
 * registry mirror that lacks those platform packages silently drops them, so this guards it.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

type LockEntry = { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')) as {
  packages: Record<string, LockEntry>;
};

/** Where npm would look for `name` from the package at `path`: nested first, then upwards. */
function resolves(path: string, name: string): boolean {
  let base = path;
  for (;;) {
    if (lock.packages[`${base ? `${base}/` : ''}node_modules/${name}`]) return true;
    if (!base) return false;
    const cut = base.lastIndexOf('node_modules/');
    base = cut <= 0 ? '' : base.slice(0, cut - 1);
  }
}

test('package.json and the lock agree on every dependency, optional ones for other platforms included', () => {
  const missing: string[] = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    for (const name of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) {
      if (!resolves(path, name)) missing.push(`${path || '(root)'} → ${name}`);
    }
  }
  expect(missing).toEqual([]);
});

test('the runtime dependencies are the fixed stack and two build-time libraries, each pinned exactly', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  // Adding one is a decision for README's "Locked-down page" section, not a side effect.
  expect(Object.keys(pkg.dependencies).sort()).toEqual(
    ['@astrojs/markdown-satteri', '@astrojs/mdx', '@astrojs/preact', '@dagrejs/dagre', 'astro', 'preact', 'scorm-again', 'xstate', 'yaml'].sort(),
  );
  for (const [name, version] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
    expect(version, `${name} is pinned`).toMatch(/^\d+\.\d+\.\d+$/);
  }
  expect(lock.packages['']).toBeDefined();
});
