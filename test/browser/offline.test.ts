/**
 * Offline reading (issue 15), at the root and under the sub-path: after a first visit to the home
 * page the service worker takes charge; with the network cut, a chapter reloads in each language,
 * its calculator works, and Starlight's search dialog finds pages (Pagefind's index and fragments
 * come from the precache). Nothing the pages ask for is missing offline, the cache holds this one
 * build (named by the version in sw.js), and nothing breaks the CSP. When a new build is deployed,
 * a Chinese page offers the update in Chinese (an English tab in English); accepting reloads into
 * the new build and removes the old build's cache; the other tab then reloads when asked.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, serveSite, type PageProblems, type Site } from './harness';
import { startServer } from '../tools/serve.mjs';

const builds = [
  { dir: 'dist', base: '/' },
  { dir: 'dist-sub', base: '/playbook/' },
];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function searchInDialog(page: Page, query: string): Promise<string[]> {
  await page.evaluate(() => customElements.whenDefined('site-search'));
  await page.locator('site-search button[data-open-modal]').click();
  await page.locator('site-search dialog input').first().fill(query);
  const results = page.locator('site-search dialog .pagefind-ui__result-link');
  await expect.poll(() => results.count(), { timeout: 30_000 }).toBeGreaterThan(0);
  return results.evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
}

describe.each(builds)('offline after a first visit ($dir, base $base)', ({ dir, base }) => {
  let site: Site;
  beforeAll(async () => {
    site = await serveSite(dir, base);
  });
  afterAll(async () => {
    await site?.close();
  });

  it('a chapter reloads and search finds pages with the network cut, in both languages', async () => {
    const version = /"version":"([0-9a-f]+)"/.exec(readFileSync(`${dir}/sw.js`, 'utf8'))![1]!;
    const context = await browser.newContext({ serviceWorkers: 'allow' });
    try {
      const { page, problems } = await openPage(context, site);
      const failedOffline: string[] = [];
      page.on('requestfailed', (request) => failedOffline.push(`${request.failure()?.errorText} ${request.url()}`));

      await page.goto(site.url);
      // The worker registers once the page is idle, downloads the build and takes charge of the page.
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      });
      const cacheNames: string[] = await page.evaluate(() => caches.keys());
      expect(cacheNames).toEqual([`playbook-offline:${base}:${version}`]);

      await context.setOffline(true);
      expect(await page.evaluate(() => navigator.onLine)).toBe(false);
      failedOffline.length = 0;

      // English: a chapter with a calculator, opened with inputs in its address: the island loads
      // from the cache and computes them (material 40 → price $80.00, see calculator-c05-1.test.ts).
      await page.goto(`${site.url}chapters/05-pricing/?C05.1.material=40`);
      expect(await page.locator('h1').innerText()).toMatch(/pric/i);
      const calculator = page.locator('[data-calculator="C05.1"]');
      await calculator.scrollIntoViewIfNeeded();
      await expect.poll(() => calculator.locator('[data-result="price"] dd').innerText(), { timeout: 30_000 }).toBe('$80.00');
      const enPaths = await searchInDialog(page, 'break-even');
      expect(enPaths.some((p) => p.startsWith(`${base}chapters/05-pricing/`) || p.startsWith(`${base}calculators/`))).toBe(true);

      // Chinese: the chapter itself and its own index.
      await page.goto(`${site.url}zh-cn/chapters/05-pricing/`);
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
      const zhPaths = await searchInDialog(page, '定价');
      expect(zhPaths.length).toBeGreaterThan(0);
      expect(zhPaths.every((p) => p.startsWith(`${base}zh-cn/`))).toBe(true);

      expect(failedOffline).toEqual([]);
      expect(problemsOf(problems)).toEqual({ pageErrors: [], cspViolations: [], consoleErrors: [] });
    } finally {
      await context.close();
    }
  });
});

describe('a new build deployed', () => {
  it('is offered in the page\'s language; accepting switches to it and deletes the old cache', async () => {
    // A copy of the build, "deployed again": the same files under a new version.
    const dir = mkdtempSync(join(tmpdir(), 'offline-update-'));
    const context = await browser.newContext({ serviceWorkers: 'allow' });
    const { server, url } = (await startServer({ dir, base: '/', port: 0 })) as { server: { close(cb: () => void): void }; url: string };
    try {
      cpSync('dist', dir, { recursive: true });
      const site: Site = { url, origin: new URL(url).origin, base: '/', close: async () => {} };
      const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
      const version = /"version":"([0-9a-f]+)"/.exec(sw)![1]!;
      const { page, problems } = await openPage(context, site);
      await page.goto(`${url}zh-cn/`);
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      });

      // A second tab of the same reader, on another page of the old build.
      const { page: other } = await openPage(context, site);
      await other.goto(`${url}chapters/01-strategy/`);

      writeFileSync(join(dir, 'sw.js'), sw.replace(`"version":"${version}"`, `"version":"${version}0"`));
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
      const prompt = page.locator('[data-offline-update]');
      await prompt.waitFor({ timeout: 60_000 });
      await other.locator('[data-offline-update]').waitFor({ timeout: 60_000 });
      expect(await other.locator('[data-offline-update]').innerText()).toContain('A new version of the playbook');
      expect(await prompt.getAttribute('role')).toBe('status');
      expect(await prompt.innerText()).toContain('手册已有新版本');
      // Until the reader accepts, the page stays with the build it came from.
      expect(await page.evaluate(() => caches.keys())).toEqual(expect.arrayContaining([`playbook-offline:/:${version}`, `playbook-offline:/:${version}0`]));
      await Promise.all([page.waitForEvent('load'), prompt.locator('button[data-action="offline-reload"]').click()]);
      await expect.poll(() => page.evaluate(() => caches.keys()), { timeout: 30_000 }).toEqual([`playbook-offline:/:${version}0`]);
      expect(await page.locator('[data-offline-update]').count()).toBe(0);
      // The other tab, whose page is of the old build, reloads into the new one when asked.
      await Promise.all([other.waitForEvent('load'), other.locator('[data-offline-update] button[data-action="offline-reload"]').click()]);
      expect(await other.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');
      expect(await other.locator('[data-offline-update]').count()).toBe(0);
      expect(problemsOf(problems)).toEqual({ pageErrors: [], cspViolations: [], consoleErrors: [] });
    } finally {
      await context.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function problemsOf(problems: PageProblems) {
  return { pageErrors: problems.pageErrors, cspViolations: problems.cspViolations, consoleErrors: problems.consoleErrors };
}
