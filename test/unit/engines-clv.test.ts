import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAllFinite, round9 } from '~/lib/kit/calculator';
import {
  MAX_CLV_HORIZON,
  expectedLifetime,
  finiteClv,
  infiniteClv,
  lifetimeValue,
  paybackPeriod,
  periodMargin,
  simpleLtv,
} from '~/lib/calculators/engines/clv';

const round2 = (x: number) => Math.round(x * 100) / 100;

describe('E5 customer lifetime value', () => {
  it('reproduces the methodology worked example', () => {
    // m = 500 × 4 × 40% = 800; r = 80%, d = 10%; CLV_5 = Σ_{t=0}^{4} 800·(0.8/1.1)^t.
    const m = periodMargin(500, 4, 0.4);
    expect(m).toBe(800);
    const s = lifetimeValue({ margin: m, retention: 0.8, discountRate: 0.1, horizon: 5, acquisitionCost: 600 });
    expect(s.finite!.cumulative.map(round2)).toEqual([800, 1381.82, 1804.96, 2112.7, 2336.51]);
    expect(round2(s.finite!.value)).toBe(2336.51);
    expect(round2(s.infinite!)).toBe(2933.33); // 800 × 1.1 / (1.1 − 0.8)
    expect(round2(s.netFinite!)).toBe(1736.51);
    expect(round2(s.netInfinite!)).toBe(2333.33);
    expect(round2(s.ratioToCac!)).toBe(3.89); // C10.2: CLV_5 / CAC = 2336.51 / 600
    expect(s.payback).toBe(1); // 800 ≥ 600 in year 1
    expect(s.expectedLifetime).toBeCloseTo(5, 12); // 1 / (1 − 0.8)
    expect(s.simple).toBeCloseTo(4000, 9); // 800 / 0.2, undiscounted
    expect(s.guards).toEqual([]);
  });

  it('matches the chapter-6 channel LTVs (5 years, 10%, retention cost 0)', () => {
    // Direct sales: m = 8,000 × 2 × 40% = 6,400, r = 85%; distribution 4,000 × 2 × 25% = 2,000, r = 75%;
    // e-commerce 300 × 3 × 45% = 405, r = 55%.
    const direct = finiteClv(periodMargin(8000, 2, 0.4), 0.85, 0.1, 5);
    expect(direct.ok && round2(direct.value)).toBe(20401.75);
    const d = finiteClv(periodMargin(4000, 2, 0.25), 0.75, 0.1, 5);
    expect(d.ok && round2(d.value)).toBe(5359.53);
    const e = finiteClv(periodMargin(300, 3, 0.45), 0.55, 0.1, 5);
    expect(e.ok && round2(e.value)).toBe(784.69);
  });

  it('subtracts the retention cost from the period margin', () => {
    expect(periodMargin(500, 4, 0.4, 100)).toBe(700);
  });

  it('guards retention, discount rate and horizon', () => {
    expect(finiteClv(800, 1.2, 0.1, 5)).toEqual({ ok: false, reason: 'retentionOutOfRange' });
    expect(finiteClv(800, -0.1, 0.1, 5)).toEqual({ ok: false, reason: 'retentionOutOfRange' });
    expect(finiteClv(800, 0.8, -1, 5)).toEqual({ ok: false, reason: 'discountRateOutOfRange' });
    expect(finiteClv(800, 0.8, 0.1, 0)).toEqual({ ok: false, reason: 'horizonOutOfRange' });
    expect(finiteClv(800, 0.8, 0.1, 2.5)).toEqual({ ok: false, reason: 'horizonOutOfRange' });
    expect(finiteClv(800, 0.8, 0.1, MAX_CLV_HORIZON + 1)).toEqual({ ok: false, reason: 'horizonOutOfRange' });
    expect(finiteClv(800, 0.8, 0.1, MAX_CLV_HORIZON).ok).toBe(true);
  });

  it('guards r ≥ 1 + d for the infinite horizon and r = 100% for the simple variant and lifetime', () => {
    expect(infiniteClv(800, 1, 0)).toEqual({ ok: false, reason: 'neverEnds' });
    expect(infiniteClv(800, 1, 0.1).ok).toBe(true); // 800 × 1.1 / 0.1 = 8,800: converges thanks to discounting
    expect(simpleLtv(800, 1)).toEqual({ ok: false, reason: 'fullRetention' });
    expect(expectedLifetime(1)).toEqual({ ok: false, reason: 'fullRetention' });
    const s = lifetimeValue({ margin: 800, retention: 1, discountRate: 0, horizon: 5 });
    expect(s.finite!.value).toBe(4000); // five undiscounted periods still add up
    expect(s.guards.map((g) => g.part)).toEqual(['infinite', 'simple', 'lifetime']);
  });

  it('gives no ratio for a zero CAC but still a payback in period 1', () => {
    const s = lifetimeValue({ margin: 800, retention: 0.8, discountRate: 0.1, horizon: 5, acquisitionCost: 0 });
    expect(s.ratioToCac).toBeUndefined();
    expect(s.guards).toEqual([{ part: 'ratio', reason: 'zeroAcquisitionCost' }]);
    expect(s.payback).toBe(1);
  });

  it('reports no payback within the horizon when the cumulative CLV stays below CAC', () => {
    expect(paybackPeriod([800, 1381.82, 1804.96], 5000)).toBeNull();
    // Exactly equal counts as paid back (≥), even with binary noise.
    expect(paybackPeriod([0.1 + 0.2], 0.3)).toBe(1);
    const s = lifetimeValue({ margin: 800, retention: 0.8, discountRate: 0.1, horizon: 5, acquisitionCost: 2200 });
    expect(s.payback).toBe(5);
  });

  it('turns overflow into a reason, never Infinity', () => {
    expect(finiteClv(1e308, 1, 0, 10)).toEqual({ ok: false, reason: 'overflow' });
    expect(infiniteClv(1e308, 0.9, 0)).toEqual({ ok: false, reason: 'overflow' });
  });
});

