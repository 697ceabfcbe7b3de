/**
 * The RIS and BibTeX exports, read back by parsers other than the code that wrote them: every
 * reference in content/references.yaml, and a made-up one full of characters that RIS or BibTeX
 * treat specially, must come back with its title, authors or organisation, year, DOI, web
 * address, container and note unchanged. RIS is read by biblatex-csl-converter and by
 * Citation.js's own RIS reader; BibTeX by @retorquere/bibtex-parser (the parser behind Better
 * BibTeX for Zotero), not by the library that wrote it.
 */
import { Cite } from '@citation-js/core';
import { parse as parseBibtex, type Creator } from '@retorquere/bibtex-parser';
import { parseRIS } from 'biblatex-csl-converter';
import { describe, expect, test } from 'vitest';
import { loadCourse } from '../../src/content-rules/courseRules.ts';
import {
  citedReferences,
  COURSE_ENTRY_ID,
  courseCitation,
  cslName,
  exportItems,
  toBibtex,
  toCsl,
  toRis,
} from '../../src/lib/referenceExport.ts';
import type { Reference } from '../../src/schemas/reference.ts';
import { content, ROOT } from '../content/contentFixture.ts';

const course = loadCourse(ROOT);
const courseYear = course.changes.find((c) => c.version === course.contentVersion)!.date.getUTCFullYear();

/** Characters that mean something to LaTeX, BibTeX or RIS, in every field they could reach. */
const tricky: Reference[] = [
  {
    id: 'tricky-article',
    type: 'article',
    authors: ['Éluard P', "O'Connor-Smith JP", 'van der Berg A', 'Müller CA', 'Ñúñez-García MJ'],
    title: 'Braces {kept} and {{nested}}, 100% "quoted" & \'single\' $5 _under_ #1 ~tilde^ \\backslash: en – em — dashes, café, straße',
    container: 'Journal of R&D_{x} #3 (100%)',
    year: 2024,
    volume: '12',
    issue: '3-4',
    pages: '101-110',
    doi: '10.1002/(SICI)1097-0258(19980430)17:8<857::AID-SIM777>3.0.CO;2-E',
    note: 'A note with 50% of the {braces}, $dollars$, under_scores & #hashes, and a line that is much longer than seventy characters.',
  },
  {
    id: 'tricky-webpage',
    type: 'webpage',
    organisation: 'Smith & Jones {Ltd} 50% _x_ #1 "Trust"',
    title: 'A page whose title is well over seventy characters long, so a library that wraps lines would split it',
    container: 'Site $1 & co',
    year: 2023,
    url: 'https://example.org/path_with_underscores/and-a-very-long-path-that-runs-past-seventy-characters?x=1&y=%7B2%7D#fragment~',
  },
  {
    id: 'tricky-guideline',
    type: 'guideline',
    organisation: 'Institut für Gesundheit (Ärzte)',
    title: 'Guideline (GL-7): "dosing" & monitoring',
    container: 'Drug Safety Update',
    publisher: 'Verlag & Söhne',
    year: 2021,
    url: 'https://example.org/gl?id=7&lang=de',
  },
];

const references = content.references;
const all = [...references, ...tricky];
const items = exportItems(course, all);
const ris = toRis(items);
const bib = toBibtex(items);

/** A name as a reader gives it back: a person's family and given names, or one whole name. */
type Name = { family: string; given?: string } | { literal: string };

/** What a reader must get back from an export, whichever format it came through. */
interface Read {
  key?: string;
  title?: string;
  names: Name[];
  year?: number;
  doi?: string;
  url?: string;
  container?: string;
  publisher?: string;
  note?: string;
}

/** Readers differ in Unicode form (é as one character or as e and an accent): compare NFC. */
const nfc = <T,>(value: T): T => (typeof value === 'string' ? (value.normalize('NFC') as T) : value);

/** A name the way the references list writes it: "Kelly JF", or the organisation whole. */
function asWritten(name: Name, format: string): string {
  if ('literal' in name) return name.literal;
  if (!name.given) return name.family;
  // RIS cannot mark a comma inside an organisation's name ("Family, Given" is all it has), so
  // every reader splits such a name there. The words all come back; the split is RIS's limit.
  if (format === 'RIS' && !/^(\p{Lu}\.\s?)+$/u.test(name.given)) return `${name.family}, ${name.given}`;
  return `${name.family} ${name.given.replace(/[^\p{L}]/gu, '')}`;
}

/** The reference as the exports should carry it. */
function expected(r: Reference): Omit<Read, 'names'> & { names: string[] } {
  return {
    title: r.title,
    names: r.authors?.length ? r.authors : [r.organisation!],
    year: r.year,
    doi: r.doi,
    url: r.url,
    container: r.container,
    publisher: r.publisher,
    note: r.note,
  };
}

/** biblatex-csl-converter keeps text as rich-text nodes; this joins them back into a string. */
function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((v) => text(v) ?? '').join('');
  if (typeof value === 'object' && 'text' in value) return String((value as { text: unknown }).text);
  if (typeof value === 'object' && 'content' in value) return text((value as { content: unknown }).content);
  return undefined;
}

