import { existsSync } from 'node:fs';

// Chapters grouped by where they sit in the planning cycle: analyse → decide → execute → control.
// A slug is listed only once its page exists, so the sidebar never points at a missing page.
const exists = (slug) => existsSync(new URL(`../../content/docs/${slug}.mdx`, import.meta.url));

const group = (label, zh, slugs) => ({
  label,
  translations: { 'zh-CN': zh },
  items: slugs.map((slug) => `chapters/${slug}`).filter(exists),
});

export const sidebar = [
  { label: 'Start here', translations: { 'zh-CN': '从这里开始' }, items: ['about', 'calculators', 'plan', 'calculator-guide', 'glossary'].filter(exists) },
  group('Analyse', '分析', ['01-strategy', '02-environment', '03-segmentation']),
  group('Decide', '决策', ['04-product', '05-pricing', '06-channels', '07-brand']),
  group('Execute', '执行', ['08-digital', '09-sales', '10-customers', '11-operations']),
  group('Control', '控制', ['12-budget', '13-risk', '14-monitoring']),
].filter((entry) => entry.items.length > 0);
