/**
 * The built About page (dist/about.html, after `npm run build`) against the content it is made
 * from, so the page can never drift from the files: every version and change note from
 * course.yaml; every source document from sources.yaml with its date, what the course takes from
 * it, its funding declaration and the lessons that cite it; every lesson's last-reviewed date;
 * the same contact as the accessibility statement; every support service with its phone link;
 * and the plain statement of how the course was reviewed and what has not been done.
 */
import { globSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadSources, loadSupport } from '../../src/content-rules/aboutRules.ts';
import { loadReferences } from '../../src/content-rules/contentFiles.ts';
import { loadCourse } from '../../src/content-rules/courseRules.ts';
import { parseYamlSource } from '../../src/content-rules/yamlSource.ts';
import { courseContact } from '../../src/lib/contact.ts';
import { lessonFrontmatter } from '../../src/schemas/lesson.ts';
import { ROOT } from '../content/contentFixture.ts';
import { DIST } from './pageWeight.ts';

const html = readFileSync(`${DIST}/about.html`, 'utf8');
const course = loadCourse(ROOT);
const sources = loadSources(ROOT, new Set(loadReferences({ root: ROOT }).data.map((r) => r.id)));
const support = loadSupport(ROOT);
const lessons = globSync('content/lessons/*/lesson.mdx', { cwd: ROOT }).map((file) => {
  const front = readFileSync(`${ROOT}/${file}`, 'utf8').split(/^---\s*$/m)[1]!;
  return { id: file.split('/')[2]!, data: lessonFrontmatter.parse(parseYamlSource(front).data) };
});

/** What a reader sees: tags removed, entities decoded, white space collapsed. */
const text = (fragment: string) =>
  fragment
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#\d+|#x[0-9a-f]+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1]!.toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e.toLowerCase()]!,
    )
    .replace(/\s+/g, ' ')
    .trim();
/** The text of the element carrying an attribute, e.g. `data-source="x"` (elements of that tag are not nested). */
function element(page: string, attribute: string): string {
  const m = page.match(new RegExp(`<(\\w+)[^>]*\\s${attribute}[\\s>][\\s\\S]*?</\\1>`));
  expect(m, `an element with ${attribute}`).not.toBeNull();
  return m![0];
}
/** The part of the page under an h2, up to the next h2. */
function underHeading(id: string): string {
  const start = html.indexOf(`id="${id}"`);
  expect(start, `a heading with id ${id}`).toBeGreaterThan(-1);
  const end = html.indexOf('<h2', start);
  return html.slice(start, end === -1 ? undefined : end);
}
const longDate = (d: Date) => d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const page = text(html.slice(html.indexOf('<main'), html.indexOf('</main>')));

describe('version and what has changed', () => {
  const section = underHeading('version');

  test('shows the content version', () => {
    expect(text(element(section, 'data-testid="content-version"'))).toBe(course.contentVersion);
  });

  test.each(course.changes.map((c) => [c.version, c] as const))('version %s appears with its date and every note', (version, change) => {
    const block = text(element(section, `data-version="${version}"`));
    expect(block).toContain(`Version ${version}`);
    expect(block).toContain(longDate(change.date));
    for (const note of change.notes) expect(block).toContain(text(note));
  });

  test('newest first', () => {
    const shown = [...section.matchAll(/data-version="([^"]+)"/g)].map((m) => m[1]!);
    const newestFirst = [...shown].sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));
    expect(shown).toEqual(newestFirst);
    expect(shown.sort()).toEqual(course.changes.map((c) => c.version).sort());
  });
});

