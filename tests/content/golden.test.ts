/**
 * Golden walkthroughs: every `*.golden.yaml` saved beside a dialogue is replayed through the
 * machine; a dialogue that no longer reads that way fails with a line-by-line diff.
 */
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { goldenFile, readWalkthroughs } from '../../src/content-rules/golden.ts';
import { transcript } from '../../src/engine/transcript.ts';
import { content, ROOT } from './contentFixture.ts';

const withGolden = content.dialogues.map((d) => ({ d, walks: readWalkthroughs(resolve(ROOT, goldenFile(d.file))) }));

test('every dialogue has at least one golden walkthrough', () => {
  expect(withGolden.filter((g) => g.walks.length === 0).map((g) => g.d.file)).toEqual([]);
});

describe.each(withGolden.filter((g) => g.walks.length).map((g) => ({ ...g, name: g.d.file })))('$name', ({ d, walks }) => {
  test.each(walks.map((w) => [w.name, w] as const))('"%s" still reads the same', (_, walk) => {
    expect(transcript(d.definition, walk.choices)).toEqual(walk.transcript);
  });
});
