/**
 * A dialogue as a printable script: the cast, then every scene with what is said, every answer
 * with its rating, what happens, why and its sources, and where it goes, then every ending.
 *
 * Why: the player shows one path at a time, but tutors running a seminar and students writing
 * about the course need every branch on paper. Generating the script from the same definition
 * the player runs means it can never drift from the lesson, and a new dialogue gets its script
 * with no extra work. Ratings and outcomes use the player's own words (`islands/labels.ts`).
 *
 * Pure: a definition in, a plain structure out. The page (`pages/scripts/[lesson].astro`)
 * renders it and numbers the sources against the lesson's reference list.
 *
 * Order: the start first; then the other decisions so that every "goes to" points further
 * down the page (a topological order, ties broken by how soon a breadth-first walk from the
 * start meets each node, which keeps nearby branches together); then the endings, in the order
 * that walk meets them. Decisions are numbered "Scene 1, 2, …" and endings "Ending 1, 2, …".
 */
import { OUTCOME_LABEL, QUALITY_LABEL } from '../islands/labels.ts';
import { nodeMap, successors } from '../engine/dialogueGraph.ts';
import type { Character, DialogueDefinition, DialogueNode, Outcome, Quality } from '../schemas/dialogue.ts';

/** The question the player shows above the choices when a node gives none. */
export const DEFAULT_PROMPT = 'What do you do?';

/** The in-page anchor of a scene. Ids are kebab-case (single hyphens), so "--" cannot clash. */
export const sceneAnchor = (dialogueId: string, nodeId: string) => `${dialogueId}--${nodeId}`;

/** Answers are lettered A, B, C… in the order the player lists them. */
export const answerLetter = (index: number) => String.fromCharCode(65 + index);

/** A pointer to a scene: its node, its anchor and the heading it is shown under. */
export interface SceneRef {
  node: string;
  anchor: string;
  /** "Scene 4" or "Ending 2. A good outcome: Tom comes back". */
  heading: string;
}

export interface ScriptLine {
  speakerId: string;
  /** The character's name (their role is given once, in the cast). */
  speaker: string;
  text: string;
}

export interface ScriptChoice {
  id: string;
  /** "A", "B", … in the player's order. */
  letter: string;
  label: string;
  quality: Quality;
  /** The rating in the player's words, e.g. "Best response". */
  rating: string;
  consequence: string;
  reason: string;
  /** Reference ids, in the order the content gives them. */
  refs: string[];
  goesTo: SceneRef;
}

export interface ScriptEnding {
  outcome: Outcome;
  /** The outcome in the player's words, e.g. "A good outcome". */
  outcomeLabel: string;
  title: string;
  summary: string;
}

export interface ScriptScene extends SceneRef {
  kind: 'decision' | 'ending';
  /** Position among scenes of its kind, from 1. */
  number: number;
  isStart: boolean;
  narration?: string;
  lines: ScriptLine[];
  /** Decisions: the question above the answers (the player's default when the node has none). */
  prompt?: string;
  choices: ScriptChoice[];
  ending?: ScriptEnding;
  /** The scenes and answers that lead here, in script order (empty for the start). */
  reachedFrom: Array<{ from: SceneRef; letters: string[] }>;
}

export interface DialogueScript {
  id: string;
  title: string;
  summary: string;
  cast: Character[];
  /** Decisions first (the start at the top), then endings. */
  scenes: ScriptScene[];
}

