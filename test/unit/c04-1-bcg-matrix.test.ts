import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bcgMatrix as calc, exampleProductRows, type ProductColumns } from '~/lib/calculators/c04-1-bcg-matrix';
import { isAllFinite } from '~/lib/kit/calculator';
import { readFields } from '~/lib/kit/fields';
import { readRows, type RawRow } from '~/lib/kit/rows';
import { strings } from '~/i18n';

// The kit refuses magnitudes below 1e-9 as too small (tested with the kit): typed values round them to 0.
const typable = (x: number) => (Math.abs(x) < 1e-9 ? 0 : x);

type Raw = typeof calc.defaults;

function run(overrides: Partial<Raw> = {}, rows: RawRow<ProductColumns>[] = exampleProductRows, base: Raw = calc.example) {
  const read = readFields(calc.fields, { ...base, ...overrides });
  return { ...calc.compute(read.values, readRows(calc.table!, rows)), fieldErrors: read.errors };
}
const withRow = (i: number, patch: Partial<RawRow<ProductColumns>>) => exampleProductRows.map((row, j) => (j === i ? { ...row, ...patch } : row));

describe('C04.1 BCG matrix and resource check', () => {
  it('reproduces the methodology and chapter-4 worked example', () => {
    // RMS = own ÷ largest rival: 30/20 = 1.50, 35/25 = 1.40, 8/24 = 0.33, 5/30 = 0.17.
    const { results: r, issues } = run();
    const p = r.products!;
    expect(p.map((x) => x.relativeShare!.toFixed(2))).toEqual(['1.50', '1.40', '0.33', '0.17']);
    expect(p.map((x) => x.quadrant)).toEqual(['star', 'cashCow', 'questionMark', 'dog']);
    // Stars + Cash Cows hold 40% + 30% = 70% → meets the rule.
    expect(r.starsAndCowsShare).toBeCloseTo(0.7, 12);
    expect(r.meetsRule).toBe(true);
    expect(r.byQuadrant!.map((q) => Math.round(q.resourceShare * 100))).toEqual([40, 30, 20, 10]);
    // P3 starts its 3-month period; P4 has missed one quarter, so no exit review yet.
    expect(p[2]!.monthsLeft).toBe(3);
    expect(p[2]!.improvementExpired).toBe(false);
    expect(p[3]!.exitReview).toBe(false);
    expect(p[0]!.monthsLeft).toBeUndefined(); // only Question Marks run the clock
    expect(r.bubbles!.map((b) => b.x.toFixed(2))).toEqual(['1.50', '1.40', '0.33', '0.17']);
    expect(r.bubbles![1]!.r).toBe(1); // largest revenue
    expect(issues).toEqual([]);
  });

  it('a value on a cut-off is high: growth exactly 10% and RMS exactly 1.0', () => {
    const { results: r } = run({}, withRow(1, { growth: '10', ownShare: '25' }));
    expect(r.products![1]!.relativeShare).toBe(1);
    expect(r.products![1]!.quadrant).toBe('star');
    const below = run({}, withRow(1, { growth: '9.9999', ownShare: '24.99' })).results.products![1]!;
    expect(below.quadrant).toBe('dog');
  });

  it('applies the Dog exit rule at 2 or more consecutive quarters and expires the Question-Mark clock', () => {
    const rows = withRow(3, { quartersBelow: '2' }).map((row, j) => (j === 2 ? { ...row, monthsAsQuestionMark: '3' } : row));
    const { results: r, issues } = run({}, rows);
    expect(r.products![3]!.exitReview).toBe(true);
    expect(issues).toContainEqual(expect.objectContaining({ row: 3, code: 'c04_1.dogExit', params: { quarters: 2 } }));
    expect(r.products![2]!.monthsLeft).toBe(0);
    expect(r.products![2]!.improvementExpired).toBe(true);
    expect(issues).toContainEqual(expect.objectContaining({ row: 2, code: 'c04_1.improvementOver' }));
    expect(run({ exitQuarters: '3' }, rows).results.products![3]!.exitReview).toBe(false);
    expect(run({}, withRow(2, { monthsAsQuestionMark: '1.5' })).results.products![2]!.monthsLeft).toBe(1.5);
  });

  it('checks the 70% rule within the tolerance, both sides', () => {
    // Stars + Cows 40 + 36 = 76%: 6 points above 70% fails at ±5, passes at ±6.
    const rows = withRow(1, { resourceShare: '36' });
    expect(run({}, rows).results.meetsRule).toBe(false);
    expect(run({ tolerance: '6' }, rows).results.meetsRule).toBe(true);
    const low = run({}, withRow(0, { resourceShare: '35' })).results; // 65%: exactly 5 points short
    expect(low.ruleDeviation).toBeCloseTo(-0.05, 12);
    expect(low.meetsRule).toBe(true);
  });

  it('guards a zero rival share, a product with no share on the log axis, and resources above 100%', () => {
    const zero = run({}, withRow(0, { rivalShare: '0' }));
    expect(zero.issues).toContainEqual(expect.objectContaining({ row: 0, column: 'rivalShare', code: 'c04_1.zeroRival' }));
    expect(zero.results.products![0]!.quadrant).toBeUndefined();
    expect(zero.results.products![1]!.quadrant).toBe('cashCow'); // other rows kept
    expect(zero.results.meetsRule).toBeUndefined();
    expect(zero.issues).toContainEqual(expect.objectContaining({ code: 'c04_1.resourceCheckWaits' }));
    const none = run({}, withRow(3, { ownShare: '0' }));
    expect(none.results.products![3]!.quadrant).toBe('dog');
    expect(none.results.bubbles!.map((b) => b.row)).toEqual([0, 1, 2]);
    expect(none.issues).toContainEqual(expect.objectContaining({ row: 3, code: 'c04_1.offLogAxis' }));
    const above = run({}, withRow(3, { resourceShare: '40' }));
    expect(above.issues).toContainEqual(expect.objectContaining({ code: 'c04_1.resourcesAbove100' }));
  });

  it('drops results that overflow (values past the field limits) with one message', () => {
    const read = readFields(calc.fields, calc.example);
    const rows = readRows(calc.table!, exampleProductRows).map((row, i) => (i === 0 ? { ...row, values: { ...row.values, ownShare: 1e308, rivalShare: 1e-5 } } : row));
    const out = calc.compute(read.values, rows);
    expect(out.issues).toContainEqual(expect.objectContaining({ code: 'c04_1.tooExtreme' }));
    expect(isAllFinite(out.results)).toBe(true);
  });

  it('accepts 200 products', () => {
    const rows = Array.from({ length: 200 }, (_, i) => exampleProductRows[i % 4]!).map((row) => ({ ...row, resourceShare: '0.5' }));
    const { results, issues } = run({}, rows);
    expect(results.byQuadrant!.map((q) => q.products)).toEqual([50, 50, 50, 50]);
    expect(results.starsAndCowsShare).toBeCloseTo(0.5, 9);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('defaults differ from the example and compute cleanly', () => {
    expect(calc.defaults).not.toEqual(calc.example);
    const { results } = run({}, calc.defaultRows!, calc.defaults);
    expect(results.products!.map((p) => p.quadrant)).toEqual(['star', 'cashCow', 'questionMark', 'dog']);
    expect(results.meetsRule).toBe(false); // 55%
    expect(results.products![2]!.improvementExpired).toBe(true);
    expect(results.products![3]!.exitReview).toBe(true);
  });
});

describe('C04.1 properties (fast-check)', () => {
  const row = fc.record({
    revenue: fc.double({ min: 0, max: 1e12, noNaN: true }).map(typable),
    growth: fc.double({ min: -100, max: 1000, noNaN: true }).map(typable),
    ownShare: fc.double({ min: 0, max: 100, noNaN: true }).map(typable),
    rivalShare: fc.double({ min: 0.001, max: 100, noNaN: true }),
    resourceShare: fc.double({ min: 0, max: 100, noNaN: true }).map(typable),
  });
  it('every classified product sits in the quadrant its growth and RMS say; results finite', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 20 }), (products) => {
        const rows = products.map((p) => ({ name: '', revenue: String(p.revenue), growth: String(p.growth), ownShare: String(p.ownShare), rivalShare: String(p.rivalShare), resourceShare: String(p.resourceShare), quartersBelow: '', monthsAsQuestionMark: '' }));
        const { results: r } = run({}, rows);
        expect(isAllFinite(r)).toBe(true);
        for (const p of r.products!) {
          const highGrowth = Math.round(p.growth! * 1e9) / 1e9 >= 0.1;
          const highShare = Math.round(p.relativeShare! * 1e9) / 1e9 >= 1;
          expect(p.quadrant).toBe(highGrowth ? (highShare ? 'star' : 'questionMark') : highShare ? 'cashCow' : 'dog');
        }
        const sum = r.byQuadrant!.reduce((a, q) => a + q.products, 0);
        expect(sum).toBe(products.length);
      }),
      { numRuns: 300 },
    );
  });

  it('random text in any field or cell gives a field message or a value, never an exception', () => {
    const keys = Object.keys(calc.fields) as (keyof typeof calc.fields)[];
    const columns = Object.keys(calc.table!.columns) as (keyof ProductColumns)[];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.string({ maxLength: 80 }), fc.constantFrom(...columns), fc.string({ maxLength: 80 }), (key, text, column, cell) => {
        const out = run({ [key]: text }, withRow(2, { [column]: cell }));
        const error = out.fieldErrors[key];
        if (error) expect(strings['zh-CN'].messages).toHaveProperty([error.code]);
        for (const issue of out.issues) {
          expect(strings.en.messages).toHaveProperty([issue.code]);
          expect(strings['zh-CN'].messages).toHaveProperty([issue.code]);
        }
        expect(isAllFinite(out.results)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
