import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyScore, countScores, npsFromCounts, npsSampleSize, type Nps } from '~/lib/calculators/engines/nps';
import { npsDifference } from '~/lib/calculators/engines/nps-difference';

const ok = <T extends { ok: boolean }>(out: T) => {
  if (!out.ok) throw new Error(`unexpected guard ${JSON.stringify(out)}`);
  return out as Extract<T, { ok: true }>;
};

describe('E3 NPS engine', () => {
  it('reproduces the methodology worked example (n = 200: 100 P / 80 passive / 20 D)', () => {
    const r = ok(npsFromCounts({ promoters: 100, passives: 80, detractors: 20 }));
    // NPS = 100·(100 − 20)/200 = 40.0; Var = 0.5 + 0.1 − 0.4² = 0.44; SE = 100·√(0.44/200) = 4.690;
    // CI = 40 ± 1.96 × 4.690 = [30.8, 49.2].
    expect(r.n).toBe(200);
    expect(r.nps).toBeCloseTo(40, 12);
    expect(r.variance).toBeCloseTo(0.44, 12);
    expect(r.standardError.toFixed(2)).toBe('4.69');
    expect(r.low.toFixed(1)).toBe('30.8');
    expect(r.high.toFixed(1)).toBe('49.2');
    expect(r.clamped).toBe(false);
    expect([r.promoterShare, r.passiveShare, r.detractorShare]).toEqual([0.5, 0.4, 0.1]);
    // ±5 points: n = 1.96² × 0.44 / 0.05² = 676.12 → 677.
    const size = ok(npsSampleSize(r.variance, 5));
    expect(size.exact.toFixed(2)).toBe('676.12');
    expect(size.n).toBe(677);
  });

  it('classifies 0–10 answers and counts a pasted list', () => {
    expect([0, 6, 7, 8, 9, 10].map(classifyScore)).toEqual(['detractor', 'detractor', 'passive', 'passive', 'promoter', 'promoter']);
    expect([-1, 11, 8.5, Number.NaN].map(classifyScore)).toEqual([null, null, null, null]);
    expect(countScores([10, 9, 8, 7, 6, 0, 10])).toEqual({ ok: true, counts: { promoters: 3, passives: 2, detractors: 2 } });
    expect(countScores([10, 9, 12, 3])).toEqual({ ok: false, reason: 'scoreOutOfRange', index: 2 });
    expect(countScores([])).toEqual({ ok: true, counts: { promoters: 0, passives: 0, detractors: 0 } });
  });

  it('guards n = 0 and impossible counts', () => {
    expect(npsFromCounts({ promoters: 0, passives: 0, detractors: 0 })).toEqual({ ok: false, reason: 'noResponses' });
    expect(npsFromCounts({ promoters: -1, passives: 5, detractors: 0 })).toEqual({ ok: false, reason: 'badCount' });
    expect(npsFromCounts({ promoters: 1.5, passives: 5, detractors: 0 })).toEqual({ ok: false, reason: 'badCount' });
    expect(npsFromCounts({ promoters: Number.NaN, passives: 5, detractors: 0 })).toEqual({ ok: false, reason: 'badCount' });
    expect(npsFromCounts({ promoters: 1e308, passives: 0, detractors: 1e308 })).toEqual({ ok: false, reason: 'badCount' });
    expect(npsFromCounts({ promoters: 2 ** 52, passives: 2 ** 52, detractors: 0 })).toEqual({ ok: false, reason: 'badCount' });
  });

  it('cuts the Wald interval at ±100 and says so; all answers alike give a zero-width interval', () => {
    // 9 P, 1 D of 10: NPS 80, Var = 1 − 0.64 = 0.36, SE = 100·√0.036 = 18.97, high = 80 + 37.19 → cut to 100.
    const r = ok(npsFromCounts({ promoters: 9, passives: 0, detractors: 1 }));
    expect(r.nps).toBeCloseTo(80, 12);
    expect(r.standardError).toBeCloseTo(100 * Math.sqrt(0.036), 12);
    expect(r.high).toBe(100);
    expect(r.low).toBeCloseTo(80 - 1.96 * 100 * Math.sqrt(0.036), 12);
    expect(r.clamped).toBe(true);
    const all = ok(npsFromCounts({ promoters: 7, passives: 0, detractors: 0 }));
    expect([all.nps, all.variance, all.standardError, all.low, all.high]).toEqual([100, 0, 0, 100, 100]);
  });

  it('guards the sample size: E = 0, Var = 0, and the worst case Var = 1 plans 385 answers for ±10', () => {
    expect(npsSampleSize(0.44, 0)).toEqual({ ok: false, reason: 'zeroMargin' });
    expect(npsSampleSize(0.44, -3)).toEqual({ ok: false, reason: 'zeroMargin' });
    expect(npsSampleSize(0, 5)).toEqual({ ok: false, reason: 'zeroVariance' });
    expect(npsSampleSize(1, 1e-12)).toEqual({ ok: false, reason: 'zeroMargin' });
    expect(npsSampleSize(1, 1e-7)).toEqual({ ok: false, reason: 'tooLarge' });
    // 1.96² × 1 / 0.1² = 384.16 → 385.
    expect(ok(npsSampleSize(1, 10)).n).toBe(385);
  });

  it('compares two independent NPS: SE_diff = √(SE₁² + SE₂²)', () => {
    const a = ok(npsFromCounts({ promoters: 100, passives: 80, detractors: 20 }));
    // 150 P / 30 passive / 20 D: NPS 65, Var = 0.85 − 0.65² = 0.4275, SE = 100·√(0.4275/200) = 4.623.
    const b = ok(npsFromCounts({ promoters: 150, passives: 30, detractors: 20 }));
    expect(b.standardError).toBeCloseTo(100 * Math.sqrt(0.4275 / 200), 12);
    const d = ok(npsDifference(a, b));
    // SE_diff = √(22 + 21.375) = 6.586; diff 25 ± 1.96 × 6.586 = [12.09, 37.91]; z = 3.796, p = 0.00015.
    expect(d.difference).toBeCloseTo(25, 12);
    expect(d.standardError).toBeCloseTo(Math.sqrt(43.375), 12);
    expect(d.low.toFixed(2)).toBe('12.09');
    expect(d.high.toFixed(2)).toBe('37.91');
    expect(d.zScore.toFixed(3)).toBe('3.796');
    expect(d.pValue.toFixed(5)).toBe('0.00015');
    const back = ok(npsDifference(b, a));
    expect(back.difference).toBeCloseTo(-25, 12);
    expect(back.pValue).toBeCloseTo(d.pValue, 15);
    expect(npsDifference({ nps: 100, standardError: 0 }, { nps: -100, standardError: 0 })).toEqual({ ok: false, reason: 'noVariance' });
    expect(npsDifference({ nps: 140, standardError: 1 }, b)).toEqual({ ok: false, reason: 'badInput' });
    expect(npsDifference(a, { nps: 10, standardError: -1 })).toEqual({ ok: false, reason: 'badInput' });
  });
});

