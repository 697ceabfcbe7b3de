/** Every dialogue's map, generated from the content: every node drawn, every choice labelled. */
import { describe, expect, test } from 'vitest';
import { bestPath, dialogueMapSvg, QUALITY_STYLE } from '../../src/maps/dialogueMap.ts';
import { content } from './contentFixture.ts';

describe.each(content.dialogues.map((d) => ({ ...d, name: `${d.lesson}/${d.definition.id}` })))('map of $name', ({ definition: def }) => {
  const svg = dialogueMapSvg(def, 'm');

  test('is an image with a title that says where the text version is', () => {
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="m"/);
    expect(svg).toContain('<title id="m">');
    expect(svg).toContain('given as text below it');
  });

  test('draws every node and one labelled arrow per choice, quality in words', () => {
    for (const n of def.nodes) expect(svg).toContain(n.ending ? n.ending.title.split(' ')[0]! : `>${n.id}<`);
    const arrows = svg.match(/<path [^>]*marker-end=/g)?.length ?? 0;
    const choices = def.nodes.reduce((n, node) => n + (node.choices?.length ?? 0), 0);
    expect(arrows).toBe(choices);
    for (const node of def.nodes) for (const c of node.choices ?? []) expect(svg).toContain(QUALITY_STYLE[c.quality].word);
  });

  test('the best path runs from the start to an ending', () => {
    const path = bestPath(def);
    expect(path[0]!.node).toBe(def.start);
    const last = path.at(-1)!;
    const end = def.nodes.find((n) => n.id === last.node)!.choices!.find((c) => c.id === last.choice)!.next;
    expect(def.nodes.find((n) => n.id === end)!.ending).toBeDefined();
  });
});
