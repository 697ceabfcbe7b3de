/**
 * `npm run golden -- <lesson>/<dialogue> "<name>" [best | choice-id …]`
 *
 * Saves a walkthrough of a dialogue (its choices and the transcript they produce) in
 * content/lessons/<lesson>/dialogues/<dialogue>.golden.yaml, replacing one of the same name.
 * The tests replay every saved walkthrough and fail with a readable diff when the dialogue no
 * longer reads that way: re-run this command to accept a change you meant.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { bestPathChoices } from '../engine/dialogueGraph.ts';
import { transcript } from '../engine/transcript.ts';
import { loadContentOrThrow } from './contentFiles.ts';

export interface Walkthrough {
  name: string;
  choices: string[];
  transcript: string[];
}

export const goldenFile = (dialogueFile: string) => dialogueFile.replace(/\.dialogue\.yaml$/, '.golden.yaml');

export function readWalkthroughs(file: string): Walkthrough[] {
  return existsSync(file) ? ((parse(readFileSync(file, 'utf8')) as Walkthrough[] | null) ?? []) : [];
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const [target, name, ...rest] = process.argv.slice(2);
  const root = process.cwd();
  const [lesson, id] = (target ?? '').split('/');
  const found = loadContentOrThrow({ root }).dialogues.find((d) => d.lesson === lesson && d.definition.id === id);
  if (!found || !name) {
    console.error('usage: npm run golden -- <lesson>/<dialogue> "<name>" [best | choice-id …]');
    process.exit(2);
  }
  const choices = rest.length === 0 || (rest.length === 1 && rest[0] === 'best') ? bestPathChoices(found.definition) : rest;
  const walk: Walkthrough = { name, choices, transcript: transcript(found.definition, choices) };
  const file = resolve(root, goldenFile(found.file));
  // Replace a walkthrough of the same name where it stands, or add it at the end.
  const all = readWalkthroughs(file);
  const at = all.findIndex((w) => w.name === name);
  if (at >= 0) all[at] = walk;
  else all.push(walk);
  const header = `# Golden walkthroughs of ${found.file.split('/').pop()}: the tests replay each one and\n# show a diff when the dialogue changes. Re-record with: npm run golden -- ${lesson}/${id} "<name>" [best | choice-id …]\n`;
  writeFileSync(file, header + stringify(all, { lineWidth: 0 }));
  console.log(`${goldenFile(found.file)}: saved "${name}" (${choices.length} choices, ${walk.transcript.length} lines)`);
}
