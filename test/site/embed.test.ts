/**
 * Embed views (issue 15), over the built output: every calculator has one per language at
 * /embed/[zh-cn/]<id>/, server-rendered with its default results, marked noindex, without the
 * site chrome, linking to its full page; the full page shows its iframe code; the views are in
 * neither the sitemap nor the search index; with PLAYBOOK_EMBED_ORIGINS the generated `_headers`
 * lets those origins frame the embed views only, each page under exactly one policy.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CALCULATOR_PAGES, calculatorPagePath, calculatorSlug } from '~/data/calculator-pages';
import { CALCULATOR_IDS } from '~/catalog';
import { strings } from '~/i18n';
import { htmlFiles, urlPathOf } from './html';
import { embedOrigins, renderHeaders } from '../../src/integrations/host-headers.mjs';
import { withoutEmbedViews } from '../../src/integrations/routes.mjs';

const LANGS = [
  { lang: 'en', embed: '/embed/', locale: 'en' },
  { lang: 'zh', embed: '/embed/zh-cn/', locale: 'zh-CN' },
] as const;
const read = (file: string) => readFileSync(file, 'utf8');
const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

describe.each(LANGS)('embed views ($locale)', ({ lang, embed, locale }) => {
  const t = strings[locale].content.calculatorPage;
  it.each([...CALCULATOR_IDS])('%s: calculator rendered without JS, noindex, no chrome, a link to its full page', (id) => {
    const html = read(`dist${embed}${calculatorSlug(id)}/index.html`);
    expect(html).toMatch(new RegExp(`<html lang="${locale}"[^>]*data-embed`));
    expect(html).toContain('<meta name="robots" content="noindex"');
    expect(html).toContain(`data-calculator="${id}"`);
    // The server render shows the default results (no JavaScript needed to read them).
    expect(/data-calculator-results[\s\S]*?\d/.test(html)).toBe(true);
    expect(html).not.toMatch(/data-pagefind-body|<starlight-|class="sidebar|<site-search/);
    const link = /<a href="([^"]+)" target="_blank" data-embed-open>([^<]+)</.exec(html);
    expect(link?.[1]).toBe(calculatorPagePath(id, lang));
    expect(decode(link![2]!)).toBe(t.openInPlaybook);
    expect(html).toContain(`<link rel="canonical" href="https://playbook.example.com${calculatorPagePath(id, lang)}"`);
  });

  it.each([...CALCULATOR_IDS])('%s: the full page shows the iframe code for its embed view', (id) => {
    const html = read(`dist${calculatorPagePath(id, lang)}index.html`);
    const code = /<textarea id="embed-code"[^>]*>([^<]*)<\/textarea>/.exec(html)?.[1];
    expect(code).toBeDefined();
    const iframe = decode(code!);
    expect(iframe).toContain(`<iframe src="https://playbook.example.com${embed}${calculatorSlug(id)}/"`);
    expect(iframe).toContain(`title="${t.embedFrameTitle.replace('{name}', CALCULATOR_PAGES[id].name[lang])}"`);
    expect(html).toMatch(/<section class="calc-page-embed[^"]*" data-pagefind-ignore/);
  });
});

describe('embed views stay out of the sitemap and the search index', () => {
  it('no sitemap entry is an embed view (and the filter drops only those)', () => {
    const xml = read('dist/sitemap-0.xml');
    expect(xml).toContain('/calculators/c05-1/</loc>');
    expect(xml).not.toContain('/embed/');
    const sample = '<urlset><url><loc>https://h/p/embed/c05-1/</loc></url><url><loc>https://h/p/calculators/c05-1/</loc></url></urlset>';
    expect(withoutEmbedViews(sample, '/p/')).toBe('<urlset><url><loc>https://h/p/calculators/c05-1/</loc></url></urlset>');
  });

  it('no Pagefind fragment is an embed view', () => {
    const urls = readdirSync('dist/pagefind/fragment').map((name) => {
      const bytes = gunzipSync(readFileSync(`dist/pagefind/fragment/${name}`));
      return (JSON.parse(bytes.subarray('pagefind_dcd'.length).toString('utf8')) as { url: string }).url;
    });
    expect(urls).toContain('/calculators/c05-1/');
    expect(urls.filter((url) => url.includes('/embed/'))).toEqual([]);
  });
});

describe('frame policy for the embed views (PLAYBOOK_EMBED_ORIGINS)', () => {
  const builds = [
    { dir: 'dist', base: '/' },
    { dir: 'dist-sub', base: '/playbook/' },
  ];

  it('reads a source list and refuses anything else', () => {
    expect(embedOrigins(undefined)).toEqual([]);
    expect(embedOrigins(' https://lms.example.org  http://127.0.0.1:* ')).toEqual(['https://lms.example.org', 'http://127.0.0.1:*']);
    expect(() => embedOrigins("'none'")).toThrow(/not a CSP source/);
    expect(() => embedOrigins('https://a.example; script-src *')).toThrow(/not a CSP source/);
  });

  it.each(builds)('$dir: each page gets exactly one policy; only the embed views may be framed by the listed origins', ({ dir, base }) => {
    const { text } = renderHeaders(dir, base, { ancestors: "'self'", embed: ['https://lms.example.org'] });
    const rules: { path: string; headers: Record<string, string> }[] = [];
    for (const line of text.split('\n')) {
      if (line.startsWith('/')) rules.push({ path: line.trim(), headers: {} });
      else if (line.startsWith('  ')) {
        const at = line.indexOf(':');
        rules.at(-1)!.headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
      }
    }
    const matches = (pattern: string, path: string) => (pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern);
    const wrong: string[] = [];
    for (const file of htmlFiles(dir)) {
      const path = urlPathOf(dir, file, base);
      const policies = rules.filter((r) => r.headers['Content-Security-Policy'] && matches(r.path, path)).map((r) => r.headers['Content-Security-Policy']!);
      if (policies.length !== 1) {
        wrong.push(`${path}: ${policies.length} policies`);
        continue;
      }
      const frameAncestors = / frame-ancestors ([^;]+)$/.exec(policies[0]!)?.[1];
      const expected = path.startsWith(`${base}embed/`) ? "'self' https://lms.example.org" : "'self'";
      if (frameAncestors !== expected) wrong.push(`${path}: frame-ancestors ${frameAncestors}`);
    }
    expect(wrong).toEqual([]);
    // The pages' own policy is untouched: every header is a page's meta policy plus frame-ancestors.
    expect(rules.filter((r) => r.path === `${base}*`)[0]!.headers['Content-Security-Policy']).toBeUndefined();
  });
});
