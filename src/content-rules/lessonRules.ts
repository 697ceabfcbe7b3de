/**
 * Rules that span files: a lesson's references, its dialogues and its knowledge check must
 * agree, so every source a learner is pointed to appears in the lesson's numbered list.
 */
import type { LessonFrontmatter } from '../schemas/lesson.ts';
import type { LoadedChart, LoadedDialogue, LoadedFile, LoadedQuiz } from './contentFiles.ts';
import type { Problem } from './problem.ts';
import { parseYamlSource } from './yamlSource.ts';

export interface LessonInput {
  id: string;
  file: string;
  /** The MDX source, for locating lines and finding `<Dialogue id="…" />` placements. */
  text: string;
  data: LessonFrontmatter;
}

/** Ids placed in an MDX body with `<Tag id="…" />`, in order. */
const placedIds = (tag: string, mdx: string): string[] => [...mdx.matchAll(new RegExp(`<${tag}\\s+id=["']([^"']+)["']`, 'g'))].map((m) => m[1]!);

/** Ids of dialogues placed in an MDX body with `<Dialogue id="…" />`, in order. */
export const placedDialogues = (mdx: string) => placedIds('Dialogue', mdx);

/** Ids cited in prose with `<Ref id="…" />`. */
export function citedInProse(mdx: string): string[] {
  return [...mdx.matchAll(/<Ref\s+id=["']([^"']+)["']/g)].map((m) => m[1]!);
}

function lineOfText(text: string, needle: string): number {
  const i = text.indexOf(needle);
  return i < 0 ? 1 : text.slice(0, i).split('\n').length;
}

export function checkLesson(
  lesson: LessonInput,
  dialogues: LoadedDialogue[],
  quiz: LoadedQuiz | undefined,
  knownRefs: ReadonlySet<string>,
  charts: LoadedChart[] = [],
): Problem[] {
  const problems: Problem[] = [];
  const { file, text } = lesson;
  const listed = new Set(lesson.data.references);
  // The YAML block starts with the rest of the opening --- line, so its lines are the file's.
  const front = parseYamlSource(text.split(/^---\s*$/m)[1] ?? '');
  const refLine = (i: number) => front.lineOf(['references', i]);

  lesson.data.references.forEach((r, i) => {
    if (!knownRefs.has(r)) problems.push({ file, line: refLine(i), rule: 'unknown-reference', message: `lesson "${lesson.id}" lists "${r}", which is not in content/references.yaml`, severity: 'error' });
  });
  for (const r of citedInProse(text)) {
    if (!listed.has(r)) problems.push({ file, line: lineOfText(text, `id="${r}"`), rule: 'unlisted-reference', message: `<Ref id="${r}" /> cites a reference missing from this lesson's \`references\``, hint: `add ${r} to references in the frontmatter`, severity: 'error' });
  }
  /** Every `<Tag id>` names a file of this lesson, and every such file is placed. */
  const placement = <T extends { id: string }>(tag: 'Dialogue' | 'Chart', folder: string, files: LoadedFile<T>[]) => {
    const kind = tag.toLowerCase();
    const own = files.filter((f) => f.lesson === lesson.id);
    const placed = placedIds(tag, text);
    for (const id of placed) {
      if (!own.some((f) => f.definition.id === id)) problems.push({ file, line: lineOfText(text, `id="${id}"`), rule: `unknown-${kind}`, message: `<${tag} id="${id}" /> names no ${kind} in content/lessons/${lesson.id}/${folder}/`, severity: 'error' });
    }
    for (const f of own) {
      if (!placed.includes(f.definition.id)) problems.push({ file, line: 1, rule: `unplaced-${kind}`, message: `${kind} "${f.definition.id}" (${f.file}) is not placed in the lesson`, hint: `add <${tag} id="${f.definition.id}" /> to the MDX body`, severity: 'error' });
    }
    return own;
  };
  for (const d of placement('Dialogue', 'dialogues', dialogues)) {
    for (const n of d.definition.nodes) {
      for (const c of n.choices ?? []) {
        for (const r of c.feedback.refs) {
          if (!listed.has(r)) problems.push({ file: d.file, line: 1, rule: 'unlisted-reference', message: `node "${n.id}": choice "${c.id}" cites "${r}", which lesson "${lesson.id}" does not list`, hint: `add ${r} to references in ${file}`, severity: 'error' });
        }
      }
    }
  }
  for (const c of placement('Chart', 'charts', charts)) {
    for (const r of c.definition.refs) {
      if (!listed.has(r)) problems.push({ file: c.file, line: 1, rule: 'unlisted-reference', message: `chart "${c.definition.id}" cites "${r}", which lesson "${lesson.id}" does not list`, hint: `add ${r} to references in ${file}`, severity: 'error' });
    }
  }
  if (!quiz) {
    problems.push({ file, line: 1, rule: 'missing-quiz', message: `lesson "${lesson.id}" has no knowledge check`, hint: `write content/lessons/${lesson.id}/quiz.yaml`, severity: 'error' });
  } else {
    for (const q of quiz.definition.questions) {
      for (const r of q.refs) {
        if (!listed.has(r)) problems.push({ file: quiz.file, line: 1, rule: 'unlisted-reference', message: `question "${q.id}" cites "${r}", which lesson "${lesson.id}" does not list`, hint: `add ${r} to references in ${file}`, severity: 'error' });
      }
    }
  }
  return problems;
}
