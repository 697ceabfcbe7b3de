/**
 * Every dialogue's printable script (src/lib/script.ts), generated from the real content: a new
 * lesson or dialogue is covered with no new test code. The script must hold everything a
 * learner could see anywhere in the dialogue, in the player's words, and nothing else; and its
 * "goes to" pointers must lead to scenes that exist, further down the page.
 */
import { describe, expect, test } from 'vitest';
import { OUTCOME_LABEL, QUALITY_LABEL } from '../../src/islands/labels.ts';
import { DEFAULT_PROMPT, dialogueScript, sceneAnchor } from '../../src/lib/script.ts';
import { content } from './contentFixture.ts';

test('there are dialogues to write scripts for', () => {
  expect(content.dialogues.length).toBeGreaterThan(0);
});

describe.each(content.dialogues.map((d) => ({ ...d, name: `${d.lesson}/${d.definition.id}` })))('script of $name', ({ definition: def }) => {
  const script = dialogueScript(def);
  const scenes = new Map(script.scenes.map((s) => [s.node, s]));
  const position = new Map(script.scenes.map((s, i) => [s.node, i]));
  const names = new Map(def.characters.map((c) => [c.id, c.name]));

  test('has the title, the summary and every character with name and role', () => {
    expect(script.title).toBe(def.title);
    expect(script.summary).toBe(def.summary);
    expect(script.cast.map((c) => [c.id, c.name, c.role])).toEqual(def.characters.map((c) => [c.id, c.name, c.role]));
  });

  test('has every node exactly once: the start first as Scene 1, decisions numbered in order, endings last', () => {
    expect(script.scenes.map((s) => s.node).sort()).toEqual(def.nodes.map((n) => n.id).sort());
    expect(script.scenes[0]!.node).toBe(def.start);
    expect(script.scenes[0]!.heading).toBe('Scene 1');
    expect(script.scenes.filter((s) => s.isStart).map((s) => s.node)).toEqual([def.start]);
    const kinds = script.scenes.map((s) => s.kind);
    expect(kinds).toEqual([...kinds].sort()); // 'decision' < 'ending'
    const decisions = script.scenes.filter((s) => s.kind === 'decision');
    const endings = script.scenes.filter((s) => s.kind === 'ending');
    expect(decisions.map((s) => s.heading)).toEqual(decisions.map((_, i) => `Scene ${i + 1}`));
    expect(endings.map((s) => s.heading.split('.')[0])).toEqual(endings.map((_, i) => `Ending ${i + 1}`));
    expect(new Set(script.scenes.map((s) => s.anchor)).size).toBe(script.scenes.length);
    for (const s of script.scenes) expect(s.anchor).toBe(sceneAnchor(def.id, s.node));
  });

  test('has every narration and every line, with the speaker named', () => {
    for (const node of def.nodes) {
      const scene = scenes.get(node.id)!;
      expect(scene.narration, node.id).toBe(node.narration);
      expect(scene.lines.map((l) => [l.speaker, l.text]), node.id).toEqual((node.lines ?? []).map((l) => [names.get(l.speaker), l.text]));
    }
  });

  test('has every choice: label, rating in the player’s words, consequence, reason, sources and where it goes', () => {
    for (const node of def.nodes.filter((n) => n.choices?.length)) {
      const scene = scenes.get(node.id)!;
      expect(scene.kind, node.id).toBe('decision');
      expect(scene.prompt, node.id).toBe(node.prompt ?? DEFAULT_PROMPT);
      expect(scene.choices.length, node.id).toBe(node.choices!.length);
      node.choices!.forEach((c, i) => {
        const shown = scene.choices[i]!;
        expect(shown.letter).toBe(String.fromCharCode(65 + i));
        expect(shown.label).toBe(c.label);
        expect(shown.rating).toBe(QUALITY_LABEL[c.quality]);
        expect(shown.consequence).toBe(c.feedback.consequence);
        expect(shown.reason).toBe(c.feedback.reason);
        expect(shown.refs).toEqual(c.feedback.refs);
        expect(shown.goesTo.node).toBe(c.next);
      });
    }
  });

  test('has every ending: outcome in the player’s words, title and summary', () => {
    for (const node of def.nodes.filter((n) => n.ending)) {
      const scene = scenes.get(node.id)!;
      expect(scene.kind, node.id).toBe('ending');
      expect(scene.choices).toEqual([]);
      expect(scene.ending).toEqual({ ...node.ending, outcomeLabel: OUTCOME_LABEL[node.ending!.outcome] });
      expect(scene.heading).toContain(`${OUTCOME_LABEL[node.ending!.outcome]}: ${node.ending!.title}`);
    }
  });

  test('every "goes to" is a scene of this script, further down the page, under the heading it names', () => {
    for (const scene of script.scenes) {
      for (const c of scene.choices) {
        const target = scenes.get(c.goesTo.node);
        expect(target, `${scene.node} → ${c.goesTo.node}`).toBeDefined();
        expect(c.goesTo.anchor).toBe(target!.anchor);
        expect(c.goesTo.heading).toBe(target!.heading);
        expect(position.get(c.goesTo.node)!, `${scene.heading} goes back up to ${target!.heading}`).toBeGreaterThan(position.get(scene.node)!);
      }
    }
  });

  test('every "reached from" is the exact reverse of the "goes to" pointers', () => {
    const expected = new Map<string, string[]>();
    for (const scene of script.scenes) for (const c of scene.choices) expected.set(c.goesTo.node, [...(expected.get(c.goesTo.node) ?? []), `${scene.node}/${c.letter}`]);
    for (const scene of script.scenes) {
      const got = scene.reachedFrom.flatMap((r) => r.letters.map((l) => `${r.from.node}/${l}`));
      expect(got, scene.node).toEqual(expected.get(scene.node) ?? []);
    }
  });
});
