/**
 * Editable tables on phones (issue 10): at 390 × 844 each row of C03.2, C12.1 and C12.2 reads
 * as a card, every cell labelled with its column, and every cell can be reached and edited
 * without the page scrolling sideways, in both languages. One page load per chapter and language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { connect, disconnect, openPage, type Site } from './harness';

let browser: Browser;
let site: Site;

beforeAll(async () => ({ browser, site } = await connect()));
afterAll(() => disconnect(browser, site));

const WIDTH = 390;
const pages = [
  { path: 'chapters/03-segmentation/', ids: ['C03.2'] },
  { path: 'chapters/12-budget/', ids: ['C12.1', 'C12.2'] },
];

describe.each(['', 'zh-cn/'])('editable tables at 390 px (%s)', (prefix) => {
  it.each(pages)('$path: every cell of $ids is on screen and editable, the page never wider than the phone', async ({ path, ids }) => {
    const context = await browser.newContext({ viewport: { width: WIDTH, height: 844 } });
    try {
      const { page, problems } = await openPage(context, site);
      await page.goto(site.url + prefix + path);
      for (const id of ids) {
        const calc = page.locator(`[data-calculator="${id}"]`);
        await calc.scrollIntoViewIfNeeded();
        await page.waitForFunction((calcId) => {
          const el = document.querySelector(`[data-calculator="${calcId}"]`);
          return !!el && !el.closest('astro-island[ssr]');
        }, id);
        const table = calc.locator('.calc-table--edit-cards table').first();
        // Cards: rows are blocks, each cell carries its column's name.
        expect(await table.locator('tbody tr').first().evaluate((tr) => getComputedStyle(tr).display)).toBe('block');
        // Every cell: within the phone's width once scrolled to, not covered, named by its column.
        const cells = await table.evaluate(async (t, width) => {
          const out: { label: string | null; left: number; right: number; width: number; reachable: boolean }[] = [];
          for (const el of t.querySelectorAll<HTMLElement>('tbody td[data-label] :is(input, select)')) {
            el.scrollIntoView({ block: 'center' });
            await new Promise((r) => { setTimeout(r, 100); requestAnimationFrame(r); }); // a frame, at most 100 ms
            const box = el.getBoundingClientRect();
            const hit = document.elementFromPoint(Math.min(width - 1, box.left + box.width / 2), box.top + box.height / 2);
            out.push({ label: el.closest('td')!.getAttribute('data-label'), left: box.left, right: box.right, width: box.width, reachable: hit === el || el.contains(hit) });
          }
          return out;
        }, WIDTH);
        expect(cells.length, `${id}: editable cells`).toBeGreaterThan(10);
        for (const [i, cell] of cells.entries()) {
          expect(cell.label, `${id} cell ${i}: column name`).toBeTruthy();
          expect(cell.left, `${id} cell ${i} (${cell.label}): left edge`).toBeGreaterThanOrEqual(0);
          expect(cell.right, `${id} cell ${i} (${cell.label}): right edge`).toBeLessThanOrEqual(WIDTH);
          expect(cell.width, `${id} cell ${i} (${cell.label}): width`).toBeGreaterThan(40);
          expect(cell.reachable, `${id} cell ${i} (${cell.label}): not covered`).toBe(true);
        }
        // Edited by tapping and typing: every column of the first row, and the first cell of every row.
        const rows = table.locator('tbody tr');
        const targets = [...(await rows.first().locator('td[data-label] :is(input, select)').all())];
        for (const row of (await rows.all()).slice(1)) targets.push(row.locator('td[data-label] :is(input, select)').first());
        for (const cell of targets) {
          if (await cell.evaluate((el) => el.tagName === 'SELECT')) {
            const options = await cell.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
            const current = await cell.inputValue();
            const other = options.find((o) => o !== current) ?? current;
            await cell.selectOption(other);
            expect(await cell.inputValue()).toBe(other);
            await cell.selectOption(current);
          } else {
            // The cell keeps what was typed through the re-render.
            const before = await cell.inputValue();
            await cell.click();
            await cell.press('End');
            await cell.type('9');
            await expect.poll(() => cell.inputValue()).toBe(`${before}9`);
            await cell.fill(before);
          }
        }
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${id}: page wider than the phone by`).toBeLessThanOrEqual(0);
      }
      expect(problems.pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);
});
