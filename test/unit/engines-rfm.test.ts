import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateTransactions, averageRanks, binScore, scoreRfm, type RfmMeasures } from '~/lib/calculators/engines/rfm';

/** The methodology's ten customers: days since last order, orders, spend. */
const example: [string, number, number, number][] = [
  ['C01', 5, 12, 5200],
  ['C02', 40, 3, 800],
  ['C03', 12, 8, 3100],
  ['C04', 200, 1, 90],
  ['C05', 25, 6, 1500],
  ['C06', 90, 2, 400],
  ['C07', 3, 15, 7400],
  ['C08', 60, 4, 1200],
  ['C09', 150, 1, 150],
  ['C10', 30, 5, 2100],
];
const measures = (rows: typeof example): RfmMeasures[] => rows.map(([, d, f, m]) => ({ recencyDays: d, frequency: f, monetary: m }));

describe('E6 RFM quintiles', () => {
  it('reproduces the methodology worked example (cells 555 … 334)', () => {
    // Score = ⌈5·rank/10⌉ with rank 1 = worst. C04 and C09 tie on 1 order: ranks 1 and 2 → 1.5 each → ⌈0.75⌉ = 1.
    const s = scoreRfm(measures(example));
    expect(s.ok).toBe(true);
    if (!s.ok) return;
    expect(s.cell).toEqual([555, 322, 444, 111, 443, 222, 555, 233, 111, 334]);
    expect(s.total).toEqual([15, 7, 12, 3, 11, 6, 15, 8, 3, 10]);
    expect(s.smallSample).toBe(true); // 10 < 20
  });

  it('gives tied values the average of their ranks', () => {
    expect(Array.from(averageRanks([10, 20, 20, 30]))).toEqual([1, 2.5, 2.5, 4]);
    expect(Array.from(averageRanks([10, 20, 20, 30], false))).toEqual([4, 2.5, 2.5, 1]);
    expect(Array.from(averageRanks([7, 7, 7]))).toEqual([2, 2, 2]);
    // Equal after rounding to 9 decimals counts as a tie (0.1 + 0.2 vs 0.3).
    expect(Array.from(averageRanks([0.1 + 0.2, 0.3]))).toEqual([1.5, 1.5]);
  });

  it('scores with 3 or 4 bins and rounds the boundary exactly', () => {
    expect(binScore(2, 6, 3)).toBe(1); // 3·2/6 = 1 exactly
    expect(binScore(3, 6, 3)).toBe(2); // 1.5 → 2
    expect(binScore(6, 6, 3)).toBe(3);
    const s = scoreRfm(measures(example), 3);
    expect(s.ok && s.recency).toEqual([3, 2, 3, 1, 3, 1, 3, 2, 1, 2]); // ⌈3·rank/10⌉ on the recency ranks
    const four = scoreRfm(measures(example), 4);
    expect(four.ok && Math.max(...four.total)).toBe(12);
  });

  it('needs at least 5 customers and 3–5 bins; warns below 20', () => {
    expect(scoreRfm(measures(example.slice(0, 4)))).toEqual({ ok: false, reason: 'tooFewCustomers' });
    expect(scoreRfm(measures(example), 6)).toEqual({ ok: false, reason: 'badBins' });
    expect(scoreRfm([...measures(example).slice(0, 4), { recencyDays: NaN, frequency: 1, monetary: 1 }])).toEqual({ ok: false, reason: 'notFinite' });
    const twenty = Array.from({ length: 20 }, (_, i) => ({ recencyDays: i, frequency: i, monetary: i }));
    const s = scoreRfm(twenty);
    expect(s.ok && s.smallSample).toBe(false);
  });

  it('aggregates raw transactions: last day, order count, net spend; refunds are not orders', () => {
    const { customers, refundOnly } = aggregateTransactions([
      { customer: 'A', day: 100, amount: 50 },
      { customer: 'B', day: 90, amount: 20 },
      { customer: 'A', day: 120, amount: 30 },
      { customer: 'A', day: 130, amount: -10 }, // refund: spend down, last purchase stays 120
      { customer: 'C', day: 95, amount: -5 },
    ]);
    expect(customers).toEqual([
      { customer: 'A', lastDay: 120, firstDay: 100, orders: 2, spend: 70, rows: 3 },
      { customer: 'B', lastDay: 90, firstDay: 90, orders: 1, spend: 20, rows: 1 },
    ]);
    expect(refundOnly).toEqual(['C']);
  });

  it('aggregates and scores 100,000 transactions (figures for the benchmark are printed, not asserted)', () => {
    const tx = Array.from({ length: 100_000 }, (_, i) => ({ customer: `K${(i * 7919) % 20_000}`, day: 20000 + ((i * 31) % 365), amount: 10 + ((i * 13) % 500) }));
    const started = performance.now();
    const { customers } = aggregateTransactions(tx);
    const s = scoreRfm(customers.map((c) => ({ recencyDays: 20400 - c.lastDay, frequency: c.orders, monetary: c.spend })));
    console.log(`E6: aggregate + score 100,000 transactions / ${customers.length} customers: ${(performance.now() - started).toFixed(0)} ms`);
    expect(customers).toHaveLength(20_000);
    expect(customers.reduce((a, c) => a + c.orders, 0)).toBe(100_000);
    expect(s.ok && s.cell).toHaveLength(20_000);
  }, 120_000); // a large input on a shared machine: a generous limit, no timing is tested
});

