/**
 * The language check. It advises; it is not a banned list. Each contested term (from
 * content/language-terms.yaml) found in narration, feedback, endings, knowledge checks or
 * lesson prose is reported with why it is contested and what to write instead, unless it is
 * in quotation marks (being discussed, not used). A character may use a term on purpose: the
 * line lists it under `intendedTerms`, and that node's feedback must then address it.
 */
import type { ChartDefinition } from '../schemas/chart.ts';
import type { DialogueDefinition } from '../schemas/dialogue.ts';
import type { QuizDefinition } from '../schemas/quiz.ts';
import type { Problem } from './problem.ts';
import type { YamlSource } from './yamlSource.ts';

export interface TermEntry {
  terms: string[];
  alternatives: string;
  why: string;
}

export interface TermMatch {
  term: string;
  entry: TermEntry;
  index: number;
  /** Inside quotation marks: the text is discussing the word, not using it. */
  quoted: boolean;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');

/** Spans of text inside "…", “…” or ‘…’ (and '…' when the quotes stand at word edges). */
function quotedSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const re of [/"[^"]*"/g, /“[^”]*”/g, /‘[^’]*’/g, /(?<![\w])'[^'\n]*?'(?![\w])/g]) {
    for (const m of text.matchAll(re)) spans.push([m.index!, m.index! + m[0].length]);
  }
  return spans;
}

/** The term list: proper names that are never reported, and the contested terms. */
export interface TermList {
  names: string[];
  terms: TermEntry[];
}

/** Proper names (e.g. "National Institute on Drug Abuse") are blanked out before matching. */
export function findTerms(original: string, entries: TermEntry[], names: string[] = []): TermMatch[] {
  let text = original;
  for (const name of names) text = text.replace(new RegExp(escape(name), 'gi'), (m) => ' '.repeat(m.length));
  const spans = quotedSpans(text);
  const found: TermMatch[] = [];
  for (const entry of entries) {
    for (const term of entry.terms) {
      const re = new RegExp(`(?<![\\w-])${escape(term)}(?![\\w-])`, 'gi');
      for (const m of text.matchAll(re)) {
        const index = m.index!;
        found.push({ term, entry, index, quoted: spans.some(([a, b]) => index > a && index + m[0].length < b) });
      }
    }
  }
  // A longer term wins over a shorter one at the same place ("drug abuse" over "abuse").
  return found.sort((a, b) => a.index - b.index).filter((m, i, all) => !all.some((o, j) => j !== i && o.index <= m.index && o.index + o.term.length >= m.index + m.term.length && o.term.length > m.term.length));
}

const advice = (m: TermMatch) => `"${m.term}" is contested: ${m.entry.why.replace(/\s+/g, ' ').trim()}`;
const hint = (m: TermMatch) => `write ${m.entry.alternatives}, or put the word in quotation marks if the text is discussing it`;

/** Warnings for each contested term `text` uses outside quotation marks. */
export function usedIn(text: string | undefined, where: string, at: () => number, file: string, list: TermList): Problem[] {
  if (!text) return [];
  return findTerms(text, list.terms, list.names)
    .filter((m) => !m.quoted)
    .map((m) => ({ file, line: at(), rule: 'language', message: `${where}: ${advice(m)}`, hint: hint(m), severity: 'warning' as const }));
}

