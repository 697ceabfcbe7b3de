/**
 * After `astro build`: makes the built site work from any folder (relative URLs), then writes
 * the SCORM packages next to it, in dist/packages/:
 *
 *   beyond-stigma-<lesson>-scorm12-v<content version>.zip     one per lesson, SCORM 1.2
 *   beyond-stigma-<lesson>-scorm2004-v<content version>.zip   one per lesson, SCORM 2004 4th ed.
 *   beyond-stigma-course-scorm12-v<…>.zip, …-scorm2004-v<…>.zip   the whole course
 *
 * Each is a single SCO whose launch page (launch.html) owns the platform session for the whole
 * launch. Run by `npm run build`; `node scorm/package/build.ts [dist]` runs it alone.
 */
import { globSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { outlineFromHtml, type CourseOutline } from '../../src/tracking/outline.ts';
import { buildManifest, type ScormVersion } from './manifest.ts';
import { schemaFiles } from './schemaFiles.ts';
import { relativizeCss, relativizeHtml } from './relativize.ts';
import { zip, type ZipEntry } from './zip.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PACKAGES = 'packages';
export const VERSIONS: ScormVersion[] = ['1.2', '2004'];

export interface PackagePlan {
  id: string;
  scope: string;
  title: string;
  description: string;
  masteryScore: number;
  start: string;
  /** HTML pages, paths from the site root. */
  pages: string[];
  /** Other files the pages offer for download (e.g. the reference exports). */
  files?: string[];
}

/** Pages every package holds: the learner's record and certificate, and the course's reference pages. */
export const SHARED_PAGES = ['record.html', 'certificate.html', 'references.html', 'glossary.html', 'about.html', 'privacy.html', 'accessibility.html'];
export const SHARED_FILES = ['references.ris', 'references.bib'];
const scriptPage = (lessonId: string) => `scripts/${lessonId}.html`;

export const packageFileName = (id: string, version: ScormVersion, contentVersion: string) =>
  `beyond-stigma-${id}-scorm${version === '1.2' ? '12' : '2004'}-v${contentVersion}.zip`;

/** Rewrites every HTML and CSS file in `dist` to use relative URLs (in place). */
export function relativizeSite(dist: string): void {
  for (const path of globSync('**/*.{html,css}', { cwd: dist, exclude: [`${PACKAGES}/**`] })) {
    const file = join(dist, path);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, path.endsWith('.css') ? relativizeCss(text, path) : relativizeHtml(text, path));
  }
}

const readOutline = (dist: string) => outlineFromHtml(readFileSync(join(dist, 'index.html'), 'utf8'), `${dist}/index.html`);

function tagline(): string {
  const yaml = readFileSync(join(ROOT, 'content/course.yaml'), 'utf8');
  return yaml.match(/^tagline:\s*(.+)$/m)?.[1]?.trim() ?? '';
}

export function plans(outline: CourseOutline, description: string): PackagePlan[] {
  const course: PackagePlan = {
    id: 'course',
    scope: 'course',
    title: outline.title,
    description,
    masteryScore: Math.max(...outline.lessons.map((l) => l.passMark)),
    start: 'index.html',
    pages: ['index.html', 'maps.html', ...outline.lessons.map((l) => l.href), ...outline.lessons.map((l) => scriptPage(l.id)), ...SHARED_PAGES],
    files: SHARED_FILES,
  };
  const lessons = outline.lessons.map((l) => ({
    id: l.id,
    scope: l.id,
    title: `${outline.title}: ${l.title}`,
    description: `${l.title}. A lesson of ${outline.title}: ${description}`,
    masteryScore: l.passMark,
    start: l.href,
    pages: [l.href, scriptPage(l.id), ...SHARED_PAGES],
    files: SHARED_FILES,
  }));
  return [...lessons, course];
}

/**
 * A page as it ships in a package. A lesson package has no course home, so the links to it
 * (marked `data-course-nav` / `data-course-link` in the layout) are taken out. Any other link to
 * a page the package does not hold (another lesson, named on the references page) keeps its
 * words but stops being a link, so nothing in a package leads to a missing page.
 */
export function packagedPage(html: string, plan: PackagePlan, path = plan.start): string {
  if (plan.scope === 'course') return html;
  const held = new Set(plan.pages);
  const base = new URL(path, 'https://pkg.invalid/');
  return html
    .replace(/<(li|nav|p)\b[^>]*\sdata-course-nav\b[^>]*>[\s\S]*?<\/\1>/g, '')
    .replace(/<a\b([^>]*?)\shref="[^"]*"([^>]*\sdata-course-link\b[^>]*)>/g, '<a$1$2>')
    .replace(/<a\b([^>]*?)\shref="([^"#:]+\.html)(#[^"]*)?"([^>]*)>/g, (tag, before: string, href: string, _hash, after: string) => {
      const target = new URL(href, base);
      return target.origin === base.origin && !held.has(target.pathname.slice(1)) ? `<a${before}${after}>` : tag;
    });
}

export function launchPage(html: string, plan: PackagePlan): string {
  return html
    .replace(/data-start="[^"]*"/, `data-start="${plan.start}"`)
    .replace(/data-scope="[^"]*"/, `data-scope="${plan.scope}"`)
    .replace(/<title>[^<]*<\/title>/, `<title>${plan.title.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</title>`);
}

export function packageEntries(dist: string, plan: PackagePlan, version: ScormVersion, contentVersion: string): ZipEntry[] {
  const text = (path: string) => readFileSync(join(dist, path), 'utf8');
  const site: ZipEntry[] = [
    { path: 'launch.html', data: Buffer.from(launchPage(text('launch.html'), plan)) },
    ...plan.pages.map((path) => ({ path, data: Buffer.from(packagedPage(text(path), plan, path)) })),
    ...(plan.files ?? []).map((path) => ({ path, data: readFileSync(join(dist, path)) })),
    ...globSync('_astro/**/*', { cwd: dist })
      .filter((path) => !path.endsWith('.map') && statSync(join(dist, path)).isFile())
      .sort()
      .map((path) => ({ path, data: readFileSync(join(dist, path)) })),
  ];
  const manifest = buildManifest({
    version,
    id: plan.id,
    title: plan.title,
    description: plan.description,
    contentVersion,
    masteryScore: plan.masteryScore,
    launch: 'launch.html',
    files: site.map((e) => e.path),
  });
  const schemas = schemaFiles(version, join(ROOT, 'node_modules')).map((s) => ({ path: s.path, data: readFileSync(s.source) }));
  return [{ path: 'imsmanifest.xml', data: Buffer.from(manifest) }, ...schemas, ...site];
}

export function buildPackages(dist: string): string[] {
  const outline = readOutline(dist);
  const out = join(dist, PACKAGES);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const written: string[] = [];
  for (const plan of plans(outline, tagline())) {
    for (const version of VERSIONS) {
      const name = packageFileName(plan.id, version, outline.contentVersion);
      writeFileSync(join(out, name), zip(packageEntries(dist, plan, version, outline.contentVersion)));
      written.push(name);
    }
  }
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = resolve(process.argv[2] ?? join(ROOT, 'dist'));
  relativizeSite(dist);
  for (const name of buildPackages(dist)) console.log(`${PACKAGES}/${name}`);
}
