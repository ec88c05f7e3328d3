import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { autoRange, marketSizing, sensitivityKeys, sortBySwing, type TornadoBar } from '~/lib/calculators/c03-1-market-sizing';
import { readFields } from '~/lib/kit/fields';

type Raw = typeof marketSizing.defaults;

function run(overrides: Partial<Raw> = {}) {
  const raw = { ...marketSizing.defaults, ...overrides };
  const read = readFields(marketSizing.fields, raw);
  return { ...marketSizing.compute(read.values, []), fieldErrors: read.errors };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** True when every number anywhere in the value is finite (JSON would hide NaN as null). */
function allFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(allFinite);
  if (value && typeof value === 'object') return Object.values(value).every(allFinite);
  return true;
}

describe('C03.1 TAM / SAM / SOM', () => {
  it('reproduces the methodology worked example (defaults)', () => {
    // N = 10,000,000 × 0.50 × 0.35 × 0.30 = 525,000
    // TAM = 525,000 × 0.40 × 4 × 300 = 252,000,000; SAM = × 0.40 = 100,800,000; SOM = × 0.10 = 10,080,000
    // SOM₅ = 10,080,000 × 1.12⁵ = 10,080,000 × 1.7623416832 = 17,764,404.166656
    const { results: r, issues } = run();
    expect(r.buyers).toBeCloseTo(525_000, 6);
    expect(r.combinedShare).toBeCloseTo(0.0525, 12);
    expect(r.tamValue).toBeCloseTo(252_000_000, 4);
    expect(r.samValue).toBeCloseTo(100_800_000, 4);
    expect(r.somValue).toBeCloseTo(10_080_000, 4);
    expect(r.tamUnits).toBeCloseTo(840_000, 6); // 525,000 × 0.4 × 4 purchases a year
    expect(r.somUnits).toBeCloseTo(33_600, 6);
    expect(round2(r.somAtHorizon!)).toBe(17_764_404.17);
    expect(r.growthFactor).toBeCloseTo(1.7623416832, 10);
    expect(r.projection).toHaveLength(6);
    expect(r.projection![5]!.som).toBeCloseTo(r.somAtHorizon!, 6);
    expect(r.projection![0]!.tam).toBeCloseTo(252_000_000, 4);
    // The independence caveat is shown whenever two or more filters multiply.
    expect(issues).toEqual([expect.objectContaining({ code: 'c03_1.independentFilters', severity: 'info' })]);
  });

  it('reproduces the worked-example tornado, largest swing first', () => {
    // obtainable 5% / 15% → SOM₅ × 0.5 / × 1.5 = 8,882,202.08 / 26,646,606.25
    // purchases 3 / 5 → × 3/4 / × 5/4 = 13,323,303.12 / 22,205,505.21
    // growth 8% / 16% → 10,080,000 × 1.08⁵ / × 1.16⁵ = 14,810,827.01 / 21,171,443.91
    // population ±5% → × 0.95 / × 1.05 = 16,876,183.96 / 18,652,624.37 (smallest swing)
    const bars = run().results.tornado!;
    expect(bars.map((b) => b.key)).toEqual([
      'obtainable', // swing 1.0 × SOM₅
      'purchases', // 0.5
      'growth', // (1.16⁵ − 1.08⁵)/1.12⁵ = 0.3580
      'filter3', // income 25/35 of 30: 1/3
      'price', // ±15%: 0.30
      'filter2', // age 30/40 of 35: 2/7 = 0.2857
      'penetration', // 35/45 of 40: 0.25 (tie with serviceable: input order)
      'serviceable', // 0.25
      'filter1', // female 45/55 of 50: 0.20
      'population', // 0.10
    ]);
    const at = (key: string) => bars.find((b) => b.key === key)!;
    expect([round2(at('obtainable').somLow), round2(at('obtainable').somHigh)]).toEqual([8_882_202.08, 26_646_606.25]);
    expect([round2(at('purchases').somLow), round2(at('purchases').somHigh)]).toEqual([13_323_303.12, 22_205_505.21]);
    expect([round2(at('growth').somLow), round2(at('growth').somHigh)]).toEqual([14_810_827.01, 21_171_443.91]);
    expect([round2(at('population').somLow), round2(at('population').somHigh)]).toEqual([16_876_183.96, 18_652_624.37]);
    expect(at('population').low).toBe(9_500_000);
    expect(at('price').low).toBeCloseTo(255, 9);
    expect(at('growth').low).toBeCloseTo(0.08, 12);
    expect(bars.every((b) => b.lowIsAuto && b.highIsAuto)).toBe(true);
  });

  it('lets a joint share override the filters, and says so', () => {
    // N = 10,000,000 × 5.25% = 525,000: the same as the product of the three filters.
    const { results: r, issues } = run({ jointShare: '5.25' });
    expect(r.buyers).toBeCloseTo(525_000, 6);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c03_1.jointOverrides', field: 'jointShare' }));
    expect(issues.some((i) => i.code === 'c03_1.independentFilters')).toBe(false);
    const keys = r.tornado!.map((b) => b.key);
    expect(keys).toContain('jointShare');
    expect(keys).not.toContain('filter1');
  });

  it('uses only the filters that are filled in', () => {
    // No filter: N = population; one filter: no independence caveat.
    expect(run({ filter1: '', filter2: '', filter3: '' }).results.buyers).toBe(10_000_000);
    const one = run({ filter2: '', filter3: '' });
    expect(one.results.buyers).toBe(5_000_000);
    expect(one.issues.some((i) => i.code === 'c03_1.independentFilters')).toBe(false);
  });

  it('sizes top-down from category value × segment share', () => {
    // TAM = 1,000,000,000 × 25% = 250,000,000; units = TAM ÷ price 300 = 833,333.33
    const { results: r } = run({ method: 'topDown' });
    expect(r.buyers).toBeUndefined();
    expect(r.tamValue).toBe(250_000_000);
    expect(r.tamUnits).toBeCloseTo(833_333.333333, 5);
    expect(r.somValue).toBeCloseTo(10_000_000, 6);
    expect(r.tornado!.map((b) => b.key).sort()).toEqual(['categoryValue', 'growth', 'obtainable', 'segmentShare', 'serviceable']);
    // category value ±10% (default range) → SOM₅ × 0.9 / × 1.1
    const cat = r.tornado!.find((b) => b.key === 'categoryValue')!;
    expect(cat.somLow / r.somAtHorizon!).toBeCloseTo(0.9, 12);
  });

  it('guards a zero price in top-down units', () => {
    const { results: r, issues } = run({ method: 'topDown', price: '0' });
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c03_1.unitsNeedPrice', field: 'price' }));
    expect(r.tamUnits).toBeUndefined();
    expect(r.tamValue).toBe(250_000_000);
  });

  it('warns when the market is empty', () => {
    const { results: r, issues } = run({ population: '0' });
    expect(r.tamValue).toBe(0);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c03_1.zeroMarket' }));
    expect(r.tornado!.every((b) => b.swing === 0)).toBe(true);
  });

  it('uses typed low/high estimates and checks them', () => {
    const typed = run({ obtainableLow: '8', obtainableHigh: '12' });
    const bar = typed.results.tornado!.find((b) => b.key === 'obtainable')!;
    expect(bar.lowIsAuto).toBe(false);
    expect(bar.somLow / typed.results.somAtHorizon!).toBeCloseTo(0.8, 12);
    expect(typed.issues.filter((i) => i.field?.startsWith('obtainable'))).toEqual([]);

    const reversed = run({ priceLow: '400', priceHigh: '200' });
    expect(reversed.issues).toContainEqual(expect.objectContaining({ code: 'c03_1.lowAboveHigh', field: 'priceLow' }));
    const outside = run({ priceLow: '310' });
    expect(outside.issues).toContainEqual(expect.objectContaining({ code: 'c03_1.baseOutsideRange', field: 'priceLow' }));
  });

  it('rejects out-of-range estimates on their field and drops only that bar', () => {
    const { fieldErrors, results } = run({ obtainableHigh: '150' });
    expect(fieldErrors.obtainableHigh).toEqual({ code: 'range.maxPercent', params: { max: 100 } });
    expect(results.tornado!.map((b) => b.key)).not.toContain('obtainable');
    expect(results.tornado).toHaveLength(9);
  });

  it('clamps default ranges to valid values', () => {
    expect(autoRange('obtainable', 0.02)).toEqual({ low: 0, high: expect.closeTo(0.07, 12) });
    expect(autoRange('serviceable', 0.98).high).toBe(1);
    expect(autoRange('purchases', 0.5).low).toBe(0);
    expect(autoRange('growth', -0.98).low).toBe(-1);
  });

  it('keeps the other results when one field is unreadable', () => {
    const { results: r, fieldErrors } = run({ price: 'abc' });
    expect(fieldErrors.price).toEqual({ code: 'parse.notANumber' });
    expect(r.buyers).toBeCloseTo(525_000, 6);
    expect(r.tamUnits).toBeCloseTo(840_000, 6);
    expect(r.somUnits).toBeCloseTo(33_600, 6);
    expect(r.tamValue).toBeUndefined();
    expect(r.tornado).toBeUndefined();
  });

  it('with horizon 0 the horizon SOM is today’s SOM and growth has no swing', () => {
    const { results: r } = run({ horizon: '0' });
    expect(r.somAtHorizon).toBeCloseTo(10_080_000, 6);
    expect(r.projection).toHaveLength(1);
    expect(r.tornado!.find((b) => b.key === 'growth')!.swing).toBe(0);
    expect(r.tornado!.at(-1)!.key).toBe('growth');
  });

  it('projects a shrinking segment, down to −100%', () => {
    const { results: r } = run({ growth: '-100' });
    expect(r.somAtHorizon).toBe(0);
    expect(r.projection![0]!.som).toBeCloseTo(10_080_000, 6);
  });

  it('sortBySwing keeps input order on ties within 1e-9 relative', () => {
    const bar = (key: TornadoBar['key'], swing: number): TornadoBar => ({ key, base: 0, low: 0, high: 0, lowIsAuto: true, highIsAuto: true, somLow: 0, somHigh: swing, swing });
    const sorted = sortBySwing([bar('serviceable', 4441101.041664), bar('penetration', 4441101.0416640006), bar('price', 5)]);
    expect(sorted.map((b) => b.key)).toEqual(['penetration', 'serviceable', 'price']);
  });
});

