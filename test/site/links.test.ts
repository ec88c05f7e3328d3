/**
 * Link check over the built output, at the root and under the sub-path (the same check also runs
 * at the end of every build): every internal link, asset and #anchor resolves, links carry the
 * base, and a Chinese page never links to an English page (nor the reverse).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLinks } from '../../src/integrations/link-check.mjs';
import { htmlFiles } from './html';

const SITE = 'https://playbook.example.com';
const check = checkLinks as (dir: string, base: string, site: string) => string[];

describe.each([
  { dir: 'dist', base: '/' },
  { dir: 'dist-sub', base: '/playbook/' },
])('links in $dir (base $base)', ({ dir, base }) => {
  it('has built pages in both languages', () => {
    const files = htmlFiles(dir);
    expect(files.length).toBeGreaterThan(30);
    expect(files.some((f) => f.includes('/zh-cn/'))).toBe(true);
  });

  it('every internal link, asset and anchor resolves, under the base, in the page language', () => {
    expect(check(dir, base, SITE)).toEqual([]);
  });
});

describe('the link checker', () => {
  it('reports missing pages and anchors, links outside the base and cross-language links', () => {
    const dir = mkdtempSync(join(tmpdir(), 'links-'));
    const page = (path: string, body: string) => {
      mkdirSync(join(dir, path), { recursive: true });
      writeFileSync(join(dir, path, 'index.html'), `<html><body><main>${body}</main></body></html>`);
    };
    page('', '<h2 id="top-ok">x</h2><a href="/p/chapters/a/">ok</a><a href="/p/chapters/a/#nope">bad anchor</a><a href="/p/zh-cn/chapters/a/">other language</a>');
    page('chapters/a', '<a href="/p/missing/">missing</a><a href="/chapters/a/">no base</a><a href="/p/#top-ok">ok anchor</a>');
    page('zh-cn/chapters/a', '<a href="/p/zh-cn/chapters/a/">ok</a>');
    const problems = check(dir, '/p/', SITE);
    expect([...problems].sort()).toEqual([
      '/p/ → /p/chapters/a/#nope: no #nope on that page',
      '/p/ → /p/zh-cn/chapters/a/: links to the other language',
      '/p/chapters/a/ → /p/missing/: no such page or file',
      '/p/chapters/a/ → /chapters/a/: outside the base /p/',
      '/p/chapters/a/ → /chapters/a/: no such page or file',
    ].sort());
  });
});
