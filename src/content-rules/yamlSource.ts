/**
 * YAML with positions: parse a content file so that any problem found in the data can be
 * reported at the line an author should open.
 */
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';

export type PathKey = string | number;

export interface YamlSource {
  data: unknown;
  /** 1-based line of the value at `path`, or of the nearest ancestor that exists. */
  lineOf(path: readonly PathKey[]): number;
  /** Syntax errors, each with its line. */
  syntaxErrors: Array<{ line: number; message: string }>;
}

export function parseYamlSource(text: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  const syntaxErrors = doc.errors.map((e) => ({ line: lineAt(e.pos[0]), message: e.message.split('\n')[0] ?? e.message }));
  return {
    data: syntaxErrors.length ? undefined : doc.toJS(),
    syntaxErrors,
    lineOf(path) {
      let current: unknown = doc.contents;
      let line = lineAt((doc.contents as YamlNode | null)?.range?.[0]);
      for (const key of path) {
        let next: unknown;
        if (isMap(current)) {
          const pair = current.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
          if (pair) {
            const keyNode = pair.key as YamlNode;
            line = lineAt(keyNode.range?.[0]);
            next = pair.value;
          }
        } else if (isSeq(current) && typeof key === 'number') {
          next = current.items[key];
          const range = (next as YamlNode | undefined)?.range;
          if (range) line = lineAt(range[0]);
        }
        if (next === undefined) break;
        current = next;
      }
      return line;
    },
  };
}
