/**
 * With JavaScript off, nothing is lost but the interaction: every page from the sitemap shows the
 * same text as with it on, and every calculator shows its inputs with their default values, its
 * default results (the same as the live island computes) and the note that changing them needs
 * JavaScript.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { badNumbersOnPage, launchBrowser, scrollThrough, serveSite, sitemapUrls, type Site } from './harness';
import { strings } from '~/i18n';
import { CALCULATORS } from '~/lib/calculators/registry';
import { calculatorPagePath } from '~/data/calculator-pages';

const DEFINITIONS = CALCULATORS;

let browser: Browser;
let site: Site;
let withJs: BrowserContext;
let withoutJs: BrowserContext;
let urls: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  site = await serveSite('dist');
  urls = sitemapUrls('dist', site);
  withJs = await browser.newContext();
  withoutJs = await browser.newContext({ javaScriptEnabled: false });
});
afterAll(async () => {
  await withJs?.close();
  await withoutJs?.close();
  await browser?.close();
  await site?.close();
});

/**
 * The visible text of `<main>` outside the calculator embeds and the controls that exist only with
 * JavaScript (`[data-js-only]`: checklist buttons, glossary filter), the parts that differ by design.
 */
async function mainTextWithoutCalculators(page: Page): Promise<string> {
  return page.evaluate(() => {
    const embeds = [...document.querySelectorAll<HTMLElement>('main .calc-embed, main [data-js-only]')];
    for (const el of embeds) el.style.setProperty('display', 'none', 'important');
    const text = document.querySelector<HTMLElement>('main')?.innerText ?? '';
    for (const el of embeds) el.style.removeProperty('display');
    return text;
  });
}

interface CalculatorSnapshot {
  id: string;
  /** `id=value` of every input, select and textarea (radios and checkboxes: `id=checked`). */
  controls: string[];
  /** `key: text` of every `[data-result]` element (result list entries and result tables). */
  results: string[];
  /** Text inputs by `name`, for the check against the definition's defaults. */
  named: Record<string, string>;
  checkedRadios: string[];
  noscript: string;
}

async function snapshotCalculators(page: Page): Promise<CalculatorSnapshot[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-calculator]')].map((root) => {
      const controls = [...root.querySelectorAll<HTMLInputElement>('input, select, textarea')];
      return {
        id: root.dataset['calculator']!,
        controls: controls.map((c) => `${c.id || c.name}=${c.type === 'radio' || c.type === 'checkbox' ? String(c.checked) : c.value}`),
        results: [...root.querySelectorAll<HTMLElement>('[data-result]')].map((el) => `${el.dataset['result']}: ${el.innerText.replace(/\s+/g, ' ').trim()}`),
        named: Object.fromEntries(controls.filter((c) => c.type === 'text' && c.name).map((c) => [c.name, c.value])),
        checkedRadios: controls.filter((c) => c.type === 'radio' && c.checked).map((c) => c.id),
        noscript: root.closest('.calc-embed')?.querySelector<HTMLElement>('.calc-noscript')?.innerText.trim() ?? '',
      };
    }),
  );
}

interface PageVisit {
  path: string;
  textOn: string;
  textOff: string;
  calculatorTextLengths: number[];
  calculators: CalculatorSnapshot[];
  badNumbers: string[];
}

let visits: Promise<PageVisit[]> | null = null;

/**
 * Visits every sitemap page once with JavaScript on and once with it off (two pages of each at a
 * time, reused from one URL to the next); both tests below read the result.
 */
function visitAll(): Promise<PageVisit[]> {
  visits ??= (async () => {
    const out: PageVisit[] = [];
    let next = 0;
    const worker = async () => {
      const [on, off] = await Promise.all([withJs.newPage(), withoutJs.newPage()]);
      while (next < urls.length) {
        const url = urls[next++]!;
        await Promise.all([on.goto(url), off.goto(url)]);
        const [textOn, textOff] = await Promise.all([mainTextWithoutCalculators(on), mainTextWithoutCalculators(off)]);
        out.push({
          path: new URL(url).pathname,
          textOn,
          textOff,
          calculatorTextLengths: await off.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-calculator]')].map((c) => c.innerText.length)),
          calculators: await snapshotCalculators(off),
          badNumbers: await badNumbersOnPage(off),
        });
      }
      await Promise.all([on.close(), off.close()]);
    };
    await Promise.all([worker(), worker()]);
    return out;
  })();
  return visits;
}

