/**
 * A dialogue definition becomes an XState v5 machine. Pure: no DOM, no timers, no SCORM, no
 * invoke/after, so `xstate/graph` can walk it and the tests can replay it. The player renders
 * snapshots and sends events; saving happens in a subscriber outside the machine.
 *
 * States: one per node. A decision node has `choosing` and `feedback` sub-states; an ending
 * node is a leaf tagged `ending` (not `final`, so the learner can restart it).
 */
import { assign, setup, type SnapshotFrom } from 'xstate';
import type { DialogueChoice, DialogueDefinition, DialogueNode } from '../schemas/dialogue.ts';
import { nodeMap } from './dialogueGraph.ts';

/** One node visited on the way: the choices tried there, in order (the first is recorded). */
export interface Step {
  node: string;
  tried: string[];
}

export interface DialogueContext {
  /** The path so far; the last step is where the learner is now. */
  steps: Step[];
}

export type DialogueEvent =
  /** Pick a choice at the current decision (one not tried there before). */
  | { type: 'CHOOSE'; choice: string }
  /** From feedback, go back and try another answer at the same node. */
  | { type: 'RETRY' }
  /** From feedback, go on to the node the selected choice leads to. */
  | { type: 'CONTINUE' }
  /** Start the dialogue again from the beginning. */
  | { type: 'RESTART' };

const stateId = (nodeId: string) => `n-${nodeId}`;

export function createDialogueMachine(def: DialogueDefinition) {
  const nodes = nodeMap(def);
  const here = (ctx: DialogueContext) => ctx.steps[ctx.steps.length - 1]!;
  const choicesHere = (ctx: DialogueContext) => nodes.get(here(ctx).node)?.choices ?? [];

  const states: Record<string, object> = {};
  for (const n of def.nodes) {
    if (!n.choices?.length) {
      states[n.id] = { id: stateId(n.id), tags: ['ending'] };
      continue;
    }
    const nexts = [...new Set(n.choices.map((c) => c.next))];
    states[n.id] = {
      id: stateId(n.id),
      tags: ['decision'],
      initial: 'choosing',
      states: {
        choosing: {
          tags: ['choosing'],
          on: { CHOOSE: { guard: 'isOpenChoice', target: 'feedback', actions: 'recordChoice' } },
        },
        feedback: {
          tags: ['feedback'],
          on: {
            RETRY: { guard: 'hasOpenChoice', target: 'choosing' },
            CONTINUE: nexts.map((next) => ({
              guard: { type: 'selectedLeadsTo', params: { next } },
              target: `#${stateId(next)}`,
              actions: { type: 'enterNode', params: { node: next } },
            })),
          },
        },
      },
    };
  }

  return setup({
    types: {} as { context: DialogueContext; events: DialogueEvent },
    guards: {
      isOpenChoice: ({ context, event }) =>
        event.type === 'CHOOSE' &&
        choicesHere(context).some((c) => c.id === event.choice) &&
        !here(context).tried.includes(event.choice),
      hasOpenChoice: ({ context }) => choicesHere(context).some((c) => !here(context).tried.includes(c.id)),
      selectedLeadsTo: ({ context }, params: { next: string }) => {
        const selected = here(context).tried.at(-1);
        return choicesHere(context).find((c) => c.id === selected)?.next === params.next;
      },
    },
    actions: {
      recordChoice: assign({
        steps: ({ context, event }) => {
          if (event.type !== 'CHOOSE') return context.steps;
          const last = here(context);
          return [...context.steps.slice(0, -1), { node: last.node, tried: [...last.tried, event.choice] }];
        },
      }),
      enterNode: assign({
        steps: ({ context }, params: { node: string }) => [...context.steps, { node: params.node, tried: [] }],
      }),
      reset: assign({ steps: () => [{ node: def.start, tried: [] }] }),
    },
  }).createMachine({
    id: `dialogue-${def.id}`,
    context: { steps: [{ node: def.start, tried: [] }] },
    initial: def.start,
    on: { RESTART: { target: `.${def.start}`, actions: 'reset' } },
    // The node states are built from data, so their shape cannot be known to the type checker.
    states: states as never,
  });
}

export type DialogueMachine = ReturnType<typeof createDialogueMachine>;
export type DialogueSnapshot = SnapshotFrom<DialogueMachine>;

/** What the player needs from a snapshot, derived in one place. */
export interface DialogueView {
  node: DialogueNode;
  /** Where the learner is within the node. */
  phase: 'choosing' | 'feedback' | 'ending';
  /** The choice whose feedback is showing (phase `feedback`). */
  selected?: DialogueChoice;
  /** The choice recorded at this node: the first one tried. */
  recorded?: DialogueChoice;
  /** Choices already tried at this node. */
  tried: string[];
}

export function viewOf(def: DialogueDefinition, snapshot: DialogueSnapshot): DialogueView {
  const nodes = nodeMap(def);
  const step = snapshot.context.steps[snapshot.context.steps.length - 1]!;
  const node = nodes.get(step.node)!;
  const byId = (id: string | undefined) => node.choices?.find((c) => c.id === id);
  const phase = snapshot.hasTag('ending') ? 'ending' : snapshot.hasTag('feedback') ? 'feedback' : 'choosing';
  return {
    node,
    phase,
    selected: phase === 'feedback' ? byId(step.tried.at(-1)) : undefined,
    recorded: byId(step.tried[0]),
    tried: step.tried,
  };
}
