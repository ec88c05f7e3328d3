/**
 * Starlight route middleware: on the glossary pages, "On this page" lists the index letters.
 * The letter headings are rendered by the Glossary component, not written in Markdown, so
 * Starlight cannot see them; this adds them from the same grouping the component uses.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { letterGroups } from '~/data/glossary-index';

export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  if (route.entry.data.pageType !== 'glossary' || !route.toc) return;
  const lang = route.lang.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  const letters = letterGroups(lang).map((g) => ({ depth: 2, slug: g.id, text: g.letter, children: [] }));
  route.toc.items = [...route.toc.items, ...letters];
});
