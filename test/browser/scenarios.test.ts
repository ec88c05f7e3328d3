/**
 * Scenarios (issue 15), on the production build, in both languages, in C05.1: save two scenarios,
 * compare them (differing inputs marked, key results with absolute and relative differences),
 * reload keeps the scenarios and the active one, a link naming an unknown scenario leaves the
 * store alone, two tabs of one browser follow each other's edits and switches, and a full storage
 * is reported with the saved data offered as a file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { strings } from '~/i18n';
import { axeViolations, badNumbersOnPage, connect, disconnect, downloadBytes, openPage, type Site } from './harness';

let browser: Browser;
let site: Site;

beforeAll(async () => ({ browser, site } = await connect()));
afterAll(() => disconnect(browser, site));

const LANGUAGES = [
  { lang: 'en', locale: 'en', path: 'calculators/c05-1/', second: 'Aggressive' },
  { lang: 'zh-CN', locale: 'zh-CN', path: 'zh-cn/calculators/c05-1/', second: '激进方案' },
] as const;

async function calculator(page: Page): Promise<Locator> {
  const root = page.locator('[data-calculator="C05.1"]');
  await root.scrollIntoViewIfNeeded();
  await expect.poll(() => root.evaluate((el) => !el.closest('astro-island[ssr]')), { timeout: 20_000 }).toBe(true);
  return root;
}
const shownName = (root: Locator) => root.locator('[data-scenario-name]').textContent();
const stored = (page: Page) => page.evaluate(() => localStorage.getItem('mpp:v2:calc:C05.1'));
const field = (root: Locator, key: string) => root.locator(`#C05-1-${key}`);

describe.each(LANGUAGES)('scenarios in $lang', (language) => {
  const kit = strings[language.locale].kit;
  const url = (query = '') => `${site.url}${language.path}${query}`;

  it('save two, compare them, reload keeps them; a link names its scenario without touching saved work; two tabs follow each other', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    try {
      const { page, problems } = await openPage(context, site);
      await page.goto(url());
      const root = await calculator(page);
      // A reader who never touches scenarios sees one compact control, named "Base".
      expect(await shownName(root)).toBe(kit.scenarioBase);
      expect(await root.locator('[data-scenarios]').count()).toBe(0);

      await field(root, 'material').fill('30');
      await expect.poll(async () => (await stored(page)) ?? '').toContain('"material":"30"');

      // Open the menu (a lazily loaded chunk), save the inputs as a second scenario, change it.
      await root.locator('[data-action="scenarios"]').click();
      const panel = root.locator('[data-scenarios]');
      await panel.locator('[data-action="scenario-save-as"]').waitFor();
      expect(await root.locator('[data-action="scenarios"]').getAttribute('aria-expanded')).toBe('true');
      await panel.locator('#C05-1-scenario-new').fill(language.second);
      await panel.locator('[data-action="scenario-save-as"]').click();
      await expect.poll(() => shownName(root)).toBe(language.second);
      expect(await panel.locator('[data-scenario-status]').textContent()).toContain(language.second);
      await field(root, 'markup').fill('50');
      await expect.poll(() => page.evaluate(() => new URL(location.href).searchParams.get('C05.1.scenario'))).toBe(language.second);

      // Compare: full cost 30 + 8 + 4 + 60,000 / 5,000 = 54; price 54 × 1.25 = 67.5 against 54 × 1.5 = 81: +13.5, +20%.
      await panel.locator(`[data-compare="${kit.scenarioBase}"]`).check();
      await panel.locator(`[data-compare="${language.second}"]`).check();
      const table = panel.locator('[data-compare-table]');
      await table.waitFor();
      expect(await table.locator('caption').textContent()).toContain(kit.scenarioBase);
      expect(await table.locator('tr[data-compare-input="markup"]').getAttribute('class')).toContain('calc-compare-differs');
      expect(await table.locator('tr[data-compare-input="material"]').getAttribute('class')).toBeNull();
      expect(await table.locator('tr[data-compare-input="markup"]').textContent()).toContain(strings[language.locale].scenarios.compareDiffers);
      const price = table.locator('tr[data-compare-result="price"] td');
      expect(await price.nth(0).getAttribute('data-value')).toBe('67.5');
      expect(await price.nth(1).getAttribute('data-value')).toBe('81');
      const diff = price.nth(1).locator('.calc-compare-diff');
      expect(Number(await diff.getAttribute('data-absolute'))).toBeCloseTo(13.5, 9);
      expect(Number(await diff.getAttribute('data-relative'))).toBeCloseTo(0.2, 9);
      expect(await diff.textContent()).toContain('+20.0%');
      // The choice is shown by its label, never its internal value.
      expect(await table.locator('tr[data-compare-input="basis"] td').first().textContent()).not.toBe('markup');
      // The key results as a share of the reference scenario, one bar per scenario, with the data as a table:
      // price 81 / 67.5 = 120%, break-even volume 1,539 / 2,353 ≈ 65%, profit 135,000 / 67,500 = 200%.
      const compareChart = panel.locator('[data-chart="compare"]');
      await compareChart.scrollIntoViewIfNeeded();
      await expect.poll(() => compareChart.getAttribute('data-chart-state'), { timeout: 20_000 }).toBe('ready');
      const chartTable = compareChart.locator('table');
      expect(await chartTable.locator('thead th').allTextContents()).toEqual([strings[language.locale].scenarios.compareKeyResults, kit.scenarioBase, language.second]);
      expect(await chartTable.locator('tbody tr').evaluateAll((rows) => rows.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)))).toEqual([
        ['100%', '120%'],
        ['100%', '65%'],
        ['100%', '200%'],
      ]);
      expect(await axeViolations(page, '[data-scenarios]')).toEqual([]);
      expect(await badNumbersOnPage(page)).toEqual([]);

      // Escape closes the menu and gives focus back to its button.
      await panel.locator('[data-action="scenario-save-as"]').focus();
      await page.keyboard.press('Escape');
      expect(await root.locator('[data-scenarios]').count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('scenarios');

      // A plain visit (no link) shows the active scenario with its inputs; both scenarios are kept.
      await page.goto(url());
      const again = await calculator(page);
      await expect.poll(() => shownName(again)).toBe(language.second);
      expect(await field(again, 'markup').inputValue()).toBe('50');
      await again.locator('[data-action="scenarios"]').click();
      await again.locator('[data-scenarios] [data-action="scenario-save-as"]').waitFor();
      expect(await again.locator('[data-scenarios] li[data-scenario]').evaluateAll((els) => els.map((el) => el.getAttribute('data-scenario')))).toEqual([kit.scenarioBase, language.second]);

      // A link naming a scenario the reader does not have: shown as from the link, the store untouched.
      const before = await stored(page);
      const { page: linkPage } = await openPage(context, site);
      await linkPage.goto(url(`?C05.1.scenario=${encodeURIComponent('Q3')}&C05.1.markup=10`));
      const linked = await calculator(linkPage);
      await expect.poll(() => shownName(linked)).toBe(kit.scenarioFromLink.replace('{name}', 'Q3'));
      expect(await linked.locator('[data-notice="link"]').textContent()).toContain(kit.scenarioParam);
      expect(await stored(linkPage)).toBe(before);
      await linkPage.close();

      // Two tabs: an edit in one shows in the other; so does a switch of scenario.
      const { page: other } = await openPage(context, site);
      await other.goto(url());
      const otherRoot = await calculator(other);
      await expect.poll(() => shownName(otherRoot)).toBe(language.second);
      await field(again, 'markup').fill('60');
      await expect.poll(() => field(otherRoot, 'markup').inputValue()).toBe('60');
      await otherRoot.locator('[data-action="scenarios"]').click();
      await otherRoot.locator(`[data-scenarios] li[data-scenario="${kit.scenarioBase}"] [data-action="scenario-show"]`).click();
      await expect.poll(() => shownName(again)).toBe(kit.scenarioBase);
      expect(await field(again, 'markup').inputValue()).toBe('25');
      expect(await field(again, 'material').inputValue()).toBe('30');
      // Last write per scenario wins; the other scenario keeps its own last write.
      await field(otherRoot, 'material').fill('31');
      await expect.poll(() => field(again, 'material').inputValue()).toBe('31');
      const record = JSON.parse((await stored(page))!) as { scenarios: { name: string | null; raw: Record<string, string> }[] };
      expect(record.scenarios.map((s) => [s.name, s.raw['material'], s.raw['markup']])).toEqual([
        [null, '31', undefined],
        [language.second, '30', '60'],
      ]);

      // Duplicate, rename (keyboard only) and delete; the copy is shown while it exists.
      const menu = strings[language.locale].scenarios;
      const list = again.locator('[data-scenarios]');
      await list.locator(`li[data-scenario="${kit.scenarioBase}"] [data-action="scenario-duplicate"]`).click();
      const copy = menu.scenarioCopyName.replace('{name}', kit.scenarioBase);
      await expect.poll(() => shownName(again)).toBe(copy);
      await list.locator(`li[data-scenario="${copy}"] [data-action="scenario-rename"]`).click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('C05-1-scenario-rename');
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type('Q4');
      await page.keyboard.press('Enter');
      await expect.poll(() => shownName(again)).toBe('Q4');
      await list.locator('li[data-scenario="Q4"] [data-action="scenario-delete"]').click();
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('scenario-delete-confirm');
      await page.keyboard.press('Enter');
      await expect.poll(() => shownName(again)).toBe(kit.scenarioBase);
      expect(await list.locator('li[data-scenario]').count()).toBe(2);

      // A full storage is said, not swallowed, with the saved data offered as a file.
      await page.evaluate(() => {
        let n = 0;
        for (const size of [1_000_000, 100_000, 10_000, 1000, 100, 10, 1]) {
          try {
            for (;;) localStorage.setItem(`filler-${n++}`, 'x'.repeat(size));
          } catch {
            /* full at this size: go on with smaller pieces */
          }
        }
        // The last few characters (too few for another key): one more character at a time on the first piece.
        try {
          for (;;) localStorage.setItem('filler-0', `${localStorage.getItem('filler-0')}x`);
        } catch {
          /* full to the last character */
        }
      });
      await field(again, 'material').fill('31000'); // longer than before: needs more room
      const full = again.locator('[data-notice="storage-full"]');
      await full.waitFor();
      expect(await full.textContent()).toContain(kit.storageFull);
      const [download] = await Promise.all([page.waitForEvent('download'), full.locator('[data-action="export-saved"]').click()]);
      const saved = JSON.parse((await downloadBytes(download)).toString('utf8')) as { version: number; calculators: Record<string, { scenarios: unknown[] }> };
      expect(saved.version).toBe(2);
      expect(saved.calculators['C05.1']!.scenarios).toHaveLength(2);
      expect(problems.pageErrors).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
      expect(problems.cspViolations).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

it('work saved in the older layout (v1 keys) is moved on the first visit and shown: inputs, currency', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const { page, problems } = await openPage(context, site);
    await page.goto(`${site.url}calculators/c05-1/`);
    await page.evaluate(() => {
      localStorage.clear();
      localStorage.setItem('mpp:v1:C05.1', JSON.stringify({ material: '17' }));
      localStorage.setItem('mpp:v1:currency', 'EUR');
    });
    await page.reload();
    const root = await calculator(page);
    // The migration code loads only now (the store holds an older layout), then the island follows the store.
    await expect.poll(() => field(root, 'material').inputValue()).toBe('17');
    await expect.poll(() => root.locator('select').first().inputValue()).toBe('EUR');
    expect(JSON.parse((await stored(page)) ?? '{}').scenarios[0].raw).toEqual({ material: '17' });
    expect(await page.evaluate(() => [localStorage.getItem('mpp:v1:C05.1'), JSON.parse(localStorage.getItem('mpp:store') ?? '{}').version])).toEqual([null, 2]);
    expect([...problems.pageErrors, ...problems.consoleErrors, ...problems.cspViolations]).toEqual([]);
  } finally {
    await context.close();
  }
});

