/**
 * All 36 calculators on the site (issue 13): every catalog id has its module in the registry, its
 * strings and page text in both languages, its own page in both languages (purpose, when to use
 * it, formulas, the calculator server-rendered, a link to its chapter) and its island embedded in
 * its chapter in both languages; the index lists and links all 36 by chapter without islands;
 * chapter play headers link their calculators' pages.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CALCULATOR_IDS, CHAPTERS } from '~/catalog';
import { CALCULATOR_PAGES, calculatorPagePath, chapterNumberOf } from '~/data/calculator-pages';
import { CALCULATORS } from '~/lib/calculators/registry';
import { strings } from '~/i18n';
import { mainText } from './html';

const LANGS = [
  { lang: 'en', prefix: '', locale: 'en' },
  { lang: 'zh', prefix: 'zh-cn/', locale: 'zh-CN' },
] as const;
const fileOf = (path: string) => `dist${path}index.html`;
const read = (file: string) => readFileSync(file, 'utf8');
const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

describe('page text for every catalog calculator', () => {
  it.each([...CALCULATOR_IDS])('%s has a name, a purpose and when to use it in both languages', (id) => {
    const text = CALCULATOR_PAGES[id];
    expect(text, id).toBeDefined();
    for (const field of ['name', 'purpose', 'whenToUse'] as const) {
      expect(text[field].en.trim().length, `${id} ${field} en`).toBeGreaterThan(field === 'name' ? 5 : 30);
      expect(text[field].zh.trim().length, `${id} ${field} zh`).toBeGreaterThan(3);
      expect(text[field].zh, `${id} ${field} zh is Chinese`).toMatch(/[\u4e00-\u9fff]/);
      // Chinese text uses full-width punctuation.
      expect(text[field].zh, `${id} ${field} zh punctuation`).not.toMatch(/[,;:!?()]|\.(?!\d)/);
    }
    expect(text.purpose.en).toMatch(/\.$/);
    expect(text.purpose.zh).toMatch(/。$/);
    expect(text.whenToUse.zh).toMatch(/。$/);
  });

  it('covers exactly the catalog', () => {
    expect(Object.keys(CALCULATOR_PAGES).sort()).toEqual([...CALCULATOR_IDS].sort());
  });
});

describe.each(LANGS)('calculator pages, $lang', ({ lang, prefix, locale }) => {
  it.each([...CALCULATOR_IDS])('%s has its module, its strings, its own page with the calculator, its text and its chapter, and is embedded in its chapter', (id) => {
    expect(CALCULATORS[id], `${id} module`).toBeDefined();
    const own = (strings[locale].calculators as Record<string, { title?: string; intro?: string } | undefined>)[id];
    expect(own?.title, `${id} title in ${lang}`).toBeTruthy();
    expect(own?.intro, `${id} intro in ${lang}`).toBeTruthy();
    const path = calculatorPagePath(id, lang);
    expect(path).toBe(`/${prefix}calculators/${id.toLowerCase().replace('.', '-')}/`);
    const file = fileOf(path);
    expect(existsSync(file), `${path} missing`).toBe(true);
    const html = read(file);
    const text = CALCULATOR_PAGES[id];
    const other = lang === 'en' ? 'zh' : 'en';
    // Findable by search under both names: the title names it in the page's language, the body in both.
    const title = decode(/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '');
    expect(title).toContain(text.name[lang]);
    const description = decode(/<meta name="description" content="([^"]*)"/.exec(html)?.[1] ?? '');
    expect(description).toContain(text.name[other]);
    expect(html).toContain(`<html lang="${locale}"`);
    expect(html).toContain('data-pagefind-body');
    const main = mainText(html);
    for (const s of [text.name[lang], text.name[other], text.purpose[lang], text.whenToUse[lang]]) expect(main).toContain(s);
    // The calculator itself, once, server-rendered.
    expect([...html.matchAll(/data-calculator="([^"]+)"/g)].map((m) => m[1])).toEqual([id]);
    // Its formulas, from the island's strings.
    const formulas = (strings[locale].calculators as Record<string, { formulas?: readonly string[] }>)[id]?.formulas ?? [];
    for (const formula of formulas) expect(main).toContain(formula.replace(/\s+/g, ' '));
    // The link to its chapter (to the embedded island when the chapter has it).
    const chapter = CHAPTERS[chapterNumberOf(id) - 1]!;
    expect(html).toMatch(new RegExp(`href="/${prefix}chapters/${chapter.slug}/(#${id.replace('.', '-')}-title)?"`));
    // Starlight's chrome: the sidebar.
    expect(html).toContain('id="starlight__sidebar"');
    // The island in its chapter, where the text refers to it.
    const chapterHtml = read(fileOf(`/${prefix}chapters/${chapter.slug}/`));
    expect(chapterHtml, `${id} embedded in ${chapter.slug}`).toContain(`data-calculator="${id}"`);
  });

  it('the index lists and links all 36 by chapter with their purpose, and has no islands', () => {
    const html = read(fileOf(`/${prefix}calculators/`));
    const main = mainText(html);
    expect(html).not.toContain('<astro-island');
    expect(html).not.toContain('data-calculator=');
    const rows = [...html.matchAll(/<tr data-calc-row data-calc-id="([^"]+)"[^>]*>([\s\S]*?)<\/tr>/g)];
    expect(rows.map((r) => r[1])).toEqual([...CALCULATOR_IDS]);
    for (const [, id, row] of rows) {
      const text = CALCULATOR_PAGES[id as keyof typeof CALCULATOR_PAGES];
      expect(main).toContain(text.purpose[lang]);
      expect(row!.includes(`href="${calculatorPagePath(id!, lang)}"`), `${id} linked`).toBe(true);
    }
    // A filter box, hidden until its script runs.
    expect(html).toMatch(/<calculator-filter[^>]*>\s*<div class="calc-filter[^"]*"[^>]*hidden/);
  });

  it('the how-to-use guide has its own page', () => {
    const html = read(fileOf(`/${prefix}calculator-guide/`));
    expect(html).toContain(`href="/${prefix}calculators/"`);
  });

  it.each(CHAPTERS.map((c) => [c.number, c.slug] as const))("chapter %i play header links its calculators' pages", (_number, slug) => {
    const html = read(fileOf(`/${prefix}chapters/${slug}/`));
    const header = /<aside class="play-header[\s\S]*?<\/aside>/.exec(html)?.[0] ?? '';
    expect(header).not.toBe('');
    for (const id of CALCULATOR_IDS) {
      if (!header.includes(id)) continue;
      const link = `href="${calculatorPagePath(id, lang)}"`;
      expect(header.includes(link), `${slug} ${id}`).toBe(true);
    }
  });
});

describe('calculator pages under a sub-path build', () => {
  it.runIf(existsSync('dist-sub/index.html'))('dist-sub has them, linked under the base', () => {
    const id = CALCULATOR_IDS[0];
    const slug = id.toLowerCase().replace('.', '-');
    expect(existsSync(`dist-sub/calculators/${slug}/index.html`)).toBe(true);
    expect(existsSync(`dist-sub/zh-cn/calculators/${slug}/index.html`)).toBe(true);
    expect(readFileSync('dist-sub/calculators/index.html', 'utf8')).toContain(`href="/playbook/calculators/${slug}/"`);
  });
});
