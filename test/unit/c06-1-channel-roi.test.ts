import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { channelRoi, exampleChannelRows, type ChannelColumns } from '~/lib/calculators/c06-1-channel-roi';
import { isAllFinite } from '~/lib/kit/calculator';
import { readFields } from '~/lib/kit/fields';
import { readRows, type RawRow } from '~/lib/kit/rows';

function run(fields: Partial<typeof channelRoi.defaults> = {}, rows: RawRow<ChannelColumns>[] = exampleChannelRows) {
  const read = readFields(channelRoi.fields, { ...channelRoi.example, ...fields });
  return { ...channelRoi.compute(read.values, readRows(channelRoi.table!, rows)), fieldErrors: read.errors };
}
const r2 = (x: number | undefined) => (x === undefined ? undefined : Math.round(x * 100) / 100);
const r1 = (x: number | undefined) => (x === undefined ? undefined : Math.round(x * 10) / 10);

describe('C06.1 channel ROI, CAC and LTV', () => {
  it('reproduces the chapter-6 worked example', () => {
    // Direct: ROAS 1.8M/600k = 3.00; ROI (1.8M·40% − 600k)/600k = 20%; CAC 600k/150 = 4,000; m = 8,000·2·40% = 6,400;
    // LTV = Σ_{t<5} 6,400·(0.85/1.1)^t = 20,401.75; LTV/CAC = 5.10; payback 4,000/(6,400/12) = 7.5 months.
    const { results, issues } = run();
    const [direct, distribution, ecommerce] = results.channels!;
    expect([r2(direct!.roas), r2(direct!.roi), r2(direct!.cac), r2(direct!.marginPerCustomer), r2(direct!.ltv), r2(direct!.ltvToCac), r1(direct!.paybackMonths)])
      .toEqual([3, 0.2, 4000, 6400, 20401.75, 5.1, 7.5]);
    expect([r2(distribution!.roas), r2(distribution!.roi), r2(distribution!.cac), r2(distribution!.marginPerCustomer), r2(distribution!.ltv), r2(distribution!.ltvToCac), r1(distribution!.paybackMonths)])
      .toEqual([5, 0.25, 800, 2000, 5359.53, 6.7, 4.8]);
    expect([r2(ecommerce!.roas), r2(ecommerce!.roi), r2(ecommerce!.cac), r2(ecommerce!.marginPerCustomer), r2(ecommerce!.ltv), r2(ecommerce!.ltvToCac), r1(ecommerce!.paybackMonths)])
      .toEqual([3, 0.35, 100, 405, 784.69, 7.85, 3]);
    // Two rankings: distribution leads on sales per unit cost, direct sales on LTV; direct and e-commerce tie at 3.00.
    expect(results.rankingBySales).toEqual([1, 0, 2]);
    expect([direct!.salesRank, distribution!.salesRank, ecommerce!.salesRank]).toEqual([2, 1, 2]);
    expect(results.rankingByLtv).toEqual([0, 1, 2]);
    expect(results.sameLeader).toBe(false);
    expect(issues).toEqual([{ severity: 'info', code: 'c06_1.leadersDiffer' }]);
    expect(results.totalSpend).toBe(1_300_000);
    expect(r2(results.overallRoas)).toBe(3.62); // 4.7M / 1.3M
    expect(results.bubbles!.map((b) => r2(b.relativeRadius))).toEqual([1, r2(Math.sqrt(400 / 600)), r2(Math.sqrt(300 / 600))]);
  });

  it('guards zero spend, zero new customers and a zero margin per row, keeping the other results', () => {
    const rows = exampleChannelRows.map((x) => ({ ...x }));
    rows[0] = { ...rows[0]!, spend: '0' };
    rows[1] = { ...rows[1]!, newCustomers: '0' };
    rows[2] = { ...rows[2]!, grossMargin: '0' };
    const { results, issues } = run({}, rows);
    const [a, b, c] = results.channels!;
    expect(a!.roas).toBeUndefined();
    expect(a!.cac).toBe(0);
    expect(a!.ltvToCac).toBeUndefined();
    expect(a!.ltv).toBeCloseTo(20401.75, 2);
    expect(b!.cac).toBeUndefined();
    expect(b!.roas).toBe(5);
    expect(c!.paybackMonths).toBeUndefined();
    expect(c!.ltv).toBe(0);
    expect(issues).toEqual(expect.arrayContaining([
      expect.objectContaining({ row: 0, code: 'c06_1.zeroSpend' }),
      expect.objectContaining({ row: 0, code: 'c06_1.zeroCac' }),
      expect.objectContaining({ row: 1, code: 'c06_1.noNewCustomers' }),
      expect.objectContaining({ row: 2, code: 'c06_1.noMargin' }),
    ]));
  });

  it('an unreadable cell or field blanks only what needs it', () => {
    const rows = exampleChannelRows.map((x) => ({ ...x }));
    rows[1] = { ...rows[1]!, retention: 'lots' };
    const { results, issues } = run({ horizon: 'x' }, rows);
    expect(results.channels![0]!.ltv).toBeUndefined(); // horizon unreadable
    expect(results.channels![0]!.roas).toBe(3);
    expect(issues).toContainEqual(expect.objectContaining({ row: 1, code: 'c06_1.rowIncomplete' }));
    expect(run({ horizon: '0' }).fieldErrors.horizon).toBeDefined();
  });

  it('warns when there are no channels', () => {
    expect(run({}, []).issues).toContainEqual(expect.objectContaining({ code: 'c06_1.noChannels' }));
  });

  it('accepts 200 channels', () => {
    const rows = Array.from({ length: 200 }, (_, i) => ({ ...exampleChannelRows[i % 3]!, spend: String(1000 + i) }));
    expect(run({}, rows).results.channels).toHaveLength(200);
  });
});

