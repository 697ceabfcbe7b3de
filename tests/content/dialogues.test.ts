/**
 * Tests generated from the real content: every dialogue in content/lessons is checked here
 * without anyone writing a test for it.
 */
import { describe, expect, test } from 'vitest';
import { createActor, getNextSnapshot } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { createDialogueMachine, viewOf, type DialogueEvent, type DialogueSnapshot } from '../../src/engine/createDialogueMachine.ts';
import { allPaths, coveringPaths, nodeMap } from '../../src/engine/dialogueGraph.ts';
import { encodeSteps, replay } from '../../src/engine/progress.ts';
import { worstCaseCode } from '../../src/engine/worstCase.ts';
import { content } from './contentFixture.ts';

/** Events a learner can send from a snapshot (RETRY is covered by the worst-case replay). */
function learnerEvents(def: (typeof content.dialogues)[number]['definition']) {
  return (snapshot: DialogueSnapshot): DialogueEvent[] => {
    const view = viewOf(def, snapshot);
    if (view.phase === 'choosing') return (view.node.choices ?? []).map((c) => ({ type: 'CHOOSE', choice: c.id }));
    if (view.phase === 'feedback') return [{ type: 'CONTINUE' }];
    return [];
  };
}

test('there is content to test', () => {
  expect(content.dialogues.length).toBeGreaterThan(0);
});

describe.each(content.dialogues.map((d) => ({ ...d, name: `${d.lesson}/${d.definition.id}` })))('dialogue $name', ({ definition: def }) => {
  const machine = createDialogueMachine(def);
  const paths = allPaths(def);

  test('every node is reachable through the machine (xstate/graph)', () => {
    const reached = new Set(
      getShortestPaths(machine, {
        events: learnerEvents(def),
        // The node and the answer on screen identify what the learner sees; Continue follows it.
        serializeState: (s) => JSON.stringify([s.value, (s as DialogueSnapshot).context.steps.at(-1)]),
      }).map((p) => viewOf(def, p.state as DialogueSnapshot).node.id),
    );
    expect([...reached].sort()).toEqual(def.nodes.map((n) => n.id).sort());
  });

  test('a few covering paths visit every node (the browser audit walks these)', () => {
    const visited = new Set<string>();
    for (const path of coveringPaths(def)) {
      for (const step of path) visited.add(step.node);
      const last = path.at(-1)!;
      visited.add(nodeMap(def).get(last.node)!.choices!.find((c) => c.id === last.choice)!.next);
    }
    expect([...visited].sort()).toEqual(def.nodes.map((n) => n.id).sort());
  });

  test('every path through the machine reaches an ending', () => {
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      const actor = createActor(machine).start();
      for (const step of path) {
        actor.send({ type: 'CHOOSE', choice: step.choice });
        actor.send({ type: 'CONTINUE' });
      }
      expect(actor.getSnapshot().hasTag('ending'), path.map((s) => s.choice).join(' → ')).toBe(true);
    }
  });

  test('has the shape LESSON-RULES asks for: ≥ 6 decisions, ≥ 3 endings, every path ≥ 4 decisions', () => {
    const decisions = def.nodes.filter((n) => n.choices?.length).length;
    const endings = def.nodes.filter((n) => n.ending);
    expect(decisions).toBeGreaterThanOrEqual(6);
    expect(endings.length).toBeGreaterThanOrEqual(3);
    const shortest = Math.min(...paths.map((p) => p.length));
    expect(shortest, 'shortest path (decisions)').toBeGreaterThanOrEqual(4);
    for (const e of endings) expect(paths.some((p) => nodeMap(def).get(p.at(-1)!.node)!.choices!.find((c) => c.id === p.at(-1)!.choice)!.next === e.id), e.id).toBe(true);
  });

  // Replays thousands of prefixes: seconds of work on a loaded 2-core machine, so it gets more
  // than the default 5 s before it counts as a failure.
  test('every path survives a save and resume at every step', () => {
    // Paths share their beginnings, so walk the tree of paths once, depth first, and check each
    // distinct point (every prefix of every path) once: the same cover, far fewer replays.
    let checked = 0;
    const walk = (snapshot: DialogueSnapshot) => {
      for (const event of learnerEvents(def)(snapshot)) {
        const after = getNextSnapshot(machine, snapshot, event) as DialogueSnapshot;
        const code = encodeSteps(def, after.context.steps);
        const resumed = replay(def, code, machine);
        expect(resumed.complete, code).toBe(true);
        expect(resumed.actor.getSnapshot().value, code).toEqual(after.value);
        expect(resumed.actor.getSnapshot().context, code).toEqual(after.context);
        checked++;
        walk(after);
      }
    };
    walk(createActor(machine).getSnapshot());
    // Every path contributes at least its final Continue, so there are at least as many points as paths.
    expect(checked).toBeGreaterThanOrEqual(paths.length);
  }, 30_000);

  test('the worst-case saved path is a real path that replays to an ending', () => {
    const code = worstCaseCode(def);
    const resumed = replay(def, code, machine);
    expect(resumed.complete).toBe(true);
    expect(resumed.actor.getSnapshot().hasTag('ending')).toBe(true);
  });
});
