/**
 * The calculator workbench (issue 10): a change is announced as one short sentence with labels;
 * "Load worked example" loads the chapter's example, says so and can be undone (that every
 * calculator's example differs from its defaults is a generic calculator check). The page-level
 * checks over every page (widths from 320 to 1920 px, key results in view at 1280×800, no jargon
 * inside a calculator, no live results list) are in the site sweep (site-sweep.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { connect, disconnect, type Site } from './harness';

let browser: Browser;
let site: Site;

beforeAll(async () => ({ browser, site } = await connect()));
afterAll(() => disconnect(browser, site));

describe('the workbench layout', () => {
  it('a change is announced as one short sentence with labels, not by a live list of results', { timeout: 300_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    // Typing a new material cost in C05.1 is announced once typing pauses: labels and values.
    await page.goto(`${site.url}chapters/05-pricing/`, { waitUntil: 'load' });
    const calc = page.locator('[data-calculator="C05.1"]');
    await calc.scrollIntoViewIfNeeded();
    await page.waitForSelector('astro-island:not([ssr]) [data-calculator="C05.1"]');
    const live = calc.locator('[data-summary-live]');
    await expect.poll(() => live.count()).toBe(1);
    await calc.locator('input[name="material"]').fill('40');
    await expect.poll(() => live.textContent(), { timeout: 10_000 }).toBe('Price: $80.00; Break-even volume: 2,143 units; Profit at planned volume: $80,000.00');
    await context.close();
  });

  it('"Load worked example" loads the chapter\'s example (never the same as Reset), says so, and can be undone', { timeout: 300_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${site.url}chapters/03-segmentation/`, { waitUntil: 'load' });
    const calc = page.locator('[data-calculator="C03.2"]');
    await calc.scrollIntoViewIfNeeded();
    await page.waitForSelector('astro-island:not([ssr]) [data-calculator="C03.2"]');
    const best = calc.locator('[data-result="best"] dd');
    const before = await best.innerText();
    await calc.locator('button[data-action="example"]').click();
    // The chapter's table: segment A leads at 3.82 and is the one to invest in.
    await expect.poll(() => best.innerText()).toContain('3.82');
    expect(await best.innerText()).toContain('A. Women 25–45');
    expect(await calc.locator('[data-result="decision"] tbody tr:nth-child(1)').innerText()).toContain('Invest / grow');
    await expect.poll(() => calc.locator('[data-notice="example"]').innerText()).toBe('Worked example loaded.');
    await calc.locator('button[data-action="undo"]').click();
    await expect.poll(() => best.innerText()).toBe(before);
    await expect.poll(() => calc.locator('[data-notice="undone"]').count()).toBe(1);
    await context.close();
  });
});