describe('C03.1 properties', () => {
  // As a person types them: the kit refuses magnitudes below 1e-9 (subnormals) as too small, so
  // those become 0 here; the refusal itself is tested with the kit.
  const typed = (x: number) => (Math.abs(x) < 1e-9 ? '0' : String(x));
  const pct = fc.double({ min: 0, max: 100, noNaN: true }).map(typed);
  const validInputs = fc.record({
    method: fc.constantFrom('bottomUp', 'topDown'),
    population: fc.integer({ min: 0, max: 2_000_000_000 }).map(String),
    filter1: fc.oneof(pct, fc.constant('')),
    filter2: fc.oneof(pct, fc.constant('')),
    filter3: fc.oneof(pct, fc.constant('')),
    jointShare: fc.oneof(pct, fc.constant('')),
    penetration: pct,
    purchases: fc.double({ min: 0, max: 1000, noNaN: true }).map(typed),
    price: fc.double({ min: 0, max: 1e6, noNaN: true }).map(typed),
    categoryValue: fc.double({ min: 0, max: 1e13, noNaN: true }).map(typed),
    segmentShare: pct,
    serviceable: pct,
    obtainable: pct,
    growth: fc.double({ min: -100, max: 100, noNaN: true }).map(typed),
    horizon: fc.integer({ min: 0, max: 50 }).map(String),
  });

  it('SOM ≤ SAM ≤ TAM, every figure finite, when shares are within 0–100%', () => {
    fc.assert(
      fc.property(validInputs, (inputs) => {
        const { results: r, fieldErrors } = run(inputs as Partial<Raw>);
        expect(fieldErrors).toEqual({});
        expect(r.somValue).toBeDefined();
        expect(r.somValue!).toBeLessThanOrEqual(r.samValue!);
        expect(r.samValue!).toBeLessThanOrEqual(r.tamValue!);
        expect(r.somValue!).toBeGreaterThanOrEqual(0);
        for (const p of r.projection!) {
          expect(Number.isFinite(p.tam)).toBe(true);
          expect(p.som!).toBeLessThanOrEqual(p.sam!);
          expect(p.sam!).toBeLessThanOrEqual(p.tam);
        }
        if (r.samUnits !== undefined) expect(r.somUnits!).toBeLessThanOrEqual(r.samUnits);
        expect(allFinite(r)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('orders the tornado bars by swing, largest first', () => {
    fc.assert(
      fc.property(validInputs, (inputs) => {
        const bars = run(inputs as Partial<Raw>).results.tornado ?? [];
        for (let i = 1; i < bars.length; i++) {
          const a = bars[i - 1]!.swing;
          const b = bars[i]!.swing;
          expect(a).toBeGreaterThanOrEqual(b - 1e-9 * Math.max(a, b));
          expect(bars[i]!.swing).toBe(Math.abs(bars[i]!.somHigh - bars[i]!.somLow));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('random strings in any field give a field error or a value, never an exception', () => {
    const keys = Object.keys(marketSizing.fields) as (keyof Raw)[];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.string({ maxLength: 80 }), (key, text) => {
        const { results, fieldErrors, issues } = run({ [key]: text } as Partial<Raw>);
        expect(allFinite(results)).toBe(true);
        expect(Array.isArray(issues)).toBe(true);
        if (fieldErrors[key]) expect(fieldErrors[key]!.code).toMatch(/^(parse|range)\./);
      }),
      { numRuns: 500 },
    );
  });

  it('every sensitivity key has a low and a high field', () => {
    for (const k of sensitivityKeys) {
      expect(marketSizing.fields).toHaveProperty(`${k}Low`);
      expect(marketSizing.fields).toHaveProperty(`${k}High`);
    }
  });
});
