/**
 * The built references page and its downloads (`npm test` builds first): every reference in
 * content/references.yaml once, with the lessons that really cite it (read from the built lesson
 * pages), links that resolve, the same sources in the same order in the page, the RIS file and
 * the BibTeX file, and none of the citation library shipped to the browser.
 */
import { existsSync, globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { COURSE_ENTRY_ID } from '../../src/lib/referenceExport.ts';
import { outlineFromHtml } from '../../src/tracking/outline.ts';
import { content } from '../content/contentFixture.ts';
import { DIST } from './pageWeight.ts';

const read = (file: string) => readFileSync(join(DIST, file), 'utf8');
const page = read('references.html');
const ris = read('references.ris');
const bib = read('references.bib');
const outline = outlineFromHtml(read('index.html'), 'dist/index.html');
const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Each source on the page: its reference id and its list item's markup. */
const items = [...page.matchAll(/<li id="ref-([^"]+)"[^>]*>(.*?)<\/li>/gs)].map((m) => ({ id: m[1]!, html: m[2]! }));

/** Which lessons cite each reference, read from the numbered list on each built lesson page. */
const citedBy = new Map<string, string[]>();
for (const lesson of outline.lessons) {
  for (const m of read(lesson.href).matchAll(/<li id="ref-([^"]+)"/g)) citedBy.set(m[1]!, [...(citedBy.get(m[1]!) ?? []), lesson.href]);
}

test('the page and both downloads are written at the site root', () => {
  for (const file of ['references.html', 'references.ris', 'references.bib']) expect(existsSync(join(DIST, file)), file).toBe(true);
});

describe('the references page', () => {
  test('lists every reference in content/references.yaml, once each', () => {
    expect(items.map((i) => i.id).sort()).toEqual(content.references.map((r) => r.id).sort());
  });

  test.each(content.references.map((r) => [r.id, r] as const))('%s: its link, its note and the lessons that cite it', (id, r) => {
    const item = items.find((i) => i.id === id)!;
    const link = r.doi ? `https://doi.org/${r.doi}` : r.url;
    if (link) expect(decode(item.html)).toContain(`href="${link}"`);
    if (r.note) expect(decode(item.html)).toContain(r.note);
    expect(decode(item.html)).toContain(decode(r.title));
    const usedIn = [...item.html.matchAll(/<a href="(lessons\/[^"]+)"/g)].map((m) => m[1]);
    expect(usedIn.length, 'cited by at least one lesson').toBeGreaterThan(0);
    expect(usedIn).toEqual(citedBy.get(id));
  });

  test('every link within the course goes to a file that exists', () => {
    const local = [...page.matchAll(/<a[^>]*href="([^"#:]+)(?:#[^"]*)?"/g)].map((m) => m[1]!);
    expect(local).toEqual(expect.arrayContaining(['references.ris', 'references.bib', 'index.html']));
    for (const href of local) expect(existsSync(join(DIST, href)), href).toBe(true);
  });

  test('says how to cite the course, with its content version', () => {
    expect(page).toMatch(new RegExp(`<h2[^>]*>How to cite this course</h2>`));
    expect(page).toContain(`Content version ${outline.contentVersion}.`);
  });

  test('loads no script, and nothing from another website', () => {
    expect([...page.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !tag.includes('type="application/json"'))).toEqual([]);
    expect(page).not.toMatch(/<(?:link|img|script|iframe|source)\b[^>]*(?:href|src)="(?:https?:)?\/\//);
  });
});

describe('the downloads', () => {
  test('have the course entry first, then the same sources in the same order as the page', () => {
    const bibKeys = [...bib.matchAll(/^@\w+\{([^,]+),$/gm)].map((m) => m[1]);
    expect(bibKeys).toEqual([COURSE_ENTRY_ID, ...items.map((i) => i.id)]);
    // RIS's reference ID holds 20 characters at most.
    const risIds = [...ris.matchAll(/^ID {2}- (.*)\r$/gm)].map((m) => m[1]);
    expect(risIds).toEqual([COURSE_ENTRY_ID, ...items.map((i) => i.id)].map((id) => id.slice(0, 20)));
  });
});

test('none of the citation library reaches the browser', () => {
  const scripts = globSync('**/*.js', { cwd: DIST });
  expect(scripts.length).toBeGreaterThan(0);
  for (const file of scripts) {
    const code = read(file);
    expect(code, file).not.toMatch(/citation-js|Invalid RIS specification|textbraceleft|BibTeX label/);
  }
});
