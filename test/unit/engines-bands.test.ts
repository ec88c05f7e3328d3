import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { round9 } from '~/lib/kit/calculator';
import { bandRanges } from '~/lib/calculators/engines/band-ranges';
import { checkBandScale, classifyBand, type BandScale } from '~/lib/calculators/engines/bands';

const band = <B extends string>(value: number, scale: BandScale<B>) => {
  const out = classifyBand(value, scale);
  if (!out.ok) throw new Error(`unexpected guard ${out.reason}`);
  return out.band;
};

/** 2010 US Horizontal Merger Guidelines §5.3: below 1,500 / 1,500–2,500 / above 2,500. */
const hhi2010: BandScale<'un' | 'moderate' | 'high'> = {
  direction: 'higherIsWorse',
  bands: ['un', 'moderate', 'high'],
  thresholds: [1500, { at: 2500, onThreshold: 'lower' }],
};

/** C14.1's RAG on attainment (lower is worse): ≥ 100% green, 90% to < 100% amber, < 90% red. */
const rag: BandScale<'green' | 'amber' | 'red'> = { direction: 'lowerIsWorse', bands: ['green', 'amber', 'red'], thresholds: [1, 0.9] };

/** C13.1's probability levels: L1 ≤ 20%, L2 > 20–40%, …, L5 > 80% (a value on a cut-off is the lower level). */
const probability: BandScale<'L1' | 'L2' | 'L3' | 'L4' | 'L5'> = {
  direction: 'higherIsWorse',
  bands: ['L1', 'L2', 'L3', 'L4', 'L5'],
  thresholds: [0.2, 0.4, 0.6, 0.8].map((at) => ({ at, onThreshold: 'lower' as const })),
};

describe('E7 band classifier', () => {
  it('higher is worse: a band is reached at value ≥ threshold (on the cut-off = upper class)', () => {
    // Growth cut-off 10%: exactly 10% is "high" (the methodology's example).
    const growth: BandScale<'low' | 'high'> = { direction: 'higherIsWorse', bands: ['low', 'high'], thresholds: [0.1] };
    expect(band(0.1, growth)).toBe('high');
    expect(band(0.0999999, growth)).toBe('low');
    // C13.3 with illustrative complaint-growth thresholds 10 / 20 / 30%.
    const warning: BandScale<'none' | 'blue' | 'yellow' | 'red'> = {
      direction: 'higherIsWorse',
      bands: ['none', 'blue', 'yellow', 'red'],
      thresholds: [0.1, 0.2, 0.3],
    };
    expect([0.05, 0.1, 0.15, 0.2, 0.29, 0.3, 2].map((v) => band(v, warning))).toEqual(['none', 'blue', 'blue', 'yellow', 'yellow', 'red', 'red']);
    expect(classifyBand(0.3, warning)).toEqual({ ok: true, band: 'red', severity: 3 });
  });

  it('lower is worse: a band is reached at value < threshold (on the cut-off = upper class)', () => {
    expect(band(1, rag)).toBe('green');
    expect(band(0.99, rag)).toBe('amber');
    expect(band(0.9, rag)).toBe('amber');
    expect(band(0.8999, rag)).toBe('red');
    expect(band(-5, rag)).toBe('red');
  });

  it('honours a side stated by the rule: HHI "above 2,500" leaves 2,500 itself moderately concentrated', () => {
    expect([1499.99, 1500, 2000, 2500, 2500.01, 10000].map((v) => band(v, hhi2010))).toEqual(['un', 'moderate', 'moderate', 'moderate', 'high', 'high']);
    expect([0.2, 0.2000001, 0.4, 0.8, 0.81].map((v) => band(v, probability))).toEqual(['L1', 'L2', 'L2', 'L4', 'L5']);
    // Lower is worse with a stated side: a value on it joins the worse (numerically lower) band.
    const strict: BandScale<'ok' | 'low'> = { direction: 'lowerIsWorse', bands: ['ok', 'low'], thresholds: [{ at: 0.05, onThreshold: 'lower' }] };
    expect(band(0.05, strict)).toBe('low');
    expect(band(0.0500001, strict)).toBe('ok');
  });

  it('rounds to 9 decimals before comparing, so computed boundary values land where the rule says', () => {
    // 3.38 / 2.60 − 1 = 0.29999999999999993 in binary floating point: exactly 30% growth.
    const upgrade: BandScale<'stay' | 'upgrade'> = { direction: 'higherIsWorse', bands: ['stay', 'upgrade'], thresholds: [0.3] };
    expect(3.38 / 2.6 - 1).toBeLessThan(0.3);
    expect(band(3.38 / 2.6 - 1, upgrade)).toBe('upgrade');
    expect(band(0.1 + 0.2, { direction: 'lowerIsWorse', bands: ['fine', 'short'], thresholds: [0.3] })).toBe('fine');
  });

  it('a single band always classifies to it; equal neighbouring thresholds leave an empty band', () => {
    expect(classifyBand(42, { direction: 'higherIsWorse', bands: ['only'], thresholds: [] })).toEqual({ ok: true, band: 'only', severity: 0 });
    const squeezed: BandScale = { direction: 'higherIsWorse', bands: ['a', 'b', 'c'], thresholds: [5, 5] };
    expect(checkBandScale(squeezed)).toBeNull();
    expect(band(5, squeezed)).toBe('c');
    expect(band(4.9, squeezed)).toBe('a');
  });

  it('guards malformed scales and values with stable reasons', () => {
    expect(classifyBand(1, { direction: 'higherIsWorse', bands: ['a', 'b'], thresholds: [] })).toEqual({ ok: false, reason: 'bandCountMismatch' });
    expect(classifyBand(1, { direction: 'higherIsWorse', bands: [], thresholds: [] })).toEqual({ ok: false, reason: 'bandCountMismatch' });
    expect(classifyBand(1, { direction: 'higherIsWorse', bands: ['a', 'b', 'c'], thresholds: [20, 10] })).toEqual({ ok: false, reason: 'thresholdsOutOfOrder' });
    expect(classifyBand(1, { direction: 'lowerIsWorse', bands: ['a', 'b', 'c'], thresholds: [10, 20] })).toEqual({ ok: false, reason: 'thresholdsOutOfOrder' });
    expect(classifyBand(1, { direction: 'lowerIsWorse', bands: ['a', 'b'], thresholds: [Number.NaN] })).toEqual({ ok: false, reason: 'thresholdNotFinite' });
    expect(classifyBand(Number.NaN, rag)).toEqual({ ok: false, reason: 'valueNotFinite' });
    expect(classifyBand(Number.POSITIVE_INFINITY, rag)).toEqual({ ok: false, reason: 'valueNotFinite' });
  });

  it('describes each band’s range exactly as the classifier applies it', () => {
    const hhi = bandRanges(hhi2010);
    expect(hhi).toEqual({
      ok: true,
      ranges: [
        { band: 'un', fromIncluded: false, to: 1500, toIncluded: false },
        { band: 'moderate', from: 1500, fromIncluded: true, to: 2500, toIncluded: true },
        { band: 'high', from: 2500, fromIncluded: false, toIncluded: false },
      ],
    });
    expect(bandRanges(rag)).toEqual({
      ok: true,
      ranges: [
        { band: 'green', from: 1, fromIncluded: true, toIncluded: false },
        { band: 'amber', from: 0.9, fromIncluded: true, to: 1, toIncluded: false },
        { band: 'red', fromIncluded: false, to: 0.9, toIncluded: false },
      ],
    });
    expect(bandRanges({ direction: 'higherIsWorse', bands: ['a', 'b'], thresholds: [3, 4] })).toEqual({ ok: false, reason: 'bandCountMismatch' });
  });
});

