import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { costPlus } from '~/lib/calculators/c05-1-cost-plus';
import { readFields } from '~/lib/kit/fields';
import { strings } from '~/i18n';

/** Runs the calculator on the worked example's inputs with `overrides`. */
function run(overrides: Partial<typeof costPlus.defaults> = {}) {
  const raw = { ...costPlus.example, ...overrides };
  const read = readFields(costPlus.fields, raw);
  return { ...costPlus.compute(read.values, []), fieldErrors: read.errors };
}

describe('C05.1 cost-plus, CVP and break-even', () => {
  it('reproduces the methodology worked example', () => {
    // VC = 30 + 15 + 5 = 50; full cost = 50 + 200,000/10,000 = 70; P = 70 × 1.3 = 91.
    const { results: r, issues } = run(costPlus.example);
    expect(r.variableCost).toBe(50);
    expect(r.fullCost).toBe(70);
    expect(r.price).toBeCloseTo(91, 10);
    expect(r.marginOnPrice! * 100).toBeCloseTo(23.08, 2); // 0.3 / 1.3
    expect(r.unitContribution).toBeCloseTo(41, 10);
    expect(r.contributionRatio! * 100).toBeCloseTo(45.05, 2); // 41 / 91
    expect(r.breakEvenUnitsExact).toBeCloseTo(4878.05, 2); // 200,000 / 41
    expect(r.breakEvenUnits).toBe(4879);
    expect(r.breakEvenRevenue).toBeCloseTo(443902.44, 2); // 200,000 / (41/91)
    expect(r.profitAtPlan).toBeCloseTo(210000, 6); // 41 × 10,000 − 200,000
    expect(r.marginOfSafety! * 100).toBeCloseTo(51.22, 2); // exact Q_BE, not 4,879 (51.21%)
    expect(issues).toEqual([]);
  });

  it('the defaults are another case than the worked example, so loading it changes the figures', () => {
    // VC = 12 + 8 + 4 = 24; full cost = 24 + 60,000/5,000 = 36; P = 36 × 1.25 = 45;
    // CM 21 (46.67%); break-even 60,000/21 = 2,857.14 → 2,858 units; profit at plan 21 × 5,000 − 60,000 = 45,000.
    expect(costPlus.defaults).not.toEqual(costPlus.example);
    const { results: r, issues } = run(costPlus.defaults);
    expect(r.price).toBeCloseTo(45, 10);
    expect(r.contributionRatio! * 100).toBeCloseTo(46.67, 2);
    expect(r.breakEvenUnitsExact).toBeCloseTo(2857.14, 2);
    expect(r.breakEvenUnits).toBe(2858);
    expect(r.profitAtPlan).toBeCloseTo(45000, 6);
    expect(issues).toEqual([]);
  });

  it('converts between markup and margin both ways', () => {
    const viaMargin = run({ basis: 'margin', margin: '23.0769230769' }).results;
    expect(viaMargin.price).toBeCloseTo(91, 6);
    expect(viaMargin.markupOnCost).toBeCloseTo(0.3, 9);
    const half = run({ basis: 'margin', margin: '50' }).results;
    expect(half.price).toBeCloseTo(140, 9); // 70 / (1 − 0.5)
    expect(half.markupOnCost).toBeCloseTo(1, 12);
  });

  it('refuses a margin of 100% or more when solving for price', () => {
    const { results, issues } = run({ basis: 'margin', margin: '100' });
    expect(issues).toContainEqual(expect.objectContaining({ field: 'margin', code: 'c05_1.marginTooHigh' }));
    expect(results.price).toBeUndefined();
    expect(results.variableCost).toBe(50); // other results kept
  });

  it('reports zero planned volume on its field and keeps the variable cost', () => {
    const { results, issues } = run({ plannedVolume: '0' });
    expect(issues).toContainEqual(expect.objectContaining({ field: 'plannedVolume', code: 'c05_1.zeroVolume' }));
    expect(results.variableCost).toBe(50);
    expect(results.fullCost).toBeUndefined();
  });

  it('has no break-even when price does not exceed unit variable cost', () => {
    // Full cost 70 with markup −30%... markup min is 0, so use fixed costs 0 and markup 0: P = VC.
    const { results, issues } = run({ fixedCosts: '0', markup: '0' });
    expect(results.price).toBe(50);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c05_1.noBreakEven' }));
    expect(results.breakEvenUnits).toBeUndefined();
    expect(results.profitAtPlan).toBe(0);
  });

  it('rounds target-profit units up and computes the price index side', () => {
    const { results } = run({ targetProfit: '100000', competitorPrice: '95' });
    expect(results.targetProfitUnitsExact).toBeCloseTo(300000 / 41, 9);
    expect(results.targetProfitUnits).toBe(7318); // ⌈7,317.07⌉
    expect(results.priceIndex).toBeCloseTo(91 / 95, 12);
    expect(results.priceIndexSide).toBe('penetration');
    expect(run({ competitorPrice: '91' }).results.priceIndexSide).toBe('parity');
    expect(run({ competitorPrice: '80' }).results.priceIndexSide).toBe('premium');
  });

  it('guards a non-positive competitor price', () => {
    const { issues, results } = run({ competitorPrice: '0' });
    expect(issues).toContainEqual(expect.objectContaining({ field: 'competitorPrice', code: 'c05_1.competitorPricePositive' }));
    expect(results.priceIndex).toBeUndefined();
  });

  it('flags a contribution ratio under the chapter-4 review threshold', () => {
    // VC 50, FC 0 → full cost 50; markup 4% → P = 52, CMR = 2/52 = 3.8% < 5%.
    const { issues } = run({ fixedCosts: '0', markup: '4' });
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c05_1.belowReview' }));
  });

  it('keeps other results when one field is unreadable', () => {
    const { results, fieldErrors } = run({ material: 'abc' });
    expect(fieldErrors.material).toEqual({ code: 'parse.notANumber' });
    expect(results.variableCost).toBeUndefined();
    expect(results.fixedCostPerUnit).toBe(20);
  });

  it('produces a CVP series from 0 to twice the plan whose lines cross at break-even', () => {
    const { results } = run();
    const cvp = results.cvp!;
    expect(cvp[0]!.volume).toBe(0);
    expect(cvp.at(-1)!.volume).toBe(20000);
    const be = results.breakEvenUnitsExact!;
    expect(91 * be).toBeCloseTo(200000 + 50 * be, 6);
  });
});

