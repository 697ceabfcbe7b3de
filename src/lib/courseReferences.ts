/**
 * The course's references as the references page and its RIS and BibTeX downloads all use them,
 * worked out once from the assembled course so the page and both files always list the same
 * sources in the same order.
 */
import { courseData } from './courseData.ts';
import { citedReferences, exportItems } from './referenceExport.ts';

export async function courseReferences() {
  const { course, lessons, outline } = await courseData();
  const cited = citedReferences(
    lessons.map((l) => ({ id: l.entry.id, title: l.entry.data.title, href: l.href, references: l.references })),
  );
  return { course, outline, cited, items: exportItems(course, cited.map((c) => c.reference)) };
}
