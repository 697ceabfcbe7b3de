/**
 * A walkthrough as text: what the learner reads along a path of choices (narration, each
 * character's lines, the learner's answer, the ending). Golden transcripts saved beside a
 * dialogue are compared with this, so any change to a dialogue shows as a readable diff.
 */
import { createActor } from 'xstate';
import type { DialogueDefinition } from '../schemas/dialogue.ts';
import { createDialogueMachine, viewOf, type DialogueSnapshot } from './createDialogueMachine.ts';

export function transcript(def: DialogueDefinition, choices: string[]): string[] {
  const names = new Map(def.characters.map((c) => [c.id, c.name]));
  const actor = createActor(createDialogueMachine(def)).start();
  const out: string[] = [];
  const say = (snapshot: DialogueSnapshot) => {
    const { node } = viewOf(def, snapshot);
    if (node.narration) out.push(`Narrator: ${node.narration}`);
    for (const l of node.lines ?? []) out.push(`${names.get(l.speaker) ?? l.speaker}: ${l.text}`);
    if (node.ending) out.push(`Ending (${node.ending.outcome}): ${node.ending.title}`);
  };
  say(actor.getSnapshot());
  for (const [i, id] of choices.entries()) {
    const view = viewOf(def, actor.getSnapshot());
    const choice = view.node.choices?.find((c) => c.id === id);
    if (view.phase !== 'choosing' || !choice) {
      out.push(`(choice ${i + 1}, "${id}", is not available at node "${view.node.id}")`);
      return out;
    }
    out.push(`You: ${choice.label}`);
    actor.send({ type: 'CHOOSE', choice: id });
    actor.send({ type: 'CONTINUE' });
    say(actor.getSnapshot());
  }
  return out;
}
