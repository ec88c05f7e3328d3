/**
 * Starlight route middleware: on the glossary pages, "On this page" lists the index letters; on the
 * calculators index, the chapters. Those headings are rendered by components (Glossary,
 * CalculatorIndex), not written in Markdown, so Starlight cannot see them; this adds them from the
 * same data the components use.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { CALCULATOR_IDS, CHAPTERS } from '~/catalog';
import { chapterNumberOf } from '~/data/calculator-pages';
import { letterGroups } from '~/data/glossary-index';

export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  if (!route.toc) return;
  const lang = route.lang.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  if (route.entry.id === 'calculators' || route.entry.id === 'zh-cn/calculators') {
    const chapters = CHAPTERS.filter((c) => CALCULATOR_IDS.some((id) => chapterNumberOf(id) === c.number));
    route.toc.items = [...route.toc.items, ...chapters.map((c) => ({ depth: 2, slug: `chapter-${c.number}`, text: `${c.number}. ${c[lang]}`, children: [] }))];
    return;
  }
  if (route.entry.data.pageType !== 'glossary') return;
  const letters = letterGroups(lang).map((g) => ({ depth: 2, slug: g.id, text: g.letter, children: [] }));
  route.toc.items = [...route.toc.items, ...letters];
});
