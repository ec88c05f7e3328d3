/**
 * C03.3 with a large data set: 10,000 rows × 6 numeric columns, uploaded as a file. The island
 * hands data this size to its Web Worker: the test checks that a worker really starts, that a
 * progress indicator shows and moves, and that the run completes (cluster sizes add up to 10,000,
 * the silhouette arrives), and that another seed keeps the last results on screen, marked busy, until
 * the new ones arrive. How long the main thread is blocked is a figure, not a pass/fail
 * threshold on a shared machine: `npm run bench` measures it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { badNumbersOnPage, connect, disconnect, downloadBytes, openPage, type Site } from './harness';

let browser: Browser;
let site: Site;

beforeAll(async () => ({ browser, site } = await connect()));
afterAll(() => disconnect(browser, site));

const ROWS = 10_000;

/** Four Gaussian blobs in six columns, deterministic (mulberry32 and Box–Muller). */
function largeCsv(rows: number): string {
  let state = 20_260_601;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const centres = [
    [30, 40, 2, 6, 120, 20],
    [45, 90, 5, 3, 400, 60],
    [60, 60, 8, 8, 80, 30],
    [25, 150, 3, 2, 900, 80],
  ];
  const spread = [5, 12, 1, 1, 60, 8];
  const lines = ['age,income_k,orders_per_year,price_sensitivity,avg_order_value,online_share_pct'];
  for (let i = 0; i < rows; i++) {
    const centre = centres[i % centres.length]!;
    lines.push(centre.map((m, j) => (m + spread[j]! * gaussian()).toFixed(2)).join(','));
  }
  return lines.join('\n') + '\n';
}

