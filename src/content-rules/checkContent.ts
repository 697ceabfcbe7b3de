/**
 * Every content rule, without building the site: the same schema and graph rules the build
 * enforces (loaded from this folder, not copied), plus the shape, budget, reference-use,
 * language and glossary checks. `npm run check` prints the result; the tests run it on the real
 * content and on seeded mistakes.
 */
import { globSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { lessonFrontmatter, type LessonFrontmatter } from '../schemas/lesson.ts';
import { loadSources, loadSupport } from './aboutRules.ts';
import { worstCaseSizes } from './budgets.ts';
import { loadCharts, loadDialogues, loadQuizzes, loadReferences, type ContentRoot } from './contentFiles.ts';
import { COURSE_FILE, loadCourse } from './courseRules.ts';
import { checkGlossaryLanguage, checkGlossaryUse, GLOSSARY_FILE, learnerText, lessonProse, loadGlossary } from './glossaryRules.ts';
import { checkChartLanguage, checkDialogueLanguage, checkLessonLanguage, checkQuizLanguage, type TermList } from './languageRules.ts';
import { checkLesson, citedInProse } from './lessonRules.ts';
import { ContentError, type Problem } from './problem.ts';
import { schemaProblems } from './schemaProblems.ts';
import { checkBudgets, checkDialogueShape, checkLessonShape, checkReferenceUse } from './shapeRules.ts';
import { parseYamlSource, type YamlSource } from './yamlSource.ts';

export { TERMS_FILE } from './glossaryRules.ts';

/** The contested terms, read through their schema (empty when the file is broken). */
export function loadTerms(root: string): TermList {
  return loadGlossary(root).language ?? { names: [], terms: [] };
}

interface LessonFile {
  id: string;
  file: string;
  text: string;
  body: string;
  frontmatter: YamlSource;
  data?: LessonFrontmatter;
}

function readLessons(root: string, problems: Problem[]): LessonFile[] {
  return globSync('content/lessons/*/lesson.mdx', { cwd: root })
    .sort()
    .map((f) => {
      const file = f.split('\\').join('/');
      const text = readFileSync(resolve(root, f), 'utf8');
      const [, front = '', ...rest] = text.split(/^---\s*$/m);
      const frontmatter = parseYamlSource(front);
      const lesson: LessonFile = { id: file.split('/')[2]!, file, text, body: rest.join('---'), frontmatter };
      // The YAML block starts with the rest of the opening --- line, so its lines are the file's.
      const shift = (p: Problem): Problem => ({ ...p, file });
      if (frontmatter.syntaxErrors.length) {
        problems.push(...frontmatter.syntaxErrors.map((e) => shift({ file, line: e.line, rule: 'yaml', message: e.message, severity: 'error' })));
        return lesson;
      }
      const parsed = lessonFrontmatter.safeParse(frontmatter.data);
      if (parsed.success) lesson.data = parsed.data;
      else problems.push(...schemaProblems(parsed.error, file, frontmatter).map(shift));
      return lesson;
    });
}

export function checkContent({ root }: ContentRoot): Problem[] {
  const problems: Problem[] = [];
  try {
    loadCourse(root);
  } catch (e) {
    if (e instanceof ContentError) problems.push(...e.problems);
    else problems.push({ file: COURSE_FILE, line: 1, rule: 'yaml', message: String(e), severity: 'error' });
  }
  const references = loadReferences({ root });
  const known = new Set(references.data.map((r) => r.id));
  const dialogues = loadDialogues({ root }, known);
  const quizzes = loadQuizzes({ root }, known);
  const charts = loadCharts({ root }, known);
  problems.push(...references.problems, ...dialogues.problems, ...quizzes.problems, ...charts.problems);
  // The About page's files: the source documents (whose references must exist) and support services.
  for (const load of [() => loadSources(root, known), () => loadSupport(root)]) {
    try {
      load();
    } catch (e) {
      if (e instanceof ContentError) problems.push(...e.problems);
      else throw e;
    }
  }
  const glossary = loadGlossary(root);
  problems.push(...glossary.problems);
  const terms: TermList = glossary.language ?? { names: [], terms: [] };
  const source = (file: string) => parseYamlSource(readFileSync(resolve(root, file), 'utf8'));

  for (const d of dialogues.data) {
    const src = source(d.file);
    problems.push(...checkDialogueShape(d.file, d.definition, src), ...checkDialogueLanguage(d.file, d.definition, src, terms));
  }
  for (const q of quizzes.data) problems.push(...checkQuizLanguage(q.file, q.definition, source(q.file), terms));
  for (const c of charts.data) problems.push(...checkChartLanguage(c.file, c.definition, source(c.file), terms));

  const lessons = readLessons(root, problems);
  const cited: Array<Parameters<typeof checkReferenceUse>[3][number]> = [];
  for (const lesson of lessons) {
    problems.push(...checkLessonLanguage(lesson.file, lesson.text, terms));
    if (!lesson.data) continue;
    const quiz = quizzes.data.find((q) => q.lesson === lesson.id);
    problems.push(...checkLesson({ id: lesson.id, file: lesson.file, text: lesson.text, data: lesson.data }, dialogues.data, quiz, known, charts.data));
    problems.push(...checkLessonShape(lesson.file, { id: lesson.id, data: lesson.data, body: lesson.body, frontmatter: lesson.frontmatter }, dialogues.data, quiz));
    const uses = new Set([
      ...citedInProse(lesson.text),
      ...dialogues.data.filter((d) => d.lesson === lesson.id).flatMap((d) => d.definition.nodes.flatMap((n) => (n.choices ?? []).flatMap((c) => c.feedback.refs))),
      ...(quiz?.definition.questions.flatMap((q) => q.refs) ?? []),
      ...charts.data.filter((c) => c.lesson === lesson.id).flatMap((c) => c.definition.refs),
    ]);
    cited.push({ id: lesson.id, file: lesson.file, data: lesson.data, cited: uses, frontmatter: lesson.frontmatter });
  }
  for (const [kind, files] of [['dialogue', dialogues.data], ['chart', charts.data]] as const) {
    for (const f of files) {
      if (!lessons.some((l) => l.id === f.lesson)) problems.push({ file: f.file, line: 1, rule: `orphan-${kind}`, message: `${kind} "${f.definition.id}" is in content/lessons/${f.lesson}/, which has no lesson.mdx`, severity: 'error' });
    }
  }
  if (glossary.language) problems.push(...checkGlossaryLanguage(glossary.glossary, glossary.glossarySource, glossary.language, glossary.termsSource, terms));
  if (glossary.glossary && glossary.glossarySource && glossary.index) {
    const lessonTexts = lessons.map((l) =>
      [
        ...lessonProse(l.data, l.body),
        ...[...dialogues.data, ...quizzes.data, ...charts.data].filter((f) => f.lesson === l.id).flatMap((f) => learnerText(f.definition)),
      ].join('\n¶\n'),
    );
    problems.push(...checkGlossaryUse(GLOSSARY_FILE, glossary.glossarySource, glossary.glossary, glossary.index, lessonTexts));
  }
  problems.push(...checkReferenceUse('content/references.yaml', source('content/references.yaml'), references.data.map((r) => r.id), cited));
  problems.push(...checkBudgets(worstCaseSizes(dialogues.data, quizzes.data)));
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}
