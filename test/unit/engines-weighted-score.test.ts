import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minMaxRescale, minMaxRescaleAll, weightedScore } from '~/lib/calculators/engines/weighted-score';

describe('E1 weighted score', () => {
  it('computes Σ wᵢ·sᵢ / Σ wᵢ', () => {
    // (30·5 + 25·1 + 20·3 + 25·4) / 100 = (150 + 25 + 60 + 100) / 100 = 3.35
    expect(weightedScore([5, 1, 3, 4], [30, 25, 20, 25])).toBeCloseTo(3.35, 12);
    // Weights need not sum to 100: (2·4 + 1·1) / 3 = 3
    expect(weightedScore([4, 1], [2, 1])).toBe(3);
  });

  it('guards Σw = 0, mismatched lists and bad weights', () => {
    expect(weightedScore([1, 2], [0, 0])).toBeNull();
    expect(weightedScore([], [])).toBeNull();
    expect(weightedScore([1, 2], [1])).toBeNull();
    expect(weightedScore([1, 2], [-1, 2])).toBeNull();
    expect(weightedScore([Number.NaN, 2], [1, 1])).toBeNull();
  });

  it('rescales min–max onto 1–5 both ways, and to 3 when max = min', () => {
    // s = 1 + 4·(x − min)/(max − min); reversed s = 5 − 4·(x − min)/(max − min)
    expect(minMaxRescale(80, 80, 400, true)).toBe(1);
    expect(minMaxRescale(400, 80, 400, true)).toBe(5);
    expect(minMaxRescale(252, 80, 400, true)).toBeCloseTo(3.15, 12);
    expect(minMaxRescale(252, 80, 400, false)).toBeCloseTo(2.85, 12);
    expect(minMaxRescale(7, 7, 7, true)).toBe(3);
    expect(minMaxRescale(0.1 + 0.2, 0.3, 0.30000000000000004, false)).toBe(3);
    expect(minMaxRescaleAll([10, 20, 30], false)).toEqual([5, 3, 1]);
  });

  it('keeps weighted scores of 1–5 scores within 1–5', () => {
    const pair = fc.array(fc.tuple(fc.double({ min: 1, max: 5, noNaN: true }), fc.double({ min: 0, max: 1000, noNaN: true })), { minLength: 1, maxLength: 10 });
    fc.assert(
      fc.property(pair, (items) => {
        const s = weightedScore(items.map((i) => i[0]), items.map((i) => i[1]));
        if (s === null) return;
        expect(s).toBeGreaterThanOrEqual(1 - 1e-12);
        expect(s).toBeLessThanOrEqual(5 + 1e-12);
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e12, max: 1e12, noNaN: true }), { minLength: 1, maxLength: 10 }), fc.boolean(), (xs, up) => {
        for (const s of minMaxRescaleAll(xs, up)) expect(s >= 1 && s <= 5).toBe(true);
      }),
    );
  });
});
