/**
 * `npm run check` on seeded mistakes, one per rule, each reported with its file, line and rule;
 * and on the real content, which passes clean. The fixture project is written to a temporary
 * folder so no broken content ever sits where the build could find it.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkContent } from '../../src/content-rules/checkContent.ts';
import { findTerms } from '../../src/content-rules/languageRules.ts';
import { ROOT } from '../content/contentFixture.ts';

const feedback = (ref = 'ref-a') => `feedback: { consequence: It happens., reason: Because., refs: [${ref}] }`;
const choice = (id: string, next: string, quality = 'best', fb = feedback()) => `      - { id: ${id}, label: ${id}, quality: ${quality}, ${fb}, next: ${next} }`;

/** A small lesson with one mistake per rule. Line numbers below refer to these files. */
function seededProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'bs-check-'));
  mkdirSync(join(root, 'content/lessons/demo/dialogues'), { recursive: true });
  mkdirSync(join(root, 'content/lessons/ghost/dialogues'), { recursive: true });
  cpSync(join(ROOT, 'content/language-terms.yaml'), join(root, 'content/language-terms.yaml'));
  writeFileSync(join(root, 'content/course.yaml'), 'title: Demo\ntagline: A demo\ncontentVersion: 0.0.1\nchanges:\n  - { version: 0.0.1, date: 2026-01-01, notes: [First.] }\n');
  writeFileSync(
    join(root, 'content/references.yaml'),
    [
      '- { id: ref-a, type: webpage, organisation: Org A, title: A }',
      '- { id: ref-b, type: webpage, organisation: Org B, title: B }',
      '- { id: ref-unused, type: webpage, organisation: Org C, title: C }',
    ].join('\n') + '\n',
  );
  writeFileSync(
    join(root, 'content/lessons/demo/lesson.mdx'),
    [
      '---', // 1
      'title: Demo', // 2
      'order: 1', // 3
      'description: A demo lesson.', // 4
      'minutes: 40', // 5  lesson-minutes (and time-estimate)
      'outcomes: [One thing., Two things., Three things.]', // 6
      'references: [ref-a, ref-b]', // 7  ref-b uncited
      'summary: [A point.]', // 8
      'lastReviewed: 2026-01-01', // 9
      '---', // 10
      '', // 11
      'Some people are written off as chaotic. <Ref id="ref-a" />', // 12  language
      '', // 13
      '<Dialogue id="tiny" />', // 14
      '', // 15
      '<Chart id="missing" />', // 16  unknown-chart
    ].join('\n'),
  );
  mkdirSync(join(root, 'content/lessons/demo/charts'));
  const chart = (id: string, bars: string, refs = 'ref-a') =>
    [
      'schemaVersion: 1', // 1
      `id: ${id}`, // 2
      'title: A chart', // 3
      'summary: What it shows.', // 4
      'categoryHeading: Group', // 5
      'valueHeading: Rate', // 6
      `bars: ${bars}`, // 7
      'source: Somewhere', // 8
      `refs: [${refs}]`, // 9
    ].join('\n') + '\n';
  writeFileSync(join(root, 'content/lessons/demo/charts/long-label.chart.yaml'), chart('long-label', '[{ label: A label far too long to fit on one line of a phone, value: 1 }, { label: B, value: 2 }]'));
  writeFileSync(join(root, 'content/lessons/demo/charts/misnamed.chart.yaml'), chart('other-name', '[{ label: A, value: 0 }, { label: B, value: 0 }]', 'ref-nope'));
  writeFileSync(join(root, 'content/lessons/demo/charts/unplaced.chart.yaml'), chart('unplaced', '[{ label: A, value: 1 }, { label: B, value: 2 }]'));
  writeFileSync(
    join(root, 'content/lessons/demo/dialogues/tiny.dialogue.yaml'),
    [
      'schemaVersion: 1', // 1
      'id: tiny', // 2
      'title: Tiny', // 3
      'summary: Too small.', // 4
      'characters: [{ id: sam, name: Sam, role: Patient }]', // 5
      'start: one', // 6
      'nodes:', // 7
      '  - id: one', // 8
      '    narration: A junkie comes in.', // 9   language (narration)
      '    lines:', // 10
      '      - { speaker: sam, text: "I am just an addict." }', // 11  unmarked-term
      '    choices:', // 12  no-real-decision
      choice('a', 'two'), // 13
      choice('b', 'two'), // 14
      '  - id: two', // 15
      '    lines:', // 16
      '      - { speaker: sam, text: "Call me a drunk then.", intendedTerms: [drunk] }', // 17  unaddressed-term
      '    choices:', // 18  mixed-neutral
      choice('c', 'end-a', 'neutral'), // 19
      choice('d', 'end-b', 'harmful'), // 20
      '  - { id: end-a, ending: { outcome: good, title: Fine, summary: Fine. } }', // 21
      '  - { id: end-b, ending: { outcome: poor, title: Not fine, summary: Not fine. } }', // 22
    ].join('\n') + '\n',
  );
  const questions = [1, 2, 3, 4, 5]
    .map((i) => `  - { id: q${i}, prompt: Question ${i}?, options: [{ text: Yes, correct: true }, { text: No }], explanation: Because., refs: [ref-a] }`)
    .join('\n');
  writeFileSync(join(root, 'content/lessons/demo/quiz.yaml'), `schemaVersion: 1\npassMark: 80\nquestions:\n${questions}\n`);
  // A dialogue in a folder with no lesson; long enough to break the saved-state budget.
  const nodes = Array.from({ length: 320 }, (_, i) => {
    // One choice leads on; the others end the conversation (so a worst case tries them all).
    const next = i === 319 ? 'end' : `n${i + 1}`;
    return `  - id: n${i}\n    choices:\n${['a', 'b', 'c', 'd', 'e', 'f'].map((c, k) => choice(`${c}${i}`, k === 0 ? next : ['end', 'end-2', 'end-3'][k % 3]!, k === 0 ? 'best' : 'harmful')).join('\n')}`;
  });
  writeFileSync(
    join(root, 'content/lessons/ghost/dialogues/long.dialogue.yaml'),
    `schemaVersion: 1\nid: long\ntitle: Long\nsummary: Long.\ncharacters: [{ id: sam, name: Sam, role: Patient }]\nstart: n0\nnodes:\n${nodes.join('\n')}\n  - { id: end, ending: { outcome: good, title: End, summary: End. } }\n  - { id: end-2, ending: { outcome: mixed, title: End, summary: End. } }\n  - { id: end-3, ending: { outcome: poor, title: End, summary: End. } }\n`,
  );
  return root;
}