describe('C06.1 properties (fast-check)', () => {
  const num = (max: number) => fc.double({ min: 0, max, noNaN: true }).map(String);
  const channel = fc.record({
    name: fc.string({ maxLength: 10 }),
    spend: num(1e12), revenue: num(1e12), grossMargin: num(100), newCustomers: fc.integer({ min: 0, max: 1e9 }).map(String),
    orderValue: num(1e12), ordersPerYear: num(10_000), retention: num(100),
  });

  it('finite results; LTV rises with retention; ranks start at 1', () => {
    fc.assert(
      fc.property(fc.array(channel, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true }), (rows, horizon, d) => {
        const { results } = run({ horizon: String(horizon), discountRate: String(d) }, rows);
        expect(isAllFinite(results)).toBe(true);
        const ranks = results.channels!.map((c) => c.salesRank).filter((x) => x !== undefined);
        if (ranks.length) expect(Math.min(...ranks)).toBe(1);
        const higher = run({ horizon: String(horizon), discountRate: String(d) }, rows.map((x) => ({ ...x, retention: String(Math.min(100, Number(x.retention) + 10)) })));
        results.channels!.forEach((c, i) => {
          const h = higher.results.channels![i]!.ltv;
          if (c.ltv !== undefined && h !== undefined && c.ltv >= 0) expect(h).toBeGreaterThanOrEqual(c.ltv * (1 - 1e-12));
        });
      }),
      { numRuns: 200 },
    );
  });

  it('random text in any field or cell gives a message, never an exception', () => {
    const cols = Object.keys(channelRoi.table!.columns) as (keyof ChannelColumns)[];
    fc.assert(
      fc.property(fc.constantFrom(...cols), fc.string({ maxLength: 70 }), fc.constantFrom('discountRate', 'horizon'), (col, text, field) => {
        const rows = exampleChannelRows.map((x) => ({ ...x, [col]: text }));
        const { results } = run({ [field]: text }, rows);
        expect(isAllFinite(results)).toBe(true);
        const fields = readFields(channelRoi.fields, { ...channelRoi.example, [field]: text });
        expect(fields.values[field as 'horizon'] !== undefined || fields.errors[field as 'horizon'] !== undefined).toBe(true);
        const read = readRows(channelRoi.table!, rows)[0]!;
        expect(read.values[col] !== undefined || read.errors[col] !== undefined).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
