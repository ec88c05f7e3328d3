import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blankCustomerRow, customerTiers, type CustomerColumns } from '~/lib/calculators/c10-1-customer-tiers';
import type { RawRow } from '~/lib/kit/rows';
import { codes, fuzzCells, fuzzFields, runCalc } from './helpers/control';

const run = (overrides: Partial<typeof customerTiers.example> = {}, rows?: RawRow<CustomerColumns>[]) => runCalc(customerTiers, overrides, rows);
const two = (x: number) => Number(x.toFixed(2));
const cust = (extra: Partial<RawRow<CustomerColumns>>): RawRow<CustomerColumns> => ({ ...blankCustomerRow(), spendThisYear: '100', orders: '1', profit: '10', ...extra });

describe('C10.1 customer tiers — chapter 10 worked example', () => {
  it('contribution, composite, rank, tier and growth match the chapter table', () => {
    const { results: r, issues } = run();
    const byName = 'ABCDEFGHIJ'.split('');
    const c = Object.fromEntries(r.customers!.map((x) => [byName[x.row]!, x]));
    // Contribution = mean of spend, orders and profit rescaled 1–5; composite = 50/25/25.
    const table: [string, number, number, number, string, number][] = [
      ['A', 5.0, 4.75, 1, 'vip', 12.7],
      ['C', 3.07, 3.53, 2, 'vip', 36.4],
      ['B', 3.53, 3.51, 3, 'potential', -4.5],
      ['D', 2.15, 2.57, 4, 'potential', -10.0],
      ['E', 1.74, 2.37, 5, 'potential', 16.1],
      ['F', 1.58, 2.29, 6, 'basic', 30.0],
      ['G', 1.34, 1.67, 7, 'basic', -23.1],
      ['H', 1.19, 1.6, 8, 'basic', 10.0],
      ['I', 1.1, 1.3, 9, 'basic', -6.2],
      ['J', 1.0, 1.25, 10, 'basic', -33.3],
    ];
    for (const [name, contribution, composite, rank, tier, growth] of table) {
      expect(two(c[name]!.contribution), name).toBe(contribution);
      expect(two(c[name]!.composite), name).toBe(composite);
      expect(c[name]!.rank, name).toBe(rank);
      expect(c[name]!.tier, name).toBe(tier);
      expect(Number((c[name]!.growth! * 100).toFixed(1)), name).toBe(growth);
    }
    expect(r.ranking).toEqual([0, 2, 1, 3, 4, 5, 6, 7, 8, 9]);
    expect(r.tierCounts).toEqual({ vip: 2, potential: 3, basic: 5 });
    expect(r.tierRevenue).toEqual({ vip: 4880000, potential: 3650000, basic: 1270000 });
    expect(issues).toEqual([]);
  });

  it('flags follow the tier: F (exactly +30%) is an upgrade candidate; C is a growing VIP; G and J are declining basic customers', () => {
    const { results: r } = run();
    const flags = r.customers!.map((x) => x.flag);
    expect(flags).toEqual([null, null, 'growingVip', null, null, 'upgradeCandidate', 'decliningBasic', null, null, 'decliningBasic']);
    expect(r.upgradeCandidates).toEqual([5]); // 520,000 / 400,000 − 1 = 0.30000000000000004 → counts as 30%
    expect(r.downgradeWarnings).toEqual([]);
  });

  it('a potential-tier customer down 20% or more gets a downgrade warning', () => {
    const rows = customerTiers.exampleRows!.map((row, i) => (i === 3 ? { ...row, spendLastYear: '1125000' } : row)); // D: 900/1125 − 1 = −20%
    const { results } = run({}, rows);
    expect(results.customers![3]!.flag).toBe('downgradeWarning');
    expect(results.downgradeWarnings).toEqual([3]);
  });
});

