/**
 * Every rule a dialogue must satisfy to be built. The Astro loader, `npm run check` and the
 * tests all call `checkDialogue`, so there is one copy of the rules.
 */
import { basename } from 'node:path';
import { dialogue as dialogueSchema, type DialogueDefinition } from '../schemas/dialogue.ts';
import { findCycle, nodeMap, reachableFrom } from '../engine/dialogueGraph.ts';
import type { Problem } from './problem.ts';
import { schemaProblems } from './schemaProblems.ts';
import { parseYamlSource, type PathKey } from './yamlSource.ts';

export interface DialogueCheck {
  data?: DialogueDefinition;
  problems: Problem[];
}

export const DIALOGUE_SUFFIX = '.dialogue.yaml';

/**
 * Checks one dialogue file's text.
 * @param file path shown to the author (relative to the project root)
 * @param knownRefs ids in content/references.yaml
 */
export function checkDialogue(file: string, text: string, knownRefs: ReadonlySet<string>): DialogueCheck {
  const source = parseYamlSource(text);
  const problems: Problem[] = [];
  const error = (path: PathKey[], rule: string, message: string, hint?: string) =>
    problems.push({ file, line: source.lineOf(path), rule, message, hint, severity: 'error' });

  if (source.syntaxErrors.length) {
    return {
      problems: source.syntaxErrors.map((e) => ({ file, line: e.line, rule: 'yaml', message: e.message, severity: 'error' })),
    };
  }

  const raw = source.data as { nodes?: Array<{ id?: unknown }> } | undefined;
  const nodeName = (path: readonly PropertyKey[]) => {
    if (path[0] !== 'nodes' || typeof path[1] !== 'number') return undefined;
    const id = raw?.nodes?.[path[1]]?.id;
    return typeof id === 'string' ? id : `#${path[1] + 1}`;
  };
  const parsed = dialogueSchema.safeParse(source.data);
  if (!parsed.success) {
    problems.push(
      ...schemaProblems(parsed.error, file, source, nodeName, (issue) =>
        issue.path.at(-1) === 'feedback' ? 'missing-feedback' : 'schema',
      ),
    );
    return { problems };
  }
  const def = parsed.data;

  const expectedId = basename(file).endsWith(DIALOGUE_SUFFIX) ? basename(file).slice(0, -DIALOGUE_SUFFIX.length) : undefined;
  if (expectedId !== undefined && expectedId !== def.id) {
    error(['id'], 'file-name', `dialogue id "${def.id}" does not match the file name "${basename(file)}"`, `rename the file to ${def.id}${DIALOGUE_SUFFIX} or change the id`);
  }

  const characterIds = new Set<string>();
  def.characters.forEach((c, i) => {
    if (characterIds.has(c.id)) error(['characters', i, 'id'], 'duplicate-id', `character id "${c.id}" is used twice`);
    characterIds.add(c.id);
  });

  const seenNodes = new Set<string>();
  def.nodes.forEach((n, i) => {
    if (seenNodes.has(n.id)) error(['nodes', i, 'id'], 'duplicate-id', `node "${n.id}": the id is used by another node`, 'give each node its own id');
    seenNodes.add(n.id);
  });
  const nodes = nodeMap(def);

  if (!nodes.has(def.start)) error(['start'], 'unknown-next', `start "${def.start}" names no node`);

  def.nodes.forEach((n, i) => {
    const at = (...rest: PathKey[]) => ['nodes', i, ...rest];
    const hasChoices = Boolean(n.choices?.length);
    if (!hasChoices && !n.ending) error(at('id'), 'node-kind', `node "${n.id}" has neither choices nor an ending`, 'add choices, or an ending');
    if (hasChoices && n.ending) error(at('ending'), 'node-kind', `node "${n.id}" has both choices and an ending`, 'an ending node has no choices');
    n.lines?.forEach((l, j) => {
      if (!characterIds.has(l.speaker)) error(at('lines', j, 'speaker'), 'unknown-speaker', `node "${n.id}": speaker "${l.speaker}" is not in characters`);
    });
    const choiceIds = new Set<string>();
    n.choices?.forEach((c, j) => {
      if (choiceIds.has(c.id)) error(at('choices', j, 'id'), 'duplicate-id', `node "${n.id}": choice id "${c.id}" is used twice in this node`);
      choiceIds.add(c.id);
      if (!nodes.has(c.next)) error(at('choices', j, 'next'), 'unknown-next', `node "${n.id}": choice "${c.id}" leads to "${c.next}", which is not a node`, 'correct the id in `next`, or add the node');
      c.feedback.refs.forEach((r, k) => {
        if (!knownRefs.has(r)) error(at('choices', j, 'feedback', 'refs', k), 'unknown-reference', `node "${n.id}": choice "${c.id}" cites "${r}", which is not in content/references.yaml`);
      });
    });
  });

  if (nodes.has(def.start)) {
    const reachable = reachableFrom(nodes, def.start);
    def.nodes.forEach((n, i) => {
      if (!reachable.has(n.id)) error(['nodes', i, 'id'], 'unreachable', `node "${n.id}" cannot be reached from start "${def.start}"`, 'point a choice\'s `next` at it, or remove it');
    });
    const cycle = findCycle(nodes, def.start);
    if (cycle) {
      const first = def.nodes.findIndex((n) => n.id === cycle[0]);
      error(['nodes', Math.max(first, 0), 'id'], 'cycle', `node "${cycle[0]}" is on a loop: ${cycle.join(' → ')}`, 'a dialogue always moves forward: point one of these choices at a new node');
    }
  }

  return { data: problems.length ? undefined : def, problems };
}
