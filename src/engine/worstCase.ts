/**
 * The longest saved path code a dialogue can produce: on every node of the costliest path the
 * learner tries every choice, saving the one that leads on for last. Used to prove that saved
 * progress fits the platform's limit on the worst path, from the content itself.
 */
import type { DialogueDefinition } from '../schemas/dialogue.ts';
import { nodeMap } from './dialogueGraph.ts';
import { letterOf } from './progress.ts';

export function worstCaseCode(def: DialogueDefinition): string {
  const nodes = nodeMap(def);
  const memo = new Map<string, string>();
  const worst = (id: string): string => {
    const cached = memo.get(id);
    if (cached !== undefined) return cached;
    const node = nodes.get(id);
    let code = '';
    if (node?.choices?.length) {
      const options = node.choices.map((c, i) => {
        const others = node.choices!.map((_, j) => j).filter((j) => j !== i).map(letterOf).join('');
        return `${others}${letterOf(i)}.${worst(c.next)}`;
      });
      code = options.reduce((a, b) => (b.length > a.length ? b : a));
    }
    memo.set(id, code);
    return code;
  };
  return worst(def.start);
}
