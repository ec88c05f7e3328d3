/**
 * Checks beside the every-page sweep of the root build (site-sweep.ts):
 *   - the sub-path build (same policy, other URLs for the islands, worker and search index) on the
 *     calculators index and C05.1's page, in the dark theme, typed into: no CSP violation, error,
 *     failed or foreign request;
 *   - the search dialog in both languages and the k-means module worker under the policy.
 */
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { cspReport, launchBrowser, typeIntoCalculators, openPage, pagePool, serveSite, settleCalculators, sitemapUrls, type Site } from './harness';

const DIST = 'dist';
const DIST_SUB = 'dist-sub';

let browser: Browser;

/** Opens the search dialog, runs a query and returns how many results it lists (0 if none came). */
async function searchOnce(page: Page, query: string): Promise<number> {
  await page.evaluate(() => customElements.whenDefined('site-search'));
  await page.locator('site-search button[data-open-modal]').click();
  await page.locator('site-search dialog input').first().fill(query);
  const links = page.locator('site-search dialog .pagefind-ui__result-link');
  await page.waitForFunction(() => document.querySelectorAll('site-search dialog .pagefind-ui__result-link').length > 0, null, { timeout: 15_000 }).catch(() => {});
  return links.count();
}

/** Starts the k-means calculator's module worker from /_astro/, as the calculator does for large data sets. */
async function startKmeansWorker(page: Page, site: Site, dir: string): Promise<string> {
  const file = readdirSync(`${dir}/_astro`).find((f) => /^kmeans\.worker.*\.js$/.test(f));
  if (!file) throw new Error(`no kmeans worker in ${dir}/_astro`);
  return page.evaluate(
    (url) =>
      new Promise<string>((resolve) => {
        const worker = new Worker(url, { type: 'module' });
        worker.onerror = (e) => resolve(`error: ${e.message || 'worker failed to load'}`);
        // Loaded and evaluated if it is still alive a moment later.
        setTimeout(() => {
          worker.terminate();
          resolve('started');
        }, 500);
      }),
    `${site.url}_astro/${file}`,
  );
}

export interface PageCheckSelection {
  dir: typeof DIST | typeof DIST_SUB;
  /** The calculator pages of the sub-path build in these themes (none: skip them). */
  themes: readonly ('light' | 'dark')[];
  /** The search dialog in both languages and the k-means worker. */
  searchAndWorker: boolean;
}

export function definePageChecks({ dir, themes, searchAndWorker }: PageCheckSelection) {
  const base = dir === DIST ? '/' : '/playbook/';
  let site: Site;
  let urls: string[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
    site = await serveSite(dir, base);
    urls = sitemapUrls(dir, site);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  // test/site/headers.test.ts checks the policy's text.
  it('the sitemap lists every page in both languages', () => {
    expect(urls.length).toBeGreaterThanOrEqual(6);
    expect(urls.some((u) => u.includes('/zh-cn/'))).toBe(true);
    expect(urls.filter((u) => u.includes('/zh-cn/')).length * 2).toBe(urls.length);
  });

  for (const theme of themes) {
    it(`the calculator pages raise no CSP violation or error, typed into, ${theme} theme`, { timeout: 900_000 }, async () => {
      const targets = urls.filter((u) => /\/calculators\/(c05-1\/)?$/.test(u));
      expect(targets.length).toBeGreaterThanOrEqual(2);
      const violations: string[] = [];
      let typed = 0;
      await pagePool(browser, site, targets, async (page, problems, url) => {
        const path = new URL(url).pathname;
        await page.goto(url, { waitUntil: 'load' });
        // Set by Starlight's inline theme script: another theme means the script was blocked.
        const shown = await page.evaluate(() => document.documentElement.dataset['theme']);
        if (shown !== theme) violations.push(`${path} shows the ${shown} theme`);
        if ((await page.locator('astro-island').count()) > 0) await settleCalculators(page);
        typed += await typeIntoCalculators(page);
        for (const r of problems.foreignRequests) violations.push(`${path} foreign request ${r}`);
        for (const r of problems.failedRequests) violations.push(`${path} failed ${r}`);
        violations.push(...cspReport(path, problems));
        // Errors the policy caused are in the report above; any other error is a failure too.
        for (const e of [...problems.pageErrors, ...problems.consoleErrors]) if (!/content security policy/i.test(e)) violations.push(`${path} error ${e}`);
      }, { theme });
      expect(typed).toBeGreaterThan(0);
      expect(violations).toEqual([]);
    });
  }

  if (searchAndWorker) it('search in both languages and the k-means worker raise no violation', { timeout: 60_000 }, async () => {
    const context = await browser.newContext();
    const violations: string[] = [];
    const outcomes: string[] = [];
    for (const [path, query] of [['', 'pricing'], ['zh-cn/', '定价']] as const) {
      const { page, problems } = await openPage(context, site);
      await page.goto(site.url + path);
      outcomes.push(`search ${query}: ${(await searchOnce(page, query)) > 0 ? 'results' : 'no results'}`);
      if (path === '') outcomes.push(`k-means worker: ${await startKmeansWorker(page, site, dir)}`);
      violations.push(...cspReport(`${base}${path}`, problems));
      await page.close();
    }
    expect(violations).toEqual([]);
    expect(outcomes).toEqual(['search pricing: results', 'k-means worker: started', 'search 定价: results']);
    await context.close();
  });
}
