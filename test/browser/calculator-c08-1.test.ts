/**
 * C08.1 on the reader's own data, on its page (one page load): a 20,000-transaction CSV uploaded
 * is scored in a Web Worker with progress in the page's language, and the results are the pure
 * module's; the scored-customer export holds every customer, with the formula defence, and reads
 * back as a customers table with the same segments; a data set that long is held apart from the
 * text box and a replacement of it can be undone; hostile cells (a spreadsheet formula, an HTML
 * tag) are shown as text. How long the main thread is blocked is a figure (`npm run bench`), not
 * a threshold here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { rfmScorer, syntheticTransactions } from '~/lib/calculators/c08-1-rfm';
import { rfmAliases, scoreCsv, type RfmValues } from '~/lib/calculators/c08-1-rfm-data';
import { parseCsv, toCsv } from '~/lib/kit/csv';
import { readFields } from '~/lib/kit/fields';
import { strings, tableImportAliases } from '~/i18n';
import { badNumbersOnPage, connect, disconnect, downloadBytes, openPage, type Site } from './harness';

let browser: Browser;
let site: Site;

beforeAll(async () => ({ browser, site } = await connect()));
afterAll(() => disconnect(browser, site));

const TRANSACTIONS = 20_000;
const en = strings.en.calculators['C08.1'];
const aliases = rfmAliases(tableImportAliases('C08.1').columns, { customer: [en.results.customer], date: [en.results.lastPurchase], orders: [en.results.orders], amount: [en.results.spend] });
const values = (fields: Record<string, string>): RfmValues => readFields(rfmScorer.fields, { ...rfmScorer.defaults, ...fields }).values;

/** The shown figures that carry the module's number (`data-value`), by key. */
async function shownValues(root: Locator): Promise<Record<string, number>> {
  return root.locator('[data-calculator-results]').evaluate((panel) =>
    Object.fromEntries([...panel.querySelectorAll<HTMLElement>('[data-result][data-value]')].map((el) => [el.dataset['result']!, Number(el.dataset['value'])])),
  );
}

function expectedValues(results: Record<string, unknown>): Record<string, number> {
  const segments = results['segments'] as { customerShare: number }[];
  return {
    customerCount: results['customerCount'] as number,
    rowsUsed: results['rowsUsed'] as number,
    totalSpend: results['totalSpend'] as number,
    ...Object.fromEntries(segments.map((s, i) => [`segments.${i}.customerShare`, s.customerShare])),
  };
}

async function done(root: Locator, customers: number) {
  await expect
    .poll(async () => (await root.locator('[data-progress]').count()) === 0 && (await shownValues(root))['customerCount'] === customers, { timeout: 60_000, interval: 100 })
    .toBe(true);
}

async function exportRows(page: Page, root: Locator): Promise<{ text: string; rows: string[][] }> {
  const [download] = await Promise.all([page.waitForEvent('download'), root.locator('button[data-action="export-rows"]').click()]);
  const text = (await downloadBytes(download)).toString('utf8').replace(/^\uFEFF/, '');
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(`export does not read as CSV: ${JSON.stringify(parsed.error)}`);
  return { text, rows: parsed.rows };
}

