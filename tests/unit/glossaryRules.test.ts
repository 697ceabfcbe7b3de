/**
 * The glossary rules, on seeded mistakes: content/glossary.yaml and the contested terms of
 * content/language-terms.yaml are read through their schemas; a repeated id, abbreviation or
 * term, or an unknown `seeAlso`, is an error naming the file and line; an entry no lesson uses
 * is a warning. Both `npm run check` and the build apply them.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkContent } from '../../src/content-rules/checkContent.ts';
import { checkGlossary, checkGlossaryUse, loadGlossaryOrThrow } from '../../src/content-rules/glossaryRules.ts';
import { ContentError } from '../../src/content-rules/problem.ts';
import { ROOT } from '../content/contentFixture.ts';

const GLOSSARY = [
  'intro: An intro.', // 1
  'contestedIntro: About contested terms.', // 2
  'abbreviations:', // 3
  '  - { id: nice, abbreviation: NICE, expansion: N, explanation: One., seeAlso: [gp] }', // 4
  '  - { id: gp, abbreviation: GP, expansion: G, explanation: Two. }', // 5
  'terms:', // 6
  '  - { id: shared-care, term: shared care, explanation: Three. }', // 7
].join('\n');
const TERMS = readFileSync(join(ROOT, 'content/language-terms.yaml'), 'utf8');
const rules = (glossary: string) => checkGlossary(glossary, TERMS).problems.map((p) => `${p.file}:${p.line} ${p.severity} ${p.rule} ${p.message}`);

describe('the glossary rules', () => {
  test('a well-formed glossary passes', () => {
    expect(rules(GLOSSARY)).toEqual([]);
  });

  test('an id used twice is an error, within the glossary or against a contested term', () => {
    expect(rules(GLOSSARY.replace('id: shared-care,', 'id: gp,'))).toEqual([
      'content/glossary.yaml:7 error duplicate-id term id "gp" is already used by abbreviation in content/glossary.yaml',
    ]);
    expect(rules(GLOSSARY.replace('id: shared-care,', 'id: chaotic,'))).toEqual([
      'content/glossary.yaml:7 error duplicate-id term id "chaotic" is already used by contested term in content/language-terms.yaml',
    ]);
  });

  test('an abbreviation defined twice is an error; so is a term, however it is spelt', () => {
    expect(rules(GLOSSARY.replace('abbreviation: GP,', 'abbreviation: NICE,'))).toEqual([
      'content/glossary.yaml:5 error duplicate-abbreviation "NICE" is defined twice: by "nice" and by "gp"',
    ]);
    expect(rules(`${GLOSSARY}\n  - { id: shared, term: Shared-care, explanation: Four. }`)).toEqual([
      'content/glossary.yaml:8 error duplicate-term "Shared-care" is defined twice: by "shared-care" and by "shared"',
    ]);
    expect(rules(`${GLOSSARY}\n  - { id: hard, term: hard to reach, explanation: Four. }`)).toEqual([
      'content/glossary.yaml:8 error duplicate-term "hard to reach" is defined twice: by "hard-to-reach" and by "hard"',
    ]);
  });

  test('a seeAlso that names no entry is an error', () => {
    expect(rules(GLOSSARY.replace('seeAlso: [gp]', 'seeAlso: [gpp]'))).toEqual([
      'content/glossary.yaml:4 error unknown-see-also entry "nice": seeAlso names "gpp", which is no glossary entry or contested term',
    ]);
  });

  test('schema problems name the file, the line and the field', () => {
    expect(rules(GLOSSARY.replace(', expansion: G', ''))).toEqual(['content/glossary.yaml:5 error schema abbreviations[1].expansion: Invalid input: expected string, received undefined']);
    expect(rules(GLOSSARY.replace('id: gp', 'id: GP'))[0]).toMatch(/^content\/glossary\.yaml:5 error schema abbreviations\[1\]\.id: must be kebab-case/);
    expect(checkGlossary(GLOSSARY, TERMS.replace('  - id: chaotic\n', '  - \n')).problems[0]).toMatchObject({ file: 'content/language-terms.yaml', rule: 'schema' });
  });

  test('an entry no lesson uses is a warning, not an error', () => {
    const { glossary, index: idx, glossarySource } = checkGlossary(GLOSSARY, TERMS);
    const problems = checkGlossaryUse('content/glossary.yaml', glossarySource!, glossary!, idx!, ['Ask your GP about shared-care.', 'NICE']);
    expect(problems).toEqual([]);
    const unused = checkGlossaryUse('content/glossary.yaml', glossarySource!, glossary!, idx!, ['Ask your GP.', 'nice, but not the abbreviation']);
    expect(unused.map((p) => `${p.line} ${p.severity} ${p.rule} ${p.message}`)).toEqual([
      '4 warning unused-glossary-entry glossary entry "nice" ("NICE") is not used by any lesson',
      '7 warning unused-glossary-entry glossary entry "shared-care" ("shared care") is not used by any lesson',
    ]);
  });
});

describe('the glossary in a project', () => {
  function project(glossary: string, prose: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'bs-glossary-'));
    mkdirSync(join(dir, 'content/lessons/demo'), { recursive: true });
    cpSync(join(ROOT, 'content/language-terms.yaml'), join(dir, 'content/language-terms.yaml'));
    writeFileSync(join(dir, 'content/course.yaml'), 'title: Demo\ntagline: A demo\ncontentVersion: 0.0.1\nchanges:\n  - { version: 0.0.1, date: 2026-01-01, notes: [First.] }\n');
    writeFileSync(join(dir, 'content/references.yaml'), '- { id: ref-a, type: webpage, organisation: Org A, title: A }\n');
    writeFileSync(join(dir, 'content/glossary.yaml'), glossary);
    writeFileSync(join(dir, 'content/lessons/demo/lesson.mdx'), `---\ntitle: Demo\norder: 1\ndescription: A demo.\nminutes: 20\noutcomes: [One., Two., Three.]\nreferences: [ref-a]\nsummary: [A point.]\nlastReviewed: 2026-01-01\n---\n\n${prose} <Ref id="ref-a" />\n`);
    return dir;
  }
  const glossaryRules = (dir: string) =>
    checkContent({ root: dir })
      .filter((p) => ['unused-glossary-entry', 'duplicate-id', 'duplicate-abbreviation', 'duplicate-term', 'unknown-see-also', 'schema', 'yaml'].includes(p.rule) || p.file === 'content/glossary.yaml')
      .map((p) => `${p.file}:${p.line} ${p.severity} ${p.rule}`);

  test('npm run check warns about an unused entry, with the file and line', () => {
    expect(glossaryRules(project(GLOSSARY, 'Ask your GP about shared care.'))).toEqual(['content/glossary.yaml:4 warning unused-glossary-entry']);
  });

  test('npm run check refuses a duplicated id as an error', () => {
    expect(glossaryRules(project(GLOSSARY.replace('id: shared-care,', 'id: gp,'), 'NICE, GP, shared care.'))).toEqual(['content/glossary.yaml:7 error duplicate-id']);
  });

  test('npm run check applies the language check to the glossary\'s own sentences', () => {
    const problems = checkContent({ root: project(GLOSSARY.replace('explanation: Two.', 'explanation: Not for junkies.'), 'NICE, GP, shared care.') });
    expect(problems.filter((p) => p.file === 'content/glossary.yaml').map((p) => `${p.line} ${p.rule}`)).toEqual(['5 language']);
  });

  test('the build refuses a broken glossary with an error naming the file and line', () => {
    const dir = project(GLOSSARY.replace('abbreviation: GP,', 'abbreviation: NICE,'), 'NICE.');
    expect(() => loadGlossaryOrThrow(dir)).toThrow(ContentError);
    expect(() => loadGlossaryOrThrow(dir)).toThrow(/content\/glossary\.yaml:5 {2}duplicate-abbreviation/);
  });

  test('a project without a glossary file still runs the language check (the contested terms)', () => {
    const dir = project(GLOSSARY, 'Written off as chaotic.');
    rmSync(join(dir, 'content/glossary.yaml'));
    expect(checkContent({ root: dir }).some((p) => p.rule === 'language')).toBe(true);
  });
});
