/**
 * Link check over the built output, at the root and under the sub-path: every internal link and
 * asset resolves, every #anchor exists on its target page, links carry the base, and a Chinese
 * page never links to an English page (nor the reverse).
 */
import { describe, expect, it } from 'vitest';
import { anchors, fileFor, htmlFiles, ids, read, urlPathOf } from './html';

const builds = [
  { dir: 'dist', base: '/' },
  { dir: 'dist-sub', base: '/playbook/' },
];

describe.each(builds)('links in $dir (base $base)', ({ dir, base }) => {
  const files = htmlFiles(dir);
  const idCache = new Map<string, Set<string>>();
  const idsOf = (file: string) => idCache.get(file) ?? idCache.set(file, ids(read(file))).get(file)!;

  it('has built pages in both languages', () => {
    expect(files.length).toBeGreaterThan(30);
    expect(files.some((f) => f.includes('/zh-cn/'))).toBe(true);
  });

  it('every internal link and anchor resolves', () => {
    const broken: string[] = [];
    for (const file of files) {
      const html = read(file);
      const here = urlPathOf(dir, file, base);
      const refs = [
        ...anchors(html).map((a) => a.href),
        ...[...html.matchAll(/<(?:link|script|img)\b[^>]*\s(?:href|src)="([^"]+)"/g)].map((m) => m[1]!),
      ];
      for (const ref of refs) {
        if (/^(https?:|mailto:|data:|javascript:)/.test(ref) && !ref.startsWith('https://playbook.example.com')) continue;
        const url = new URL(ref, `http://site${here}`);
        if (ref.startsWith('https://playbook.example.com')) continue; // canonical/sitemap use the configured site
        const target = url.pathname === here ? file : fileFor(dir, base, url.pathname);
        if (!target) {
          broken.push(`${here} → ${ref} (no such page)`);
          continue;
        }
        const hash = decodeURIComponent(url.hash.slice(1));
        if (hash && hash !== '_top' && target.endsWith('.html') && !idsOf(target).has(hash)) broken.push(`${here} → ${ref} (no #${hash})`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('every site-absolute link carries the base', () => {
    const wrong: string[] = [];
    for (const file of files) {
      for (const { href } of anchors(read(file))) {
        if (href.startsWith('/') && !href.startsWith(base)) wrong.push(`${urlPathOf(dir, file, base)} → ${href}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('content links stay in the page language', () => {
    const crossing: string[] = [];
    const zhPrefix = `${base}zh-cn/`;
    for (const file of files) {
      const here = urlPathOf(dir, file, base);
      if (here.endsWith('404.html')) continue;
      const zhPage = here.startsWith(zhPrefix);
      const main = /<main[\s\S]*<\/main>/.exec(read(file))?.[0] ?? '';
      for (const { href } of anchors(main)) {
        if (!href.startsWith(base) || href.includes('/_astro/') || href.includes('/pagefind/')) continue;
        const path = new URL(href, 'http://site').pathname;
        if (zhPage !== path.startsWith(zhPrefix)) crossing.push(`${here} → ${href}`);
      }
    }
    expect(crossing).toEqual([]);
  });
});
