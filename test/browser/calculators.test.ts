/**
 * The pricing, segmentation and budget calculators (C05.2, C05.3, C03.1–C03.3, C12.1–C12.3) end
 * to end on their chapter pages, in English and Chinese: what is specific to each, beyond the
 * generic checks every calculator gets (calculators-generic.test.ts). One test per calculator and
 * language, each in a fresh browser context (inputs persist in localStorage), covers on one page:
 *   - typing changes a named result and redraws a chart (its table and its pixels change), and the
 *     page's URL carries the edit;
 *   - "Load the worked example" shows the methodology's figures, to the digits it gives, as formatted;
 *   - tables: a malformed pasted CSV gets a localised message naming the row and the column and
 *     leaves the rows alone, a corrected one is imported, rows are added and removed by button;
 *   - no NaN/Infinity/undefined on the page, no page or console errors, no request elsewhere.
 * Expected figures come from the methodology's worked examples (or, where it gives none, the unit
 * tests' test vectors) and are written with `$`, replaced by `¥` on the Chinese pages.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { badNumbersOnPage, launchBrowser, openPage, serveSite, type PageProblems, type Site } from './harness';

let browser: Browser;
let site: Site;
let context: BrowserContext;

// Reduced motion turns Chart.js animation off, so a redrawn chart's pixels are final at once.
const contextOptions = { reducedMotion: 'reduce' } as const;

beforeAll(async () => {
  browser = await launchBrowser();
  site = await serveSite('dist');
});
// A fresh context per test: inputs persist in localStorage, which would carry over otherwise.
beforeEach(async () => {
  context = await browser.newContext(contextOptions);
});
afterEach(async () => {
  await context?.close();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

type MessageKey = 'notANumber' | 'atMost5' | 'atLeast0';

interface Language {
  name: string;
  lang: 'en' | 'zh';
  prefix: '' | 'zh-cn/';
  currency: '$' | '¥';
  /** The `csv.badCell` template: "CSV row 3, column "growth":". */
  badCell(row: number, column: string): string;
  messages: Record<MessageKey, string>;
}

const languages: Language[] = [
  {
    name: 'English',
    lang: 'en',
    prefix: '',
    currency: '$',
    badCell: (row, column) => `CSV row ${row}, column "${column}":`,
    messages: { notANumber: 'This is not a number', atMost5: 'Must be at most 5', atLeast0: 'Must be at least 0' },
  },
  {
    name: 'Chinese',
    lang: 'zh',
    prefix: 'zh-cn/',
    currency: '¥',
    badCell: (row, column) => `CSV 第 ${row} 行“${column}”列：`,
    messages: { notANumber: '无法识别为数字', atMost5: '不能大于 5', atLeast0: '不能小于 0' },
  },
];

interface Edit {
  /** Selector inside the calculator. */
  selector: string;
  /** Text to type; absent for a radio button to check. */
  value?: string;
  /** What the page URL carries once the edit is in (the share link). */
  param: string;
}

interface TableCase {
  /** Header row in each language (keys in English, the column labels in Chinese) and two data rows. */
  bad: Record<'en' | 'zh', string>;
  good: Record<'en' | 'zh', string>;
  row: number;
  column: Record<'en' | 'zh', string>;
  message: MessageKey;
}

interface CalculatorCase {
  id: string;
  chapter: string;
  edits: Edit[];
  /** Result (data-result key) whose text must change with the edits. */
  watch: string;
  /** Its text after the edits, if known. */
  watchAfter?: string;
  /** Chart (data-chart id) that must redraw. */
  chart: string;
  /** Worked example: selector inside the calculator → figures its text must contain. */
  example: [selector: string, ...figures: string[]][];
  /** More worked-example checks that need further input. */
  exampleMore?: (root: Locator, money: (s: string) => string) => Promise<void>;
  table?: TableCase;
}

const result = (key: string) => `[data-result="${key}"]`;

