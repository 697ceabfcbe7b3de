/**
 * A dialogue drawn as a map, from the content: decisions as boxes, endings as rounded boxes
 * marked with their outcome, one arrow per choice labelled with its letter and quality. Quality
 * is shown by line style and by word as well as colour (best: thick solid, acceptable: dashed,
 * harmful: dotted, open question: thin solid), and the best path is drawn heavier. Laid out by
 * dagre. Pure: definition in, SVG text out; the page that shows it adds the text version.
 */
import dagre from '@dagrejs/dagre';
import { bestPathChoices } from '../engine/dialogueGraph.ts';
import type { DialogueDefinition, DialogueNode, Quality } from '../schemas/dialogue.ts';

const CHAR = 6.6; // average width of a 12 px Arial character
const LINE = 15;
const PAD = 10;
const WRAP = 30;

export const QUALITY_STYLE: Record<Quality, { word: string; stroke: string; dash: string; width: number }> = {
  best: { word: 'best', stroke: '#007f3b', dash: '', width: 2.5 },
  acceptable: { word: 'acceptable', stroke: '#005eb8', dash: '8 5', width: 1.5 },
  harmful: { word: 'harmful', stroke: '#d5281b', dash: '2 4', width: 1.5 },
  neutral: { word: 'open question', stroke: '#4c6272', dash: '', width: 1 },
};

export const OUTCOME_WORD = { good: 'Good outcome', mixed: 'Mixed outcome', poor: 'Poor outcome' } as const;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function wrap(text: string, width = WRAP, maxLines = 3): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if ((line + ' ' + word).trim().length > width && line) {
      lines.push(line);
      line = word;
    } else line = `${line} ${word}`.trim();
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    lines.length = maxLines;
    lines[maxLines - 1] = `${lines[maxLines - 1]!.slice(0, width - 1)}…`;
  }
  return lines;
}

export const letter = (i: number) => String.fromCharCode(97 + i);

/** The path a learner takes choosing the best answer (or the first, at an open question). */
export function bestPath(def: DialogueDefinition): Array<{ node: string; choice: string }> {
  const nodes = new Map(def.nodes.map((n) => [n.id, n]));
  let at = def.start;
  return bestPathChoices(def).map((choice) => {
    const step = { node: at, choice };
    at = nodes.get(at)!.choices!.find((c) => c.id === choice)!.next;
    return step;
  });
}

function nodeLines(node: DialogueNode): string[] {
  if (node.ending) return [`${OUTCOME_WORD[node.ending.outcome]}:`, ...wrap(node.ending.title, WRAP, 2)];
  return [node.id, ...wrap(node.prompt ?? 'What do you do?', WRAP, 2)];
}

export function dialogueMapSvg(def: DialogueDefinition, titleId: string): string {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 30, ranksep: 60, edgesep: 12, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));
  const best = new Set(bestPath(def).map((s) => `${s.node}/${s.choice}`));
  for (const node of def.nodes) {
    const lines = nodeLines(node);
    const width = Math.max(...lines.map((l) => l.length)) * CHAR + PAD * 2;
    g.setNode(node.id, { width, height: lines.length * LINE + PAD * 2, lines, node });
  }
  for (const node of def.nodes) {
    node.choices?.forEach((c, i) => {
      const label = `${letter(i)}: ${QUALITY_STYLE[c.quality].word}`;
      g.setEdge(node.id, c.next, { label, width: label.length * CHAR * 0.9, height: LINE, labelpos: 'c', quality: c.quality, best: best.has(`${node.id}/${c.id}`) }, `${node.id}/${c.id}`);
    });
  }
  dagre.layout(g);
  const { width = 0, height = 0 } = g.graph();
  const parts: string[] = [];
  for (const e of g.edges()) {
    const edge = g.edge(e) as { points: Array<{ x: number; y: number }>; quality: Quality; best: boolean; x: number; y: number; label: string };
    const style = QUALITY_STYLE[edge.quality];
    const d = edge.points.map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join(' ');
    parts.push(
      `<path d="${d}" fill="none" stroke="${style.stroke}" stroke-width="${edge.best ? style.width + 2.5 : style.width}"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''} marker-end="url(#${titleId}-arrow)"/>`,
      `<text x="${edge.x.toFixed(1)}" y="${(edge.y + 4).toFixed(1)}" text-anchor="middle" class="map-edge-label" stroke="#ffffff" stroke-width="4" paint-order="stroke"${edge.best ? ' font-weight="bold"' : ''}>${esc(edge.label)}</text>`,
    );
  }
  for (const id of g.nodes()) {
    const n = g.node(id) as { x: number; y: number; width: number; height: number; lines: string[]; node: DialogueNode };
    const x = n.x - n.width / 2;
    const y = n.y - n.height / 2;
    const ending = n.node.ending;
    const isStart = id === def.start;
    parts.push(
      `<g class="map-node${ending ? ` map-ending map-ending--${ending.outcome}` : ''}"><rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${n.width.toFixed(1)}" height="${n.height.toFixed(1)}" rx="${ending ? 14 : 3}" fill="#ffffff" stroke="#212b32" stroke-width="${isStart || ending ? 2.5 : 1}"${ending?.outcome === 'poor' ? ' stroke-dasharray="5 3"' : ''}/>`,
      ...n.lines.map((l, i) => `<text x="${n.x.toFixed(1)}" y="${(y + PAD + LINE * (i + 1) - 3).toFixed(1)}" text-anchor="middle"${i === 0 ? ' font-weight="bold"' : ''}>${esc(l)}</text>`),
      '</g>',
    );
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${Math.ceil(width)} ${Math.ceil(height)}" width="${Math.ceil(width)}" height="${Math.ceil(height)}" role="img" aria-labelledby="${titleId}" font-family="Arial, sans-serif" font-size="12" class="dialogue-map">`,
    `<title id="${titleId}">Map of the conversation "${esc(def.title)}": ${def.nodes.filter((n) => n.choices).length} decisions and ${def.nodes.filter((n) => n.ending).length} endings. The same map is given as text below it.</title>`,
    `<defs><marker id="${titleId}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="10" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#212b32"/></marker></defs>`,
    ...parts,
    '</svg>',
  ].join('\n');
}
