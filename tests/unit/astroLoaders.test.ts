/** The loaders `astro build` runs refuse broken content with the file, line and node. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from 'vitest';
import { dialoguesLoader } from '../../src/content-rules/astroLoaders.ts';

function project(dialogue: string) {
  const root = mkdtempSync(join(tmpdir(), 'bs-content-'));
  mkdirSync(join(root, 'content/lessons/demo/dialogues'), { recursive: true });
  writeFileSync(join(root, 'content/references.yaml'), '- { id: ref-one, type: webpage, organisation: Test, title: One }\n- { id: ref-two, type: webpage, organisation: Test, title: Two }\n');
  writeFileSync(join(root, 'content/lessons/demo/dialogues/valid.dialogue.yaml'), dialogue);
  return root;
}

function context(root: string) {
  const entries = new Map<string, unknown>();
  return {
    entries,
    ctx: {
      config: { root: pathToFileURL(`${root}/`) },
      store: { clear: () => entries.clear(), set: (e: { id: string; data: unknown }) => void entries.set(e.id, e.data) },
      logger: { info() {}, warn() {}, error() {} },
    } as never,
  };
}

const valid = readFileSync(new URL('../fixtures/valid.dialogue.yaml', import.meta.url), 'utf8');

test('valid content is stored under lesson/dialogue ids', async () => {
  const { ctx, entries } = context(project(valid));
  await dialoguesLoader().load(ctx);
  expect([...entries.keys()]).toEqual(['demo/valid']);
});

test('a broken dialogue stops the build with file, line, rule and node', async () => {
  const broken = valid.replace('next: ending-bad', 'next: ending-gone');
  const line = broken.slice(0, broken.indexOf('next: ending-gone')).split('\n').length;
  const { ctx } = context(project(broken));
  await expect(dialoguesLoader().load(ctx)).rejects.toThrow(
    `content/lessons/demo/dialogues/valid.dialogue.yaml:${line}  unknown-next  node "first": choice "curt" leads to "ending-gone", which is not a node`,
  );
});