export function checkDialogueLanguage(file: string, def: DialogueDefinition, source: YamlSource, list: TermList): Problem[] {
  const problems: Problem[] = [];
  def.nodes.forEach((node, n) => {
    const line = (...path: Array<string | number>) => () => source.lineOf(['nodes', n, ...path]);
    problems.push(...usedIn(node.narration, `node "${node.id}" narration`, line('narration'), file, list));
    const feedbackText = (node.choices ?? []).map((c) => `${c.feedback.consequence} ${c.feedback.reason}`).join(' ');
    (node.lines ?? []).forEach((l, i) => {
      const intended = new Set((l.intendedTerms ?? []).map((t) => t.toLowerCase()));
      for (const m of findTerms(l.text, list.terms, list.names)) {
        if (m.quoted) continue;
        if (!intended.has(m.term.toLowerCase())) {
          problems.push({ file, line: line('lines', i, 'text')(), rule: 'unmarked-term', message: `node "${node.id}": a character says "${m.term}" without it being marked as intended. ${advice(m)}`, hint: `if the character says it on purpose, add intendedTerms: [${m.term}] to the line and address it in this node's feedback; otherwise ${hint(m)}`, severity: 'warning' });
        }
      }
      for (const t of l.intendedTerms ?? []) {
        if (!findTerms(l.text, [{ terms: [t], alternatives: '', why: '' }]).length) {
          problems.push({ file, line: line('lines', i, 'intendedTerms')(), rule: 'unaddressed-term', message: `node "${node.id}": intendedTerms lists "${t}", which the line does not say`, hint: 'remove it from intendedTerms', severity: 'warning' });
        } else if (!new RegExp(`(?<![\\w-])${escape(t)}(?![\\w-])`, 'i').test(feedbackText)) {
          problems.push({ file, line: line('lines', i, 'intendedTerms')(), rule: 'unaddressed-term', message: `node "${node.id}": the character says "${t}" on purpose, but no feedback at this node addresses it`, hint: `mention "${t}" (in quotation marks) in the feedback and say why it matters`, severity: 'warning' });
        }
      }
    });
    (node.choices ?? []).forEach((c, i) => {
      problems.push(...usedIn(c.feedback.consequence, `node "${node.id}" choice "${c.id}" consequence`, line('choices', i, 'feedback', 'consequence'), file, list));
      problems.push(...usedIn(c.feedback.reason, `node "${node.id}" choice "${c.id}" reason`, line('choices', i, 'feedback', 'reason'), file, list));
    });
    if (node.ending) {
      problems.push(...usedIn(node.ending.title, `ending "${node.id}" title`, line('ending', 'title'), file, list));
      problems.push(...usedIn(node.ending.summary, `ending "${node.id}" summary`, line('ending', 'summary'), file, list));
    }
  });
  return problems;
}

export function checkQuizLanguage(file: string, quiz: QuizDefinition, source: YamlSource, list: TermList): Problem[] {
  return quiz.questions.flatMap((q, i) => {
    const at = (...path: Array<string | number>) => () => source.lineOf(['questions', i, ...path]);
    return [
      ...usedIn(q.prompt, `question "${q.id}"`, at('prompt'), file, list),
      ...q.options.flatMap((o, j) => usedIn(o.text, `question "${q.id}" option ${String.fromCharCode(97 + j)}`, at('options', j, 'text'), file, list)),
      ...usedIn(q.explanation, `question "${q.id}" explanation`, at('explanation'), file, list),
    ];
  });
}

/** Lesson prose: the MDX body (without components) and the frontmatter's sentences. */
export function checkChartLanguage(file: string, chart: ChartDefinition, source: YamlSource, list: TermList): Problem[] {
  const at = (...path: Array<string | number>) => () => source.lineOf(path);
  const where = `chart "${chart.id}"`;
  return [
    ...usedIn(chart.title, `${where} title`, at('title'), file, list),
    ...usedIn(chart.summary, `${where} summary`, at('summary'), file, list),
    ...chart.bars.flatMap((b, i) => [
      ...usedIn(b.label, `${where} bar ${i + 1}`, at('bars', i, 'label'), file, list),
      ...usedIn(b.note, `${where} bar ${i + 1} note`, at('bars', i, 'note'), file, list),
    ]),
  ];
}

export function checkLessonLanguage(file: string, mdx: string, list: TermList): Problem[] {
  const lines = mdx.split('\n');
  const end = lines[0]?.trim() === '---' ? lines.indexOf('---', 1) : -1;
  const problems: Problem[] = [];
  // Frontmatter: only the sentences learners read (title, description, list items), by line.
  lines.slice(0, end + 1).forEach((raw, i) => {
    if (/^\s*(-\s|title:|description:)/.test(raw)) problems.push(...usedIn(raw, 'lesson frontmatter', () => i + 1, file, list));
  });
  // Body: by paragraph, so a quotation that wraps onto the next line still counts as one.
  const body = lines.slice(end + 1).join('\n').replace(/<[^>]*>/g, (tag) => ' '.repeat(tag.length));
  let offset = 0;
  for (const paragraph of body.split(/(\n\s*\n)/)) {
    const firstLine = end + 2 + body.slice(0, offset).split('\n').length - 1;
    for (const m of findTerms(paragraph, list.terms, list.names)) {
      if (m.quoted) continue;
      const line = firstLine + paragraph.slice(0, m.index).split('\n').length - 1;
      problems.push({ file, line, rule: 'language', message: `lesson text: ${advice(m)}`, hint: hint(m), severity: 'warning' });
    }
    offset += paragraph.length;
  }
  return problems;
}
