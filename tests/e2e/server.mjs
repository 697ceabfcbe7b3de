// A small static server for the built site (dist/), used by `npm start` and the e2e tests.
// No dependencies; serves only files under dist/, with the right content types, compressed with
// brotli or gzip when the browser accepts it (as any real host would).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('../../dist', import.meta.url)));
const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? '127.0.0.1';
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json', '.xml': 'application/xml',
  '.zip': 'application/zip', '.txt': 'text/plain; charset=utf-8', '.ico': 'image/x-icon', '.xsd': 'application/xml',
};

if (!existsSync(root)) {
  console.error('dist/ does not exist: run `npm run build` first.');
  process.exit(1);
}

const cache = new Map();
/** Compressed once per file and encoding (the files do not change while serving). */
function compressed(path, body, encoding) {
  const key = `${encoding}:${path}:${body.length}`;
  if (!cache.has(key)) {
    cache.set(key, encoding === 'br' ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }) : gzipSync(body, { level: 9 }));
  }
  return cache.get(key);
}

createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  let path = normalize(join(root, decodeURIComponent(url.pathname)));
  if (!path.startsWith(root)) {
    res.writeHead(403).end();
    return;
  }
  if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
  else if (!existsSync(path) && existsSync(`${path}.html`)) path = `${path}.html`;
  if (!existsSync(path)) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    return;
  }
  const type = types[extname(path)] ?? 'application/octet-stream';
  const body = readFileSync(path);
  const accepts = String(req.headers['accept-encoding'] ?? '');
  const textual = /^(text\/|application\/(json|xml)|image\/svg)/.test(type);
  const headers = { 'content-type': type, 'cache-control': 'no-store', vary: 'accept-encoding' };
  if (textual && /\bbr\b/.test(accepts)) {
    res.writeHead(200, { ...headers, 'content-encoding': 'br' }).end(compressed(path, body, 'br'));
  } else if (textual && /\bgzip\b/.test(accepts)) {
    res.writeHead(200, { ...headers, 'content-encoding': 'gzip' }).end(compressed(path, body, 'gzip'));
  } else {
    res.writeHead(200, headers).end(body);
  }
}).listen(port, host, () => console.log(`Beyond Stigma is being served at http://${host}:${port}/ (Ctrl+C to stop)`));
