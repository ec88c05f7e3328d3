/**
 * One calculator of each suite is fully usable from the keyboard: Tab reaches every control in
 * order and leaves the calculator at both ends (no trap, nothing unreachable), typing changes the
 * results, rows are added and removed with Enter and Space without losing focus, pasted CSV is
 * imported with the keyboard, and results are announced politely.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { connect, disconnect, openPage, type PageProblems, type Site } from './harness';
import { toCsv } from '~/lib/kit/csv';
import { budgetAllocator } from '~/lib/calculators/c12-1-budget-allocator';
import { segmentAttractiveness } from '~/lib/calculators/c03-2-segment-attractiveness';

let browser: Browser;
let site: Site;

beforeAll(async () => ({ browser, site } = await connect()));
afterAll(() => disconnect(browser, site));

/** Rows as CSV with the column keys as headers (accepted in every language). */
function csvOf(columns: object, rows: readonly Record<string, string>[]): string {
  const keys = Object.keys(columns);
  return toCsv([keys, ...rows.map((row) => keys.map((k) => row[k] ?? ''))]);
}

const cases = [
  { id: 'C05.1', path: 'chapters/05-pricing/', field: 'input[name="material"]', value: '40', csv: null, maxRows: 0, firstColumn: '' },
  {
    id: 'C03.2',
    path: 'chapters/03-segmentation/',
    field: 'input[name="weightMargin"]',
    value: '10',
    maxRows: segmentAttractiveness.table!.maxRows,
    firstColumn: Object.keys(segmentAttractiveness.table!.columns)[0]!,
    csv: csvOf(segmentAttractiveness.table!.columns, [
      { ...segmentAttractiveness.defaultRows![0]!, name: 'Keyboard segment A' },
      { ...segmentAttractiveness.defaultRows![1]!, name: 'Keyboard segment B' },
      { ...segmentAttractiveness.defaultRows![2]!, name: 'Keyboard segment C' },
    ]),
  },
  {
    id: 'C12.1',
    path: 'chapters/12-budget/',
    field: 'input[name="totalBudget"]',
    value: '20000000',
    maxRows: budgetAllocator.table!.maxRows,
    firstColumn: Object.keys(budgetAllocator.table!.columns)[0]!,
    csv: csvOf(budgetAllocator.table!.columns, [
      { ...budgetAllocator.defaultRows![0]!, name: 'Keyboard line A' },
      { ...budgetAllocator.defaultRows![1]!, name: 'Keyboard line B' },
      { ...budgetAllocator.defaultRows![2]!, name: 'Keyboard line C' },
    ]),
  },
];

/** What the focused element is, as a short stable description (or null outside the calculator). */
async function focused(page: Page, id: string): Promise<string | null> {
  return page.evaluate((id) => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || !el.closest(`[data-calculator="${id}"]`)) return null;
    return el.dataset['kbd'] ?? `unlisted ${el.tagName.toLowerCase()}#${el.id} ${el.getAttribute('data-action') ?? ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
  }, id);
}

/**
 * Marks the calculator's tab stops in document order and returns their descriptions: every
 * enabled, visible control, link, summary and tabindex=0 element, with each radio group counted
 * once (Tab lands on its checked radio; arrows move within it).
 */
async function markTabStops(root: Locator): Promise<string[]> {
  return root.evaluate((calc) => {
    const selector = 'a[href], button, input, select, textarea, summary, [tabindex]';
    const seenGroups = new Set<string>();
    const stops: string[] = [];
    for (const el of calc.querySelectorAll<HTMLElement>(selector)) {
      delete el.dataset['kbd'];
      if ((el as HTMLButtonElement).disabled || !el.checkVisibility({ visibilityProperty: true })) continue;
      // A control taken out of the tab order (tabindex=-1) stays listed: it would be unreachable.
      if (el.tabIndex < 0 && !el.matches('a[href], button, input, select, textarea, summary')) continue;
      if (el.closest('details:not([open])') && el.tagName !== 'SUMMARY') continue;
      if (el instanceof HTMLInputElement && el.type === 'radio') {
        if (seenGroups.has(el.name)) continue;
        const group = [...calc.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${el.name}"]`)];
        const stop = group.find((r) => r.checked) ?? group[0]!;
        seenGroups.add(el.name);
        stop.dataset['kbd'] = `radio group ${el.name}`;
        stops.push(stop.dataset['kbd']);
        continue;
      }
      const label = el.id || el.getAttribute('data-action') || el.getAttribute('aria-label') || (el.textContent ?? '').trim().slice(0, 30) || el.className;
      el.dataset['kbd'] = `${stops.length} ${el.tagName.toLowerCase()} ${label}`;
      stops.push(el.dataset['kbd']);
    }
    return stops;
  });
}

async function openCalculator(context: BrowserContext, path: string, id: string) {
  const { page, problems } = await openPage(context, site);
  await page.goto(site.url + path);
  const root = page.locator(`[data-calculator="${id}"]`);
  await root.scrollIntoViewIfNeeded();
  // Charts load Chart.js when they come near the viewport: bring each into view, then back to the top.
  for (const chart of await root.locator('[data-chart]').all()) await chart.scrollIntoViewIfNeeded();
  await root.scrollIntoViewIfNeeded();
  // Hydrated, and every chart drawn (chart legends add buttons to the tab order).
  await page.waitForFunction(
    (id) => {
      const calc = document.querySelector(`[data-calculator="${id}"]`);
      return !!calc && !calc.closest('astro-island[ssr]') && [...calc.querySelectorAll<HTMLElement>('[data-chart]')].every((c) => c.dataset['chartState'] === 'ready');
    },
    id,
    { timeout: 20_000 },
  );
  return { page, problems, root };
}

