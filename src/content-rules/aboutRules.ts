/**
 * The content behind the About page: content/sources.yaml (the source documents the course is
 * written from, with their dates and funding) and content/support.yaml (the support services,
 * with where each detail was checked). Each is read through its schema; anything wrong throws a
 * ContentError naming the file and line, so the build and `npm run check` stop on it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { z } from 'astro/zod';
import { sourceDocuments, type SourceDocument } from '../schemas/sources.ts';
import { supportServices, type SupportService } from '../schemas/support.ts';
import { ContentError, type Problem } from './problem.ts';
import { schemaProblems } from './schemaProblems.ts';
import { parseYamlSource, type YamlSource } from './yamlSource.ts';

export const SOURCES_FILE = 'content/sources.yaml';
export const SUPPORT_FILE = 'content/support.yaml';

/** Reads a YAML list file through its schema, then through `more` (rules across entries). */
function loadList<T extends { id: string }>(
  root: string,
  file: string,
  schema: z.ZodType<T[]>,
  more: (data: T[], source: YamlSource) => Problem[] = () => [],
): T[] {
  let text: string;
  try {
    text = readFileSync(resolve(root, file), 'utf8');
  } catch (e) {
    throw new ContentError([{ file, line: 1, rule: 'missing-file', message: `cannot read the file: ${(e as Error).message}`, severity: 'error' }]);
  }
  const source = parseYamlSource(text);
  if (source.syntaxErrors.length) {
    throw new ContentError(source.syntaxErrors.map((e) => ({ file, line: e.line, rule: 'yaml', message: e.message, severity: 'error' as const })));
  }
  const parsed = schema.safeParse(source.data);
  if (!parsed.success) throw new ContentError(schemaProblems(parsed.error, file, source));
  const problems: Problem[] = [];
  const seen = new Set<string>();
  parsed.data.forEach((entry, i) => {
    if (seen.has(entry.id)) problems.push({ file, line: source.lineOf([i, 'id']), rule: 'duplicate-id', message: `[${i}].id: "${entry.id}" is used twice`, severity: 'error' });
    seen.add(entry.id);
  });
  problems.push(...more(parsed.data, source));
  if (problems.length) throw new ContentError(problems);
  return parsed.data;
}

/**
 * content/sources.yaml, checked: each `reference` must name an entry in content/references.yaml
 * (`knownReferences`, the ids there).
 */
export function loadSources(root: string, knownReferences: ReadonlySet<string>): SourceDocument[] {
  return loadList(root, SOURCES_FILE, sourceDocuments, (data, source) =>
    data.flatMap((doc, i) =>
      doc.reference && !knownReferences.has(doc.reference)
        ? [{
            file: SOURCES_FILE,
            line: source.lineOf([i, 'reference']),
            rule: 'unknown-reference',
            message: `[${i}].reference: "${doc.reference}" is not an id in content/references.yaml`,
            hint: 'use the id of the document\'s entry in content/references.yaml, or leave `reference` out if no lesson cites it',
            severity: 'error' as const,
          }]
        : [],
    ),
  );
}

/** content/support.yaml, checked. */
export function loadSupport(root: string): SupportService[] {
  return loadList(root, SUPPORT_FILE, supportServices);
}

/** The digits of a phone number as read, for a `tel:` link: "0300 123 6600" → "03001236600". */
export const telHref = (phone: string) => `tel:${phone.replace(/\D/g, '')}`;
