/**
 * Printing a chapter (both languages; English from the dark theme): the print styles drop the
 * site chrome and the calculator controls and force a light palette; the PDF holds the reader's
 * changed input, the recomputed results, the chart redrawn for paper and the closed disclosures'
 * text. My plan prints on one or two pages with its figures. Text is read from the PDF with pdf.js
 * (`unpdf`), so no system package is needed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, serveSite, type Site } from './harness';
import { nfkc, pdfPages } from './pdf';
import { strings } from '~/i18n';
import { createFormatter } from '~/lib/kit/format';
import { BREAK_EVEN_UNITS, FULL_STORE, planReady, PRICE, RISK_LOSS, RISK_NAME, SOM, writeStore } from './plan-fixture';

let browser: Browser;
let site: Site;
let dir: string;

beforeAll(async () => {
  browser = await launchBrowser();
  site = await serveSite('dist');
  dir = mkdtempSync(join(tmpdir(), 'mpp-print-'));
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (dir && !process.env['KEEP_PDF']) rmSync(dir, { recursive: true, force: true });
  else if (dir) console.log('PDFs kept in', dir);
});

const cases = [
  { lang: 'en', locale: 'en' as const, path: 'chapters/05-pricing/', theme: 'dark', currency: '$', price: '$80.00', defaultPrice: '$45.00' },
  { lang: 'zh-CN', locale: 'zh-CN' as const, path: 'zh-cn/chapters/05-pricing/', theme: 'light', currency: '¥', price: '¥80.00', defaultPrice: '¥45.00' },
];

const squash = (text: string) => nfkc(text).replace(/\s+/g, '');

/** Share of the canvas's opaque pixels close to a colour (chart lines are thin: any count matters). */
async function pixelsNear(page: Page, selector: string, rgb: [number, number, number]): Promise<number> {
  return page.evaluate(
    ({ selector, rgb }) => {
      const canvas = document.querySelector<HTMLCanvasElement>(selector)!;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let near = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3]! > 200 && Math.abs(data[i]! - rgb[0]) + Math.abs(data[i + 1]! - rgb[1]) + Math.abs(data[i + 2]! - rgb[2]) < 30) near += 1;
      }
      return near;
    },
    { selector, rgb },
  );
}