describe('C10.1 rules', () => {
  it('tier cut-offs by position: i/N ≤ 20% VIP, ≤ 50% potential; equal composites share the first one’s tier', () => {
    const rows = [5, 3, 3, 3, 2].map((s) => cust({ strategic: String(s), growthPotential: String(s) }));
    const { results } = run({ wContribution: '0' }, rows);
    // Positions 1/5 = 20% VIP, 2/5 = 40% potential; positions 3 and 4 (60%, 80%) would be basic but tie with position 2.
    expect(results.customers!.map((x) => x.tier)).toEqual(['vip', 'potential', 'potential', 'potential', 'basic']);
    const topTie = run({ wContribution: '0' }, [5, 5, 3, 2, 1].map((s) => cust({ strategic: String(s), growthPotential: String(s) })));
    expect(topTie.results.customers!.map((x) => x.tier)).toEqual(['vip', 'vip', 'basic', 'basic', 'basic']); // position 2 ties with 1; position 3 is 60%
  });

  it('RFM scores typed in (from C08.1) give the contribution as the mean of R, F and M', () => {
    const rows = [cust({ r: '5', f: '4', m: '3' }), cust({ r: '1', f: '1', m: '2' })];
    const { results } = run({ source: 'rfmScores' }, rows);
    expect(results.customers!.map((x) => x.contribution)).toEqual([4, 4 / 3]);
  });

  it('RFM computed with E6 quintiles from days since the last order, orders and spend', () => {
    // The methodology's E6 example: C01 5/12/5200 → 555, C04 200/1/90 → 111 (total 15 and 3).
    const data: [number, number, number][] = [[5, 12, 5200], [40, 3, 800], [12, 8, 3100], [200, 1, 90], [25, 6, 1500], [90, 2, 400], [3, 15, 7400], [60, 4, 1200], [150, 1, 150], [30, 5, 2100]];
    const rows = data.map(([d, o, s]) => cust({ recencyDays: String(d), orders: String(o), spendThisYear: String(s) }));
    const { results, issues } = run({ source: 'rfm' }, rows);
    expect(results.customers![0]!.contribution).toBe(5);
    expect(results.customers![3]!.contribution).toBe(1);
    expect(results.customers![9]!.contribution).toBeCloseTo(10 / 3, 12); // 334
    expect(codes(issues)).toContain('c10_1.rfmSmallSample');
    expect(codes(run({ source: 'rfm' }, rows.slice(0, 4)).issues)).toContain('c10_1.rfmTooFew');
  });

  it('growth: last year 0 is "new", empty is no figure', () => {
    const { results, issues } = run({}, [cust({ spendLastYear: '0' }), cust({ spendLastYear: '' })]);
    expect(results.customers!.map((x) => [x.isNew, x.growth])).toEqual([[true, null], [false, null]]);
    expect(codes(issues)).toContain('c10_1.newCustomers');
  });

  it('guards: shares above 100%, weights summing to 0, unusable rows', () => {
    expect(run({ vipShare: '60', potentialShare: '50' }).issues).toContainEqual(expect.objectContaining({ code: 'c10_1.sharesAbove100', field: 'potentialShare' }));
    const zero = run({ wContribution: '0', wStrategic: '0', wGrowth: '0' });
    expect(codes(zero.issues)).toContain('c10_1.weightsZero');
    expect(zero.results.customers).toBeUndefined();
    const bad = run({}, [cust({ orders: '' }), cust({})]);
    expect(bad.issues).toContainEqual(expect.objectContaining({ code: 'c10_1.rowExcluded', row: 0, column: 'orders' }));
    expect(bad.results.customers).toHaveLength(1);
    expect(codes(run({}, [cust({ profit: '' })]).issues)).toContain('c10_1.noCustomers');
  });

  it('accepts 1,000 customers', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => cust({ spendThisYear: String(1000 + ((i * 7919) % 5000)), orders: String(i % 40), profit: String((i * 31) % 900), recencyDays: String(i % 365) }));
    const { results } = run({ source: 'rfm' }, rows);
    expect(results.customers).toHaveLength(1000);
    expect(results.tierCounts!.vip).toBeGreaterThanOrEqual(195);
  });
});

describe('C10.1 properties', () => {
  it('tiers never improve as rank falls, and counts add up', () => {
    const rank = { vip: 0, potential: 1, basic: 2 } as const;
    fc.assert(
      fc.property(fc.array(fc.record({ s: fc.integer({ min: 1, max: 1e6 }), o: fc.integer({ min: 0, max: 100 }), p: fc.integer({ min: -1e5, max: 1e5 }), st: fc.integer({ min: 1, max: 5 }), g: fc.integer({ min: 1, max: 5 }) }), { minLength: 1, maxLength: 40 }), (raw) => {
        const rows = raw.map((x) => cust({ spendThisYear: String(x.s), orders: String(x.o), profit: String(x.p), strategic: String(x.st), growthPotential: String(x.g) }));
        const { results: r } = run({}, rows);
        const byRow = new Map(r.customers!.map((c) => [c.row, c]));
        const tiersInRank = r.ranking!.map((row) => rank[byRow.get(row)!.tier]);
        for (let i = 1; i < tiersInRank.length; i++) expect(tiersInRank[i]!).toBeGreaterThanOrEqual(tiersInRank[i - 1]!);
        expect(r.tierCounts!.vip + r.tierCounts!.potential + r.tierCounts!.basic).toBe(raw.length);
        for (const c of r.customers!) {
          expect(c.composite).toBeGreaterThanOrEqual(1 - 1e-12);
          expect(c.composite).toBeLessThanOrEqual(5 + 1e-12);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('random text in any field or cell gives a message, never an exception or a non-finite result', () => {
    fuzzFields(customerTiers);
    fuzzCells(customerTiers);
  });
});
