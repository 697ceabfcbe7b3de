/**
 * The imsmanifest.xml of one SCORM package: one organization, one item, one SCO resource.
 * Pure (no I/O), so the tests can check it against ADL's schemas (tests/unit/manifest.test.ts).
 *
 * SCORM 1.2: IMS CP 1.1.2 + adlcp_rootv1p2; the mastery score is `adlcp:masteryscore` in the item
 * (Learning Hub takes 100 without it).
 * SCORM 2004 4th edition: IMS CP 1.1.4 + adlcp_v1p3 + imsss; the mastery score is the primary
 * objective's `minNormalizedMeasure`.
 * No metadata records (LOM / IMS MD), in either version: what ships must be what is validated, and
 * the npm schema package lacks the 2004 LOM schemas while IMS MD 1.2.1's schema does not compile
 * in current libxml2 (non-deterministic content models). So the description is an XML comment,
 * and the content version is the manifest's `version` attribute.
 */
export type ScormVersion = '1.2' | '2004';

export interface ManifestInput {
  version: ScormVersion;
  /** Stable, derived from the lesson id or 'course' (e.g. 'language' → identifiers like 'beyond-stigma-language-…'); the same input gives the same identifiers, so a re-upload keeps learners' records. */
  id: string; // kebab-case, e.g. 'language' or 'course'
  title: string;
  description: string;
  contentVersion: string; // e.g. '0.1.0'
  masteryScore: number; // percent, 0–100 integer
  launch: string; // relative href of the launch page inside the package, e.g. 'index.html'
  files: string[]; // every file of the SCO, relative paths with '/', not including imsmanifest.xml or schema files
}

const NS = {
  '1.2': {
    cp: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
    adlcp: 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
  },
  '2004': {
    cp: 'http://www.imsglobal.org/xsd/imscp_v1p1',
    adlcp: 'http://www.adlnet.org/xsd/adlcp_v1p3',
    imsss: 'http://www.imsglobal.org/xsd/imsss',
  },
} as const;

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** Where each namespace's schema sits in the package (the zip root; see schemaFiles.ts). */
const SCHEMA_LOCATION = {
  '1.2': `${NS['1.2'].cp} imscp_rootv1p1p2.xsd ${NS['1.2'].adlcp} adlcp_rootv1p2.xsd`,
  '2004': `${NS['2004'].cp} imscp_v1p1.xsd ${NS['2004'].adlcp} adlcp_v1p3.xsd ${NS['2004'].imsss} imsss_v1p0.xsd`,
} as const;

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** Text that is safe inside `<!-- … -->` (no `--`, no trailing `-`). */
const commentText = (text: string): string => text.replace(/-(?=-|$)/g, '- ');

/** Identifiers: 'beyond-stigma-<id>' plus a fixed suffix, so they are NCNames and never change for a given id. */
function identifiers(id: string) {
  const base = `beyond-stigma-${id}`;
  return { manifest: base, organization: `${base}-org`, item: `${base}-item`, resource: `${base}-sco` };
}

function check(input: ManifestInput): void {
  const { id, masteryScore, launch, files } = input;
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) throw new Error(`manifest id must be kebab-case: "${id}"`);
  if (!Number.isInteger(masteryScore) || masteryScore < 0 || masteryScore > 100) {
    throw new Error(`masteryScore must be an integer 0–100: ${masteryScore}`);
  }
  if (new Set(files).size !== files.length) throw new Error('files are listed more than once');
  for (const file of files) {
    if (!file || file.startsWith('/') || file.includes('\\') || file === 'imsmanifest.xml') throw new Error(`bad file path: "${file}"`);
  }
  if (!files.includes(launch)) throw new Error(`launch page "${launch}" is not among the files`);
}

export function buildManifest(input: ManifestInput): string {
  check(input);
  const { version, title, description, contentVersion, masteryScore, launch, files } = input;
  const ids = identifiers(input.id);
  const ns = NS[version];
  const t = escapeXml(title);
  const is12 = version === '1.2';

  const namespaces = Object.entries(ns)
    .map(([prefix, uri]) => (prefix === 'cp' ? `xmlns="${uri}"` : `xmlns:${prefix}="${uri}"`))
    .join('\n          ');

  const metadata = `  <!-- ${commentText(description)} -->
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>${is12 ? '1.2' : '2004 4th Edition'}</schemaversion>
  </metadata>`;

  const mastery = is12
    ? `        <adlcp:masteryscore>${masteryScore}</adlcp:masteryscore>`
    : `        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${masteryScore / 100}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
        </imsss:sequencing>`;

  const scormType = is12 ? 'adlcp:scormtype' : 'adlcp:scormType';
  const fileList = files.map((f) => `      <file href="${escapeXml(f)}"/>`).join('\n');

  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${ids.manifest}" version="${escapeXml(contentVersion)}"
          ${namespaces}
          xmlns:xsi="${XSI}"
          xsi:schemaLocation="${SCHEMA_LOCATION[version]}">
${metadata}
  <organizations default="${ids.organization}">
    <organization identifier="${ids.organization}">
      <title>${t}</title>
      <item identifier="${ids.item}" identifierref="${ids.resource}" isvisible="true">
        <title>${t}</title>
${mastery}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${ids.resource}" type="webcontent" ${scormType}="sco" href="${escapeXml(launch)}">
${fileList}
    </resource>
  </resources>
</manifest>
`;
}