describe('with JavaScript disabled', () => {
  it('every page from the sitemap shows all its text (nothing but calculator interaction needs JavaScript)', { timeout: 900_000 }, async () => {
    expect(urls.length).toBeGreaterThanOrEqual(6);
    const report: string[] = [];
    const all = await visitAll();
    expect(all.length).toBe(urls.length);
    for (const { path, textOn, textOff, calculatorTextLengths, badNumbers } of all) {
      if (textOn.trim().length < 100) report.push(`${path}: almost no text even with JavaScript (${textOn.length} characters)`);
      if (textOff.length < textOn.length) report.push(`${path}: ${textOff.length} characters without JavaScript, ${textOn.length} with`);
      const offLines = new Set(textOff.split('\n').map((l) => l.trim()));
      const missing = textOn.split('\n').map((l) => l.trim()).filter((l) => l && !offLines.has(l));
      if (missing.length) report.push(`${path}: missing without JavaScript: ${missing.slice(0, 3).map((l) => JSON.stringify(l.slice(0, 80))).join(', ')}`);
      // The calculators' own text (inputs, results, tables, formulas) is there and visible too.
      for (const [i, length] of calculatorTextLengths.entries()) if (length < 300) report.push(`${path}: calculator ${i + 1} shows only ${length} characters`);
      for (const bad of badNumbers) report.push(`${path}: shows ${bad}`);
    }
    expect(report).toEqual([]);
  });

  describe.each([
    { lang: 'en', prefix: '', locale: 'en' as const },
    { lang: 'zh-CN', prefix: 'zh-cn/', locale: 'zh-CN' as const },
  ])('calculators, $lang', ({ prefix, locale }) => {
    it('show their inputs with default values, the default results the live island computes, and the JavaScript note', { timeout: 900_000 }, async () => {
      // What the live islands show with default inputs (a fresh context: no stored inputs), each on
      // its own calculator page.
      const live = await browser.newContext();
      const page = await live.newPage();
      const expected = new Map<string, CalculatorSnapshot>();
      for (const id of Object.keys(DEFINITIONS)) {
        await page.goto(`${site.url}${calculatorPagePath(id, locale === 'en' ? 'en' : 'zh').slice(1)}`);
        // Islands hydrate on idle; a chart loads when it comes near the view once its island is live,
        // so scroll through only then (a chart scrolled past before hydration would stay unloaded).
        await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0, null, { timeout: 30_000 });
        await scrollThrough(page);
        await page.waitForFunction(
          () => document.querySelectorAll('astro-island[ssr]').length === 0 && // A chart not laid out (in a closed panel) never comes into view, so it never loads Chart.js.
          [...document.querySelectorAll<HTMLElement>('[data-chart]')].every((c) => c.dataset['chartState'] !== 'idle' || c.offsetParent === null),
          null,
          { timeout: 30_000 },
        );
        for (const snapshot of await snapshotCalculators(page)) expected.set(snapshot.id, snapshot);
      }
      await live.close();
      expect([...expected.keys()].sort()).toEqual(Object.keys(DEFINITIONS).sort());

      const note = strings[locale].kit.noscript;
      const inLanguage = (path: string) => (prefix ? path.startsWith(`${site.base}${prefix}`) : !path.startsWith(`${site.base}zh-cn/`));
      const report: string[] = [];
      let calculatorsSeen = 0;
      for (const { path, calculators } of (await visitAll()).filter((v) => inLanguage(v.path))) {
        for (const shown of calculators) {
          calculatorsSeen += 1;
          const where = `${path} ${shown.id}`;
          const want = expected.get(shown.id);
          if (!want) {
            report.push(`${where}: has no calculator page`);
            continue;
          }
          if (shown.noscript !== note) report.push(`${where}: JavaScript note ${JSON.stringify(shown.noscript)}`);
          if (shown.controls.length === 0) report.push(`${where}: no inputs`);
          if (JSON.stringify(shown.controls) !== JSON.stringify(want.controls)) {
            report.push(`${where}: inputs differ from the live island: ${shown.controls.filter((c) => !want.controls.includes(c)).slice(0, 3).join(', ')}`);
          }
          if (shown.results.length === 0) report.push(`${where}: no results`);
          if (JSON.stringify(shown.results) !== JSON.stringify(want.results)) {
            report.push(`${where}: results differ from the live island: ${shown.results.filter((r) => !want.results.includes(r)).slice(0, 3).join(' | ')}`);
          }
          // Every text input holds its definition's default (conditional fields may be absent).
          const def = DEFINITIONS[shown.id as keyof typeof DEFINITIONS]!;
          for (const [name, value] of Object.entries(shown.named)) {
            if (name in def.fields && value !== def.defaults[name]) report.push(`${where}: input ${name} is ${JSON.stringify(value)}, default ${JSON.stringify(def.defaults[name])}`);
          }
          for (const [name, spec] of Object.entries(def.fields)) {
            if (spec.kind !== 'choice') continue;
            const prefixId = `${shown.id.replace('.', '-')}-${name}-`;
            if (shown.controls.some((c) => c.startsWith(prefixId)) && !shown.checkedRadios.includes(prefixId + def.defaults[name])) {
              report.push(`${where}: choice ${name} does not show its default ${def.defaults[name]}`);
            }
          }
        }
      }
      expect(report).toEqual([]);
      // Every registry calculator on its own page, and again in its chapter.
      expect(calculatorsSeen).toBeGreaterThanOrEqual(Object.keys(DEFINITIONS).length);
    });
  });
});
