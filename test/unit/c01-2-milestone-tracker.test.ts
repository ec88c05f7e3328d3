import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { milestoneTracker as calc } from '~/lib/calculators/c01-2-milestone-tracker';
import { isAllFinite } from '~/lib/kit/calculator';
import { readFields } from '~/lib/kit/fields';
import { strings } from '~/i18n';

type Raw = typeof calc.defaults;

function run(overrides: Partial<Raw> = {}, base: Raw = calc.example) {
  const read = readFields(calc.fields, { ...base, ...overrides });
  return { ...calc.compute(read.values, []), fieldErrors: read.errors };
}

describe('C01.2 milestone tracker', () => {
  it('reproduces the chapter-1 worked example (half-way through year 1)', () => {
    const { results: r, issues } = run();
    const q = r.quarters!;
    // Attainment = actual / target: 26.1 / 27.825 = 93.8%, 28.9 / 27.825 = 103.9%.
    expect((100 * q[0]!.attainment!).toFixed(1)).toBe('93.8');
    expect((100 * q[1]!.attainment!).toFixed(1)).toBe('103.9');
    expect(q[0]!.status).toBe('amber');
    expect(q[1]!.status).toBe('green');
    expect(q[2]!.attainment).toBeUndefined();
    expect(r.annualTarget).toBe(111300000);
    expect(r.targetToDate).toBe(55650000);
    expect(r.actualToDate).toBe(55000000);
    // YTD = 55,000,000 / 55,650,000 = 98.8%.
    expect((100 * r.ytdAttainment!).toFixed(1)).toBe('98.8');
    expect(r.ytdStatus).toBe('amber');
    // Run-rate = 55,000,000 ÷ (55,650,000 ÷ 111,300,000) = 110,000,000; gap −1,300,000.
    expect(r.runRateForecast).toBeCloseTo(110000000, 6);
    expect(r.gap).toBeCloseTo(-1300000, 6);
    // Needed per remaining quarter = (111,300,000 − 55,000,000) ÷ 2 = 28,150,000.
    expect(r.quartersLeft).toBe(2);
    expect(r.neededPerQuarter).toBe(28150000);
    expect(r.plannedPerQuarter).toBe(27825000);
    expect((100 * r.stretch!).toFixed(2)).toBe('1.17'); // 28,150,000 / 27,825,000 − 1
    expect(q.map((x) => x.cumulativeTarget)).toEqual([27825000, 55650000, 83475000, 111300000]);
    expect(q.map((x) => x.cumulativeActual)).toEqual([26100000, 55000000, undefined, undefined]);
    expect(issues).toEqual([]);
  });

  it('scales the run-rate by the phasing, not by the calendar', () => {
    // Back-loaded plan 10/20/30/40: Q1 actual 12 → to date is 10% of the plan → forecast 120 (not 4 × 12 = 48).
    const { results: r } = run({ target1: '10', target2: '20', target3: '30', target4: '40', actual1: '12', actual2: '', currentQuarter: '1' });
    expect(r.runRateForecast).toBeCloseTo(120, 9);
    expect(r.neededPerQuarter).toBeCloseTo(88 / 3, 12);
  });

  it('status bands: on the cut-off goes to the upper class (E7, lower is worse)', () => {
    const at = (actual: string) => run({ actual1: actual, actual2: '27825000', currentQuarter: '2' }).results.quarters![0]!.status;
    expect(at('27825000')).toBe('green'); // exactly 100%
    expect(at('25042500')).toBe('amber'); // exactly 90%
    expect(at('25042499')).toBe('red');
  });

  it('guards a zero target, a missing actual, cut-offs out of order and a finished year', () => {
    const zero = run({ target1: '0', actual1: '5' });
    expect(zero.issues).toContainEqual(expect.objectContaining({ field: 'target1', code: 'c01_2.zeroTarget' }));
    expect(zero.results.quarters![0]!.attainment).toBeUndefined();
    expect(zero.results.ytdAttainment).toBeDefined(); // Q2 target keeps the year to date
    const allZero = run({ target1: '0', target2: '0' });
    expect(allZero.issues).toContainEqual(expect.objectContaining({ code: 'c01_2.zeroTargetToDate' }));
    expect(allZero.results.runRateForecast).toBeUndefined();
    const missing = run({ actual2: '' });
    expect(missing.issues).toContainEqual(expect.objectContaining({ field: 'actual2', code: 'c01_2.actualNeeded' }));
    expect(missing.results.quarters![0]!.attainment).toBeDefined();
    expect(missing.results.ytdAttainment).toBeUndefined();
    const order = run({ greenFrom: '90', amberFrom: '95' });
    expect(order.issues).toContainEqual(expect.objectContaining({ field: 'amberFrom', code: 'c01_2.cutoffsOrder' }));
    expect(order.results.quarters![0]!.status).toBeUndefined();
    expect(order.results.ytdAttainment).toBeDefined();
    const done = run({ actual3: '27000000', actual4: '30000000', currentQuarter: '4' });
    expect(done.issues).toContainEqual(expect.objectContaining({ field: 'currentQuarter', code: 'c01_2.yearComplete' }));
    expect(done.results.neededPerQuarter).toBeUndefined();
    expect(done.results.gap).toBeCloseTo(112000000 - 111300000, 6);
  });

  it('notes actuals typed after the current quarter and a target already reached', () => {
    const { issues, results } = run({ actual1: '100000000', actual3: '1' });
    expect(issues).toContainEqual(expect.objectContaining({ field: 'actual3', code: 'c01_2.actualAfterCurrent' }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c01_2.annualReached' }));
    expect(results.neededPerQuarter).toBe(0);
  });

  it('one unreadable target keeps the other quarters’ attainment', () => {
    const { results, fieldErrors } = run({ target1: 'abc' });
    expect(fieldErrors.target1).toEqual({ code: 'parse.notANumber' });
    expect(results.quarters!.map((q) => q.quarter)).toEqual([2, 3, 4]);
    expect((100 * results.quarters![0]!.attainment!).toFixed(1)).toBe('103.9');
    expect(results.annualTarget).toBeUndefined();
  });

  it('drops results that overflow (values past the field limits) with one message', () => {
    const read = readFields(calc.fields, calc.example);
    const out = calc.compute({ ...read.values, target3: 1.7e308, target4: 1.7e308 }, []);
    expect(out.issues).toContainEqual(expect.objectContaining({ code: 'c01_2.tooExtreme' }));
    expect(isAllFinite(out.results)).toBe(true);
  });

  it('defaults differ from the example and compute cleanly', () => {
    expect(calc.defaults).not.toEqual(calc.example);
    const { results, issues } = run({}, calc.defaults);
    expect(results.quartersLeft).toBe(1);
    expect(issues).toEqual([]);
  });
});

describe('C01.2 properties (fast-check)', () => {
  const amount = fc.double({ min: 0, max: 1e12, noNaN: true });
  it('finite results; Σ actual + needed × quarters left reaches the annual target', () => {
    fc.assert(
      fc.property(fc.array(amount, { minLength: 4, maxLength: 4 }), fc.array(amount, { minLength: 4, maxLength: 4 }), fc.integer({ min: 1, max: 4 }), (t, a, current) => {
        const raw: Partial<Raw> = { currentQuarter: String(current) };
        [1, 2, 3, 4].forEach((q, i) => {
          Object.assign(raw, { [`target${q}`]: String(t[i]), [`actual${q}`]: q <= current ? String(a[i]) : '' });
        });
        const { results: r } = run(raw);
        expect(isAllFinite(r)).toBe(true);
        if (r.neededPerQuarter !== undefined && r.remaining! > 0) {
          expect(r.actualToDate! + r.neededPerQuarter * r.quartersLeft!).toBeCloseTo(r.annualTarget!, -Math.log10(Math.max(1, r.annualTarget!)) + 6);
        }
        if (r.runRateForecast !== undefined && r.quartersLeft === 0) expect(r.runRateForecast).toBeCloseTo(r.actualToDate!, 3);
      }),
      { numRuns: 500 },
    );
  });

  it('random text in any field gives a field message or a value, never an exception', () => {
    const keys = Object.keys(calc.fields) as (keyof typeof calc.fields)[];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.string({ maxLength: 80 }), (key, text) => {
        const out = run({ [key]: text });
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
