/**
 * Smoke test of the build under a sub-path (`/playbook/`), as a static host serving the site
 * from a folder would: pages, links, assets, a calculator and search all work under the base.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, openPage, scrollThrough, serveSite, type Site } from './harness';

const BASE = '/playbook/';
let browser: Browser;
let site: Site;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchBrowser();
  site = await serveSite('dist-sub', BASE);
  context = await browser.newContext();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await site?.close();
});

describe(`the site built under ${BASE}`, () => {
  it.each(['', 'zh-cn/', 'calculators/', 'zh-cn/calculators/', 'calculators/c05-1/', 'zh-cn/calculators/c05-1/', 'glossary/', 'chapters/05-pricing/', 'zh-cn/chapters/12-budget/'])(
    'serves %s with every link and asset under the base and nothing broken',
    async (path) => {
      const { page, problems } = await openPage(context, site);
      const response = await page.goto(site.url + path);
      expect(response?.status()).toBe(200);
      await scrollThrough(page);
      await page.waitForLoadState('networkidle');
      const hrefs = await page.$$eval('a[href]', (links) => links.map((a) => a.getAttribute('href') ?? ''));
      const internal = hrefs.filter((h) => h.startsWith('/'));
      expect(internal.length).toBeGreaterThan(0);
      expect(internal.filter((h) => !h.startsWith(BASE))).toEqual([]);
      expect(problems.failedRequests).toEqual([]);
      expect(problems.foreignRequests).toEqual([]);
      expect(problems.pageErrors).toEqual([]);
      await page.close();
    },
  );

  it('runs a calculator and restores it from a link under the base', async () => {
    const { page, problems } = await openPage(context, site);
    await page.goto(`${site.url}calculators/c05-1/?C05.1.material=40`);
    const root = page.locator('[data-calculator="C05.1"]');
    await root.scrollIntoViewIfNeeded();
    await expect.poll(() => root.locator('[data-result="price"] dd').innerText(), { timeout: 15_000 }).toBe('$80.00');
    await root.locator('[data-chart="cvp"]').scrollIntoViewIfNeeded();
    await expect.poll(() => root.locator('[data-chart="cvp"]').getAttribute('data-chart-state'), { timeout: 15_000 }).toBe('ready');
    expect(problems.failedRequests).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    await page.close();
  });

  it('searches in both languages under the base', async () => {
    for (const [path, query, expected] of [['', 'break-even', `${BASE}chapters/05-pricing/`], ['zh-cn/', '定价', `${BASE}zh-cn/chapters/05-pricing/`]] as const) {
      const { page, problems } = await openPage(context, site);
      await page.goto(site.url + path);
      await page.evaluate(() => customElements.whenDefined('site-search'));
      await page.locator('site-search button[data-open-modal]').click();
      await page.locator('site-search dialog input').first().fill(query);
      const links = page.locator('site-search dialog .pagefind-ui__result-link');
      await expect.poll(() => links.count(), { timeout: 15_000 }).toBeGreaterThan(0);
      const paths = await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
      expect(paths.every((p) => p.startsWith(BASE))).toBe(true);
      expect(paths).toContain(expected);
      expect(problems.failedRequests).toEqual([]);
      await page.close();
    }
  });
});
