/**
 * The worked examples corrected in issue 14, recomputed from the figures the chapters print, in both
 * languages: chapter 10's tier flags and win-back entry level, chapter 11's saving and ROI, chapter 14's
 * control limits from the baseline, chapter 2's HHI bounds under both guideline bands, chapter 3's
 * nine-cell edge case.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const page = (lang: 'en' | 'zh', slug: string) => readFileSync(`content/docs/${lang === 'zh' ? 'zh-cn/' : ''}chapters/${slug}.mdx`, 'utf8');
const num = (s: string) => Number(s.replace(/[,\s]/g, '').replace('−', '-').replace('+', ''));
const fmt = (v: number, digits: number) => v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

describe('chapter 10: tier flags follow the stated rules', () => {
  const FLAG = {
    en: { upgrade: 'upgrade candidate', top: '— (already top tier)', churn: 'churn check', warn: 'downgrade warning', none: '—' },
    zh: { upgrade: '升级候选', top: '—（已是最高级）', churn: '流失检查', warn: '降级预警', none: '—' },
  };
  const TIERS = { en: ['VIP', 'potential', 'basic'], zh: ['VIP级', '潜力级', '基础级'] };

  it.each(['en', 'zh'] as const)('%s: each flag is what the growth and the tier imply', (lang) => {
    const rows = [...page(lang, '10-customers').matchAll(/^\| (\d+) \| ([A-J]) \|(.*)\|$/gm)].map((m) => m[3]!.split('|').map((c) => c.trim()));
    expect(rows).toHaveLength(10);
    for (const cells of rows) {
      const growth = num(cells[cells.length - 3]!.replace('%', ''));
      const tier = TIERS[lang].indexOf(cells[cells.length - 2]!);
      const flag = cells[cells.length - 1]!;
      expect(tier).toBeGreaterThanOrEqual(0);
      const f = FLAG[lang];
      const expected =
        growth >= 30 ? (tier === 0 ? f.top : f.upgrade) : growth <= -20 ? (tier === 2 ? f.churn : f.warn) : f.none;
      expect(flag, cells.join(' | ')).toBe(expected);
    }
  });

  it.each([
    ['en', /start(s)? at level 3|level 2 of the win-back|starts at level 2/],
    ['zh', /直接从第三级|从第二级开始|对应三级挽回流程的第二级/],
  ] as const)('%s: win-back always starts at level 1 and escalates only if the previous level fails', (lang, contradiction) => {
    const text = page(lang, '10-customers');
    expect(text).not.toMatch(contradiction);
    expect(text).toMatch(lang === 'en' ? /escalating only if the previous level fails/ : /上一级无效才升到下一级/);
    expect(text).toMatch(lang === 'en' ? /enters the win-back process at level 1/ : /从三级挽回流程的第一级开始/);
    // The example's score: 8 of 12 equal-weight flags.
    expect(text).toContain(`100 × 8 ÷ 12 = ${fmt((100 * 8) / 12, 2)}`);
  });
});

describe('chapter 11: the saving, the reduction and the ROI follow from the time study', () => {
  const orders = 2000;
  const minutesSaved = 15 * 0.3; // 30% of the 15-minute review re-checks credit fields
  const ratePerHour = 60;
  const costBefore = (60 / 60) * ratePerHour;
  const costAfter = ((60 - minutesSaved) / 60) * ratePerHour;
  const saving = orders * (costBefore - costAfter);
  const investment = 20_000;
  const running = 500;
  const roi = (saving * 12 - investment - running * 12) / (investment + running * 12);
  const payback = investment / (saving - running);

  it('figures', () => {
    expect(minutesSaved).toBe(4.5);
    expect(costAfter).toBe(55.5);
    expect(saving).toBe(9000);
    expect(Math.ceil(payback)).toBe(3);
  });

  it.each(['en', 'zh'] as const)('%s states them', (lang) => {
    const text = page(lang, '11-operations');
    for (const s of [
      '4.5',
      fmt(costAfter, 2),
      `${fmt(((costBefore - costAfter) / costBefore) * 100, 1)}%`,
      fmt(saving, 0),
      `${fmt(roi * 100, 1)}%`,
      fmt(payback, 2),
      fmt(-investment + 2 * (saving - running), 0).replace('-', '−'),
      `+${fmt(-investment + 3 * (saving - running), 0)}`,
      '285.5',
    ]) {
      expect(text, s).toContain(s);
    }
    expect(text).not.toMatch(/60 to 48|60分钟降到48分钟|\| 20% \|/);
  });
});

describe('chapter 14: control limits come from the baseline before the change', () => {
  const xmr = (values: number[]) => {
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const ranges = values.slice(1).map((v, i) => Math.abs(v - values[i]!));
    const mr = ranges.reduce((a, b) => a + b, 0) / ranges.length;
    return { mean, mr, ucl: mean + 2.66 * mr, lcl: mean - 2.66 * mr };
  };
  const baseline = [10, 12, 11, 13, 12, 11, 12, 14];
  const after = [13, 14, 13, 15, 14, 16, 14, 15];
  const b = xmr(baseline);

  it('the baseline is stable and the change shows as a signal against it', () => {
    expect(baseline.every((v) => v <= b.ucl && v >= b.lcl)).toBe(true);
    expect(after.findIndex((v) => v > b.ucl)).toBe(5); // week 6
    expect(after.every((v) => v > b.mean)).toBe(true); // a run of eight
    // Limits computed from the post-change weeks would hide the shift: every point inside them.
    const a = xmr(after);
    expect(after.every((v) => v <= a.ucl && v >= a.lcl)).toBe(true);
  });

  it.each(['en', 'zh'] as const)('%s prints the baseline data, limits and the post-change weeks', (lang) => {
    const text = page(lang, '14-monitoring');
    const a = xmr(after);
    expect(text).toContain(baseline.join(lang === 'en' ? ', ' : '、'));
    expect(text).toContain(`| ${after.join(' | ')} |`);
    for (const v of [fmt(b.mean, 3), fmt(b.mr, 4), fmt(b.ucl, 3), fmt(b.lcl, 3), fmt(a.mean, 2), fmt(a.ucl, 2), fmt(a.lcl, 2)]) expect(text, v).toContain(v);
  });
});

describe('chapter 2: HHI bounds read under the 2010 and 2023 US guideline bands', () => {
  const named = [25, 15, 10, 7, 5];
  const others = 38;
  const lower = named.reduce((s, x) => s + x * x, 0);
  const upper = lower + others * others;
  it('figures', () => {
    expect(lower).toBe(1024);
    expect(upper).toBe(2468);
    expect(upper < 2500 && upper > 1800 && lower > 1000 && lower < 1500).toBe(true);
    expect(lower + 19 * 2 * 2).toBe(1100);
  });
  it.each([
    ['en', ['1,024', '2,468', '2010', '2023', 'above 1,800', '1,100']],
    ['zh', ['1,024', '2,468', '2010', '2023', '高于1,800', '1,100']],
  ] as const)('%s states both bands', (lang, needles) => {
    const text = page(lang, '02-environment');
    for (const n of needles) expect(text, n).toContain(n);
  });
});

describe('chapter 3: the nine-cell matrix is introduced before its use, with the 11/3 edge case', () => {
  it('11/3 rounds to the cut-off but stays medium', () => {
    expect(Number((11 / 3).toFixed(2))).toBe(3.67);
    expect(11 / 3 > 3.67).toBe(false);
  });
  it.each([
    ['en', 'GE–McKinsey', 'Segment A’s'],
    ['zh', '通用电气—麦肯锡矩阵', '细分市场A的市场吸引力'],
  ] as const)('%s', (lang, intro, use) => {
    const text = page(lang, '03-segmentation');
    const at = text.indexOf(intro);
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(text.indexOf('| Segment |') >= 0 ? text.indexOf('| Segment |') : text.indexOf('| 细分市场 |'));
    expect(text).toMatch(/2\.33/);
    expect(text).toContain(lang === 'en' ? '11 ÷ 3 = 3.6667' : '11 ÷ 3 = 3.6667');
    void use;
  });
});

describe('wording corrections of issue 14', () => {
  it('chapter 13 calls the risk score a product, not an average (7)', () => {
    expect(page('en', '13-risk')).not.toMatch(/averages out/);
    expect(page('en', '13-risk')).toContain('The score is a product, probability level × impact level = 1 × 5 = 5');
    expect(page('zh', '13-risk')).toContain('风险分是乘积：概率等级 × 影响等级 = 1 × 5 = 5');
  });

  it('chapter 4 names the gate the source deck most plausibly omits, as a judgement (8)', () => {
    expect(page('en', '04-product')).toMatch(/idea screen, the second\s+screen, go to development, go to testing and go to launch/);
    expect(page('en', '04-product')).toMatch(/\*\*second screen\*\*[\s\S]{0,400}our judgement/);
    expect(page('zh', '04-product')).toMatch(/\*\*二次筛选\*\*[\s\S]{0,200}本手册的判断/);
  });

  it.each([
    ['11-operations', ['省了多少时。', '没有测量的改进只是一种看法']],
    ['02-environment', ['欧盟境内个人的个人数据']],
    ['05-pricing', ['毛利率']],
    ['04-product', ['被动者']],
    ['07-brand', ['被动者', '【差异点】的那一个']],
    ['14-monitoring', ['1−abs', 'abs（']],
    ['03-segmentation', ['收割或回避']],
    ['08-digital', ['| 位置（40/20/40） |']],
    ['10-customers', ['学完本章，你能']],
  ])('Chinese chapter %s no longer says %j (10)', (slug, phrases) => {
    const text = page('zh', slug);
    for (const phrase of phrases) expect(text, phrase).not.toContain(phrase);
  });

  it('NPS passives are 中立者 everywhere, glossary included (10)', async () => {
    const glossary = (await import('~/data/glossary.json')).default;
    expect(glossary.find((g) => g.id === 'nps')!.zh.definition).toContain('中立者');
    expect(page('zh', '04-product')).toContain('中立者');
    expect(page('zh', '07-brand')).toContain('中立者');
  });

  it('Chinese chapter descriptions share one style (no "学完本章" lead-in) (10)', () => {
    for (const slug of ['01-strategy', '10-customers', '11-operations', '12-budget', '14-monitoring']) {
      expect(/^description: "(.*)"$/m.exec(page('zh', slug))![1]).not.toMatch(/^学完本章/);
    }
  });
});
