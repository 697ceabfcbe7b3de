/**
 * What every page knows about the course it belongs to (built from the content and embedded
 * in the page): enough to work out lesson and course status from saved progress.
 */
export interface OutlineLesson {
  id: string;
  title: string;
  /** Path from the site root, e.g. "lessons/language.html". */
  href: string;
  minutes: number;
  /** Dialogue ids in the order the lesson places them. */
  dialogues: Array<{ id: string; title: string }>;
  questions: number;
  passMark: number;
}

export interface CourseOutline {
  courseId: string;
  title: string;
  contentVersion: string;
  /** The author's change notes, newest first (shown to a learner resuming after an update). */
  changes: Array<{ version: string; notes: string[] }>;
  lessons: OutlineLesson[];
}

export const OUTLINE_ELEMENT_ID = 'bs-outline';

/** The outline a built page embeds, read from its HTML (for the packager and the tests). */
export function outlineFromHtml(html: string, where = 'the page'): CourseOutline {
  const json = html.match(new RegExp(`<script type="application/json" id="${OUTLINE_ELEMENT_ID}">([\\s\\S]*?)</script>`))?.[1];
  if (!json) throw new Error(`${where} has no course outline: run \`npm run build\` first`);
  return JSON.parse(json) as CourseOutline;
}
