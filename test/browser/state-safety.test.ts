/**
 * Saved work is never lost (issue 9, findings 1–8; issue 10, typing before hydration and the rows
 * CSV round trip), on the production build, in both languages:
 *   1. a bad cell survives a reload, with its own message; one bad cell never drops the table;
 *   2. negative money and formula-like text survive a reload exactly (no export apostrophe);
 *   3. a link shows its inputs without overwriting the saved ones; "back to my saved inputs";
 *   4. a GBK (Excel on Chinese Windows) file with Chinese headers imports the right names;
 *   5. table cells echo "Read as …" when the reading differs from the text (`1.000`);
 *   6. wide k-means data (1,500 × 200) runs in the worker, with progress shown;
 *   7. a 20,000-row k-means data set survives a keystroke and a reload; undo restores it;
 *   8. link notices are exact, deduplicated and short;
 * plus: text typed before hydration under 4× CPU throttling is kept. (Every table calculator's rows
 * export → import round trip is a generic calculator check: calculator-checks.ts.)
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { strings } from '~/i18n';
import { badNumbersOnPage, connect, disconnect, openPage, type Site } from './harness';

let browser: Browser;
let site: Site;

beforeAll(async () => ({ browser, site } = await connect()));
afterAll(() => disconnect(browser, site));

const LANGUAGES = [
  { lang: 'en', prefix: '', locale: 'en' as const, digits: (n: number) => n.toLocaleString('en') },
  { lang: 'zh-CN', prefix: 'zh-cn/', locale: 'zh-CN' as const, digits: (n: number) => n.toLocaleString('zh-CN') },
];

const PAGES: Record<string, string> = {
  'C03.2': 'chapters/03-segmentation/',
  'C03.3': 'chapters/03-segmentation/',
  'C05.3': 'chapters/05-pricing/',
  'C12.1': 'chapters/12-budget/',
  'C12.2': 'chapters/12-budget/',
  'C12.3': 'chapters/12-budget/',
};

/** A hydrated calculator (no longer inside a server-rendered island) on a fresh or given page. */
async function calculator(page: Page, id: string): Promise<Locator> {
  const root = page.locator(`[data-calculator="${id}"]`);
  await root.scrollIntoViewIfNeeded();
  await expect.poll(() => root.evaluate((el) => !el.closest('astro-island[ssr]')), { timeout: 20_000 }).toBe(true);
  return root;
}

const cell = (root: Locator, id: string, row: number, key: string) => root.locator(`#${id.replace('.', '-')}-rows-${row}-${key}`);
const bodyRows = (root: Locator) => root.locator('form.calc-inputs table tbody tr');
const stored = (page: Page, id: string) => page.evaluate((key) => localStorage.getItem(key), `mpp:v2:calc:${id}`); // the store's record: every scenario, as typed

async function withContext<T>(run: (context: BrowserContext) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  try {
    return await run(context);
  } finally {
    await context.close();
  }
}

