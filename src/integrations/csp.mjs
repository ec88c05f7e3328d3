import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The site's Content Security Policy, for Astro's `security.csp` (which writes it into every page
 * as a `<meta http-equiv="content-security-policy">`, adding the hashes of the scripts and styles
 * Astro itself emits). `host-headers.mjs` copies the policy Astro rendered into `_headers`, so the
 * header and the meta tag are always the same string.
 *
 * Astro does not hash `<script is:inline>` contents, and Starlight inlines a few (theme before
 * first paint, the search shortcut, sidebar state, synced tabs). Their hashes are computed here,
 * at config time, from the component sources in node_modules, so a Starlight upgrade that changes
 * one of those scripts changes the hash with it instead of silently breaking the page. The same
 * goes for any `is:inline` script of our own in src/. The build fails if none is found (Starlight
 * moved its components), and test/site/headers.test.ts checks every inline script of every built
 * page against the page's policy.
 */

const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = join(here, '..', '..');

/** `<script is:inline>…</script>`: the text between the tags is emitted verbatim, so it is what the browser hashes. */
const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/g;

function findStarlightDist() {
  for (let dir = projectRoot; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', '@astrojs', 'starlight', 'dist');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error('csp.mjs: cannot find node_modules/@astrojs/starlight/dist');
  }
}

function astroFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') out.push(...astroFiles(path));
    } else if (entry.name.endsWith('.astro')) out.push(path);
  }
  return out.sort();
}

/** SHA-256 CSP hashes (`sha256-…`) of every `is:inline` script without `define:vars` in the given folders. */
export function inlineScriptHashes(dirs) {
  const hashes = new Set();
  for (const dir of dirs) {
    for (const file of astroFiles(dir)) {
      for (const [, attributes, body] of readFileSync(file, 'utf8').matchAll(INLINE_SCRIPT)) {
        if (!/\bis:inline\b/.test(attributes) || /\bdefine:vars\b/.test(attributes) || /\bsrc=/.test(attributes)) continue;
        hashes.add(`sha256-${createHash('sha256').update(body).digest('base64')}`);
      }
    }
  }
  return [...hashes];
}

const starlightHashes = inlineScriptHashes([findStarlightDist()]);
// ThemeProvider, ThemeSelect, Search and SidebarPersister had five between them in Starlight 0.42.
if (starlightHashes.length < 4) {
  throw new Error(`csp.mjs: found only ${starlightHashes.length} is:inline scripts in Starlight; has its layout changed?`);
}

/** @type {import('astro').AstroUserConfig['security']['csp']} */
export const csp = {
  algorithm: 'SHA-256',
  directives: [
    "default-src 'self'",
    "img-src 'self' data:",
    // The k-means calculator (C03.3) runs its clustering in a module Web Worker loaded from /_astro/
    // (Vite emits it as its own file, so no blob: URL is needed).
    "worker-src 'self'",
    // Pagefind fetches its index and fragments from /pagefind/ on the same origin.
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ],
  scriptDirective: {
    resources: [
      "'self'",
      // Pagefind compiles its search engine from WebAssembly (WebAssembly.instantiate), which CSP
      // blocks unless 'wasm-unsafe-eval' is allowed. It permits WebAssembly compilation only; eval(),
      // new Function() and string timers stay blocked (that would be 'unsafe-eval', which we do not allow).
      "'wasm-unsafe-eval'",
    ],
    hashes: [...starlightHashes, ...inlineScriptHashes([join(projectRoot, 'src')])],
  },
  styleDirective: {
    resources: [
      // `style="…"` attributes in the HTML: Starlight writes thousands (sidebar `--depth`, icon sizes,
      // select widths), Expressive Code its colour variables, and the calculator islands render
      // legend swatches with them (Preact and Chart.js set styles through the CSSOM afterwards,
      // which CSP does not restrict). Hashing each is impractical, so `style-src-attr` allows
      // them; <style> elements and stylesheets stay hash- or 'self'-only (`style-src`), and a
      // style attribute cannot run script.
      { resource: "'unsafe-inline'", kind: 'attribute' },
    ],
  },
};
