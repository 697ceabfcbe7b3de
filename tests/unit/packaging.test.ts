import { describe, expect, test } from 'vitest';
import { launchPage, packagedPage, type PackagePlan } from '../../scorm/package/build.ts';
import { absoluteReferences, relativizeCss, relativizeHtml, toRoot } from '../../scorm/package/relativize.ts';
import { unzip, zip } from '../../scorm/package/zip.ts';

describe('relative URLs', () => {
  test('a page finds the site root from its own folder', () => {
    expect(toRoot('index.html')).toBe('');
    expect(toRoot('lessons/language.html')).toBe('../');
  });

  test('every root-absolute URL in HTML becomes relative to the page, and none is left', () => {
    const html = `<link rel="stylesheet" href="/_astro/a.css"><script type="module" src="/_astro/b.js"></script>
<astro-island component-url="/_astro/C.js" renderer-url="/_astro/client.js" before-hydration-url="/_astro/h.js"></astro-island>
<img srcset="/img/a.png 1x, /img/b.png 2x" src="/img/a.png"><a href="https://example.org/x">x</a><a href="//cdn.example/x">y</a><a href="#ref-1">z</a>`;
    const out = relativizeHtml(html, 'lessons/language.html');
    expect(out).toContain('href="../_astro/a.css"');
    expect(out).toContain('src="../_astro/b.js"');
    expect(out).toContain('component-url="../_astro/C.js"');
    expect(out).toContain('renderer-url="../_astro/client.js"');
    expect(out).toContain('srcset="../img/a.png 1x, ../img/b.png 2x"');
    expect(out).toContain('href="https://example.org/x"');
    expect(out).toContain('href="#ref-1"');
    expect(absoluteReferences(out, 'html')).toEqual([]);
    expect(absoluteReferences(html, 'html').length).toBeGreaterThan(4);
  });

  test('CSS url() becomes relative to the stylesheet', () => {
    const css = `a{background:url(/_astro/x.svg)} b{background:url("/img/y.png")} c{background:url(data:image/png;base64,AA==)}`;
    const out = relativizeCss(css, '_astro/site.css');
    expect(out).toContain('url(../_astro/x.svg)');
    expect(out).toContain('url("../img/y.png")');
    expect(out).toContain('url(data:image/png;base64,AA==)');
    expect(absoluteReferences(out, 'css')).toEqual([]);
  });

  test('the check finds root-absolute imports in JavaScript', () => {
    expect(absoluteReferences(`import("/_astro/x.js");import y from "/_astro/y.js"`, 'js')).toHaveLength(2);
    expect(absoluteReferences(`import("./x.js");fetch("https://a.b/c")`, 'js')).toEqual([]);
  });
});

describe('pages in a package', () => {
  const lessonPlan: PackagePlan = { id: 'language', scope: 'language', title: 'T: L', description: 'd', masteryScore: 80, start: 'lessons/language.html', pages: [] };
  const coursePlan: PackagePlan = { ...lessonPlan, id: 'course', scope: 'course', start: 'index.html' };
  const page = `<a class="bs-wordmark" href="../index.html" data-course-link>Beyond Stigma</a>
<nav class="bs-breadcrumb" aria-label="Breadcrumb" data-course-nav><a href="../index.html">All lessons</a></nav>
<ul><li data-course-nav><a href="../index.html">All lessons</a></li><li><a href="../accessibility.html">Accessibility statement</a></li></ul>
<p class="bs-link-block" data-course-nav><a href="../index.html">Back to all lessons</a></p>`;

  test('a lesson package drops links to the course home it does not contain', () => {
    const out = packagedPage(page, lessonPlan);
    expect(out).not.toContain('index.html');
    expect(out).toContain('Accessibility statement');
    expect(out).toContain('<a class="bs-wordmark" data-course-link>Beyond Stigma</a>');
  });

  test('a link to a page the package does not hold keeps its words and stops being a link', () => {
    const plan = { ...lessonPlan, pages: ['lessons/language.html', 'references.html'] };
    const refs = `<a href="lessons/language.html">Language</a> <a class="x" href="lessons/deserving.html#top">Deserving</a> <a href="https://doi.org/10.1/x">doi</a> <a href="#ref-a">a</a>`;
    const out = packagedPage(refs, plan, 'references.html');
    expect(out).toContain('<a href="lessons/language.html">Language</a>');
    expect(out).toContain('<a class="x">Deserving</a>');
    expect(out).toContain('<a href="https://doi.org/10.1/x">doi</a>');
    expect(out).toContain('<a href="#ref-a">a</a>');
    expect(packagedPage('<a href="../references.html">R</a>', plan, 'lessons/language.html')).toContain('href="../references.html"');
  });

  test('the course package keeps them', () => {
    expect(packagedPage(page, coursePlan)).toBe(page);
  });

  test('the launch page is told where to start and what it records', () => {
    const out = launchPage('<title>X</title><body data-start="index.html" data-scope="course">', lessonPlan);
    expect(out).toContain('data-start="lessons/language.html"');
    expect(out).toContain('data-scope="language"');
    expect(out).toContain('<title>T: L</title>');
  });
});

describe('zip', () => {
  test('what goes in comes out, byte for byte, and the same input gives the same archive', () => {
    const entries = [
      { path: 'imsmanifest.xml', data: Buffer.from('<manifest/>') },
      { path: 'lessons/language.html', data: Buffer.from('<p>'.repeat(500)) },
      { path: '_astro/x.bin', data: Buffer.from([0, 1, 2, 255]) },
    ];
    const a = zip(entries);
    expect(zip(entries).equals(a)).toBe(true);
    const back = unzip(a);
    expect([...back.keys()]).toEqual(entries.map((e) => e.path));
    for (const e of entries) expect(back.get(e.path)!.equals(e.data)).toBe(true);
  });

  test('reading something that is not a zip fails clearly', () => {
    expect(() => unzip(Buffer.from('hello'))).toThrow(/not a ZIP/);
  });
});
