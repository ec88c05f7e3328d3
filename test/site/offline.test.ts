/**
 * Offline reading (issue 15), over the built output at the root and under the sub-path: sw.js
 * carries a precache manifest whose every URL is a file of the build with that very content (so
 * nothing rewrote a file after the manifest was made), which lists every page but the embed views
 * and every Pagefind file, and which leaves out host and sitemap files; every page loads the
 * registration (after load, from the page script); the switched-off integration registers nothing
 * and ships only a worker that retires an earlier one.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { htmlFiles, read, urlPathOf } from './html';
import { buildManifest, offline, offlineEnabled } from '../../src/integrations/offline.mjs';

const builds = [
  { dir: 'dist', base: '/' },
  { dir: 'dist-sub', base: '/playbook/' },
];

interface Manifest {
  version: string;
  base: string;
  files: [string, string][];
}

function manifestOf(dir: string): Manifest {
  const first = readFileSync(`${dir}/sw.js`, 'utf8').split('\n')[0]!;
  const json = /^self\.PLAYBOOK_OFFLINE = (\{.*\});$/.exec(first)?.[1];
  expect(json, `${dir}/sw.js starts with its manifest`).toBeDefined();
  return JSON.parse(json!) as Manifest;
}

function allFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as { name: string; parentPath: string; isFile(): boolean }[])
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1).replace(/\\/g, '/'));
}

describe.each(builds)('offline precache of $dir (base $base)', ({ dir, base }) => {
  const manifest = manifestOf(dir);
  const fileOf = (url: string) => {
    const rel = decodeURI(url.slice(base.length));
    return join(dir, rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel);
  };

  it('lists files of this build, each with the hash of its content, under the base', () => {
    expect(manifest.base).toBe(base);
    expect(manifest.version).toMatch(/^[0-9a-f]{12}$/);
    const wrong: string[] = [];
    for (const [url, hash] of manifest.files) {
      if (!url.startsWith(base)) wrong.push(`${url}: outside ${base}`);
      const file = fileOf(url);
      if (!existsSync(file)) wrong.push(`${url}: no such file`);
      else if (!createHash('sha256').update(readFileSync(file)).digest('hex').startsWith(hash)) wrong.push(`${url}: hash differs from the built file`);
    }
    expect(wrong).toEqual([]);
    expect(new Set(manifest.files.map(([url]) => url)).size).toBe(manifest.files.length);
    // The version names the set: the same build gives the same manifest.
    expect(buildManifest(dir, base).version).toBe(manifest.version);
  });

  it('has every page but the embed views, every Pagefind file and every /_astro/ file; no host files', () => {
    const listed = new Set(manifest.files.map(([url]) => url));
    const pages = htmlFiles(dir).map((file) => urlPathOf(dir, file, base));
    const embed = `${base}embed/`;
    const missingPages = pages.filter((path) => !path.startsWith(embed) && !listed.has(path));
    expect(missingPages).toEqual([]);
    expect(pages.filter((path) => path.startsWith(embed)).length).toBeGreaterThan(0);
    expect([...listed].filter((url) => url.startsWith(embed))).toEqual([]);
    const assets = allFiles(dir).filter((f) => f.startsWith('pagefind/') || f.startsWith('_astro/'));
    expect(assets.filter((f) => f.startsWith('pagefind/')).length).toBeGreaterThan(10);
    expect(assets.filter((f) => !listed.has(base + f))).toEqual([]);
    for (const host of ['sw.js', '_headers', 'sitemap-index.xml', 'sitemap-0.xml']) expect(listed.has(base + host), host).toBe(false);
    const kb = (n: number) => `${Math.round(n / 1000)} KB`;
    const { bytes } = buildManifest(dir, base);
    console.log(`${dir}: ${manifest.files.length} files precached, ${kb(bytes.raw)} raw, ${kb(bytes.gzip)} gzip`);
  });

  it('every page but the embed views loads the page script that registers the worker; the embed views do not register', () => {
    const astro = `${dir}/_astro`;
    const registerChunk = readdirSync(astro).find((f) => f.endsWith('.js') && readFileSync(join(astro, f), 'utf8').includes('serviceWorker.register('));
    expect(registerChunk, 'a chunk registering the service worker').toBeDefined();
    const loaders = new Set(readdirSync(astro).filter((f) => f.endsWith('.js') && readFileSync(join(astro, f), 'utf8').includes(`./${registerChunk}`)));
    expect(loaders.size).toBeGreaterThan(0);
    const without: string[] = [];
    for (const file of htmlFiles(dir)) {
      const html = read(file);
      const scripts = [...html.matchAll(/<script type="module" src="[^"]*\/_astro\/([^"]+)"/g)].map((m) => m[1]!);
      if (!scripts.some((s) => loaders.has(s))) without.push(urlPathOf(dir, file, base));
      if (file.includes(`${dir}/embed/`)) expect(html, file).toMatch(/<html[^>]*\sdata-embed[\s>]/);
    }
    expect(without).toEqual([]);
  });
});

describe('PLAYBOOK_OFFLINE=0 (the switch-off build)', () => {
  it('reads the switch: on unless 0/false/off/no, anything else fails the build', () => {
    expect(offlineEnabled(undefined)).toBe(true);
    expect(offlineEnabled('1')).toBe(true);
    for (const off of ['0', 'false', 'OFF', ' no ']) expect(offlineEnabled(off), off).toBe(false);
    expect(() => offlineEnabled('maybe')).toThrow(/PLAYBOOK_OFFLINE/);
  });

  it('registers no worker on any page and ships no precache, only a worker that retires an earlier one', async () => {
    // The integration's own hooks, as Astro runs them, on a small stand-in build folder.
    const out = mkdtempSync(join(tmpdir(), 'offline-off-'));
    try {
      writeFileSync(join(out, 'index.html'), '<!doctype html><title>x</title>');
      const injected: string[] = [];
      const hooks = offline({ enabled: false }).hooks as Record<string, (options: unknown) => void>;
      hooks['astro:config:setup']!({ injectScript: (_stage: string, content: string) => injected.push(content) });
      hooks['astro:config:done']!({ config: { base: '/playbook/' } });
      hooks['astro:build:done']!({ dir: pathToFileURL(`${out}/`), logger: { info: () => {}, warn: () => {} } });
      expect(injected).toEqual([]);
      const sw = readFileSync(join(out, 'sw.js'), 'utf8');
      expect(sw).not.toMatch(/PLAYBOOK_OFFLINE =|addEventListener\('fetch'/);
      expect(sw).toContain('self.registration.unregister()');
      expect(sw).toContain('"playbook-offline:/playbook/:"');

      // Switched on, the same hooks inject the registration and write the manifest.
      const on = offline({ enabled: true }).hooks as Record<string, (options: unknown) => void>;
      on['astro:config:setup']!({ injectScript: (_stage: string, content: string) => injected.push(content) });
      on['astro:config:done']!({ config: { base: '/playbook/' } });
      on['astro:build:done']!({ dir: pathToFileURL(`${out}/`), logger: { info: () => {}, warn: () => {} } });
      expect(injected).toHaveLength(1);
      expect(readFileSync(join(out, 'sw.js'), 'utf8')).toMatch(/^self\.PLAYBOOK_OFFLINE = \{"version":"[0-9a-f]{12}","base":"\/playbook\/","files":\[\["\/playbook\/","[0-9a-f]{20}"\]\]\};/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
