import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionBand, examplePartnerRows, partnerScorecard, rebatePayout, upliftRate, type PartnerColumns } from '~/lib/calculators/c06-2-partner-scorecard';
import { isAllFinite } from '~/lib/kit/calculator';
import { readFields } from '~/lib/kit/fields';
import { readRows, type RawRow } from '~/lib/kit/rows';

function run(fields: Partial<typeof partnerScorecard.example> = {}, rows: RawRow<PartnerColumns>[] = examplePartnerRows) {
  const read = readFields(partnerScorecard.fields, { ...partnerScorecard.example, ...fields });
  return { ...partnerScorecard.compute(read.values, readRows(partnerScorecard.table!, rows)), fieldErrors: read.errors };
}
const r2 = (x: number | undefined) => (x === undefined ? undefined : Math.round(x * 100) / 100);

describe('C06.2 partner scorecard and tiered rebate', () => {
  it('reproduces the chapter-6 scorecard', () => {
    // Outlets for A: 1 + 4·(120 − 60)/(200 − 60) = 2.71; response (lower better) 5 − 4·(24 − 12)/(48 − 12) = 3.67.
    // Score A = 25·(mean(5, 2.714, 3, 3.667) − 1) = 64.88.
    const { results } = run();
    const [a, b, c] = results.partners!;
    expect([a!.scores.turnover, a!.scores.outlets, a!.scores.certified, a!.scores.response].map(r2)).toEqual([5, 2.71, 3, 3.67]);
    expect([b!.scores.turnover, b!.scores.outlets, b!.scores.certified, b!.scores.response].map(r2)).toEqual([3, 5, 1, 5]);
    expect([c!.scores.turnover, c!.scores.outlets, c!.scores.certified, c!.scores.response].map(r2)).toEqual([1, 1, 5, 1]);
    expect([r2(a!.partnerScore), r2(b!.partnerScore), r2(c!.partnerScore)]).toEqual([64.88, 62.5, 25]);
    expect([a!.rank, b!.rank, c!.rank]).toEqual([1, 2, 3]);
    expect(results.ranking).toEqual([0, 1, 2]);
  });

  it('reproduces the chapter-6 rebate and action bands (+5 points on the excess)', () => {
    // A: 3% × 10,000,000 + 8% × 2,000,000 = 460,000; B: 3% × 6,200,000 = 186,000; C: 3% × 2,900,000 = 87,000.
    const { results } = run();
    const [a, b, c] = results.partners!;
    expect([a!.payout, b!.payout, c!.payout].map(r2)).toEqual([460000, 186000, 87000]);
    expect([a!.attainment, b!.attainment, c!.attainment].map((x) => r2(x! * 100))).toEqual([120, 77.5, 58]);
    expect([a!.band, b!.band, c!.band]).toEqual(['none', 'training', 'removal']);
    expect(results.bandCounts).toEqual({ none: 1, training: 1, resourceShift: 0, removal: 1 });
    expect(r2(results.totalPayout)).toBe(733000);
  });

  it('shows partner A under all four readings of "commission rises by 5%"', () => {
    // +5 pp excess 460,000; +5 pp all 8% × 12M = 960,000; ×1.05 excess 300,000 + 3.15% × 2M = 363,000; ×1.05 all 3.15% × 12M = 378,000.
    const a = run().results.partners![0]!;
    expect(Object.fromEntries(Object.entries(a.readings!).map(([k, v]) => [k, r2(v)]))).toEqual({
      'points-excess': 460000, 'points-allSales': 960000, 'factor-excess': 363000, 'factor-allSales': 378000,
    });
    const factorAll = run({ upliftMode: 'factor', upliftBase: 'allSales' });
    expect(r2(factorAll.results.partners![0]!.payout)).toBe(378000);
    expect(factorAll.results.partners![0]!.rateAbove).toBeCloseTo(0.0315, 12);
    expect(factorAll.issues).toContainEqual(expect.objectContaining({ code: 'c06_2.allSalesCliff' }));
  });

  it('pays the uplift on all sales only strictly above target, and bands strictly below the cut-off', () => {
    expect(rebatePayout(100, 100, 0.03, 0.08, 'allSales')).toBe(3);
    expect(rebatePayout(101, 100, 0.03, 0.08, 'allSales')).toBeCloseTo(8.08, 12);
    expect(actionBand(0.8, 0.8, 0.7, 0.6)).toBe('none');
    expect(actionBand(0.7999, 0.8, 0.7, 0.6)).toBe('training');
    expect(actionBand(0.6, 0.8, 0.7, 0.6)).toBe('resourceShift');
    expect(upliftRate(0.03, 0.05, 'points')).toBeCloseTo(0.08, 15);
  });

  it('guards zero weights, a zero target and cut-offs out of order', () => {
    const zero = run({ weightTurnover: '0', weightOutlets: '0', weightCertified: '0', weightResponse: '0' });
    expect(zero.issues).toContainEqual(expect.objectContaining({ code: 'c06_2.weightsZero' }));
    expect(zero.results.partners![0]!.partnerScore).toBeUndefined();
    expect(zero.results.partners![0]!.payout).toBe(460000);
    const rows = examplePartnerRows.map((x) => ({ ...x }));
    rows[1] = { ...rows[1]!, target: '0' };
    const t = run({}, rows);
    expect(t.issues).toContainEqual(expect.objectContaining({ row: 1, code: 'c06_2.zeroTarget' }));
    expect(t.results.partners![1]!.attainment).toBeUndefined();
    expect(run({ removalBelow: '90' }).issues).toContainEqual(expect.objectContaining({ code: 'c06_2.cutoffOrder' }));
  });

  it('one partner scores 3 on every criterion (nothing to compare with)', () => {
    const { results, issues } = run({}, [examplePartnerRows[0]!]);
    expect(results.partners![0]!.partnerScore).toBe(50);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c06_2.onePartner' }));
  });
});