describe('C03.3 k-means on 10,000 rows', () => {
  it('shows progress, completes in a worker and reports every row', async () => {
    const context = await browser.newContext({ reducedMotion: 'reduce' });
    try {
      const { page, problems } = await openPage(context, site);
      const workers: string[] = [];
      page.on('worker', (worker) => workers.push(worker.url()));
      await page.goto(site.url + 'chapters/03-segmentation/');
      const root = page.locator('[data-calculator="C03.3"]');
      await root.locator('[data-chart="scatter"]').scrollIntoViewIfNeeded();
      await expect.poll(() => root.locator('[data-chart="scatter"]').getAttribute('data-chart-state'), { timeout: 15_000 }).toBe('ready');

      // Every progress value shown, however briefly (a poll could miss a fast run).
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { __progress: string[] }).__progress = seen;
        const calc = document.querySelector('[data-calculator="C03.3"]')!;
        new MutationObserver(() => {
          const value = calc.querySelector('[data-progress]')?.getAttribute('data-progress');
          if (value != null && seen.at(-1) !== value) seen.push(value);
        }).observe(calc, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-progress'] });
      });

      await root.locator('input[data-action="import-file"]').setInputFiles({ name: 'customers-10k.csv', mimeType: 'text/csv', buffer: Buffer.from(largeCsv(ROWS)) });

      // Data read: the status line counts the rows.
      await expect.poll(() => root.locator('[data-data-status]').innerText(), { timeout: 10_000 }).toContain('10,000');

      // Done: no progress bar, every row clustered, the exact silhouette shown.
      const progress = root.locator('[data-progress]');
      await expect.poll(async () => (await progress.count()) === 0 && (await root.locator('[data-result="clusters"]').count()) === 1, { timeout: 50_000, interval: 100 }).toBe(true);
      const progressSeen = await page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
      // A progress indicator showed while the worker ran (the elbow, then the silhouette): it
      // starts as 'pending' or a percentage, and moves on.
      expect(progressSeen.length).toBeGreaterThan(1);
      expect(progressSeen.every((v) => v === 'pending' || /^\d+$/.test(v))).toBe(true);
      // A worker of the site's own started (the page did not cluster 10,000 rows on its main thread).
      expect(workers.length).toBeGreaterThan(0);
      expect(workers.every((url) => url.startsWith(site.origin))).toBe(true);

      const sizes = await root.locator('[data-result="clusters"] tr[data-cluster] td:nth-of-type(1)').allInnerTexts();
      const counts = sizes.map((s) => Number(s.replace(/[^\d]/g, '')));
      expect(counts).toHaveLength(4);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(ROWS);
      expect(await root.locator('[data-result="rowsUsed"] dd').innerText()).toMatch(/^10,000\b/);
      expect(await root.locator('[data-result="silhouette"] dd').innerText()).toMatch(/^0\.\d{3}\b/);
      // The worker ran it: no note that the page had to fall back to clustering on the main thread.
      expect(await root.locator('[data-issue="c03_3.workerFailed"]').count()).toBe(0);
      expect(await root.locator('[data-chart="elbow"] tbody tr').count()).toBe(8);
      expect(await root.locator('[data-chart="scatter"]').getAttribute('data-chart-state')).toBe('ready');

      // Another seed: the last clustering stays on screen (the panel marked busy) until the new one
      // arrives; the results never vanish and come back.
      await page.evaluate(() => {
        const calc = document.querySelector('[data-calculator="C03.3"]')!;
        const seen = { gone: false, busy: false };
        (window as unknown as { __reseed: typeof seen }).__reseed = seen;
        new MutationObserver(() => {
          if (!calc.querySelector('[data-result="clusters"]')) seen.gone = true;
          if (calc.querySelector('[aria-busy="true"] [data-result="clusters"]')) seen.busy = true;
        }).observe(calc, { subtree: true, childList: true, attributes: true });
      });
      const seedField = root.locator('input[name="seed"]');
      await seedField.fill(String(Number(await seedField.inputValue()) + 1));
      await expect.poll(async () => (await page.evaluate(() => (window as unknown as { __reseed: { busy: boolean } }).__reseed.busy)) && (await progress.count()) === 0, { timeout: 50_000, interval: 100 }).toBe(true);
      expect(await page.evaluate(() => (window as unknown as { __reseed: { gone: boolean } }).__reseed.gone)).toBe(false);
      const resized = (await root.locator('[data-result="clusters"] tr[data-cluster] td:nth-of-type(1)').allInnerTexts()).map((s) => Number(s.replace(/[^\d]/g, '')));
      expect(resized.reduce((a, b) => a + b, 0)).toBe(ROWS);

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

/** `rows` × `columns`: two groups far apart on every column, so each profile names every variable. */
function wideCsv(rows: number, columns: number): string {
  const header = Array.from({ length: columns }, (_, j) => `v${j + 1}`).join(',');
  const lines = [header];
  for (let i = 0; i < rows; i++) lines.push(Array.from({ length: columns }, (_, j) => ((i % 2) * 50 + ((i * 7 + j * 3) % 5)).toFixed(1)).join(','));
  return lines.join('\n') + '\n';
}

describe('C03.3 on a wide file (40 variables)', () => {
  for (const [locale, prefix, shown, more] of [
    ['en', '', 'The table shows the first 24 of 40 variables', 'and 16 more'],
    ['zh-CN', 'zh-cn/', '表格显示前 24 个变量（共 40 个）', '等另外 16 项'],
  ] as const) {
    it(`${locale}: the table shows 24 variables and says so; profiles and the variable list are short; the export has all 40`, async () => {
      const context = await browser.newContext({ reducedMotion: 'reduce' });
      try {
        const { page, problems } = await openPage(context, site);
        await page.goto(`${site.url}${prefix}calculators/c03-3/`);
        const root = page.locator('[data-calculator="C03.3"]');
        await expect.poll(() => root.evaluate((el) => !el.closest('astro-island[ssr]')), { timeout: 30_000 }).toBe(true);
        await root.locator('input[data-action="import-file"]').setInputFiles({ name: 'wide.csv', mimeType: 'text/csv', buffer: Buffer.from(wideCsv(60, 40)) });
        await root.locator('#C03-3-k-2').check();
        await expect.poll(async () => (await root.locator('[data-progress]').count()) === 0 && (await root.locator('[data-result="clusters"]').count()) === 1, { timeout: 30_000 }).toBe(true);

        expect(await root.locator('[data-result="clusters-shown"]').innerText()).toContain(shown);
        // Cluster, size, share and 24 variables.
        expect(await root.locator('[data-result="clusters"] thead th').count()).toBe(27);
        expect(await root.locator('[data-result="clusters"] thead th').last().innerText()).toBe('v24');
        expect(await root.locator('[data-result="variables"] dd').innerText()).toContain(more);
        // Every cluster differs from the mean on all 40 variables: six are named, then "and 34 more".
        for (const profile of await root.locator('[data-result="profiles"] li').allInnerTexts()) expect(profile).toMatch(locale === 'en' ? /and 34 more/ : /等另外 34 项/);

        const [download] = await Promise.all([page.waitForEvent('download'), root.locator('[data-action="export"]').click()]);
        const csv = (await downloadBytes(download)).toString('utf8');
        expect(csv).toContain('v40');
        expect(csv).toContain(locale === 'en' ? 'v38, v39, and v40' : 'v38、v39和v40');
        expect(problems.pageErrors).toEqual([]);
        expect(problems.cspViolations).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
