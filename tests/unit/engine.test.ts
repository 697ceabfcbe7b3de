import { describe, expect, test } from 'vitest';
import { createActor } from 'xstate';
import { createDialogueMachine, viewOf } from '../../src/engine/createDialogueMachine.ts';
import { allPaths, decisionsToEnd, nodeMap } from '../../src/engine/dialogueGraph.ts';
import { encodeSteps, replay } from '../../src/engine/progress.ts';
import { fixtureDialogue } from './helpers.ts';

const def = fixtureDialogue();
const start = () => createActor(createDialogueMachine(def)).start();

describe('the dialogue machine', () => {
  test('starts at the start node, choosing', () => {
    const actor = start();
    const view = viewOf(def, actor.getSnapshot());
    expect(actor.getSnapshot().value).toEqual({ first: 'choosing' });
    expect(view.phase).toBe('choosing');
    expect(view.node.id).toBe('first');
    expect(actor.getSnapshot().context.steps).toEqual([{ node: 'first', tried: [] }]);
  });

  test('a choice shows its feedback and records it as the first answer', () => {
    const actor = start();
    actor.send({ type: 'CHOOSE', choice: 'curt' });
    const view = viewOf(def, actor.getSnapshot());
    expect(view.phase).toBe('feedback');
    expect(view.selected?.id).toBe('curt');
    expect(view.recorded?.id).toBe('curt');
  });

  test('trying another answer keeps the first one recorded, and Continue follows the one shown', () => {
    const actor = start();
    actor.send({ type: 'CHOOSE', choice: 'curt' });
    actor.send({ type: 'RETRY' });
    expect(viewOf(def, actor.getSnapshot()).phase).toBe('choosing');
    actor.send({ type: 'CHOOSE', choice: 'kind' });
    const view = viewOf(def, actor.getSnapshot());
    expect(view.recorded?.id).toBe('curt');
    expect(view.selected?.id).toBe('kind');
    actor.send({ type: 'CONTINUE' });
    expect(actor.getSnapshot().value).toEqual({ second: 'choosing' });
    expect(actor.getSnapshot().context.steps).toEqual([
      { node: 'first', tried: ['curt', 'kind'] },
      { node: 'second', tried: [] },
    ]);
  });

  test('ignores events that make no sense where the learner is', () => {
    const actor = start();
    const before = actor.getSnapshot();
    actor.send({ type: 'CONTINUE' });
    actor.send({ type: 'RETRY' });
    actor.send({ type: 'CHOOSE', choice: 'listen' }); // belongs to another node
    actor.send({ type: 'CHOOSE', choice: 'nonsense' });
    expect(actor.getSnapshot().context).toEqual(before.context);
    actor.send({ type: 'CHOOSE', choice: 'kind' });
    actor.send({ type: 'CHOOSE', choice: 'curt' }); // no choosing while reading feedback
    expect(viewOf(def, actor.getSnapshot()).selected?.id).toBe('kind');
    actor.send({ type: 'RETRY' });
    actor.send({ type: 'CHOOSE', choice: 'kind' }); // already tried here
    expect(viewOf(def, actor.getSnapshot()).phase).toBe('choosing');
  });

  test('no retry once every choice at a node has been tried', () => {
    const actor = start();
    actor.send({ type: 'CHOOSE', choice: 'kind' });
    actor.send({ type: 'RETRY' });
    actor.send({ type: 'CHOOSE', choice: 'curt' });
    actor.send({ type: 'RETRY' });
    expect(viewOf(def, actor.getSnapshot()).phase).toBe('feedback');
  });

  test('reaches an ending, which is not final so the learner can restart', () => {
    const actor = start();
    actor.send({ type: 'CHOOSE', choice: 'curt' });
    actor.send({ type: 'CONTINUE' });
    const snapshot = actor.getSnapshot();
    expect(snapshot.hasTag('ending')).toBe(true);
    expect(snapshot.status).toBe('active');
    expect(viewOf(def, snapshot).node.ending?.outcome).toBe('poor');
    actor.send({ type: 'RESTART' });
    expect(actor.getSnapshot().value).toEqual({ first: 'choosing' });
    expect(actor.getSnapshot().context.steps).toEqual([{ node: 'first', tried: [] }]);
  });
});

describe('saved path codes', () => {
  test('encode one letter per choice tried and a dot per continue', () => {
    const actor = start();
    actor.send({ type: 'CHOOSE', choice: 'curt' });
    actor.send({ type: 'RETRY' });
    actor.send({ type: 'CHOOSE', choice: 'kind' });
    expect(encodeSteps(def, actor.getSnapshot().context.steps)).toBe('ba');
    actor.send({ type: 'CONTINUE' });
    expect(encodeSteps(def, actor.getSnapshot().context.steps)).toBe('ba.');
    actor.send({ type: 'CHOOSE', choice: 'lecture' });
    actor.send({ type: 'CONTINUE' });
    expect(encodeSteps(def, actor.getSnapshot().context.steps)).toBe('ba.b.');
  });

  test('replay restores the exact node, phase and answers', () => {
    for (const code of ['', 'a', 'ba', 'ba.', 'ba.b', 'ba.ba.', 'b.']) {
      const { actor, complete, applied } = replay(def, code);
      expect(complete, code).toBe(true);
      expect(applied).toBe(code);
      expect(encodeSteps(def, actor.getSnapshot().context.steps)).toBe(code);
    }
    expect(viewOf(def, replay(def, 'ba.b').actor.getSnapshot())).toMatchObject({ phase: 'feedback', selected: { id: 'lecture' }, recorded: { id: 'lecture' } });
  });

  test('replay of a code the dialogue no longer matches stops at the last valid point', () => {
    expect(replay(def, 'a.z.')).toMatchObject({ applied: 'a.', complete: false });
    expect(replay(def, 'aa')).toMatchObject({ applied: 'a', complete: false }); // same choice twice
    expect(replay(def, '..')).toMatchObject({ applied: '', complete: false });
    expect(replay(def, 'a.a.a')).toMatchObject({ applied: 'a.a.', complete: false }); // past the ending
    expect(replay(def, '{"x":1}')).toMatchObject({ applied: '', complete: false });
  });
});

describe('the dialogue graph', () => {
  test('lists every path to an ending', () => {
    expect(allPaths(def).map((p) => p.map((s) => s.choice).join(' '))).toEqual(['kind listen', 'kind lecture', 'curt']);
  });

  test('knows the fewest and most decisions ahead of each node', () => {
    const ahead = decisionsToEnd(nodeMap(def));
    expect(ahead.get('first')).toEqual({ min: 1, max: 2 });
    expect(ahead.get('second')).toEqual({ min: 1, max: 1 });
    expect(ahead.get('ending-good')).toEqual({ min: 0, max: 0 });
  });
});
