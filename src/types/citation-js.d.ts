/**
 * Citation.js ships no type declarations. These cover only what src/lib/referenceExport.ts
 * uses, so the strict type check still sees every call into the library.
 */
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown, options?: Record<string, unknown>);
    data: Record<string, unknown>[];
    format(format: string, options?: Record<string, unknown>): unknown;
  }
  export const plugins: {
    config: { get(name: string): Record<string, Record<string, unknown>> };
  };
}
declare module '@citation-js/plugin-bibtex';
/** The plugin's own escaping of one BibTeX field's value (not part of its documented API). */
declare module '@citation-js/plugin-bibtex/lib/output/value.js' {
  export function format(field: string, value: unknown): string;
}
declare module '@citation-js/plugin-ris';
