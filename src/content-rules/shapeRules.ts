/**
 * The shape every lesson has (LESSON-RULES), where a machine can check it, and the quality
 * checks an author wants before review: real decisions, long enough paths, references used,
 * saved progress within budget, and a time estimate that matches the text.
 */
import { allPaths } from '../engine/dialogueGraph.ts';
import type { DialogueDefinition } from '../schemas/dialogue.ts';
import type { LessonFrontmatter } from '../schemas/lesson.ts';
import { COURSE_BUDGET, LESSON_BUDGET } from './budgets.ts';
import type { LoadedDialogue, LoadedQuiz } from './contentFiles.ts';
import type { Problem } from './problem.ts';
import type { YamlSource } from './yamlSource.ts';

export const SHAPE = {
  minDialogues: 2,
  minDecisions: 6,
  minEndings: 3,
  minPathDecisions: 4,
  minMinutes: 15,
  maxMinutes: 25,
};

/** Reading speed for the time estimate, and time for each activity. */
export const PACE = { wordsPerMinute: 180, minutesPerDecision: 0.5, minutesPerQuestion: 0.75, reflectionMinutes: 3 };

export function checkDialogueShape(file: string, def: DialogueDefinition, source: YamlSource): Problem[] {
  const problems: Problem[] = [];
  const decisions = def.nodes.filter((n) => n.choices?.length);
  const endings = def.nodes.filter((n) => n.ending);
  if (decisions.length < SHAPE.minDecisions) {
    problems.push({ file, line: source.lineOf(['nodes']), rule: 'too-few-decisions', message: `dialogue "${def.id}" has ${decisions.length} decisions; a lesson dialogue needs at least ${SHAPE.minDecisions}`, hint: 'add decision points (nodes with choices)', severity: 'error' });
  }
  if (endings.length < SHAPE.minEndings) {
    problems.push({ file, line: source.lineOf(['nodes']), rule: 'too-few-endings', message: `dialogue "${def.id}" has ${endings.length} endings; it needs at least ${SHAPE.minEndings}`, hint: 'add distinct endings (good, mixed, poor)', severity: 'error' });
  }
  let paths: ReturnType<typeof allPaths>;
  try {
    paths = allPaths(def);
  } catch (e) {
    problems.push({ file, line: source.lineOf(['nodes']), rule: 'too-many-paths', message: `dialogue "${def.id}": ${(e as Error).message}`, hint: 'merge branches back together sooner', severity: 'error' });
    return problems;
  }
  const short = paths.filter((p) => p.length < SHAPE.minPathDecisions);
  if (short.length) {
    const shortest = short.reduce((a, b) => (b.length < a.length ? b : a));
    const lastNode = shortest.at(-1)?.node ?? def.start;
    problems.push({ file, line: source.lineOf(['nodes', def.nodes.findIndex((n) => n.id === lastNode)]), rule: 'short-path', message: `dialogue "${def.id}": ${short.length} path(s) reach an ending after fewer than ${SHAPE.minPathDecisions} decisions, e.g. ${shortest.map((s) => `${s.node}/${s.choice}`).join(' → ')}`, hint: 'route that choice through more decisions before its ending', severity: 'error' });
  }
  def.nodes.forEach((node, i) => {
    const qualities = new Set((node.choices ?? []).map((c) => c.quality));
    if (node.choices?.length && qualities.size === 1 && qualities.has('best')) {
      problems.push({ file, line: source.lineOf(['nodes', i, 'choices']), rule: 'no-real-decision', message: `node "${node.id}": every choice is marked best, so the learner makes no real decision`, hint: 'add a plausible choice that is acceptable or harmful, or mark an open question neutral', severity: 'warning' });
    }
    if (node.choices?.length && qualities.has('neutral') && qualities.size > 1) {
      problems.push({ file, line: source.lineOf(['nodes', i, 'choices']), rule: 'mixed-neutral', message: `node "${node.id}" mixes neutral choices with scored ones; an open question is neutral throughout`, hint: 'mark every choice at an open question neutral, or none', severity: 'warning' });
    }
  });
  return problems;
}

const words = (s: string | undefined) => (s ? s.split(/\s+/).filter(Boolean).length : 0);

