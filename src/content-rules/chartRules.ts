import { basename } from 'node:path';
import { chart as chartSchema, type ChartDefinition } from '../schemas/chart.ts';
import type { Problem } from './problem.ts';
import { schemaProblems } from './schemaProblems.ts';
import { parseYamlSource, type PathKey } from './yamlSource.ts';

export const CHART_SUFFIX = '.chart.yaml';

/** A chart file: schema, id = file name, known references, at least one bar above zero. */
export function checkChart(file: string, text: string, knownRefs: ReadonlySet<string>): { data?: ChartDefinition; problems: Problem[] } {
  const source = parseYamlSource(text);
  if (source.syntaxErrors.length) {
    return { problems: source.syntaxErrors.map((e) => ({ file, line: e.line, rule: 'yaml', message: e.message, severity: 'error' })) };
  }
  const parsed = chartSchema.safeParse(source.data);
  if (!parsed.success) return { problems: schemaProblems(parsed.error, file, source) };
  const def = parsed.data;
  const problems: Problem[] = [];
  const error = (path: PathKey[], rule: string, message: string, hint?: string) =>
    problems.push({ file, line: source.lineOf(path), rule, message, hint, severity: 'error' });
  if (`${def.id}${CHART_SUFFIX}` !== basename(file)) {
    error(['id'], 'file-name', `chart id "${def.id}" does not match the file name "${basename(file)}"`, `rename the file to ${def.id}${CHART_SUFFIX} or change the id`);
  }
  if (!def.bars.some((b) => b.value > 0)) error(['bars'], 'empty-chart', `chart "${def.id}": every bar is zero, so there is nothing to draw`);
  const labels = new Set<string>();
  def.bars.forEach((b, i) => {
    if (labels.has(b.label)) error(['bars', i, 'label'], 'duplicate-id', `chart "${def.id}": two bars are labelled "${b.label}"`);
    labels.add(b.label);
  });
  def.refs.forEach((r, k) => {
    if (!knownRefs.has(r)) error(['refs', k], 'unknown-reference', `chart "${def.id}" cites "${r}", which is not in content/references.yaml`);
  });
  return { data: problems.length ? undefined : def, problems };
}