/** RIS read by biblatex-csl-converter (written by other people than Citation.js's authors). */
function readRisIndependently(input: string): Read[] {
  const result = parseRIS(input);
  expect(result.errors).toEqual([]);
  return Object.values(result.entries).map((entry) => {
    const f = entry.fields as Record<string, unknown>;
    const names = ((f.author as Record<string, unknown>[] | undefined) ?? []).map(
      (n): Name => ('literal' in n ? { literal: text(n.literal)! } : { family: text(n.family)!, given: text(n.given) }),
    );
    return {
      title: text(f.title),
      names,
      year: f.date ? Number(String(f.date).slice(0, 4)) : undefined,
      doi: f.doi as string | undefined,
      url: f.url as string | undefined,
      container: text(f.journaltitle) ?? text(f.booktitle) ?? text(f.series),
      publisher: text(f.publisher),
      note: text(f.note),
    };
  });
}

type Csl = Record<string, unknown> & { author?: { family?: string; given?: string; literal?: string }[] };

/** RIS read by Citation.js's RIS reader, into CSL-JSON. */
function readRisWithCitationJs(input: string): Read[] {
  return (new Cite(input).data as Csl[]).map((c) => ({
    key: c.id as string,
    title: c.title as string | undefined,
    names: (c.author ?? []).map((n): Name => (n.literal !== undefined ? { literal: n.literal } : { family: n.family!, given: n.given })),
    year: (c.issued as { 'date-parts': number[][] } | undefined)?.['date-parts'][0]?.[0],
    doi: c.DOI as string | undefined,
    url: c.URL as string | undefined,
    container: (c['container-title'] ?? c['collection-title']) as string | undefined,
    publisher: c.publisher as string | undefined,
    note: c.note as string | undefined,
  }));
}

/** BibTeX read by @retorquere/bibtex-parser, with its sentence-casing off (titles as written). */
function readBibtex(input: string): Read[] {
  const library = parseBibtex(input, { sentenceCase: false });
  expect(library.errors).toEqual([]);
  const name = (c: Creator): Name =>
    c.name !== undefined ? { literal: c.name } : { family: [c.prefix, c.lastName].filter(Boolean).join(' '), given: c.firstName };
  return library.entries.map(({ key, fields: f }) => ({
    key,
    title: f.title,
    names: (f.author ?? []).map(name),
    year: f.year ? Number(f.year) : undefined,
    doi: f.doi,
    url: f.url,
    // BibTeX has no one field for a container: a journal, a book, or a series or website.
    container: f.journal ?? f.booktitle ?? f.series,
    publisher: (f.publisher ?? f.institution)?.join('; '),
    note: f.note,
  }));
}

const readers = [
  { format: 'RIS', reader: 'biblatex-csl-converter', read: () => readRisIndependently(ris) },
  { format: 'RIS', reader: 'Citation.js', read: () => readRisWithCitationJs(ris) },
  { format: 'BibTeX', reader: '@retorquere/bibtex-parser', read: () => readBibtex(bib) },
];

/** RIS's ID tag holds at most 20 characters (Citation.js cuts it there); BibTeX keys are whole. */
const keyIn = (format: string, id: string) => (format === 'RIS' ? id.slice(0, 20) : id);

