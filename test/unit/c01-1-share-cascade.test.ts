import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shareCascade as calc, type DepartmentColumns } from '~/lib/calculators/c01-1-share-cascade';
import { isAllFinite } from '~/lib/kit/calculator';
import { readFields } from '~/lib/kit/fields';
import { readRows, type RawRow } from '~/lib/kit/rows';
import { strings } from '~/i18n';

type Raw = typeof calc.defaults;

function run(overrides: Partial<Raw> = {}, rows: RawRow<DepartmentColumns>[] = [], base: Raw = calc.example) {
  const read = readFields(calc.fields, { ...base, ...overrides });
  return { ...calc.compute(read.values, readRows(calc.table!, rows)), fieldErrors: read.errors };
}

describe('C01.1 market-share target cascade', () => {
  it('reproduces the chapter-1 worked example (both readings side by side)', () => {
    // M_t = 1e9 × 1.06^t; relative s_t = 10% × 1.05^t; points s_t = 10% + 5 pp × t; Rev = M·s.
    const { results: r, issues } = run();
    const y = r.years!;
    expect(y.map((x) => x.marketSize.toFixed(0))).toEqual(['1000000000', '1060000000', '1123600000', '1191016000']);
    expect(y.map((x) => (100 * x.shareRelative).toFixed(2))).toEqual(['10.00', '10.50', '11.03', '11.58']);
    expect(y.map((x) => (100 * x.sharePoints).toFixed(0))).toEqual(['10', '15', '20', '25']);
    expect(y.map((x) => x.revenueRelative.toFixed(2))).toEqual(['100000000.00', '111300000.00', '123876900.00', '137874989.70']);
    expect(y.map((x) => x.revenuePoints.toFixed(0))).toEqual(['100000000', '159000000', '224720000', '297754000']);
    // The relative reading drives revenue; year-1 growth 11.3% (relative) vs 59% (points).
    expect(y.map((x) => x.revenue)).toEqual(y.map((x) => x.revenueRelative));
    expect((100 * r.firstYearGrowthRelative!).toFixed(1)).toBe('11.3');
    expect((100 * r.firstYearGrowthPoints!).toFixed(0)).toBe('59');
    expect(r.finalRevenue!.toFixed(2)).toBe('137874989.70');
    // Even phasing: each year-1 quarter carries 111,300,000 / 4 = 27,825,000.
    expect(r.quarters!.filter((q) => q.year === 1).map((q) => q.revenue.toFixed(2))).toEqual(Array(4).fill('27825000.00'));
    expect(r.quarters).toHaveLength(12);
    expect(r.departments).toBeUndefined();
    expect(issues).toEqual([]);
  });

  it('the points reading drives revenue when chosen', () => {
    const { results: r } = run({ reading: 'points' });
    expect(r.years!.map((x) => x.revenue)).toEqual(r.years!.map((x) => x.revenuePoints));
    expect(r.quarters![0]!.revenue).toBeCloseTo(159000000 / 4, 6);
  });

  it('splits quarters by phasing weights and departments by their weights, adding back to the year', () => {
    const rows = [{ name: 'Sales', weight: '50' }, { name: 'Online', weight: '30' }, { name: 'Key accounts', weight: '20' }];
    const { results: r } = run({ q1: '20', q2: '25', q3: '25', q4: '30' }, rows);
    expect(r.phasing).toEqual([0.2, 0.25, 0.25, 0.3]);
    const year1 = r.years![1]!.revenue!;
    const q = r.quarters!.filter((x) => x.year === 1).map((x) => x.revenue);
    expect(q[0]).toBeCloseTo(111300000 * 0.2, 6);
    expect(q.reduce((a, b) => a + b, 0)).toBeCloseTo(year1, 5);
    const d = r.departments!;
    expect(d.map((x) => x.name)).toEqual(['Sales', 'Online', 'Key accounts']);
    expect(d.map((x) => x.weightShare)).toEqual([0.5, 0.3, 0.2]);
    expect(d[0]!.revenueByYear[0]).toBeCloseTo(55650000, 6);
    expect(d.reduce((a, x) => a + x.revenueByYear[2]!, 0)).toBeCloseTo(r.years![3]!.revenue!, 5);
  });

  it('guards zero phasing weights and zero department weights', () => {
    const zero = run({ q1: '0', q2: '0', q3: '0', q4: '0' }, [{ name: 'A', weight: '0' }]);
    expect(zero.issues).toContainEqual(expect.objectContaining({ field: 'q1', code: 'c01_1.phasingZero' }));
    expect(zero.issues).toContainEqual(expect.objectContaining({ code: 'c01_1.departmentsZero' }));
    expect(zero.results.quarters).toBeUndefined();
    expect(zero.results.years).toHaveLength(4); // other results kept
  });

  it('caps the share at 100% and says in which year each reading hits the cap', () => {
    // 60% + 20 pp: 80%, 100% (year 2), capped; relative 60% × 1.2^t: 72%, 86.4%, 103.68% → capped in year 3.
    const { results: r, issues } = run({ currentShare: '60', shareGain: '20', horizon: '3' });
    expect(r.years!.map((x) => x.sharePoints)).toEqual([0.6, 0.8, 1, 1]);
    expect(r.years![3]!.shareRelative).toBe(1);
    expect(r.capYearPoints).toBe(2);
    expect(r.capYearRelative).toBe(3);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c01_1.capPoints', params: { year: 2 } }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c01_1.capRelative', params: { year: 3 } }));
  });

  it('notes that a zero share cannot grow under the relative reading, and reports a bad department row', () => {
    const { results: r, issues } = run({ currentShare: '0' }, [{ name: 'A', weight: 'x' }, { name: 'B', weight: '1' }]);
    expect(issues).toContainEqual(expect.objectContaining({ field: 'currentShare', code: 'c01_1.zeroShareRelative' }));
    expect(issues).toContainEqual(expect.objectContaining({ row: 0, code: 'c01_1.departmentSkipped' }));
    expect(r.departments!.map((d) => d.row)).toEqual([1]);
    expect(r.firstYearGrowthRelative).toBeUndefined(); // today's revenue is 0: no growth ratio
  });

  it('keeps the share paths when the phasing is unreadable, and the phasing when the market is', () => {
    const a = run({ q2: 'abc' });
    expect(a.fieldErrors.q2).toEqual({ code: 'parse.notANumber' });
    expect(a.results.years).toHaveLength(4);
    expect(a.results.quarters).toBeUndefined();
    const b = run({ marketSize: '' });
    expect(b.results.years).toBeUndefined();
    expect(b.results.phasing).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it('drops results that overflow (values past the field limits, as from a corrupted state) with one message', () => {
    const read = readFields(calc.fields, calc.example);
    const out = calc.compute({ ...read.values, marketSize: 1e308, marketGrowth: 10 }, []);
    expect(out.issues).toContainEqual(expect.objectContaining({ code: 'c01_1.tooExtreme' }));
    expect(isAllFinite(out.results)).toBe(true);
    expect(out.results.phasing).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it('defaults differ from the worked example and compute cleanly', () => {
    expect(calc.defaults).not.toEqual(calc.example);
    const { results, issues } = run({}, calc.defaultRows!, calc.defaults);
    expect(results.years).toHaveLength(6);
    expect(results.departments).toHaveLength(3);
    expect(issues).toEqual([]);
  });
});

describe('C01.1 properties (fast-check)', () => {
  const inputs = fc.record({
    marketSize: fc.double({ min: 0, max: 1e13, noNaN: true }),
    marketGrowth: fc.double({ min: -100, max: 1000, noNaN: true }),
    currentShare: fc.double({ min: 0, max: 100, noNaN: true }),
    shareGain: fc.double({ min: 0, max: 100, noNaN: true }),
    horizon: fc.integer({ min: 1, max: 30 }),
    reading: fc.constantFrom('relative', 'points'),
  });
  const asRaw = (v: Record<string, number | string>) => Object.fromEntries(Object.entries(v).map(([k, x]) => [k, String(x)])) as Partial<Raw>;

  it('results are finite; shares stay within 0–100% and never fall; quarters add up to their year', () => {
    fc.assert(
      fc.property(inputs, (v) => {
        const { results: r } = run(asRaw(v), [{ name: 'A', weight: '1' }, { name: 'B', weight: '3' }]);
        expect(isAllFinite(r)).toBe(true);
        if (!r.years) return;
        r.years.forEach((y, i) => {
          for (const s of [y.shareRelative, y.sharePoints]) {
            expect(s).toBeGreaterThanOrEqual(0);
            expect(s).toBeLessThanOrEqual(1);
          }
          if (i > 0) {
            expect(y.shareRelative).toBeGreaterThanOrEqual(r.years![i - 1]!.shareRelative);
            expect(y.sharePoints).toBeGreaterThanOrEqual(r.years![i - 1]!.sharePoints);
          }
        });
        for (const y of r.years.slice(1)) {
          const sum = r.quarters!.filter((q) => q.year === y.year).reduce((a, q) => a + q.revenue, 0);
          expect(Math.abs(sum - y.revenue!)).toBeLessThanOrEqual(1e-9 * Math.max(1, y.revenue!));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('random text in any field or cell gives a field message or a value, never an exception', () => {
    const keys = Object.keys(calc.fields) as (keyof typeof calc.fields)[];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.string({ maxLength: 80 }), fc.string({ maxLength: 80 }), (key, text, cell) => {
        const out = run({ [key]: text }, [{ name: cell, weight: cell }]);
        const error = out.fieldErrors[key];
        if (error) {
          expect(strings.en.messages).toHaveProperty([error.code]);
          expect(strings['zh-CN'].messages).toHaveProperty([error.code]);
        }
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