describe('sources', () => {
  test.each(sources.map((s) => [s.id, s] as const))('%s appears with its details, its funding declaration and the lessons that cite it', (id, s) => {
    const block = text(element(underHeading('sources'), `data-source="${id}"`));
    for (const field of [s.title, s.kind, s.by, s.publisher, s.gives, s.dating]) if (field) expect(block).toContain(text(field));
    expect(block).toContain(s.published === 'undated' ? 'Undated' : longDate(new Date(`${s.published}T00:00:00Z`)));
    expect(block).toContain(s.funding ? text(s.funding) : 'The document states no funding.');
    const citing = lessons.filter((l) => s.reference && l.data.references.includes(s.reference));
    for (const l of citing) expect(block).toContain(text(l.data.title));
    if (!citing.length) expect(block).toContain('No lesson cites it');
  });

  test('every funding declaration, and every interest, is repeated under "Funding declarations"', () => {
    const funding = underHeading('funding');
    for (const s of sources.filter((x) => x.funding || x.interests)) {
      const block = text(element(funding, `data-source="${s.id}"`));
      expect(block).toContain(text(s.title));
      if (s.funding) expect(block).toContain(text(s.funding));
      if (s.interests) expect(block).toContain(text(s.interests));
    }
    expect([...funding.matchAll(/data-source="([^"]+)"/g)].map((m) => m[1])).toEqual(sources.filter((x) => x.funding || x.interests).map((x) => x.id));
  });

  test('links to the references page, where every lesson reference is listed', () => {
    expect(underHeading('sources')).toContain('href="references.html"');
  });
});

test('the contact for reporting an error is the one the accessibility statement shows', () => {
  const accessibility = readFileSync(`${DIST}/accessibility.html`, 'utf8');
  const shown = text(element(html, 'data-testid="contact"'));
  expect(shown).toBe(text(element(accessibility, 'data-testid="contact"')));
  expect(shown).toBe(courseContact(course));
  expect(underHeading('report-an-error')).toContain('data-testid="contact"');
});

describe('review', () => {
  test.each(lessons.map((l) => [l.id, l] as const))('lesson %s is listed with its last-reviewed date', (id, l) => {
    const item = element(html, `data-lesson="${id}"`);
    expect(text(item)).toContain(text(l.data.title));
    expect(text(item)).toContain(longDate(l.data.lastReviewed));
    expect(item).toContain(`datetime="${l.data.lastReviewed.toISOString().slice(0, 10)}"`);
  });

  test('says plainly how the course was reviewed and what has not been done', () => {
    const review = text(element(html, 'data-testid="review-statement"'));
    expect(review).toContain('a GP, an addiction psychiatrist or specialist, and a person with lived experience');
    expect(review).toContain('written with AI assistance');
    expect(review).not.toMatch(/\bindependent\b/);
    expect(review).toContain('They were not carried out by named practising clinicians or by people with lived experience.');
    const notDone = text(element(html, 'data-testid="not-done"'));
    expect(notDone).toContain('The course has not yet had external clinical peer review.');
    expect(notDone).toMatch(/should arrange its own clinical review first, and set its own contact/);
    expect(text(element(html, 'data-testid="authorship"'))).toContain('software engineers, not clinicians');
  });

  test('nothing on the page, change notes included, claims a review by a clinician or a person with lived experience', () => {
    expect(page).not.toMatch(/\breview(?:ed)? by (?:a|an|named) (?:GP|addiction|clinician|person|practising)/i);
  });
});

describe('support', () => {
  const section = underHeading('support');

  test.each(support.map((s) => [s.id, s] as const))('%s appears with its description, a tel: link and its website', (id, s) => {
    const block = element(section, `data-service="${id}"`);
    expect(text(block)).toContain(text(s.description));
    if (s.kind !== 'emergency') expect(text(block)).toContain(text(s.name));
    if (s.phone) expect(block).toContain(`<a href="tel:${s.phone.replace(/\D/g, '')}">${s.phone}</a>`);
    if (s.website) expect(block).toContain(`href="${s.website}"`);
  });

  test('the emergency number comes first', () => {
    const first = section.match(/data-service="([^"]+)"/)![1];
    expect(support.find((s) => s.id === first)?.kind).toBe('emergency');
  });

  test('every phone number on the page is a tel: link to a number recorded, with its sources, in support.yaml', () => {
    const tels = [...section.matchAll(/href="tel:(\d+)"/g)].map((m) => m[1]);
    expect(tels.sort()).toEqual(support.filter((s) => s.phone).map((s) => s.phone!.replace(/\D/g, '')).sort());
  });
});

test('the page needs no JavaScript and does not show progress', () => {
  expect(html).not.toContain('<astro-island');
  expect(html).not.toMatch(/<script(?![^>]*type="application\/json")/);
});
