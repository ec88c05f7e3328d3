import { describe, expect, it } from 'vitest';
import { costPlus } from '~/lib/calculators/c05-1-cost-plus';
import { readFields } from '~/lib/kit/fields';

function run(overrides: Partial<typeof costPlus.defaults> = {}) {
  const raw = { ...costPlus.defaults, ...overrides };
  const read = readFields(costPlus.fields, raw);
  return { ...costPlus.compute(read.values, []), fieldErrors: read.errors };
}

describe('C05.1 cost-plus, CVP and break-even', () => {
  it('reproduces the methodology worked example', () => {
    // VC = 30 + 15 + 5 = 50; full cost = 50 + 200,000/10,000 = 70; P = 70 × 1.3 = 91.
    const { results: r, issues } = run();
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
