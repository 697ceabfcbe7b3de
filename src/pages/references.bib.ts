/**
 * references.bib: every reference in the course, and an entry for citing the course itself, in
 * BibTeX for LaTeX and the reference managers that read it. Written once at build time.
 */
import type { APIRoute } from 'astro';
import { courseReferences } from '../lib/courseReferences.ts';
import { toBibtex } from '../lib/referenceExport.ts';

export const GET: APIRoute = async () => {
  const { items } = await courseReferences();
  return new Response(toBibtex(items), { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
};
