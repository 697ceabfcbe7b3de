/**
 * references.ris: every reference in the course, and an entry for citing the course itself, in
 * RIS for EndNote, Zotero, Mendeley and other reference managers. Written once at build time.
 */
import type { APIRoute } from 'astro';
import { courseReferences } from '../lib/courseReferences.ts';
import { toRis } from '../lib/referenceExport.ts';

export const GET: APIRoute = async () => {
  const { items } = await courseReferences();
  return new Response(toRis(items), { headers: { 'Content-Type': 'application/x-research-info-systems; charset=utf-8' } });
};