describe.each(LANGUAGES)('saved work in $lang', (language) => {
  const url = (id: string, query = '') => `${site.url}${language.prefix}${PAGES[id]}${query}`;
  const kit = strings[language.locale].kit;

  it('1, 2. typed cells survive a reload as typed: invalid text, negative money, formula-like text', async () => {
    await withContext(async (context) => {
      const { page, problems } = await openPage(context, site);
      await page.goto(url('C12.3'));
      let root = await calculator(page, 'C12.3');
      const before = await bodyRows(root).count();
      await cell(root, 'C12.3', 0, 'spend').fill('KEEP-ME');
      await cell(root, 'C12.3', 1, 'grossReturn').fill('-$5,000');
      await cell(root, 'C12.3', 2, 'name').fill('-Brand');
      await cell(root, 'C12.3', 3, 'name').fill('@home');
      await root.locator('button[data-action="add-row"]').click();
      await expect.poll(() => bodyRows(root).count()).toBe(before + 1);
      await expect.poll(async () => (await stored(page, 'C12.3')) ?? '').toContain('KEEP-ME');
      expect(await stored(page, 'C12.3')).not.toContain("'-");

      await page.goto(url('C12.3')); // a plain visit: the saved state, not the link
      root = await calculator(page, 'C12.3');
      await expect.poll(() => bodyRows(root).count()).toBe(before + 1);
      expect(await cell(root, 'C12.3', 0, 'spend').inputValue()).toBe('KEEP-ME');
      expect(await cell(root, 'C12.3', 1, 'grossReturn').inputValue()).toBe('-$5,000');
      expect(await cell(root, 'C12.3', 2, 'name').inputValue()).toBe('-Brand');
      expect(await cell(root, 'C12.3', 3, 'name').inputValue()).toBe('@home');
      // The bad cell has its own message; the negative money reads.
      expect(await cell(root, 'C12.3', 0, 'spend').getAttribute('aria-invalid')).toBe('true');
      expect(await cell(root, 'C12.3', 1, 'grossReturn').getAttribute('aria-invalid')).toBeNull();
      expect(await badNumbersOnPage(page)).toEqual([]);

      // The page's own link (kept in sync with the inputs) restores the same text in a new context.
      const link = page.url();
      await withContext(async (other) => {
        const { page: second } = await openPage(other, site);
        await second.goto(link);
        const root2 = await calculator(second, 'C12.3');
        expect(await cell(root2, 'C12.3', 0, 'spend').inputValue()).toBe('KEEP-ME');
        expect(await cell(root2, 'C12.3', 1, 'grossReturn').inputValue()).toBe('-$5,000');
        expect(await bodyRows(root2).count()).toBe(before + 1);
      });

      // C03.2: `12abc` in one cell never drops the table.
      await page.goto(url('C03.2'));
      const seg = await calculator(page, 'C03.2');
      await cell(seg, 'C03.2', 0, 'size').fill('12abc');
      await expect.poll(async () => (await stored(page, 'C03.2')) ?? '').toContain('12abc');
      await page.reload();
      const seg2 = await calculator(page, 'C03.2');
      expect(await cell(seg2, 'C03.2', 0, 'size').inputValue()).toBe('12abc');
      expect(await cell(seg2, 'C03.2', 0, 'size').getAttribute('aria-invalid')).toBe('true');
      expect(problems.pageErrors).toEqual([]);
    });
  });

  it('3. a link shows its inputs without overwriting the saved ones; back to my saved inputs', async () => {
    await withContext(async (context) => {
      const { page, problems } = await openPage(context, site);
      await page.goto(url('C12.3'));
      let root = await calculator(page, 'C12.3');
      await cell(root, 'C12.3', 0, 'name').fill('MY SAVED LINE');
      await expect.poll(async () => (await stored(page, 'C12.3')) ?? '').toContain('MY SAVED LINE');
      const saved = await stored(page, 'C12.3');

      // A link with a field only: shows it, keeps the saved rows, leaves storage alone.
      await page.goto(url('C12.3', '?C12.3.shiftShare=20'));
      root = await calculator(page, 'C12.3');
      await expect.poll(() => root.locator('input[name="shiftShare"]').inputValue()).toBe('20');
      expect(await cell(root, 'C12.3', 0, 'name').inputValue()).toBe('MY SAVED LINE');
      const notice = root.locator('[data-notice="link"] p');
      await expect.poll(() => notice.innerText()).toBe(`${interpolate(kit.linkShown, { names: strings[language.locale].calculators['C12.3'].fields.shiftShare })} ${kit.linkKeepsSaved}`);
      expect(await stored(page, 'C12.3')).toBe(saved);

      // A link with other rows: shown, storage untouched; a later plain visit restores the saved rows.
      const rowsParam = JSON.stringify([['name', 'spend', 'grossReturn'], ['LINK LINE', '100', '150'], ['LINK TWO', '200', '150']]);
      await page.goto(url('C12.3', `?${new URLSearchParams({ 'C12.3.rows': rowsParam })}`));
      root = await calculator(page, 'C12.3');
      await expect.poll(() => cell(root, 'C12.3', 0, 'name').inputValue()).toBe('LINK LINE');
      expect(await bodyRows(root).count()).toBe(2);
      await expect.poll(() => root.locator('[data-notice="link"]').innerText()).toContain(kit.rowsName);
      const linkNotice = await root.locator('[data-notice="link"] p').innerText();
      expect(linkNotice, linkNotice).toBe(`${interpolate(kit.linkShown, { names: kit.rowsName })} ${kit.linkKeepsSaved}`);
      expect(await stored(page, 'C12.3')).toBe(saved);
      await page.goto(url('C12.3'));
      root = await calculator(page, 'C12.3');
      await expect.poll(() => cell(root, 'C12.3', 0, 'name').inputValue()).toBe('MY SAVED LINE');

      // Back to my saved inputs, from a link visit.
      await page.goto(url('C12.3', `?${new URLSearchParams({ 'C12.3.rows': rowsParam })}`));
      root = await calculator(page, 'C12.3');
      await expect.poll(() => cell(root, 'C12.3', 0, 'name').inputValue()).toBe('LINK LINE');
      await root.locator('button[data-action="back-to-saved"]').click();
      await expect.poll(() => cell(root, 'C12.3', 0, 'name').inputValue()).toBe('MY SAVED LINE');
      expect(await stored(page, 'C12.3')).toBe(saved);

      // Editing a link's inputs makes them the saved ones.
      await page.goto(url('C12.3', `?${new URLSearchParams({ 'C12.3.rows': rowsParam })}`));
      root = await calculator(page, 'C12.3');
      await expect.poll(() => cell(root, 'C12.3', 0, 'name').inputValue()).toBe('LINK LINE');
      await cell(root, 'C12.3', 1, 'name').fill('EDITED');
      await expect.poll(async () => (await stored(page, 'C12.3')) ?? '').toContain('EDITED');
      expect(problems.pageErrors).toEqual([]);
    });
  });

  it('4. a GBK file with Chinese headers imports the right names (and a non-text file is refused)', async () => {
    await withContext(async (context) => {
      const { page } = await openPage(context, site);
      await page.goto(url('C12.3'));
      const root = await calculator(page, 'C12.3');
      const zh = strings['zh-CN'].calculators['C12.3'].columns;
      const csv = `${zh.name},${zh.spend},${zh.grossReturn}\r\n数字广告,120000,180000\r\n线下活动,80000,60000\r\n`;
      const gbk = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: csv });
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow(); // really not UTF-8
      await root.locator('input[data-action="import-file"]').setInputFiles({ name: '预算.csv', mimeType: 'text/csv', buffer: gbk });
      await expect.poll(() => root.locator('[data-import-status]').getAttribute('data-import-status')).toBe('ok');
      expect(await cell(root, 'C12.3', 0, 'name').inputValue()).toBe('数字广告');
      expect(await cell(root, 'C12.3', 1, 'name').inputValue()).toBe('线下活动');
      expect(await cell(root, 'C12.3', 1, 'grossReturn').inputValue()).toBe('60000');

      await root.locator('input[data-action="import-file"]').setInputFiles({ name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x42, 0x00]) });
      await expect.poll(() => root.locator('[data-import-status]').getAttribute('data-import-status')).toBe('error');
      expect(await root.locator('[data-import-status]').innerText()).toBe(strings[language.locale].messages['csv.unknownEncoding']);
      expect(await cell(root, 'C12.3', 0, 'name').inputValue()).toBe('数字广告');
    });
  });

  it('5. a cell echoes what it was read as when that differs from the text', async () => {
    await withContext(async (context) => {
      const { page } = await openPage(context, site);
      await page.goto(url('C12.3'));
      const root = await calculator(page, 'C12.3');
      await cell(root, 'C12.3', 0, 'spend').fill('1.000');
      const echoId = `${(await cell(root, 'C12.3', 0, 'spend').getAttribute('id'))!}-echo`;
      await expect.poll(() => root.locator(`#${echoId}`).innerText()).toBe(interpolate(kit.understood, { value: '1' }));
      await cell(root, 'C12.3', 0, 'spend').fill('1,000');
      await expect.poll(() => root.locator(`#${echoId}`).innerText()).toBe(interpolate(kit.understood, { value: language.digits(1000) }));
      await cell(root, 'C12.3', 0, 'spend').fill('1000');
      await expect.poll(() => root.locator(`#${echoId}`).count()).toBe(0);
    });
  });

  it('8. link notices are exact, deduplicated and short', async () => {
    await withContext(async (context) => {
      const { page } = await openPage(context, site);
      const many = new URLSearchParams();
      for (let i = 0; i < 500; i++) many.append(`C12.3.unknown${i}`, '1'); // as many as the server takes in a URL
      many.append('C12.3.rows', 'not,rows"');
      many.append('C12.3.rows', 'again"');
      await page.goto(url('C12.3', `?${many}`));
      const root = await calculator(page, 'C12.3');
      const notice = root.locator('[data-notice="link"]');
      await expect.poll(() => notice.count()).toBe(1);
      const text = await notice.innerText();
      expect(text.length).toBeLessThan(300);
      expect(text).toContain(interpolate(kit.andMore, { names: 'unknown0, unknown1, unknown2', count: 498 }));
      // Not inside a live region: a long notice is never read out on every change.
      expect(await notice.evaluate((el) => !!el.closest('[role="status"], [role="alert"], [aria-live]'))).toBe(false);

      await page.goto(url('C12.3', '?C12.3.rows=%22broken&C12.3.rows=%22broken'));
      const root2 = await calculator(page, 'C12.3');
      const broken = await root2.locator('[data-notice="link"] p').innerText();
      expect(broken).toBe(interpolate(kit.ignoredFromLink, { names: kit.rowsName }));
    });
  });

  it('hydration: text typed into the server-rendered inputs before the island is live is kept (4× CPU)', async () => {
    await withContext(async (context) => {
      const { page } = await openPage(context, site);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      // Hold the site's scripts until the reader has typed: the island is certainly not live yet.
      let release: () => void = () => {};
      const typed = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/_astro/**/*.js', async (route) => {
        await typed;
        await route.continue();
      });
      // Module scripts hold back DOMContentLoaded, so wait only for the response: the HTML streams in.
      await page.goto(url('C12.3'), { waitUntil: 'commit' });
      const input = page.locator('[data-calculator="C12.3"] input[name="shiftShare"]');
      await input.waitFor();
      expect(await input.evaluate((el) => !!el.closest('astro-island[ssr]'))).toBe(true);
      const initial = await input.inputValue();
      await input.click();
      await input.press('End');
      await page.keyboard.type('5');
      const nameCell = page.locator('#C12-3-rows-0-name');
      await nameCell.fill('TYPED EARLY');
      expect(await input.evaluate((el) => !!el.closest('astro-island[ssr]'))).toBe(true);
      release();
      const root = await calculator(page, 'C12.3');
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      // Kept after hydration, read, and saved.
      await expect.poll(() => root.locator('input[name="shiftShare"]').inputValue()).toBe(`${initial}5`);
      expect(await cell(root, 'C12.3', 0, 'name').inputValue()).toBe('TYPED EARLY');
      await expect.poll(async () => (await stored(page, 'C12.3')) ?? '').toContain(`"shiftShare":"${initial}5"`);
      expect(await stored(page, 'C12.3')).toContain('TYPED EARLY');
    });
  });
});

