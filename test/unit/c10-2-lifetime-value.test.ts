import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lifetimeValueCalculator as calc } from '~/lib/calculators/c10-2-lifetime-value';
import { codes, fuzzFields, fuzzNumbers, runCalc } from './helpers/control';

const run = (overrides: Partial<typeof calc.example> = {}) => runCalc(calc, overrides);

describe('C10.2 customer lifetime value — chapter 10 / methodology E5 example', () => {
  it('m = 800; CLV₅ 2,336.51, CLV∞ 2,933.33; net 1,736.51 / 2,333.33; CLV/CAC 3.89; payback year 1; lifetime 5', () => {
    const { results: r, issues } = run();
    expect(r.marginPerYear).toBe(800); // 500 × 4 × 40%
    // Year t (1-based) adds 800 × (0.8/1.1)^(t−1).
    expect(r.years!.map((y) => Number(y.discounted.toFixed(2)))).toEqual([800, 581.82, 423.14, 307.74, 223.81]);
    expect(r.years!.map((y) => Number(y.cumulative.toFixed(2)))).toEqual([800, 1381.82, 1804.96, 2112.7, 2336.51]);
    expect(r.clvFinite).toBeCloseTo(2336.51, 2);
    expect(r.clvInfinite).toBeCloseTo(2933.33, 2); // 800 × 1.1 / 0.3
    expect(r.netFinite).toBeCloseTo(1736.51, 2);
    expect(r.netInfinite).toBeCloseTo(2333.33, 2);
    expect(r.clvToCac).toBeCloseTo(3.89, 2); // 2,336.51 / 600
    expect(r.paybackYear).toBe(1); // 800 ≥ 600 in year 1
    expect(r.expectedLifetime).toBeCloseTo(5, 12); // 1 / (1 − 0.8)
    expect(r.simpleLtv).toBeCloseTo(4000, 9); // 800 / 0.2, undiscounted
    expect(issues).toEqual([]);
  });
});

describe('C10.2 guards', () => {
  it('payback later in the horizon, or not within it', () => {
    expect(run({ acquisitionCost: '1500' }).results.paybackYear).toBe(3); // 1,381.82 < 1,500 ≤ 1,804.96
    const never = run({ acquisitionCost: '3000' });
    expect(never.results.paybackYear).toBeNull();
    expect(never.issues).toContainEqual(expect.objectContaining({ code: 'c10_2.noPayback', field: 'horizon' }));
  });

  it('zero CAC: no ratio, net = CLV', () => {
    const { results, issues } = run({ acquisitionCost: '0' });
    expect(results.clvToCac).toBeUndefined();
    expect(results.netFinite).toBe(results.clvFinite);
    expect(codes(issues)).toContain('c10_2.zeroCac');
  });

  it('100% retention: no infinite CLV at d = 0, no lifetime; the finite CLV stays', () => {
    const { results, issues } = run({ retention: '100', discountRate: '0' });
    expect(results.clvInfinite).toBeUndefined();
    expect(results.expectedLifetime).toBeUndefined();
    expect(results.clvFinite).toBe(4000); // 5 × 800
    expect(codes(issues)).toEqual(expect.arrayContaining(['c10_2.neverEnds', 'c10_2.fullRetention']));
    // With discounting, 100% retention still converges: 800 × 1.1 / 0.1 = 8,800.
    expect(run({ retention: '100' }).results.clvInfinite).toBeCloseTo(8800, 6);
  });

  it('a retention cost at or above the margin is flagged', () => {
    const { results, issues } = run({ retentionCost: '900' });
    expect(results.marginPerYear).toBe(-100);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c10_2.noMargin', field: 'retentionCost' }));
  });
});

describe('C10.2 properties', () => {
  it('cumulative CLV rises towards the infinite-horizon CLV and never passes it (m > 0)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 100 }), (m, r, d, t) => {
        const { results: x } = run({ orderValue: String(m), purchasesPerYear: '1', grossMargin: '100', retentionCost: '0', retention: String(r), discountRate: String(d), horizon: String(t) });
        expect(x.clvFinite!).toBeLessThanOrEqual(x.clvInfinite! * (1 + 1e-12));
        const cum = x.years!.map((y) => y.cumulative);
        for (let i = 1; i < cum.length; i++) expect(cum[i]!).toBeGreaterThanOrEqual(cum[i - 1]!);
      }),
      { numRuns: 300 },
    );
  });

  it('random text or numbers in any field give a message, never an exception or a non-finite result', () => {
    fuzzFields(calc);
    fuzzNumbers(calc);
  });
});
