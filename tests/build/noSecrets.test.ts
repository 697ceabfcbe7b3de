/** No secrets or personal data in the repository or in any SCORM package. */
import { execFileSync } from 'node:child_process';
import { globSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { unzip } from '../../scorm/package/zip.ts';
import { DIST } from './pageWeight.ts';
import { isNhsNumber, scanBuffer, scanText } from './secretScan.ts';

const ROOT = resolve(import.meta.dirname, '../..');

describe('the scanner', () => {
  // Built at run time so that this file itself holds nothing the scanner would report.
  const seeded = {
    'private key': ['-----BEGIN', 'RSA PRIVATE KEY-----'].join(' '),
    'AWS access key': 'AKIA' + 'Q'.repeat(16),
    'GitHub token': 'ghp_' + 'a1'.repeat(18),
    'credential in code': 'password = "' + 'hunter2hunter2' + '"',
    'email address': 'dr.someone' + '@' + 'nhs.net',
    'NHS number': '943 476 ' + '5919',
  };
  for (const [kind, text] of Object.entries(seeded)) {
    test(`finds a ${kind}`, () => {
      expect(scanText('seeded.txt', `before\n${text}\nafter`)).toEqual([{ file: 'seeded.txt', line: 2, kind, match: expect.any(String) }]);
    });
  }
  test('leaves alone example addresses, ten-digit numbers that fail the NHS check, and binary files', () => {
    expect(scanText('ok.txt', 'write to learner' + '@' + 'example.com or call 020 7946 0000; 943 476 5910')).toEqual([]);
    expect(isNhsNumber('9434765919')).toBe(true);
    expect(isNhsNumber('9434765910')).toBe(false);
    expect(scanBuffer('bin', Buffer.concat([Buffer.from([0]), Buffer.from('AKIA' + 'Q'.repeat(16))]))).toEqual([]);
  });
});

describe('what we publish', () => {
  test('no file in the repository holds a secret or personal data', () => {
    const files = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
    expect(files.length).toBeGreaterThan(50);
    const findings = files.flatMap((f) => scanBuffer(f, readFileSync(join(ROOT, f))));
    expect(findings).toEqual([]);
  });

  test('no file in any SCORM package holds a secret or personal data', () => {
    const zips = globSync('packages/*.zip', { cwd: DIST });
    expect(zips.length).toBeGreaterThan(0);
    const findings = zips.flatMap((z) => [...unzip(readFileSync(join(DIST, z))).entries()].flatMap(([name, data]) => scanBuffer(`${z}:${name}`, data)));
    expect(findings).toEqual([]);
  });
});
