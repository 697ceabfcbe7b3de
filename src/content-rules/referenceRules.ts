import { references as referencesSchema, type Reference } from '../schemas/reference.ts';
import type { Problem } from './problem.ts';
import { schemaProblems } from './schemaProblems.ts';
import { parseYamlSource } from './yamlSource.ts';

export function checkReferences(file: string, text: string): { data?: Reference[]; problems: Problem[] } {
  const source = parseYamlSource(text);
  if (source.syntaxErrors.length) {
    return { problems: source.syntaxErrors.map((e) => ({ file, line: e.line, rule: 'yaml', message: e.message, severity: 'error' })) };
  }
  const parsed = referencesSchema.safeParse(source.data);
  if (!parsed.success) return { problems: schemaProblems(parsed.error, file, source) };
  const problems: Problem[] = [];
  const seen = new Set<string>();
  parsed.data.forEach((r, i) => {
    if (seen.has(r.id)) problems.push({ file, line: source.lineOf([i, 'id']), rule: 'duplicate-id', message: `reference id "${r.id}" is used twice`, severity: 'error' });
    seen.add(r.id);
  });
  return { data: problems.length ? undefined : parsed.data, problems };
}
