import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Link check of the built site, run at the end of every build (the build fails on a problem) and
 * by the site tests: every internal link, asset and #anchor resolves; every site-absolute link
 * carries the base; content on a Chinese page links only to Chinese pages and vice versa.
 */

const decode = (s) =>
  s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)));

function htmlFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) {
        if (name !== 'pagefind' && name !== '_astro') walk(p);
      } else if (name.endsWith('.html')) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

const hrefsOf = (html) => [...html.matchAll(/<a\b[^>]*\shref="([^"]*)"/g)].map((m) => decode(m[1]));
const idsOf = (html) => new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => decode(m[1])));

/** Returns a list of problems (empty when every link is sound). `site` is the configured site URL. */
export function checkLinks(outDir, base = '/', site = '') {
  const dir = outDir.replace(/[\\/]+$/, '');
  const prefix = base.endsWith('/') ? base : base + '/';
  const zhPrefix = `${prefix}zh-cn/`;
  const files = htmlFiles(dir);
  const pathOf = (file) => prefix.slice(0, -1) + file.slice(dir.length).replace(/\\/g, '/').replace(/index\.html$/, '');
  const fileFor = (path) => {
    if (!path.startsWith(prefix)) return null;
    const rel = decodeURIComponent(path.slice(prefix.length));
    return [join(dir, rel), join(dir, rel, 'index.html')].find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
  };
  const idCache = new Map();
  const ids = (file) => idCache.get(file) ?? idCache.set(file, idsOf(readFileSync(file, 'utf8'))).get(file);
  const problems = [];
  for (const file of files) {
    const html = readFileSync(file, 'utf8');
    const here = pathOf(file);
    const refs = [...hrefsOf(html), ...[...html.matchAll(/<(?:link|script|img)\b[^>]*\s(?:href|src)="([^"]+)"/g)].map((m) => decode(m[1]))];
    for (const ref of refs) {
      if (site && ref.startsWith(site)) continue; // canonical and alternate links name the configured host
      if (/^(https?:|mailto:|data:|javascript:|tel:)/i.test(ref)) continue;
      const url = new URL(ref, `http://site${here}`);
      if (ref.startsWith('/') && !ref.startsWith(prefix)) problems.push(`${here} → ${ref}: outside the base ${prefix}`);
      const target = url.pathname === here ? file : fileFor(url.pathname);
      if (!target) {
        problems.push(`${here} → ${ref}: no such page or file`);
        continue;
      }
      const hash = decodeURIComponent(url.hash.slice(1));
      if (hash && hash !== '_top' && target.endsWith('.html') && !ids(target).has(hash)) problems.push(`${here} → ${ref}: no #${hash} on that page`);
    }
    if (here.endsWith('404.html')) continue;
    const main = /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '';
    // Chinese pages live under zh-cn/, and the Chinese embed views under embed/zh-cn/.
    const chinese = (path) => path.startsWith(zhPrefix) || path.startsWith(`${prefix}embed/zh-cn/`);
    const zhPage = chinese(here);
    for (const href of hrefsOf(main)) {
      if (!href.startsWith(prefix) || href.includes('/_astro/') || href.includes('/pagefind/')) continue;
      if (zhPage !== chinese(new URL(href, 'http://site').pathname)) {
        problems.push(`${here} → ${href}: links to the other language`);
      }
    }
  }
  return problems;
}

/** Astro integration: runs `checkLinks` on the output and fails the build on any problem. */
export function linkCheck() {
  let base = '/';
  let site = '';
  return {
    name: 'playbook-link-check',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        site = config.site ? String(config.site).replace(/\/$/, '') : '';
      },
      'astro:build:done': ({ dir, logger }) => {
        const problems = checkLinks(fileURLToPath(dir), base, site);
        if (problems.length) {
          throw new Error(`Broken or cross-language links in the build (${problems.length}):\n  ${problems.slice(0, 50).join('\n  ')}`);
        }
        logger.info(`links checked: every internal link, asset and anchor resolves under ${base}`);
      },
    },
  };
}
