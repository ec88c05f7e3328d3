// @ts-check
import { defineConfig, passthroughImageService } from 'astro/config';
import starlight from '@astrojs/starlight';
import preact from '@astrojs/preact';
import { fileURLToPath } from 'node:url';
import { satteri } from '@astrojs/markdown-satteri';
import { sidebar } from './src/integrations/sidebar.mjs';
import { accessibleMarkdown } from './src/integrations/accessible-markdown.mjs';
import { csp } from './src/integrations/csp.mjs';
import { hostHeaders } from './src/integrations/host-headers.mjs';
import { linkCheck } from './src/integrations/link-check.mjs';
import { hydrateEarly } from './src/integrations/hydrate-early.mjs';
import { siteRoutes } from './src/integrations/routes.mjs';
import { offline } from './src/integrations/offline.mjs';

// A static host may serve the site under a sub-path: `PLAYBOOK_BASE=/playbook npm run build`.
const base = process.env.PLAYBOOK_BASE || '/';
const outDir = process.env.PLAYBOOK_OUT || './dist';

export default defineConfig({
  // Starlight hard-codes `<srcDir>/content/docs`; the product owner wants `content/` at the top level.
  srcDir: '.',
  site: process.env.PLAYBOOK_SITE || 'https://playbook.example.com',
  base,
  outDir,
  trailingSlash: 'always',
  // No sharp: the site has no raster images to optimise.
  image: { service: passthroughImageService() },
  // A strict CSP in every page's meta tag (directives and Starlight's inline-script hashes in
  // src/integrations/csp.mjs); hostHeaders() repeats it as a header in the generated _headers.
  security: { csp },
  // Astro leaves inlined <style> elements of components used inside MDX content (e.g. the glossary)
  // out of the CSP hashes, so the browser refused them. As files they are covered by style-src 'self'.
  build: { inlineStylesheets: 'never' },
  markdown: { processor: satteri({ hastPlugins: [accessibleMarkdown] }) },
  vite: {
    resolve: {
      alias: {
        '~': fileURLToPath(new URL('./src', import.meta.url)),
        // Starlight's style folder, for the embed views (src/components/user/EmbedPage.astro): its
        // package exports only markdown.css.
        'starlight-style': fileURLToPath(new URL('./style', import.meta.resolve('@astrojs/starlight'))),
      },
    },
  },
  integrations: [
    starlight({
      title: { en: 'Market Planning Playbook', 'zh-CN': '市场规划实战手册' },
      description: 'Market-planning playbooks with calculators that run in your browser.',
      defaultLocale: 'root',
      locales: {
        root: { label: 'English', lang: 'en' },
        'zh-cn': { label: '简体中文', lang: 'zh-CN' },
      },
      favicon: '/favicon.svg',
      sidebar,
      components: { PageTitle: './src/components/overrides/PageTitle.astro' },
      // Adds the glossary's index letters to "On this page" (src/route-data.ts).
      routeMiddleware: './src/route-data.ts',
      customCss: ['./src/styles/calculator.css', './src/styles/print.css'],
      lastUpdated: false,
      pagination: true,
    }),
    preact(),
    // Calculators hydrate on first touch or when they come near the viewport: typing before hydration is kept.
    hydrateEarly(),
    // Templates and calculator pages: entrypoints under src/routes/ (no top-level pages/ folder).
    siteRoutes(),
    hostHeaders(),
    // Offline reading: writes sw.js with the precache manifest (after host-headers has rewritten the
    // pages, so the hashes are those of the deployed files). PLAYBOOK_OFFLINE=0 switches it off.
    offline(),
    // Fails the build on a broken link or anchor, or a link to the other language.
    linkCheck(),
  ],
});
