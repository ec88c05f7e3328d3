/**
 * Editorial rules of issue 14 and the Chinese typography of issue 10, checked on the built pages:
 * no internal jargon, one name for the source in each language linking to the About page, Chinese
 * punctuation, and a glossary whose chapter lists come from the links that actually point to each term.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import glossary from '~/data/glossary.json';
import { CHAPTERS } from '~/catalog';
import { strings } from '~/i18n';
import { indexLetter, letterGroups } from '~/data/glossary-index';
import { htmlFiles, mainText, read } from './html';

/** Asserts an empty list of findings, showing the first few when it is not. */
const none = (found: string[]) => {
  if (found.length > 0) throw new Error(`${found.length} found:\n${found.slice(0, 8).join('\n')}`);
};

const pages = (lang: 'en' | 'zh') => htmlFiles('dist').filter((f) => f.startsWith('dist/zh-cn/') === (lang === 'zh') && !f.endsWith('404.html'));
const chapterFile = (lang: 'en' | 'zh', slug: string) => `dist/${lang === 'zh' ? 'zh-cn/' : ''}chapters/${slug}/index.html`;
/** Main text without calculator islands: their interface strings are checked with the calculators. */
const proseText = (html: string) => mainText(html.replace(/<astro-island[\s\S]*?<\/astro-island>/g, ' '));
/**
 * Like proseText, but block elements end a line and inline tags vanish, so "。</p><p>下一段" does not
 * read as a space after punctuation, while "。 <strong>下</strong>" still does.
 */
const blockText = (html: string) => {
  const main = /<main[\s\S]*<\/main>/.exec(html.replace(/<astro-island[\s\S]*?<\/astro-island>/g, '\n'))?.[0] ?? '';
  return main
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, '\n')
    .replace(/<\/?(?:p|li|ul|ol|td|th|tr|table|h[1-6]|div|dt|dd|dl|summary|details|br|section|nav|aside|header|footer|figure|blockquote|pre|main|span class="sr-only")[^>]*>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'")
    .replace(/[ \t]*\n[\s]*/g, '\n');
};

describe('no internal jargon', () => {
  const JARGON: [RegExp, string][] = [
    [/(?<!random )\bseed\b/i, 'seed'],
    [/原始规则|(?<!随机)种子/, '原始规则'],
    [/\bmethodology (?:section|id)\b|\bE\d\b/, 'methodology ids'],
    [/\bthe outline\b/i, 'the outline'],
  ];
  it.each(['en', 'zh'] as const)('%s pages use none of the internal terms', (lang) => {
    const found = pages(lang).flatMap((file) => {
      const text = proseText(read(file));
      return JARGON.filter(([re]) => re.test(text)).map(([, name]) => `${file}: ${name}`);
    });
    none(found);
  });
});

describe('one name for the source, linking to the About page', () => {
  it('English pages call it "the source deck", never "the source" or "the deck" alone', () => {
    const found = pages('en').flatMap((file) => {
      const text = proseText(read(file));
      return [...text.matchAll(/\b[Tt]he (?:source(?! deck)|deck)\b.{0,30}/g)].map((m) => `${file}: ${m[0]}`);
    });
    none(found);
  });

  it('Chinese pages call it 原始资料, never 源材料, 演示文稿 or 原文', () => {
    const found = pages('zh').flatMap((file) => {
      const text = proseText(read(file));
      return [...text.matchAll(/.{0,12}(?:源材料|演示文稿|原文).{0,12}/g)].map((m) => `${file}: ${m[0]}`);
    });
    none(found);
  });

  it.each(CHAPTERS.map((c) => c.slug))('chapter %s links the name to the About page in both languages', (slug) => {
    const en = read(chapterFile('en', slug));
    const zh = read(chapterFile('zh', slug));
    expect(en).toMatch(/<a href="\/about\/">[Tt]he source deck<\/a>/);
    expect(zh).toMatch(/<a href="\/zh-cn\/about\/">原始资料<\/a>/);
  });

  it('the About page exists in both languages and names the deck', () => {
    expect(mainText(read('dist/about/index.html'))).toContain('市场规划落地保障');
    expect(mainText(read('dist/zh-cn/about/index.html'))).toContain('市场规划落地保障');
  });
});