describe('E7 properties (fast-check)', () => {
  const threshold = fc.oneof(
    fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    fc.record({ at: fc.double({ min: -1e6, max: 1e6, noNaN: true }), onThreshold: fc.constantFrom('upper' as const, 'lower' as const) }),
  );
  const atOf = (t: number | { at: number }) => (typeof t === 'number' ? t : t.at);
  const scale = fc
    .record({ direction: fc.constantFrom('higherIsWorse' as const, 'lowerIsWorse' as const), thresholds: fc.array(threshold, { maxLength: 6 }) })
    .map(({ direction, thresholds }) => {
      const sorted = [...thresholds].sort((a, b) => atOf(a) - atOf(b));
      if (direction === 'lowerIsWorse') sorted.reverse();
      return { direction, thresholds: sorted, bands: Array.from({ length: sorted.length + 1 }, (_, i) => `b${i}`) } as BandScale;
    });

  it('severity never falls as the value gets worse, and every value lands in a band whose range contains it', () => {
    fc.assert(
      fc.property(scale, fc.double({ min: -2e6, max: 2e6, noNaN: true }), fc.double({ min: -2e6, max: 2e6, noNaN: true }), (s, a, b) => {
        const ra = classifyBand(a, s);
        const rb = classifyBand(b, s);
        if (!ra.ok || !rb.ok) throw new Error('valid scale refused');
        const [better, worse] = s.direction === 'higherIsWorse' ? (a <= b ? [ra, rb] : [rb, ra]) : a >= b ? [ra, rb] : [rb, ra];
        expect(worse.severity).toBeGreaterThanOrEqual(better.severity);
        expect(ra.band).toBe(s.bands[ra.severity]);
        // The range the legend prints for that band contains the value (the two agree).
        const ranges = bandRanges(s);
        if (!ranges.ok) throw new Error('valid scale refused');
        const r = ranges.ranges[ra.severity]!;
        const x = round9(a);
        if (r.from !== undefined) expect(r.fromIncluded ? x >= round9(r.from) : x > round9(r.from)).toBe(true);
        if (r.to !== undefined) expect(r.toIncluded ? x <= round9(r.to) : x < round9(r.to)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('any scale and value gives a band or a reason, never an exception', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('higherIsWorse' as const, 'lowerIsWorse' as const),
        fc.array(fc.string(), { maxLength: 5 }),
        fc.array(fc.oneof(threshold, fc.double()), { maxLength: 6 }),
        fc.double(),
        (direction, bands, thresholds, value) => {
          const out = classifyBand(value, { direction, bands, thresholds });
          if (out.ok) {
            expect(Number.isInteger(out.severity)).toBe(true);
            expect(bands[out.severity]).toBe(out.band);
          } else {
            expect(['bandCountMismatch', 'thresholdNotFinite', 'thresholdsOutOfOrder', 'valueNotFinite']).toContain(out.reason);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
