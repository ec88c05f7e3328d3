/**
 * The calculator workbench (issue 10), over the built site:
 *   - no page is wider than the viewport at 320, 390, 768, 1280 and 1920 px, in both languages
 *     (every page of the sitemap; pages with a calculator are scrolled through so islands hydrate
 *     and charts draw first);
 *   - at 1280×800, with a calculator's first input scrolled to the top, its key results (the
 *     sticky summary) are on screen and not covered by anything;
 *   - no internal id, bare symbol or "seed" inside any calculator;
 *   - a change is announced as one short sentence with labels, not by a live list of results.
 * Pages are loaded a few at a time (pagePool); each is laid out at every width after one load.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, pagePool, scrollThrough, serveSite, sitemapUrls, type Site } from './harness';
import { JARGON } from '../shared/jargon';

let browser: Browser;
let site: Site;
let urls: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  site = await serveSite('dist');
  urls = sitemapUrls('dist', site);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const WIDTHS = [1920, 1280, 768, 390, 320];

const hasCalculator = (page: Page) => page.evaluate(() => document.querySelector('[data-calculator]') !== null);

/**
 * Scrolls to the bottom a screen at a time so islands hydrate and charts draw: one step per
 * evaluate (each under Playwright's timeout) and at most 80 steps, so a page that kept growing
 * would fail the width check instead of hanging the test.
 */
async function scrollDown(page: Page): Promise<void> {
  for (let step = 0; step < 80; step++) {
    const atEnd = await page.evaluate(async (y) => {
      window.scrollTo(0, y);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 20)));
      return y + window.innerHeight >= document.documentElement.scrollHeight;
    }, step * 800);
    if (atEnd) return;
  }
}