describe('E6 properties (fast-check)', () => {
  const customer = fc.record({
    recencyDays: fc.integer({ min: 0, max: 1000 }),
    frequency: fc.integer({ min: 1, max: 30 }),
    monetary: fc.double({ min: 0, max: 1e7, noNaN: true }),
  });
  const bins = fc.constantFrom(3, 4, 5);

  it('scores lie in 1…bins, a better value never scores lower, equal values score equal', () => {
    fc.assert(
      fc.property(fc.array(customer, { minLength: 5, maxLength: 200 }), bins, (cs, q) => {
        const s = scoreRfm(cs, q);
        expect(s.ok).toBe(true);
        if (!s.ok) return;
        for (let i = 0; i < cs.length; i++) {
          for (const score of [s.recency[i]!, s.frequency[i]!, s.monetary[i]!]) expect(score >= 1 && score <= q).toBe(true);
          expect(s.total[i]).toBe(s.recency[i]! + s.frequency[i]! + s.monetary[i]!);
          expect(s.cell[i]).toBe(100 * s.recency[i]! + 10 * s.frequency[i]! + s.monetary[i]!);
        }
        for (let i = 0; i < Math.min(cs.length, 40); i++) {
          for (let j = 0; j < Math.min(cs.length, 40); j++) {
            const a = cs[i]!;
            const b = cs[j]!;
            if (a.recencyDays < b.recencyDays) expect(s.recency[i]!).toBeGreaterThanOrEqual(s.recency[j]!);
            if (a.recencyDays === b.recencyDays) expect(s.recency[i]).toBe(s.recency[j]);
            if (a.frequency > b.frequency) expect(s.frequency[i]!).toBeGreaterThanOrEqual(s.frequency[j]!);
            if (a.monetary === b.monetary) expect(s.monetary[i]).toBe(s.monetary[j]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('with all values distinct, each bin holds its share of customers (⌈q·rank/N⌉ counts)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 500 }), bins, (n, q) => {
        const cs = Array.from({ length: n }, (_, i) => ({ recencyDays: i, frequency: i, monetary: (i * 7) % n + i / n }));
        const s = scoreRfm(cs, q);
        if (!s.ok) throw new Error('expected scores');
        for (let k = 1; k <= q; k++) {
          // Ranks r with ⌈q·r/N⌉ = k: those with (k−1)·N/q < r ≤ k·N/q.
          const expected = Math.floor((k * n) / q + 1e-9) - Math.floor(((k - 1) * n) / q + 1e-9);
          expect(s.frequency.filter((x) => x === k)).toHaveLength(expected);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('aggregation keeps every purchase and the total spend', () => {
    const tx = fc.record({ customer: fc.constantFrom('a', 'b', 'c', 'd'), day: fc.integer({ min: 0, max: 40000 }), amount: fc.integer({ min: -100, max: 1000 }) });
    fc.assert(
      fc.property(fc.array(tx, { maxLength: 300 }), (rows) => {
        const { customers, refundOnly } = aggregateTransactions(rows);
        expect(customers.reduce((a, c) => a + c.orders, 0)).toBe(rows.filter((r) => r.amount >= 0).length);
        const kept = new Set(customers.map((c) => c.customer));
        const keptSpend = rows.filter((r) => kept.has(r.customer)).reduce((a, r) => a + r.amount, 0);
        expect(customers.reduce((a, c) => a + c.spend, 0)).toBe(keptSpend);
        for (const c of customers) expect(Number.isFinite(c.lastDay) && c.lastDay >= c.firstDay).toBe(true);
        for (const id of refundOnly) expect(kept.has(id)).toBe(false);
      }),
    );
  });
});
