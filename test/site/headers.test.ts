/**
 * The CSP and the host header file, over the built output at the root and under the sub-path:
 * `_headers` exists, sends the very policy of the pages' meta tags, caches /_astro/ for good and
 * HTML and the search index briefly, under the base path; every page's policy is strict, comes
 * first in <head>, and allows each inline script and style of that page by its hash.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { htmlFiles, read, urlPathOf } from './html';

const builds = [
  { dir: 'dist', base: '/' },
  { dir: 'dist-sub', base: '/playbook/' },
];

const decode = (s: string) => s.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
const metaCsp = (html: string) => {
  const m = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"/i.exec(html);
  return m ? decode(m[1]!) : null;
};

/** `_headers` as Netlify and Cloudflare read it: a line starting with `/` starts a rule, indented `Name: value` lines add to it. */
function parseHeaders(text: string): { path: string; headers: Record<string, string> }[] {
  const rules: { path: string; headers: Record<string, string> }[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    if (trimmed.startsWith('/')) rules.push({ path: trimmed, headers: {} });
    else {
      const at = trimmed.indexOf(':');
      rules.at(-1)!.headers[trimmed.slice(0, at).trim()] = trimmed.slice(at + 1).trim();
    }
  }
  return rules;
}

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe.each(builds)('CSP and _headers in $dir (base $base)', ({ dir, base }) => {
  const files = htmlFiles(dir);
  const headersFile = `${dir}/_headers`;

  it('every page has one CSP meta tag, first in <head> after the charset', () => {
    const wrong: string[] = [];
    for (const file of files) {
      const html = read(file);
      const count = html.match(/http-equiv="content-security-policy"/gi)?.length ?? 0;
      if (count !== 1) wrong.push(`${urlPathOf(dir, file, base)}: ${count} CSP meta tags`);
      else if (!/<head>(<meta charset="utf-8"\/?>)?<meta http-equiv="content-security-policy"/i.test(html)) wrong.push(`${urlPathOf(dir, file, base)}: CSP meta tag is not first in <head>`);
    }
    expect(files.length).toBeGreaterThan(30);
    expect(wrong).toEqual([]);
  });

  it('the policy is strict: no inline or eval for scripts, only the listed sources', () => {
    const csp = metaCsp(read(`${dir}/index.html`))!;
    const d = directives(csp);
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('img-src')).toEqual(["'self'", 'data:']);
    expect(d.get('worker-src')).toEqual(["'self'"]);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'self'"]);
    expect(d.get('form-action')).toEqual(["'self'"]);
    const script = d.get('script-src')!;
    expect(script.slice(0, 2)).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(script.slice(2).every((s) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(s))).toBe(true);
    expect(d.get('style-src')!.every((s) => s === "'self'" || s.startsWith("'sha256-"))).toBe(true);
    expect(d.get('style-src-attr')).toEqual(["'unsafe-inline'"]);
    expect(csp).not.toMatch(/'unsafe-eval'|'strict-dynamic'|\*/);
    for (const name of d.keys()) if (name !== 'style-src-attr') expect(d.get(name), name).not.toContain("'unsafe-inline'");
  });

  it("every inline script and <style> of every page is allowed by that page's policy", () => {
    const missing: string[] = [];
    for (const file of files) {
      const html = read(file);
      const d = directives(metaCsp(html) ?? '');
      const scripts = new Set(d.get('script-src') ?? []);
      const styles = new Set(d.get('style-src') ?? []);
      for (const [, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
        if (/\bsrc=/.test(attrs!) || /type="application\/(ld\+)?json"/.test(attrs!)) continue;
        if (!scripts.has(sha256(body!))) missing.push(`${urlPathOf(dir, file, base)}: script ${sha256(body!)} ${body!.trim().slice(0, 60)}`);
      }
      for (const [, body] of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)) {
        if (!styles.has(sha256(body!))) missing.push(`${urlPathOf(dir, file, base)}: style ${sha256(body!)} ${body!.trim().slice(0, 60)}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('_headers sends the same policy as the meta tag of every page, with the security headers', () => {
    expect(existsSync(headersFile), `${headersFile} is generated by src/integrations/host-headers.mjs`).toBe(true);
    const rules = parseHeaders(readFileSync(headersFile, 'utf8'));
    // A path line with no header of its own is a mistake (hosts give such a path nothing).
    expect(rules.filter((r) => Object.keys(r.headers).length === 0).map((r) => r.path)).toEqual([]);
    const all = rules.find((r) => r.path === `${base}*`);
    expect(all, `a rule for ${base}*`).toBeDefined();
    const header = all!.headers['Content-Security-Policy'];
    expect(header).toBeTruthy();
    // The header is the meta tag's policy plus frame-ancestors, which browsers honour only in a header.
    const differing = files.filter((f) => `${metaCsp(read(f))!.replace(/;\s*$/, '')}; frame-ancestors 'self'` !== header).map((f) => urlPathOf(dir, f, base));
    expect(differing).toEqual([]);
    expect(directives(header!).get('frame-ancestors')).toEqual(["'self'"]);
    expect(all!.headers['X-Content-Type-Options']).toBe('nosniff');
    expect(all!.headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
    expect(all!.headers['Permissions-Policy']).toMatch(/camera=\(\)/);
    // Only one rule sets the policy: hosts join a header set by several matching rules with commas.
    expect(rules.filter((r) => 'Content-Security-Policy' in r.headers)).toHaveLength(1);
  });

  it('_headers caches /_astro/ for a year and HTML and /pagefind/ briefly, all under the base', () => {
    const rules = parseHeaders(readFileSync(headersFile, 'utf8'));
    const cacheOf = (path: string) => rules.filter((r) => r.path === path && r.headers['Cache-Control']).map((r) => r.headers['Cache-Control']);
    expect(cacheOf(`${base}_astro/*`)).toEqual(['public, max-age=31536000, immutable']);
    expect(cacheOf(`${base}pagefind/*`)).toEqual([expect.stringMatching(/max-age=\d{1,4}\b/)]);
    expect(cacheOf(base)).toEqual([expect.stringMatching(/max-age=\d{1,4}\b/)]);
    for (const rule of rules) expect(rule.path.startsWith(base), rule.path).toBe(true);
    // Each page is covered by exactly one Cache-Control rule (a second would be joined to the first).
    const matches = (pattern: string, path: string) => (pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern);
    const wrong = files
      .map((f) => urlPathOf(dir, f, base))
      .filter((path) => rules.filter((r) => r.headers['Cache-Control'] && matches(r.path, path)).length !== 1);
    expect(wrong).toEqual([]);
  });
});

describe('frame-ancestors (PLAYBOOK_FRAME_ANCESTORS)', () => {
  it("defaults to 'self', takes a source list, and refuses anything that is not one", async () => {
    const { frameAncestors, headerPolicy } = await import('../../src/integrations/host-headers.mjs');
    expect(frameAncestors(undefined)).toBe("'self'");
    expect(frameAncestors("  'self'   https://intranet.example.com ")).toBe("'self' https://intranet.example.com");
    expect(frameAncestors("'none'")).toBe("'none'");
    expect(() => frameAncestors("'self'; script-src *")).toThrow(/not a CSP source/);
    expect(() => frameAncestors("'none' https://a.example")).toThrow(/'none'/);
    expect(headerPolicy("default-src 'self'", "'self'")).toBe("default-src 'self'; frame-ancestors 'self'");
  });
});