describe('E5 properties (fast-check)', () => {
  const inputs = fc.record({
    margin: fc.double({ min: -1e9, max: 1e9, noNaN: true }),
    retention: fc.double({ min: 0, max: 1, noNaN: true }),
    discountRate: fc.double({ min: 0, max: 2, noNaN: true }),
    horizon: fc.integer({ min: 1, max: MAX_CLV_HORIZON }),
    acquisitionCost: fc.option(fc.double({ min: 0, max: 1e9, noNaN: true })),
  });

  it('every number is finite; CLV_T equals the closed form; cumulative is monotone with the sign of m', () => {
    fc.assert(
      fc.property(inputs, (v) => {
        const s = lifetimeValue(v);
        expect(isAllFinite(s)).toBe(true);
        const f = s.finite!;
        expect(f.cumulative).toHaveLength(v.horizon);
        // Closed form m·(1 − q^T)/(1 − q), q = r/(1+d) (q = 1 → m·T).
        const q = v.retention / (1 + v.discountRate);
        const closed = Math.abs(1 - q) < 1e-9 ? v.margin * v.horizon : (v.margin * (1 - q ** v.horizon)) / (1 - q);
        expect(Math.abs(f.value - closed)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(closed)));
        for (let i = 1; i < f.cumulative.length; i++) {
          if (v.margin >= 0) expect(f.cumulative[i]!).toBeGreaterThanOrEqual(f.cumulative[i - 1]! - 1e-9);
          else expect(f.cumulative[i]!).toBeLessThanOrEqual(f.cumulative[i - 1]! + 1e-9);
        }
        // With a positive margin the finite horizon never exceeds the infinite one.
        if (s.infinite !== undefined && v.margin >= 0) expect(f.value).toBeLessThanOrEqual(s.infinite * (1 + 1e-9) + 1e-9);
        if (s.payback != null) expect(round9(f.cumulative[s.payback - 1]!)).toBeGreaterThanOrEqual(round9(v.acquisitionCost!));
      }),
      { numRuns: 500 },
    );
  });
});
