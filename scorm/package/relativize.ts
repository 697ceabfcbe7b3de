/**
 * Astro writes root-absolute URLs ("/_astro/x.js"). Inside a learning platform the course is
 * served from a deep, unknown path, where those URLs miss. These rewrite every URL in HTML and
 * CSS to one relative to the file that holds it, so the site works from any folder.
 */
const HTML_URL_ATTRIBUTES = /\b(src|href|component-url|renderer-url|before-hydration-url|action|poster|data)="\/(?!\/)([^"]*)"/g;
const CSS_URL = /url\(\s*(['"]?)\/(?!\/)([^'")]*)\1\s*\)/g;

/** "../" once per folder between the file and the site root ("" at the root). */
export function toRoot(path: string): string {
  return '../'.repeat(path.split('/').length - 1);
}

export function relativizeHtml(html: string, path: string): string {
  const up = toRoot(path);
  return html
    .replace(HTML_URL_ATTRIBUTES, (_, attr: string, rest: string) => `${attr}="${up}${rest}"`)
    .replace(/\bsrcset="([^"]*)"/g, (_, set: string) => `srcset="${set.replace(/(^|,\s*)\/(?!\/)/g, `$1${up}`)}"`);
}

export function relativizeCss(css: string, path: string): string {
  const up = toRoot(path);
  return css.replace(CSS_URL, (_, quote: string, rest: string) => `url(${quote}${up}${rest}${quote})`);
}

/** Root-absolute references left in a file (for the test that none remain). */
export function absoluteReferences(text: string, kind: 'html' | 'css' | 'js'): string[] {
  const found: string[] = [];
  if (kind === 'html') {
    for (const m of text.matchAll(/\b(?:src|href|component-url|renderer-url|before-hydration-url|action|poster|data|srcset)="\/(?!\/)[^"]*"/g)) found.push(m[0]);
  }
  if (kind === 'css' || kind === 'html') for (const m of text.matchAll(/url\(\s*['"]?\/(?!\/)[^)]*\)/g)) found.push(m[0]);
  // In scripts: any string that is a root-absolute path to a file (an import, fetch or URL).
  if (kind === 'js' || kind === 'html') for (const m of text.matchAll(/["'`]\/(?!\/)[^"'`\s<>]*\.(?:m?js|css|json|html|svg|png|jpe?g|webp|woff2?|xml)["'`]/g)) found.push(m[0]);
  return found;
}
