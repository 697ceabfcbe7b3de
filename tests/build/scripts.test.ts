/**
 * The conversation scripts `npm run build` writes (dist/scripts/<lesson>.html): one page per
 * lesson, holding every word of every dialogue in the lesson as the page's text, every in-page
 * link landing on something, the lesson's own reference list, and no JavaScript (the pages
 * never connect to a learning platform). Lessons and dialogues come from the built outline and
 * the content, so a new lesson is covered with no new test code.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { outlineFromHtml } from '../../src/tracking/outline.ts';
import { content } from '../content/contentFixture.ts';
import { DIST } from './pageWeight.ts';

const outline = outlineFromHtml(readFileSync(`${DIST}/index.html`, 'utf8'), 'dist/index.html');

const decode = (html: string) =>
  html
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
/** What a reader sees in the main landmark, as one line of text. */
const mainText = (html: string) => {
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  return ` ${decode(main.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ')} `;
};
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const referenceList = (html: string) => html.match(/<ol class="[^"]*bs-references[^"]*">[\s\S]*?<\/ol>/)?.[0];

test('there are lessons with scripts to check', () => {
  expect(outline.lessons.length).toBeGreaterThan(0);
});

describe.each(outline.lessons.map((l) => ({ ...l, page: `scripts/${l.id}.html` })))('$page', (lesson) => {
  const file = `${DIST}/scripts/${lesson.id}.html`;
  const html = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const text = mainText(html);

  test('exists, titled for its lesson, and links back to the lesson', () => {
    expect(existsSync(file), `${file} was not built`).toBe(true);
    expect(decode(html.match(/<h1[^>]*>([^<]*)<\/h1>/)?.[1] ?? '')).toBe(`${lesson.title}: conversation scripts`);
    expect(html).toContain(`href="../${lesson.href}"`);
  });

  test("has each of the lesson's dialogues, in lesson order, as a second-level heading", () => {
    const headings = [...html.matchAll(/<h2 class="nhsuk-heading-l" id="([a-z0-9-]+)-title">([^<]*)<\/h2>/g)];
    expect(headings.map((h) => [h[1], decode(h[2]!)])).toEqual(lesson.dialogues.map((d) => [d.id, d.title]));
  });

  test('has every word a learner could see in each dialogue: lines, choices, feedback, endings', () => {
    const missing: string[] = [];
    const has = (what: string, s: string) => {
      if (!text.includes(` ${norm(s)}`)) missing.push(`${what}: ${s.slice(0, 60)}`);
    };
    for (const { definition: def } of content.dialogues.filter((d) => d.lesson === lesson.id)) {
      has('title', def.title);
      has('summary', def.summary);
      for (const c of def.characters) has(`character ${c.id}`, `${c.name} (${c.role})`);
      for (const node of def.nodes) {
        if (node.narration) has(`${node.id} narration`, node.narration);
        for (const l of node.lines ?? []) has(`${node.id} line`, `${def.characters.find((c) => c.id === l.speaker)!.name}: ${l.text}`);
        if (node.choices) has(`${node.id} prompt`, node.prompt ?? 'What do you do?');
        for (const c of node.choices ?? []) {
          has(`${node.id}/${c.id} label`, c.label);
          has(`${node.id}/${c.id} consequence`, c.feedback.consequence);
          has(`${node.id}/${c.id} reason`, c.feedback.reason);
        }
        if (node.ending) {
          has(`${node.id} ending title`, node.ending.title);
          has(`${node.id} ending summary`, node.ending.summary);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  test('every in-page link ("goes to", "reached from", sources, contents) lands on an element of the page', () => {
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.filter((t) => !ids.has(t))).toEqual([]);
    expect(html).toContain('Goes to');
  });

  test("ends with the lesson's reference list, numbered as on the lesson page", () => {
    const own = referenceList(html);
    expect(own).toBeDefined();
    expect(own).toBe(referenceList(readFileSync(`${DIST}/${lesson.href}`, 'utf8')));
  });

  test('loads no JavaScript and has no islands (only the course outline as data)', () => {
    expect(html).not.toMatch(/<astro-island|<script(?![^>]*type="application\/json")/);
    expect(html).not.toContain('<noscript>');
  });
});
