import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSegmentMap, exampleRfmRows, rfmScorer, segmentOf, syntheticTransactions, type RfmColumns } from '~/lib/calculators/c08-1-rfm';
import { isAllFinite } from '~/lib/kit/calculator';
import { readFields } from '~/lib/kit/fields';
import { readRows, type RawRow } from '~/lib/kit/rows';

// The kit refuses magnitudes below 1e-9 as too small (tested with the kit): typed values round them to 0.
const typable = (x: number) => (Math.abs(x) < 1e-9 ? 0 : x);

function run(fields: Partial<typeof rfmScorer.example> = {}, rows: RawRow<RfmColumns>[] = exampleRfmRows) {
  const read = readFields(rfmScorer.fields, { ...rfmScorer.example, ...fields });
  return { ...rfmScorer.compute(read.values, readRows(rfmScorer.table!, rows)), fieldErrors: read.errors };
}

describe('C08.1 RFM scorer', () => {
  it('reproduces the chapter-8 worked example: cells and segments', () => {
    const { results, issues } = run();
    const c = results.customers!;
    expect(c.map((x) => x.recencyDays)).toEqual([5, 40, 12, 200, 25, 90, 3, 60, 150, 30]);
    expect(c.map((x) => x.cell)).toEqual([555, 322, 444, 111, 443, 222, 555, 233, 111, 334]);
    expect(c.map((x) => x.segment)).toEqual([
      'champions', 'needsAttention', 'champions', 'hibernating', 'champions',
      'hibernating', 'champions', 'atRisk', 'hibernating', 'needsAttention',
    ]);
    // The four Champions spend 17,200 of 21,940 (78.4%).
    const champions = results.segments!.find((s) => s.segment === 'champions')!;
    expect(champions.customers).toBe(4);
    expect(champions.revenue).toBe(17200);
    expect(results.totalSpend).toBe(21940);
    expect(Math.round(champions.revenueShare! * 1000) / 10).toBe(78.4);
    expect(results.segments!.map((s) => s.customers)).toEqual([4, 1, 0, 0, 3, 2]);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c08_1.smallSample', params: { count: 10 } }));
    // Grid: C01 and C07 share R5·F5.
    expect(results.grid!.find((g) => g.r === 5 && g.f === 5)).toEqual({ r: 5, f: 5, customers: 2, meanMonetary: 6300 });
  });

  it('applies the segment map in order, first match wins, and the cut-offs are editable', () => {
    expect(segmentOf(5, 5, defaultSegmentMap)).toBe('champions');
    expect(segmentOf(2, 5, defaultSegmentMap)).toBe('atRisk'); // not Loyal: At risk comes first
    expect(segmentOf(3, 4, defaultSegmentMap)).toBe('loyal');
    expect(segmentOf(5, 1, defaultSegmentMap)).toBe('promising');
    expect(segmentOf(1, 1, defaultSegmentMap)).toBe('hibernating');
    expect(segmentOf(3, 3, defaultSegmentMap)).toBe('needsAttention');
    const { results } = run({ championsMinR: '5', championsMinF: '5' });
    expect(results.customers!.filter((x) => x.segment === 'champions').map((x) => x.customer)).toEqual(['C01', 'C07']);
  });

  it('aggregates raw transactions per customer and echoes day-first and Excel dates', () => {
    const rows: RawRow<RfmColumns>[] = [
      { customer: 'A', date: '2026-06-01', orders: '', amount: '100' },
      { customer: 'A', date: '05.06.2026', orders: '', amount: '50' }, // 5 June, day first
      { customer: 'B', date: '46150', orders: '', amount: '70' }, // Excel serial = 2026-05-08
      { customer: 'C', date: '2026/4/1', orders: '', amount: '20' },
      { customer: 'D', date: '2026-06-20', orders: '', amount: '300' },
      { customer: 'E', date: '2026-01-02', orders: '', amount: '10' },
      { customer: 'E', date: '2026-01-03', orders: '', amount: '-10' },
    ];
    const { results, issues } = run({ source: 'transactions', analysisDate: '2026-06-30' }, rows);
    const a = results.customers!.find((x) => x.customer === 'A')!;
    expect([a.orders, a.spend, a.recencyDays]).toEqual([2, 150, 25]);
    expect(results.customers!.find((x) => x.customer === 'B')!.recencyDays).toBe(53);
    expect(results.customers!.find((x) => x.customer === 'E')!.spend).toBe(0);
    expect(results.dateReadings).toEqual({ yearFirst: 5, dayFirst: 1, excelSerial: 1 });
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c08_1.datesRead', params: { yearFirst: 5, dayFirst: 1, excelSerial: 1 } }));
  });

  it('uses the latest purchase when no analysis date is given, and warns about purchases after it', () => {
    const noDate = run({ analysisDate: '' });
    expect(noDate.results.analysisDay).toBe(Date.UTC(2026, 5, 27) / 864e5); // C07's last purchase
    expect(noDate.issues).toContainEqual(expect.objectContaining({ code: 'c08_1.analysisDateFromData' }));
    const early = run({ analysisDate: '2026-06-20' });
    expect(early.issues).toContainEqual(expect.objectContaining({ code: 'c08_1.purchasesAfterAnalysis', params: { count: 2 } }));
  });

  it('needs at least 5 customers; skips bad rows with a message each; refuses duplicate customers', () => {
    const few = run({}, exampleRfmRows.slice(0, 4));
    expect(few.issues).toContainEqual(expect.objectContaining({ severity: 'error', code: 'c08_1.tooFewCustomers', params: { min: 5, count: 4 } }));
    expect(few.results.customers).toBeUndefined();
    const rows = exampleRfmRows.map((x) => ({ ...x }));
    rows[0] = { ...rows[0]!, date: '31/12/2026' };
    rows[1] = { ...rows[1]!, amount: 'abc' };
    rows[2] = { ...rows[2]!, customer: 'C04' };
    rows[3] = { ...rows[3]!, orders: '' };
    const { results, issues } = run({}, rows);
    expect(issues).toEqual(expect.arrayContaining([
      expect.objectContaining({ row: 0, code: 'c08_1.badDate' }),
      expect.objectContaining({ row: 1, code: 'c08_1.rowSkipped' }),
      expect.objectContaining({ row: 3, code: 'c08_1.needOrders' }),
    ]));
    expect(results.customerCount).toBe(7);
    const dup = run({}, [...exampleRfmRows, { ...exampleRfmRows[0]! }]);
    expect(dup.issues).toContainEqual(expect.objectContaining({ row: 10, code: 'c08_1.duplicateCustomer' }));
  });

  it('scores with 3 bins and warns that the map assumes 5', () => {
    const { results, issues } = run({ bins: '3' });
    expect(Math.max(...results.customers!.map((x) => x.r))).toBe(3);
    expect(issues).toContainEqual(expect.objectContaining({ field: 'bins', code: 'c08_1.mapAssumesFiveBins' }));
  });

  it('scores 100,000 raw transactions and caps row messages (one summary for the rest)', () => {
    const rows = syntheticTransactions(100_000);
    for (let i = 0; i < 60; i++) rows[i] = { ...rows[i]!, date: 'never' };
    const started = performance.now();
    const { results, issues } = run({ source: 'transactions', analysisDate: '2026-12-31' }, rows);
    console.log(`C08.1: read + aggregate + score 100,000 transactions: ${(performance.now() - started).toFixed(0)} ms`);
    expect(results.rowsUsed).toBe(99_940);
    expect(results.customerCount).toBe(20_000);
    expect(results.segments!.reduce((a, s) => a + s.customers, 0)).toBe(20_000);
    expect(issues.filter((x) => x.code === 'c08_1.badDate')).toHaveLength(50);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c08_1.moreRowProblems', params: { count: 10 } }));
  }, 120_000); // a large input on a shared machine: a generous limit, no timing is tested
});

