/**
 * Glossary links: which words match an entry, and the linker that links each entry's first
 * appearance in a lesson's prose, on HAST trees shaped like the MDX compiler's (elements, text,
 * and MDX nodes for components). The built pages are checked in tests/build/glossary.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { glossaryLinksPlugin, linkGlossaryTerms, planGlossaryLinks, type HastNode } from '../../src/lib/glossaryLinks.ts';
import { findGlossaryTerms, glossaryIndex, type GlossaryIndex } from '../../src/lib/glossaryTerms.ts';
import { ROOT } from '../content/contentFixture.ts';

const index: GlossaryIndex = glossaryIndex(
  {
    abbreviations: [
      { id: 'nice', abbreviation: 'NICE', expansion: 'x', explanation: 'x' },
      { id: 'gp', abbreviation: 'GP', expansion: 'x', explanation: 'x' },
      { id: 'audit', abbreviation: 'AUDIT', expansion: 'x', explanation: 'x' },
      { id: 'audit-c', abbreviation: 'AUDIT-C', expansion: 'x', explanation: 'x' },
    ],
    terms: [
      { id: 'shared-care', term: 'shared care', explanation: 'x' },
      { id: 'naloxone', term: 'naloxone', explanation: 'x' },
      { id: 'buprenorphine', term: 'buprenorphine', explanation: 'x' },
      { id: 'long-acting', term: 'long-acting buprenorphine', explanation: 'x' },
      { id: 'detox', term: 'detox', also: ['detoxification'], explanation: 'x' },
    ],
  },
  {
    names: ['Alcoholics Anonymous'],
    terms: [{ id: 'alcoholic', terms: ['alcoholic', 'alcoholics'], alternatives: 'x', why: 'x' }],
  },
);
const found = (text: string) => findGlossaryTerms(text, index).map((m) => `${m.id}:${text.slice(m.start, m.end)}`);

describe('which words match an entry', () => {
  test('abbreviations: case-sensitive whole words, with a plural "s"', () => {
    expect(found('NICE says; the nice GP; two GPs; Nice; NICEly; GPS')).toEqual(['nice:NICE', 'gp:GP', 'gp:GPs']);
  });

  test('a hyphen joins words: AUDIT is not found in AUDIT-C, nor naloxone in buprenorphine-naloxone', () => {
    expect(found('AUDIT-C, then the full AUDIT.')).toEqual(['audit-c:AUDIT-C', 'audit:AUDIT']);
    expect(found('buprenorphine-naloxone tablets; NICE-approved')).toEqual([]);
  });

  test('plain terms: any case, a plural "s", and a space, line break or hyphen between words', () => {
    expect(found('Shared care, shared-care prescribing, shared\ncare, SHARED CARE requests')).toEqual([
      'shared-care:Shared care',
      'shared-care:shared-care',
      'shared-care:shared\ncare',
      'shared-care:SHARED CARE',
    ]);
    expect(found('Naloxone kits; a detoxification; detoxes')).toEqual(['naloxone:Naloxone', 'detox:detoxification']);
  });

  test('the longer entry wins where two overlap', () => {
    expect(found('Long-acting buprenorphine, unlike daily buprenorphine')).toEqual(['long-acting:Long-acting buprenorphine', 'buprenorphine:buprenorphine']);
  });

  test('contested terms match as the language check matches them; proper names never do', () => {
    expect(found('"Alcoholic" is a label; Alcoholics Anonymous is a name; alcoholics')).toEqual(['alcoholic:Alcoholic', 'alcoholic:alcoholics']);
  });
});

// HAST as the MDX compiler gives it: elements, text, and MDX nodes for components.
const text = (value: string): HastNode => ({ type: 'text', value });
const el = (tagName: string, ...children: HastNode[]): HastNode => ({ type: 'element', tagName, properties: {}, children });
const root = (...children: HastNode[]): HastNode => ({ type: 'root', children });
const ref = (): HastNode => ({ type: 'mdxJsxTextElement', children: [text('NICE shared care GP')] } as HastNode);
const href = (id: string) => `../glossary.html#term-${id}`;

/** The tree as HTML-ish text, enough to compare. */
function html(node: HastNode): string {
  if (node.type === 'text') return (node as { value: string }).value;
  const inner = ('children' in node ? node.children ?? [] : []).map(html).join('');
  if (node.type !== 'element') return node.type === 'root' ? inner : `<${node.type}>${inner}</${node.type}>`;
  const e = node as { tagName: string; properties: { href?: string; className?: string[] } };
  const attrs = e.properties.href ? ` href="${e.properties.href}" class="${e.properties.className?.join(' ')}"` : '';
  return `<${e.tagName}${attrs}>${inner}</${e.tagName}>`;
}

