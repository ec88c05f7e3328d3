/**
 * The checks every calculator gets by being in the registry (src/lib/calculators/registry.ts),
 * with no test code of its own: for each catalog id, in English and in Chinese, on the
 * lightest built page that embeds it (its own page when it has one):
 *   1. it hydrates and shows its default results — the module's own figures, never NaN, Infinity
 *      or a blank;
 *   2. editing a field changes a result (the first numeric field whose change the module sees);
 *   3. the copied link restores the same inputs and results in a fresh browser (†);
 *   4. "Load worked example" shows the module's worked-example results, different from the defaults;
 *   5. text in every numeric field gets a message next to it in the page's language, and every
 *      result that does not depend on that field stays on screen;
 *   6. the calculator's CSV export has its inputs and results with plain numbers; a table
 *      calculator's rows go out as CSV (numbers plain, text that a spreadsheet would run as a
 *      formula defused) and that file imports back unchanged, in both languages;
 *   7. axe finds no violation in the calculator, error messages included (†);
 *   8. no CSP violation, script error, failed or foreign request.
 * Figures are compared through `data-value` (the full-precision number the kit renders beside
 * each formatted result) against the pure module run in Node, so no test restates a formula.
 * (†) In one language per calculator, alternating along the registry, in a full run: links and the
 * markup are the same kit code in both languages (the site sweep runs axe on every chapter in both,
 * calculators included). A run of chosen calculators checks both languages.
 * `CALCULATORS=C05.1,C03.2` (or `npm run test:browser -- C05.1`) runs a subset. The calculators are
 * split over the calculators-generic-N.test.ts files so that parallel workers share them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { CALCULATOR_IDS } from '~/catalog';
import { CALCULATORS, type AnyCalculator } from '~/lib/calculators/registry';
import { readField, readFields, type FieldSpec, type NumericFieldSpec } from '~/lib/kit/fields';
import { readRows } from '~/lib/kit/rows';
import { axeViolations, badNumbersOnPage, connect, disconnect, downloadBytes, openPage, type PageProblems, type Site } from './harness';

const only = (process.env['CALCULATORS'] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const selected = CALCULATOR_IDS.filter((id) => only.length === 0 || only.includes(id));
/** Calculators whose rows are a pasted data set, not an editable table (their own test files check its export and import). */
const DATA_SET_IDS = new Set(['C08.1']);
/** Whether the checks marked † run for this calculator in this language. */
const deepIn = (id: string, lang: string) => only.length > 0 || LANGUAGES[(CALCULATOR_IDS as readonly string[]).indexOf(id) % 2]!.lang === lang;

const LANGUAGES = [
  { lang: 'en', prefix: '', script: /[A-Za-z]/, foreign: /[\u4e00-\u9fff]/ },
  { lang: 'zh-CN', prefix: 'zh-cn/', script: /[\u4e00-\u9fff]/, foreign: null },
] as const;

type Raw = Record<string, string>;
type Rows = Record<string, string>[];

const isNumeric = (spec: FieldSpec): spec is NumericFieldSpec => spec.kind !== 'choice' && spec.kind !== 'text' && spec.kind !== 'date';

/** The module's results for typed inputs, exactly as the island computes them. */
function compute(def: AnyCalculator, raw: Raw, rows: Rows): Record<string, unknown> {
  const read = readFields(def.fields, raw);
  return def.compute(read.values, def.table ? readRows(def.table, rows) : []).results as Record<string, unknown>;
}

