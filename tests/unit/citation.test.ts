/** Citations as the references list prints them, with and without the details a source gives. */
import { expect, test } from 'vitest';
import { fullCite, shortCite } from '../../src/lib/citation.ts';

const article = { id: 'a', type: 'article' as const, authors: ['Kelly JF', 'Westerhoff CM'], title: 'Does it matter?', container: 'Int J Drug Policy' };

test('an article with every detail reads in Vancouver style', () => {
  expect(fullCite({ ...article, year: 2010, volume: '21', issue: '3', pages: '202-207' })).toBe('Kelly JF, Westerhoff CM. Does it matter? Int J Drug Policy. 2010;21(3):202-207.');
  expect(shortCite({ ...article, year: 2010 })).toBe('Kelly and Westerhoff 2010');
});

test('an undated article names its journal once, with no stray punctuation', () => {
  expect(fullCite({ ...article, authors: ['Bray J'], title: 'An opinion', container: 'DDN' })).toBe('Bray J. An opinion. DDN.');
  expect(fullCite({ ...article, volume: '4', pages: '31' })).toBe('Kelly JF, Westerhoff CM. Does it matter? Int J Drug Policy. 4:31.');
});