/** Minutes a learner needs: reading (an average path through each dialogue), deciding, the check, reflecting. */
export function estimateMinutes(mdxBody: string, dialogues: DialogueDefinition[], quiz: LoadedQuiz | undefined): number {
  let reading = words(mdxBody.replace(/<[^>]*>/g, ' '));
  let decisions = 0;
  for (const def of dialogues) {
    const paths = allPaths(def);
    const nodes = new Map(def.nodes.map((n) => [n.id, n]));
    let pathWords = 0;
    let pathDecisions = 0;
    for (const path of paths) {
      for (const step of path) {
        const node = nodes.get(step.node)!;
        const choice = node.choices!.find((c) => c.id === step.choice)!;
        pathWords += words(node.narration) + (node.lines ?? []).reduce((n, l) => n + words(l.text), 0);
        pathWords += node.choices!.reduce((n, c) => n + words(c.label), 0) + words(choice.feedback.consequence) + words(choice.feedback.reason);
      }
      pathDecisions += path.length;
    }
    reading += words(def.summary) + pathWords / paths.length;
    decisions += pathDecisions / paths.length;
  }
  const questions = quiz?.definition.questions ?? [];
  reading += questions.reduce((n, q) => n + words(q.prompt) + q.options.reduce((m, o) => m + words(o.text), 0) + words(q.explanation), 0);
  return reading / PACE.wordsPerMinute + decisions * PACE.minutesPerDecision + questions.length * PACE.minutesPerQuestion + PACE.reflectionMinutes;
}

export function checkLessonShape(
  file: string,
  lesson: { id: string; data: LessonFrontmatter; body: string; frontmatter: YamlSource },
  dialogues: LoadedDialogue[],
  quiz: LoadedQuiz | undefined,
): Problem[] {
  const problems: Problem[] = [];
  const at = (key: string) => lesson.frontmatter.lineOf([key]);
  const own = dialogues.filter((d) => d.lesson === lesson.id);
  if (own.length < SHAPE.minDialogues) {
    problems.push({ file, line: 1, rule: 'too-few-dialogues', message: `lesson "${lesson.id}" has ${own.length} dialogue(s); a lesson needs at least ${SHAPE.minDialogues}`, hint: `add content/lessons/${lesson.id}/dialogues/<id>.dialogue.yaml and place it with <Dialogue id="…" />`, severity: 'error' });
  }
  const { minutes } = lesson.data;
  if (minutes < SHAPE.minMinutes || minutes > SHAPE.maxMinutes) {
    problems.push({ file, line: at('minutes'), rule: 'lesson-minutes', message: `lesson "${lesson.id}" says ${minutes} minutes; lessons take ${SHAPE.minMinutes} to ${SHAPE.maxMinutes}`, hint: 'split or trim the lesson, or add to it', severity: 'error' });
  }
  const estimate = estimateMinutes(lesson.body, own.map((d) => d.definition), quiz);
  if (Math.abs(estimate - minutes) > Math.max(5, minutes * 0.35)) {
    problems.push({ file, line: at('minutes'), rule: 'time-estimate', message: `lesson "${lesson.id}" says ${minutes} minutes, but its text and activities suggest about ${Math.round(estimate)} (reading at ${PACE.wordsPerMinute} words a minute, ${PACE.minutesPerDecision} min a decision, ${PACE.minutesPerQuestion} min a question, ${PACE.reflectionMinutes} min to reflect)`, hint: `set minutes to about ${Math.round(estimate)}, or change the lesson`, severity: 'warning' });
  }
  return problems;
}

export function checkBudgets(sizes: { lessons: Map<string, number>; course: number }): Problem[] {
  const problems: Problem[] = [];
  for (const [lesson, size] of sizes.lessons) {
    if (size > LESSON_BUDGET) problems.push({ file: `content/lessons/${lesson}/lesson.mdx`, line: 1, rule: 'saved-state-budget', message: `worst-case saved progress for lesson "${lesson}" is ${size} characters; the budget is ${LESSON_BUDGET} (SCORM 1.2 allows 4,096 for the whole course)`, hint: 'fewer choices per node, shorter paths, or fewer dialogues', severity: 'error' });
  }
  if (sizes.course > COURSE_BUDGET) problems.push({ file: 'content/course.yaml', line: 1, rule: 'saved-state-budget', message: `worst-case saved progress for the whole course is ${sizes.course} characters; the budget is ${COURSE_BUDGET}`, severity: 'error' });
  return problems;
}

/** References in content/references.yaml that no lesson lists, and listed ones nothing cites. */
export function checkReferenceUse(
  referencesFile: string,
  referencesSource: YamlSource,
  referenceIds: string[],
  lessons: Array<{ id: string; file: string; data: LessonFrontmatter; cited: Set<string>; frontmatter: YamlSource }>,
): Problem[] {
  const problems: Problem[] = [];
  const listed = new Set(lessons.flatMap((l) => l.data.references));
  referenceIds.forEach((id, i) => {
    if (!listed.has(id)) problems.push({ file: referencesFile, line: referencesSource.lineOf([i]), rule: 'unused-reference', message: `reference "${id}" is not listed by any lesson`, hint: 'cite it in a lesson or remove it', severity: 'warning' });
  });
  for (const l of lessons) {
    l.data.references.forEach((id, i) => {
      if (!l.cited.has(id)) problems.push({ file: l.file, line: l.frontmatter.lineOf(['references', i]), rule: 'uncited-reference', message: `lesson "${l.id}" lists "${id}" but nothing in the lesson cites it`, hint: 'cite it with <Ref id="…" />, in feedback or in a question, or remove it from the list', severity: 'warning' });
    });
  }
  return problems;
}
