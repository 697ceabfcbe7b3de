/** One thing wrong with the content, located for the author. */
export interface Problem {
  file: string;
  line: number;
  /** A short rule name, e.g. `unknown-next`; `npm run check` prints it. */
  rule: string;
  message: string;
  /** How to fix it. */
  hint?: string;
  severity: 'error' | 'warning';
}

export function formatProblem(p: Problem): string {
  const where = `${p.file}:${p.line}`;
  return `${where}  ${p.rule}  ${p.message}${p.hint ? `  (fix: ${p.hint})` : ''}`;
}

/** Thrown when content cannot be built; its message lists every problem, one per line. */
export class ContentError extends Error {
  readonly problems: Problem[];

  constructor(problems: Problem[]) {
    super(`content is broken:\n${problems.map(formatProblem).join('\n')}`);
    this.problems = problems;
    this.name = 'ContentError';
  }
}