describe('npm run check on seeded mistakes', () => {
  const problems = checkContent({ root: seededProject() });
  const found = (rule: string, file: string, line?: number) =>
    expect(
      problems.some((p) => p.rule === rule && p.file === file && (line === undefined || p.line === line)),
      `${rule} at ${file}:${line ?? '?'}; got:\n${problems.map((p) => `${p.file}:${p.line} ${p.rule}`).join('\n')}`,
    ).toBe(true);
  const lesson = 'content/lessons/demo/lesson.mdx';
  const tiny = 'content/lessons/demo/dialogues/tiny.dialogue.yaml';
  const long = 'content/lessons/ghost/dialogues/long.dialogue.yaml';

  test.each([
    ['too-few-dialogues', lesson, 1],
    ['lesson-minutes', lesson, 5],
    ['time-estimate', lesson, 5],
    ['uncited-reference', lesson, 7],
    ['language', lesson, 12],
    ['unused-reference', 'content/references.yaml', 3],
    ['too-few-decisions', tiny, 7],
    ['too-few-endings', tiny, 7],
    ['short-path', tiny, undefined],
    ['language', tiny, 9],
    ['unmarked-term', tiny, 11],
    ['no-real-decision', tiny, 12],
    ['unaddressed-term', tiny, 17],
    ['mixed-neutral', tiny, 18],
    ['orphan-dialogue', long, 1],
    ['saved-state-budget', 'content/lessons/ghost/lesson.mdx', 1],
    ['unknown-chart', lesson, 16],
    ['unplaced-chart', lesson, 1],
    ['schema', 'content/lessons/demo/charts/long-label.chart.yaml', 7],
    ['file-name', 'content/lessons/demo/charts/misnamed.chart.yaml', 2],
    ['empty-chart', 'content/lessons/demo/charts/misnamed.chart.yaml', 7],
    ['unknown-reference', 'content/lessons/demo/charts/misnamed.chart.yaml', 9],
  ] as const)('%s is reported at %s:%s', (rule, file, line) => found(rule, file, line));

  test('messages say why a term is contested and what to write instead', () => {
    const p = problems.find((x) => x.rule === 'language' && x.file === tiny)!;
    expect(p.message).toContain('"junkie" is contested');
    expect(p.hint).toContain('person who uses drugs');
  });

  test('errors and warnings are told apart: the language check advises', () => {
    expect(problems.filter((p) => ['language', 'unmarked-term', 'unaddressed-term', 'no-real-decision', 'time-estimate', 'unused-reference'].includes(p.rule)).every((p) => p.severity === 'warning')).toBe(true);
    expect(problems.filter((p) => ['too-few-dialogues', 'short-path', 'saved-state-budget', 'lesson-minutes'].includes(p.rule)).every((p) => p.severity === 'error')).toBe(true);
  });
});

describe('the language check', () => {
  const entries = [{ terms: ['addict', 'drug abuse'], alternatives: 'person who uses drugs', why: 'labels' }];
  test('finds whole words only, in any case', () => {
    expect(findTerms('An Addict. addiction. addicted.', entries).map((m) => m.term)).toEqual(['addict']);
  });
  test('a term in quotation marks is discussed, not used', () => {
    expect(findTerms('He called himself an "addict" and ‘addict’.', entries).every((m) => m.quoted)).toBe(true);
    expect(findTerms('He is an addict.', entries)[0]!.quoted).toBe(false);
  });
});

test('the real content passes the check clean: no errors, no warnings', () => {
  const problems = checkContent({ root: ROOT });
  expect(problems.map((p) => `${p.file}:${p.line}  ${p.rule}  ${p.message}`)).toEqual([]);
});

test('the term list is the fact sheet\'s contested-terms table, with a reason for every term', () => {
  const text = readFileSync(join(ROOT, 'content/language-terms.yaml'), 'utf8');
  for (const t of ['junkie', 'alcoholic', 'abuser', 'clean', 'chaotic', 'hard to reach', 'non-compliant', 'self-inflicted']) expect(text).toContain(t);
});