describe.each(cases)('printing the pricing chapter, $lang ($theme theme)', ({ locale, path, theme, currency, price, defaultPrice }) => {
  it('prints the content and the calculator as it stands, without the site chrome, in light colours', { timeout: 90_000 }, async () => {
    const context = await browser.newContext();
    const { page, problems } = await openPage(context, site);
    await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
    await page.goto(site.url + path);
    const root = page.locator('[data-calculator="C05.1"]');
    await root.scrollIntoViewIfNeeded();
    const cvp = '[data-calculator="C05.1"] [data-chart="cvp"] canvas';
    await root.locator('[data-chart="cvp"]').scrollIntoViewIfNeeded();
    await expect.poll(() => root.locator('[data-chart="cvp"]').getAttribute('data-chart-state'), { timeout: 20_000 }).toBe('ready');
    expect(await root.locator('[data-result="price"] dd').innerText()).toBe(defaultPrice);
    // Material 12 → 40: full cost 52 + 12 = 64, price 64 × 1.25 = 80.
    await root.locator('input[name="material"]').fill('40');
    await expect.poll(() => root.locator('[data-result="price"] dd').innerText()).toBe(price);

    // The chart is redrawn for paper before printing (fixed size, light palette) and back after.
    // The first series colour: Okabe–Ito blue for paper, its sky blue in the dark theme.
    const printBlue: [number, number, number] = [0x00, 0x72, 0xb2];
    const darkBlue: [number, number, number] = [0x56, 0xb4, 0xe9];
    const screenWidth = await page.locator(cvp).evaluate((c: HTMLCanvasElement) => c.width);
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    expect(await page.locator(cvp).evaluate((c: HTMLCanvasElement) => [c.width, c.height])).toEqual([1440, 640]);
    expect(await pixelsNear(page, cvp, printBlue)).toBeGreaterThan(50);
    expect(await pixelsNear(page, cvp, darkBlue)).toBe(0);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    expect(await page.locator(cvp).evaluate((c: HTMLCanvasElement) => c.width)).toBe(screenWidth);
    if (theme === 'dark') await expect.poll(() => pixelsNear(page, cvp, darkBlue)).toBeGreaterThan(50);

    // Print media: chrome hidden, controls hidden, light colours, canvas within the page.
    await page.emulateMedia({ media: 'print' });
    const styles = await page.evaluate(() => {
      const display = (selector: string) => [...document.querySelectorAll(selector)].map((el) => getComputedStyle(el).display);
      const root = getComputedStyle(document.documentElement);
      const canvas = document.querySelector<HTMLCanvasElement>('[data-calculator="C05.1"] [data-chart="cvp"] canvas')!;
      const closed = [...document.querySelectorAll<HTMLDetailsElement>('.sl-markdown-content details:not([open])')].find((d) => !d.closest('.calc'));
      return {
        hidden: {
          header: display('.page > header'),
          sidebar: display('nav.sidebar'),
          toc: display('.right-sidebar-container'),
          search: display('site-search'),
          theme: display('starlight-theme-select'),
          language: display('starlight-lang-select'),
          pagination: display('.pagination-links'),
          toolbar: display('.calc-toolbar'),
          chartTable: display('[data-calculator="C05.1"] .calc-chart-table'),
        },
        visible: { main: display('main'), calculator: display('[data-calculator="C05.1"]'), results: display('[data-calculator="C05.1"] .calc-results') },
        text: getComputedStyle(document.body).color,
        series1: root.getPropertyValue('--mpp-series-1').trim(),
        colorScheme: root.colorScheme,
        canvasFits: canvas.getBoundingClientRect().width <= canvas.parentElement!.getBoundingClientRect().width + 0.5,
        detailsContent: closed ? getComputedStyle(closed, '::details-content').contentVisibility : 'none found',
      };
    });
    for (const [name, values] of Object.entries(styles.hidden)) {
      expect(values.length, `${name} present`).toBeGreaterThan(0);
      expect(values.every((v) => v === 'none'), `${name} hidden in print: ${values.join(',')}`).toBe(true);
    }
    for (const [name, values] of Object.entries(styles.visible)) expect(values, name).not.toContain('none');
    // Dark text on paper, the light series colours and colour scheme, even from the dark theme.
    const [r, g, b] = styles.text.match(/\d+/g)!.map(Number);
    expect(r! + g! + b!).toBeLessThan(200);
    expect(styles.series1).toBe('#0072b2');
    expect(styles.colorScheme).toBe('light');
    expect(styles.canvasFits).toBe(true);
    expect(styles.detailsContent).toBe('visible');

    // Strings that must not reach paper, read from the page itself.
    const chrome = await page.evaluate(() => ({
      siteTitle: document.querySelector<HTMLElement>('.site-title')?.innerText.trim() ?? '',
      pagination: [...document.querySelectorAll<HTMLElement>('.pagination-links .link-title')].map((el) => el.innerText.trim()),
      answer: (() => {
        const closed = [...document.querySelectorAll<HTMLDetailsElement>('.sl-markdown-content details:not([open])')].find((d) => !d.closest('.calc'))!;
        return [...closed.children].filter((el) => el.tagName !== 'SUMMARY').map((el) => el.textContent ?? '').join(' ');
      })(),
      axisTitle: document.querySelector<HTMLElement>('[data-calculator="C05.1"] [data-chart="cvp"] thead th')?.textContent ?? '',
      topTick: new Intl.NumberFormat(document.documentElement.lang, { style: 'currency', currency: document.documentElement.lang === 'en' ? 'USD' : 'CNY', notation: 'compact', maximumSignificantDigits: 3 }).format(800_000),
    }));
    // Back to no emulation: `pdf()` then prints with print media (an emulated 'screen' would stick).
    await page.emulateMedia({ media: null });

    const file = join(dir, `${locale}.pdf`);
    await page.pdf({ path: file, format: 'A4' });
    const pdfText = await pdfPages(file);
    const text = pdfText.join('\n');
    const kit = strings[locale].kit;

    // The changed input and the recomputed results, in the calculator's own section.
    const start = text.indexOf(nfkc(strings[locale].calculators['C05.1'].title));
    expect(start, 'C05.1 heading in the PDF').toBeGreaterThan(-1);
    const resultsStart = text.indexOf(nfkc(kit.results), start);
    const inputs = text.slice(start, resultsStart);
    const results = text.slice(resultsStart, text.indexOf('C05.2', resultsStart));
    expect(inputs).toMatch(new RegExp(`\\${currency}\\s*40\\n`));
    expect(inputs).not.toMatch(new RegExp(`\\${currency}\\s*30\\n`));
    expect(results).toContain(price);
    expect(results).not.toContain(defaultPrice);
    // The chart: its axis title and the top tick of the new revenue line (10,000 units × $80 = $800K); the
    // chart's data table is hidden in print, so these come from the canvas.
    expect(squash(text)).toContain(squash(chrome.axisTitle));
    // Canvas text may come out in pieces ("¥80" … "万"): each piece must be there.
    for (const piece of chrome.topTick.split(/(?<=\d)(?=万)/)) expect(squash(text)).toContain(squash(piece));
    // A closed "check yourself" answer prints.
    expect(chrome.answer.length).toBeGreaterThan(20);
    expect(squash(text)).toContain(squash(chrome.answer));
    // No site chrome or screen-only controls.
    for (const absent of [chrome.siteTitle, ...chrome.pagination, kit.loadExample, kit.copyLink, kit.exportCsv, kit.showTable]) {
      expect(absent.length).toBeGreaterThan(0);
      expect(text, `"${absent}" printed`).not.toContain(nfkc(absent));
    }
    // No blank pages (the last one included).
    expect(pdfText.length).toBeGreaterThan(5);
    expect(pdfText.at(-1)!.trim().length).toBeGreaterThan(50);

    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });
});