/** The first numeric field, and a value for it, whose change moves a result. */
function fieldThatMatters(def: AnyCalculator): { key: string; value: string } {
  const rows = def.defaultRows ?? [];
  const before = JSON.stringify(compute(def, def.defaults, rows));
  for (const [key, spec] of Object.entries(def.fields)) {
    if (!isNumeric(spec)) continue;
    const current = def.defaults[key] ?? '';
    const n = Number(current);
    const candidates = [def.example[key], Number.isFinite(n) ? String(n * 2) : undefined, Number.isFinite(n) ? String(n + 1) : undefined];
    for (const value of candidates) {
      if (value === undefined || value === current || !readField(value, spec).ok) continue;
      if (JSON.stringify(compute(def, { ...def.defaults, [key]: value }, rows)) !== before) return { key, value };
    }
  }
  throw new Error(`${def.id}: no numeric field changes a result; the generic check needs one`);
}

/** Built pages per calculator id, with how many calculators each page holds. */
function embeddingPages(dir = 'dist'): Map<string, { path: string; count: number }[]> {
  const found = new Map<string, { path: string; count: number }[]>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const file = join(folder, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name === 'index.html') {
        const html = readFileSync(file, 'utf8');
        const onPage = new Set([...html.matchAll(/data-calculator="(C\d\d\.\d)"/g)].map((m) => m[1]!));
        const path = relative(dir, folder).split('\\').join('/');
        for (const id of onPage) found.set(id, [...(found.get(id) ?? []), { path: path ? path + '/' : '', count: onPage.size }]);
      }
    }
  };
  walk(dir);
  return found;
}

const pages = embeddingPages();

/** The lightest page in a language that embeds the calculator (its own page when it has one). */
function pageFor(id: string, prefix: string): string {
  const candidates = (pages.get(id) ?? []).filter((p) => (prefix ? p.path.startsWith(prefix) : !p.path.startsWith('zh-cn/')));
  candidates.sort((a, b) => a.count - b.count || a.path.length - b.path.length);
  const best = candidates[0];
  if (!best) throw new Error(`${id} is in the registry but no built ${prefix || 'English'} page embeds it`);
  return best.path;
}

/** Every `[data-value]` result in the panel, by its `data-result` key. */
async function shownValues(root: Locator): Promise<Record<string, number>> {
  return root.locator('[data-calculator-results]').evaluate((panel) =>
    Object.fromEntries([...panel.querySelectorAll<HTMLElement>('[data-result][data-value]')].map((el) => [el.dataset['result']!, Number(el.dataset['value'])])),
  );
}

/** A result by its `data-result` key: a top-level key, or a dotted path into a result table (`segments.0.total`). */
function resultAt(results: Record<string, unknown>, key: string): unknown {
  return key.split('.').reduce<unknown>((value, part) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined), results);
}

/**
 * Keys whose shown value differs from the module's (relative 1e-9). A calculator without a table
 * whose module returns top-level figures must show at least one of them with its `data-value`; one
 * with a table (or a data set, like k-means) may show only per-row results, and is compared
 * through its inputs (rows included) as well.
 */
function mismatches(shown: Record<string, number>, results: Record<string, unknown>, hasTable: boolean): string[] {
  const compared = Object.entries(shown).filter(([key]) => typeof resultAt(results, key) === 'number');
  if (compared.length === 0 && !hasTable && Object.values(results).some((v) => typeof v === 'number')) {
    return [`no shown result carries the module's figure (data-value); declare results with their kind (shown: ${Object.keys(shown).join(', ') || 'none'})`];
  }
  return compared
    .filter(([key, value]) => {
      const expected = resultAt(results, key) as number;
      return !(Math.abs(value - expected) <= 1e-9 * Math.max(1, Math.abs(expected)));
    })
    .map(([key, value]) => `${key}: shown ${value}, module ${String(resultAt(results, key))}`);
}

async function waitHydrated(page: Page, id: string): Promise<void> {
  await page.waitForFunction((calcId) => {
    const el = document.querySelector(`[data-calculator="${calcId}"]`);
    return !!el && !el.closest('astro-island[ssr]');
  }, id, { timeout: 20_000 });
}

/** What the calculator shows outside its inputs: results, tables, messages (not the inputs' echoes). */
async function outputText(root: Locator): Promise<string> {
  return root.evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('form, .calc-inputs, .calc-toolbar, .calc-notice').forEach((n) => n.remove());
    return copy.textContent ?? '';
  });
}