describe('C06.2 properties (fast-check)', () => {
  const num = (max: number) => fc.double({ min: 0, max, noNaN: true }).map(String);
  const partner = fc.record({
    name: fc.constant('P'), turnover: num(1e12), outlets: fc.integer({ min: 0, max: 1e9 }).map(String), certified: num(100),
    response: num(1e6), target: num(1e12), actual: num(1e12), newCustomers: fc.constant(''),
  });

  it('finite results; scores 0–100; excess-only payout never above all-sales payout for the same uplift', () => {
    fc.assert(
      fc.property(fc.array(partner, { minLength: 1, maxLength: 10 }), (rows) => {
        const { results } = run({}, rows);
        expect(isAllFinite(results)).toBe(true);
        for (const p of results.partners!) {
          if (p.partnerScore !== undefined) expect(p.partnerScore >= -1e-9 && p.partnerScore <= 100 + 1e-9).toBe(true);
          if (p.readings) expect(p.readings['points-excess']).toBeLessThanOrEqual(p.readings['points-allSales'] * (1 + 1e-12) + 1e-6);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('random text in any field or cell gives a message, never an exception', () => {
    const cols = Object.keys(partnerScorecard.table!.columns) as (keyof PartnerColumns)[];
    const keys = Object.keys(partnerScorecard.fields) as (keyof typeof partnerScorecard.fields)[];
    fc.assert(
      fc.property(fc.constantFrom(...cols), fc.constantFrom(...keys), fc.string({ maxLength: 70 }), (col, key, text) => {
        const { results } = run({ [key]: text }, examplePartnerRows.map((x) => ({ ...x, [col]: text })));
        expect(isAllFinite(results)).toBe(true);
        const fields = readFields(partnerScorecard.fields, { ...partnerScorecard.example, [key]: text });
        expect(fields.values[key] !== undefined || fields.errors[key] !== undefined).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
