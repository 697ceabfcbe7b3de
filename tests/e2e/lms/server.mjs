// The test LMS: serves a harness page with scorm-again's APIs and every built SCORM package,
// unzipped from dist/packages/ into memory, under a deep path like a real platform:
//   /lms/harness.html
//   /lms/scorm-again/scorm12.js, /lms/scorm-again/scorm2004.js
//   /lms/<package file name without .zip>/sco/<path in the package>
//   POST /lms/commit (a commit's data, when a test makes the harness post it; answered 204)
// Anything else is a 404, so a package that reaches outside its folder fails its test.
import { existsSync, globSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzip } from '../../../scorm/package/zip.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const dist = resolve(here, '../../../dist/packages');
const port = Number(process.env.LMS_PORT ?? 4322);
const require = createRequire(import.meta.url);
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.xml': 'application/xml', '.xsd': 'application/xml' };

if (!existsSync(dist)) {
  console.error('dist/packages does not exist: run `npm run build` first.');
  process.exit(1);
}
const packages = new Map(globSync('*.zip', { cwd: dist }).map((f) => [f.replace(/\.zip$/, ''), unzip(readFileSync(resolve(dist, f)))]));
const fixed = new Map([
  ['/lms/harness.html', readFileSync(resolve(here, 'harness.html'))],
  ['/lms/scorm-again/scorm12.js', readFileSync(require.resolve('scorm-again/scorm12'))],
  ['/lms/scorm-again/scorm2004.js', readFileSync(require.resolve('scorm-again/scorm2004'))],
]);

createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  // Where the harness posts each commit when a test asks it to (see harness.html).
  if (req.method === 'POST' && path === '/lms/commit') {
    req.resume().on('end', () => res.writeHead(204).end());
    return;
  }
  let body = fixed.get(path);
  const m = path.match(/^\/lms\/([^/]+)\/sco\/(.+)$/);
  if (!body && m) body = packages.get(m[1])?.get(m[2]);
  if (!body) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    return;
  }
  res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  res.end(body);
}).listen(port, '127.0.0.1', () => console.log(`test LMS at http://127.0.0.1:${port}/lms/harness.html (${packages.size} packages)`));
