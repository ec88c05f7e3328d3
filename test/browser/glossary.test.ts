/**
 * The glossary filter: hidden without JavaScript (the full list reads as before), narrows the list and
 * its letter groups as the reader types, says how many terms are shown, in both languages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import glossary from '~/data/glossary.json';
import { connect, disconnect, openPage, type Site } from './harness';
import { strings } from '~/i18n';

let browser: Browser;
let site: Site;
beforeAll(async () => ({ browser, site } = await connect()));
afterAll(() => disconnect(browser, site));

const visibleTerms = (page: Page) => page.$$eval('[data-glossary-entry]', (els) => els.filter((e) => !(e as HTMLElement).hidden && !(e.closest('section') as HTMLElement).hidden).map((e) => e.querySelector('dt')!.id));

describe.each([
  ['en', 'glossary/', 'elasticity', strings.en.content.glossary],
  ['zh', 'zh-cn/glossary/', '弹性', strings['zh-CN'].content.glossary],
] as const)('%s glossary filter', (lang, path, query, ui) => {
  it('narrows the list, hides empty letter groups, reports the count and restores everything when cleared', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openPage(context, site);
    await page.goto(site.url + path);
    await page.waitForSelector('.glossary-filter:not([hidden])');
    expect(await visibleTerms(page)).toHaveLength(glossary.length);

    await page.fill('#glossary-filter-input', query);
    const shown = await visibleTerms(page);
    const expected = glossary.filter((g) => `${g[lang].term} ${g[lang].definition}`.toLowerCase().includes(query)).map((g) => g.id);
    expect(shown.length).toBeGreaterThan(0);
    // The filter reads the term and its definition (the chapter labels never contain the query).
    expect(new Set(shown)).toEqual(new Set(expected));
    expect(await page.textContent('#glossary-filter-status')).toBe(ui.filterCount.replace('{count}', String(shown.length)).replace('{total}', String(glossary.length)));
    const emptyGroupsVisible = await page.$$eval('[data-glossary-group]', (gs) => gs.filter((g) => !(g as HTMLElement).hidden && !g.querySelector('[data-glossary-entry]:not([hidden])')).length);
    expect(emptyGroupsVisible).toBe(0);

    await page.fill('#glossary-filter-input', 'zzzqqq');
    expect(await visibleTerms(page)).toEqual([]);
    expect(await page.textContent('#glossary-filter-status')).toBe(ui.noMatch.replace('{query}', 'zzzqqq'));

    await page.fill('#glossary-filter-input', '');
    expect(await visibleTerms(page)).toHaveLength(glossary.length);
    expect([...problems.pageErrors, ...problems.consoleErrors, ...problems.cspViolations]).toEqual([]);
    await context.close();
  });

  it('without JavaScript the filter is hidden and every term is listed', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.url + path);
    expect(await page.isVisible('.glossary-filter')).toBe(false);
    expect(await page.locator('[data-glossary-entry] dt').count()).toBe(glossary.length);
    await context.close();
  });
});
