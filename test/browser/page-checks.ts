/**
 * Every page from the sitemap, in both languages and in the light and the dark theme, loaded once
 * for all the page-level checks: with every calculator hydrated and drawn, axe-core (WCAG 2.2 AA)
 * finds no violation, nothing shows NaN or Infinity, no request fails or leaves the site's origin,
 * no script errs; then, with every calculator typed into, the Content Security Policy
 * (src/integrations/csp.mjs) raises no `securitypolicyviolation`. Starlight's inline scripts are
 * allowed by hashes that change when Starlight does, so this is the test that catches a stale one.
 * The sub-path build, the search dialog and the k-means module worker are checked too.
 * Split over several test files (pages-*.test.ts) so the sweeps run in parallel workers.
 */
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, badNumbersOnPage, launchBrowser, openPage, pagePool, serveSite, sitemapUrls, type PageProblems, type Site } from './harness';

const DIST = 'dist';
const DIST_SUB = 'dist-sub';

let browser: Browser;

/**
 * Brings each island into view in turn and waits until it has hydrated (Astro then drops its `ssr`
 * attribute): a quick scroll can pass a `client:visible` island before it is seen. Runs in the page,
 * one round trip; returns how many islands never hydrated.
 */
async function hydrateIslands(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const islands = [...document.querySelectorAll('astro-island')];
    for (const island of islands) {
      // <astro-island> is display: contents, without a box of its own to scroll to.
      (island.firstElementChild ?? island).scrollIntoView({ block: 'center' });
      const started = performance.now();
      while (island.hasAttribute('ssr') && performance.now() - started < 15_000) await new Promise((r) => setTimeout(r, 25));
    }
    return islands.filter((island) => island.hasAttribute('ssr')).length;
  });
}

/** Waits until every chart has been drawn (or has failed, which the violations will explain). */
async function chartsSettled(page: Page, path: string): Promise<void> {
  // Chart.js loads when a chart comes near the viewport: bring each chart into view in turn.
  await page.evaluate(async () => {
    for (const chart of document.querySelectorAll('[data-chart]')) {
      chart.scrollIntoView({ block: 'center' });
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 30)));
    }
  });
  await expect
    // A chart not laid out (in a closed panel) never comes into view, so it never loads Chart.js.
    .poll(() => page.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-chart-state="idle"]')].filter((c) => c.offsetParent !== null).length), { timeout: 15_000, message: `charts on ${path} never drawn` })
    .toBe(0);
}

/** Types a digit at the end of the first text input of each calculator, then lets it recompute and redraw. */
async function typeIntoCalculators(page: Page): Promise<number> {
  const calculators = page.locator('[data-calculator]');
  const count = await calculators.count();
  for (let i = 0; i < count; i++) {
    const input = calculators.nth(i).locator('input[type="text"]').first();
    if ((await input.count()) === 0) continue;
    await input.focus(); // real key presses below, without click()'s actionability round trips
    await page.keyboard.press('End');
    await page.keyboard.type('1');
  }
  // Debounced recompute, then Chart.js's redraw. (A digit too many can make an input invalid and
  // the calculator hide its chart: that is its business here, so no wait for a chart state.)
  if (count > 0) await page.waitForTimeout(400);
  return count;
}

/** CSP violation events, and the browser's own console message for each (it names the missing hash). */
function report(path: string, problems: PageProblems): string[] {
  const refused = [...problems.pageErrors, ...problems.consoleErrors].filter((e) => /content security policy/i.test(e));
  const summary = (e: string) => {
    const hash = /a hash \('(sha\d+-[^']+)'\)/.exec(e)?.[1];
    const what = /^[^.]*?(?= violates)/.exec(e)?.[0] ?? e.slice(0, 120);
    return hash ? `${what}: needs '${hash}'` : e.slice(0, 300);
  };
  return [...problems.cspViolations.map((v) => `${path} CSP ${v}`), ...refused.map((e) => `${path} ${summary(e)}`)];
}

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
  /** The every-page sweep in these themes (none: skip it). */
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

  // Every page of the root build in both themes; the sub-path build (same policy, other URLs for
  // the islands, worker and search index) on its calculator pages. test/site/headers.test.ts checks
  // the policy's text.
  it('the sitemap lists every page in both languages', () => {
    expect(urls.length).toBeGreaterThanOrEqual(6);
    expect(urls.some((u) => u.includes('/zh-cn/'))).toBe(true);
    expect(urls.filter((u) => u.includes('/zh-cn/')).length * 2).toBe(urls.length);
  });

  for (const theme of themes) {
    it(`every page passes axe and raises no CSP violation, error or NaN, calculators typed into, ${theme} theme`, { timeout: 900_000 }, async () => {
      // The sub-path build: C05.1's own page and the calculators index, both languages.
      // Each calculator also has a page of its own, with the same island as its chapter: the light
      // sweep covers those pages, the dark one the chapters that hold the same calculators.
      const ownPage = (u: string) => /\/calculators\/c\d\d-\d\/$/.test(u);
      const targets = dir === DIST ? urls.filter((u) => theme === 'light' || !ownPage(u)) : urls.filter((u) => /\/calculators\/(c05-1\/)?$/.test(u));
      expect(targets.length).toBeGreaterThanOrEqual(dir === DIST ? 30 : 2);
      const violations: string[] = [];
      let typed = 0;
      await pagePool(browser, site, targets, async (page, problems, url) => {
        const path = new URL(url).pathname;
        await page.goto(url, { waitUntil: 'load' });
        // Set by Starlight's inline theme script: another theme means the script was blocked.
        const shown = await page.evaluate(() => document.documentElement.dataset['theme']);
        if (shown !== theme) violations.push(`${path} shows the ${shown} theme`);
        // Islands hydrate when scrolled into view (client:visible); pages without one need no scrolling.
        if ((await page.locator('astro-island').count()) > 0) {
          const dry = await hydrateIslands(page);
          if (dry > 0) violations.push(`${path}: ${dry} island(s) never hydrated`);
          await chartsSettled(page, path);
        }
        if (dir === DIST) {
          for (const v of await axeViolations(page)) violations.push(`${path} axe ${v}`);
          for (const n of await badNumbersOnPage(page)) violations.push(`${path} shows ${n}`);
        }
        if ((await page.locator('astro-island').count()) > 0) typed += await typeIntoCalculators(page);
        for (const r of problems.foreignRequests) violations.push(`${path} foreign request ${r}`);
        for (const r of problems.failedRequests) violations.push(`${path} failed ${r}`);
        violations.push(...report(path, problems));
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
      violations.push(...report(`${base}${path}`, problems));
      await page.close();
    }
    expect(violations).toEqual([]);
    expect(outcomes).toEqual(['search pricing: results', 'k-means worker: started', 'search 定价: results']);
    await context.close();
  });
}