const cases: CalculatorCase[] = [
  {
    id: 'C03.1',
    chapter: '03-segmentation',
    edits: [{ selector: 'input[name="population"]', value: '20000000', param: 'C03.1.population=20000000' }],
    watch: 'som',
    // Defaults (another region): 20,000,000 × 50% × 40% × 25% × 30% × 3 × 250 × 50% × 8%.
    watchAfter: '$9,000,000.00',
    chart: 'funnel',
    // N = 525,000; TAM 252,000,000; SAM 100,800,000; SOM 10,080,000; year 5 at 12%: 17,764,404.17 (×1.762).
    example: [
      [result('buyers'), '525,000'],
      [result('tam'), '$252,000,000.00'],
      [result('sam'), '$100,800,000.00'],
      [result('som'), '$10,080,000.00'],
      [result('somAtHorizon'), '$17,764,404.17', '1.762'],
      // Tornado, largest swing first: obtainable share, purchases per year, growth … population last.
      ['[data-chart="tornado"] tbody tr:nth-child(1)', '$8,882,202.08', '$26,646,606.25'],
      ['[data-chart="tornado"] tbody tr:nth-child(2)', '$13,323,303.12', '$22,205,505.21'],
      ['[data-chart="tornado"] tbody tr:nth-child(3)', '$14,810,827.01', '$21,171,443.91'],
      ['[data-chart="tornado"] tbody tr:last-child', '$16,876,183.96', '$18,652,624.37'],
    ],
  },
  {
    id: 'C03.2',
    chapter: '03-segmentation',
    edits: [
      { selector: 'input[name="weightSize"]', value: '60', param: 'C03.2.weightSize=60' },
      { selector: '#C03-2-rows-2-size', value: '500000000', param: 'C03.2.rows=' },
    ],
    watch: 'best',
    chart: 'ranking',
    // Chapter 3's worked example: totals A 3.82, B 3.22, C 1.86, D 2.67 → ranks 1 / 2 / 4 / 3;
    // attractiveness 3.88 / 3.40 / 1.37 / 2.90, fit 3.67 / 2.67 / 3.33 / 2.00.
    example: [
      [result('best'), '3.82'],
      ['[data-result="scores"] tbody tr:nth-child(1)', '5.00', '3.82'],
      ['[data-result="scores"] tbody tr:nth-child(2)', '3.22'],
      ['[data-result="scores"] tbody tr:nth-child(3)', '1.86'],
      ['[data-result="scores"] tbody tr:nth-child(4)', '2.67'],
      ['[data-result="scores"] tbody tr:nth-child(1) td:last-child', '1'],
      ['[data-result="scores"] tbody tr:nth-child(2) td:last-child', '2'],
      ['[data-result="scores"] tbody tr:nth-child(3) td:last-child', '4'],
      ['[data-result="scores"] tbody tr:nth-child(4) td:last-child', '3'],
      ['[data-result="decision"] tbody tr:nth-child(1)', '3.88', '3.67'],
      ['[data-result="decision"] tbody tr:nth-child(2)', '3.40', '2.67'],
      ['[data-result="decision"] tbody tr:nth-child(3)', '1.37', '3.33'],
      ['[data-result="decision"] tbody tr:nth-child(4)', '2.90', '2.00'],
    ],
    table: {
      bad: {
        en: 'name,size,growth,fitProduct,fitChannel,fitFunds\nNorth,100,5,3,3,3\nSouth,200,abc,3,3,3\n',
        zh: '细分市场,市场规模,年增长率 %,匹配度：产品（1–5）,匹配度：渠道（1–5）,匹配度：资金（1–5）\n北,100,5,3,3,3\n南,200,abc,3,3,3\n',
      },
      good: {
        en: 'name,size,growth,fitProduct,fitChannel,fitFunds\nNorth,100,5,3,3,3\nSouth,200,7,3,3,3\n',
        zh: '细分市场,市场规模,年增长率 %,匹配度：产品（1–5）,匹配度：渠道（1–5）,匹配度：资金（1–5）\n北,100,5,3,3,3\n南,200,7,3,3,3\n',
      },
      row: 3,
      column: { en: 'growth', zh: '年增长率 %' },
      message: 'notANumber',
    },
  },
  {
    id: 'C03.3',
    chapter: '03-segmentation',
    edits: [{ selector: '#C03-3-k-3', param: 'C03.3.k=3' }],
    watch: 'wcss',
    chart: 'scatter',
    // Chapter 3's worked example: 12 customers, k = 3 → 5 / 4 / 3 customers; WCSS 2.54 (k = 1…4:
    // 36.00, 15.04, 2.54, 1.19); mean silhouette 0.76.
    example: [
      [result('rowsUsed'), '12'],
      [result('wcss'), '2.54'],
      [result('silhouette'), '0.761'],
      ['[data-result="clusters"] tr[data-cluster="1"]', '5', '31.8', '2,440'],
      ['[data-result="clusters"] tr[data-cluster="2"]', '4', '22.75', '487.5'],
      ['[data-result="clusters"] tr[data-cluster="3"]', '3', '48', '1,333.33'],
      ['[data-chart="elbow"] tbody tr:nth-child(2)', '15.04'],
      ['[data-chart="elbow"] tbody tr:nth-child(4)', '1.19'],
    ],
  },
  {
    id: 'C05.2',
    chapter: '05-pricing',
    edits: [{ selector: 'input[name="testUnits"]', value: '800', param: 'C05.2.testUnits=800' }],
    watch: 'arcElasticity',
    watchAfter: '−2.333',
    chart: 'demand',
    // E_arc = E_log = −1.105; revenue 100,000 → 99,000 (−1.0%); contribution 40,000 → 45,000 (+12.5%);
    // linear fit a = 2,000, b = 10 → revenue-max 100, profit-max 130 (Q 700, contribution 49,000).
    example: [
      [result('arcElasticity'), '−1.105'],
      [result('logElasticity'), '−1.105'],
      [result('revenue'), '$100,000.00 → $99,000.00', '−1.0%'],
      [result('contribution'), '$40,000.00 → $45,000.00', '+12.5%'],
      [result('fit'), '2,000', '10'],
      [result('revenueOptimum'), '$100.00'],
      [result('profitOptimum'), '$130.00', '700', '$49,000.00'],
    ],
    // Constant elasticity: optimum 629.00, above 1.5 × 110 = 165, so the far-extrapolation warning shows.
    exampleMore: async (root, money) => {
      await root.locator('#C05-2-model-constant').check();
      await expectContainsAll(root.locator(result('profitOptimum')), [money('$629.00')]);
      // The charted range 0.5 × 100 … 1.5 × 110, in the message as plain numbers.
      await expectContainsAll(root.locator('[data-issue="c05_2.profitFarOutside"]'), ['50', '165']);
    },
  },
  {
    id: 'C05.3',
    chapter: '05-pricing',
    edits: [
      { selector: 'input[name="currentPrice"]', value: '120', param: 'C05.3.currentPrice=120' },
      { selector: '#C05-3-rows-1-rate', value: '12', param: 'C05.3.rows=' },
    ],
    watch: 'orderTotal',
    watchAfter: '$54,720.00', // 480 × 120 × 0.95
    chart: 'tiers',
    // CMR 40%, −10% → +33.3% needed; index clause with material +50% → ×1.20 (+20%);
    // all-units 5%/10% at 100/500: 474–499 cost more than 500, 96–99 more than 100.
    example: [
      [result('contributionRatio'), '40.00%'],
      [result('requiredVolumeChange'), '+33.3%'],
      [result('shockPrice'), '1.200', '+20.0%'],
      [result('reversals'), '96–99', '474–499'],
    ],
    exampleMore: async (root) => {
      // +10% price → can lose up to 20.0% of volume.
      await root.locator('input[name="priceChange"]').fill('10');
      await expectContainsAll(root.locator(result('requiredVolumeChange')), ['−20.0%']);
      // C05.1's price 91 on a variable cost of 50 (CMR 45.05%), −10% → +28.5%.
      await root.locator('input[name="priceChange"]').fill('-10');
      await root.locator('input[name="currentPrice"]').fill('91');
      await root.locator('input[name="unitVariableCost"]').fill('50');
      await expectContainsAll(root.locator(result('contributionRatio')), ['45.05%']);
      await expectContainsAll(root.locator(result('requiredVolumeChange')), ['+28.5%']);
    },
    table: {
      bad: { en: 'minQuantity,rate\n100,5\n500,abc\n', zh: '起订数量（件）,折扣率\n100,5\n500,abc\n' },
      good: { en: 'minQuantity,rate\n100,5\n500,10\n', zh: '起订数量（件）,折扣率\n100,5\n500,10\n' },
      row: 3,
      column: { en: 'rate', zh: '折扣率' },
      message: 'notANumber',
    },
  },
  {
    id: 'C12.1',
    chapter: '12-budget',
    edits: [
      { selector: 'input[name="totalBudget"]', value: '12000000', param: 'C12.1.totalBudget=12000000' },
      { selector: '#C12-1-rows-0-cap', value: '2800000', param: 'C12.1.rows=' },
    ],
    watch: 'allocatable',
    watchAfter: '$10,800,000.00',
    chart: 'ceilings',
    // B_alloc 900,000; scores 5 / 3 / 2 → λ = 100,000; A 400,000 (capped), B 300,000, C 200,000 (floor 50,000); all CFO.
    example: [
      [result('allocatable'), '$900,000.00'],
      [result('lambda'), '$100,000.00'],
      ['[data-result="allocation"] tr[data-row="0"]', '5.00', '$400,000.00', 'CFO'],
      ['[data-result="allocation"] tr[data-row="1"]', '3.00', '$300,000.00', 'CFO'],
      ['[data-result="allocation"] tr[data-row="2"]', '2.00', '$200,000.00', '$50,000.00', 'CFO'],
      ['[data-result="allocation"] tfoot', '$900,000.00', '100.00%'],
    ],
    table: {
      bad: {
        en: 'name,fit,roi,potential,urgency,bcg,role,innovation\nA,5,5,5,5,star,growth,no\nB,3,9,3,3,cashCow,cash,no\n',
        zh: '预算项,战略契合度（1–5）,预期 ROI（1–5）,市场潜力（1–5）,紧迫性（1–5）,波士顿矩阵象限,产品角色,创新项目\n甲,5,5,5,5,star,growth,no\n乙,3,9,3,3,cashCow,cash,no\n',
      },
      good: {
        en: 'name,fit,roi,potential,urgency,bcg,role,innovation\nA,5,5,5,5,star,growth,no\nB,3,3,3,3,cashCow,cash,no\n',
        zh: '预算项,战略契合度（1–5）,预期 ROI（1–5）,市场潜力（1–5）,紧迫性（1–5）,波士顿矩阵象限,产品角色,创新项目\n甲,5,5,5,5,star,growth,no\n乙,3,3,3,3,cashCow,cash,no\n',
      },
      row: 3,
      column: { en: 'roi', zh: '预期 ROI（1–5）' },
      message: 'atMost5',
    },
  },
  {
    id: 'C12.2',
    chapter: '12-budget',
    edits: [
      { selector: 'input[name="monthsElapsed"]', value: '9', param: 'C12.2.monthsElapsed=9' },
      { selector: '#C12-2-rows-0-actual', value: '900000', param: 'C12.2.rows=' },
    ],
    watch: 'budgetToDate',
    chart: 'budget-vs-actual',
    // 1,200,000 even, 6 months → B_td 600,000; actual 672,000 → +72,000 (+12.0%) alert; forecast 1,344,000 (+144,000).
    example: [
      ['[data-result="lines"] tbody tr:nth-child(1)', '$1,200,000.00', '$600,000.00', '$672,000.00', '+$72,000.00', '+12.0%', '$1,344,000.00', '+$144,000.00'],
      // Chapter 12: events −5.0% on track; digital tools −16.7%, the underspend check; total +2.9%.
      ['[data-result="lines"] tbody tr:nth-child(2)', '−$12,000.00', '−5.0%'],
      ['[data-result="lines"] tbody tr:nth-child(3)', '−$30,000.00', '−16.7%', '$300,000.00'],
      ['[data-result="lines"] tfoot', '$2,040,000.00', '+$30,000.00', '+2.9%', '$2,100,000.00'],
    ],
    exampleMore: async (root) => {
      expect(await root.locator('[data-result="lines"] tbody tr:nth-child(1)').getAttribute('data-status')).toBe('alert');
      expect(await root.locator('[data-result="lines"] tbody tr:nth-child(2)').getAttribute('data-status')).toBe('onTrack');
      expect(await root.locator('[data-result="lines"] tbody tr:nth-child(3)').getAttribute('data-status')).toBe('underspend');
    },
    table: {
      bad: { en: 'name,budget,actual,phasing\nA,1000,500,even\nB,2000,lots,even\n', zh: '预算项,年度预算,截至目前实际,分解方式\n甲,1000,500,even\n乙,2000,lots,even\n' },
      good: { en: 'name,budget,actual,phasing\nA,1000,500,even\nB,2000,900,even\n', zh: '预算项,年度预算,截至目前实际,分解方式\n甲,1000,500,even\n乙,2000,900,even\n' },
      row: 3,
      column: { en: 'actual', zh: '截至目前实际' },
      message: 'notANumber',
    },
  },
  {
    id: 'C12.3',
    chapter: '12-budget',
    edits: [
      { selector: 'input[name="shiftShare"]', value: '20', param: 'C12.3.shiftShare=20' },
      { selector: '#C12-3-rows-4-grossReturn', value: '150000', param: 'C12.3.rows=' },
    ],
    watch: 'shifted',
    watchAfter: '$80,000.00', // 20% of the bottom quartile's 400,000
    chart: 'suggested',
    // Chapter 12's worked example: ROI 80% / 60% / 10% / −20%; 10% of outdoor's 250,000 to search ads.
    example: [
      [result('totalSpend'), '$900,000.00'],
      [result('overallRoi'), '33.3%'],
      [result('shifted'), '$25,000.00'],
      ['[data-result="efficiency"] tr[data-row="0"]', '80.0%', '+$25,000.00', '$325,000.00'],
      ['[data-result="efficiency"] tr[data-row="1"]', '60.0%', '$150,000.00'],
      ['[data-result="efficiency"] tr[data-row="3"]', '−20.0%', '−$25,000.00', '$225,000.00'],
    ],
    table: {
      bad: { en: 'name,spend,grossReturn\nA,100,150\nB,-5,120\n', zh: '预算项,支出,可归因回报（毛利）\n甲,100,150\n乙,-5,120\n' },
      good: { en: 'name,spend,grossReturn\nA,100,150\nB,5,120\n', zh: '预算项,支出,可归因回报（毛利）\n甲,100,150\n乙,5,120\n' },
      row: 3,
      column: { en: 'spend', zh: '支出' },
      message: 'atLeast0',
    },
  },
];

