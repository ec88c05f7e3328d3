#!/usr/bin/env node
/**
 * A small static file server for the built site, honouring the base path, as a static host
 * would. Used by `npm start`/`npm run preview` and by the browser tests.
 *   node test/tools/serve.mjs [--dir dist] [--base /playbook/] [--port 4321]
 */
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ico': 'image/x-icon', '.xml': 'application/xml', '.txt': 'text/plain; charset=utf-8', '.wasm': 'application/wasm',
  '.woff2': 'font/woff2', '.pf_meta': 'application/octet-stream', '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream', '.pagefind': 'application/octet-stream',
};

/**
 * `headers(pathname)`: response headers to add to each file served, as a host would from its
 * configuration (test/browser/embed.test.ts gives it the rules of a generated `_headers`).
 * @param {{ dir?: string, base?: string, port?: number, host?: string, headers?: ((pathname: string) => Record<string, string>) | undefined }} [options]
 */
export function startServer({ dir = 'dist', base = '/', port = 4321, host = '127.0.0.1', headers = (_pathname) => ({}) } = {}) {
  const root = resolve(dir);
  const prefix = base.endsWith('/') ? base : base + '/';
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path = decodeURIComponent(url.pathname);
    if (!path.startsWith(prefix)) {
      if (path === prefix.slice(0, -1)) return redirect(res, prefix);
      return notFound(res, root);
    }
    path = path.slice(prefix.length - 1);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) return notFound(res, root);
    try {
      let stat = statSync(file);
      if (stat.isDirectory()) {
        if (!url.pathname.endsWith('/')) return redirect(res, url.pathname + '/' + url.search);
        file = join(file, 'index.html');
        stat = statSync(file);
      }
      res.writeHead(200, { ...headers(url.pathname), 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': stat.size });
      createReadStream(file).pipe(res);
    } catch {
      notFound(res, root);
    }
  });
  return new Promise((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(port, host, () => {
      const address = server.address();
      resolveListen({ server, url: `http://${host}:${address.port}${prefix}` });
    });
  });
}

function redirect(res, location) {
  res.writeHead(301, { location });
  res.end();
}

function notFound(res, root) {
  res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
  try {
    createReadStream(join(root, '404.html')).pipe(res);
  } catch {
    res.end('Not found');
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = Object.fromEntries(process.argv.slice(2).join(' ').split('--').filter(Boolean).map((a) => a.trim().split(/\s+/)));
  const base = args.base ?? process.env.PLAYBOOK_BASE ?? '/';
  const dir = args.dir ?? process.env.PLAYBOOK_OUT ?? 'dist';
  const port = Number(args.port ?? process.env.PORT ?? 4321);
  try {
    const { url } = await startServer({ dir, base, port });
    console.log(`Serving ${dir} at ${url}  (Ctrl+C to stop)`);
  } catch (error) {
    if (error.code !== 'EADDRINUSE') throw error;
    console.error(`Port ${port} is already in use. Choose another: PORT=${port + 1} npm run preview`);
    process.exit(1);
  }
}
