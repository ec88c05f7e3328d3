import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { environmentForces as calc, exampleFactorRows, type FactorColumns } from '~/lib/calculators/c02-3-environment-forces';
import { isAllFinite } from '~/lib/kit/calculator';
import { readFields } from '~/lib/kit/fields';
import { readRows, type RawRow } from '~/lib/kit/rows';
import { strings } from '~/i18n';

type Raw = typeof calc.defaults;

function run(overrides: Partial<Raw> = {}, rows: RawRow<FactorColumns>[] = exampleFactorRows, base: Raw = calc.example) {
  const read = readFields(calc.fields, { ...base, ...overrides });
  return { ...calc.compute(read.values, readRows(calc.table!, rows)), fieldErrors: read.errors };
}

describe('C02.3 environment and competitive-forces scorer', () => {
  it('reproduces the chapter-2 worked example', () => {
    // net_d = Σ w·impact / Σ w: P (12 − 4)/5 = +1.60; E (−9 + 6)/5 = −0.60; S (6 − 2)/3 = +1.33; T (8 − 2)/3 = +2.00.
    const { results: r, issues } = run();
    const d = r.dimensions!;
    expect(d.map((x) => x.net!.toFixed(2))).toEqual(['1.60', '-0.60', '1.33', '2.00']);
    expect(d.map((x) => x.reading)).toEqual(['opportunity', 'threat', 'opportunity', 'opportunity']);
    expect(d.map((x) => x.totalWeight)).toEqual([5, 5, 3, 3]);
    // Forces 5, 2, 3, 3, 4 with equal weights: mean 3.4; rivalry strongest.
    expect(r.overallIntensity).toBeCloseTo(3.4, 12);
    expect(r.strongest).toEqual(['rivalry']);
    expect(r.strongestIntensity).toBe(5);
    // Radar data: the five forces in a fixed order, buyer power included.
    expect(r.forces!.map((f) => [f.force, f.intensity])).toEqual([['rivalry', 5], ['entrants', 2], ['suppliers', 3], ['substitutes', 3], ['buyers', 4]]);
    expect(issues).toEqual([]);
  });

  it('weights the forces when edited, and lists every force tied for strongest', () => {
    const { results: r } = run({ rivalry: '4', weightRivalry: '3' });
    expect(r.overallIntensity).toBeCloseTo((4 * 3 + 2 + 3 + 3 + 4) / 7, 12);
    expect(r.strongest).toEqual(['rivalry', 'buyers']);
  });

  it('a dimension with no weighted factor has no score; zero force weights are refused', () => {
    const rows = exampleFactorRows.filter((x) => x.dimension !== 'S').concat([{ dimension: 'S', description: 'x', impact: '3', weight: '0' }]);
    const { results: r, issues } = run({ weightRivalry: '0', weightEntrants: '0', weightSuppliers: '0', weightSubstitutes: '0', weightBuyers: '0' }, rows);
    expect(r.dimensions![2]).toEqual({ dimension: 'S', factors: 0, totalWeight: 0 });
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c02_3.noFactors', params: { dimension: 'S' } }));
    expect(issues).toContainEqual(expect.objectContaining({ field: 'weightRivalry', code: 'c02_3.forceWeightsZero' }));
    expect(r.overallIntensity).toBeUndefined();
    expect(r.strongest).toEqual(['rivalry']); // ratings still stand
  });

  it('a net score of exactly 0 is neutral; a bad row is left out with a message', () => {
    const rows: RawRow<FactorColumns>[] = [
      { dimension: 'P', description: '', impact: '2', weight: '1' },
      { dimension: 'P', description: '', impact: '-2', weight: '1' },
      { dimension: 'E', description: '', impact: '7', weight: '1' },
      { dimension: 'X' as 'P', description: '', impact: '1', weight: '1' },
    ];
    const { results: r, issues } = run({}, rows);
    expect(r.dimensions![0]!.reading).toBe('neutral');
    expect(issues).toContainEqual(expect.objectContaining({ row: 2, code: 'c02_3.factorSkipped' }));
    expect(issues).toContainEqual(expect.objectContaining({ row: 3, code: 'c02_3.factorSkipped' }));
    expect(r.dimensions![1]!.net).toBeUndefined();
  });

  it('notes a CR5 above 60% when rivalry is rated 3 or less (the CR5 rule is strict)', () => {
    expect(run({ rivalry: '3' }).issues).toContainEqual(expect.objectContaining({ field: 'rivalry', code: 'c02_3.concentratedButCalm' }));
    expect(run({ rivalry: '3', cr5: '60' }).issues).toEqual([]);
    expect(run({ rivalry: '3', cr5: '' }).issues).toEqual([]);
  });

  it('drops results that overflow (values past the field limits) with one message', () => {
    const read = readFields(calc.fields, calc.example);
    const rows = readRows(calc.table!, exampleFactorRows).map((row) => ({ ...row, values: { ...row.values, weight: 1e308 } }));
    const out = calc.compute(read.values, rows);
    expect(out.issues).toContainEqual(expect.objectContaining({ code: 'c02_3.tooExtreme' }));
    expect(isAllFinite(out.results)).toBe(true);
    expect(out.results.overallIntensity).toBeCloseTo(3.4, 12);
  });

  it('accepts 200 factor rows', () => {
    const rows = Array.from({ length: 200 }, (_, i) => ({ dimension: (['P', 'E', 'S', 'T'] as const)[i % 4]!, description: `f${i}`, impact: String((i % 11) - 5), weight: '1' }));
    const { results, issues } = run({}, rows);
    expect(results.dimensions!.map((d) => d.factors)).toEqual([50, 50, 50, 50]);
    expect(issues).toEqual([]);
  });

  it('defaults differ from the example and compute cleanly', () => {
    expect(calc.defaults).not.toEqual(calc.example);
    const { results, issues } = run({}, calc.defaultRows!, calc.defaults);
    expect(results.overallIntensity).toBeCloseTo(3, 12);
    expect(issues).toEqual([]);
  });
});