function expectClean(problems: PageProblems) {
  expect(problems.pageErrors).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
}

describe.each(cases)('$id by keyboard', ({ id, path, field, value }) => {
  it('Tab visits every control in order and leaves at both ends; typing changes the results', { timeout: 60_000 }, async () => {
    const context = await browser.newContext();
    const { page, problems, root } = await openCalculator(context, path, id);
    // One short live summary per calculator; the full results list is not a live region (issue 10).
    expect(await root.locator('[data-summary-live]').getAttribute('aria-live')).toBe('polite');
    expect(await root.locator('.calc-results[aria-live]').count()).toBe(0);

    const stops = await markTabStops(root);
    expect(stops.length).toBeGreaterThan(10);
    // Into the calculator from the page before it.
    await root.locator('[data-kbd]').first().focus();
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page, id), 'Shift+Tab from the first control leaves the calculator').toBeNull();
    await page.keyboard.press('Tab');
    const visited: (string | null)[] = [await focused(page, id)];
    for (let i = 1; i < stops.length + 1; i++) {
      await page.keyboard.press('Tab');
      visited.push(await focused(page, id));
    }
    // Every stop once, in document order, then out of the calculator (no trap, nothing skipped).
    expect(visited).toEqual([...stops, null]);

    // Type into a field: the results change.
    const output = root.locator('.calc-output');
    const before = await output.innerText();
    await root.locator(field).focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(value);
    await expect.poll(() => root.locator(field).inputValue()).toBe(value);
    await expect.poll(() => output.innerText()).not.toBe(before);
    if (id === 'C05.1') await expect.poll(() => root.locator('[data-result="price"] dd').innerText()).toBe('$80.00');
    expectClean(problems);
    await context.close();
  });

});

describe.each(cases.filter((c) => c.csv !== null))('$id rows by keyboard', ({ id, path, csv, maxRows, firstColumn }) => {
  it('adds and removes rows with Enter and Space, and imports pasted CSV, keeping focus', { timeout: 60_000 }, async () => {
    const context = await browser.newContext();
    const { page, problems, root } = await openCalculator(context, path, id);
    const rows = root.locator('.calc-table.calc-wide tbody tr');
    const start = await rows.count();

    // Add a row with Enter: a new last row, focus stays on the button.
    const add = root.locator('button[data-action="add-row"]');
    await add.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => rows.count()).toBe(start + 1);
    await expect.poll(() => add.evaluate((el) => el === document.activeElement)).toBe(true);

    // Remove the new (last) row with Space: its button goes, so focus must move somewhere useful.
    const lastRemove = rows.nth(start).locator('button[data-action="remove-row"]');
    await lastRemove.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => rows.count()).toBe(start);
    await expect.poll(() => focused(page, id), { message: 'focus stays in the calculator after removing the last row' }).not.toBeNull();

    // Remove the first row with Enter: focus stays on a remove button, now the next row's.
    await rows.first().locator('button[data-action="remove-row"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => rows.count()).toBe(start - 1);
    await expect.poll(() => focused(page, id)).toMatch(/remove-row/);

    // Paste CSV: open with Enter, Tab into the text area, type, Tab to Import, Space.
    const paste = root.locator('button[data-action="paste-csv"]');
    await paste.focus();
    await page.keyboard.press('Enter');
    expect(await paste.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    // Enter in a text area is a new line: type the CSV line by line as a reader would.
    const lines = csv!.trimEnd().split(/\r?\n/);
    for (const [i, line] of lines.entries()) {
      await page.keyboard.insertText(line);
      if (i < lines.length - 1) await page.keyboard.press('Enter');
    }
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('import-paste');
    await page.keyboard.press('Space');
    await expect.poll(() => rows.count()).toBe(3);
    await expect.poll(() => root.locator('[data-import-status]').getAttribute('data-import-status')).toBe('ok');
    expect(await root.locator('.calc-table.calc-wide tbody tr input').first().inputValue()).toMatch(/Keyboard (segment|line) A/);
    // The paste panel closes; focus returns to its toggle rather than falling to the page.
    expect(await paste.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => paste.evaluate((el) => el === document.activeElement)).toBe(true);

    // Down to the minimum (two rows): every remove button is disabled, so focus moves to "Add a row".
    await rows.nth(1).locator('button[data-action="remove-row"]').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await root.locator('button[data-action="remove-row"]:not([disabled])').count()).toBe(0);
    await expect.poll(() => add.evaluate((el) => el === document.activeElement)).toBe(true);
    // Up to the maximum, where it is the add button that gets disabled: focus moves to the new row.
    if (maxRows <= 10) {
      for (let n = 2; n < maxRows; n++) {
        await page.keyboard.press('Enter');
        await expect.poll(() => rows.count()).toBe(n + 1);
      }
      expect(await add.isDisabled()).toBe(true);
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`${id.replace('.', '-')}-rows-${maxRows - 1}-${firstColumn}`);
    }
    expectClean(problems);
    await context.close();
  });
});
