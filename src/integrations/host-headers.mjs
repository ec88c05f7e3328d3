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
/** A CSP source list from an environment variable, validated: `'self'`, `'none'`, `https://host[:port]`, `https:`. */
function sourceList(value, variable, { allowNone }) {
  const sources = (value ?? '').trim().split(/\s+/).filter(Boolean);
  const valid = (source) =>
    (allowNone ? /^'(self|none)'$/ : /^'self'$/).test(source) || /^(https?:\/\/)?(\*\.)?[a-z0-9.-]+(:(\d+|\*))?$/i.test(source) || /^https?:$/.test(source);
  const bad = sources.find((source) => !valid(source));
  if (bad !== undefined) throw new Error(`${variable}: "${bad}" is not a CSP source (use ${allowNone ? "'self', 'none' or " : ''}https://host).`);
  if (sources.includes("'none'") && sources.length > 1) throw new Error(`${variable}: 'none' cannot be combined with other sources.`);
  return sources;
}

/**
 * Who may show the site in a frame. `frame-ancestors` only works as a header (browsers ignore it
 * in a meta tag), so it is added to the header's policy here. Default: this site only. Teams that
 * embed the playbook set PLAYBOOK_FRAME_ANCESTORS at build time to a CSP source list, e.g.
 * `'self' https://intranet.example.com`.
 */
export function frameAncestors(value = process.env.PLAYBOOK_FRAME_ANCESTORS) {
  const sources = sourceList(value, 'PLAYBOOK_FRAME_ANCESTORS', { allowNone: true });
  return sources.length > 0 ? sources.join(' ') : "'self'";
}

/**
 * Who may frame the calculators' embed views (/embed/…, src/components/user/EmbedPage.astro) in
 * addition to those allowed for the whole site: PLAYBOOK_EMBED_ORIGINS, a CSP source list such as
 * `https://intranet.example.com https://lms.example.org`. Empty by default.
 */
export function embedOrigins(value = process.env.PLAYBOOK_EMBED_ORIGINS) {
  return sourceList(value, 'PLAYBOOK_EMBED_ORIGINS', { allowNone: false });
}

/** `frame-ancestors` of the embed views: the site's list plus the embedding origins. */
export function embedAncestors(ancestors, origins) {
  if (origins.length === 0) return ancestors;
  return [...new Set([...(ancestors === "'none'" ? [] : ancestors.split(' ')), ...origins])].join(' ');
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

/** The top-level folder of the embed views. */
export const EMBED_FOLDER = 'embed';

export function renderHeaders(dir, base, { ancestors = frameAncestors(), embed = embedOrigins() } = {}) {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const pages = htmlFiles(dir).map((file) => ({ file, csp: metaCsp(readFileSync(join(dir, file), 'utf8')) }));
  const missing = pages.filter((p) => !p.csp).map((p) => p.file);
  if (missing.length > 0) throw new Error(`host-headers: no CSP meta tag in ${missing.join(', ')}`);
  const policies = new Set(pages.map((p) => p.csp));
  const embedFrom = embedAncestors(ancestors, embed);

  // One path per rule: both hosts give consecutive path lines' headers to the last path only.
  const block = (path, headers) => [path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`), ''].join('\n');
  const out = [
    '# Generated by src/integrations/host-headers.mjs at build time: edit that file, not this one.',
    '# Read by Netlify and Cloudflare Pages from the publish directory.',
    '',
  ];
  const everywhere = { ...SECURITY_HEADERS };
  const policy = policies.size === 1 ? [...policies][0] : null;
  // The embed views may be framed by more sites than the rest (PLAYBOOK_EMBED_ORIGINS): then no rule
  // for every path can carry the policy (hosts would join two policies, and both would apply), so
  // each folder's rule carries its own.
  const split = policy !== null && embedFrom !== ancestors;
  const own = (headers, frameFrom = ancestors) => (split ? { ...headers, 'Content-Security-Policy': headerPolicy(policy, frameFrom) } : headers);
  // One policy for the whole site (the usual case): send it with every response.
  if (policy !== null && !split) everywhere['Content-Security-Policy'] = headerPolicy(policy, ancestors);
  out.push(block(`${prefix}*`, everywhere));
  out.push(block(`${prefix}_astro/*`, own({ 'Cache-Control': IMMUTABLE })));
  out.push(block(`${prefix}pagefind/*`, own({ 'Cache-Control': SHORT })));
  if (split) out.push(block(`${prefix}sw.js`, own({})));
  if (policy !== null) {
    // HTML: the site root and each top-level folder of pages, so no rule overlaps /_astro/ or /pagefind/.
    const paths = new Map();
    for (const { file } of pages) {
      const top = file.split('/')[0];
      if (file === 'index.html') paths.set(prefix, ancestors).set(`${prefix}index.html`, ancestors);
      else if (top === file) paths.set(prefix + file, ancestors);
      else paths.set(`${prefix}${top}/*`, top === EMBED_FOLDER ? embedFrom : ancestors);
    }
    for (const [path, frameFrom] of paths) out.push(block(path, own({ 'Cache-Control': SHORT }, frameFrom)));
  } else {
    // Pages whose policies differ: one exact rule per page.
    for (const { file, csp } of pages) {
      const frameFrom = file.startsWith(`${EMBED_FOLDER}/`) ? embedFrom : ancestors;
      out.push(block(urlPath(prefix, file), { 'Cache-Control': SHORT, 'Content-Security-Policy': headerPolicy(csp, frameFrom) }));
    }
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
