import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/**
 * Offline reading: after a first visit the whole playbook, search included, works without a
 * network. At the end of the build this writes `<outDir>/sw.js`, a service worker (template:
 * offline-sw.js) carrying the build's precache manifest: every file a reader can reach (pages,
 * /_astro/ bundles, the Pagefind index and fragments, templates, favicon) with its SHA-256, and a
 * version derived from them. Every page registers it once loaded and settled (src/lib/offline/),
 * so the first visit's own requests are unchanged.
 *
 * Switched off with PLAYBOOK_OFFLINE=0 (for hosts that forbid service workers): pages then register
 * nothing, and sw.js is only a retiring worker that removes a worker and caches an earlier build
 * installed, so turning the feature off never strands readers on an old copy.
 *
 * Not precached: the embed views (/embed/, meant for other sites' frames), the host files
 * (_headers, sw.js itself) and the sitemaps.
 */

const here = dirname(fileURLToPath(import.meta.url));

/** PLAYBOOK_OFFLINE: on unless `0`, `false`, `off` or `no`; anything unknown fails the build. */
export function offlineEnabled(value = process.env.PLAYBOOK_OFFLINE) {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '' || ['1', 'true', 'on', 'yes'].includes(v)) return true;
  if (['0', 'false', 'off', 'no'].includes(v)) return false;
  throw new Error(`PLAYBOOK_OFFLINE: "${value}" is neither on (1) nor off (0).`);
}

/** Files of the build (paths relative to it, `/`-separated) that are not for readers' browsers. */
export const NOT_PRECACHED = [/^sw\.js$/, /^_headers$/, /^\.htaccess$/, /^sitemap-[\w-]*\.xml$/, /^robots\.txt$/, /^embed\//];

function allFiles(dir, rel = '') {
  const out = [];
  for (const name of readdirSync(join(dir, rel))) {
    const path = rel ? `${rel}/${name}` : name;
    if (statSync(join(dir, path)).isDirectory()) out.push(...allFiles(dir, path));
    else out.push(path);
  }
  return out;
}

/** Hex digits of each file's SHA-256 kept in the manifest (80 bits: enough to tell two builds' files apart). */
const HASH_LENGTH = 20;

/**
 * The precache manifest of a built site: `[url path, sha-256 prefix]` per file, pages by their
 * directory URL (`/base/chapters/05-pricing/`), sorted; `version` names the whole set.
 */
export function buildManifest(dir, base) {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const files = [];
  let raw = 0;
  let gzip = 0;
  for (const file of allFiles(dir).sort()) {
    if (NOT_PRECACHED.some((pattern) => pattern.test(file))) continue;
    const bytes = readFileSync(join(dir, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 6 }).length;
    const url = prefix + encodeURI(file.replace(/(^|\/)index\.html$/, '$1'));
    files.push([url, createHash('sha256').update(bytes).digest('hex').slice(0, HASH_LENGTH)]);
  }
  files.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const version = createHash('sha256').update(JSON.stringify(files)).digest('hex').slice(0, 12);
  return { version, base: prefix, files, bytes: { raw, gzip } };
}

const SW_TEMPLATE = join(here, 'offline-sw.js');

/** The service worker for a manifest: its data, then the template. */
export function serviceWorkerSource(manifest) {
  const data = { version: manifest.version, base: manifest.base, files: manifest.files };
  return `self.PLAYBOOK_OFFLINE = ${JSON.stringify(data)};\n${readFileSync(SW_TEMPLATE, 'utf8')}`;
}

/** The worker a switched-off build ships: it removes an earlier build's worker and caches, then itself. */
export function retiringServiceWorkerSource(base) {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return `// Offline reading is switched off for this build (PLAYBOOK_OFFLINE=0): this worker only removes
// the worker and caches an earlier build installed under ${prefix}, then unregisters itself.
const PREFIX = ${JSON.stringify(`playbook-offline:${prefix}:`)};
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith(PREFIX)) await caches.delete(name);
      await self.registration.unregister();
    })(),
  );
});
`;
}

/** The page script that registers the worker once the page has loaded and settled (a few seconds, then an idle moment). */
const START = fileURLToPath(new URL('../lib/offline/start.ts', import.meta.url));

/** @returns {import('astro').AstroIntegration} */
export function offline({ enabled = offlineEnabled() } = {}) {
  let base = '/';
  return {
    name: 'playbook-offline',
    hooks: {
      'astro:config:setup': ({ injectScript }) => {
        if (enabled) injectScript('page', `import ${JSON.stringify(START)};`);
      },
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      // Runs after Pagefind (Starlight's hook) and host-headers (which rewrites every page's <head>):
      // the hashes are those of the files as deployed.
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        if (!enabled) {
          writeFileSync(join(outDir, 'sw.js'), retiringServiceWorkerSource(base));
          logger.info('offline reading switched off (PLAYBOOK_OFFLINE=0): sw.js only retires an earlier worker');
          return;
        }
        const manifest = buildManifest(outDir, base);
        writeFileSync(join(outDir, 'sw.js'), serviceWorkerSource(manifest));
        const kb = (n) => `${Math.round(n / 1000)} KB`;
        logger.info(`sw.js written: ${manifest.files.length} files precached, ${kb(manifest.bytes.raw)} (${kb(manifest.bytes.gzip)} gzip), version ${manifest.version}`);
      },
    },
  };
}
