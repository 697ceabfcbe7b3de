/**
 * The order of a script's scenes (src/lib/script.ts) on shapes the real content may not have
 * yet: a branch that rejoins further on, and (refused by the rules, but never dropped) a cycle.
 */
import { describe, expect, test } from 'vitest';
import { dialogueScript } from '../../src/lib/script.ts';
import type { DialogueDefinition, DialogueNode } from '../../src/schemas/dialogue.ts';

const decision = (id: string, ...nexts: string[]): DialogueNode => ({
  id,
  choices: nexts.map((next, i) => ({
    id: `to-${next}-${i}`,
    label: `Go to ${next}`,
    quality: i === 0 ? 'best' : 'harmful',
    feedback: { consequence: `You go to ${next}.`, reason: 'Because.', refs: ['ref-one'] },
    next,
  })),
});
const ending = (id: string): DialogueNode => ({ id, ending: { outcome: 'good', title: `End ${id}`, summary: 'Done.' } });
const dialogue = (nodes: DialogueNode[]): DialogueDefinition => ({
  schemaVersion: 1,
  id: 'shape',
  title: 'Shape',
  summary: 'A shape.',
  characters: [{ id: 'p', name: 'P', role: 'Patient' }],
  start: 'start',
  nodes,
});

describe('scene order', () => {
  test('a branch that rejoins: the shared scene comes after every scene that leads to it', () => {
    // start → (middle, detour); detour → middle; middle → end-a. Breadth-first alone would put
    // middle before detour, so detour's "goes to" would point back up the page.
    const script = dialogueScript(
      dialogue([decision('start', 'middle', 'detour', 'end-b'), decision('middle', 'end-a', 'end-b'), decision('detour', 'middle', 'end-b'), ending('end-a'), ending('end-b')]),
    );
    expect(script.scenes.map((s) => [s.node, s.heading])).toEqual([
      ['start', 'Scene 1'],
      ['detour', 'Scene 2'],
      ['middle', 'Scene 3'],
      ['end-b', 'Ending 1. A good outcome: End end-b'],
      ['end-a', 'Ending 2. A good outcome: End end-a'],
    ]);
    expect(script.scenes.find((s) => s.node === 'middle')!.reachedFrom.map((r) => [r.from.heading, r.letters])).toEqual([
      ['Scene 1', ['A']],
      ['Scene 2', ['A']],
    ]);
    expect(script.scenes.find((s) => s.node === 'end-b')!.reachedFrom.map((r) => [r.from.heading, r.letters])).toEqual([
      ['Scene 1', ['C']],
      ['Scene 2', ['B']],
      ['Scene 3', ['B']],
    ]);
  });

  test('a cycle (which the content rules refuse) still lists every node once', () => {
    const script = dialogueScript(dialogue([decision('start', 'loop', 'end'), decision('loop', 'start', 'end'), ending('end')]));
    expect(script.scenes.map((s) => s.node)).toEqual(['start', 'loop', 'end']);
  });
});
