/**
 * Every page from the sitemap of the root build, loaded once with JavaScript and once without, for
 * all the page-level checks (split over site-sweep-N.test.ts files so the shards run in parallel):
 *   - the theme chosen is shown (Starlight's inline theme script ran: the CSP hashes are current);
 *   - every island hydrates and every chart that is laid out draws;
 *   - axe-core (WCAG 2.2 AA) finds no violation: in the dark theme on English pages, in the light
 *     theme on Chinese ones (colours are the theme's and the components', the same in both
 *     languages, so each theme is checked over one whole language); on a calculator's own page,
 *     outside the calculator (the generic calculator checks run axe on it with an error message
 *     showing, and its chapter carries the same island in its default state);
 *   - nothing shows NaN or Infinity; no request fails or leaves the site's origin; no script errs;
 *   - no internal id, bare symbol or "seed" inside a calculator, and no results list is a live region;
 *   - at 1280×800, with a calculator's first input at the top, its key results are in view;
 *   - the page is no wider than the viewport at 1920, 1280, 768, 390 and 320 px (one load, resized);
 *   - with every calculator typed into, the Content Security Policy raises no violation;
 *   - with JavaScript off: the same text (nothing but calculator interaction needs JavaScript), and
 *     every calculator shows the same inputs and results as its live island, its default inputs
 *     and the note that changing them needs JavaScript.
 * The sub-path build has a sweep of its own (page-checks.ts).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, badNumbersOnPage, cspReport, launchBrowser, openPage, serveSite, settleCalculators, sitemapUrls, typeIntoCalculators, type Site } from './harness';
import { JARGON } from '../shared/jargon';
import { strings } from '~/i18n';
import { CALCULATORS } from '~/lib/calculators/registry';

const WIDTHS = [1920, 1280, 768, 390, 320] as const;
/** Pages at once per shard: enough to keep a core busy while one page waits. */
const PAGES_AT_ONCE = 2;
/** A step on one page that takes longer than this is a hang, not a slow machine (steps take seconds). */
const STEP_DEADLINE_MS = 120_000;

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
  textLength: number;
}

function snapshotCalculators(page: Page): Promise<CalculatorSnapshot[]> {
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
        textLength: root.innerText.length,
      };
    }),
  );
}

/**
 * The visible text of `<main>` outside the calculator embeds and the controls that exist only with
 * JavaScript (`[data-js-only]`: checklist buttons, glossary filter), the parts that differ by design.
 */
function mainTextWithoutCalculators(page: Page): Promise<string> {
  return page.evaluate(() => {
    const embeds = [...document.querySelectorAll<HTMLElement>('main .calc-embed, main [data-js-only]')];
    for (const el of embeds) el.style.setProperty('display', 'none', 'important');
    const text = document.querySelector<HTMLElement>('main')?.innerText ?? '';
    for (const el of embeds) el.style.removeProperty('display');
    return text;
  });
}

/** Lines of text shown with JavaScript and missing without it, and the calculators that differ. */
function compareWithoutJavaScript(path: string, locale: 'en' | 'zh-CN', on: { text: string; calculators: CalculatorSnapshot[] }, off: { text: string; calculators: CalculatorSnapshot[] }): string[] {
  const report: string[] = [];
  if (on.text.trim().length < 100) report.push(`${path}: almost no text even with JavaScript (${on.text.length} characters)`);
  const offLines = new Set(off.text.split('\n').map((l) => l.trim()));
  const missing = on.text.split('\n').map((l) => l.trim()).filter((l) => l && !offLines.has(l));
  if (missing.length) report.push(`${path}: missing without JavaScript: ${missing.slice(0, 3).map((l) => JSON.stringify(l.slice(0, 80))).join(', ')}`);
  if (off.calculators.length !== on.calculators.length) report.push(`${path}: ${off.calculators.length} calculators without JavaScript, ${on.calculators.length} with`);
  const note = strings[locale].kit.noscript;
  off.calculators.forEach((shown, i) => {
    const where = `${path} ${shown.id} (no JavaScript)`;
    const live = on.calculators[i];
    if (!live || live.id !== shown.id) return void report.push(`${where}: not the calculator the live page shows there`);
    if (shown.textLength < 300) report.push(`${where}: shows only ${shown.textLength} characters`);
    if (shown.noscript !== note) report.push(`${where}: JavaScript note ${JSON.stringify(shown.noscript)}`);
    if (shown.controls.length === 0) report.push(`${where}: no inputs`);
    if (JSON.stringify(shown.controls) !== JSON.stringify(live.controls)) {
      report.push(`${where}: inputs differ from the live island: ${shown.controls.filter((c) => !live.controls.includes(c)).slice(0, 3).join(', ')}`);
    }
    if (shown.results.length === 0) report.push(`${where}: no results`);
    if (JSON.stringify(shown.results) !== JSON.stringify(live.results)) {
      report.push(`${where}: results differ from the live island: ${shown.results.filter((r) => !live.results.includes(r)).slice(0, 3).join(' | ')}`);
    }
    const def = CALCULATORS[shown.id as keyof typeof CALCULATORS];
    if (!def) return void report.push(`${where}: not in the calculator registry`);
    // Every input holds its definition's default (conditional fields may be absent; free-text
    // defaults such as channel names are written in the page's language by the island).
    for (const [name, value] of Object.entries(shown.named)) {
      if (name in def.fields && def.fields[name]!.kind !== 'text' && value !== def.defaults[name]) report.push(`${where}: input ${name} is ${JSON.stringify(value)}, default ${JSON.stringify(def.defaults[name])}`);
    }
    for (const [name, spec] of Object.entries(def.fields)) {
      if (spec.kind !== 'choice') continue;
      const prefixId = `${shown.id.replace('.', '-')}-${name}-`;
      if (shown.controls.some((c) => c.startsWith(prefixId)) && !shown.checkedRadios.includes(prefixId + def.defaults[name])) {
        report.push(`${where}: choice ${name} does not show its default ${def.defaults[name]}`);
      }
    }
  });
  return report;
}

