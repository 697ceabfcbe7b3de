import type { z } from 'astro/zod';
import type { Problem } from './problem.ts';
import type { PathKey, YamlSource } from './yamlSource.ts';

/** Names a zod issue path in words an author recognises: `nodes[3].choices[1].next`. */
export function describePath(path: readonly PropertyKey[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i ? '.' : ''}${String(k)}`)).join('') || '(top level)';
}

/**
 * Turns a zod error into located problems. `nodeName` lets a file type say which node a path
 * is inside, so dialogue problems always name the node id.
 */
export function schemaProblems(
  error: z.ZodError,
  file: string,
  source: YamlSource,
  nodeName: (path: readonly PropertyKey[]) => string | undefined = () => undefined,
  ruleFor: (issue: z.core.$ZodIssue) => string = () => 'schema',
): Problem[] {
  return error.issues.map((issue) => {
    const where = nodeName(issue.path);
    return {
      file,
      line: source.lineOf(issue.path as PathKey[]),
      rule: ruleFor(issue),
      message: `${where ? `node "${where}": ` : ''}${describePath(issue.path)}: ${issue.message}`,
      severity: 'error' as const,
    };
  });
}
