/**
 * Every built page (from the sitemap), in both languages: axe-core with WCAG 2.2 AA tags finds
 * no violation, no request leaves the site's origin, nothing 404s, no script error, no NaN.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { badNumbersOnPage, launchBrowser, openPage, scrollThrough, serveSite, sitemapUrls, type Site } from './harness';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let browser: Browser;
let site: Site;
let context: BrowserContext;
let urls: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  site = await serveSite('dist');
  context = await browser.newContext();
  urls = sitemapUrls('dist', site);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await site?.close();
});

describe('every built page', () => {
  it('the sitemap lists both languages', () => {
    expect(urls.length).toBeGreaterThanOrEqual(6);
    expect(urls.some((u) => u.includes('/zh-cn/'))).toBe(true);
    expect(urls.filter((u) => u.includes('/zh-cn/')).length * 2).toBe(urls.length);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`passes axe (WCAG 2.2 AA) with no foreign requests, errors or NaN, ${theme} theme`, { timeout: 600_000 }, async () => {
      const report: string[] = [];
      for (const url of urls) {
        const { page, problems } = await openPage(context, site);
        await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
        await page.goto(url, { waitUntil: 'load' });
        await scrollThrough(page);
        // Evaluated through DevTools, not an inline <script>, so the page's strict CSP stays intact.
        await page.evaluate(axeSource);
        const violations = await page.evaluate(async (tags) => {
          const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
          const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
          return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
        }, AXE_TAGS);
        const path = new URL(url).pathname;
        for (const v of violations) report.push(`${path} axe ${v}`);
        for (const r of problems.foreignRequests) report.push(`${path} foreign request ${r}`);
        for (const r of problems.failedRequests) report.push(`${path} failed ${r}`);
        for (const e of [...problems.pageErrors, ...problems.consoleErrors]) report.push(`${path} error ${e}`);
        for (const n of await badNumbersOnPage(page)) report.push(`${path} shows ${n}`);
        await page.close();
      }
      expect(report).toEqual([]);
    });
  }
});
