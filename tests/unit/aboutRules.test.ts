/**
 * The About page's content files, content/sources.yaml and content/support.yaml: a broken file
 * stops the build and `npm run check` with an error naming the file, the line and what is
 * wrong; the real files load clean. Broken files are written to a temporary folder, never
 * where the build could find them.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadSources, loadSupport, SOURCES_FILE, SUPPORT_FILE, telHref } from '../../src/content-rules/aboutRules.ts';
import { checkContent } from '../../src/content-rules/checkContent.ts';
import { loadReferences } from '../../src/content-rules/contentFiles.ts';
import { ContentError, type Problem } from '../../src/content-rules/problem.ts';
import { ROOT } from '../content/contentFixture.ts';

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'bs-about-'));
  mkdirSync(join(root, 'content'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
  return root;
}

/** The problems a load throws (fails the test if it does not throw a ContentError). */
function problemsOf(load: () => unknown): Problem[] {
  try {
    load();
  } catch (e) {
    expect(e).toBeInstanceOf(ContentError);
    return (e as ContentError).problems;
  }
  throw new Error('expected the file to be refused, but it loaded');
}

const goodSource = [
  '- id: a-source', // 1
  '  title: A source', // 2
  '  kind: Blog post', // 3
  '  by: Someone', // 4
  '  publisher: A blog', // 5
  '  published: 2019-03-15', // 6
  '  gives: Something.', // 7
  '  reference: ref-a', // 8
];
const known = new Set(['ref-a']);

describe(`${SOURCES_FILE}`, () => {
  test('a valid file loads', () => {
    const root = project({ [SOURCES_FILE]: goodSource.join('\n') + '\n' });
    expect(loadSources(root, known).map((s) => s.id)).toEqual(['a-source']);
  });

  test.each([
    ['a required field missing', goodSource.filter((l) => !l.includes('gives:')), 1, 'gives'],
    ['a date in the wrong form', goodSource.map((l) => l.replace('2019-03-15', '15 March 2019')), 6, 'published: must be a date written as 2019-03-15, or the word undated'],
    ['an unknown field', [...goodSource, '  sponsor: Someone'], 1, 'sponsor'],
    ['an empty funding declaration', [...goodSource, '  funding: ""'], 9, 'funding: must not be empty'],
    ['a reference that is not in references.yaml', goodSource.map((l) => l.replace('ref-a', 'ref-nope')), 8, 'ref-nope'],
    ['an id used twice', [...goodSource, ...goodSource], 9, 'is used twice'],
    ['a YAML syntax error', ['- id: a-source', '  title: a: b', '  kind: Blog post'], 2, ''],
  ] as const)('%s is refused, naming the file and the line', (_, lines, line, words) => {
    const root = project({ [SOURCES_FILE]: lines.join('\n') + '\n' });
    const problems = problemsOf(() => loadSources(root, known));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.file === SOURCES_FILE && p.severity === 'error')).toBe(true);
    expect(problems.map((p) => p.line)).toContain(line);
    expect(problems.map((p) => p.message).join('\n')).toContain(words);
  });

  test('the build error message names the file and the line', () => {
    const root = project({ [SOURCES_FILE]: goodSource.map((l) => l.replace('2019-03-15', 'March 2019')).join('\n') + '\n' });
    expect(() => loadSources(root, known)).toThrow(/content\/sources\.yaml:6 {2}schema {2}\[0\]\.published/);
  });

  test('a missing file is refused, naming it', () => {
    expect(() => loadSources(project({}), known)).toThrow(/content\/sources\.yaml:1 {2}missing-file/);
  });
});

const goodService = [
  '- id: helpline', // 1
  '  kind: helpline', // 2
  '  name: A helpline', // 3
  '  description: It helps.', // 4
  '  phone: "0300 123 4567"', // 5
  '  website: https://helpline.example', // 6
  '  checkedAt:', // 7
  '    - url: https://helpline.example/contact', // 8
  '      confirms: The number.', // 9
  '  checked: 2026-11-23', // 10
];

describe(`${SUPPORT_FILE}`, () => {
  test('a valid file loads', () => {
    const root = project({ [SUPPORT_FILE]: goodService.join('\n') + '\n' });
    expect(loadSupport(root).map((s) => s.phone)).toEqual(['0300 123 4567']);
  });

  test.each([
    ['a service with no record of where it was checked', goodService.slice(0, 7).concat(['    []', goodService[9]!]), 7, 'checkedAt'],
    ['a phone number written with a dash', goodService.map((l) => l.replace('0300 123 4567', '0300-123-4567')), 5, 'phone: must be digits with single spaces'],
    ['a website that is not https', goodService.map((l) => l.replace('https://helpline.example', 'http://helpline.example').replace('http://helpline.example/contact', 'https://helpline.example/contact')), 6, 'website'],
    ['an unknown kind', goodService.map((l) => l.replace('kind: helpline', 'kind: chat')), 2, 'kind'],
  ] as const)('%s is refused, naming the file and the line', (_, lines, line, words) => {
    const root = project({ [SUPPORT_FILE]: lines.join('\n') + '\n' });
    const problems = problemsOf(() => loadSupport(root));
    expect(problems.every((p) => p.file === SUPPORT_FILE)).toBe(true);
    expect(problems.map((p) => p.line)).toContain(line);
    expect(problems.map((p) => p.message).join('\n')).toContain(words);
  });

  test('phone numbers become tel: links with the spaces removed', () => {
    expect(telHref('0300 123 6600')).toBe('tel:03001236600');
    expect(telHref('999')).toBe('tel:999');
  });
});

test('npm run check reports a broken sources.yaml or support.yaml with its file and line', () => {
  const root = project({
    'content/course.yaml': 'title: Demo\ntagline: A demo\ncontentVersion: 0.0.1\nchanges:\n  - { version: 0.0.1, date: 2026-01-01, notes: [First.] }\n',
    'content/references.yaml': '- { id: ref-a, type: webpage, organisation: Org A, title: A }\n',
    [SOURCES_FILE]: goodSource.map((l) => l.replace('ref-a', 'ref-nope')).join('\n') + '\n',
    [SUPPORT_FILE]: goodService.map((l) => l.replace('kind: helpline', 'kind: chat')).join('\n') + '\n',
  });
  cpSync(join(ROOT, 'content/language-terms.yaml'), join(root, 'content/language-terms.yaml'));
  const problems = checkContent({ root });
  expect(problems.some((p) => p.file === SOURCES_FILE && p.line === 8 && p.rule === 'unknown-reference' && p.severity === 'error')).toBe(true);
  expect(problems.some((p) => p.file === SUPPORT_FILE && p.line === 2 && p.rule === 'schema' && p.severity === 'error')).toBe(true);
});

test('the real sources.yaml and support.yaml load, and every source reference is in references.yaml', () => {
  const refs = new Set(loadReferences({ root: ROOT }).data.map((r) => r.id));
  const sources = loadSources(ROOT, refs);
  expect(sources.length).toBeGreaterThan(0);
  expect(loadSupport(ROOT).length).toBeGreaterThan(0);
});
