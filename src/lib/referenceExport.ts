/**
 * The course's references for reference managers: every source once, with the lessons that cite
 * it, as CSL-JSON and then as RIS and BibTeX written by Citation.js, plus an entry for citing the
 * course itself. Learners and tutors import these into EndNote, Zotero or Mendeley instead of
 * retyping 75 citations.
 *
 * Build time only: the references page and its two static endpoints import this; no island does,
 * so none of Citation.js reaches the browser. The formats' escaping is left to the library.
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { format as bibtexValue } from '@citation-js/plugin-bibtex/lib/output/value.js';
import '@citation-js/plugin-ris';
import type { CourseConfig } from '../schemas/course.ts';
import type { Reference } from '../schemas/reference.ts';

/** A CSL name: a person's family and given names, or an organisation as one literal string. */
export type CslName = { family: string; given?: string } | { literal: string };

/** The CSL-JSON fields this course's references use. */
export interface CslItem {
  id: string;
  /** The key BibTeX uses; always the reference id, so citation keys never change between builds. */
  'citation-key': string;
  type: 'article-journal' | 'book' | 'chapter' | 'report' | 'webpage';
  author?: CslName[];
  title: string;
  'container-title'?: string;
  'collection-title'?: string;
  publisher?: string;
  issued?: { 'date-parts': [number] }[];
  volume?: string;
  issue?: string;
  page?: string;
  DOI?: string;
  URL?: string;
  note?: string;
}

const CSL_TYPE: Record<Reference['type'], CslItem['type']> = {
  article: 'article-journal',
  book: 'book',
  chapter: 'chapter',
  report: 'report',
  guideline: 'report',
  webpage: 'webpage',
};

/** "Kelly JF" → family "Kelly", given "J. F."; anything not in that form is kept whole. */
export function cslName(author: string): CslName {
  const match = /^(.+?)\s+(\p{Lu}{1,6})$/u.exec(author.trim());
  if (!match) return { literal: author.trim() };
  return { family: match[1]!, given: [...match[2]!].map((initial) => `${initial}.`).join(' ') };
}

/**
 * One course reference as CSL-JSON. An organisation with no named authors is the author.
 *
 * The container is the journal of an article and the book of a chapter. For a report, guideline,
 * web page or book it is the website or series it appears in ("GOV.UK", "Drug Safety Update"),
 * which goes in `collection-title`: that is the field Citation.js writes for these types, as T2
 * in RIS and as `series` in BibTeX; it drops `container-title` for them in both formats.
 */
export function toCsl(r: Reference): CslItem {
  const item: CslItem = { id: r.id, 'citation-key': r.id, type: CSL_TYPE[r.type], title: r.title };
  if (r.authors?.length) item.author = r.authors.map(cslName);
  else if (r.organisation) item.author = [{ literal: r.organisation }];
  if (r.container) item[r.type === 'article' || r.type === 'chapter' ? 'container-title' : 'collection-title'] = r.container;
  if (r.publisher) item.publisher = r.publisher;
  if (r.year) item.issued = [{ 'date-parts': [r.year] }];
  if (r.volume) item.volume = r.volume;
  if (r.issue) item.issue = r.issue;
  if (r.pages) item.page = r.pages;
  if (r.doi) item.DOI = r.doi;
  if (r.url) item.URL = r.url;
  if (r.note) item.note = r.note;
  return item;
}

/** The id of the "how to cite this course" entry in both exports. */
export const COURSE_ENTRY_ID = 'beyond-stigma-course';

type CourseFacts = Pick<CourseConfig, 'title' | 'contentVersion' | 'changes'>;

/** The date of the content version being cited (the newest change when it is not listed). */
function versionDate(course: CourseFacts): Date {
  return (course.changes.find((c) => c.version === course.contentVersion) ?? course.changes[0]!).date;
}

/**
 * The course itself as a source. Its web address depends on where it is hosted or which learning
 * platform runs it, which the build cannot know, so the entry has none and says so.
 */
export function courseCsl(course: CourseFacts): CslItem {
  return {
    id: COURSE_ENTRY_ID,
    'citation-key': COURSE_ENTRY_ID,
    type: 'webpage',
    title: course.title,
    publisher: course.title,
    issued: [{ 'date-parts': [versionDate(course).getUTCFullYear()] }],
    note: `E-learning course, content version ${course.contentVersion}. Accessed via a learning platform or the course website.`,
  };
}

/** "Beyond Stigma [e-learning course]. Content version 0.6.0. Beyond Stigma; 2026." */
export function courseCitation(course: CourseFacts): string {
  return `${course.title} [e-learning course]. Content version ${course.contentVersion}. ${course.title}; ${versionDate(course).getUTCFullYear()}.`;
}

