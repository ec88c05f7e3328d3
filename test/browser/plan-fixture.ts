/**
 * Saved work for the My plan tests (plan.test.ts, print.test.ts), written into localStorage as the
 * calculators write it, and the figures the plan must show for it, worked out by hand.
 */
import type { Page } from 'playwright-core';

const record = (raw: Record<string, string>, rows: string[][] | null = null, name: string | null = null) =>
  JSON.stringify({ active: 'base', scenarios: [{ id: 'base', name, raw, rows: rows ? JSON.stringify(rows) : null }] });

/** C13.1: one named risk on a revenue of 50,000,000: P 70% → level 4, impact 16% → level 4, score 16 (high), expected loss 0.7 × 0.16 × 50,000,000. */
export const RISK_NAME = 'Port strike at Ningbo';
export const RISK_LOSS = 5_600_000;
/** C05.1 with material 30: full cost 30 + 8 + 4 + 60,000 / 5,000 = 54; price 54 × 1.25 = 67.5; break-even 60,000 / (67.5 − 42) = 2,352.9 → 2,353. */
export const PRICE = 67.5;
export const BREAK_EVEN_UNITS = 2353;
/** C03.1 top-down: a category of 2,000,000,000, 40% serviceable, 5% obtainable → SAM 800,000,000, SOM 40,000,000. */
export const SOM = 40_000_000;
/** C12.1: 10,000,000 with the default lines and 10% held back: 9,000,000 to allocate. */
export const BUDGET_TOTAL = '10000000';

export const STORE: Record<string, string> = {
  'mpp:store': JSON.stringify({ version: 2 }),
  'mpp:v2:calc:C03.1': record({ method: 'topDown', categoryValue: '2000000000', segmentShare: '100', serviceable: '40', obtainable: '5' }),
  'mpp:v2:calc:C12.1': record({ totalBudget: BUDGET_TOTAL, reserve: '10' }),
  'mpp:v2:calc:C13.1': record({ revenue: '50000000' }, [
    ['name', 'category', 'probability', 'probabilityLevel', 'impact', 'impactLevel', 'owner'],
    [RISK_NAME, 'supplyChain', '70', '', '16', '', 'COO'],
  ]),
  'mpp:v2:text:plan.objectives': JSON.stringify({ text: 'Reach 15% share of the mid-range segment by 2028.', origin: null }),
};

/** Every other block's calculator used with its defaults: the fullest plan, for the page-count check. */
export const FULL_STORE: Record<string, string> = {
  ...STORE,
  'mpp:v2:calc:C05.1': record({ material: '30' }),
  'mpp:v2:calc:C01.1': record({ horizon: '5' }, null),
  'mpp:v2:calc:C06.1': record({ discountRate: '12' }),
  'mpp:v2:calc:C14.1': record({ elapsed: '50' }),
  'mpp:v2:calc:C13.3': record({ escalationHours: '4' }),
  'mpp:v2:text:plan.positioning': JSON.stringify({ text: 'For busy families, Brand X is the kitchen appliance that cleans itself, because of its patented coating.', origin: null }),
};

/** Writes `entries` into the page's localStorage (the page must be on the site's origin). */
export async function writeStore(page: Page, entries: Record<string, string>): Promise<void> {
  await page.evaluate((all) => {
    for (const [key, value] of Object.entries(all)) localStorage.setItem(key, value);
  }, entries);
}

/** Waits until the plan island has hydrated and every block has been computed. */
export async function planReady(page: Page): Promise<void> {
  await page.locator('[data-plan][data-plan-ready="true"]').waitFor({ timeout: 30_000 });
}
