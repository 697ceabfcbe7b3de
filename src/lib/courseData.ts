/**
 * Build-time assembly of the course: lessons in order with their dialogues, knowledge checks
 * and numbered references, checked across files (a broken link between files fails the build
 * with the file and the node).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { loadCourse } from '../content-rules/courseRules.ts';
import { checkLesson, placedDialogues } from '../content-rules/lessonRules.ts';
import { ContentError } from '../content-rules/problem.ts';
import type { RefIndex } from '../islands/labels.ts';
import type { Reference } from '../schemas/reference.ts';
import type { CourseOutline } from '../tracking/outline.ts';
import { shortCite } from './citation.ts';

const ROOT = process.cwd();

export interface AssembledLesson {
  entry: CollectionEntry<'lessons'>;
  file: string;
  dialogues: CollectionEntry<'dialogues'>['data'][];
  quiz: CollectionEntry<'quizzes'>['data'];
  charts: CollectionEntry<'charts'>['data'][];
  references: Reference[];
  refIndex: RefIndex;
  href: string;
}

let cache: Promise<{ course: ReturnType<typeof loadCourse>; lessons: AssembledLesson[]; outline: CourseOutline }> | undefined;

export function courseData() {
  cache ??= assemble();
  return cache;
}

async function assemble() {
  const course = loadCourse(ROOT);
  const [lessons, dialogues, quizzes, charts, references] = await Promise.all([
    getCollection('lessons'),
    getCollection('dialogues'),
    getCollection('quizzes'),
    getCollection('charts'),
    getCollection('references'),
  ]);
  const refById = new Map(references.map((r) => [r.id, r.data]));
  const known = new Set(refById.keys());
  const problems = [];
  const assembled: AssembledLesson[] = [];
  for (const entry of lessons.sort((a, b) => a.data.order - b.data.order)) {
    const file = `content/lessons/${entry.id}/lesson.mdx`;
    const text = readFileSync(resolve(ROOT, file), 'utf8');
    const own = dialogues.map((d) => d.data).filter((d) => d.lesson === entry.id);
    const quiz = quizzes.find((q) => q.data.lesson === entry.id)?.data;
    const ownCharts = charts.map((c) => c.data).filter((c) => c.lesson === entry.id);
    problems.push(...checkLesson({ id: entry.id, file, text, data: entry.data }, own, quiz, known, ownCharts));
    const order = placedDialogues(text);
    const refs = entry.data.references.map((id) => refById.get(id)).filter((r): r is Reference => Boolean(r));
    assembled.push({
      entry,
      file,
      dialogues: order.map((id) => own.find((d) => d.definition.id === id)).filter((d): d is (typeof own)[number] => Boolean(d)),
      quiz: quiz!,
      charts: ownCharts,
      references: refs,
      refIndex: Object.fromEntries(refs.map((r, i) => [r.id, { n: i + 1, short: shortCite(r) }])),
      href: `lessons/${entry.id}.html`,
    });
  }
  if (problems.length) throw new ContentError(problems);
  const outline: CourseOutline = {
    courseId: 'beyond-stigma',
    title: course.title,
    contentVersion: course.contentVersion,
    changes: course.changes.map((c) => ({ version: c.version, notes: c.notes })),
    lessons: assembled.map((l) => ({
      id: l.entry.id,
      title: l.entry.data.title,
      href: l.href,
      minutes: l.entry.data.minutes,
      dialogues: l.dialogues.map((d) => ({ id: d.definition.id, title: d.definition.title })),
      questions: l.quiz.definition.questions.length,
      passMark: l.quiz.definition.passMark,
    })),
  };
  return { course, lessons: assembled, outline };
}