describe('C05.1 properties (fast-check)', () => {
  const money = fc.double({ min: 0, max: 1e6, noNaN: true });
  const inputs = fc.record({
    material: money,
    labour: money,
    otherVariable: money,
    fixedCosts: fc.double({ min: 0, max: 1e9, noNaN: true }),
    plannedVolume: fc.integer({ min: 0, max: 10_000_000 }),
    markup: fc.double({ min: 0, max: 500, noNaN: true }),
    margin: fc.double({ min: 0, max: 99.9, noNaN: true }),
    basis: fc.constantFrom('markup', 'margin'),
  });
  const asRaw = (v: { [k: string]: number | string }) => Object.fromEntries(Object.entries(v).map(([k, x]) => [k, String(x)]));

  it('valid inputs always give finite results, and the CVP lines cross at break-even', () => {
    // Invariants: every number is finite; P = VC + CM; break-even revenue = P × Q_BE; the whole-unit
    // break-even is the exact one rounded up; profit at Q_BE is zero.
    fc.assert(
      fc.property(inputs, (v) => {
        const { results: r } = run(asRaw(v) as Partial<typeof costPlus.defaults>);
        for (const [key, value] of Object.entries(r)) if (typeof value === 'number') expect(Number.isFinite(value), key).toBe(true);
        if (r.price !== undefined && r.variableCost !== undefined) expect(r.unitContribution).toBeCloseTo(r.price - r.variableCost, 6);
        if (r.breakEvenUnitsExact !== undefined) {
          expect(r.breakEvenUnits).toBeGreaterThanOrEqual(r.breakEvenUnitsExact - 1e-6);
          expect(r.breakEvenUnits! - r.breakEvenUnitsExact).toBeLessThan(1);
          const cm = r.price! - r.variableCost!;
          expect(Math.abs(cm * r.breakEvenUnitsExact - v.fixedCosts)).toBeLessThanOrEqual(1e-6 * Math.max(1, v.fixedCosts));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('break-even volume falls as the price rises (higher markup, same costs)', () => {
    fc.assert(
      fc.property(inputs, fc.double({ min: 0.01, max: 100, noNaN: true }), (v, extra) => {
        const base = run(asRaw({ ...v, basis: 'markup' }) as Partial<typeof costPlus.defaults>).results;
        const higher = run(asRaw({ ...v, basis: 'markup', markup: v.markup + extra }) as Partial<typeof costPlus.defaults>).results;
        if (base.breakEvenUnitsExact !== undefined && higher.breakEvenUnitsExact !== undefined) {
          expect(higher.price!).toBeGreaterThan(base.price!);
          expect(higher.breakEvenUnitsExact).toBeLessThanOrEqual(base.breakEvenUnitsExact + 1e-9);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('random text in any field gives a field error or a value, never an exception', () => {
    const keys = Object.keys(costPlus.fields) as (keyof typeof costPlus.fields)[];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.string({ maxLength: 80 }), (key, text) => {
        const out = run({ [key]: text });
        const error = out.fieldErrors[key];
        if (error) {
          // Every error has a message in both languages.
          expect(strings.en.messages).toHaveProperty([error.code]);
          expect(strings['zh-CN'].messages).toHaveProperty([error.code]);
        } else {
          // No error: the text was read as a value (or as "not given" for an optional field).
          const read = readFields(costPlus.fields, { ...costPlus.defaults, [key]: text }).values[key];
          expect(read === null ? costPlus.fields[key].kind !== 'choice' : read !== undefined).toBe(true);
        }
        for (const value of Object.values(out.results)) if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
