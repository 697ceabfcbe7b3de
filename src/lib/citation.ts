/** How references read on screen: a short label for feedback, a full citation for the list. */
import type { Reference } from '../schemas/reference.ts';

const family = (author: string) => author.replace(/\s+[A-Z]{1,3}$/, '');

/** "Kelly and Westerhoff 2010", "Volkow et al. 2016", "NICE 2011". */
export function shortCite(r: Reference): string {
  const a = r.authors ?? [];
  const who =
    a.length === 0 ? (r.organisation ?? '') : a.length === 1 ? family(a[0]!) : a.length === 2 ? `${family(a[0]!)} and ${family(a[1]!)}` : `${family(a[0]!)} et al.`;
  return r.year ? `${who} ${r.year}` : who;
}

/** Vancouver-style citation parts; the DOI or URL is linked separately. */
export function fullCite(r: Reference): string {
  const who = r.authors?.length ? (r.authors.length > 6 ? `${r.authors.slice(0, 6).join(', ')}, et al` : r.authors.join(', ')) : (r.organisation ?? '');
  const parts = [`${who}.`, `${r.title.replace(/[.?!]$/, '')}${/[?!]$/.test(r.title) ? r.title.slice(-1) : '.'}`];
  if (r.type === 'article' && r.container) {
    // "Journal. 2010;21(3):202-207." — or just "Journal." when the details are not known.
    const details = `${r.year ?? ''}${r.volume ? `;${r.volume}` : ''}${r.issue ? `(${r.issue})` : ''}${r.pages ? `:${r.pages}` : ''}`.replace(/^;/, '');
    parts.push(details ? `${r.container}. ${details}.` : `${r.container}.`);
  } else {
    const pub = [r.container, r.publisher].filter(Boolean).join('. ');
    if (pub) parts.push(`${pub}.`);
    if (r.year) parts.push(`${r.year}.`);
  }
  return parts.join(' ');
}

export function linkOf(r: Reference): string | undefined {
  return r.doi ? `https://doi.org/${r.doi}` : r.url;
}
