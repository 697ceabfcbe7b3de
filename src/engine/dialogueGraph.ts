/**
 * Pure graph questions about a dialogue definition: who follows whom, what can be reached,
 * whether it loops, and how many decisions lie ahead. Used by the content rules, the player's
 * progress display and the content-generated tests.
 */
import type { DialogueDefinition, DialogueNode } from '../schemas/dialogue.ts';

export type NodeMap = Map<string, DialogueNode>;

export function nodeMap(def: Pick<DialogueDefinition, 'nodes'>): NodeMap {
  return new Map(def.nodes.map((n) => [n.id, n]));
}

/** Distinct next-node ids of a node, in choice order. */
export function successors(node: DialogueNode): string[] {
  return [...new Set((node.choices ?? []).map((c) => c.next))];
}

/** Node ids reachable from `start` (including it), following only nexts that exist. */
export function reachableFrom(nodes: NodeMap, start: string): Set<string> {
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length) {
    const id = stack.pop()!;
    const node = nodes.get(id);
    if (!node || seen.has(id)) continue;
    seen.add(id);
    stack.push(...successors(node));
  }
  return seen;
}

/** One cycle as a list of node ids (first repeated at the end), or null when acyclic. */
export function findCycle(nodes: NodeMap, start: string): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const trail: string[] = [];
  const visit = (id: string): string[] | null => {
    const node = nodes.get(id);
    if (!node) return null;
    const s = state.get(id);
    if (s === 'done') return null;
    if (s === 'open') return [...trail.slice(trail.indexOf(id)), id];
    state.set(id, 'open');
    trail.push(id);
    for (const next of successors(node)) {
      const found = visit(next);
      if (found) return found;
    }
    trail.pop();
    state.set(id, 'done');
    return null;
  };
  for (const id of [start, ...nodes.keys()]) {
    const found = visit(id);
    if (found) return found;
  }
  return null;
}

/**
 * For an acyclic dialogue: the fewest and most decisions from each node (counting it) to any
 * ending. Nodes whose nexts are missing count as dead ends (0 further decisions).
 */
export function decisionsToEnd(nodes: NodeMap): Map<string, { min: number; max: number }> {
  const memo = new Map<string, { min: number; max: number }>();
  const walk = (id: string): { min: number; max: number } => {
    const known = memo.get(id);
    if (known) return known;
    const node = nodes.get(id);
    let result = { min: 0, max: 0 };
    if (node?.choices?.length) {
      const after = successors(node).map(walk);
      result = {
        min: 1 + Math.min(...after.map((a) => a.min)),
        max: 1 + Math.max(...after.map((a) => a.max)),
      };
    }
    memo.set(id, result);
    return result;
  };
  for (const id of nodes.keys()) walk(id);
  return memo;
}

/**
 * Every path from start to an ending, as lists of [nodeId, choiceId] steps. Exponential in the
 * worst case; dialogues are small and acyclic, and `limit` guards against a runaway graph.
 */
export function allPaths(
  def: DialogueDefinition,
  limit = 100_000,
): Array<Array<{ node: string; choice: string }>> {
  const nodes = nodeMap(def);
  const out: Array<Array<{ node: string; choice: string }>> = [];
  const walk = (id: string, path: Array<{ node: string; choice: string }>) => {
    if (out.length >= limit) throw new Error(`dialogue "${def.id}" has more than ${limit} paths`);
    const node = nodes.get(id);
    if (!node) return;
    if (!node.choices?.length) {
      out.push(path);
      return;
    }
    for (const c of node.choices) walk(c.next, [...path, { node: id, choice: c.id }]);
  };
  walk(def.start, []);
  return out;
}

/**
 * A few paths that between them visit every node (and so every ending): greedily, the path
 * that adds the most unvisited nodes, until none is left. Used to walk every state of a
 * dialogue in one page load.
 */
export function coveringPaths(def: DialogueDefinition): Array<Array<{ node: string; choice: string }>> {
  const nodes = nodeMap(def);
  const visits = (path: Array<{ node: string; choice: string }>) => {
    const last = path.at(-1);
    const end = last ? nodes.get(last.node)?.choices?.find((c) => c.id === last.choice)?.next : def.start;
    return [...path.map((s) => s.node), ...(end ? [end] : [])];
  };
  const candidates = allPaths(def).map((p) => ({ path: p, visits: visits(p) }));
  const unvisited = new Set(nodes.keys());
  const chosen: Array<Array<{ node: string; choice: string }>> = [];
  while (unvisited.size > 0) {
    let best: (typeof candidates)[number] | undefined;
    let bestGain = 0;
    for (const c of candidates) {
      const gain = new Set(c.visits.filter((n) => unvisited.has(n))).size;
      if (gain > bestGain) [best, bestGain] = [c, gain];
    }
    if (!best) break; // the rest cannot be reached; the content rules report that
    chosen.push(best.path);
    for (const n of best.visits) unvisited.delete(n);
  }
  return chosen;
}

/** The choices of the best path: the best answer at each decision (the first at an open question). */
export function bestPathChoices(def: DialogueDefinition): string[] {
  const nodes = nodeMap(def);
  const out: string[] = [];
  let node = nodes.get(def.start);
  while (node?.choices?.length && out.length < def.nodes.length) {
    const choice = node.choices.find((c) => c.quality === 'best') ?? node.choices[0]!;
    out.push(choice.id);
    node = nodes.get(choice.next);
  }
  return out;
}