describe('C08.1 RFM on the reader’s data', () => {
  it('scores 20,000 uploaded transactions in a worker with progress; exports every customer; reads the export back; shows hostile cells as text', async () => {
    const context = await browser.newContext({ reducedMotion: 'reduce' });
    try {
      const { page, problems } = await openPage(context, site);
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      const workers: string[] = [];
      page.on('worker', (worker) => workers.push(worker.url()));
      await page.goto(site.url + 'calculators/c08-1/');
      const root = page.locator('[data-calculator="C08.1"]');
      await root.scrollIntoViewIfNeeded();
      await page.waitForFunction(() => !document.querySelector('[data-calculator="C08.1"]')?.closest('astro-island[ssr]'));

      // Every progress state shown, with its label, however briefly.
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { __progress: string[] }).__progress = seen;
        const calc = document.querySelector('[data-calculator="C08.1"]')!;
        new MutationObserver(() => {
          const bar = calc.querySelector<HTMLElement>('[data-progress]');
          const entry = bar ? `${bar.dataset['progress']}|${bar.querySelector('label')?.textContent ?? ''}` : null;
          if (entry && seen.at(-1) !== entry) seen.push(entry);
        }).observe(calc, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-progress'] });
      });

      // 1. A shop export of 20,000 transactions, with its own header names.
      const rows = syntheticTransactions(TRANSACTIONS);
      const csv = toCsv([['customer_id', 'order_date', 'amount'], ...rows.map((r) => [r.customer, r.date, r.amount])]);
      const expected = scoreCsv(csv, values({}), aliases).output!.results;
      await root.locator('input[data-action="import-file"]').setInputFiles({ name: 'orders-20k.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await expect.poll(() => root.locator('[data-data-status]').innerText(), { timeout: 10_000 }).toContain('20,000');
      await done(root, expected.customerCount!);
      expect(await shownValues(root)).toMatchObject(expectedValues(expected as Record<string, unknown>));
      const progress = await page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
      expect(progress.length).toBeGreaterThan(0);
      const labels = Object.values(en.progress);
      for (const entry of progress) {
        const [value, label] = entry.split('|');
        expect(value === 'pending' || /^\d+$/.test(value!), entry).toBe(true);
        expect(labels, entry).toContain(label);
      }
      expect(workers.some((url) => url.startsWith(site.origin) && /rfm\.worker/.test(url))).toBe(true);
      expect(await root.locator('[data-issue="c08_1.workerFailed"]').count()).toBe(0);
      expect(await root.locator('#C08-1-source-transactions').isChecked()).toBe(true);

      // 2. The scored list: every customer, once, with the module's scores.
      const exported = await exportRows(page, root);
      expect(exported.rows[0]).toEqual([en.results.customer, en.results.lastPurchase, en.results.recencyDays, en.results.orders, en.results.spend, 'R', 'F', 'M', en.results.cell, en.results.total, en.results.segment]);
      expect(exported.rows).toHaveLength(expected.customerCount! + 1);
      const byId = new Map(expected.customers!.map((c) => [c.customer, c]));
      for (const line of exported.rows.slice(1)) {
        const c = byId.get(line[0]!);
        expect(c, line[0]).toBeDefined();
        expect(line.slice(2, 8).map(Number)).toEqual([c!.recencyDays, c!.orders, c!.spend, c!.r, c!.f, c!.m]);
        expect(line[10]).toBe(en.segments[c!.segment]);
      }
      expect(new Set(exported.rows.slice(1).map((l) => l[0])).size).toBe(expected.customerCount);

      // 3. The export read back: a customers table (the source follows the header), the same segments.
      await root.locator('input[data-action="import-file"]').setInputFiles({ name: 'scored.csv', mimeType: 'text/csv', buffer: Buffer.from(exported.text) });
      await expect.poll(() => root.locator('#C08-1-source-customers').isChecked()).toBe(true);
      const again = scoreCsv(exported.text, values({ source: 'customers' }), aliases).output!.results;
      await done(root, again.customerCount!);
      expect(again.customers!.map((c) => c.segment)).toEqual(expected.customers!.map((c) => c.segment));
      expect(await shownValues(root)).toMatchObject(expectedValues(again as Record<string, unknown>));

      // 3b. A data set too long to echo is held apart from the text box, with "replace"; a
      // wholesale replacement (here the sample) can be undone, and the layout follows the data.
      expect(await root.locator('[data-data-held] button[data-action="replace-data"]').count()).toBe(1);
      await root.locator('[data-action="use-sample"]').click();
      await expect.poll(() => root.locator('#C08-1-source-transactions').isChecked()).toBe(true);
      await root.locator('[data-action="undo-data"]').click();
      await expect.poll(() => root.locator('#C08-1-source-customers').isChecked()).toBe(true);
      await done(root, again.customerCount!);
      expect(await root.locator('[data-action="undo-data"]').count()).toBe(0);

      // 4. Hostile cells: shown as text, exported with the formula defence.
      await root.locator('[data-action="use-sample"]').click();
      const hostile = [
        'Customer,Last purchase,Orders,Spend',
        '"=HYPERLINK(""http://attacker.test"",""open"")",2026-06-20,9,4000',
        '<img src=x onerror=alert(1)>,2026-06-01,4,900',
        'C3,2026-05-01,2,300',
        'C4,2026-03-01,1,120',
        'C5,2026-06-28,6,2500',
        'C6,2026-01-15,1,60',
      ].join('\n');
      await root.locator('textarea[name="data"]').fill(hostile);
      await done(root, 6);
      const preview = root.locator('[data-result="customers"]');
      const shown = await preview.locator('tbody th').allInnerTexts();
      expect(shown.slice(0, 2)).toEqual(['=HYPERLINK("http://attacker.test","open")', '<img src=x onerror=alert(1)>']);
      expect(await root.locator('img').count()).toBe(0);
      const file = await exportRows(page, root);
      expect(file.rows[1]![0]).toBe(`'=HYPERLINK("http://attacker.test","open")`);
      expect(file.rows[2]![0]).toBe('<img src=x onerror=alert(1)>');
      expect(dialogs).toEqual([]);

      expect(await badNumbersOnPage(page)).toEqual([]);
      expect(problems.pageErrors).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
      expect(problems.foreignRequests).toEqual([]);
      expect(problems.cspViolations).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
