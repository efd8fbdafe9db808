// A static file server for the built site, as any static host or CDN would serve it: `/x/` → `/x/index.html`,
// a site-wide 404.html for misses, and an optional base path (a newsroom's `/graphics/fentanyl/`) under which
// the whole build is mounted. Text is gzipped, as every CDN does. Used by the Lighthouse gate, the site crawl and the smoothness benchmark.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** Every HTML page of a build, as URL paths relative to the site root ('' for the home page, 'embed/x/' …). */
export function listPages(dir) {
  const pages = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.html')) {
        const rel = relative(dir, full).split(sep).join('/');
        pages.push(rel === 'index.html' ? '' : rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel);
      }
    }
  };
  walk(dir);
  return pages;
}

/**
 * Serve `dir` under `base` (default '/') on 127.0.0.1 at a free port (or `port`).
 * Resolves to { url, close } where url ends with the base path.
 */
export function serve(root, { base = '/', port = 0 } = {}) {
  const dir = resolve(root);
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`${dir}/index.html is missing: run \`npm run build\` first.`);
  }
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const notFound = join(dir, '404.html');
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = null;
    if (path.startsWith(prefix) || `${path}/` === prefix) {
      const rel = normalize(path.slice(prefix.length)).replace(/^(\.\.(\/|\\|$))+/, '');
      const candidate = join(dir, rel);
      if (candidate.startsWith(dir)) {
        if (existsSync(candidate) && statSync(candidate).isFile()) file = candidate;
        else if (existsSync(join(candidate, 'index.html'))) {
          if (!path.endsWith('/')) {
            res.writeHead(301, { location: `${path}/` }).end();
            return;
          }
          file = join(candidate, 'index.html');
        }
      }
    }
    const status = file ? 200 : 404;
    const body = file ?? (existsSync(notFound) ? notFound : null);
    const type = body ? (TYPES[extname(body)] ?? 'application/octet-stream') : 'text/plain; charset=utf-8';
    let bytes = body ? readFileSync(body) : Buffer.from('Not found');
    // Public files, as a CDN serves them to any origin: an embed in a sandboxed frame (an opaque origin) loads its
    // module script and fonts with CORS.
    const headers = { 'content-type': type, 'cache-control': 'no-cache', vary: 'accept-encoding', 'access-control-allow-origin': '*' };
    if (/text|javascript|json|svg|xml|csv/.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      bytes = gzipSync(bytes, { level: 9 });
      headers['content-encoding'] = 'gzip';
    }
    headers['content-length'] = String(bytes.length);
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : bytes);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({
        url: `http://127.0.0.1:${actual}${prefix}`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

// `node tests/tools/static-server.mjs [dir] [port]`: serve a build until stopped (the Playwright suite's web server).
if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'dist', port = '4321'] = process.argv.slice(2);
  const { url } = await serve(dir, { port: Number(port), base: process.env['BASE_PATH'] ?? '/' });
  console.log(`serving ${dir} at ${url}`);
}
