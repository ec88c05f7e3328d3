import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cagr, doublingTime, growthFactor, project, projectSeries } from '~/lib/calculators/engines/growth';

describe('E4 growth', () => {
  it('reproduces the methodology worked example', () => {
    // doubling = ln 2 / ln 1.26 = 0.693147 / 0.231112 = 2.9992 ≈ 3.00 years
    const d = doublingTime(0.26);
    expect(d.ok && Number(d.value.toFixed(2))).toBe(3);
    // 1.12⁵ = 1.7623416832 ≈ ×1.762
    expect(Number(growthFactor(0.12, 5)!.toFixed(3))).toBe(1.762);
  });

  it('computes CAGR and guards its inputs', () => {
    // (200/100)^(1/5) − 1 = 2^0.2 − 1 = 0.148698…
    const c = cagr(100, 200, 5);
    expect(c.ok && c.value).toBeCloseTo(0.148698355, 9);
    expect(cagr(0, 200, 5)).toEqual({ ok: false, guard: 'startNotPositive' });
    expect(cagr(-1, 200, 5)).toEqual({ ok: false, guard: 'startNotPositive' });
    expect(cagr(100, -1, 5)).toEqual({ ok: false, guard: 'endNegative' });
    expect(cagr(100, 200, 0)).toEqual({ ok: false, guard: 'yearsNotPositive' });
    expect(cagr(100, 0, 2)).toEqual({ ok: true, value: -1 });
  });

  it('never doubles at r ≤ 0', () => {
    expect(doublingTime(0)).toEqual({ ok: false, guard: 'neverDoubles' });
    expect(doublingTime(-0.5)).toEqual({ ok: false, guard: 'neverDoubles' });
    expect(doublingTime(1e-12)).toEqual({ ok: false, guard: 'neverDoubles' }); // 0 after rounding to 9 decimals
  });

  it('projects each year from the base value', () => {
    expect(project(10_080_000, 0.12, 5)).toBeCloseTo(17_764_404.166656, 5);
    expect(projectSeries(100, 0.1, 2)).toEqual([100, expect.closeTo(110, 12), expect.closeTo(121, 12)]);
    expect(project(100, -1, 3)).toBe(0);
    expect(project(100, -1.5, 3)).toBeNull();
    expect(project(100, 0.1, -1)).toBeNull();
    expect(projectSeries(100, 0.1, 1.5)).toBeNull();
    expect(project(1e300, 10, 50)).toBeNull(); // overflow is a guard, not Infinity
  });

  it('CAGR and projection are inverse', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1e9, noNaN: true }), fc.double({ min: -0.99, max: 5, noNaN: true }), fc.integer({ min: 1, max: 30 }), (v0, r, n) => {
        const end = project(v0, r, n)!;
        const back = cagr(v0, end, n);
        expect(back.ok).toBe(true);
        if (back.ok) expect(back.value).toBeCloseTo(r, 6);
      }),
    );
  });
});