function expectClean(problems: PageProblems) {
  expect(problems.pageErrors).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
  expect(problems.foreignRequests).toEqual([]);
  expect(problems.cspViolations).toEqual([]);
}

/** Polls until the element's text contains every figure; fails listing the ones missing. */
async function expectContainsAll(locator: Locator, figures: string[]) {
  await expect
    .poll(async () => {
      const text = (await locator.first().textContent({ timeout: 2_000 }).catch(() => '')) ?? '';
      return figures.filter((f) => !text.includes(f));
    }, { timeout: 10_000 })
    .toEqual([]);
}

/** Scrolls the calculator into view (it hydrates when visible) and waits until a chart is drawn. */
async function calculator(page: Page, id: string, chart: string): Promise<Locator> {
  const root = page.locator(`[data-calculator="${id}"]`);
  await root.scrollIntoViewIfNeeded();
  // Chart.js loads when a chart comes near the viewport.
  await root.locator(`[data-chart="${chart}"]`).scrollIntoViewIfNeeded();
  await expect.poll(() => root.locator(`[data-chart="${chart}"]`).getAttribute('data-chart-state'), { timeout: 15_000 }).toBe('ready');
  return root;
}

const chartTable = (root: Locator, chart: string) => root.locator(`[data-chart="${chart}"] table`).textContent();
/** What the chart shows: the canvas's pixels (or the SVG of a doughnut). */
const chartImage = (root: Locator, chart: string) =>
  root.locator(`[data-chart="${chart}"]`).evaluate((figure) => figure.querySelector('canvas')?.toDataURL() ?? figure.querySelector('svg')?.outerHTML ?? '');