/**
 * My plan on paper, both languages: with every block's calculator used (the fullest plan) it fits
 * on one or two A4 pages in light colours, with the key figures and the reader's texts, and without
 * the buttons, the help or the text boxes.
 */
describe.each([
  { lang: 'en', locale: 'en' as const, path: 'plan/', theme: 'dark', currency: 'USD' },
  { lang: 'zh-CN', locale: 'zh-CN' as const, path: 'zh-cn/plan/', theme: 'light', currency: 'CNY' },
])('printing My plan, $lang ($theme theme)', ({ locale, path, theme, currency }) => {
  it('fits on one or two A4 pages with the key figures', { timeout: 90_000 }, async () => {
    const context = await browser.newContext();
    try {
      const { page, problems } = await openPage(context, site);
      await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
      await page.goto(site.url + path);
      await writeStore(page, FULL_STORE);
      await page.reload();
      await planReady(page);
      expect(await page.locator('[data-plan-used="true"]').count()).toBe(8);

      await page.emulateMedia({ media: 'print' });
      const look = await page.evaluate(() => ({
        text: getComputedStyle(document.body).color,
        background: getComputedStyle(document.body).backgroundColor,
        hidden: ['.plan-toolbar', '.plan textarea', '.plan-intro', '.page > header', '.sidebar'].map((sel) => [...document.querySelectorAll(sel)].every((el) => getComputedStyle(el).display === 'none')),
      }));
      await page.emulateMedia({ media: null });
      const [r, g, b] = look.text.match(/\d+/g)!.map(Number);
      expect(r! + g! + b!).toBeLessThan(200);
      expect(look.background).toBe('rgb(255, 255, 255)');
      expect(look.hidden).toEqual([true, true, true, true, true]);

      const file = join(dir, `plan-${locale}.pdf`);
      await page.pdf({ path: file, format: 'A4' });
      const pages = await pdfPages(file);
      expect(pages.length).toBeGreaterThanOrEqual(1);
      expect(pages.length).toBeLessThanOrEqual(2);
      const text = squash(pages.join('\n'));
      const f = createFormatter(locale, currency as 'USD' | 'CNY');
      const s = strings[locale].plan;
      for (const expected of [f.money(PRICE), f.integer(BREAK_EVEN_UNITS), f.money(SOM), f.money(RISK_LOSS), RISK_NAME, 'Reach 15% share of the mid-range segment by 2028.', s.blocks['C13.3'].title, s.positioning]) {
        expect(text, expected).toContain(squash(expected));
      }
      for (const absent of [s.exportPlanFile, s.importPlanFile, s.print]) expect(text, absent).not.toContain(squash(absent));
      expect(problems.pageErrors).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
