/**
 * `npm run maps`: draws every dialogue as an SVG file in dist/maps/<lesson>-<dialogue>.svg,
 * without building the site (the build also shows them all on /maps.html).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadContentOrThrow } from '../content-rules/contentFiles.ts';
import { dialogueMapSvg } from './dialogueMap.ts';

const root = process.cwd();
const out = resolve(root, 'dist/maps');
mkdirSync(out, { recursive: true });
for (const d of loadContentOrThrow({ root }).dialogues) {
  const file = join(out, `${d.lesson}-${d.definition.id}.svg`);
  writeFileSync(file, dialogueMapSvg(d.definition, `map-${d.definition.id}`));
  console.log(file.slice(root.length + 1));
}