describe('k-means data sets', () => {
  /** n rows × d numeric columns of deterministic pseudo-random numbers. */
  function csvOf(rows: number, columns: number): string {
    let state = 42;
    const random = () => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state / 2_147_483_648;
    };
    const header = Array.from({ length: columns }, (_, j) => `v${j + 1}`).join(',');
    const body = Array.from({ length: rows }, (_, i) => Array.from({ length: columns }, (_, j) => ((i % 4) * 10 + j + random() * 3).toFixed(2)).join(','));
    return `${header}\n${body.join('\n')}\n`;
  }

  it('6. wide data (1,500 × 200) is clustered in the worker, with progress shown', { timeout: 180_000 }, async () => {
    await withContext(async (context) => {
      const { page } = await openPage(context, site);
      const workers: string[] = [];
      page.on('worker', (worker) => workers.push(worker.url()));
      await page.goto(`${site.url}chapters/03-segmentation/`);
      const root = await calculator(page, 'C03.3');
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { __progress: string[] }).__progress = seen;
        const calc = document.querySelector('[data-calculator="C03.3"]')!;
        new MutationObserver(() => {
          const value = calc.querySelector('[data-progress]')?.getAttribute('data-progress');
          if (value != null && seen.at(-1) !== value) seen.push(value);
        }).observe(calc, { subtree: true, childList: true, attributes: true });
      });
      await root.locator('input[data-action="import-file"]').setInputFiles({ name: 'wide.csv', mimeType: 'text/csv', buffer: Buffer.from(csvOf(1_500, 200)) });
      await expect.poll(() => root.locator('[data-data-status]').innerText(), { timeout: 30_000 }).toContain('1,500');
      await expect.poll(async () => (await root.locator('[data-progress]').count()) === 0 && (await root.locator('[data-result="clusters"]').count()) === 1, { timeout: 150_000, interval: 250 }).toBe(true);
      expect(workers.some((u) => /kmeans\.worker/.test(u))).toBe(true);
      expect((await page.evaluate(() => (window as unknown as { __progress: string[] }).__progress)).length).toBeGreaterThan(0);
      expect(await root.locator('[data-issue="c03_3.workerFailed"]').count()).toBe(0);
    });
  });

  it('7. a 20,000-row data set survives a keystroke and a reload; undo restores it', { timeout: 180_000 }, async () => {
    await withContext(async (context) => {
      const { page } = await openPage(context, site);
      await page.goto(`${site.url}chapters/03-segmentation/`);
      let root = await calculator(page, 'C03.3');
      await root.locator('input[data-action="import-file"]').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(csvOf(20_000, 6)) });
      const status = () => root.locator('[data-data-status]').innerText();
      await expect.poll(status, { timeout: 30_000 }).toContain('20,000');
      // Held apart: no text box holds the data; typing in the data area cannot erase it.
      await expect.poll(() => root.locator('[data-data-held]').count()).toBe(1);
      expect(await root.locator('textarea[name="data"]').count()).toBe(0);
      await root.locator('button[data-action="replace-data"]').click();
      await root.locator('#C03-3-replace').type('x');
      expect(await status()).toContain('20,000');
      await page.reload();
      root = await calculator(page, 'C03.3');
      await expect.poll(status, { timeout: 30_000 }).toContain('20,000');
      // Replacing it (the sample) can be undone.
      await root.locator('button[data-action="use-sample"]').click();
      await expect.poll(status).not.toContain('20,000');
      await root.locator('button[data-action="undo-data"]').click();
      await expect.poll(status, { timeout: 30_000 }).toContain('20,000');
      // Edit as text shows the whole data set.
      await root.locator('button[data-action="edit-data"]').click();
      expect((await root.locator('textarea[name="data"]').inputValue()).split('\n').length).toBeGreaterThan(20_000);
    });
  });
});

function interpolate(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_m, key: string) => String(params[key] ?? `{${key}}`));
}