describe.each(readers)('$format read back by $reader', ({ format, read }) => {
  const entries = read().map((e) => ({
    ...e,
    ...Object.fromEntries(Object.entries(e).map(([k, v]) => [k, nfc(v)])),
    names: e.names.map((n) => Object.fromEntries(Object.entries(n).map(([k, v]) => [k, nfc(v)])) as Name),
  }));

  test('has the course entry first, then every reference, and nothing else', () => {
    expect(entries).toHaveLength(all.length + 1);
  });

  test('the "how to cite this course" entry: title, year and publisher, and no web address', () => {
    const [entry] = entries;
    expect(entry).toMatchObject({ title: course.title, year: courseYear, publisher: course.title, names: [] });
    expect(entry!.url).toBeUndefined();
    expect(entry!.note).toContain(`content version ${course.contentVersion}`);
    if (entry!.key !== undefined) expect(entry!.key).toBe(keyIn(format, COURSE_ENTRY_ID));
  });

  test('gives every entry its own key', () => {
    const keys = entries.map((e) => e.key).filter((k) => k !== undefined);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test.each(all.map((r, i) => [r.id, i] as const))('%s survives intact', (id, i) => {
    const r = all[i]!;
    const got = entries[i + 1]!;
    if (got.key !== undefined) expect(got.key).toBe(keyIn(format, id));
    const want = expected(r);
    expect(got.title).toBe(want.title);
    expect(got.names.map((n) => asWritten(n, format))).toEqual(want.names);
    expect(got.year).toBe(want.year);
    expect(got.doi).toBe(want.doi);
    expect(got.url).toBe(want.url);
    expect(got.container).toBe(want.container);
    expect(got.note).toBe(want.note);
    if (want.publisher) expect(got.publisher).toBe(want.publisher);
  });
});

describe('the RIS file', () => {
  test('has one tag to a line, so no reader can split a title or web address', () => {
    const lines = ris.split('\r\n').filter((l) => l !== '');
    expect(lines.filter((l) => !/^[A-Z][A-Z0-9] {2}- /.test(l))).toEqual([]);
    expect(ris).not.toMatch(/(?<!\r)\n/);
  });

  test('marks each organisation as one name with a trailing comma', () => {
    expect(ris).toContain('AU  - Smith & Jones {Ltd} 50% _x_ #1 "Trust",\r\n');
    expect(ris).toContain('AU  - National Institute for Health and Care Excellence,\r\n');
    expect(ris).toContain('AU  - Kelly, J. F.\r\n');
  });
});

describe('the BibTeX file', () => {
  test('uses each reference id as its citation key', () => {
    const keys = [...bib.matchAll(/^@\w+\{([^,]+),$/gm)].map((m) => m[1]);
    expect(keys).toEqual([COURSE_ENTRY_ID, ...all.map((r) => r.id)]);
  });

  test('is ASCII, with LaTeX doing the escaping', () => {
    expect(bib).toMatch(/^[\x09\x0a\x20-\x7e]*$/);
    expect(bib).toContain('100\\%');
    expect(bib).toContain('R\\&D');
  });

  test('refuses a key BibTeX could not use, rather than changing it', () => {
    expect(() => toBibtex([{ ...toCsl(tricky[0]!), 'citation-key': 'Bad key' }])).toThrow(/cannot be a BibTeX key/);
  });
});

describe('CSL-JSON from the course references', () => {
  test('a Vancouver name becomes family and initials; anything else stays whole', () => {
    expect(cslName('Kelly JF')).toEqual({ family: 'Kelly', given: 'J. F.' });
    expect(cslName('van Boekel LC')).toEqual({ family: 'van Boekel', given: 'L. C.' });
    expect(cslName('Vanderschuren LJMJ')).toEqual({ family: 'Vanderschuren', given: 'L. J. M. J.' });
    expect(cslName('Plato')).toEqual({ literal: 'Plato' });
  });

  test('types map to CSL, and the container goes where each format keeps it', () => {
    const base = { id: 'x', title: 'T', authors: ['Kelly JF'], container: 'C' };
    expect(toCsl({ ...base, type: 'article' })).toMatchObject({ type: 'article-journal', 'container-title': 'C' });
    expect(toCsl({ ...base, type: 'chapter' })).toMatchObject({ type: 'chapter', 'container-title': 'C' });
    expect(toCsl({ ...base, type: 'book' })).toMatchObject({ type: 'book', 'collection-title': 'C' });
    expect(toCsl({ ...base, type: 'report' })).toMatchObject({ type: 'report', 'collection-title': 'C' });
    expect(toCsl({ ...base, type: 'guideline' })).toMatchObject({ type: 'report', 'collection-title': 'C' });
    expect(toCsl({ ...base, type: 'webpage' })).toMatchObject({ type: 'webpage', 'collection-title': 'C' });
    expect(toCsl({ id: 'y', type: 'webpage', title: 'T', organisation: 'NICE' }).author).toEqual([{ literal: 'NICE' }]);
  });

  test('the course entry cannot be shadowed by a reference with its id', () => {
    expect(() => exportItems(course, [{ ...tricky[0]!, id: COURSE_ENTRY_ID }])).toThrow(/kept for the course/);
  });

  test('how to cite the course, as the page shows it', () => {
    expect(courseCitation(course)).toBe(`${course.title} [e-learning course]. Content version ${course.contentVersion}. ${course.title}; ${courseYear}.`);
  });
});

describe('the list on the references page', () => {
  const [a, b, c] = [
    { id: 'a', type: 'article' as const, authors: ['Zeta A'], title: 'Z', year: 2001 },
    { id: 'b', type: 'webpage' as const, organisation: 'alpha Trust', title: 'Later', year: 2010 },
    { id: 'c', type: 'webpage' as const, organisation: 'Alpha Trust', title: 'Earlier', year: 2005 },
  ];
  const lessons = [
    { id: 'one', title: 'One', href: 'lessons/one.html', references: [a, b] },
    { id: 'two', title: 'Two', href: 'lessons/two.html', references: [b, c, b] },
  ];

  test('lists each reference once, with every lesson that cites it, in course order', () => {
    const list = citedReferences(lessons);
    expect(list.map((x) => x.reference.id)).toEqual(['c', 'b', 'a']);
    expect(list.find((x) => x.reference.id === 'b')!.usedIn.map((l) => l.id)).toEqual(['one', 'two']);
    expect(list.find((x) => x.reference.id === 'a')!.usedIn).toEqual([{ id: 'one', title: 'One', href: 'lessons/one.html' }]);
  });
});
