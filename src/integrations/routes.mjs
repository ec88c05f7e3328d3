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
];

export function siteRoutes() {
  return {
    name: 'playbook-routes',
    hooks: {
      'astro:config:setup': ({ injectRoute }) => {
        for (const route of ROUTES) injectRoute({ ...route, prerender: true });
      },
    },
  };
}
