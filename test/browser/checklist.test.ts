/**
 * Saved checklists: ticks survive a reload, "Clear ticks" clears them, in both languages; blocked
 * storage still lets a reader tick (with a note); without JavaScript the checklist is a plain list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { connect, disconnect, openPage, type Site, type PageProblems } from './harness';
import { CHECKLISTS } from '~/data/checklists';
import { strings } from '~/i18n';

const KEY = 'mpp:v2:checklists'; // the store's key (src/lib/kit/store.ts)
let browser: Browser;
let site: Site;

beforeAll(async () => ({ browser, site } = await connect()));
afterAll(() => disconnect(browser, site));

const ready = (page: Page) => page.waitForSelector('mpp-checklist .checklist-tools:not([hidden])');
const ticked = (page: Page) => page.$$eval('mpp-checklist input[data-item]', (boxes) => (boxes as HTMLInputElement[]).filter((b) => b.checked).map((b) => b.dataset['item']));
const stored = (page: Page) => page.evaluate((key) => window.localStorage.getItem(key), KEY);
const clean = (problems: PageProblems) => [...problems.pageErrors, ...problems.consoleErrors, ...problems.cspViolations];

describe.each([
  ['en', 'chapters/10-customers/', strings.en.content.checklist],
  ['zh', 'zh-cn/chapters/10-customers/', strings['zh-CN'].content.checklist],
] as const)('%s chapter 10 checklist', (_lang, path, ui) => {
  it('ticks survive a reload, count in the progress line and are cleared by "Clear ticks"', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openPage(context, site);
    await page.goto(site.url + path);
    await ready(page);
    const ids = CHECKLISTS[10]!.map((i) => i.id);
    await page.click(`label[for="checklist-10-${ids[1]}"]`);
    await page.click(`label[for="checklist-10-${ids[3]}"]`);
    expect(await ticked(page)).toEqual([ids[1], ids[3]]);
    expect(JSON.parse((await stored(page))!)).toEqual({ '10': [ids[1], ids[3]] });
    const progress = ui.progress.replace('{done}', '2').replace('{total}', String(ids.length));
    expect(await page.textContent('mpp-checklist .checklist-progress')).toBe(progress);

    await page.reload();
    await ready(page);
    expect(await ticked(page)).toEqual([ids[1], ids[3]]);

    await page.getByRole('button', { name: ui.reset }).click();
    expect(await ticked(page)).toEqual([]);
    expect(JSON.parse((await stored(page))!)).toEqual({});
    await page.reload();
    await ready(page);
    expect(await ticked(page)).toEqual([]);
    expect(clean(problems)).toEqual([]);
    await context.close();
  });
});

describe('checklist edge cases', () => {
  it('a tick made in English shows on the Chinese page (shared ids), other chapters are untouched', async () => {
    const context = await browser.newContext();
    const { page } = await openPage(context, site);
    await page.goto(site.url + 'chapters/05-pricing/');
    await page.evaluate((key) => window.localStorage.setItem(key, JSON.stringify({ '1': ['keep-me'], '5': ['not-an-item'] })), KEY);
    await page.reload();
    await ready(page);
    const first = CHECKLISTS[5]![0]!.id;
    await page.click(`label[for="checklist-5-${first}"]`);
    // The unknown id of this chapter is dropped; chapter 1's entry is kept as it was.
    expect(JSON.parse((await stored(page))!)).toEqual({ '1': ['keep-me'], '5': [first] });
    await page.goto(site.url + 'zh-cn/chapters/05-pricing/');
    await ready(page);
    expect(await ticked(page)).toEqual([first]);
    await context.close();
  });

  it('garbage in the key is ignored', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openPage(context, site);
    await page.goto(site.url + 'chapters/13-risk/');
    await page.evaluate((key) => window.localStorage.setItem(key, '{not json'), KEY);
    await page.reload();
    await ready(page);
    expect(await ticked(page)).toEqual([]);
    expect(clean(problems)).toEqual([]);
    await context.close();
  });

  it('with storage blocked, ticking still works for the visit and a note says so', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      const refuse = () => {
        throw new DOMException('blocked', 'SecurityError');
      };
      Storage.prototype.getItem = refuse;
      Storage.prototype.setItem = refuse;
    });
    const { page, problems } = await openPage(context, site);
    await page.goto(site.url + 'chapters/10-customers/');
    await ready(page);
    const id = CHECKLISTS[10]![0]!.id;
    await page.click(`label[for="checklist-10-${id}"]`);
    expect(await ticked(page)).toEqual([id]);
    expect(await page.textContent('mpp-checklist .checklist-note')).toBe(strings.en.content.checklist.blocked);
    // Starlight's own theme script reports the refused storage too; none of the errors may come from the checklist.
    expect(problems.pageErrors.filter((e) => /checklist/i.test(e))).toEqual([]);
    await context.close();
  });

  it('without JavaScript the checklist is a plain list with no buttons', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.url + 'chapters/10-customers/');
    const items = await page.$$eval('mpp-checklist li', (lis) => lis.map((li) => (li as HTMLElement).innerText.trim()));
    expect(items).toEqual(CHECKLISTS[10]!.map((i) => i.en));
    expect(await page.isVisible('mpp-checklist .checklist-tools')).toBe(false);
    expect(await page.$$eval('mpp-checklist input', (boxes) => (boxes as HTMLInputElement[]).every((b) => b.disabled))).toBe(true);
    await context.close();
  });
});
