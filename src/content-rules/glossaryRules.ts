/**
 * The glossary: content/glossary.yaml (abbreviations and plain terms) and the contested terms of
 * content/language-terms.yaml, which the glossary shows but never copies. Both files are read
 * through their schemas; the build and `npm run check` refuse
 *
 * - an id used twice (ids are anchors on one page, so they are unique across both files),
 * - an abbreviation, or a term, defined twice (a word can link to only one entry),
 * - a `seeAlso` that names no entry;
 *
 * and `npm run check` warns about an entry that no lesson uses, so the glossary stays honest.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { glossaryIndex, findGlossaryTerms, type GlossaryIndex } from '../lib/glossaryTerms.ts';
import { glossary as glossarySchema, type Glossary } from '../schemas/glossary.ts';
import { languageTerms as languageTermsSchema, type LanguageTerms } from '../schemas/languageTerms.ts';
import { usedIn } from './languageRules.ts';
import { ContentError, type Problem } from './problem.ts';
import { schemaProblems } from './schemaProblems.ts';
import { parseYamlSource, type YamlSource } from './yamlSource.ts';

export const GLOSSARY_FILE = 'content/glossary.yaml';
export const TERMS_FILE = 'content/language-terms.yaml';

interface Checked<T> {
  data?: T;
  source: YamlSource;
  problems: Problem[];
}

function parseChecked<T>(file: string, text: string, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: Parameters<typeof schemaProblems>[0] } }): Checked<T> {
  const source = parseYamlSource(text);
  if (source.syntaxErrors.length) {
    return { source, problems: source.syntaxErrors.map((e) => ({ file, line: e.line, rule: 'yaml', message: e.message, severity: 'error' as const })) };
  }
  const parsed = schema.safeParse(source.data);
  if (!parsed.success) return { source, problems: schemaProblems(parsed.error, file, source) };
  return { data: parsed.data, source, problems: [] };
}

/** How two forms of a word compare: abbreviations exactly, terms in any case, "-" as " ". */
const formKey = (form: string, caseSensitive: boolean) => {
  const spaced = form.trim().replace(/[\s-]+/g, ' ');
  return caseSensitive ? spaced : spaced.toLowerCase();
};

/**
 * Checks the two files together. `glossaryText` is undefined when the project has no glossary
 * (the contested terms are still checked: the language check needs them).
 */
export function checkGlossary(
  glossaryText: string | undefined,
  termsText: string,
  files: { glossary: string; terms: string } = { glossary: GLOSSARY_FILE, terms: TERMS_FILE },
): { glossary?: Glossary; language?: LanguageTerms; index?: GlossaryIndex; glossarySource?: YamlSource; termsSource: YamlSource; problems: Problem[] } {
  const terms = parseChecked(files.terms, termsText, languageTermsSchema);
  const gloss = glossaryText === undefined ? undefined : parseChecked(files.glossary, glossaryText, glossarySchema);
  const problems = [...terms.problems, ...(gloss?.problems ?? [])];
  const error = (file: string, line: number, rule: string, message: string, hint?: string) =>
    problems.push({ file, line, rule, message, ...(hint ? { hint } : {}), severity: 'error' });

  // Ids: one namespace for both files, since every entry is an anchor on the same page.
  const ids = new Map<string, string>();
  const claimId = (id: string, file: string, line: number, what: string) => {
    const earlier = ids.get(id);
    if (earlier) error(file, line, 'duplicate-id', `${what} id "${id}" is already used by ${earlier}`, 'give each glossary entry its own id');
    else ids.set(id, `${what} in ${file}`);
  };
  // Words: each form may belong to one entry only.
  const forms = new Map<string, string>();
  const claimForm = (form: string, caseSensitive: boolean, id: string, file: string, line: number, rule: string) => {
    const key = `${caseSensitive ? 'A' : 't'}:${formKey(form, caseSensitive)}`;
    const owner = forms.get(key);
    if (owner && owner !== id) error(file, line, rule, `"${form}" is defined twice: by "${owner}" and by "${id}"`, 'keep one entry for it');
    else forms.set(key, id);
  };

  terms.data?.terms.forEach((t, i) => {
    claimId(t.id, files.terms, terms.source.lineOf(['terms', i, 'id']), 'contested term');
    t.terms.forEach((form, j) => claimForm(form, false, t.id, files.terms, terms.source.lineOf(['terms', i, 'terms', j]), 'duplicate-term'));
  });
  const g = gloss?.data;
  if (g && gloss) {
    const at = (...path: Array<string | number>) => gloss.source.lineOf(path);
    g.abbreviations.forEach((a, i) => {
      claimId(a.id, files.glossary, at('abbreviations', i, 'id'), 'abbreviation');
      claimForm(a.abbreviation, true, a.id, files.glossary, at('abbreviations', i, 'abbreviation'), 'duplicate-abbreviation');
      a.also?.forEach((form, j) => claimForm(form, true, a.id, files.glossary, at('abbreviations', i, 'also', j), 'duplicate-abbreviation'));
    });
    g.terms.forEach((t, i) => {
      claimId(t.id, files.glossary, at('terms', i, 'id'), 'term');
      claimForm(t.term, false, t.id, files.glossary, at('terms', i, 'term'), 'duplicate-term');
      t.also?.forEach((form, j) => claimForm(form, false, t.id, files.glossary, at('terms', i, 'also', j), 'duplicate-term'));
    });
    for (const [list, entries] of [['abbreviations', g.abbreviations], ['terms', g.terms]] as const) {
      entries.forEach((e, i) =>
        e.seeAlso?.forEach((id, j) => {
          if (!ids.has(id)) error(files.glossary, at(list, i, 'seeAlso', j), 'unknown-see-also', `entry "${e.id}": seeAlso names "${id}", which is no glossary entry or contested term`);
          else if (id === e.id) error(files.glossary, at(list, i, 'seeAlso', j), 'unknown-see-also', `entry "${e.id}": seeAlso names the entry itself`);
        }),
      );
    }
  }
  const failed = problems.some((p) => p.severity === 'error');
  return {
    ...(g ? { glossary: g } : {}),
    ...(terms.data ? { language: terms.data } : {}),
    ...(g && terms.data && !failed ? { index: glossaryIndex(g, terms.data) } : {}),
    ...(gloss ? { glossarySource: gloss.source } : {}),
    termsSource: terms.source,
    problems,
  };
}

