import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contributionMix as calc, exampleLineRows, type LineColumns } from '~/lib/calculators/c04-2-contribution-mix';
import { isAllFinite } from '~/lib/kit/calculator';
import { readFields } from '~/lib/kit/fields';
import { readRows, type RawRow } from '~/lib/kit/rows';
import { strings } from '~/i18n';

type Raw = typeof calc.defaults;

function run(overrides: Partial<Raw> = {}, rows: RawRow<LineColumns>[] = exampleLineRows, base: Raw = calc.example) {
  const read = readFields(calc.fields, { ...base, ...overrides });
  return { ...calc.compute(read.values, readRows(calc.table!, rows)), fieldErrors: read.errors };
}
const withRow = (i: number, patch: Partial<RawRow<LineColumns>>) => exampleLineRows.map((row, j) => (j === i ? { ...row, ...patch } : row));

describe('C04.2 contribution-margin screen and 30/40/30 mix', () => {
  it('reproduces the methodology and chapter-4 worked example under both readings', () => {
    // A 100/60/5,000 → CM 40, 40.0%, 200,000; B 50/38/8,000 → 12, 24.0%, 96,000; C 80/77/3,000 → 3, 3.75%, 9,000.
    const { results: r, issues } = run();
    const l = r.lines!;
    expect(l.map((x) => x.unitCm)).toEqual([40, 12, 3]);
    expect(l.map((x) => (100 * x.cmRate!).toFixed(2))).toEqual(['40.00', '24.00', '3.75']);
    expect(l.map((x) => x.totalCm)).toEqual([200000, 96000, 9000]);
    // Upper threshold: 20% × 1.15 = 23% (relative) or 20% + 15 points = 35%.
    expect(r.upperRelative).toBeCloseTo(0.23, 12);
    expect(r.upperPoints).toBeCloseTo(0.35, 12);
    expect(l.map((x) => x.classRelative)).toEqual(['keep', 'keep', 'restructure']);
    expect(l.map((x) => x.classPoints)).toEqual(['keep', 'monitor', 'restructure']);
    expect(l.map((x) => x.class)).toEqual(['keep', 'keep', 'restructure']);
    // Portfolio 305,000 ÷ 1,140,000 = 26.75% ≥ 25%: pass.
    expect(r.totalCm).toBe(305000);
    expect(r.totalRevenue).toBe(1140000);
    expect((100 * r.portfolioRate!).toFixed(2)).toBe('26.75');
    expect(r.portfolioPass).toBe(true);
    expect(issues).toEqual([]);
  });

  it('the points reading drives the class when chosen', () => {
    const { results: r } = run({ reading: 'points' });
    expect(r.upper).toBeCloseTo(0.35, 12);
    expect(r.lines!.map((x) => x.class)).toEqual(['keep', 'monitor', 'restructure']);
  });

  it('boundaries: exactly the upper threshold keeps (≥), exactly 5% is monitored (not below 5%)', () => {
    // 20% × 1.15 = 0.22999999999999998 in binary; a line at exactly 23% still keeps.
    const { results: r } = run({}, [
      { name: '', price: '100', variableCost: '77', units: '1', role: 'cash' },
      { name: '', price: '100', variableCost: '95', units: '1', role: 'growth' },
      { name: '', price: '100', variableCost: '95.0001', units: '1', role: 'rd' },
    ]);
    expect(r.lines!.map((x) => x.class)).toEqual(['keep', 'monitor', 'restructure']);
  });

  it('when the upper threshold is at or below 5%, the review line takes precedence and a warning says so', () => {
    const { results: r, issues } = run({ industryMean: '4' }, withRow(2, { variableCost: '76.8' })); // C: 4%
    expect(r.upperRelative).toBeCloseTo(0.046, 12);
    expect(issues).toContainEqual(expect.objectContaining({ field: 'industryMean', code: 'c04_2.upperBelowReview' }));
    expect(r.lines!.map((x) => x.class)).toEqual(['keep', 'keep', 'restructure']);
  });

  it('measures the mix by count and by revenue against 30/40/30', () => {
    // Count: one line each → 33.3% / 33.3% / 33.3%; growth −6.7 points fails at ±5.
    // Revenue: 500,000 / 400,000 / 240,000 of 1,140,000 → 43.9% / 35.1% / 21.1%.
    const { results: r } = run();
    const m = r.mix!;
    expect(m.map((x) => x.byCount)).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(m.map((x) => x.passByCount)).toEqual([true, false, true]);
    expect(m.map((x) => (100 * x.byRevenue).toFixed(1))).toEqual(['43.9', '35.1', '21.1']);
    expect(m.map((x) => x.passByRevenue)).toEqual([false, true, false]);
    expect(r.mixPass).toBe(false);
    // 3 / 4 / 3 lines meet 30/40/30 by count exactly.
    const ten = [...Array(3).fill('cash'), ...Array(4).fill('growth'), ...Array(3).fill('rd')].map((role) => ({ name: '', price: '10', variableCost: '5', units: '1', role }));
    const even = run({}, ten).results;
    expect(even.mix!.every((x) => x.passByCount && x.passByRevenue)).toBe(true);
    expect(even.mixPass).toBe(true);
  });

  it('guards: price 0, zero total revenue, targets not adding to 100%, an incomplete line', () => {
    const zeroPrice = run({}, withRow(0, { price: '0', variableCost: '0' }));
    expect(zeroPrice.issues).toContainEqual(expect.objectContaining({ row: 0, column: 'price', code: 'c04_2.priceNotPositive' }));
    expect(zeroPrice.results.lines![0]!.cmRate).toBeUndefined();
    expect(zeroPrice.results.lines![1]!.class).toBe('keep'); // other lines kept
    const noRevenue = run({}, exampleLineRows.map((row) => ({ ...row, units: '0' })));
    expect(noRevenue.issues).toContainEqual(expect.objectContaining({ code: 'c04_2.zeroRevenue' }));
    expect(noRevenue.results.portfolioRate).toBeUndefined();
    expect(run({ targetRd: '40' }).issues).toContainEqual(expect.objectContaining({ field: 'targetRd', code: 'c04_2.targetsNot100' }));
    const bad = run({}, withRow(1, { units: 'lots' }));
    expect(bad.issues).toContainEqual(expect.objectContaining({ code: 'c04_2.portfolioWaits' }));
    expect(bad.results.lines![1]!.cmRate).toBeCloseTo(0.24, 12);
    expect(bad.results.portfolioRate).toBeUndefined();
  });

  it('notes a negative industry mean, and drops overflowing results with one message', () => {
    const neg = run({ industryMean: '-10' });
    expect(neg.issues).toContainEqual(expect.objectContaining({ field: 'industryMean', code: 'c04_2.negativeMean' }));
    expect(neg.results.upperRelative).toBeCloseTo(-0.115, 12);
    const read = readFields(calc.fields, calc.example);
    const rows = readRows(calc.table!, exampleLineRows).map((row) => ({ ...row, values: { ...row.values, price: 1e300, units: 1e300 } }));
    const out = calc.compute(read.values, rows);
    expect(out.issues).toContainEqual(expect.objectContaining({ code: 'c04_2.tooExtreme' }));
    expect(isAllFinite(out.results)).toBe(true);
  });

  it('a loss-making line (price below variable cost) is restructured; 200 lines accepted', () => {
    expect(run({}, withRow(2, { variableCost: '90' })).results.lines![2]!.class).toBe('restructure');
    const many = Array.from({ length: 200 }, (_, i) => exampleLineRows[i % 3]!);
    const { results, issues } = run({}, many);
    expect(results.lines).toHaveLength(200);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('defaults differ from the example and compute cleanly', () => {
    expect(calc.defaults).not.toEqual(calc.example);
    const { results, issues } = run({}, calc.defaultRows!, calc.defaults);
    expect(results.lines!.map((l) => l.class)).toEqual(['keep', 'monitor', 'keep', 'restructure', 'monitor']);
    expect(issues).toEqual([]);
  });
});

describe('C04.2 properties (fast-check)', () => {
  const row = fc.record({
    price: fc.double({ min: 0.01, max: 1e6, noNaN: true }),
    variableCost: fc.double({ min: 0, max: 1e6, noNaN: true }),
    units: fc.double({ min: 0, max: 1e6, noNaN: true }),
    role: fc.constantFrom('cash', 'growth', 'rd'),
  });
  it('the portfolio rate is the revenue-weighted mean of line rates; mix shares add up to 100%', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 20 }), (lines) => {
        const rows = lines.map((l) => ({ name: '', price: String(l.price), variableCost: String(l.variableCost), units: String(l.units), role: l.role })) as RawRow<LineColumns>[];
        const { results: r } = run({}, rows);
        expect(isAllFinite(r)).toBe(true);
        if (r.portfolioRate === undefined) return;
        const weighted = r.lines!.reduce((a, l) => a + l.cmRate! * l.revenue!, 0) / r.totalRevenue!;
        expect(r.portfolioRate).toBeCloseTo(weighted, 6);
        expect(r.mix!.reduce((a, m) => a + m.byCount, 0)).toBeCloseTo(1, 12);
        expect(r.mix!.reduce((a, m) => a + m.byRevenue, 0)).toBeCloseTo(1, 9);
        // The two readings agree wherever the thresholds do not separate them.
        for (const l of r.lines!) if (l.cmRate! >= 0.35 || l.cmRate! < 0.05) expect(l.classRelative).toBe(l.classPoints);
      }),
      { numRuns: 300 },
    );
  });

  it('random text in any field or cell gives a field message or a value, never an exception', () => {
    const keys = Object.keys(calc.fields) as (keyof typeof calc.fields)[];
    const columns = Object.keys(calc.table!.columns) as (keyof LineColumns)[];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.string({ maxLength: 80 }), fc.constantFrom(...columns), fc.string({ maxLength: 80 }), (key, text, column, cell) => {
        const out = run({ [key]: text }, withRow(1, { [column]: cell }));
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
