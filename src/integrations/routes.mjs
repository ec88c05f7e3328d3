import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The site's own routes, injected rather than file-routed: with `srcDir: '.'` Astro's file routes
 * would need a top-level `pages/` folder, and the product owner wants the top level to hold only
 * src/, content/, public/, test/ and the config files. Every entrypoint lives under src/routes/;
 * the URLs (and so the base path, which Astro prefixes) are the same as file routes would give.
 */
const ROUTES = [
  // Downloadable templates as static files (src/data/templates.ts).
  { pattern: '/templates/[file]', entrypoint: './src/routes/templates/[file].ts' },
  { pattern: '/zh-cn/templates/[file]', entrypoint: './src/routes/zh-cn/templates/[file].ts' },
  // One page per calculator in the registry, in Starlight's layout (src/components/user/CalculatorPage.astro).
  { pattern: '/calculators/[id]', entrypoint: './src/routes/calculators/[id].astro' },
  { pattern: '/zh-cn/calculators/[id]', entrypoint: './src/routes/zh-cn/calculators/[id].astro' },
  // Each calculator page's embed view, without the site chrome (src/components/user/EmbedPage.astro):
  // one top-level folder, so a host can give it its own frame policy with one header rule.
  { pattern: '/embed/[id]', entrypoint: './src/routes/embed/[id].astro' },
  { pattern: '/embed/zh-cn/[id]', entrypoint: './src/routes/embed/zh-cn/[id].astro' },
  // Field labels for the My plan page's import preview, fetched only when a reader imports a plan file.
  { pattern: '/plan-labels.json', entrypoint: './src/routes/plan-labels/en.json.ts' },
  { pattern: '/zh-cn/plan-labels.json', entrypoint: './src/routes/plan-labels/zh-cn.json.ts' },
];

/** `<url>` entries of a sitemap whose address is an embed view (`…/embed/…`), removed. */
export function withoutEmbedViews(xml, base) {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return xml.replace(/<url>(?:(?!<\/url>)[\s\S])*?<\/url>/g, (entry) => {
    const loc = /<loc>([^<]*)<\/loc>/.exec(entry)?.[1] ?? '';
    let path = '';
    try {
      path = new URL(loc).pathname;
    } catch {
      return entry;
    }
    return path.startsWith(`${prefix}embed/`) ? '' : entry;
  });
}

/**
 * The embed views duplicate the calculator pages without the chrome: they stay out of the sitemap.
 * Starlight adds the sitemap integration at the end of the list, so this one is added after it
 * (and its hook runs once the sitemap is written).
 */
function embedViewsOutOfSitemap() {
  let base = '/';
  return {
    name: 'playbook-embed-views-out-of-sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        for (const name of readdirSync(outDir).filter((f) => /^sitemap-\d+\.xml$/.test(f))) {
          const xml = readFileSync(join(outDir, name), 'utf8');
          const kept = withoutEmbedViews(xml, base);
          if (kept !== xml) {
            writeFileSync(join(outDir, name), kept);
            logger.info(`${name}: embed views left out`);
          }
        }
      },
    },
  };
}

export function siteRoutes() {
  return {
    name: 'playbook-routes',
    hooks: {
      'astro:config:setup': ({ injectRoute, updateConfig }) => {
        for (const route of ROUTES) injectRoute({ ...route, prerender: true });
        updateConfig({ integrations: [embedViewsOutOfSitemap()] });
      },
    },
  };
}
