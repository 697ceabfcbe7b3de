/**
 * Astro content-collection loaders that run the content rules, so `astro build` fails with
 * `file:line  rule  node "<id>": message` on any broken dialogue, knowledge check, chart or reference.
 */
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { loadContentOrThrow } from './contentFiles.ts';

let cached: { root: string; at: number; value: ReturnType<typeof loadContentOrThrow> } | undefined;

/** One load of all content per build (the loaders share it). */
function load(ctx: LoaderContext) {
  const root = fileURLToPath(ctx.config.root);
  if (!cached || cached.root !== root || Date.now() - cached.at > 1000) {
    cached = { root, at: Date.now(), value: loadContentOrThrow({ root }) };
  }
  return cached.value;
}

type Content = ReturnType<typeof loadContentOrThrow>;

/** A collection of checked lesson files, each stored with its lesson and file for error messages. */
function lessonFilesLoader<K extends 'dialogues' | 'quizzes' | 'charts'>(kind: K, idOf: (f: Content[K][number]) => string): Loader {
  return {
    name: `beyond-stigma-${kind}`,
    async load(ctx) {
      const files: Content[K][number][] = load(ctx)[kind];
      ctx.store.clear();
      for (const f of files) ctx.store.set({ id: idOf(f), data: { lesson: f.lesson, file: f.file, definition: f.definition } });
      ctx.logger.info(`${files.length} ${kind} checked`);
    },
  };
}

export const dialoguesLoader = () => lessonFilesLoader('dialogues', (d) => `${d.lesson}/${d.definition.id}`);
export const quizzesLoader = () => lessonFilesLoader('quizzes', (q) => q.lesson);
export const chartsLoader = () => lessonFilesLoader('charts', (c) => `${c.lesson}/${c.definition.id}`);

export function referencesLoader(): Loader {
  return {
    name: 'beyond-stigma-references',
    async load(ctx) {
      const { references } = load(ctx);
      ctx.store.clear();
      for (const r of references) ctx.store.set({ id: r.id, data: r });
    },
  };
}