describe('the workbench layout', () => {
  it('the sitemap has pages in both languages with calculators', () => {
    expect(urls.some((u) => u.includes('/zh-cn/'))).toBe(true);
    expect(urls.filter((u) => /\/calculators\//.test(u)).length).toBeGreaterThanOrEqual(2);
  });

  // Each page is loaded once (scrolled through so islands hydrate and charts draw), then laid out
  // at each width in turn: a resize reflows the same page, so five loads are not needed.
  it('no page is wider than the viewport at 1920, 1280, 768, 390 or 320 px', { timeout: 900_000 }, async () => {
    const wide: string[] = [];
    await pagePool(browser, site, urls, async (page, _problems, url) => {
      page.setDefaultTimeout(60_000);
      await page.setViewportSize({ width: WIDTHS[0]!, height: 800 });
      await page.goto(url, { waitUntil: 'load' });
      if (await hasCalculator(page)) await scrollDown(page);
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 800 });
        const scrollWidth = await page.evaluate(async (viewport) => {
          // Charts resize on ResizeObserver callbacks after a resize (a busy machine delays them):
          // a real overflow stays, a canvas still at its old size settles within a few frames.
          let width = document.documentElement.scrollWidth;
          for (let waited = 0; width > viewport && waited < 3000; waited += 50) {
            await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
            width = document.documentElement.scrollWidth;
          }
          return width;
        }, width);
        if (scrollWidth > width) wide.push(`${new URL(url).pathname} is ${scrollWidth} px wide at ${width} px`);
      }
    });
    expect(wide).toEqual([]);
  });

  it('at 1280×800 the key results stay in view while the first input is at the top', { timeout: 900_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    const report: string[] = [];
    let checked = 0;
    for (const url of urls) {
      await page.goto(url, { waitUntil: 'load' });
      const ids = await page.$$eval('[data-calculator]', (els) => els.map((el) => el.getAttribute('data-calculator')!));
      for (const id of ids) {
        const root = page.locator(`[data-calculator="${id}"]`);
        await root.locator('input').first().evaluate((input) => input.scrollIntoView({ block: 'start' }));
        const problems = await root.evaluate((el) => {
          const input = el.querySelector('input')!.getBoundingClientRect();
          const out: string[] = [];
          // Scrolled to the top: just under the header (scroll padding and the field's scroll margin).
          if (input.top < 0 || input.top > window.innerHeight / 3) out.push(`first input at ${Math.round(input.top)} px`);
          const keys = [...el.querySelectorAll<HTMLElement>('[data-calculator-summary] [data-summary]')];
          if (keys.length === 0) out.push('no key results in a summary');
          for (const key of keys) {
            const box = key.getBoundingClientRect();
            const inView = box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0;
            const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
            if (!inView || !top || !key.contains(top)) out.push(`${key.dataset['summary']} not in view (top ${Math.round(box.top)} px)`);
          }
          return out;
        });
        for (const p of problems) report.push(`${new URL(url).pathname} ${id}: ${p}`);
        checked++;
      }
    }
    await context.close();
    expect(checked).toBeGreaterThanOrEqual(18);
    expect(report).toEqual([]);
  });

  it('no internal id, bare symbol or "seed" inside any calculator; one short announcement per change', { timeout: 300_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    const report: string[] = [];
    for (const url of urls.filter((u) => /\/(calculators|chapters\/(03|05|12)-[^/]+)\/$/.test(u))) {
      await page.goto(url, { waitUntil: 'load' });
      await scrollThrough(page);
      const found = await page.$$eval(
        '[data-calculator]',
        (els, source) => els.flatMap((el) => [...(el as HTMLElement).innerText.matchAll(new RegExp(source, 'gi'))].map((m) => `${el.getAttribute('data-calculator')}: "${m[0]}"`)),
        JARGON.source,
      );
      for (const f of found) report.push(`${new URL(url).pathname} ${f}`);
      const liveLists = await page.$$eval('[data-calculator] .calc-results[aria-live], [data-calculator-results][aria-live]', (els) => els.length);
      if (liveLists) report.push(`${new URL(url).pathname}: ${liveLists} results lists are live regions`);
    }
    expect(report).toEqual([]);

    // Typing a new material cost in C05.1 is announced once typing pauses: labels and values.
    await page.goto(`${site.url}chapters/05-pricing/`, { waitUntil: 'load' });
    const calc = page.locator('[data-calculator="C05.1"]');
    await calc.scrollIntoViewIfNeeded();
    await page.waitForSelector('astro-island:not([ssr]) [data-calculator="C05.1"]');
    const live = calc.locator('[data-summary-live]');
    await expect.poll(() => live.count()).toBe(1);
    await calc.locator('input[name="material"]').fill('40');
    await expect.poll(() => live.textContent(), { timeout: 10_000 }).toBe('Price: $80.00; Break-even volume: 2,143 units; Profit at planned volume: $80,000.00');
    await context.close();
  });

  it('"Load worked example" loads the chapter\'s example (never the same as Reset), says so, and can be undone', { timeout: 300_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${site.url}chapters/03-segmentation/`, { waitUntil: 'load' });
    const calc = page.locator('[data-calculator="C03.2"]');
    await calc.scrollIntoViewIfNeeded();
    await page.waitForSelector('astro-island:not([ssr]) [data-calculator="C03.2"]');
    const best = calc.locator('[data-result="best"] dd');
    const before = await best.innerText();
    await calc.locator('button[data-action="example"]').click();
    // The chapter's table: segment A leads at 3.82 and is the one to invest in.
    await expect.poll(() => best.innerText()).toContain('3.82');
    expect(await best.innerText()).toContain('A. Women 25–45');
    expect(await calc.locator('[data-result="decision"] tbody tr:nth-child(1)').innerText()).toContain('Invest / grow');
    await expect.poll(() => calc.locator('[data-notice="example"]').innerText()).toBe('Worked example loaded.');
    await calc.locator('button[data-action="undo"]').click();
    await expect.poll(() => best.innerText()).toBe(before);
    await expect.poll(() => calc.locator('[data-notice="undone"]').count()).toBe(1);

    // On every calculator the worked example shows other key results than the defaults.
    await page.goto(`${site.url}calculators/`, { waitUntil: 'load' });
    await scrollThrough(page);
    const same: string[] = [];
    for (const id of await page.$$eval('[data-calculator]', (els) => els.map((el) => el.getAttribute('data-calculator')!))) {
      const root = page.locator(`[data-calculator="${id}"]`);
      await page.waitForSelector(`astro-island:not([ssr]) [data-calculator="${id}"]`);
      const figures = () => root.locator('[data-calculator-results]').innerText();
      await root.locator('button[data-action="reset"]').click();
      const reset = await figures();
      await root.locator('button[data-action="example"]').click();
      await expect.poll(() => root.locator('[data-notice="example"]').count()).toBe(1);
      if ((await figures()) === reset) same.push(id);
    }
    expect(same).toEqual([]);
    await context.close();
  });
});
