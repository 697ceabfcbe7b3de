/**
 * imsmanifest.xml (scorm/package/manifest.ts): valid against ADL's schemas (through our wrappers
 * in scorm/package/schemas/, run in xmllint-wasm, with the very schema files that ship in the
 * packages), plus what the schemas cannot catch: dangling references, the schemaversion value,
 * mastery score format and placement, namespaces of the wrong version, the file list, stable
 * identifiers and escaping. Negative tests prove the validator really rejects bad manifests.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { validate, WRAPPER } from './validateManifest.ts';
import { buildManifest, type ManifestInput, type ScormVersion } from '../../scorm/package/manifest.ts';
import { schemaFiles } from '../../scorm/package/schemaFiles.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const NODE_MODULES = join(ROOT, 'node_modules');
const VERSIONS: ScormVersion[] = ['1.2', '2004'];

const files = ['launch.html', 'accessibility.html', '_astro/launch.B1x2.js', '_astro/Base.C3d4.css'];
const lesson: Omit<ManifestInput, 'version'> = {
  id: 'language',
  title: 'Beyond Stigma: Language',
  description: 'Language. A lesson of Beyond Stigma: words that help, words that harm.',
  contentVersion: '0.1.0',
  masteryScore: 80,
  launch: 'launch.html',
  files: [...files, 'lessons/language.html'],
};
const course: Omit<ManifestInput, 'version'> = {
  id: 'course',
  title: 'Beyond Stigma',
  description: 'Scenario lessons for UK health staff on the stigma around substance use.',
  contentVersion: '0.1.0',
  masteryScore: 75,
  launch: 'launch.html',
  files: [...files, 'index.html', 'lessons/language.html', 'lessons/care.html'],
};

// ——— a small reader for the manifests we generate ———

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
const decode = (text: string) => text.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ENTITIES[e]!);

/** Start tags in document order, with their (decoded) attributes. */
function tags(xml: string): Array<{ name: string; attrs: Record<string, string> }> {
  return [...xml.replace(/<!--[\s\S]*?-->/g, '').matchAll(/<([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"]*")*)\s*\/?>/g)].map((m) => ({
    name: m[1]!,
    attrs: Object.fromEntries([...m[2]!.matchAll(/([\w:.-]+)="([^"]*)"/g)].map((a) => [a[1]!, decode(a[2]!)])),
  }));
}
const attrsOf = (xml: string, name: string) => tags(xml).filter((t) => t.name === name).map((t) => t.attrs);
const texts = (xml: string, name: string) => [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((m) => decode(m[1]!));
const itemContent = (xml: string) => [...xml.matchAll(/<item\b[^>]*>([\s\S]*?)<\/item>/g)].map((m) => m[1]!);
const ids = (xml: string) => tags(xml).flatMap((t) => (t.attrs.identifier ? [t.attrs.identifier] : []));
const NCNAME = /^[A-Za-z_][\w.-]*$/;

const EXPECTED_NS: Record<ScormVersion, Record<string, string>> = {
  '1.2': {
    xmlns: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
    'xmlns:adlcp': 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
  },
  '2004': {
    xmlns: 'http://www.imsglobal.org/xsd/imscp_v1p1',
    'xmlns:adlcp': 'http://www.adlnet.org/xsd/adlcp_v1p3',
    'xmlns:imsss': 'http://www.imsglobal.org/xsd/imsss',
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
  },
};

describe.each(VERSIONS.flatMap((version) => [lesson, course].map((input) => ({ ...input, version }))))(
  'SCORM $version manifest for "$id"',
  (input) => {
    const xml = buildManifest(input);
    const { version } = input;

    test('is valid against the ADL schemas', async () => {
      expect(await validate(xml, version)).toEqual({ valid: true, errors: [] });
    });

    test('has no dangling references, and unique NCName identifiers', () => {
      const organizations = attrsOf(xml, 'organization').map((a) => a.identifier);
      const resources = attrsOf(xml, 'resource').map((a) => a.identifier);
      expect(organizations).toContain(attrsOf(xml, 'organizations')[0]!.default);
      const refs = attrsOf(xml, 'item').map((a) => a.identifierref);
      expect(refs.length).toBeGreaterThan(0);
      for (const ref of refs) expect(resources).toContain(ref);
      const all = ids(xml);
      expect(new Set(all).size).toBe(all.length);
      for (const id of all) expect(id).toMatch(NCNAME);
      for (const id of all) expect(id.startsWith(`beyond-stigma-${input.id}`)).toBe(true);
    });

    test('has the exact schema and schemaversion', () => {
      expect(texts(xml, 'schema')).toEqual(['ADL SCORM']);
      expect(texts(xml, 'schemaversion')).toEqual([version === '1.2' ? '1.2' : '2004 4th Edition']);
    });

    test('carries the mastery score in the right form and place', () => {
      const [item, ...more] = itemContent(xml);
      expect(more).toEqual([]);
      if (version === '1.2') {
        expect(texts(xml, 'adlcp:masteryscore')).toEqual([String(input.masteryScore)]);
        expect(texts(item!, 'adlcp:masteryscore')).toEqual([String(input.masteryScore)]);
        expect(texts(xml, 'adlcp:masteryscore')[0]).toMatch(/^(100|[1-9]?\d)$/);
        expect(xml).not.toContain('imsss');
      } else {
        expect(xml).not.toMatch(/masteryscore/i);
        const objectives = attrsOf(item!, 'imsss:primaryObjective');
        expect(objectives).toEqual([{ satisfiedByMeasure: 'true' }]);
        expect(texts(item!, 'imsss:minNormalizedMeasure').map(Number)).toEqual([input.masteryScore / 100]);
        expect(texts(xml, 'imsss:minNormalizedMeasure')).toHaveLength(1);
      }
    });

    test('uses the namespaces of its version only', () => {
      const manifest = attrsOf(xml, 'manifest')[0]!;
      const declared = Object.fromEntries(Object.entries(manifest).filter(([k]) => k === 'xmlns' || k.startsWith('xmlns:')));
      expect(declared).toEqual(EXPECTED_NS[version]);
      expect(xml.match(/xmlns(:\w+)?=/g)).toHaveLength(Object.keys(EXPECTED_NS[version]).length);
      const used = new Set(tags(xml).flatMap((t) => [t.name, ...Object.keys(t.attrs)]).filter((n) => n.includes(':') && !n.startsWith('xmlns:')).map((n) => n.split(':')[0]));
      for (const prefix of used) expect(declared).toHaveProperty(`xmlns:${prefix}`);
      const resource = attrsOf(xml, 'resource')[0]!;
      if (version === '1.2') {
        expect(resource['adlcp:scormtype']).toBe('sco');
        expect(xml).not.toMatch(/v1p3|imscp_v1p1|imsss|scormType|imsmd|<(\w+:)?lom\b/);
      } else {
        expect(resource['adlcp:scormType']).toBe('sco');
        expect(xml).not.toMatch(/rootv1p2|rootv1p1p2|scormtype|imsmd|ltsc\.ieee\.org|<(\w+:)?lom\b/);
      }
    });

    test('lists every input file exactly once, and nothing else; launches the launch page', () => {
      expect(attrsOf(xml, 'file').map((a) => a.href)).toEqual(input.files);
      expect(attrsOf(xml, 'resource').map((a) => a.href)).toEqual([input.launch]);
      expect(attrsOf(xml, 'resource')).toHaveLength(1);
    });

    test('names schema files that ship with the package', () => {
      const location = attrsOf(xml, 'manifest')[0]!['xsi:schemaLocation']!.split(/\s+/);
      const shipped = schemaFiles(version, NODE_MODULES).map((s) => s.path);
      for (let i = 1; i < location.length; i += 2) expect(shipped).toContain(location[i]);
    });

    test('has the title, description and content version', () => {
      expect(texts(xml, 'title')).toEqual([input.title, input.title]);
      expect(xml).toContain(`<!-- ${input.description} -->`);
      expect(attrsOf(xml, 'manifest')[0]!.version).toBe(input.contentVersion);
    });
  },
);

describe('identifiers', () => {
  test('are the same for the same input, and survive a new content version (a re-upload keeps records)', () => {
    for (const version of VERSIONS) {
      const first = buildManifest({ ...lesson, version });
      expect(buildManifest({ ...lesson, version })).toBe(first);
      expect(ids(buildManifest({ ...lesson, version, contentVersion: '0.2.0', files: [...lesson.files, 'new.html'] }))).toEqual(ids(first));
    }
  });

  test('differ between lessons and the course', () => {
    for (const version of VERSIONS) {
      const a = ids(buildManifest({ ...lesson, version }));
      const b = ids(buildManifest({ ...lesson, id: 'care', version }));
      const c = ids(buildManifest({ ...course, version }));
      expect(a.filter((id) => b.includes(id) || c.includes(id))).toEqual([]);
      expect(b.filter((id) => c.includes(id))).toEqual([]);
    }
  });
});

describe.each(VERSIONS)('SCORM %s escaping', (version) => {
  const tricky = {
    ...lesson,
    version,
    title: `Words & "manner" <1>`,
    description: `Don't -- ever --> end with -`,
    files: [...lesson.files, '_astro/a&b.js'],
  };
  const xml = buildManifest(tricky);

  test('escapes every text and attribute, and stays valid', async () => {
    expect(xml).toContain('<title>Words &amp; &quot;manner&quot; &lt;1&gt;</title>');
    expect(texts(xml, 'title')).toEqual([tricky.title, tricky.title]);
    expect(attrsOf(xml, 'file').map((a) => a.href)).toEqual(tricky.files);
    expect(xml.match(/<!--[\s\S]*?-->/g)).toHaveLength(1);
    expect(await validate(xml, version)).toEqual({ valid: true, errors: [] });
  });
});

describe('bad input is refused', () => {
  test.each([
    ['a fractional mastery score', { masteryScore: 80.5 }],
    ['a mastery score over 100', { masteryScore: 101 }],
    ['a negative mastery score', { masteryScore: -1 }],
    ['an id that is not kebab-case', { id: 'Language Lesson' }],
    ['a launch page not in the files', { launch: 'start.html' }],
    ['a file listed twice', { files: ['launch.html', 'launch.html'] }],
    ['the manifest among the files', { files: ['launch.html', 'imsmanifest.xml'] }],
    ['an absolute path', { files: ['launch.html', '/_astro/x.js'] }],
  ])('%s', (_, change) => {
    for (const version of VERSIONS) expect(() => buildManifest({ ...lesson, version, ...change })).toThrow();
  });
});

describe('the validator rejects bad manifests', () => {
  const good = (version: ScormVersion) => buildManifest({ ...lesson, version });

  test.each([
    ['1.2', 'an identifier starting with a digit', (x: string) => x.replaceAll('beyond-stigma-language-sco', '1-language-sco'), /xs:ID/],
    ['1.2', 'scormtype="SCO"', (x: string) => x.replace('adlcp:scormtype="sco"', 'adlcp:scormtype="SCO"'), /scormtype/],
    ['1.2', 'a misspelled adlcp:masteryScore', (x: string) => x.replaceAll('adlcp:masteryscore', 'adlcp:masteryScore'), /masteryScore/],
    ['1.2', 'inline IMS MD, which is not validated', (x: string) => x.replace('</metadata>', '<imsmd:lom xmlns:imsmd="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"/></metadata>'), /lom/],
    ['2004', 'an identifier starting with a digit', (x: string) => x.replaceAll('beyond-stigma-language-org', '2-language-org'), /xs:ID/],
    ['2004', 'scormType="SCO"', (x: string) => x.replace('adlcp:scormType="sco"', 'adlcp:scormType="SCO"'), /scormType/],
    ['2004', 'a minNormalizedMeasure of 80', (x: string) => x.replace(/(<imsss:minNormalizedMeasure>)[^<]*/, '$180'), /minNormalizedMeasure/],
    ['2004', 'sequencing before the title', (x: string) => x.replace(/(<item\b[^>]*>)\s*(<title>[^<]*<\/title>)\s*(<imsss:sequencing>[\s\S]*?<\/imsss:sequencing>)/, '$1$3$2'), /title/],
  ] as const)('SCORM %s: %s', async (version, _, mutate, message) => {
    const bad = mutate(good(version));
    expect(bad).not.toBe(good(version));
    const result = await validate(bad, version);
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(message);
  });

  test('without our 2004 wrapper, IMS CP alone lets scormType="SCO" through (why the wrapper exists)', async () => {
    const bad = good('2004').replace('adlcp:scormType="sco"', 'adlcp:scormType="SCO"');
    const imscpAlone = relative(ROOT, schemaFiles('2004', NODE_MODULES).find((s) => s.path === 'imscp_v1p1.xsd')!.source);
    expect(await validate(bad, '2004', imscpAlone)).toEqual({ valid: true, errors: [] });
    expect((await validate(bad, '2004')).valid).toBe(false);
  });
});

describe('schemaFiles', () => {
  test.each(VERSIONS)('SCORM %s: the ADL files, flat at the zip root', (version) => {
    const list = schemaFiles(version, NODE_MODULES);
    const names = list.map((s) => s.path);
    expect(names).toEqual([...names].sort());
    for (const { path, source } of list) {
      expect(path).toMatch(/^[\w.]+\.(xsd|dtd)$/);
      expect(readFileSync(source).length).toBeGreaterThan(0);
    }
    if (version === '1.2') {
      expect(names).toEqual(['adlcp_rootv1p2.xsd', 'ims_xml.xsd', 'imscp_rootv1p1p2.xsd', 'imsmd_rootv1p2p1.xsd']);
    } else {
      for (const name of ['imscp_v1p1.xsd', 'adlcp_v1p3.xsd', 'adlseq_v1p3.xsd', 'adlnav_v1p3.xsd', 'imsss_v1p0.xsd', 'xml.xsd', 'XMLSchema.dtd', 'datatypes.dtd']) {
        expect(names).toContain(name);
      }
      // 4th edition, not the 3rd the npm package also carries (2009: adlcp:data, sharedDataGlobalToSystem).
      expect(readFileSync(list.find((s) => s.path === 'adlcp_v1p3.xsd')!.source, 'utf8')).toContain('sharedDataGlobalToSystem');
    }
  });
});