describe('C08.1 properties (fast-check)', () => {
  const customer = fc.record({
    day: fc.integer({ min: 19000, max: 20600 }),
    orders: fc.integer({ min: 0, max: 50 }),
    amount: fc.double({ min: 0, max: 1e9, noNaN: true }).map(typable),
  });

  it('finite results; segment counts add up to the customers; shares add up to 1', () => {
    fc.assert(
      fc.property(fc.array(customer, { minLength: 5, maxLength: 60 }), fc.constantFrom('3', '4', '5'), (cs, bins) => {
        const rows = cs.map((c, i) => ({ customer: `X${i}`, date: new Date(c.day * 864e5).toISOString().slice(0, 10), orders: String(c.orders), amount: String(c.amount) }));
        const { results } = run({ bins: bins as '5', analysisDate: '2026-12-31' }, rows);
        expect(isAllFinite(results)).toBe(true);
        expect(results.segments!.reduce((a, s) => a + s.customers, 0)).toBe(cs.length);
        expect(results.segments!.reduce((a, s) => a + s.customerShare, 0)).toBeCloseTo(1, 9);
        expect(results.grid!.reduce((a, g) => a + g.customers, 0)).toBe(cs.length);
        for (const c of results.customers!) expect(c.total).toBe(c.r + c.f + c.m);
      }),
      { numRuns: 200 },
    );
  });

  it('random text in any field or cell gives a message, never an exception', () => {
    const cols = Object.keys(rfmScorer.table!.columns) as (keyof RfmColumns)[];
    const keys = Object.keys(rfmScorer.fields) as (keyof typeof rfmScorer.fields)[];
    fc.assert(
      fc.property(fc.constantFrom(...cols), fc.constantFrom(...keys), fc.string({ maxLength: 70 }), (col, key, text) => {
        const rows = exampleRfmRows.map((x, i) => (i % 2 ? { ...x, [col]: text } : x));
        const { results } = run({ [key]: text }, rows);
        expect(isAllFinite(results)).toBe(true);
        const fields = readFields(rfmScorer.fields, { ...rfmScorer.example, [key]: text });
        expect(fields.values[key] !== undefined || fields.errors[key] !== undefined).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
