/**
 * `npm run check`: every content rule in a few seconds, without building the site.
 *
 *   file:line  rule  message  (fix: hint)
 *
 * Exits 1 when there is any error; warnings (the language check, time estimates, unused
 * references) advise and do not fail. `npm run check -- path/to/project` checks another tree.
 */
import { resolve } from 'node:path';
import { checkContent } from './checkContent.ts';
import { formatProblem } from './problem.ts';

const root = resolve(process.argv[2] ?? process.cwd());
const started = performance.now();
const problems = checkContent({ root });
const errors = problems.filter((p) => p.severity === 'error');
const warnings = problems.filter((p) => p.severity === 'warning');
for (const p of problems) console.log(`${p.severity === 'error' ? 'error  ' : 'warning'}  ${formatProblem(p)}`);
const took = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  problems.length
    ? `\n${errors.length} error(s), ${warnings.length} warning(s) in ${took} s. Errors stop the build; warnings are advice.`
    : `Content is clean: no errors, no warnings (${took} s).`,
);
process.exitCode = errors.length ? 1 : 0;