async function applyEdit(root: Locator, edit: Edit) {
  const input = root.locator(edit.selector);
  if (edit.value === undefined) await input.check();
  else await input.fill(edit.value);
}

describe.each(languages)('calculators on the $name chapter pages', (language) => {
  const money = (s: string) => s.replaceAll('$', language.currency);

  it.each(cases)('$id: edits, share link, worked example, tables, clean page', async (c) => {
    const { page, problems } = await openPage(context, site);
    await page.goto(`${site.url}${language.prefix}chapters/${c.chapter}/`);
    const root = await calculator(page, c.id, c.chart);
    const watched = root.locator(`${result(c.watch)} dd`);

    // 1. Typing changes the watched result and redraws the chart.
    const before = { text: await watched.innerText(), table: await chartTable(root, c.chart), image: await chartImage(root, c.chart) };
    for (const edit of c.edits) await applyEdit(root, edit);
    await expect.poll(() => watched.innerText()).not.toBe(before.text);
    if (c.watchAfter) await expect.poll(() => watched.innerText()).toContain(money(c.watchAfter));
    await expect.poll(() => chartTable(root, c.chart)).not.toBe(before.table);
    await expect.poll(() => chartImage(root, c.chart)).not.toBe(before.image);
    expect(await root.locator(`[data-chart="${c.chart}"]`).getAttribute('data-chart-state')).toBe('ready');
    expect(await badNumbersOnPage(page)).toEqual([]);

    // 2. The link carries the edits (that it restores them is a generic check, calculators-generic.test.ts).
    for (const edit of c.edits) await expect.poll(() => decodeURIComponent(page.url())).toContain(edit.param);

    // 3. The worked example.
    await root.locator('button[data-action="example"]').click();
    for (const [selector, ...figures] of c.example) await expectContainsAll(root.locator(selector), figures.map(money));
    if (c.exampleMore) await c.exampleMore(root, money);
    expect(await badNumbersOnPage(page)).toEqual([]);

    // 4. Tables: CSV import (a bad cell named by row and column, in the page's language), rows added and removed.
    if (c.table) {
      const t = c.table;
      const rows = root.locator('form.calc-inputs table tbody tr');
      const rowCount = await rows.count();
      const firstCell = rows.first().locator('input').first();
      const firstValue = await firstCell.inputValue();
      await root.locator('button[data-action="paste-csv"]').click();
      await root.locator('.calc-paste textarea').fill(t.bad[language.lang]);
      await root.locator('button[data-action="import-paste"]').click();
      const status = root.locator('[data-import-status="partial"]');
      await expect.poll(() => status.innerText()).toContain(`${language.badCell(t.row, t.column[language.lang])} ${language.messages[t.message]}`);
      expect(await status.getAttribute('role')).toBe('alert');
      // Imported as typed: the bad cell keeps its text and shows its own message in the table.
      expect(await root.locator('form.calc-inputs table tbody .calc-cell--invalid').count()).toBeGreaterThan(0);
      expect(rowCount).toBeGreaterThan(0);
      expect(firstValue).not.toBeNull();

      // The import closed the paste panel: open it again for the good file.
      await root.locator('button[data-action="paste-csv"]').click();
      await root.locator('.calc-paste textarea').fill(t.good[language.lang]);
      await root.locator('button[data-action="import-paste"]').click();
      await expect.poll(() => root.locator('[data-import-status="ok"]').count()).toBe(1);
      await expect.poll(() => rows.count()).toBe(2);

      await root.locator('button[data-action="add-row"]').click();
      await expect.poll(() => rows.count()).toBe(3);
      expect(await badNumbersOnPage(page)).toEqual([]);
      await rows.last().locator('button[data-action="remove-row"]').click();
      await expect.poll(() => rows.count()).toBe(2);
      expect(await badNumbersOnPage(page)).toEqual([]);
    }

    expectClean(problems);
    await page.close();
  });
});
