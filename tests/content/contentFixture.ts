/** The real content, loaded through the same rules the build uses. */
import { fileURLToPath } from 'node:url';
import { loadContentOrThrow } from '../../src/content-rules/contentFiles.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const content = loadContentOrThrow({ root: ROOT });
