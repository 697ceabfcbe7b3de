/**
 * Links from a lesson's prose to the glossary: the first time each glossary entry appears in a
 * lesson's MDX body, its words become a link to the entry,
 *
 *   <a href="../glossary.html#term-nice" class="bs-term">NICE</a>
 *
 * Only the body's own text is linked: never headings, existing links or code, nor anything
 * inside a component (<Ref>, <Chart>, <Dialogue>); each entry at most once a page, in document
 * order. Which words match is decided in one place, `glossaryTerms.ts`.
 *
 * Astro 7 compiles MDX with Sätteri, whose HAST plugins take the place of rehype plugins:
 * `glossaryLinksPlugin` is registered for MDX in astro.config.mjs. The linking itself works on
 * any HAST tree (`planGlossaryLinks`), so it is tested without a build.
 */
import { loadGlossaryOrThrow } from '../content-rules/glossaryRules.ts';
import { findGlossaryTerms, termAnchor, type GlossaryIndex } from './glossaryTerms.ts';

/** The few HAST shapes the linker reads. Anything else (MDX nodes, raw HTML) is not prose. */
export interface TextNode {
  type: 'text';
  value: string;
}
export interface ElementNode {
  type: 'element';
  tagName: string;
  properties: Record<string, unknown>;
  children: HastNode[];
}
export interface OtherNode {
  type: string;
  children?: HastNode[];
}
export type HastNode = TextNode | ElementNode | OtherNode;

/** Elements whose text is never linked: headings, links, code, and controls. */
const SKIPPED = new Set(['a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'code', 'pre', 'kbd', 'samp', 'script', 'style', 'svg', 'math', 'button', 'label', 'select', 'textarea', 'template']);

/** The class of every link the linker adds. */
export const TERM_CLASS = 'bs-term';

const isText = (n: HastNode): n is TextNode => n.type === 'text';
const isElement = (n: HastNode): n is ElementNode => n.type === 'element';

/** One change: a run of adjacent text nodes, and what replaces it. */
export interface LinkEdit {
  run: TextNode[];
  replacement: HastNode[];
}

/**
 * Where to link, without changing the tree: for each run of adjacent text nodes holding the
 * first appearance of an entry, the nodes that replace it. `href` turns an id into the address.
 */
export function planGlossaryLinks(tree: HastNode, index: GlossaryIndex, href: (id: string) => string): { edits: LinkEdit[]; linked: string[] } {
  const edits: LinkEdit[] = [];
  const linked: string[] = [];
  const done = new Set<string>();

  function linkRun(run: TextNode[]) {
    const text = run.map((n) => n.value).join('');
    const fresh = [];
    for (const m of findGlossaryTerms(text, index)) {
      if (done.has(m.id)) continue;
      done.add(m.id);
      linked.push(m.id);
      fresh.push(m);
    }
    if (!fresh.length) return;
    const replacement: HastNode[] = [];
    let at = 0;
    for (const m of fresh) {
      if (m.start > at) replacement.push({ type: 'text', value: text.slice(at, m.start) });
      replacement.push({ type: 'element', tagName: 'a', properties: { href: href(m.id), className: [TERM_CLASS] }, children: [{ type: 'text', value: text.slice(m.start, m.end) }] });
      at = m.end;
    }
    if (at < text.length) replacement.push({ type: 'text', value: text.slice(at) });
    edits.push({ run, replacement });
  }

  function walk(parent: HastNode) {
    const children = 'children' in parent ? parent.children : undefined;
    if (!children) return;
    let run: TextNode[] = [];
    for (const child of children) {
      if (isText(child)) {
        run.push(child);
        continue;
      }
      if (run.length) linkRun(run);
      run = [];
      if (isElement(child) ? !SKIPPED.has(child.tagName) : child.type === 'root') walk(child);
    }
    if (run.length) linkRun(run);
  }

  walk(tree);
  return { edits, linked };
}

/** Links the first appearance of each entry in a plain HAST tree, in place; returns the ids linked. */
export function linkGlossaryTerms(tree: HastNode, index: GlossaryIndex, href: (id: string) => string): string[] {
  const { edits, linked } = planGlossaryLinks(tree, index, href);
  const parents = new Map<TextNode, HastNode[]>();
  (function find(node: HastNode) {
    for (const c of ('children' in node && node.children) || []) {
      if (isText(c)) parents.set(c, (node as ElementNode).children);
      else find(c);
    }
  })(tree);
  for (const { run, replacement } of edits) {
    const siblings = parents.get(run[0]!)!;
    siblings.splice(siblings.indexOf(run[0]!), run.length, ...replacement);
  }
  return linked;
}

export interface GlossaryLinkOptions {
  /** The path from a lesson page to the site root: "../" for lessons/<id>.html. */
  root: string;
  /** The project folder holding content/; the working directory when not given. */
  projectRoot?: string;
}

/** The part of Sätteri's HAST visitor context the plugin uses. */
interface SatteriContext {
  replaceNode(node: unknown, replacement: unknown): void;
  removeNode(node: unknown): void;
}

/**
 * The Sätteri HAST plugin, for `satteri({ hastPlugins: [...] })`. The glossary is read for each
 * lesson, through the content rules, so a broken content/glossary.yaml or
 * content/language-terms.yaml fails the build naming the file and line.
 */
export function glossaryLinksPlugin(options: GlossaryLinkOptions) {
  return {
    name: 'beyond-stigma-glossary-links',
    before(root: unknown, ctx: SatteriContext) {
      const { index } = loadGlossaryOrThrow(options.projectRoot ?? process.cwd());
      const { edits } = planGlossaryLinks(root as HastNode, index, (id) => `${options.root}glossary.html#${termAnchor(id)}`);
      for (const { run, replacement } of edits) {
        ctx.replaceNode(run[0], replacement);
        for (const node of run.slice(1)) ctx.removeNode(node);
      }
    },
  };
}
