/**
 * Finding glossary entries in text: one rule, used by the lesson-page linker, the content rules
 * (is every entry used?) and the tests.
 *
 * - Abbreviations match case-sensitively ("NICE", not "nice"), with an optional plural "s".
 * - Plain terms match in any case, with an optional plural "s"; a space or hyphen between
 *   words matches either ("shared care", "shared-care").
 * - Contested terms (content/language-terms.yaml) match in any case, exactly as the language
 *   check matches them (each plural is listed there).
 * - All match whole words only: not inside a longer word, and not joined to one by a hyphen
 *   ("naloxone" is not found in "buprenorphine-naloxone", nor "AUDIT" in "AUDIT-C").
 * - Proper names that contain a term ("Alcoholics Anonymous") are never matched.
 * - Where two entries match overlapping text, the earlier wins, then the longer.
 */
import type { Glossary } from '../schemas/glossary.ts';
import type { LanguageTerms } from '../schemas/languageTerms.ts';

export type GlossaryKind = 'abbreviation' | 'term' | 'contested';

export interface GlossaryMatcher {
  id: string;
  kind: GlossaryKind;
  /** Every form matched: the abbreviation or term, then `also`; for contested terms, `terms`. */
  forms: string[];
}

export interface GlossaryIndex {
  matchers: GlossaryMatcher[];
  /** Proper names never matched. */
  names: string[];
}

/** The anchor of an entry on the glossary page: `glossary.html#term-<id>`. */
export const termAnchor = (id: string) => `term-${id}`;

export interface GlossaryMatch {
  id: string;
  kind: GlossaryKind;
  /** Offsets in the text searched: `text.slice(start, end)` is what matched. */
  start: number;
  end: number;
}

/** Every entry the glossary shows, as matchers: abbreviations, plain terms, contested terms. */
export function glossaryIndex(glossary: Pick<Glossary, 'abbreviations' | 'terms'>, language: Pick<LanguageTerms, 'names' | 'terms'>): GlossaryIndex {
  return {
    matchers: [
      ...glossary.abbreviations.map((a) => ({ id: a.id, kind: 'abbreviation' as const, forms: [a.abbreviation, ...(a.also ?? [])] })),
      ...glossary.terms.map((t) => ({ id: t.id, kind: 'term' as const, forms: [t.term, ...(t.also ?? [])] })),
      ...language.terms.map((c) => ({ id: c.id, kind: 'contested' as const, forms: c.terms })),
    ],
    names: language.names,
  };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const BEFORE = '(?<![\\p{L}\\p{N}_]|[\\p{L}\\p{N}]-)';
const AFTER = '(?![\\p{L}\\p{N}_]|-[\\p{L}\\p{N}])';

/** The regular expression source for one form of an entry. */
export function formPattern(form: string, kind: GlossaryKind): string {
  const body =
    kind === 'term'
      ? form.trim().split(/[\s-]+/).map(escape).join('[\\s-]+')
      : form.trim().split(/\s+/).map(escape).join('\\s+');
  return `${BEFORE}${body}${kind === 'contested' ? '' : 's?'}${AFTER}`;
}

const compiled = new WeakMap<GlossaryIndex, { res: Array<{ matcher: GlossaryMatcher; re: RegExp }>; names: RegExp[] }>();

function compile(index: GlossaryIndex) {
  let c = compiled.get(index);
  if (!c) {
    c = {
      res: index.matchers.flatMap((matcher) =>
        matcher.forms.map((form) => ({ matcher, re: new RegExp(formPattern(form, matcher.kind), matcher.kind === 'abbreviation' ? 'gu' : 'giu') })),
      ),
      names: index.names.map((n) => new RegExp(n.trim().split(/\s+/).map(escape).join('\\s+'), 'giu')),
    };
    compiled.set(index, c);
  }
  return c;
}

/** Every entry found in `text`, in order, none overlapping. */
export function findGlossaryTerms(text: string, index: GlossaryIndex): GlossaryMatch[] {
  const { res, names } = compile(index);
  let searched = text;
  for (const re of names) searched = searched.replace(re, (m) => ' '.repeat(m.length));
  const all: GlossaryMatch[] = [];
  for (const { matcher, re } of res) {
    for (const m of searched.matchAll(re)) all.push({ id: matcher.id, kind: matcher.kind, start: m.index, end: m.index + m[0].length });
  }
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const chosen: GlossaryMatch[] = [];
  for (const m of all) if (!chosen.length || m.start >= chosen[chosen.length - 1]!.end) chosen.push(m);
  return chosen;
}