/** With each calculator's first input scrolled to the top at 1280×800: its key results in view, uncovered. */
async function keyResultsOutOfView(page: Page): Promise<string[]> {
  const report: string[] = [];
  for (const id of await page.$$eval('[data-calculator]', (els) => els.map((el) => el.getAttribute('data-calculator')!))) {
    const problems = await page.locator(`[data-calculator="${id}"]`).first().evaluate(async (el) => {
      const first = el.querySelector('input');
      if (!first) return ['no input'];
      first.scrollIntoView({ block: 'start' });
      await new Promise((r) => { setTimeout(r, 100); requestAnimationFrame(() => setTimeout(r, 20)); }); // a frame, at most 100 ms
      const input = first.getBoundingClientRect();
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
    report.push(...problems.map((p) => `${id}: ${p}`));
  }
  return report;
}

/** Widths (of the five) at which the page is wider than the viewport. */
async function overflowingWidths(page: Page): Promise<string[]> {
  const wide: string[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    const scrollWidth = await page.evaluate(async (viewport) => {
      // Charts resize on ResizeObserver callbacks after a resize (a busy machine delays them):
      // a real overflow stays, a canvas still at its old size settles within a few frames.
      let measured = document.documentElement.scrollWidth;
      for (let waited = 0; measured > viewport && waited < 3000; waited += 50) {
        await new Promise((r) => { setTimeout(r, 150); requestAnimationFrame(() => setTimeout(r, 50)); }); // a frame, at most 150 ms
        measured = document.documentElement.scrollWidth;
      }
      return measured;
    }, width);
    if (scrollWidth > width) wide.push(`${scrollWidth} px wide at ${width} px`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  return wide;
}

/** Switches the theme as Starlight's theme menu does, and lets the charts repaint in its colours. */
async function useTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.evaluate(async (chosen) => {
    document.documentElement.dataset['theme'] = chosen;
    for (let frame = 0; frame < 3; frame++) await new Promise((r) => { setTimeout(r, 100); requestAnimationFrame(r); }); // at most 100 ms a frame
  }, theme);
}

/** Seconds spent per step over a shard, printed at its end (figures for tuning, not limits). */
function stepClock() {
  const spent = new Map<string, number>();
  return {
    /**
     * Runs a step on `page`; a step that has not finished after STEP_DEADLINE_MS fails the sweep
     * naming the page and the step (a page evaluation has no timeout of its own, and a page that
     * stops answering would otherwise hold the shard until the test's own timeout).
     */
    async time<T>(step: string, run: () => Promise<T>, page = ''): Promise<T> {
      const started = performance.now();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${page}: step "${step}" did not finish in ${STEP_DEADLINE_MS / 1000} s`)), STEP_DEADLINE_MS);
      });
      try {
        return await Promise.race([run(), deadline]);
      } finally {
        clearTimeout(timer);
        spent.set(step, (spent.get(step) ?? 0) + (performance.now() - started) / 1000);
      }
    },
    summary: () => [...spent].map(([step, seconds]) => `${step} ${seconds.toFixed(1)} s`).join(', '),
  };
}

/** A context whose documents start with no stored inputs and the light theme chosen. */
async function freshContext(browser: Browser, javaScriptEnabled: boolean): Promise<BrowserContext> {
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
  await context.addInitScript(() => {
    localStorage.clear();
    localStorage.setItem('starlight-theme', 'light');
  });
  return context;
}

export function defineSiteSweep(shard: number, of: number) {
  let browser: Browser;
  let site: Site;
  let urls: string[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
    site = await serveSite('dist');
    urls = sitemapUrls('dist', site).filter((_, i) => i % of === shard - 1);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it(`pages ${shard} of every ${of} in the sitemap: axe, widths, key results, no NaN, no CSP violation, the same without JavaScript`, { timeout: 1_200_000 }, async () => {
    expect(urls.length).toBeGreaterThanOrEqual(10);
    const report: string[] = [];
    let typed = 0;
    let calculatorsWithoutJs = 0;
    const clock = stepClock();
    const queue = [...urls];
    await Promise.all(
      Array.from({ length: PAGES_AT_ONCE }, async () => {
        const [withJs, withoutJs] = await Promise.all([freshContext(browser, true), freshContext(browser, false)]);
        const { page, problems } = await openPage(withJs, site);
        const { page: still } = await openPage(withoutJs, site);
        page.setDefaultTimeout(60_000);
        try {
          for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
            for (const list of Object.values(problems) as string[][]) list.length = 0;
            const path = new URL(url).pathname;
            const locale = path.startsWith(`${site.base}zh-cn/`) ? 'zh-CN' : 'en';
            const note = (line: string) => report.push(`${path} ${line}`);
            const step = <T,>(name: string, run: () => Promise<T>) => clock.time(name, run, path);
            await step('load', () => Promise.all([page.goto(url, { waitUntil: 'load' }), still.goto(url, { waitUntil: 'load' })]));

            const shown = await step('theme', () => page.evaluate(() => document.documentElement.dataset['theme']));
            if (shown !== 'light') note(`shows the ${shown} theme`);
            const hasCalculator = (await page.locator('[data-calculator]').count()) > 0;
            if (hasCalculator) await step('hydrate and draw', () => settleCalculators(page));
            const [on, off] = await step('snapshots', async () => [
              { text: await mainTextWithoutCalculators(page), calculators: await snapshotCalculators(page) },
              { text: await mainTextWithoutCalculators(still), calculators: await snapshotCalculators(still) },
            ]);
            report.push(...compareWithoutJavaScript(path, locale, on, off));
            calculatorsWithoutJs += off.calculators.length;
            for (const n of await step('numbers', () => badNumbersOnPage(still))) note(`shows ${n} without JavaScript`);

            const ownPage = /\/calculators\/c\d\d-\d\/$/.test(path);
            // Colours belong to the theme and the components, the same in both languages: English
            // pages are checked in the dark theme, Chinese ones in the light theme.
            const theme = locale === 'en' ? 'dark' : 'light';
            if (theme === 'dark') await step('theme', () => useTheme(page, 'dark'));
            for (const v of await step('axe', () => axeViolations(page, ownPage ? { exclude: '[data-calculator]' } : undefined))) note(`axe (${theme} theme) ${v}`);
            if (theme === 'dark') await step('theme', () => useTheme(page, 'light'));
            for (const n of await step('numbers', () => badNumbersOnPage(page))) note(`shows ${n}`);
            if (hasCalculator) {
              for (const p of await step('key results', () => keyResultsOutOfView(page))) note(p);
              const jargon = await step('jargon', () => page.$$eval(
                '[data-calculator]',
                (els, source) => els.flatMap((el) => [...(el as HTMLElement).innerText.matchAll(new RegExp(source, 'gi'))].map((m) => `${el.getAttribute('data-calculator')}: "${m[0]}"`)),
                JARGON.source,
              ));
              for (const j of jargon) note(`jargon ${j}`);
              const liveLists = await step('jargon', () => page.$$eval('[data-calculator] .calc-results[aria-live], [data-calculator-results][aria-live]', (els) => els.length));
              if (liveLists) note(`${liveLists} results lists are live regions`);
            }
            for (const w of await step('widths', () => overflowingWidths(page))) note(w);
            if (hasCalculator) typed += await step('typing', () => typeIntoCalculators(page));

            for (const r of problems.foreignRequests) note(`foreign request ${r}`);
            for (const r of problems.failedRequests) note(`failed ${r}`);
            report.push(...cspReport(path, problems));
            // Errors the policy caused are in the report above; any other error is a failure too.
            for (const e of [...problems.pageErrors, ...problems.consoleErrors]) if (!/content security policy/i.test(e)) note(`error ${e}`);
          }
        } finally {
          await Promise.all([withJs.close(), withoutJs.close()]);
        }
      }),
    );
    console.log(`site sweep ${shard}/${of}, ${urls.length} pages, time per step summed over pages: ${clock.summary()}`);
    expect(report).toEqual([]);
    // The shard holds calculators (each has a page of its own in each language), all typed into.
    expect(calculatorsWithoutJs).toBeGreaterThan(0);
    expect(typed).toBeGreaterThan(0);
  });
}