/** A reference with the lessons that cite it. */
export interface CitedReference {
  reference: Reference;
  usedIn: { id: string; title: string; href: string }[];
}

/** What sorts a reference: its first author's family name, or its organisation. */
export function sortName(r: Reference): string {
  const first = r.authors?.[0];
  if (!first) return r.organisation ?? r.title;
  const name = cslName(first);
  return 'family' in name ? name.family : name.literal;
}

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

/**
 * Every reference the lessons cite, once, with the lessons that cite it in course order, sorted by
 * first author or organisation, then year, then title.
 */
export function citedReferences(
  lessons: { id: string; title: string; href: string; references: Reference[] }[],
): CitedReference[] {
  const byId = new Map<string, CitedReference>();
  for (const lesson of lessons) {
    for (const reference of lesson.references) {
      const entry = byId.get(reference.id) ?? { reference, usedIn: [] };
      if (!entry.usedIn.some((l) => l.id === lesson.id)) entry.usedIn.push({ id: lesson.id, title: lesson.title, href: lesson.href });
      byId.set(reference.id, entry);
    }
  }
  return [...byId.values()].sort(
    (a, b) =>
      collator.compare(sortName(a.reference), sortName(b.reference)) ||
      (a.reference.year ?? 0) - (b.reference.year ?? 0) ||
      collator.compare(a.reference.title, b.reference.title) ||
      collator.compare(a.reference.id, b.reference.id),
  );
}

/** The CSL items for an export: the course entry first, then every reference. */
export function exportItems(course: CourseFacts, references: Reference[]): CslItem[] {
  const clash = references.find((r) => r.id === COURSE_ENTRY_ID);
  if (clash) throw new Error(`reference id "${COURSE_ENTRY_ID}" is kept for the course's own entry in the exports; rename that reference`);
  return [courseCsl(course), ...references.map(toCsl)];
}

/**
 * Citation keys are the ids as they are ("kelly-2010"). Citation.js would otherwise drop the
 * hyphens, which BibTeX allows in keys; a key with anything else is refused below instead.
 */
const SAFE_KEY = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
plugins.config.get('@bibtex').format!.checkLabel = false;

/**
 * BibTeX, written by Citation.js, which escapes LaTeX's special characters and non-ASCII letters
 * in every value except one: it writes an organisation's name (a name with no given names) as it
 * is, so "Smith & Nephew" would stop LaTeX. That name goes through Citation.js's own escaping for
 * a plain-text field first. (Checked in 0.8.2 and 0.9.0; the unit tests fail if it is ever
 * escaped twice.)
 */
export function toBibtex(items: CslItem[]): string {
  const unsafe = items.find((item) => !SAFE_KEY.test(item['citation-key']));
  if (unsafe) throw new Error(`"${unsafe['citation-key']}" cannot be a BibTeX key: use lower-case letters, digits and single hyphens`);
  const escaped = items.map((item) =>
    item.author ? { ...item, author: item.author.map((name) => ('literal' in name ? { literal: bibtexValue('note', name.literal) } : name)) } : item,
  );
  return String(new Cite(escaped).format('bibtex', { format: 'text' }));
}

/**
 * RIS, with the tags and values Citation.js maps from CSL, written one tag to a line here.
 *
 * - Citation.js 0.8 hard-wraps its RIS text every 70 characters. Readers (Zotero's, and
 *   Citation.js's own) join a wrapped line back with a space, which breaks long titles and web
 *   addresses, so its records are written out unwrapped instead. RIS has no escaping; a line
 *   break inside a value would end it, so none is let through.
 * - An organisation is written "Name," with a trailing comma: RIS names are "Family, Given", and
 *   without the comma EndNote and some other readers take the last word of the organisation for
 *   a family name. The comma is EndNote's mark of a corporate author; Zotero and Citation.js read
 *   the name whole either way.
 */
export function toRis(items: CslItem[]): string {
  const records = new Cite(items).format('ris', { format: 'object' }) as Record<string, string | number | (string | number)[]>[];
  return records
    .map((record, i) => {
      const organisations = new Set((items[i]?.author ?? []).flatMap((name) => ('literal' in name ? [name.literal] : [])));
      const lines = [`TY  - ${String(record.TY)}`];
      for (const [tag, value] of Object.entries(record)) {
        if (tag === 'TY') continue;
        for (const v of [value].flat()) {
          const text = String(v).replace(/\s*[\r\n]+\s*/g, ' ');
          lines.push(`${tag}  - ${tag === 'AU' && organisations.has(text) ? `${text},` : text}`);
        }
      }
      lines.push('ER  - ');
      return lines.join('\r\n');
    })
    .join('\r\n\r\n')
    .concat('\r\n');
}