describe('the linker', () => {
  test('links the first appearance of each entry only, in document order, across paragraphs', () => {
    const tree = root(el('p', text('The GP asked NICE. Another GP.')), el('p', text('NICE again, and the GP.')));
    expect(linkGlossaryTerms(tree, index, href)).toEqual(['gp', 'nice']);
    expect(html(tree)).toBe(
      '<p>The <a href="../glossary.html#term-gp" class="bs-term">GP</a> asked <a href="../glossary.html#term-nice" class="bs-term">NICE</a>. Another GP.</p><p>NICE again, and the GP.</p>',
    );
  });

  test('skips headings, existing links and code, and links the next appearance in prose', () => {
    const tree = root(
      el('h2', text('What NICE says')),
      el('p', el('a', text('NICE guidance')), text(' and '), el('code', text('NICE')), text(' then NICE.')),
    );
    linkGlossaryTerms(tree, index, href);
    expect(html(tree)).toBe('<h2>What NICE says</h2><p><a>NICE guidance</a> and <code>NICE</code> then <a href="../glossary.html#term-nice" class="bs-term">NICE</a>.</p>');
  });

  test('never links inside a component (<Ref>, <Dialogue>), and links inside emphasis', () => {
    const tree = root(el('p', ref(), text(' Then '), el('strong', text('shared care')), text('.')));
    expect(linkGlossaryTerms(tree, index, href)).toEqual(['shared-care']);
    expect(html(tree)).toBe('<p><mdxJsxTextElement>NICE shared care GP</mdxJsxTextElement> Then <strong><a href="../glossary.html#term-shared-care" class="bs-term">shared care</a></strong>.</p>');
  });

  test('abbreviations keep their case rule in the tree: "nice" in prose is not NICE', () => {
    const tree = root(el('p', text('A nice day. Then NICE.')));
    linkGlossaryTerms(tree, index, href);
    expect(html(tree)).toBe('<p>A nice day. Then <a href="../glossary.html#term-nice" class="bs-term">NICE</a>.</p>');
  });

  test('a term split across adjacent text nodes is found once, and the nodes are replaced together', () => {
    const first = text('Ask about shared ');
    const tree = root(el('p', first, text('care today.')));
    const { edits } = planGlossaryLinks(tree, index, href);
    expect(edits).toHaveLength(1);
    expect(edits[0]!.run).toHaveLength(2);
    linkGlossaryTerms(tree, index, href);
    expect(html(tree)).toBe('<p>Ask about <a href="../glossary.html#term-shared-care" class="bs-term">shared care</a> today.</p>');
  });

  test('planning leaves the tree unchanged', () => {
    const tree = root(el('p', text('The GP.')));
    planGlossaryLinks(tree, index, href);
    expect(html(tree)).toBe('<p>The GP.</p>');
  });

  test('the Sätteri plugin applies the plan through the compiler\'s context, with addresses from the root it is given', () => {
    const a = text('The GP and shared ');
    const b = text('care.');
    const tree = root(el('h1', text('GP')), el('p', a, b));
    const calls: string[] = [];
    const plugin = glossaryLinksPlugin({ root: '../', projectRoot: ROOT });
    plugin.before(tree, {
      replaceNode: (node, replacement) => calls.push(`replace ${html(node as HastNode)} with ${(replacement as HastNode[]).map(html).join('')}`),
      removeNode: (node) => calls.push(`remove ${html(node as HastNode)}`),
    });
    expect(calls).toEqual([
      'replace The GP and shared  with The <a href="../glossary.html#term-gp" class="bs-term">GP</a> and <a href="../glossary.html#term-shared-care" class="bs-term">shared care</a>.',
      'remove care.',
    ]);
  });
});
