import { quiz as quizSchema, type QuizDefinition } from '../schemas/quiz.ts';
import type { Problem } from './problem.ts';
import { schemaProblems } from './schemaProblems.ts';
import { parseYamlSource, type PathKey } from './yamlSource.ts';

export function checkQuiz(file: string, text: string, knownRefs: ReadonlySet<string>): { data?: QuizDefinition; problems: Problem[] } {
  const source = parseYamlSource(text);
  if (source.syntaxErrors.length) {
    return { problems: source.syntaxErrors.map((e) => ({ file, line: e.line, rule: 'yaml', message: e.message, severity: 'error' })) };
  }
  const raw = source.data as { questions?: Array<{ id?: unknown }> } | undefined;
  const questionName = (path: readonly PropertyKey[]) => {
    if (path[0] !== 'questions' || typeof path[1] !== 'number') return undefined;
    const id = raw?.questions?.[path[1]]?.id;
    return typeof id === 'string' ? id : `#${path[1] + 1}`;
  };
  const parsed = quizSchema.safeParse(source.data);
  if (!parsed.success) {
    return {
      problems: schemaProblems(parsed.error, file, source).map((p, i) => {
        const q = questionName(parsed.error.issues[i]!.path);
        return q ? { ...p, message: `question "${q}": ${p.message}` } : p;
      }),
    };
  }
  const problems: Problem[] = [];
  const error = (path: PathKey[], rule: string, message: string, hint?: string) =>
    problems.push({ file, line: source.lineOf(path), rule, message, hint, severity: 'error' });
  const ids = new Set<string>();
  parsed.data.questions.forEach((q, i) => {
    if (ids.has(q.id)) error(['questions', i, 'id'], 'duplicate-id', `question "${q.id}": the id is used twice`);
    ids.add(q.id);
    const correct = q.options.filter((o) => o.correct).length;
    if (correct !== 1) error(['questions', i, 'options'], 'one-correct', `question "${q.id}" has ${correct} correct options`, 'mark exactly one option `correct: true`');
    q.refs.forEach((r, k) => {
      if (!knownRefs.has(r)) error(['questions', i, 'refs', k], 'unknown-reference', `question "${q.id}" cites "${r}", which is not in content/references.yaml`);
    });
  });
  return { data: problems.length ? undefined : parsed.data, problems };
}
