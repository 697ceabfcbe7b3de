/**
 * Looks for secrets and personal data in text: credentials and keys, email addresses, and
 * NHS numbers (ten digits in 3-3-4 groups that pass the NHS number check digit). Used on every
 * file in the repository and in every SCORM package, so nothing of the kind ships.
 */
export interface Finding {
  file: string;
  line: number;
  kind: string;
  match: string;
}

/** Email domains that are never anyone's address (RFC 2606 examples). */
const EXAMPLE_DOMAINS = /@(?:example\.(?:com|org|net)|[a-z0-9-]+\.example|localhost)$/i;

/** True when ten digits pass the NHS number modulus 11 check. */
export function isNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  const sum = [...digits.slice(0, 9)].reduce((n, d, i) => n + Number(d) * (10 - i), 0);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

const RULES: Array<{ kind: string; re: RegExp; keep?: (m: string) => boolean }> = [
  { kind: 'private key', re: /-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----/g },
  { kind: 'AWS access key', re: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
  { kind: 'GitHub token', re: /\bgh[pousr]_[A-Za-z0-9]{36,}\b/g },
  { kind: 'npm token', re: /\bnpm_[A-Za-z0-9]{36}\b/g },
  { kind: 'Slack token', re: /\bxox[abprs]-[A-Za-z0-9-]{10,}\b/g },
  { kind: 'credential in code', re: /\b(?:api[_-]?key|client[_-]?secret|password|passwd|auth[_-]?token|access[_-]?token)\b\s*[:=]\s*["'][^"'\s]{8,}["']/gi },
  { kind: 'email address', re: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g, keep: (m) => !EXAMPLE_DOMAINS.test(m) },
  { kind: 'NHS number', re: /\b\d{3}[ -]\d{3}[ -]\d{4}\b/g, keep: (m) => isNhsNumber(m.replace(/\D/g, '')) },
];

export function scanText(file: string, text: string): Finding[] {
  const findings: Finding[] = [];
  text.split('\n').forEach((lineText, i) => {
    for (const rule of RULES) {
      for (const m of lineText.matchAll(rule.re)) {
        if (!rule.keep || rule.keep(m[0])) findings.push({ file, line: i + 1, kind: rule.kind, match: m[0] });
      }
    }
  });
  return findings;
}

/** Binary files (with a NUL byte in their first 8 KB) are skipped. */
export function scanBuffer(file: string, data: Buffer): Finding[] {
  if (data.subarray(0, 8192).includes(0)) return [];
  return scanText(file, data.toString('utf8'));
}
