/**
 * Astro content-collection loaders that run the content rules, so `astro build` fails with
 * `file:line  rule  node "<id>": message` on any broken dialogue, knowledge check or reference.
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

export function dialoguesLoader(): Loader {
  return {
    name: 'beyond-stigma-dialogues',
    async load(ctx) {
      const { dialogues } = load(ctx);
      ctx.store.clear();
      for (const d of dialogues) {
        ctx.store.set({ id: `${d.lesson}/${d.definition.id}`, data: { lesson: d.lesson, file: d.file, definition: d.definition } });
      }
      ctx.logger.info(`${dialogues.length} dialogues checked`);
    },
  };
}

export function quizzesLoader(): Loader {
  return {
    name: 'beyond-stigma-quizzes',
    async load(ctx) {
      const { quizzes } = load(ctx);
      ctx.store.clear();
      for (const q of quizzes) ctx.store.set({ id: q.lesson, data: { lesson: q.lesson, file: q.file, definition: q.definition } });
    },
  };
}

export function chartsLoader(): Loader {
  return {
    name: 'beyond-stigma-charts',
    async load(ctx) {
      const { charts } = load(ctx);
      ctx.store.clear();
      for (const c of charts) ctx.store.set({ id: `${c.lesson}/${c.definition.id}`, data: { lesson: c.lesson, file: c.file, definition: c.definition } });
    },
  };
}

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
