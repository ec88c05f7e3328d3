import { readFields } from '~/lib/kit/fields';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stressScenario, stressTest } from '~/lib/calculators/c13-2-stress-test';
import { codes, fuzzFields, fuzzNumbers, runCalc } from './helpers/control';

const run = (overrides: Partial<typeof stressTest.example> = {}) => runCalc(stressTest, overrides);

describe('C13.2 raw-material stress test — worked example (chapter 13 and the methodology)', () => {
  it('baseline: CM 40 (40%), profit 200,000, break-even 5,000; break-even shock exactly 50%', () => {
    const { results: r } = run();
    const b = r.baseline!;
    expect(b.unitContribution).toBe(40); // 100 − 40 − 20
    expect(b.contributionRatio).toBe(0.4);
    expect(b.profit).toBe(200000); // 40 × 10,000 − 200,000
    expect(b.breakEvenVolume).toBe(5000); // 200,000 / 40
    expect(r.breakEvenShock).toBe(0.5); // 200,000 / (40 × 10,000)
  });

  it('+50% without pass-through: CM 20 (20%), profit 0, break-even 10,000', () => {
    const { results: r, issues } = run({ passThrough: '0' });
    const s = r.stressed!;
    expect(s.rawMaterial).toBe(60);
    expect(s.price).toBe(100);
    expect(s.volume).toBe(10000);
    expect(s.unitContribution).toBe(20);
    expect(s.contributionRatio).toBe(0.2);
    expect(s.profit).toBe(0);
    expect(s.breakEvenVolume).toBe(10000);
    expect(r.profitChange).toBe(-200000);
    expect(issues).toEqual([]);
  });

  it('+50% with half passed on at elasticity −1: P′ 110, Q′ 9,090.9, CM 30 (27.3%), profit 72,727.27', () => {
    const { results: r, issues } = run();
    const s = r.stressed!;
    expect(s.price).toBe(110); // 100 + 0.5 × 40 × 0.5
    expect(s.volume).toBeCloseTo(9090.9, 1); // 10,000 × (110/100)^−1
    expect(s.unitContribution).toBeCloseTo(30, 12);
    expect(s.contributionRatio * 100).toBeCloseTo(27.3, 1);
    expect(s.profit).toBeCloseTo(72727.27, 2); // 30 × 9,090.909… − 200,000
    expect(s.breakEvenVolume!).toBeCloseTo(6666.7, 1);
    expect(r.volumeChange!).toBeCloseTo(-909.09, 2); // "loses about 909 units"
    expect(issues).toEqual([]);
  });

  it('draws profit against shocks 0–100% in 5-point steps', () => {
    const curve = run({ passThrough: '0' }).results.profitCurve!;
    expect(curve).toHaveLength(21);
    expect(curve[0]).toEqual({ shock: 0, profit: 200000 });
    expect(curve[10]!.shock).toBe(0.5);
    expect(curve[10]!.profit).toBeCloseTo(0, 6);
    expect(curve[20]!.profit).toBeCloseTo(-200000, 6); // RM 80: CM 0 → −FC
  });
});

describe('C13.2 cash runway and guards', () => {
  it('runway = cash / (monthly fixed cash − stressed contribution / 12)', () => {
    // +100% shock without pass-through: CM 0 → monthly loss = 20,000; cash 150,000 → 7.5 months.
    const { results: r } = run({ shock: '100', passThrough: '0', cash: '150000', monthlyFixedCash: '20000' });
    expect(r.monthlyCashLoss).toBeCloseTo(20000, 9);
    expect(r.runwayMonths).toBeCloseTo(7.5, 12);
  });

  it('no cash burn when the contribution covers fixed cash; asks for cash when missing', () => {
    const ok = run({ monthlyFixedCash: '10000', cash: '1000' }); // stressed contribution 272,727 / 12 ≈ 22,727
    expect(codes(ok.issues)).toContain('c13_2.noCashBurn');
    expect(ok.results.runwayMonths).toBeUndefined();
    const noCash = run({ shock: '100', passThrough: '0', monthlyFixedCash: '20000' });
    expect(codes(noCash.issues)).toContain('c13_2.enterCash');
  });

  it('break-even shock guards: no raw material, or already at a loss', () => {
    const none = run({ rawMaterial: '0' });
    expect(none.issues).toContainEqual(expect.objectContaining({ code: 'c13_2.noRawMaterial', field: 'rawMaterial' }));
    expect(none.results.breakEvenShock).toBeUndefined();
    const loss = run({ fixedCosts: '500000' });
    expect(codes(loss.issues)).toContain('c13_2.alreadyAtBreakEven');
    expect(loss.results.breakEvenShock).toBeUndefined();
    expect(loss.results.stressed).toBeDefined();
  });

  it('no break-even volume when the stressed margin is 0 or below', () => {
    const { results, issues } = run({ shock: '100', passThrough: '0' }); // RM 80: 100 − 80 − 20 = 0
    expect(results.stressed!.unitContribution).toBe(0);
    expect(results.stressed!.breakEvenVolume).toBeUndefined();
    expect(codes(issues)).toContain('c13_2.noStressedMargin');
  });

  it('refuses a stressed price of 0 or below and keeps the baseline', () => {
    // RM 200 > price 100; shock −60% fully passed on: P′ = 100 − 120 = −20.
    const { results, issues } = run({ rawMaterial: '200', shock: '-60', passThrough: '100' });
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c13_2.priceNotPositive', field: 'shock' }));
    expect(results.stressed).toBeUndefined();
    expect(results.baseline).toBeDefined();
  });

  it('refuses a price too small to compute with: at the field when typed, in the module when passed directly', () => {
    // The kit's parser refuses magnitudes below 1e-9 before the module sees them.
    expect(run({ price: '1e-12' }).fieldErrors.price).toEqual({ code: 'parse.tooSmall' });
    const read = readFields(stressTest.fields, stressTest.example);
    const direct = stressTest.compute({ ...read.values, price: 1e-12 }, []);
    expect(direct.issues).toContainEqual(expect.objectContaining({ code: 'c13_2.priceTooSmall', field: 'price' }));
  });

  it('warns on a positive elasticity', () => {
    expect(codes(run({ elasticity: '0.5' }).issues)).toContain('c13_2.positiveElasticity');
  });
});

describe('C13.2 properties', () => {
  it('with no pass-through, profit falls linearly and hits 0 at the break-even shock', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 1_000_000 }),
        fc.double({ min: 0.05, max: 0.6, noNaN: true }), fc.double({ min: 0, max: 0.3, noNaN: true }),
        (price, volume, fixed, rmShare, ovShare) => {
          const base = { price, volume, rawMaterial: price * rmShare, otherVariable: price * ovShare, fixedCosts: fixed };
          const b = stressScenario(base, 0, 0, -1)!;
          if (b.profit <= 0) return;
          const sStar = b.profit / (base.rawMaterial * volume);
          const atStar = stressScenario(base, sStar, 0, -1)!;
          expect(Math.abs(atStar.profit)).toBeLessThanOrEqual(1e-6 * Math.max(1, b.profit));
          const more = stressScenario(base, sStar + 0.1, 0, -1)!;
          expect(more.profit).toBeLessThan(atStar.profit);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('random text or numbers in any field give a message, never an exception or a non-finite result', () => {
    fuzzFields(stressTest);
    fuzzNumbers(stressTest);
  });
});