/** Node ids in the order a breadth-first walk from the start meets them; unreachable ones after, in file order. */
function discoveryOrder(def: DialogueDefinition): string[] {
  const nodes = nodeMap(def);
  const seen = new Set<string>();
  const queue = nodes.has(def.start) ? [def.start] : [];
  for (const id of queue) seen.add(id);
  for (let i = 0; i < queue.length; i++) {
    for (const next of successors(nodes.get(queue[i]!)!)) {
      if (nodes.has(next) && !seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return [...queue, ...def.nodes.map((n) => n.id).filter((id) => !seen.has(id))];
}

/** Decisions in topological order (ties by discovery), then endings by discovery. */
function sceneOrder(def: DialogueDefinition): DialogueNode[] {
  const rank = new Map(discoveryOrder(def).map((id, i) => [id, i]));
  const byRank = (a: DialogueNode, b: DialogueNode) => rank.get(a.id)! - rank.get(b.id)!;
  const isEnding = (n: DialogueNode) => !n.choices?.length;
  const decisions = def.nodes.filter((n) => !isEnding(n));
  const waiting = new Map(decisions.map((n) => [n.id, 0]));
  for (const n of decisions) for (const next of successors(n)) if (waiting.has(next)) waiting.set(next, waiting.get(next)! + 1);
  const ordered: DialogueNode[] = [];
  const left = new Set(decisions);
  while (left.size) {
    const ready = [...left].filter((n) => waiting.get(n.id) === 0).sort(byRank);
    // Only a cycle leaves nothing ready; the content rules refuse cycles, but never drop a node.
    const next = ready[0] ?? [...left].sort(byRank)[0]!;
    ordered.push(next);
    left.delete(next);
    for (const s of successors(next)) if (waiting.has(s)) waiting.set(s, waiting.get(s)! - 1);
  }
  return [...ordered, ...def.nodes.filter(isEnding).sort(byRank)];
}

export function dialogueScript(def: DialogueDefinition): DialogueScript {
  const names = new Map(def.characters.map((c) => [c.id, c.name]));
  const order = sceneOrder(def);

  const counts = { decision: 0, ending: 0 };
  const numbers = new Map<string, number>();
  const refs = new Map<string, SceneRef>();
  for (const node of order) {
    const n = node.choices?.length ? ++counts.decision : ++counts.ending;
    numbers.set(node.id, n);
    const heading = node.choices?.length
      ? `Scene ${n}`
      : `Ending ${n}. ${node.ending ? `${OUTCOME_LABEL[node.ending.outcome]}: ${node.ending.title}` : ''}`.trim();
    refs.set(node.id, { node: node.id, anchor: sceneAnchor(def.id, node.id), heading });
  }
  // A `next` naming no node is refused by the content rules; point at the id rather than fail.
  const refTo = (id: string): SceneRef => refs.get(id) ?? { node: id, anchor: sceneAnchor(def.id, id), heading: id };

  const reachedFrom = new Map<string, Array<{ from: SceneRef; letters: string[] }>>();
  for (const node of order) {
    (node.choices ?? []).forEach((c, i) => {
      const list = reachedFrom.get(c.next) ?? [];
      const entry = list.find((e) => e.from.node === node.id);
      if (entry) entry.letters.push(answerLetter(i));
      else list.push({ from: refTo(node.id), letters: [answerLetter(i)] });
      reachedFrom.set(c.next, list);
    });
  }

  const scenes = order.map((node): ScriptScene => {
    const isDecision = Boolean(node.choices?.length);
    return {
      ...refTo(node.id),
      kind: isDecision ? 'decision' : 'ending',
      number: numbers.get(node.id)!,
      isStart: node.id === def.start,
      narration: node.narration,
      lines: (node.lines ?? []).map((l) => ({ speakerId: l.speaker, speaker: names.get(l.speaker) ?? l.speaker, text: l.text })),
      prompt: isDecision ? (node.prompt ?? DEFAULT_PROMPT) : undefined,
      choices: (node.choices ?? []).map((c, i) => ({
        id: c.id,
        letter: answerLetter(i),
        label: c.label,
        quality: c.quality,
        rating: QUALITY_LABEL[c.quality],
        consequence: c.feedback.consequence,
        reason: c.feedback.reason,
        refs: [...c.feedback.refs],
        goesTo: refTo(c.next),
      })),
      ending: node.ending && {
        outcome: node.ending.outcome,
        outcomeLabel: OUTCOME_LABEL[node.ending.outcome],
        title: node.ending.title,
        summary: node.ending.summary,
      },
      reachedFrom: reachedFrom.get(node.id) ?? [],
    };
  });

  return { id: def.id, title: def.title, summary: def.summary, cast: def.characters.map((c) => ({ ...c })), scenes };
}
