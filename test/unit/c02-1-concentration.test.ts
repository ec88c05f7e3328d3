import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concentration as calc, exampleFirmRows, type FirmColumns } from '~/lib/calculators/c02-1-concentration';
import { isAllFinite } from '~/lib/kit/calculator';
import { readFields } from '~/lib/kit/fields';
import { readRows, type RawRow } from '~/lib/kit/rows';
import { strings } from '~/i18n';

type Raw = typeof calc.defaults;
const shares = (...xs: string[]): RawRow<FirmColumns>[] => xs.map((share) => ({ name: '', share }));

function run(overrides: Partial<Raw> = {}, rows: RawRow<FirmColumns>[] = exampleFirmRows, base: Raw = calc.example) {
  const read = readFields(calc.fields, { ...base, ...overrides });
  return { ...calc.compute(read.values, readRows(calc.table!, rows)), fieldErrors: read.errors };
}

describe('C02.1 concentration: CR-n and HHI', () => {
  it('reproduces the methodology and chapter-2 worked example', () => {
    // CR5 = 25 + 15 + 10 + 7 + 5 = 62% > 60%; HHI = 625 + 225 + 100 + 49 + 25 = 1,024;
    // with others (38%) as one firm 1,024 + 1,444 = 2,468; equivalent firms 10,000 / 1,024 = 9.77.
    const { results: r, issues } = run();
    expect(r.crN).toBeCloseTo(0.62, 12);
    expect(r.n).toBe(5);
    expect(r.crFlag).toBe(true);
    expect(r.hhiNamed).toBeCloseTo(1024, 9);
    expect(r.hhiUpper).toBeCloseTo(2468, 9);
    expect(r.equivalentFirms!.toFixed(2)).toBe('9.77');
    expect(r.others).toBeCloseTo(0.38, 12);
    expect(r.othersComputed).toBe(false);
    // 2010 bands: 1,024 unconcentrated … 2,468 moderately (the chapter's reading);
    // 2023 bands: 1,024 moderately (1,000–1,800) … 2,468 highly (above 1,800).
    expect(r.bands2010).toEqual({ lower: 'unconcentrated', upper: 'moderate' });
    expect(r.bands2023).toEqual({ lower: 'moderate', upper: 'high' });
    // Pareto: shares descending with the cumulative line, "all others" last.
    expect(r.pareto!.map((f) => Math.round(f.cumulative * 100))).toEqual([25, 40, 50, 57, 62, 100]);
    expect(r.pareto!.map((f) => Math.round(f.squared))).toEqual([625, 225, 100, 49, 25, 1444]);
    expect(r.pareto!.at(-1)!.row).toBeNull();
    expect(issues).toEqual([]);
  });

  it('sorts named shares descending before taking CR-n, and computes "all others" as 100 − Σ when empty', () => {
    const { results: r } = run({ others: '', n: '2' }, shares('5', '25', '10', '15', '7'));
    expect(r.pareto!.slice(0, 5).map((f) => f.row)).toEqual([1, 3, 2, 4, 0]);
    expect(r.crN).toBeCloseTo(0.4, 12);
    expect(r.others).toBeCloseTo(0.38, 12);
    expect(r.othersComputed).toBe(true);
    expect(r.hhiUpper).toBeCloseTo(2468, 9);
  });

  it('CR threshold is strict: exactly 60% does not trigger the rule', () => {
    expect(run({}, shares('25', '15', '10', '5', '5')).results.crFlag).toBe(false);
    expect(run({}, shares('25', '15', '10', '5', '5.0001')).results.crFlag).toBe(true);
  });

  it('2010 bands: 1,500 is moderate, 2,500 is still moderate, above 2,500 is high; 2023: 1,800 moderate, above it high', () => {
    // One firm of s% has HHI = s² (50% → 2,500; 40% → 1,600; 30% → 900).
    const band = (hhiShare: string) => run({ others: '0' }, shares(hhiShare)).results;
    expect(band('50').bands2010).toEqual({ lower: 'moderate', upper: 'moderate' }); // 2,500
    expect(band('50.01').bands2010!.lower).toBe('high');
    expect(band('30').bands2023).toEqual({ lower: 'unconcentrated', upper: 'unconcentrated' }); // 900
    expect(band('40').bands2010!.lower).toBe('moderate'); // 1,600
    // 30² + 20² + 10² + 10² = 1,500 exactly: moderate under 2010 (“below 1,500” is unconcentrated).
    expect(run({ others: '0' }, shares('30', '20', '10', '10')).results.bands2010).toEqual({ lower: 'moderate', upper: 'moderate' });
    // 30² + 10² = 1,000 exactly: moderate under 2023 (1,000–1,800).
    expect(run({ others: '0' }, shares('30', '10')).results.bands2023).toEqual({ lower: 'moderate', upper: 'moderate' });
    const custom = run({ others: '0', moderateFrom: '900', highAbove: '1000' }, shares('30', '10')).results; // 1,000
    expect(custom.bands2010!.lower).toBe('moderate');
    // 2023: two firms of 30% → 1,800 exactly: "greater than 1,800" is not met.
    expect(run({ others: '0' }, shares('30', '30', '40')).results.hhiNamed).toBeCloseTo(3400, 9);
    expect(run({}, shares('30', '30')).results.bands2023).toEqual({ lower: 'moderate', upper: 'high' });
    const edge = run({ others: '0' }, shares('30', '30')).results;
    expect(edge.hhiNamed).toBeCloseTo(1800, 9);
    expect(edge.bands2023).toEqual({ lower: 'moderate', upper: 'moderate' });
    expect(edge.ranges2023!.map((x) => [x.from, x.to])).toEqual([[undefined, 1000], [1000, 1800], [1800, undefined]]);
  });

  it('guards: named shares above 100%, others pushing the total above 100%, bands out of order, zero HHI', () => {
    const above = run({}, shares('60', '41'));
    expect(above.issues).toContainEqual(expect.objectContaining({ code: 'c02_1.namedAbove100' }));
    expect(above.results.hhiNamed).toBeUndefined();
    expect(run({}, shares('60', '40.4')).issues.map((i) => i.code)).not.toContain('c02_1.namedAbove100'); // within +0.5
    const total = run({ others: '50' });
    expect(total.issues).toContainEqual(expect.objectContaining({ field: 'others', code: 'c02_1.totalAbove100' }));
    expect(total.results.hhiUpper).toBeUndefined();
    expect(total.results.crN).toBeCloseTo(0.62, 12); // unrelated results kept
    const below = run({ others: '10' });
    expect(below.issues).toContainEqual(expect.objectContaining({ field: 'others', code: 'c02_1.totalBelow100' }));
    const order = run({ moderateFrom: '3000' });
    expect(order.issues).toContainEqual(expect.objectContaining({ field: 'highAbove', code: 'c02_1.bandsOrder' }));
    expect(order.results.bands2010).toBeUndefined();
    expect(order.results.bands2023).toBeDefined();
    const zero = run({ others: '' }, shares('0', '0'));
    expect(zero.issues).toContainEqual(expect.objectContaining({ code: 'c02_1.zeroHhi' }));
    expect(zero.results.equivalentFirms).toBeUndefined();
    expect(zero.results.hhiUpper).toBe(10000); // all of the market is "others"
  });

  it('an unreadable share blocks the totals (a missing firm would understate them) but not the legends', () => {
    const { issues, results } = run({}, shares('25', 'abc', '10'));
    expect(issues).toContainEqual(expect.objectContaining({ row: 1, column: 'share', code: 'c02_1.shareNeeded' }));
    expect(results.crN).toBeUndefined();
    expect(results.ranges2010).toHaveLength(3);
    expect(run({ n: '9' }).issues).toContainEqual(expect.objectContaining({ field: 'n', code: 'c02_1.fewerFirmsThanN' }));
  });

  it('asks for at least one firm; vanishing shares give no equivalent-firm count instead of Infinity', () => {
    expect(run({}, []).issues).toContainEqual(expect.objectContaining({ code: 'c02_1.noFirms' }));
    // Shares bounded to 0–100% cannot overflow; the only non-finite risk is 10,000 ÷ a vanishing HHI.
    const read = readFields(calc.fields, calc.example);
    const out = calc.compute({ ...read.values, others: null }, readRows(calc.table!, exampleFirmRows).map((row) => ({ ...row, values: { ...row.values, share: 1e-300 } })));
    expect(out.issues).toContainEqual(expect.objectContaining({ code: 'c02_1.zeroHhi' }));
    expect(out.results.equivalentFirms).toBeUndefined();
    expect(isAllFinite(out.results)).toBe(true);
  });

  it('accepts 200 firms', () => {
    const many = Array.from({ length: 200 }, () => ({ name: '', share: '0.5' }));
    const { results, issues } = run({ others: '' }, many);
    expect(results.hhiNamed).toBeCloseTo(50, 6); // 200 × 0.5²
    expect(results.equivalentFirms).toBeCloseTo(200, 6);
    expect(issues).toEqual([]);
  });

  it('defaults differ from the example and compute cleanly', () => {
    expect(calc.defaults).not.toEqual(calc.example);
    const { results, issues } = run({}, calc.defaultRows!, calc.defaults);
    expect(results.crN).toBeCloseTo(0.74, 12);
    expect(issues).toEqual([]);
  });
});

