/*
 * The playbook's service worker: the template src/integrations/offline.mjs fills in at build time
 * (it writes `self.PLAYBOOK_OFFLINE = {...}` above this text into <outDir>/sw.js). Plain JavaScript,
 * not bundled: what is here is what the browser runs.
 *
 * - install: downloads every file of the build listed in the manifest into one cache named after
 *   the build's version, checking each file's SHA-256 against the manifest, so a deployment that
 *   lands halfway through never leaves a cache holding two builds (the install fails instead and
 *   the browser tries again on a later visit). Files whose hash an older cache already holds are
 *   copied from it rather than downloaded again.
 * - fetch: a GET for a listed file is answered from this version's cache (query strings ignored:
 *   calculator state lives in `?…`, Pagefind adds `?ts=`), so a page and everything it loads come
 *   from the same build; anything else goes to the network; a page that cannot be fetched offline
 *   gets the cached 404 page.
 * - a new build's worker waits until the reader accepts the update prompt (message `skip-waiting`),
 *   then takes over; activate deletes the caches of older builds of this site (same base path only).
 */
/* global self, caches, fetch, Response, URL */
const { version: VERSION, base: BASE, files: FILES } = self.PLAYBOOK_OFFLINE;
const PREFIX = `playbook-offline:${BASE}:`;
const CACHE = PREFIX + VERSION;
/** The cache entry holding this version's manifest, so a later version can reuse unchanged files. */
const MANIFEST_KEY = `${BASE}__offline-manifest__`;
const hashOf = new Map(FILES.map(([path, hash]) => [path, hash]));

const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** A response the cache can serve for a navigation (a redirected response would be refused). */
async function clean(response) {
  if (!response.redirected) return response;
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers: response.headers });
}

async function reusable() {
  const found = new Map();
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CACHE) continue;
    const old = await caches.open(name);
    const manifest = await old.match(MANIFEST_KEY);
    if (!manifest) continue;
    for (const [path, hash] of await manifest.json()) if (hashOf.get(path) === hash && !found.has(path)) found.set(path, old);
  }
  return found;
}

async function precache() {
  const cache = await caches.open(CACHE);
  const old = await reusable();
  const queue = [...FILES];
  const worker = async () => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      const [path, hash] = item;
      if (await cache.match(path)) continue;
      const previous = old.get(path);
      const kept = previous && (await previous.match(path));
      if (kept) {
        await cache.put(path, kept);
        continue;
      }
      const response = await fetch(path, { cache: 'no-cache', credentials: 'same-origin' });
      if (!response.ok) throw new Error(`offline: ${path} answered ${response.status}`);
      const digest = hex(await crypto.subtle.digest('SHA-256', await response.clone().arrayBuffer()));
      if (!digest.startsWith(hash)) throw new Error(`offline: ${path} is not the file of build ${VERSION} (a deployment in progress?)`);
      await cache.put(path, await clean(response));
    }
  };
  // A few downloads at a time: the reader's own browsing keeps the rest of the connections.
  await Promise.all(Array.from({ length: 6 }, worker));
  await cache.put(MANIFEST_KEY, new Response(JSON.stringify(FILES), { headers: { 'content-type': 'application/json' } }));
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      // The first worker takes charge of the open page at once: it is the build that page came from
      // or newer, and from now on every request of the page is answered by this one build.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'skip-waiting') self.skipWaiting();
});

/** The manifest path a request asks for: `/x/index.html` and `/x/` are the same page. */
function listedPath(pathname) {
  if (hashOf.has(pathname)) return pathname;
  if (pathname.endsWith('/index.html') && hashOf.has(pathname.slice(0, -'index.html'.length))) return pathname.slice(0, -'index.html'.length);
  return null;
}

/** `path`: the listed file asked for, or null for a page the build does not have (network, else the 404 page). */
async function answer(request, path) {
  const cache = await caches.open(CACHE);
  const hit = path && (await cache.match(path));
  if (hit) return hit;
  try {
    return await fetch(request);
  } catch (error) {
    if (request.mode !== 'navigate') throw error;
    const notFound = await cache.match(`${BASE}404.html`);
    if (!notFound) throw error;
    return new Response(await notFound.blob(), { status: 404, headers: notFound.headers });
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(BASE)) return;
  const path = listedPath(url.pathname);
  if (path || request.mode === 'navigate') event.respondWith(answer(request, path));
});
