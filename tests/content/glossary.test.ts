/**
 * The glossary against the real content, one test per lesson: every abbreviation a lesson's
 * text uses is defined in content/glossary.yaml, so the glossary grows with the lessons.
 * (Whether each one is linked on the built page is tests/build/glossary.test.ts.)
 */
import { globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadGlossaryOrThrow } from '../../src/content-rules/glossaryRules.ts';
import { ROOT } from './contentFixture.ts';

const { glossary } = loadGlossaryOrThrow(ROOT);
const defined = new Set(glossary.abbreviations.flatMap((a) => [a.abbreviation, ...(a.also ?? [])]));

/**
 * Not glossary entries: the two country abbreviations every learner knows, and NICE document
 * codes such as CG115 or TA325, which the lessons introduce by name and NICE's entry explains.
 */
const NOT_ENTRIES = [/^U[KS]$/, /^(CG|NG|TA|ES)\d+$/];

const lessons = globSync('content/lessons/*/lesson.mdx', { cwd: ROOT }).sort();

describe.each(lessons)('%s', (file) => {
  const text = readFileSync(join(ROOT, file), 'utf8');
  // Frontmatter sentences and the body, without components (<Ref id="…" /> and the like).
  const [, front = '', ...rest] = text.split(/^---\s*$/m);
  const sentences = [...front.split('\n').filter((l) => /^\s*(-\s|title:|description:)/.test(l) && !/^\s*-\s+[a-z0-9-]+\s*$/.test(l)), rest.join('---').replace(/<[^>]*>/g, ' ')].join('\n');

  test('every abbreviation it uses is in the glossary', () => {
    const used = new Set([...sentences.matchAll(/(?<![\w-])[A-Z][A-Z0-9]+(?:-[A-Z0-9]+)*(?=s?(?![\w-]))/g)].map((m) => m[0]));
    const missing = [...used].filter((a) => !defined.has(a) && !NOT_ENTRIES.some((re) => re.test(a)));
    expect(missing, `add these to content/glossary.yaml (or to NOT_ENTRIES here, with a reason)`).toEqual([]);
  });
});

test('there are lessons to check', () => {
  expect(lessons.length).toBeGreaterThan(0);
});
