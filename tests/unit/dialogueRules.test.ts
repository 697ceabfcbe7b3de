import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkDialogue } from '../../src/content-rules/dialogueRules.ts';
import { formatProblem } from '../../src/content-rules/problem.ts';

const FILE = 'content/lessons/test/dialogues/valid.dialogue.yaml';
const valid = readFileSync(new URL('../fixtures/valid.dialogue.yaml', import.meta.url), 'utf8');
const refs = new Set(['ref-one', 'ref-two']);
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

/** Applies one edit to the valid fixture and checks it, failing if the edit did not apply. */
function broken(from: string, to: string) {
  expect(valid.includes(from), `fixture contains ${JSON.stringify(from)}`).toBe(true);
  const text = valid.replace(from, to);
  return { text, result: checkDialogue(FILE, text, refs) };
}

describe('a dialogue file', () => {
  test('the valid fixture passes with no problems', () => {
    const result = checkDialogue(FILE, valid, refs);
    expect(result.problems).toEqual([]);
    expect(result.data?.nodes).toHaveLength(4);
  });

  test('an unknown next is reported with the file, line and node', () => {
    const { text, result } = broken('next: ending-bad', 'next: ending-missing');
    expect(result.data).toBeUndefined();
    const p = result.problems.find((x) => x.rule === 'unknown-next')!;
    expect(p.file).toBe(FILE);
    expect(p.line).toBe(lineOf(text, 'next: ending-missing'));
    expect(p.message).toContain('node "first"');
    expect(p.message).toContain('"ending-missing"');
    expect(formatProblem(p)).toMatch(new RegExp(`^${FILE}:${p.line}  unknown-next  node "first"`));
  });

  test('an unknown start is reported', () => {
    const { result } = broken('start: first', 'start: nowhere');
    expect(result.problems.map((p) => p.rule)).toContain('unknown-next');
    expect(result.problems.find((p) => p.rule === 'unknown-next')!.message).toContain('start "nowhere"');
  });

  test('a duplicate node id is reported at the second node', () => {
    const { text, result } = broken('  - id: second\n', '  - id: first\n');
    const p = result.problems.find((x) => x.rule === 'duplicate-id')!;
    expect(p.message).toContain('node "first"');
    const second = text.indexOf('  - id: first\n', text.indexOf('  - id: first\n') + 1);
    expect(p.line).toBe(text.slice(0, second).split('\n').length);
  });

  test('a duplicate choice id within a node is reported', () => {
    const { result } = broken('id: lecture', 'id: listen');
    const p = result.problems.find((x) => x.rule === 'duplicate-id')!;
    expect(p.message).toContain('node "second"');
    expect(p.message).toContain('"listen"');
  });

  test('a node with neither choices nor an ending is reported', () => {
    const { result } = broken(
      "    ending:\n      outcome: poor\n      title: She does not come back\n      summary: Trust was lost.\n",
      "    narration: Nothing happens.\n",
    );
    const p = result.problems.find((x) => x.rule === 'node-kind')!;
    expect(p.message).toBe('node "ending-bad" has neither choices nor an ending');
  });

  test('a node with both choices and an ending is reported', () => {
    const { result } = broken('  - id: second\n', '  - id: second\n    ending: { outcome: good, title: T, summary: S }\n');
    expect(result.problems.find((x) => x.rule === 'node-kind')!.message).toContain('node "second" has both');
  });

  test('an unreachable node is reported', () => {
    const { text, result } = broken('next: ending-bad', 'next: ending-good');
    const p = result.problems.find((x) => x.rule === 'unreachable')!;
    expect(p.message).toContain('node "ending-bad"');
    expect(p.line).toBe(lineOf(text, '  - id: ending-bad'));
  });

  test('a choice without feedback is reported with its node', () => {
    const { result } = broken(
      "        feedback:\n          consequence: She nods.\n          reason: Information without warmth is half the job.\n          refs: [ref-two]\n",
      '',
    );
    const p = result.problems.find((x) => x.rule === 'missing-feedback')!;
    expect(p.message).toContain('node "second"');
    expect(p.message).toContain('choices[1].feedback');
  });

  test('an unknown reference id is reported', () => {
    const { text, result } = broken('refs: [ref-two]\n        next: ending-good\n      - id: lecture', 'refs: [ref-nine]\n        next: ending-good\n      - id: lecture');
    const p = result.problems.find((x) => x.rule === 'unknown-reference')!;
    expect(p.message).toContain('node "second"');
    expect(p.message).toContain('"ref-nine"');
    expect(p.line).toBe(lineOf(text, 'refs: [ref-nine]'));
  });

  test('a loop is reported, so every path ends', () => {
    const { result } = broken('next: ending-good\n      - id: lecture', 'next: first\n      - id: lecture');
    const p = result.problems.find((x) => x.rule === 'cycle')!;
    expect(p.message).toContain('first → second → first');
  });

  test('a speaker who is not a character is reported', () => {
    const { result } = broken('speaker: gp', 'speaker: nurse');
    expect(result.problems.find((x) => x.rule === 'unknown-speaker')!.message).toContain('node "second"');
  });

  test('an id that is not kebab-case fails the schema at its line', () => {
    const { text, result } = broken('id: listen', 'id: Listen Now');
    const p = result.problems[0]!;
    expect(p.rule).toBe('schema');
    expect(p.message).toContain('node "second"');
    expect(p.message).toContain('kebab-case');
    expect(p.line).toBe(lineOf(text, 'id: Listen Now'));
  });

  test('a missing quality, a wrong schema version and an unknown field fail the schema', () => {
    expect(broken('quality: harmful', 'quality: terrible').result.problems[0]!.message).toContain('choices[1].quality');
    expect(broken('schemaVersion: 1', 'schemaVersion: 2').result.problems[0]!.message).toContain('schemaVersion must be 1');
    expect(broken('prompt: What do you say?', 'promt: What do you say?').result.problems[0]!.message).toContain('promt');
  });

  test('a decision with one choice fails the schema', () => {
    const start = valid.indexOf('      - id: curt');
    const end = valid.indexOf('  - id: second');
    const { result } = broken(valid.slice(start, end), '');
    expect(result.problems[0]!.message).toContain('at least 2 choices');
  });

  test('an id that differs from the file name is reported', () => {
    const { result } = broken('id: valid', 'id: other');
    expect(result.problems.find((x) => x.rule === 'file-name')).toBeDefined();
  });

  test('YAML syntax errors are reported with a line', () => {
    const { result } = broken('title: A test conversation', 'title: [unclosed');
    expect(result.problems[0]!.rule).toBe('yaml');
    expect(result.problems[0]!.line).toBeGreaterThan(1);
  });
});
