/**
 * Where content lives, and loading all of it through the rules. Used by the Astro loaders,
 * the tests and `npm run check`.
 */
import { globSync, readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { ChartDefinition } from '../schemas/chart.ts';
import type { DialogueDefinition } from '../schemas/dialogue.ts';
import type { QuizDefinition } from '../schemas/quiz.ts';
import type { Reference } from '../schemas/reference.ts';
import { checkChart } from './chartRules.ts';
import { checkDialogue } from './dialogueRules.ts';
import { ContentError, type Problem } from './problem.ts';
import { checkQuiz } from './quizRules.ts';
import { checkReferences } from './referenceRules.ts';

export interface ContentRoot {
  /** Absolute path of the project (the folder holding content/). */
  root: string;
}

const rel = (root: string, file: string) => relative(root, file).split(sep).join('/');

export function referencesFile({ root }: ContentRoot) {
  return resolve(root, 'content/references.yaml');
}

export function loadReferences(ctx: ContentRoot): { data: Reference[]; problems: Problem[] } {
  const file = referencesFile(ctx);
  const result = checkReferences(rel(ctx.root, file), readFileSync(file, 'utf8'));
  return { data: result.data ?? [], problems: result.problems };
}

/** A file under content/lessons/<lesson>/ that passed its rules. */
export interface LoadedFile<T> {
  lesson: string;
  file: string;
  definition: T;
}
export type LoadedDialogue = LoadedFile<DialogueDefinition>;
export type LoadedQuiz = LoadedFile<QuizDefinition>;
export type LoadedChart = LoadedFile<ChartDefinition>;

type Check<T> = (file: string, text: string, knownRefs: ReadonlySet<string>) => { data?: T; problems: Problem[] };

/** Every file matching `pattern` (relative to the project), run through its rules, in path order. */
function loadLessonFiles<T>(ctx: ContentRoot, pattern: string, check: Check<T>, knownRefs: ReadonlySet<string>): { data: LoadedFile<T>[]; problems: Problem[] } {
  const data: LoadedFile<T>[] = [];
  const problems: Problem[] = [];
  for (const f of globSync(pattern, { cwd: ctx.root }).sort()) {
    const file = f.split(sep).join('/');
    const result = check(file, readFileSync(resolve(ctx.root, f), 'utf8'), knownRefs);
    problems.push(...result.problems);
    if (result.data) data.push({ lesson: file.split('/')[2]!, file, definition: result.data });
  }
  return { data, problems };
}

export const loadDialogues = (ctx: ContentRoot, knownRefs: ReadonlySet<string>) =>
  loadLessonFiles(ctx, 'content/lessons/*/dialogues/*.dialogue.yaml', checkDialogue, knownRefs);
export const loadQuizzes = (ctx: ContentRoot, knownRefs: ReadonlySet<string>) => loadLessonFiles(ctx, 'content/lessons/*/quiz.yaml', checkQuiz, knownRefs);
export const loadCharts = (ctx: ContentRoot, knownRefs: ReadonlySet<string>) =>
  loadLessonFiles(ctx, 'content/lessons/*/charts/*.chart.yaml', checkChart, knownRefs);

/** Loads references, dialogues, quizzes and charts; throws one ContentError listing every problem. */
export function loadContentOrThrow(ctx: ContentRoot) {
  const references = loadReferences(ctx);
  const knownRefs = new Set(references.data.map((r) => r.id));
  const dialogues = loadDialogues(ctx, knownRefs);
  const quizzes = loadQuizzes(ctx, knownRefs);
  const charts = loadCharts(ctx, knownRefs);
  const problems = [...references.problems, ...dialogues.problems, ...quizzes.problems, ...charts.problems];
  if (problems.some((p) => p.severity === 'error')) throw new ContentError(problems);
  return { references: references.data, dialogues: dialogues.data, quizzes: quizzes.data, charts: charts.data };
}
