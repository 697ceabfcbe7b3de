/**
 * The SCORM packages `npm run build` writes: both versions for every lesson and the course,
 * named by lesson, version and content version; the manifest at the zip root with its schema
 * files; every file the SCO uses listed; no root-absolute URL anywhere in a package.
 */
import { globSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { absoluteReferences } from '../../scorm/package/relativize.ts';
import { unzip } from '../../scorm/package/zip.ts';
import { outlineFromHtml } from '../../src/tracking/outline.ts';
import { validate } from '../unit/validateManifest.ts';
import { BUDGETS, KB } from '../budgets.ts';
import { DIST } from './pageWeight.ts';

const outline = outlineFromHtml(readFileSync(`${DIST}/index.html`, 'utf8'), 'dist/index.html');
const zips = globSync('packages/*.zip', { cwd: DIST }).sort();

test('one package per lesson and for the course, in SCORM 1.2 and 2004', () => {
  const expected = [...outline.lessons.map((l) => l.id), 'course'].flatMap((id) =>
    ['12', '2004'].map((v) => `packages/beyond-stigma-${id}-scorm${v}-v${outline.contentVersion}.zip`),
  );
  expect(zips).toEqual(expected.sort());
});

describe.each(zips)('%s', (name) => {
  const archive = readFileSync(`${DIST}/${name}`);
  const files = unzip(archive);

  test('stays within its size budget', () => {
    const budget = name.includes('-course-') ? BUDGETS.coursePackage : BUDGETS.lessonPackage;
    expect(archive.length, `${name} is ${(archive.length / KB).toFixed(1)} KB`).toBeLessThanOrEqual(budget);
  });

  test('has imsmanifest.xml and the schema files at the root, and a launch page', () => {
    console.log(`${name}: ${(archive.length / KB).toFixed(1)} KB, ${files.size} files`);
    expect(files.has('imsmanifest.xml')).toBe(true);
    expect([...files.keys()].filter((f) => !f.includes('/') && /\.(xsd|dtd)$/.test(f)).length).toBeGreaterThan(0);
    expect(files.has('launch.html')).toBe(true);
  });

  test('its manifest is valid against the ADL schemas that ship beside it', async () => {
    const version = name.includes('-scorm12-') ? '1.2' : '2004';
    const manifest = files.get('imsmanifest.xml')!.toString('utf8');
    const result = await validate(manifest, version);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(manifest).toContain(version === '1.2' ? '<schemaversion>1.2</schemaversion>' : '<schemaversion>2004 4th Edition</schemaversion>');
  });

  test('lists every file the SCO uses, and only those', () => {
    const manifest = files.get('imsmanifest.xml')!.toString('utf8');
    const listed = [...manifest.matchAll(/<file href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    const shipped = [...files.keys()].filter((f) => f !== 'imsmanifest.xml' && !(!f.includes('/') && /\.(xsd|dtd)$/.test(f)));
    expect(listed.sort()).toEqual(shipped.sort());
  });

  test('no file refers to a root-absolute path', () => {
    const found: string[] = [];
    for (const [path, data] of files) {
      const kind = path.endsWith('.html') ? 'html' : path.endsWith('.css') ? 'css' : path.endsWith('.js') ? 'js' : null;
      if (kind) for (const ref of absoluteReferences(data.toString('utf8'), kind)) found.push(`${path}: ${ref}`);
    }
    expect(found).toEqual([]);
  });

  test('every page the package links to is in the package', () => {
    const missing: string[] = [];
    for (const [path, data] of files) {
      if (!path.endsWith('.html')) continue;
      const base = new URL(path, 'https://pkg.invalid/');
      for (const m of data.toString('utf8').matchAll(/\b(?:href|src|component-url|renderer-url)="([^"#]+)(?:#[^"]*)?"/g)) {
        const url = new URL(m[1]!, base);
        if (url.origin !== 'https://pkg.invalid') continue;
        const target = url.pathname.slice(1);
        if (!files.has(target)) missing.push(`${path} → ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