describe('C02.3 properties (fast-check)', () => {
  const row = fc.record({
    dimension: fc.constantFrom('P', 'E', 'S', 'T'),
    impact: fc.integer({ min: -5, max: 5 }),
    weight: fc.double({ min: 0, max: 1000, noNaN: true }),
  });
  it('net scores stay within −5…+5 and the overall intensity within 1…5', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 5, maxLength: 5 }), (factors, ratings) => {
        const rows = factors.map((f) => ({ dimension: f.dimension, description: '', impact: String(f.impact), weight: String(f.weight) })) as RawRow<FactorColumns>[];
        const [rivalry, entrants, suppliers, substitutes, buyers] = ratings.map(String) as [string, string, string, string, string];
        const { results: r } = run({ rivalry, entrants, suppliers, substitutes, buyers }, rows);
        expect(isAllFinite(r)).toBe(true);
        for (const d of r.dimensions!) if (d.net !== undefined) {
          expect(d.net).toBeGreaterThanOrEqual(-5 - 1e-9);
          expect(d.net).toBeLessThanOrEqual(5 + 1e-9);
        }
        expect(r.overallIntensity!).toBeGreaterThanOrEqual(1 - 1e-12);
        expect(r.overallIntensity!).toBeLessThanOrEqual(5 + 1e-12);
        expect(r.strongestIntensity).toBe(Math.max(...ratings));
      }),
      { numRuns: 300 },
    );
  });

  it('random text in any field or cell gives a field message or a value, never an exception', () => {
    const keys = Object.keys(calc.fields) as (keyof typeof calc.fields)[];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.string({ maxLength: 80 }), fc.string({ maxLength: 80 }), (key, text, cell) => {
        const out = run({ [key]: text }, [...exampleFactorRows, { dimension: cell as 'P', description: cell, impact: cell, weight: cell }]);
        const error = out.fieldErrors[key];
        if (error) expect(strings['zh-CN'].messages).toHaveProperty([error.code]);
        for (const issue of out.issues) {
          expect(strings.en.messages).toHaveProperty([issue.code]);
          expect(strings['zh-CN'].messages).toHaveProperty([issue.code]);
        }
        expect(isAllFinite(out.results)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