/** Typographic rules for Chinese text; each returns the offending snippets. */
const CHINESE_RULES: [string, RegExp][] = [
  ['space after full-width punctuation', /[，。、；：！？）」』”】][ \t\u00a0]+(?=[^\s|])/g],
  // Parentheses that group a formula ((回报 − 支出) ÷ 支出) are maths, not punctuation, and stay half-width.
  ['half-width brackets around Chinese text', /\((?![^()]*[=×÷−+·Σ,])[^()]*[\u4e00-\u9fff][^()]*\)/g],
  ['half-width colon after Chinese', /[\u4e00-\u9fff][ \t]*:(?!\/\/)/g],
  ['half-width comma, semicolon, ! or ? after Chinese', /[\u4e00-\u9fff][,;!?]/g],
  ['"章节 N" instead of "第 N 章"', /章节\s*\d/g],
];
const chineseTypography = (text: string) =>
  CHINESE_RULES.flatMap(([name, re]) => [...text.matchAll(re)].map((m) => `${name}: …${text.slice(Math.max(0, m.index! - 10), m.index! + m[0].length + 6)}…`));

describe('Chinese typography', () => {
  it('the rules catch the faults they name', () => {
    expect(chineseTypography('盯住， 执行')).toHaveLength(1);
    expect(chineseTypography('何时使用、 谁来')).toHaveLength(1);
    expect(chineseTypography('金额 (选填)')).toHaveLength(1);
    expect(chineseTypography('提示: 输入')).toHaveLength(1);
    expect(chineseTypography('见章节 4')).toHaveLength(1);
    none(chineseTypography('见第 4 章（选填）：完成。ROI = (108,000 − 20,000) ÷ 26,000'));
  });

  it.each(pages('zh').map((f) => [f]))('%s', (file) => {
    none(chineseTypography(blockText(read(file))));
  });

  it('glossary definitions and every Chinese UI string', () => {
    const leaves = (v: unknown): string[] => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(leaves) : v && typeof v === 'object' ? Object.values(v).flatMap(leaves) : []);
    const texts = [...glossary.flatMap((g) => [g.zh.term, g.zh.definition]), ...leaves(strings['zh-CN'])];
    none(texts.flatMap((t) => chineseTypography(t)));
  });

  it('Chinese pages give the search box Chinese result strings', () => {
    const html = read('dist/zh-cn/index.html');
    const translations = JSON.parse(/data-translations="([^"]*)"/.exec(html)![1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&')) as Record<string, string>;
    for (const key of ['many_results', 'one_result', 'zero_results', 'searching', 'clear_search', 'load_more']) {
      expect(translations[key], key).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('glossary', () => {
  const linksTo = (lang: 'en' | 'zh') => {
    const map = new Map<string, number[]>();
    for (const { number, slug } of CHAPTERS) {
      const html = read(chapterFile(lang, slug));
      const main = /<main[\s\S]*<\/main>/.exec(html)![0];
      for (const m of main.matchAll(/href="(?:\/zh-cn)?\/glossary\/#([a-z0-9-]+)"/g)) {
        const list = map.get(m[1]!) ?? [];
        if (!list.includes(number)) list.push(number);
        map.set(m[1]!, list);
      }
    }
    return map;
  };

  it.each(['en', 'zh'] as const)('%s: the chapters under each term are exactly the chapters that link to it', (lang) => {
    const html = read(lang === 'zh' ? 'dist/zh-cn/glossary/index.html' : 'dist/glossary/index.html');
    const links = linksTo(lang);
    const wrong: string[] = [];
    for (const { id } of glossary) {
      const listed = new RegExp(`<dt id="${id}"[^>]*>[\\s\\S]*?data-glossary-chapters="([^"]*)"`).exec(html)?.[1];
      const expected = (links.get(id) ?? []).sort((a, b) => a - b).join(',');
      if (listed !== expected) wrong.push(`${id}: listed ${listed}, linked from ${expected}`);
    }
    none(wrong);
  });

  it.each(['en', 'zh'] as const)('%s: every term is linked from at least one chapter', (lang) => {
    const links = linksTo(lang);
    none(glossary.filter((g) => !links.has(g.id)).map((g) => g.id));
  });

  it('has an entry for buyer bargaining power', () => {
    expect(glossary.find((g) => g.id === 'buyer-bargaining-power')?.zh.term).toBe('购买者议价能力');
  });

  it('English is indexed A–Z and Chinese by pinyin initial', () => {
    expect(indexLetter('market share', 'en')).toBe('M');
    expect(indexLetter('市场份额', 'zh')).toBe('S');
    expect(indexLetter('落地保障', 'zh')).toBe('L');
    expect(indexLetter('关键绩效指标', 'zh')).toBe('G');
    expect(indexLetter('渠道冲突', 'zh')).toBe('Q');
    expect(indexLetter('KPI', 'zh')).toBe('K');
    for (const lang of ['en', 'zh'] as const) {
      const groups = letterGroups(lang);
      const letters = groups.map((g) => g.letter).filter((l) => /^[A-Z]$/.test(l));
      expect(letters).toEqual([...letters].sort());
      expect(groups.reduce((n, g) => n + g.entries.length, 0)).toBe(glossary.length);
      for (const g of groups) for (const e of g.entries) expect(indexLetter(e[lang].term, lang)).toBe(g.letter);
    }
  });

  it.each([
    ['dist/glossary/index.html', 'en'],
    ['dist/zh-cn/glossary/index.html', 'zh'],
  ] as const)('%s lists every letter group under "On this page" and has a filter that is hidden without JavaScript', (file, lang) => {
    const html = read(file);
    const toc = /<starlight-toc[\s\S]*?<\/starlight-toc>/.exec(html)?.[0] ?? '';
    for (const g of letterGroups(lang)) {
      expect(html).toContain(`<h2 id="${g.id}"`);
      expect(toc).toContain(`href="#${g.id}"`);
    }
    expect(html).toMatch(/<div class="glossary-filter[^"]*"[^>]*hidden/);
    expect(html).toMatch(/<label for="glossary-filter-input"/);
  });
});

describe('"第 N 章" in the play header', () => {
  it('Chinese chapter pages write related chapters as 第 N 章', () => {
    const header = /<aside class="play-header[\s\S]*?<\/aside>/.exec(read(chapterFile('zh', CHAPTERS[9]!.slug)))![0];
    expect(header).toMatch(/>第 6 章</);
    expect(header).not.toContain('章节 ');
  });
});

// The worked examples' arithmetic is checked in test/unit/worked-examples.test.ts.
void readFileSync;

describe('chapter endings: key takeaways and further reading', () => {
  const section = (html: string, heading: string) => {
    const main = /<main[\s\S]*<\/main>/.exec(html)![0];
    const at = main.search(new RegExp(`<h2[^>]*>${heading}</h2>`));
    if (at < 0) return '';
    const rest = main.slice(at + 1);
    const end = rest.search(/<h2[\s>]|<footer/);
    return rest.slice(0, end < 0 ? undefined : end);
  };
  it.each(CHAPTERS.map((c) => [c.number, c.slug] as const))('chapter %i ends with 3–5 takeaways and cited further reading in both languages', (_n, slug) => {
    for (const [lang, takeaways, reading] of [
      ['en', 'Key takeaways', 'Further reading'],
      ['zh', '要点回顾', '延伸阅读'],
    ] as const) {
      const html = read(chapterFile(lang, slug));
      const items = section(html, takeaways).match(/<li/g)?.length ?? 0;
      expect(items, `${lang} takeaways`).toBeGreaterThanOrEqual(3);
      expect(items, `${lang} takeaways`).toBeLessThanOrEqual(5);
      const works = section(html, reading);
      expect(works.match(/<cite>/g)?.length ?? 0, `${lang} reading`).toBeGreaterThanOrEqual(2);
      expect(works).toMatch(/(?:19|20)\d\d/);
      expect(works, 'plain citations, no links out').not.toMatch(/href="https?:/);
    }
  });
});

describe('home page learning paths', () => {
  it.each([
    ['dist/index.html', ['Marketing lead', 'Sales manager', 'Analyst', 'Trainee'], '/chapters/'],
    ['dist/zh-cn/index.html', ['市场负责人', '销售经理', '分析师', '新员工'], '/zh-cn/chapters/'],
  ] as const)('%s has a path per role, each an ordered list of chapter links', (file, roles, prefix) => {
    const main = /<main[\s\S]*<\/main>/.exec(read(file))![0];
    for (const role of roles) {
      const at = main.search(new RegExp(`<h3[^>]*>${role}</h3>`));
      expect(at, role).toBeGreaterThan(0);
      const list = /<ol[\s\S]*?<\/ol>/.exec(main.slice(at))![0];
      expect(list.match(/<li/g)?.length ?? 0, role).toBeGreaterThanOrEqual(4);
      expect(list, role).toContain(`href="${prefix}`);
    }
  });
});
