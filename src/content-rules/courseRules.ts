import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { course as courseSchema, type CourseConfig } from '../schemas/course.ts';
import { ContentError } from './problem.ts';
import { schemaProblems } from './schemaProblems.ts';
import { parseYamlSource } from './yamlSource.ts';

export const COURSE_FILE = 'content/course.yaml';

/** Reads content/course.yaml through its schema; throws a located ContentError when broken. */
export function loadCourse(root: string): CourseConfig {
  const source = parseYamlSource(readFileSync(resolve(root, COURSE_FILE), 'utf8'));
  if (source.syntaxErrors.length) {
    throw new ContentError(source.syntaxErrors.map((e) => ({ file: COURSE_FILE, line: e.line, rule: 'yaml', message: e.message, severity: 'error' as const })));
  }
  const parsed = courseSchema.safeParse(source.data);
  if (!parsed.success) throw new ContentError(schemaProblems(parsed.error, COURSE_FILE, source));
  return parsed.data;
}
