/**
 * Validates an imsmanifest.xml with xmllint (libxml2 2.13, wasm) against our wrapper schemas and
 * the ADL schema files from node_modules, the very files that ship in the packages. Used by the
 * manifest unit tests and by the build tests on the real packages.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateXML } from 'xmllint-wasm';
import type { ScormVersion } from '../../scorm/package/manifest.ts';
import { schemaFiles } from '../../scorm/package/schemaFiles.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const NODE_MODULES = join(ROOT, 'node_modules');
export const WRAPPER: Record<ScormVersion, string> = {
  '1.2': 'scorm/package/schemas/scorm12_all.xsd',
  '2004': 'scorm/package/schemas/scorm2004_all.xsd',
};

/**
 * Validates with xmllint (libxml2 2.13, wasm). The ADL files go into its in-memory file system at
 * their paths relative to the repository, which is where the wrappers' imports point.
 */
export async function validate(xml: string, version: ScormVersion, schema = WRAPPER[version]) {
  const result = await validateXML({
    xml: { fileName: 'imsmanifest.xml', contents: xml },
    schema: { fileName: schema, contents: readFileSync(join(ROOT, schema)) },
    preload: schemaFiles(version, NODE_MODULES).map((s) => ({ fileName: relative(ROOT, s.source), contents: readFileSync(s.source) })),
    modifyArguments: (args) => ['--nonet', ...args],
  });
  // Only errors located in the manifest count; the 1.2 schemas always print a harmless
  // "xml namespace URI cannot be the default namespace" about ims_xml.xsd.
  return { valid: result.valid, errors: result.errors.filter((e) => e.loc?.fileName === 'imsmanifest.xml').map((e) => e.message) };
}

