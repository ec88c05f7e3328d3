import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { growthCagr as calc, growthPresets } from '~/lib/calculators/c02-2-growth-cagr';
import { isAllFinite } from '~/lib/kit/calculator';
import { readFields } from '~/lib/kit/fields';
import { strings } from '~/i18n';

type Raw = typeof calc.defaults;

function run(overrides: Partial<Raw> = {}, base: Raw = calc.example) {
  const read = readFields(calc.fields, { ...base, ...overrides });
  return { ...calc.compute(read.values, []), fieldErrors: read.errors };
}

describe('C02.2 growth and CAGR projector', () => {
  it('reproduces the chapter-2 projection table: an index of 100 at 26% against 12%', () => {
    // V_t = 100 × 1.26^t and 100 × 1.12^t, each from V₀.
    const { results: r, issues } = run();
    expect(r.projection!.map((y) => y.value.toFixed(1))).toEqual(['100.0', '126.0', '158.8', '200.0', '252.0', '317.6']);
    expect(r.projection!.map((y) => y.comparison!.toFixed(1))).toEqual(['100.0', '112.0', '125.4', '140.5', '157.4', '176.2']);
    // E4: 26% doubles in ln 2 / ln 1.26 = 3.00 years and grows ×3.176 in five; 12%: 6.12 years, ×1.762.
    expect(r.doublingYears!.toFixed(2)).toBe('3.00');
    expect(r.growthFactor!.toFixed(3)).toBe('3.176');
    expect(r.comparisonDoublingYears!.toFixed(2)).toBe('6.12');
    expect(r.comparisonFactor!.toFixed(3)).toBe('1.762');
    expect(r.finalValue!.toFixed(2)).toBe('317.58'); // 100 × 1.26⁵, shown as 317.6 in the chapter
    expect(r.comparisonFinal!.toFixed(2)).toBe('176.23');
    expect(r.cagr).toBeUndefined(); // the other direction waits for its mode
    expect(issues).toEqual([]);
  });

  it('computes the CAGR the other way: 80 → 100 over three years is 7.72% a year', () => {
    // (100/80)^(1/3) − 1 = 0.077217…
    const { results: r, issues } = run({ mode: 'cagr' });
    expect((100 * r.cagr!).toFixed(2)).toBe('7.72');
    expect(r.totalFactor).toBe(1.25);
    expect(r.cagrDoublingYears).toBeCloseTo(Math.LN2 / Math.log(1.25 ** (1 / 3)), 12);
    expect(r.projection).toBeUndefined();
    expect(issues).toEqual([]);
  });

  it('offers 26% and 12% as rate presets and 17% only as a level', () => {
    expect(growthPresets.filter((p) => p.kind === 'rate').map((p) => p.value)).toEqual(['26', '12']);
    expect(growthPresets.find((p) => p.key === 'evSubstitution')).toEqual({ key: 'evSubstitution', kind: 'level', value: '17' });
  });

  it('guards the CAGR inputs and a rate that never doubles', () => {
    expect(run({ mode: 'cagr', startValue: '0' }).issues).toContainEqual(expect.objectContaining({ field: 'startValue', code: 'c02_2.startNotPositive' }));
    expect(run({ mode: 'cagr', spanYears: '0' }).fieldErrors.spanYears).toBeDefined();
    const shrink = run({ mode: 'cagr', endValue: '40' });
    expect(shrink.results.cagr).toBeCloseTo(0.5 ** (1 / 3) - 1, 12);
    expect(shrink.issues).toContainEqual(expect.objectContaining({ code: 'c02_2.neverDoubles' }));
    expect(run({ mode: 'cagr', endValue: '0' }).results.cagr).toBe(-1);
    const flat = run({ rate: '0' });
    expect(flat.issues).toContainEqual(expect.objectContaining({ field: 'rate', code: 'c02_2.neverDoubles' }));
    expect(flat.results.projection!.every((y) => y.value === 100)).toBe(true);
    expect(run({ rate: '-100' }).results.finalValue).toBe(0);
  });

  it('stays finite at the largest inputs the fields accept (1e15 at 1,000% for 100 years)', () => {
    const { results, issues } = run({ base: '1e15', rate: '1000', years: '100' });
    expect(results.projection).toHaveLength(101);
    expect(isAllFinite(results)).toBe(true);
    expect(issues).toEqual([]);
  });

  it('drops results that overflow (values past the field limits) with one message', () => {
    const read = readFields(calc.fields, calc.example);
    const out = calc.compute({ ...read.values, mode: 'cagr', startValue: 1e-320, endValue: 1e300, spanYears: 1 }, []);
    // Either the module's own guard or the growth engine's overflow message on the span.
    expect(out.issues.map((i) => i.code)).toEqual(expect.arrayContaining([expect.stringMatching(/^c02_2\.(tooExtreme|overflow)$/)]));
    expect(isAllFinite(out.results)).toBe(true);
  });

  it('defaults differ from the example and compute cleanly', () => {
    expect(calc.defaults).not.toEqual(calc.example);
    const { results, issues } = run({}, calc.defaults);
    expect(results.growthFactor!.toFixed(3)).toBe('1.762');
    expect(issues).toEqual([]);
  });
});

describe('C02.2 properties (fast-check)', () => {
  it('the projection compounds back to its CAGR, and the CAGR reprojects to the end value', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1e9, noNaN: true }),
        fc.double({ min: -99, max: 200, noNaN: true }),
        fc.integer({ min: 1, max: 40 }),
        (base, pct, years) => {
          const p = run({ mode: 'project', base: String(base), rate: String(pct), years: String(years), comparisonRate: '' }).results;
          expect(isAllFinite(p)).toBe(true);
          if (!p.projection) return;
          expect(p.projection).toHaveLength(years + 1);
          const back = run({ mode: 'cagr', startValue: String(base), endValue: String(p.finalValue), spanYears: String(years) }).results;
          // (End values above 1e15 or below 1e-9 are refused by the number field, so they cannot be typed back.)
          if (p.finalValue! >= 1e-9 && p.finalValue! <= 1e15) expect(back.cagr!).toBeCloseTo(pct / 100, 6);
          // A positive rate never lets a year fall below the last.
          if (pct > 0) p.projection.slice(1).forEach((y, i) => expect(y.value).toBeGreaterThanOrEqual(p.projection![i]!.value));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('random text in any field gives a field message or a value, never an exception', () => {
    const keys = Object.keys(calc.fields) as (keyof typeof calc.fields)[];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.string({ maxLength: 80 }), fc.constantFrom('project', 'cagr'), (key, text, mode) => {
        const out = run({ mode, [key]: text });
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