describe('E3 properties (fast-check)', () => {
  const counts = fc.record({
    promoters: fc.integer({ min: 0, max: 1_000_000 }),
    passives: fc.integer({ min: 0, max: 1_000_000 }),
    detractors: fc.integer({ min: 0, max: 1_000_000 }),
  });

  it('NPS, variance and interval stay in range and finite; the interval contains the score', () => {
    fc.assert(
      fc.property(counts, (c) => {
        const r = npsFromCounts(c);
        if (c.promoters + c.passives + c.detractors === 0) {
          expect(r).toEqual({ ok: false, reason: 'noResponses' });
          return;
        }
        const v = ok(r) as Nps & { ok: true };
        for (const x of [v.nps, v.variance, v.standardError, v.low, v.high]) expect(Number.isFinite(x)).toBe(true);
        expect(v.nps).toBeGreaterThanOrEqual(-100);
        expect(v.nps).toBeLessThanOrEqual(100);
        expect(v.variance).toBeGreaterThanOrEqual(0);
        expect(v.variance).toBeLessThanOrEqual(1 + 1e-12);
        expect(v.low).toBeLessThanOrEqual(v.nps + 1e-9);
        expect(v.high).toBeGreaterThanOrEqual(v.nps - 1e-9);
        expect(v.low).toBeGreaterThanOrEqual(-100);
        expect(v.high).toBeLessThanOrEqual(100);
        // Variance of a +1/0/−1 score: E[X²] − E[X]².
        expect(v.variance).toBeCloseTo(v.promoterShare + v.detractorShare - (v.nps / 100) ** 2, 12);
      }),
      { numRuns: 1000 },
    );
  });

  it('counting pasted answers agrees with counting by hand, and scaling every count keeps the score but narrows the interval', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 300 }), fc.integer({ min: 2, max: 50 }), (scores, k) => {
        const { counts } = ok(countScores(scores));
        expect(counts.promoters).toBe(scores.filter((s) => s >= 9).length);
        expect(counts.detractors).toBe(scores.filter((s) => s <= 6).length);
        const one = ok(npsFromCounts(counts));
        const many = ok(npsFromCounts({ promoters: k * counts.promoters, passives: k * counts.passives, detractors: k * counts.detractors }));
        expect(many.nps).toBeCloseTo(one.nps, 9);
        expect(many.standardError).toBeLessThanOrEqual(one.standardError + 1e-12);
      }),
    );
  });

  it('the planned sample reaches the margin it was planned for, and one fewer would not', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1, noNaN: true }), fc.double({ min: 0.5, max: 50, noNaN: true }), (variance, margin) => {
        const { n } = ok(npsSampleSize(variance, margin));
        const halfWidth = (m: number) => 1.96 * 100 * Math.sqrt(variance / m);
        expect(halfWidth(n)).toBeLessThanOrEqual(margin * (1 + 1e-9));
        if (n > 1) expect(halfWidth(n - 1)).toBeGreaterThan(margin * (1 - 1e-9));
      }),
      { numRuns: 1000 },
    );
  });

  it('any input gives a result or a reason, never an exception or a non-finite number', () => {
    fc.assert(
      fc.property(fc.double(), fc.double(), fc.double(), fc.double(), (a, b, c, e) => {
        const r = npsFromCounts({ promoters: a, passives: b, detractors: c });
        if (r.ok) for (const x of Object.values(r)) if (typeof x === 'number') expect(Number.isFinite(x)).toBe(true);
        const s = npsSampleSize(Math.abs(a) % 1, e);
        if (s.ok) expect(Number.isSafeInteger(s.n)).toBe(true);
        const d = npsDifference({ nps: a, standardError: b }, { nps: c, standardError: e });
        if (d.ok) for (const x of Object.values(d)) if (typeof x === 'number') expect(Number.isFinite(x)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
