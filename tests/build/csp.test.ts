/**
 * The locked-down page, checked on every built HTML file of the site and of every SCORM
 * package: one Content Security Policy, first in the head, that allows this origin only, no
 * inline code it has not hashed, no `eval`; and every inline script and style the page holds is
 * one of its hashes (a packaging step that changed one would break the page in the browser).
 * The browser side (no violation in a full play-through) is tests/e2e/locked.spec.ts.
 */
import { createHash } from 'node:crypto';
import { globSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { unzip } from '../../scorm/package/zip.ts';
import { DIST } from './pageWeight.ts';

const sitePages = globSync('**/*.html', { cwd: DIST, exclude: ['packages/**'] }).map((path) => ({ where: `dist/${path}`, html: readFileSync(`${DIST}/${path}`, 'utf8') }));
const packagePages = globSync('packages/*.zip', { cwd: DIST }).flatMap((zip) =>
  [...unzip(readFileSync(`${DIST}/${zip}`))].filter(([path]) => path.endsWith('.html')).map(([path, data]) => ({ where: `${zip}:${path}`, html: data.toString('utf8') })),
);

/** The policy of a page, as directive → sources. */
export function policyOf(html: string): Map<string, string[]> {
  const metas = [...html.matchAll(/<meta http-equiv="content-security-policy" content="([^"]*)"\s*\/?>/gi)];
  if (metas.length !== 1) throw new Error(`expected one Content-Security-Policy meta element, found ${metas.length}`);
  return new Map(
    metas[0]![1]!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

const hashOf = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

test('the site and the packages were built', () => {
  expect(sitePages.length).toBeGreaterThan(10);
  expect(packagePages.length).toBeGreaterThan(sitePages.length);
});

describe.each([...sitePages, ...packagePages])('$where', ({ html }) => {
  test('has one strict policy, before anything it governs', () => {
    const policy = policyOf(html);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    for (const [directive, sources] of policy) {
      for (const s of sources) {
        expect(s, `${directive} allows only this origin, data: images and hashes`).toMatch(/^('self'|'none'|'sha256-[A-Za-z0-9+/=]+'|data:)$/);
        if (s === 'data:') expect(directive).toBe('img-src');
      }
    }
    for (const directive of ['script-src', 'style-src', 'object-src', 'base-uri', 'frame-src', 'connect-src', 'img-src', 'font-src', 'form-action']) {
      expect(policy.has(directive), directive).toBe(true);
    }
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    const at = html.search(/<meta http-equiv="content-security-policy"/i);
    const governed = html.search(/<script(?![^>]*type="application\/json")|<style|<link[^>]*rel="stylesheet"|<img|<iframe/);
    expect(at).toBeGreaterThan(0);
    if (governed >= 0) expect(at, 'the policy comes before the first script, style or image').toBeLessThan(governed);
  });

  test('every inline script and style is one the policy has hashed; no inline handlers, style attributes or javascript: URLs', () => {
    const policy = policyOf(html);
    for (const m of html.matchAll(/<(script|style)\b([^>]*)>([\s\S]*?)<\/\1>/g)) {
      const [, tag, attrs, body] = m as unknown as [string, 'script' | 'style', string, string];
      if (tag === 'script' && (/\bsrc=/.test(attrs) || /type="application\/json"/.test(attrs))) continue;
      expect(policy.get(`${tag}-src`), `inline ${tag} starting "${body.slice(0, 50)}"`).toContain(hashOf(body));
    }
    // Attributes only: text in the page may quote such things.
    const tags = [...html.matchAll(/<[a-z][a-z0-9-]*\b[^>]*>/gi)].map((t) => t[0]);
    expect(tags.filter((t) => /\son[a-z]+\s*=/i.test(t)), 'inline event handlers').toEqual([]);
    expect(tags.filter((t) => /\sstyle\s*=/i.test(t)), 'style attributes').toEqual([]);
    expect(tags.filter((t) => /=\s*"\s*javascript:/i.test(t)), 'javascript: URLs').toEqual([]);
  });
});

test('no script the course ships evaluates strings as code', () => {
  const scripts = globSync('_astro/*.js', { cwd: DIST });
  expect(scripts.length).toBeGreaterThan(3);
  for (const file of scripts) {
    const code = readFileSync(`${DIST}/${file}`, 'utf8');
    expect(code, file).not.toMatch(/\beval\(|\bnew Function\(|setTimeout\(\s*["'`]/);
  }
});
