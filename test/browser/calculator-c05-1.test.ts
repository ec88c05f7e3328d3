/**
 * The reference calculator end to end, in both languages: typing changes results and charts,
 * a shared link restores inputs, bad input gets a localised message and never NaN/Infinity.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { badNumbersOnPage, launchBrowser, openPage, serveSite, type PageProblems, type Site } from './harness';

let browser: Browser;
let site: Site;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchBrowser();
  site = await serveSite('dist');
});
// A fresh context per test: inputs persist in localStorage, which would carry over otherwise.
beforeEach(async () => {
  context = await browser.newContext();
});
afterEach(async () => {
  await context?.close();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const pages = [
  { lang: 'en', path: 'calculators/c05-1/', price: '$45.00', changedPrice: '$80.00', notANumber: 'This is not a number', noBreakEven: 'No break-even' },
  { lang: 'zh-CN', path: 'zh-cn/calculators/c05-1/', price: '¥45.00', changedPrice: '¥80.00', notANumber: '无法识别为数字', noBreakEven: '不存在盈亏平衡点' },
] as const;

async function calculator(page: Page) {
  const root = page.locator('[data-calculator="C05.1"]');
  await root.scrollIntoViewIfNeeded();
  await root.locator('[data-chart="cvp"]').scrollIntoViewIfNeeded();
  // Hydrated once the chart has been drawn (Chart.js loads when the chart comes near the viewport).
  await expect.poll(() => root.locator('[data-chart="cvp"]').getAttribute('data-chart-state'), { timeout: 15_000 }).toBe('ready');
  return root;
}

const resultText = (page: Page, key: string) => page.locator(`[data-calculator="C05.1"] [data-result="${key}"] dd`).innerText();

function expectClean(problems: PageProblems) {
  expect(problems.pageErrors).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
  expect(problems.foreignRequests).toEqual([]);
}

describe.each(pages)('C05.1 on its $lang calculator page', ({ path, price, changedPrice, notANumber, noBreakEven }) => {
  it('server-renders default results before any script runs', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(site.url + path);
    const root = page.locator('[data-calculator="C05.1"]');
    await expect.poll(() => root.locator('[data-result="price"] dd').innerText()).toBe(price);
    expect(await root.locator('input[name="material"]').inputValue()).toBe('12');
    await noJs.close();
  });

  it('recomputes results and redraws the chart as the reader types', async () => {
    const { page, problems } = await openPage(context, site);
    await page.goto(site.url + path);
    const root = await calculator(page);
    expect(await resultText(page, 'price')).toBe(price);
    const tableBefore = await root.locator('[data-chart="cvp"] table').textContent();
    // Defaults: material 12 → 40: VC 52, full cost 52 + 60,000 ÷ 5,000 = 64, price 64 × 1.25 = 80.
    await root.locator('input[name="material"]').fill('40');
    await expect.poll(() => resultText(page, 'price')).toBe(changedPrice);
    expect(await root.locator('[data-chart="cvp"] table').textContent()).not.toBe(tableBefore);
    expect(tableBefore).toContain('10,000');
    expect(await root.locator('[data-chart="cvp"] canvas').evaluate((c: HTMLCanvasElement) => c.width > 0)).toBe(true);
    expectClean(problems);
    await page.close();
  });

  it('restores inputs from a shared link', async () => {
    const { page, problems } = await openPage(context, site);
    await page.goto(`${site.url}${path}?C05.1.material=40&C05.1.basis=margin&C05.1.margin=20`);
    const root = await calculator(page);
    expect(await root.locator('input[name="material"]').inputValue()).toBe('40');
    expect(await root.locator('input[name="margin"]').inputValue()).toBe('20');
    // Full cost 64 on a 20% margin: 64 / 0.8 = 80.
    await expect.poll(() => resultText(page, 'price')).toMatch(/80\.00/);
    // A round trip: the page's own URL after editing restores the same state elsewhere.
    await root.locator('input[name="labour"]').fill('20');
    await expect.poll(() => page.url()).toContain('C05.1.labour=20');
    const shared = page.url();
    const other = await context.browser()!.newContext();
    const second = await other.newPage();
    await second.goto(shared);
    await calculator(second);
    await expect.poll(() => second.locator('[data-calculator="C05.1"] input[name="labour"]').inputValue(), { timeout: 15_000 }).toBe('20');
    await other.close();
    expectClean(problems);
    await page.close();
  });

  it('rejects bad input with a localised message, keeps other results, shows no NaN', async () => {
    const { page, problems } = await openPage(context, site);
    await page.goto(site.url + path);
    const root = await calculator(page);
    for (const bad of ['abc', '1e999', '--5', '１２３abc']) {
      await root.locator('input[name="material"]').fill(bad);
      await expect.poll(() => root.locator('.calc-field--invalid').count()).toBe(1);
      expect(await badNumbersOnPage(page)).toEqual([]);
    }
    await root.locator('input[name="material"]').fill('abc');
    expect(await root.locator('#C05-1-material-error').innerText()).toContain(notANumber);
    expect(await root.locator('input[name="material"]').getAttribute('aria-invalid')).toBe('true');
    expect(await resultText(page, 'fixedCostPerUnit')).toMatch(/12\.00/); // unaffected result kept
    // Full-width digits and thousands separators are accepted.
    await root.locator('input[name="material"]').fill('１２');
    await expect.poll(() => resultText(page, 'price')).toBe(price);
    await root.locator('input[name="fixedCosts"]').fill('60,000');
    await expect.poll(() => resultText(page, 'price')).toBe(price);
    // Price equal to variable cost: no break-even, said in the page's language.
    await root.locator('input[name="fixedCosts"]').fill('0');
    await root.locator('input[name="markup"]').fill('0');
    await expect.poll(() => root.locator('[data-issue="c05_1.noBreakEven"]').innerText()).toContain(noBreakEven);
    expect(await badNumbersOnPage(page)).toEqual([]);
    // Zero volume: message on the volume field.
    await root.locator('input[name="plannedVolume"]').fill('0');
    await expect.poll(() => root.locator('#C05-1-plannedVolume-error').count()).toBe(1);
    expect(await badNumbersOnPage(page)).toEqual([]);
    expectClean(problems);
    await page.close();
  });

  it('loads the worked example and resets to defaults', async () => {
    const { page, problems } = await openPage(context, site);
    await page.goto(site.url + path);
    const root = await calculator(page);
    // The example is chapter 5's: price 91.00, break-even 4,879 units, profit at plan 210,000.
    await root.locator('button[data-action="example"]').click();
    await expect.poll(() => root.locator('[data-result="price"]').getAttribute('data-value')).toBe('91');
    expect(await root.locator('[data-result="breakEvenUnits"]').getAttribute('data-value')).toBe('4879');
    expect(await root.locator('input[name="material"]').inputValue()).toBe('30');
    await root.locator('button[data-action="reset"]').click();
    await expect.poll(() => root.locator('input[name="material"]').inputValue()).toBe('12');
    expect(await root.locator('[data-result="price"]').getAttribute('data-value')).toBe('45');
    expectClean(problems);
    await page.close();
  });
});
