/**
 * My plan (issue 15), on the production build, in both languages: work typed into C05.1 and saved
 * in C03.1, C12.1 and C13.1 shows on the plan page with its figures, source scenario and links; the
 * plan file exported, storage cleared and the file imported gives the same plan; a conflicting
 * import shows the differing inputs before anything changes, and cancelling leaves storage as it
 * was; a file that is not a plan file is refused with a message. One browser context per language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { strings } from '~/i18n';
import { CALCULATOR_PAGES } from '~/data/calculator-pages';
import { createFormatter, interpolate } from '~/lib/kit/format';
import { axeViolations, badNumbersOnPage, downloadBytes, launchBrowser, openPage, serveSite, type Site } from './harness';
import { BREAK_EVEN_UNITS, planReady, PRICE, RISK_LOSS, RISK_NAME, SOM, STORE, writeStore } from './plan-fixture';

let browser: Browser;
let site: Site;
let subSite: Site;

beforeAll(async () => {
  browser = await launchBrowser();
  site = await serveSite('dist');
  subSite = await serveSite('dist-sub', '/playbook/');
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await subSite?.close();
});

const LANGUAGES = [
  { lang: 'en', locale: 'en', prefix: '', name: 'en' },
  { lang: 'zh-CN', locale: 'zh-CN', prefix: 'zh-cn/', name: 'zh' },
] as const;

const storeSnapshot = (page: Page) =>
  page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('mpp:')).sort().map((k) => [k, localStorage.getItem(k)])));
const blockText = (page: Page, id: string) => page.locator(`[data-plan-block="${id}"]`).innerText();

describe.each(LANGUAGES)('My plan in $lang', ({ locale, prefix, name: lang }) => {
  const ui = strings[locale];
  const s = ui.plan;
  const f = createFormatter(locale, locale === 'en' ? 'USD' : 'CNY');

  it('assembles the plan from the calculators used; the plan file round-trips; a conflicting import is previewed and can be cancelled', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    try {
      const { page, problems } = await openPage(context, site);

      // Typed into C05.1's island on its own page.
      await page.goto(`${site.url}${prefix}calculators/c05-1/`);
      const calc = page.locator('[data-calculator="C05.1"]');
      await calc.scrollIntoViewIfNeeded();
      await expect.poll(() => calc.evaluate((el) => !el.closest('astro-island[ssr]')), { timeout: 20_000 }).toBe(true);
      await calc.locator('#C05-1-material').fill('30');
      await expect.poll(async () => (await page.evaluate(() => localStorage.getItem('mpp:v2:calc:C05.1'))) ?? '').toContain('"material":"30"');
      // Saved as C03.1, C12.1 and C13.1 save their inputs.
      await writeStore(page, STORE);

      await page.goto(`${site.url}${prefix}plan/`);
      await planReady(page);
      const price = await blockText(page, 'C05.1');
      expect(price).toContain(f.money(PRICE));
      expect(price).toContain(f.integer(BREAK_EVEN_UNITS));
      expect(price).toContain(interpolate(s.source, { calculator: CALCULATOR_PAGES['C05.1'].name[lang], scenario: ui.kit.scenarioBase }));
      expect(await page.locator('[data-plan-block="C05.1"] .plan-source a').getAttribute('href')).toBe(`/${prefix}calculators/c05-1/`);
      expect(await blockText(page, 'C03.1')).toContain(f.money(SOM));
      const risks = await blockText(page, 'C13.1');
      expect(risks).toContain(RISK_NAME);
      expect(risks).toContain(ui.calculators['C13.1'].results.bands.high);
      expect(risks).toContain(f.money(RISK_LOSS));
      // The budget lines the reader did not rename carry the calculator's names in this language.
      expect(await blockText(page, 'C12.1')).toContain(ui.calculators['C12.1'].defaultLines[0]!);
      // A calculator not used yet: what to do next, with its link.
      const unused = page.locator('[data-plan-block="C06.1"]');
      expect(await unused.getAttribute('data-plan-used')).toBe('false');
      expect(await unused.innerText()).toContain(s.notUsed);
      expect(await unused.locator('a').getAttribute('href')).toBe(`/${prefix}calculators/c06-1/`);
      expect(await page.locator('#plan-plan-objectives').inputValue()).toBe('Reach 15% share of the mid-range segment by 2028.');
      // The reader's positioning statement is saved as typed.
      await page.locator('#plan-plan-positioning').fill('For | teams, "X" is =1+1');
      await expect.poll(() => page.evaluate(() => localStorage.getItem('mpp:v2:text:plan.positioning'))).toBe(JSON.stringify({ text: 'For | teams, "X" is =1+1', origin: null }));
      expect(await badNumbersOnPage(page)).toEqual([]);
      expect(await axeViolations(page, '[data-plan]')).toEqual([]);
      const plan = await page.locator('[data-plan-phase]').allInnerTexts();

      // Export the plan file, and the plan as Markdown and CSV.
      const [file] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="plan-export"]').click()]);
      const bytes = await downloadBytes(file);
      const json = JSON.parse(bytes.toString('utf8')) as { format: string; version: number; calculators: Record<string, unknown>; texts: Record<string, unknown> };
      expect(json.format).toBe('market-planning-playbook/plan');
      expect(json.version).toBe(1);
      expect(Object.keys(json.calculators).sort()).toEqual(['C03.1', 'C05.1', 'C12.1', 'C13.1']);
      const [md] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="plan-export-md"]').click()]);
      const markdown = (await downloadBytes(md)).toString('utf8');
      expect(markdown).toContain(f.money(PRICE));
      expect(markdown).toContain(RISK_NAME);
      const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="plan-export-csv"]').click()]);
      const csvText = (await downloadBytes(csv)).toString('utf8');
      expect(csvText).toContain(',67.5,');
      expect(csvText).toContain('"For | teams, ""X"" is =1+1"');

      // Clear storage: the plan is empty; import the file: the same plan.
      await page.evaluate(() => localStorage.clear());
      await page.reload();
      await planReady(page);
      expect(await page.locator('[data-plan-used="true"]').count()).toBe(0);
      await page.locator('[data-action="plan-import"]').setInputFiles({ name: 'plan.json', mimeType: 'application/json', buffer: bytes });
      const preview = page.locator('[data-plan-import]');
      await preview.waitFor();
      expect(await preview.locator('[data-import-calculator]').count()).toBe(4);
      await preview.locator('[data-action="plan-import-apply"]').click();
      await expect.poll(() => page.locator('[data-plan-status]').innerText()).toBe(s.applied);
      await planReady(page);
      expect(await page.locator('[data-plan-phase]').allInnerTexts()).toEqual(plan);
      expect(await page.locator('#plan-plan-positioning').inputValue()).toBe('For | teams, "X" is =1+1');

      // A conflicting import: the stored C05.1 changed since the export. The preview names the
      // differing input (its label, the stored and the file's text); cancelling changes nothing.
      await page.evaluate(() => {
        const record = JSON.parse(localStorage.getItem('mpp:v2:calc:C05.1')!);
        record.scenarios[0].raw.material = '40';
        localStorage.setItem('mpp:v2:calc:C05.1', JSON.stringify(record));
      });
      await page.reload();
      await planReady(page);
      // Material 40: full cost 40 + 8 + 4 + 12 = 64, price 64 × 1.25 = 80.
      expect(await blockText(page, 'C05.1')).toContain(f.money(80));
      const before = await storeSnapshot(page);
      await page.locator('[data-action="plan-import"]').setInputFiles({ name: 'plan.json', mimeType: 'application/json', buffer: bytes });
      await preview.waitFor();
      const replaced = preview.locator('[data-import-calculator="C05.1"] [data-import-kind="replaced"]');
      expect(await replaced.innerText()).toContain(interpolate(ui.planImport.inputChanged, { field: ui.calculators['C05.1'].fields.material, from: '40', to: '30' }));
      expect(await preview.locator('[data-import-calculator="C13.1"] [data-import-kind="same"]').count()).toBe(1);
      await preview.locator('[data-action="plan-import-cancel"]').click();
      await expect.poll(() => page.locator('[data-plan-status]').innerText()).toBe(s.cancelled);
      expect(await preview.count()).toBe(0);
      expect(await storeSnapshot(page)).toEqual(before);
      expect(await blockText(page, 'C05.1')).toContain(f.money(80));

      // Not a plan file, and a newer one: refused with a message, nothing changed.
      await page.locator('[data-action="plan-import"]').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"__proto__":{"x":1},"format":"other"}') });
      await expect.poll(() => page.locator('[data-plan-status]').innerText()).toBe(s.problems.notPlan);
      const newer = Buffer.from(JSON.stringify({ ...json, version: 2 }));
      await page.locator('[data-action="plan-import"]').setInputFiles({ name: 'new.json', mimeType: 'application/json', buffer: newer });
      await expect.poll(() => page.locator('[data-plan-status]').innerText()).toBe(s.problems.newerVersion);
      // 10 MB: refused as too large, the page keeps working.
      const huge = Buffer.alloc(10_000_000, 0x20);
      huge.write(`{"format":"market-planning-playbook/plan","version":1,"texts":{"a":{"text":"`);
      await page.locator('[data-action="plan-import"]').setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: huge });
      await expect.poll(() => page.locator('[data-plan-status]').innerText()).toBe(s.problems.tooLarge);
      expect(await storeSnapshot(page)).toEqual(before);
      expect(await blockText(page, 'C05.1')).toContain(f.money(80));

      expect(problems.pageErrors).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
      expect(problems.cspViolations).toEqual([]);
      expect(problems.foreignRequests).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('My plan under a sub-path (base /playbook/)', () => {
  it('links to the calculators and previews an import under the base', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const { page, problems } = await openPage(context, subSite);
      await page.goto(`${subSite.url}plan/`);
      await writeStore(page, STORE);
      await page.reload();
      await planReady(page);
      expect(await page.locator('[data-plan-block="C13.1"] .plan-source a').getAttribute('href')).toBe('/playbook/calculators/c13-1/');
      expect(await page.locator('[data-plan-block="C06.1"] a').getAttribute('href')).toBe('/playbook/calculators/c06-1/');
      const file = JSON.stringify({ format: 'market-planning-playbook/plan', version: 1, calculators: { 'C13.1': { active: 'base', scenarios: [{ id: 'base', name: null, raw: { revenue: '1000' }, rows: null }] } } });
      await page.locator('[data-action="plan-import"]').setInputFiles({ name: 'plan.json', mimeType: 'application/json', buffer: Buffer.from(file) });
      const replaced = page.locator('[data-plan-import] [data-import-calculator="C13.1"] [data-import-kind="replaced"]');
      // The preview's labels come from /playbook/plan-labels.json.
      expect(await replaced.innerText()).toContain(interpolate(strings.en.planImport.inputChanged, { field: strings.en.calculators['C13.1'].fields.revenue, from: '50000000', to: '1000' }));
      await page.locator('[data-action="plan-import-cancel"]').click();
      expect(problems.pageErrors).toEqual([]);
      expect(problems.failedRequests).toEqual([]);
      expect(problems.cspViolations).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