/** Reads both files from a project; a project without content/glossary.yaml has no glossary. */
export function loadGlossary(root: string) {
  const glossaryPath = resolve(root, GLOSSARY_FILE);
  const glossaryText = existsSync(glossaryPath) ? readFileSync(glossaryPath, 'utf8') : undefined;
  return checkGlossary(glossaryText, readFileSync(resolve(root, TERMS_FILE), 'utf8'));
}

/** For the build: the glossary, the contested terms and the index, or a located ContentError. */
export function loadGlossaryOrThrow(root: string): { glossary: Glossary; language: LanguageTerms; index: GlossaryIndex } {
  const result = loadGlossary(root);
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (!result.glossary && !errors.length) errors.push({ file: GLOSSARY_FILE, line: 1, rule: 'missing-glossary', message: 'the file is missing', severity: 'error' });
  if (errors.length || !result.glossary || !result.language || !result.index) throw new ContentError(errors);
  return { glossary: result.glossary, language: result.language, index: result.index };
}

/** Keys whose values are ids or settings, not words a learner reads. */
const NOT_TEXT = new Set(['id', 'next', 'start', 'speaker', 'refs', 'quality', 'outcome', 'intendedTerms', 'schemaVersion', 'correct', 'value', 'decimals', 'passMark']);

/** Every string a learner can read in a parsed content file (a dialogue, quiz or chart). */
export function learnerText(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(learnerText);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => (NOT_TEXT.has(k) ? [] : learnerText(v)));
  return [];
}

/** A lesson's MDX as a learner reads it: frontmatter sentences and the body, without tags. */
export function lessonProse(data: { title: string; description: string; outcomes: string[]; summary: string[] } | undefined, body: string): string[] {
  return [...(data ? [data.title, data.description, ...data.outcomes, ...data.summary] : []), body.replace(/<[^>]*>/g, (tag) => ' '.repeat(tag.length))];
}

/**
 * Warnings for glossary entries that no lesson uses (in its text, dialogues, knowledge check
 * or charts). Contested terms are the language check's list and are not reported here.
 */
export function checkGlossaryUse(file: string, source: YamlSource, glossary: Glossary, index: GlossaryIndex, lessonTexts: string[]): Problem[] {
  const used = new Set(lessonTexts.flatMap((t) => findGlossaryTerms(t, index).map((m) => m.id)));
  const problems: Problem[] = [];
  for (const [list, entries] of [['abbreviations', glossary.abbreviations], ['terms', glossary.terms]] as const) {
    entries.forEach((e, i) => {
      if (used.has(e.id) || e.elsewhere) return;
      const word = 'abbreviation' in e ? e.abbreviation : e.term;
      problems.push({ file, line: source.lineOf([list, i, 'id']), rule: 'unused-glossary-entry', message: `glossary entry "${e.id}" ("${word}") is not used by any lesson`, hint: 'remove it, add the forms the lessons use under `also`, or say under `elsewhere` where learners meet it', severity: 'warning' });
    });
  }
  return problems;
}

/** The language check on the glossary's own sentences, and on the contested terms' reasons. */
export function checkGlossaryLanguage(glossary: Glossary | undefined, glossarySource: YamlSource | undefined, language: LanguageTerms, termsSource: YamlSource, list: Parameters<typeof usedIn>[4]): Problem[] {
  const problems: Problem[] = [];
  if (glossary && glossarySource) {
    const at = (...path: Array<string | number>) => () => glossarySource.lineOf(path);
    problems.push(...usedIn(glossary.intro, 'glossary intro', at('intro'), GLOSSARY_FILE, list));
    problems.push(...usedIn(glossary.contestedIntro, 'glossary contestedIntro', at('contestedIntro'), GLOSSARY_FILE, list));
    glossary.abbreviations.forEach((a, i) => {
      problems.push(...usedIn(a.expansion, `abbreviation "${a.id}" expansion`, at('abbreviations', i, 'expansion'), GLOSSARY_FILE, list));
      problems.push(...usedIn(a.explanation, `abbreviation "${a.id}" explanation`, at('abbreviations', i, 'explanation'), GLOSSARY_FILE, list));
    });
    glossary.terms.forEach((t, i) => problems.push(...usedIn(t.explanation, `term "${t.id}" explanation`, at('terms', i, 'explanation'), GLOSSARY_FILE, list)));
  }
  language.terms.forEach((t, i) => {
    const at = (key: string) => () => termsSource.lineOf(['terms', i, key]);
    for (const key of ['alternatives', 'why', 'debate'] as const) problems.push(...usedIn(t[key], `contested term "${t.id}" ${key}`, at(key), TERMS_FILE, list));
  });
  return problems;
}
