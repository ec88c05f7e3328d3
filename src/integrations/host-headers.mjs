import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Writes `_headers` (the format Netlify and Cloudflare Pages read from the publish directory) into
 * the build output, under the configured base path:
 * - every response: the Content-Security-Policy that Astro rendered into the pages' meta tag (read
 *   back from the built pages, so header and meta tag are always the same string) and a few
 *   security headers;
 * - `/_astro/*` (content-hashed file names): cached for a year, immutable;
 * - HTML pages and `/pagefind/*` (stable names, the search index changes with the content): a short
 *   cache, revalidated after it.
 * Each Cache-Control value is set by exactly one rule: both hosts join the values of a header that
 * several matching rules set with commas, which would mix the long and the short cache.
 * It also moves each page's CSP meta tag to the start of <head> (see hoistCspMeta below).
 */

export const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
};
/**
 * Who may show the site in a frame. `frame-ancestors` only works as a header (browsers ignore it
 * in a meta tag), so it is added to the header's policy here. Default: this site only. Teams that
 * embed the playbook set PLAYBOOK_FRAME_ANCESTORS at build time to a CSP source list, e.g.
 * `'self' https://intranet.example.com`.
 */
export function frameAncestors(value = process.env.PLAYBOOK_FRAME_ANCESTORS) {
  const list = (value ?? '').trim() || "'self'";
  const sources = list.split(/\s+/);
  const valid = (source) => /^'(self|none)'$/.test(source) || /^(https?:\/\/)?(\*\.)?[a-z0-9.-]+(:\d+)?$/i.test(source) || /^https?:$/.test(source);
  const bad = sources.find((source) => !valid(source));
  if (bad !== undefined) throw new Error(`PLAYBOOK_FRAME_ANCESTORS: "${bad}" is not a CSP source (use 'self', 'none' or https://host).`);
  if (sources.includes("'none'") && sources.length > 1) throw new Error("PLAYBOOK_FRAME_ANCESTORS: 'none' cannot be combined with other sources.");
  return sources.join(' ');
}

/** The header policy: the pages' policy plus `frame-ancestors`. */
export function headerPolicy(pagePolicy, ancestors = frameAncestors()) {
  return `${pagePolicy.replace(/;\s*$/, '')}; frame-ancestors ${ancestors}`;
}

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const SHORT = 'public, max-age=300, must-revalidate';

const META_CSP = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"/i;

const decode = (s) => s.replace(/&#39;|&#x27;|&apos;/g, "'").replace(/&quot;|&#34;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The CSP of a built page's meta tag, or null. */
export function metaCsp(html) {
  const match = META_CSP.exec(html);
  return match ? decode(match[1]) : null;
}

function htmlFiles(dir, rel = '') {
  const out = [];
  for (const name of readdirSync(join(dir, rel))) {
    const path = rel ? `${rel}/${name}` : name;
    if (statSync(join(dir, path)).isDirectory()) {
      if (path !== '_astro' && path !== 'pagefind') out.push(...htmlFiles(dir, path));
    } else if (name.endsWith('.html')) out.push(path);
  }
  return out.sort();
}

/**
 * Astro renders the CSP meta tag after Starlight's first head elements (its theme script among
 * them), and a meta policy covers only what comes after it: the browser would run that script
 * unchecked, so a stale hash would go unnoticed until a host sends the policy as a header. Moving
 * the tag to the start of <head> makes the meta tag and the header enforce the same thing.
 */
export function hoistCspMeta(html) {
  const match = /<meta\s+http-equiv="content-security-policy"[^>]*>/i.exec(html);
  const head = /<head(?:\s[^>]*)?>/i.exec(html);
  if (!match || !head || match.index < head.index) return html;
  const withoutMeta = html.slice(0, match.index) + html.slice(match.index + match[0].length);
  const charset = /^\s*<meta\s+charset=[^>]*>/i.exec(withoutMeta.slice(head.index + head[0].length));
  const at = head.index + head[0].length + (charset ? charset[0].length : 0);
  return withoutMeta.slice(0, at) + match[0] + withoutMeta.slice(at);
}

/** URL path of a built page (`chapters/05-pricing/index.html` → `/base/chapters/05-pricing/`). */
const urlPath = (prefix, file) => prefix + file.replace(/(^|\/)index\.html$/, '$1');

export function renderHeaders(dir, base) {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const pages = htmlFiles(dir).map((file) => ({ file, csp: metaCsp(readFileSync(join(dir, file), 'utf8')) }));
  const missing = pages.filter((p) => !p.csp).map((p) => p.file);
  if (missing.length > 0) throw new Error(`host-headers: no CSP meta tag in ${missing.join(', ')}`);
  const policies = new Set(pages.map((p) => p.csp));

  // One path per rule: both hosts give consecutive path lines' headers to the last path only.
  const block = (path, headers) => [path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`), ''].join('\n');
  const out = [
    '# Generated by src/integrations/host-headers.mjs at build time: edit that file, not this one.',
    '# Read by Netlify and Cloudflare Pages from the publish directory.',
    '',
  ];
  const everywhere = { ...SECURITY_HEADERS };
  // One policy for the whole site (the usual case): send it with every response.
  if (policies.size === 1) everywhere['Content-Security-Policy'] = headerPolicy([...policies][0]);
  out.push(block(`${prefix}*`, everywhere));
  out.push(block(`${prefix}_astro/*`, { 'Cache-Control': IMMUTABLE }));
  out.push(block(`${prefix}pagefind/*`, { 'Cache-Control': SHORT }));
  if (policies.size === 1) {
    // HTML: the site root and each top-level folder of pages, so no rule overlaps /_astro/ or /pagefind/.
    const paths = new Set();
    for (const { file } of pages) {
      const top = file.split('/')[0];
      if (file === 'index.html') paths.add(prefix).add(`${prefix}index.html`);
      else if (top === file) paths.add(prefix + file);
      else paths.add(`${prefix}${top}/*`);
    }
    for (const path of paths) out.push(block(path, { 'Cache-Control': SHORT }));
  } else {
    // Pages whose policies differ: one exact rule per page.
    for (const { file, csp } of pages) out.push(block(urlPath(prefix, file), { 'Cache-Control': SHORT, 'Content-Security-Policy': headerPolicy(csp) }));
  }
  return { text: out.join('\n'), rules: out.length - 3, policies: policies.size };
}

/** @returns {import('astro').AstroIntegration} */
export function hostHeaders() {
  let base = '/';
  return {
    name: 'host-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        for (const file of htmlFiles(outDir)) {
          const path = join(outDir, file);
          const html = readFileSync(path, 'utf8');
          const hoisted = hoistCspMeta(html);
          if (hoisted !== html) writeFileSync(path, hoisted);
        }
        const { text, rules, policies } = renderHeaders(outDir, base);
        writeFileSync(join(outDir, '_headers'), text);
        if (rules > 100) logger.warn(`_headers has ${rules} rules; Cloudflare Pages reads only the first 100.`);
        logger.info(`_headers written (${rules} rules, ${policies === 1 ? 'one CSP for every page' : `${policies} different CSPs`})`);
      },
    },
  };
}