/** Values of every control in the calculator, by id, to compare two pages. */
async function controlValues(root: Locator): Promise<Record<string, string>> {
  return root.evaluate((el) =>
    Object.fromEntries(
      [...el.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input:not([type=file]), select, textarea')]
        .filter((c) => c.id)
        .map((c) => [c.id, c instanceof HTMLInputElement && (c.type === 'radio' || c.type === 'checkbox') ? String(c.checked) : c.value]),
    ),
  );
}

function expectClean(problems: PageProblems) {
  expect(problems.pageErrors, 'page errors').toEqual([]);
  expect(problems.consoleErrors, 'console errors').toEqual([]);
  expect(problems.cspViolations, 'CSP violations').toEqual([]);
  expect(problems.foreignRequests, 'requests to other origins').toEqual([]);
  expect(problems.failedRequests, 'failed requests').toEqual([]);
}


interface FieldSeen {
  key: string;
  visible: boolean;
  invalid: boolean;
  message: string;
  /** Results showing a value (not the "not available" mark) while the field held text. */
  shown: string[];
  resultKeys: string[];
  restored: boolean;
}

/** Runs in the page: text into each field, what the calculator shows, then the value back. */
async function typeTextIntoEachField(root: HTMLElement, { keys, restore }: { keys: string[]; restore: string[] }): Promise<FieldSeen[]> {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  const type = (input: HTMLInputElement, value: string) => {
    setter.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const settle = async (done: () => boolean) => {
    for (let waited = 0; waited < 5000 && !done(); waited += 20) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => { setTimeout(r, 100); requestAnimationFrame(() => setTimeout(r, 0)); }); // a frame, at most 100 ms
  };
  const results = () => [...root.querySelectorAll<HTMLElement>('[data-calculator-results] [data-result]')];
  const out: FieldSeen[] = [];
  for (const [i, key] of keys.entries()) {
    const input = root.querySelector<HTMLInputElement>(`input[name="${key}"]`);
    if (!input || input.offsetParent === null) {
      out.push({ key, visible: false, invalid: false, message: '', shown: [], resultKeys: [], restored: true });
      continue;
    }
    type(input, 'abc');
    await settle(() => input.getAttribute('aria-invalid') === 'true');
    const message = (input.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter((id) => id.endsWith('-error'))
      .map((id) => document.getElementById(id)?.innerText ?? '')
      .join(' ')
      .trim();
    out.push({
      key,
      visible: true,
      invalid: input.getAttribute('aria-invalid') === 'true',
      message,
      // Shown = a value, not the "not available" mark.
      shown: results().filter((el) => !el.querySelector('.calc-na')).map((el) => el.dataset['result']!),
      resultKeys: results().map((el) => el.dataset['result']!),
      restored: false,
    });
    type(input, restore[i]!);
    await settle(() => input.getAttribute('aria-invalid') !== 'true');
    out.at(-1)!.restored = input.getAttribute('aria-invalid') !== 'true';
  }
  return out;
}

let browser: Browser;
let site: Site;

beforeAll(async () => ({ browser, site } = await connect()));
afterAll(() => disconnect(browser, site));

/** Defines the checks for every `of`-th selected calculator, starting at `shard` (1-based). */
export function defineCalculatorChecks(shard: number, of: number) {
const ids = selected.filter((_, i) => i % of === shard - 1);
if (ids.length === 0) {
  it('has no calculator in this shard', () => expect(selected.length).toBeLessThan(shard));
  return;
}
describe.each(ids.flatMap((id) => LANGUAGES.map((language) => ({ id, ...language }))))('$id ($lang)', ({ id, lang, prefix, script, foreign }) => {
  const def = CALCULATORS[id]!;
  const path = pageFor(id, prefix);
  let context: BrowserContext;
  let page: Page;
  let problems: PageProblems;
  let root: Locator;
  let defaultText = '';
  const raw: Raw = { ...def.defaults };
  let rows: Rows = (def.defaultRows ?? []).map((r) => ({ ...r }));

  beforeAll(async () => {
    // A fresh context: inputs persist in localStorage, which would carry over otherwise.
    context = await browser.newContext({ reducedMotion: 'reduce', permissions: ['clipboard-write'] });
    // The system clipboard is shared by every worker's pages; each page keeps what it copied.
    await context.addInitScript(() => {
      const clipboard = navigator.clipboard;
      const write = clipboard.writeText.bind(clipboard);
      clipboard.writeText = (text: string) => {
        (window as unknown as { copiedText: string }).copiedText = text;
        return write(text);
      };
    });
    ({ page, problems } = await openPage(context, site));
    await page.goto(site.url + path);
    root = page.locator(`[data-calculator="${id}"]`).first();
    await root.scrollIntoViewIfNeeded();
    await waitHydrated(page, id);
  });
  afterAll(async () => {
    await context?.close();
  });

  it(`hydrates on ${path} with the module's default results, no NaN, Infinity or blank`, async () => {
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    const panel = root.locator('[data-calculator-results]');
    expect(await panel.count()).toBe(1);
    const texts = await panel.locator('[data-result]').allInnerTexts();
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.filter((t) => t.trim() === ''), 'blank results').toEqual([]);
    expect(await badNumbersOnPage(page)).toEqual([]);
    expect(mismatches(await shownValues(root), compute(def, raw, rows), !!def.table)).toEqual([]);
    defaultText = await outputText(root);
  });

  it('changes a result when a field is edited', async () => {
    const { key, value } = fieldThatMatters(def);
    const before = await outputText(root);
    await root.locator(`input[name="${key}"]`).fill(value);
    raw[key] = value;
    await expect.poll(() => outputText(root)).not.toBe(before);
    expect(mismatches(await shownValues(root), compute(def, raw, rows), !!def.table)).toEqual([]);
  });

  if (deepIn(id, lang)) it('restores the same inputs and results from its copied link in a fresh browser', async () => {
    await root.locator('[data-action="link"]').click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { copiedText?: string }).copiedText ?? '')).toContain(`${id}.`);
    const link = await page.evaluate(() => (window as unknown as { copiedText?: string }).copiedText ?? '');
    expect(link).toContain(`${id}.`);
    const expectedControls = await controlValues(root);
    const expectedResults = await root.locator('[data-calculator-results]').innerText();

    const other = await browser.newContext({ reducedMotion: 'reduce' });
    try {
      const opened = await openPage(other, site);
      await opened.page.goto(link);
      const copy = opened.page.locator(`[data-calculator="${id}"]`).first();
      await copy.scrollIntoViewIfNeeded();
      await waitHydrated(opened.page, id);
      await expect.poll(() => controlValues(copy)).toEqual(expectedControls);
      await expect.poll(() => copy.locator('[data-calculator-results]').innerText()).toBe(expectedResults);
      expectClean(opened.problems);
    } finally {
      await other.close();
    }
  });

  it("loads the worked example: the module's example results, not the defaults", async () => {
    await root.locator('[data-action="example"]').click();
    Object.assign(raw, def.example);
    if (def.exampleRows) rows = def.exampleRows.map((r) => ({ ...r }));
    const expected = compute(def, raw, rows);
    await expect.poll(async () => mismatches(await shownValues(root), expected, !!def.table)).toEqual([]);
    // The inputs are the module's example, field by field and cell by cell.
    for (const [key, spec] of Object.entries(def.fields)) {
      const input = root.locator(`input[name="${key}"]`);
      if (spec.kind !== 'choice' && (await input.count()) === 1) expect(await input.inputValue(), key).toBe(def.example[key]);
    }
    if (def.table && def.exampleRows) {
      const base = `${id.replace('.', '-')}-rows`;
      const cells = await root.evaluate((el, prefix) => Object.fromEntries([...el.querySelectorAll<HTMLInputElement | HTMLSelectElement>(`[id^="${prefix}-"]`)].map((c) => [c.id, c.value])), base);
      def.exampleRows.forEach((row, r) => {
        for (const [key, value] of Object.entries(row)) {
          // Names are filled in the page's language by the island (the module's are placeholders).
          if (def.table!.columns[key]?.kind === 'text') continue;
          const cell = cells[`${base}-${r}-${key}`];
          if (cell !== undefined) expect(cell, `row ${r + 1} ${key}`).toBe(value);
        }
      });
    }
    expect(await outputText(root), 'example differs from the defaults').not.toBe(defaultText);
  });

  it("answers text in every numeric field with a message in the page's language and keeps the other results", async () => {
    const keys = Object.entries(def.fields).filter(([, spec]) => isNumeric(spec)).map(([key]) => key);
    // One round trip for all fields: type text into each visible field in turn, read its message
    // and the results still shown, then type the value back.
    const seen = await root.evaluate(typeTextIntoEachField, { keys, restore: keys.map((k) => raw[k] ?? '') });
    const checked = seen.filter((s) => s.visible);
    expect(checked.length, 'numeric fields checked').toBeGreaterThan(0);
    for (const { key, invalid, message, shown, resultKeys, restored } of checked) {
      expect(invalid, `${key} marked invalid`).toBe(true);
      expect(message, `${key} message`).not.toBe('');
      expect(message, `${key} message in ${lang}`).toMatch(script);
      if (foreign) expect(message, `${key} message has no other script`).not.toMatch(foreign);
      // Every result the module still computes without this field is still on screen.
      const without = compute(def, { ...raw, [key]: 'abc' }, rows);
      const lost = Object.entries(without).filter(([k, v]) => typeof v === 'number' && resultKeys.includes(k) && !shown.includes(k)).map(([k]) => k);
      expect(lost, `results lost when ${key} is text`).toEqual([]);
      expect(restored, `${key} valid again after typing its value back`).toBe(true);
    }
    expect(await badNumbersOnPage(page)).toEqual([]);
  });

  it('exports its inputs and results as CSV with plain numbers, in the page\'s language', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), root.locator('button[data-action="export"]').click()]);
    const lines = (await downloadBytes(download)).toString('utf8').replace(/^\uFEFF/, '').trim().split(/\r\n/);
    expect(lines.length, 'a header and a line per input and result').toBeGreaterThan(2);
    expect(lines[0], `header in ${lang}`).toMatch(script);
    const values = lines.slice(1).map((line) => line.slice(line.lastIndexOf(',') + 1));
    // A spreadsheet computes with these: no currency signs or percent signs on numbers.
    expect(values.filter((v) => /^[-+−]?[$¥€£]|^-?\d+(\.\d+)?%$/.test(v))).toEqual([]);
    expect(values.some((v) => /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(v)), 'some plain numbers').toBe(true);
  });

  if (def.table && !DATA_SET_IDS.has(id)) it('exports its rows as CSV and imports that file back unchanged: numbers plain, formulas defused', async () => {
    const base = `${id.replace('.', '-')}-rows`;
    const cells = () =>
      root.evaluate((el, prefix) => [...el.querySelectorAll<HTMLInputElement | HTMLSelectElement>(`input[id^="${prefix}-"], select[id^="${prefix}-"]`)].filter((c) => /^\d+-/.test(c.id.slice(prefix.length + 1))).map((c) => `${c.id}=${c.value}`), base);
    const textKey = Object.entries(def.table!.columns).find(([, spec]) => spec.kind === 'text')?.[0];
    const changed = textKey ?? Object.entries(def.table!.columns).find(([, spec]) => spec.kind !== 'choice')![0];
    // A table shown for one choice only (scores instead of counts): choose the option that shows it.
    const exportButton = root.locator('button[data-action="export-rows"]');
    const choiceOption = (key: string, option: string) => root.locator(`#${id.replace('.', '-')}-${key}-${option}`);
    let chosen: { key: string; before: string } | null = null;
    for (const [key, spec] of Object.entries(def.fields)) {
      if (spec.kind !== 'choice' || (await exportButton.count()) > 0) continue;
      chosen = { key, before: raw[key] ?? def.defaults[key]! };
      for (const option of spec.options) {
        await choiceOption(key, option).check();
        if ((await exportButton.count()) > 0) break;
      }
    }
    expect(await exportButton.count(), 'a rows export button').toBe(1);
    // A table the worked example leaves empty (optional rows) gets one row to carry: the first default row.
    if ((await cells()).length === 0) {
      await root.locator('button[data-action="add-row"]').click();
      for (const [key, value] of Object.entries(def.defaultRows?.[0] ?? { [changed]: textKey ? 'Row one' : '12' })) {
        const cell = root.locator(`#${base}-0-${key}`);
        if ((await cell.count()) === 0) continue;
        if (def.table!.columns[key]?.kind === 'choice') await cell.selectOption(value);
        else await cell.fill(value);
      }
    }
    const firstText = textKey ? root.locator(`#${base}-0-${textKey}`) : null;
    if (firstText && (await firstText.count()) === 1) await firstText.fill('=1+1');
    const before = await cells();
    expect(before.length, 'cells in the table').toBeGreaterThan(0);
    const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
    const file = await downloadBytes(download);
    const lines = file.toString('utf8').replace(/^\uFEFF/, '').trim().split(/\r\n/);
    const rowCount = new Set(before.map((c) => /^[^=]*?-(\d+)-/.exec(c.slice(base.length))?.[1])).size;
    expect(lines.length, 'a header and a line per row').toBe(rowCount + 1);
    if (firstText && (await firstText.count()) === 1) expect(lines[1]).toContain("'=1+1");
    // Data cells: no currency signs, grouped or quoted numbers, or percent signs (a spreadsheet computes with them).
    const dataCells = lines.slice(1).flatMap((line) => line.split(','));
    expect(dataCells.filter((c) => /^[-+]?[$¥€£]|\d%$|^"[-\d.,]+"$/.test(c))).toEqual([]);

    // Change the first cell, then import the exported file: the rows come back.
    await root.locator(`#${base}-0-${changed}`).fill(textKey ? 'CHANGED' : '7777');
    expect(await cells()).not.toEqual(before);
    await root.locator('input[data-action="import-file"]').setInputFiles({ name: `${id}-rows.csv`, mimeType: 'text/csv', buffer: file });
    await expect.poll(() => root.locator('[data-import-status]').getAttribute('data-import-status')).toBe('ok');
    // Numbers may come back written plainly (`30000` for `30,000`): compare readings of numeric text.
    const plain = (entries: string[]) => entries.map((e) => e.replace(/(?<==)(-?)[$¥]?([\d,]+(?:\.\d+)?)$/, (_m, sign: string, digits: string) => `${sign}${Number(digits.replace(/,/g, ''))}`));
    expect(plain(await cells())).toEqual(plain(before));
    expect(await badNumbersOnPage(page)).toEqual([]);
    if (chosen) await choiceOption(chosen.key, chosen.before).check();
  });

  if (deepIn(id, lang)) it('passes axe with an error message showing', async () => {
    const { key } = fieldThatMatters(def);
    const input = root.locator(`input[name="${key}"]`);
    await input.fill('abc');
    await expect.poll(() => input.getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page, `[data-calculator="${id}"]`)).toEqual([]);
    await input.fill(raw[key] ?? '');
  });

  it('raised no CSP violation, script error, failed or foreign request', () => {
    expectClean(problems);
  });
});
}
