/** README's fault-matrix table is the one the end-to-end tests run (tests/e2e/faultMatrix.ts). */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { FAULT_MATRIX } from '../e2e/faultMatrix.ts';

test('README lists every row of the fault matrix, with its outcome, and nothing else', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const table = readme.match(/<!-- faults:start -->\n([\s\S]*?)\n<!-- faults:end -->/)?.[1];
  expect(table, 'README has the faults:start / faults:end markers').toBeDefined();
  const expected = ['| fault | what the learner sees, and what is kept |', '|---|---|', ...FAULT_MATRIX.map((r) => `| ${r.fault} | ${r.outcome} |`)];
  expect(table!.split('\n')).toEqual(expected);
});

test('every row names a fault and an outcome, once', () => {
  expect(new Set(FAULT_MATRIX.map((r) => r.id)).size).toBe(FAULT_MATRIX.length);
  for (const r of FAULT_MATRIX) {
    expect(r.fault.length).toBeGreaterThan(10);
    expect(r.outcome.length).toBeGreaterThan(30);
  }
});
