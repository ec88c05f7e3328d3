import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalCdf, proportion, twoProportionTest } from '~/lib/calculators/engines/proportions';
import { normalQuantile, sampleSizePerArm, zForConfidence } from '~/lib/calculators/engines/sample-size';

describe('E2 proportions engine', () => {
  it('computes Φ to double precision (reference values from 0.5·erfc(−x/√2))', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 14);
    expect(normalCdf(-1.96)).toBeCloseTo(0.024997895148220435, 15);
    expect(normalCdf(-5) / 2.866515718791946e-7).toBeCloseTo(1, 9); // relative accuracy in the tail
    expect(normalCdf(-10) / 7.61985302416047e-24).toBeCloseTo(1, 6); // relative accuracy deep in the tail
    expect(normalCdf(40)).toBe(1);
    expect(normalCdf(-40)).toBe(0);
  });

  it('inverts Φ: z_{α/2} = 1.95996 at α 5% and z_β = 0.84162 at power 80%', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.8)).toBeCloseTo(0.8416212335729143, 12);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 14);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 11);
    expect(zForConfidence(0.95)).toBeCloseTo(1.959963984540054, 12);
    expect(Number.isNaN(normalQuantile(0))).toBe(true);
    expect(Number.isNaN(normalQuantile(1))).toBe(true);
  });

  it('round-trips Φ⁻¹(Φ(x)) = x', () => {
    fc.assert(
      fc.property(fc.double({ min: -7, max: 4, noNaN: true }), (x) => {
        // Above x ≈ 4, p = Φ(x) sits so close to 1 that a double cannot hold it precisely enough to invert.
        expect(normalQuantile(normalCdf(x))).toBeCloseTo(x, 7);
      }),
    );
  });

  it('reproduces the worked example: 120/400 → 30.0%, Wilson [25.7%, 34.7%]', () => {
    // centre = (p̂ + z²/2n)/(1 + z²/n), half = z/(1 + z²/n)·√(p̂(1−p̂)/n + z²/4n²), z = 1.96
    const p = proportion(120, 400);
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.rate).toBe(0.3);
    expect(p.low * 100).toBeCloseTo(25.7, 1); // 25.7167
    expect(p.high * 100).toBeCloseTo(34.7, 1); // 34.6638
  });

  it('reproduces the worked example: 120/400 vs 150/400 → z = 2.243, p = 0.025', () => {
    // p̄ = 270/800; z = (0.375 − 0.3)/√(p̄(1−p̄)(2/400)) = 2.2431; p = 2(1 − Φ(2.2431)) = 0.02489
    const t = twoProportionTest(120, 400, 150, 400);
    expect(t.ok).toBe(true);
    if (!t.ok) return;
    expect(t.z).toBeCloseTo(2.243, 3);
    expect(t.pValue).toBeCloseTo(0.025, 3);
    expect(t.pValue).toBeCloseTo(0.0248911006, 9);
    expect(t.pooled).toBeCloseTo(270 / 800, 15);
  });

  it('reproduces the worked example: 5% → 6.5% needs 3,780 per arm (α 5%, power 80%)', () => {
    // n = [1.95996·√(2·0.0575·0.9425) + 0.84162·√(0.05·0.95 + 0.065·0.935)]² / 0.015² = 3,779.80 → 3,780
    const s = sampleSizePerArm(0.05, 0.065, 0.05, 0.8);
    expect(s.ok).toBe(true);
    if (!s.ok) return;
    expect(s.exact).toBeCloseTo(3779.8, 1);
    expect(s.perArm).toBe(3780);
  });

  it('guards n = 0, counts above n, a degenerate pooled rate and p₁ = p₂', () => {
    expect(proportion(0, 0)).toEqual({ ok: false, reason: 'zeroTrials' });
    expect(proportion(5, 4)).toEqual({ ok: false, reason: 'successesAboveTrials' });
    expect(twoProportionTest(1, 0, 1, 10)).toEqual({ ok: false, reason: 'zeroTrials' });
    expect(twoProportionTest(11, 10, 1, 10)).toEqual({ ok: false, reason: 'successesAboveTrials' });
    expect(twoProportionTest(0, 10, 0, 20)).toEqual({ ok: false, reason: 'degeneratePooled' });
    expect(twoProportionTest(10, 10, 20, 20)).toEqual({ ok: false, reason: 'degeneratePooled' });
    expect(sampleSizePerArm(0.05, 0.05, 0.05, 0.8)).toEqual({ ok: false, reason: 'noDifference' });
    expect(sampleSizePerArm(0.05, 1.2, 0.05, 0.8)).toEqual({ ok: false, reason: 'rateOutOfRange' });
    expect(sampleSizePerArm(0.05, 0.06, 0, 0.8)).toEqual({ ok: false, reason: 'badAlphaOrPower' });
  });

  it('keeps every Wilson interval inside [0, 1] around p̂, and every p-value in [0, 1]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
        const x = Math.round(f * n);
        const p = proportion(x, n);
        expect(p.ok).toBe(true);
        if (!p.ok) return;
        expect(p.low).toBeGreaterThanOrEqual(0);
        expect(p.high).toBeLessThanOrEqual(1);
        expect(p.low).toBeLessThanOrEqual(p.rate + 1e-12);
        expect(p.high).toBeGreaterThanOrEqual(p.rate - 1e-12);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (n1, n2, f1, f2) => {
        const t = twoProportionTest(Math.round(f1 * n1), n1, Math.round(f2 * n2), n2);
        if (!t.ok) return;
        expect(Number.isFinite(t.z)).toBe(true);
        expect(t.pValue).toBeGreaterThanOrEqual(0);
        expect(t.pValue).toBeLessThanOrEqual(1);
      }),
    );
  });
});
