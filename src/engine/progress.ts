/**
 * The saved form of a dialogue in progress: the choices tried, replayed through the machine on
 * resume (never a serialised snapshot). One letter per choice tried, by its position in the
 * node's `choices` (a = first); a dot each time the learner continued to the next node.
 *
 *   "ca.b"   at the first node tried c then a, continued with a; at the second node chose b
 *            and is reading its feedback
 *   "ca.b."  …continued with b and is now at the third node
 */
import { createActor } from 'xstate';
import type { DialogueDefinition } from '../schemas/dialogue.ts';
import { createDialogueMachine, type DialogueMachine, type Step } from './createDialogueMachine.ts';
import { nodeMap } from './dialogueGraph.ts';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

export const letterOf = (index: number) => LETTERS[index]!;
export const indexOf = (letter: string) => LETTERS.indexOf(letter);

export function encodeSteps(def: DialogueDefinition, steps: readonly Step[]): string {
  const nodes = nodeMap(def);
  return steps
    .map((s) => {
      const choices = nodes.get(s.node)?.choices ?? [];
      return s.tried.map((id) => letterOf(choices.findIndex((c) => c.id === id))).join('');
    })
    .join('.');
}

export interface Replay {
  actor: ReturnType<typeof createActor<DialogueMachine>>;
  /** The longest prefix of the code that the current dialogue accepted. */
  applied: string;
  /** True when the whole code was accepted. */
  complete: boolean;
}

/**
 * Replays a saved code into a started actor. Stops at the first letter the dialogue does not
 * accept (content changed, or the code is corrupt), leaving the learner at the last valid point.
 */
export function replay(def: DialogueDefinition, code: string, machine: DialogueMachine = createDialogueMachine(def)): Replay {
  const actor = createActor(machine).start();
  const nodes = nodeMap(def);
  let applied = '';
  const ok = /^[a-z.]*$/.test(code);
  if (ok) {
    for (const ch of code) {
      const before = actor.getSnapshot();
      const steps = before.context.steps;
      const step = steps[steps.length - 1]!;
      if (ch === '.') {
        actor.send({ type: 'CONTINUE' });
      } else {
        const choice = nodes.get(step.node)?.choices?.[indexOf(ch)];
        if (!choice) break;
        if (before.hasTag('feedback')) actor.send({ type: 'RETRY' });
        actor.send({ type: 'CHOOSE', choice: choice.id });
      }
      if (actor.getSnapshot() === before || encodeSteps(def, actor.getSnapshot().context.steps) !== applied + ch) break;
      applied += ch;
    }
  }
  return { actor, applied, complete: ok && applied === code };
}
