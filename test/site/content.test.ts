/**
 * The playbook content: every page in both languages, chapters with their play header and
 * required sections, every seed figure of the outline (test/content/chapters/NN.json) present in
 * both language versions, the glossary complete in both languages, no placeholder text.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import glossary from '~/data/glossary.json';
import { CHAPTERS } from '~/catalog';
import { mainText, read } from './html';

const listPages = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.mdx?$/.test(f) && !f.startsWith('zh-cn'))
    .map((f) => f.replace(/\\/g, '/'))
    .sort();

const EN_SECTIONS = ['How to run the play', 'Worked example', 'Checklist', 'Common pitfalls', 'KPIs to track', 'Check yourself'];
const ZH_SECTIONS = ['实施步骤', '实例演算', '检查清单', '常见误区', '跟踪指标', '自测题'];

/** Counts of the page's building blocks: headings, tables and rows, questions, calculators, checklist items, steps. */
const structure = (html: string) => ({
  h2: html.match(/<h2/g)?.length ?? 0,
  h3: html.match(/<h3/g)?.length ?? 0,
  tables: html.match(/<table/g)?.length ?? 0,
  rows: html.match(/<tr/g)?.length ?? 0,
  questions: html.match(/<details/g)?.length ?? 0,
  calculators: html.match(/data-calculator=/g)?.length ?? 0,
  checklist: html.match(/class="task-list-item/g)?.length ?? 0,
  steps: html.match(/sl-steps/g)?.length ?? 0,
});

/** Every number in the page's table cells, with "50 million" / "2.52亿" / "8万" expanded so units don't matter. */
const UNITS: Record<string, number> = { million: 1e6, m: 1e6, billion: 1e9, bn: 1e9, k: 1e3, 万: 1e4, 亿: 1e8 };
const tableNumbers = (html: string) => {
  const text = [...html.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ' ')).join(' | ');
  return new Set(
    [...text.matchAll(/(\d[\d,]*(?:\.\d+)?)\s*(million|billion|bn|M|k|万|亿)?(?![\w])/gi)].map((m) => {
      const unit = m[2] ? (UNITS[m[2].toLowerCase()] ?? UNITS[m[2]] ?? 1) : 1;
      return String(Math.round(Number(m[1]!.replace(/,/g, '')) * unit * 1e6) / 1e6);
    }),
  );
};

const builtPage = (lang: 'en' | 'zh', slug: string) => read(`dist/${lang === 'zh' ? 'zh-cn/' : ''}chapters/${slug}/index.html`);
const h2s = (html: string) => [...html.matchAll(/<h2[^>]*>([\s\S]*?)<\/h2>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').trim());

describe('pages exist in both languages', () => {
  it('every English page has a Chinese twin and vice versa', () => {
    const en = listPages('content/docs');
    const zh = listPages('content/docs/zh-cn');
    expect(en.length).toBeGreaterThanOrEqual(17);
    expect(zh).toEqual(en);
  });

  it('all 14 chapters exist', () => {
    for (const { slug } of CHAPTERS) {
      expect(existsSync(`content/docs/chapters/${slug}.mdx`), slug).toBe(true);
      expect(existsSync(`content/docs/zh-cn/chapters/${slug}.mdx`), slug).toBe(true);
    }
  });
});

describe.each(CHAPTERS)('chapter $number ($slug)', ({ number, slug }) => {
  const data = JSON.parse(readFileSync(`test/content/chapters/${String(number).padStart(2, '0')}.json`, 'utf8')) as {
    figures: { en: string; zh: string }[];
  };

  it.each([
    ['en', EN_SECTIONS],
    ['zh', ZH_SECTIONS],
  ] as const)('%s page has the play header and the required sections in order', (lang, sections) => {
    const html = builtPage(lang, slug);
    const header = /<aside class="play-header[\s\S]*?<\/aside>/.exec(html)?.[0] ?? '';
    expect(header.match(/<dt/g)?.length ?? 0).toBeGreaterThanOrEqual(6);
    const headings = h2s(html);
    const methodology = headings.filter((h) => h.startsWith(`${number}.`));
    expect(methodology.length, 'methodology sections N.1…').toBeGreaterThanOrEqual(2);
    const positions = sections.map((s) => headings.indexOf(s));
    expect(positions.every((p) => p >= 0), `sections present: ${headings.join(' | ')}`).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(html).toContain('sl-steps');
    const questions = html.match(/<details/g)?.length ?? 0;
    expect(questions).toBeGreaterThanOrEqual(3);
    // Markdown emphasis that did not render (e.g. `**5%**` between Chinese characters) shows as literal asterisks.
    expect(mainText(html)).not.toContain('**');
    expect(mainText(html)).not.toMatch(/\b(?:[Cc]oming soon|[Pp]laceholder|TODO|TBD|Lorem ipsum)\b|敬请期待|待补充/);
  });

  it('states every seed figure in both languages', () => {
    const en = mainText(builtPage('en', slug));
    const zh = mainText(builtPage('zh', slug));
    const missing = data.figures.flatMap((f) => [...(en.includes(f.en) ? [] : [`en: ${f.en}`]), ...(zh.includes(f.zh) ? [] : [`zh: ${f.zh}`])]);
    expect(missing).toEqual([]);
  });

  it('says the same things in both languages: same structure, same figures in every table', () => {
    const en = /<main[\s\S]*<\/main>/.exec(builtPage('en', slug))![0];
    const zh = /<main[\s\S]*<\/main>/.exec(builtPage('zh', slug))![0];
    expect(structure(zh)).toEqual(structure(en));
    const zhNumbers = tableNumbers(zh);
    expect([...tableNumbers(en)].filter((n) => !zhNumbers.has(n))).toEqual([]);
  });

  it('links to the glossary and to related chapters in its own language', () => {
    const en = builtPage('en', slug);
    const zh = builtPage('zh', slug);
    expect(en.match(/href="\/glossary\/#/g)?.length ?? 0).toBeGreaterThanOrEqual(3);
    expect(zh.match(/href="\/zh-cn\/glossary\/#/g)?.length ?? 0).toBeGreaterThanOrEqual(3);
  });
});

describe('glossary', () => {
  const outline = readFileSync('test/content/glossary-terms.tsv', 'utf8').trim().split('\n').map((l) => l.split('\t')[0]!);

  it('has every outline term with a definition in both languages', () => {
    expect(glossary.map((g) => g.id)).toEqual(outline);
    for (const entry of glossary) {
      expect(entry.en.term && entry.en.definition, entry.id).toBeTruthy();
      expect(entry.zh.term && entry.zh.definition, entry.id).toBeTruthy();
      expect(/[\u4e00-\u9fff]/.test(entry.zh.definition), `${entry.id} zh definition is Chinese`).toBe(true);
    }
  });

  it('renders an anchor per term on both glossary pages', () => {
    for (const file of ['dist/glossary/index.html', 'dist/zh-cn/glossary/index.html']) {
      const html = read(file);
      for (const id of outline) expect(html, id).toContain(`id="${id}"`);
    }
  });
});
