/**
 * The glossary on the built site (`npm run build` first), generated from the content: the page
 * has an anchor for every entry and contested term, and on each lesson page every entry that
 * the lesson's prose uses is linked exactly once, from the lesson body, to an anchor that
 * exists. Which words count as a use is worked out here from the MDX source, independently of
 * the linker, so a linker that links too much, too little or in the wrong place fails.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadGlossaryOrThrow } from '../../src/content-rules/glossaryRules.ts';
import { ROOT } from '../content/contentFixture.ts';
import { DIST } from './pageWeight.ts';

const { glossary, language } = loadGlossaryOrThrow(ROOT);
const page = readFileSync(join(DIST, 'glossary.html'), 'utf8');
const anchors = [...page.matchAll(/\sid="(term-[^"]+)"/g)].map((m) => m[1]!);

interface Entry {
  id: string;
  kind: 'abbreviation' | 'term' | 'contested';
  patterns: RegExp[];
}
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const word = (body: string, flags: string) => new RegExp(`(?<![A-Za-z0-9_-])${body}(?![A-Za-z0-9_]|-[A-Za-z0-9])`, flags);
const entries: Entry[] = [
  ...glossary.abbreviations.map((a) => ({ id: a.id, kind: 'abbreviation' as const, patterns: [a.abbreviation, ...(a.also ?? [])].map((f) => word(`${esc(f)}s?`, 'g')) })),
  ...glossary.terms.map((t) => ({ id: t.id, kind: 'term' as const, patterns: [t.term, ...(t.also ?? [])].map((f) => word(`${f.split(/[\s-]+/).map(esc).join('[\\s-]+')}s?`, 'gi')) })),
  ...language.terms.map((c) => ({ id: c.id, kind: 'contested' as const, patterns: c.terms.map((f) => word(f.split(/\s+/).map(esc).join('\\s+'), 'gi')) })),
];

/** A lesson's MDX body as prose: no frontmatter, components, headings or code; names blanked. */
function prose(lessonId: string): string {
  const text = readFileSync(join(ROOT, 'content/lessons', lessonId, 'lesson.mdx'), 'utf8');
  let body = text.split(/^---\s*$/m).slice(2).join('---');
  body = body.replace(/^```[\s\S]*?^```/gm, ' ').replace(/`[^`]*`/g, ' ').replace(/^#{1,6} .*$/gm, ' ').replace(/<[^>]*>/g, ' ').replace(/\[([^\]]*)\]\([^)]*\)/g, ' ');
  for (const name of language.names) body = body.replace(new RegExp(name.split(/\s+/).map(esc).join('\\s+'), 'gi'), ' ');
  return body;
}

/** Where each entry first appears in a text, longer matches winning where two overlap. */
function usedIn(text: string): Set<string> {
  const spans = entries.flatMap((e) => e.patterns.flatMap((re) => [...text.matchAll(re)].map((m) => ({ id: e.id, start: m.index, end: m.index + m[0].length }))));
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const used = new Set<string>();
  let reach = -1;
  for (const s of spans) {
    if (s.start < reach) continue;
    used.add(s.id);
    reach = s.end;
  }
  return used;
}

const lessonIds = [...readFileSync(join(DIST, 'index.html'), 'utf8').matchAll(/lessons\/([a-z0-9-]+)\.html/g)].map((m) => m[1]!).filter((id, i, all) => all.indexOf(id) === i);

describe('glossary.html', () => {
  test('has one anchor for every abbreviation, term and contested term, and no other', () => {
    const expected = entries.map((e) => `term-${e.id}`);
    expect([...anchors].sort()).toEqual([...expected].sort());
  });

  test('has the three sections in order, each entry in a definition list', () => {
    const h2 = [...page.matchAll(/<h2[^>]*>([^<]*)<\/h2>/g)].map((m) => m[1]);
    expect(h2.slice(0, 3)).toEqual(['Abbreviations', 'Terms', 'Contested terms']);
    expect(page.match(/<dt id="term-/g)?.length).toBe(entries.length);
  });

  test('lists abbreviations and terms in alphabetical order', () => {
    for (const kind of ['abbreviation', 'term'] as const) {
      const ids = entries.filter((e) => e.kind === kind).map((e) => `term-${e.id}`);
      const onPage = anchors.filter((a) => ids.includes(a));
      const names = onPage.map((a) => page.match(new RegExp(`<dt id="${a}">([^<]*)</dt>`))![1]!);
      expect(names).toEqual([...names].sort((x, y) => x.localeCompare(y, 'en-GB', { sensitivity: 'base' })));
    }
  });

  test('shows every contested term group with its alternatives and its reason, from language-terms.yaml', () => {
    const text = page.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    for (const c of language.terms) {
      expect(text).toContain(c.alternatives);
      expect(text).toContain(c.why);
      if (c.debate) expect(text).toContain(c.debate);
    }
  });

  test('every "see also" link points to an entry on the page', () => {
    const targets = [...page.matchAll(/href="#(term-[^"]+)"/g)].map((m) => m[1]!);
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.filter((t) => !anchors.includes(t))).toEqual([]);
  });
});

test('there are lesson pages to check', () => {
  expect(lessonIds.length).toBeGreaterThan(0);
});

describe.each(lessonIds)('lessons/%s.html', (lessonId) => {
  const html = readFileSync(join(DIST, 'lessons', `${lessonId}.html`), 'utf8');
  const links = [...html.matchAll(/<a\b[^>]*class="bs-term"[^>]*>/g)].map((m) => ({ tag: m[0], at: m.index }));
  const target = (tag: string) => tag.match(/href="\.\.\/glossary\.html#(term-[^"]+)"/)?.[1];
  const used = usedIn(prose(lessonId));

  test.each(entries.map((e) => [e.id, e] as const))('%s: linked once if the prose uses it, otherwise not at all', (_id, e) => {
    const count = links.filter((l) => target(l.tag) === `term-${e.id}`).length;
    expect(count, used.has(e.id) ? 'the prose uses it: one link' : 'the prose does not use it: no link').toBe(used.has(e.id) ? 1 : 0);
  });

  test('every glossary link goes to an anchor on glossary.html', () => {
    expect(links.length).toBeGreaterThan(0);
    expect(links.map((l) => target(l.tag)).filter((t) => !t || !anchors.includes(t))).toEqual([]);
  });

  test('every glossary link is in the lesson body, never in a heading or inside another link', () => {
    // The body is the MDX content: after the outcomes, before the knowledge check.
    const start = html.indexOf('class="bs-lesson-body"');
    const end = html.search(/<astro-island\b[^>]*component-url="[^"]*KnowledgeCheck/);
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    for (const l of links) expect(l.at > start && l.at < end, `${l.tag} is outside the lesson body`).toBe(true);
    for (const h of html.matchAll(/<h([1-6])\b[^>]*>[\s\S]*?<\/h\1>/g)) expect(h[0]).not.toContain('bs-term');
    for (const a of html.matchAll(/<a\b(?![^>]*bs-term)[^>]*>[\s\S]*?<\/a>/g)) expect(a[0]).not.toContain('bs-term');
  });
});