describe('C02.1 properties (fast-check)', () => {
  it('HHI lies between 10,000/N·(Σs)² and 10,000·(Σs)², CR-n ≤ Σ, bounds ordered, results finite', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 10 }), (raw, n) => {
        const total = raw.reduce((a, b) => a + b, 0) || 1;
        const pcts = raw.map((x) => (x / total) * 100 * 0.9); // named firms hold 90%
        const { results: r } = run({ others: '', n: String(n) }, pcts.map((p) => ({ name: '', share: String(p) })));
        expect(isAllFinite(r)).toBe(true);
        const sum = pcts.reduce((a, b) => a + b, 0);
        expect(r.hhiNamed!).toBeLessThanOrEqual(sum * sum + 1e-6);
        expect(r.hhiNamed!).toBeGreaterThanOrEqual((sum * sum) / pcts.length - 1e-6);
        expect(r.hhiUpper!).toBeGreaterThanOrEqual(r.hhiNamed!);
        expect(100 * r.crN!).toBeLessThanOrEqual(sum + 1e-9);
        // CR-n takes the n largest.
        const top = [...pcts].sort((a, b) => b - a).slice(0, n).reduce((a, b) => a + b, 0);
        expect(100 * r.crN!).toBeCloseTo(top, 9);
      }),
      { numRuns: 300 },
    );
  });

  it('random text in any field or cell gives a field message or a value, never an exception', () => {
    const keys = Object.keys(calc.fields) as (keyof typeof calc.fields)[];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.string({ maxLength: 80 }), fc.string({ maxLength: 80 }), (key, text, cell) => {
        const out = run({ [key]: text }, [...exampleFirmRows, { name: cell, share: cell }]);
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
