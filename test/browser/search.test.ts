/**
 * Full-text search in both languages, through Starlight's search dialog and through Pagefind's
 * index: each chapter's English and Chinese key term (test/content/chapters/NN.json) finds that
 * chapter among the first three results, and a Chinese two-character word is found inside a
 * longer run of Chinese text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openPage, serveSite, type Site } from './harness';

interface ChapterData { search: { en: string; zh: string } }
const chapters = readdirSync('test/content/chapters')
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ n: f.slice(0, 2), data: JSON.parse(readFileSync(`test/content/chapters/${f}`, 'utf8')) as ChapterData }));
const slugOf = (n: string) => readdirSync('content/docs/chapters').find((f) => f.startsWith(n))!.replace(/\.mdx?$/, '');

let browser: Browser;
let site: Site;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchBrowser();
  site = await serveSite('dist');
  context = await browser.newContext();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await site?.close();
});

/** Searches with Pagefind in the page's language and returns result URLs, best first. */
async function pagefindSearch(page: Page, query: string): Promise<string[]> {
  // A string expression: Vitest would rewrite a dynamic import() inside a function body.
  const bundle = JSON.stringify(`${site.url}pagefind/pagefind.js`);
  return page.evaluate(`(async () => {
    const pagefind = await import(${bundle});
    await pagefind.init?.();
    const search = await pagefind.search(${JSON.stringify(query)});
    const data = await Promise.all(search.results.slice(0, 5).map((r) => r.data()));
    return data.map((d) => d.url);
  })()`) as Promise<string[]>;
}

async function searchInDialog(page: Page, query: string): Promise<string[]> {
  await page.evaluate(() => customElements.whenDefined('site-search'));
  await page.locator('site-search button[data-open-modal]').click();
  const input = page.locator('site-search dialog input[type="search"], site-search dialog input').first();
  await input.fill(query);
  const results = page.locator('site-search dialog .pagefind-ui__result-link');
  await expect.poll(() => results.count(), { timeout: 15_000 }).toBeGreaterThan(0);
  return results.evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
}

describe('search dialog', () => {
  it('finds an English chapter by a key term and opens it', async () => {
    const { page } = await openPage(context, site);
    await page.goto(site.url);
    const paths = await searchInDialog(page, 'break-even');
    expect(paths.slice(0, 3).some((p) => p.includes('/chapters/05-pricing/') || p.includes('/calculators/'))).toBe(true);
    await page.locator('site-search dialog .pagefind-ui__result-link').first().click();
    await page.waitForURL(/\/(chapters|calculators)\//);
    await page.close();
  });

  it('finds a two-character Chinese word inside running Chinese text', async () => {
    const { page } = await openPage(context, site);
    await page.goto(site.url + 'zh-cn/');
    // 定价 ("pricing") appears only inside longer unbroken Chinese sentences.
    const paths = await searchInDialog(page, '定价');
    expect(paths.every((p) => p.includes('/zh-cn/'))).toBe(true);
    expect(paths.slice(0, 3).some((p) => p.includes('/zh-cn/chapters/05-pricing/'))).toBe(true);
    await page.close();
  });
});

describe('each chapter is found by its key terms', () => {
  it.each(chapters)('chapter $n in English and Chinese', async ({ n, data }) => {
    const slug = slugOf(n);
    const { page } = await openPage(context, site);
    await page.goto(site.url);
    const en = await pagefindSearch(page, data.search.en);
    expect(en.slice(0, 3).map((u) => new URL(u, site.origin).pathname), `"${data.search.en}"`).toContain(`${new URL(site.url).pathname}chapters/${slug}/`);
    await page.goto(site.url + 'zh-cn/');
    const zh = await pagefindSearch(page, data.search.zh);
    expect(zh.slice(0, 3).map((u) => new URL(u, site.origin).pathname), `"${data.search.zh}"`).toContain(`${new URL(site.url).pathname}zh-cn/chapters/${slug}/`);
    await page.close();
  });
});
