import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  blankVarianceRow,
  budgetVariance,
  monthKeys,
  varianceStatus,
  type VarianceColumns,
} from '~/lib/calculators/c12-2-budget-variance';
import { readFields } from '~/lib/kit/fields';
import { readRows, type RawRow } from '~/lib/kit/rows';
import { toUnits } from '~/lib/kit/rounding';

type Fields = typeof budgetVariance.defaults;

function run(overrides: Partial<Fields> = {}, rows: RawRow<VarianceColumns>[] = budgetVariance.exampleRows!) {
  const read = readFields(budgetVariance.fields, { ...budgetVariance.example, ...overrides });
  return { ...budgetVariance.compute(read.values, readRows(budgetVariance.table!, rows)), fieldErrors: read.errors };
}

const row = (budget: string, actual: string, extra: Partial<RawRow<VarianceColumns>> = {}): RawRow<VarianceColumns> => ({
  ...blankVarianceRow(),
  budget,
  actual,
  ...extra,
});

const months = (values: string[]) => ({ phasing: 'monthly', ...Object.fromEntries(monthKeys.map((k, i) => [k, values[i] ?? ''])) });

describe('C12.2 budget-vs-actual — worked example', () => {
  it('reproduces chapter 12: B_td 600,000, +72,000 (+12.0%) alert, forecast 1,344,000 (+144,000), and the other lines', () => {
    // B_td = 1,200,000 × 6/12 = 600,000; V = 672,000 − 600,000 = 72,000; V% = 72,000/600,000 = 12%.
    // FY = 672,000 / (6/12) = 1,344,000; projected variance = 1,344,000 − 1,200,000 = 144,000.
    const { results: r, issues } = run();
    const a = r.lines![0]!;
    expect(a.budgetToDate).toBe(600000);
    expect(a.variance).toBe(72000);
    expect(a.variancePct! * 100).toBeCloseTo(12.0, 10);
    expect(a.status).toBe('alert');
    expect(a.forecast).toBe(1344000);
    expect(a.projectedVariance).toBe(144000);
    // Events: 480,000 → B_td 240,000; 228,000 → −12,000 (−5.0%), on track.
    const b = r.lines![1]!;
    expect(b.variance).toBe(-12000);
    expect(b.variancePct! * 100).toBeCloseTo(-5, 10);
    expect(b.status).toBe('onTrack');
    expect(b.forecast).toBe(456000);
    // Digital tools: 360,000 → B_td 180,000; 150,000 → −30,000 (−16.7%), underspend check; forecast 300,000.
    const c = r.lines![2]!;
    expect(c.variance).toBe(-30000);
    expect(c.variancePct! * 100).toBeCloseTo(-16.67, 2);
    expect(c.status).toBe('underspend');
    expect(c.forecast).toBe(300000);
    expect(r.needsExplanation).toEqual([0, 2]);
    // Totals, as the chapter prints them: 2,040,000; B_td 1,020,000; actual 1,050,000 → +30,000 (+2.9%),
    // on track; forecast 2,100,000.
    expect(r.totals!.budget).toBe(2040000);
    expect(r.totals!.budgetToDate).toBe(1020000);
    expect(r.totals!.variance).toBe(30000);
    expect((r.totals!.variancePct! * 100).toFixed(1)).toBe('2.9');
    expect(r.totals!.status).toBe('onTrack');
    expect(r.totals!.forecast).toBe(2100000);
    expect(r.totals!.projectedVariance).toBe(60000);
    expect(issues).toEqual([]);
  });

  it('splits each budget into 12 months to the cent', () => {
    const { results } = run({}, [row('1000', '0'), row('100', '0')]);
    const plan = results.lines![0]!.monthlyPlan;
    expect(plan.reduce((a, b) => a + toUnits(b), 0)).toBe(100000);
    expect(plan.filter((x) => x === 83.34)).toHaveLength(4); // 1,000/12 = 83.333…: 4 × 83.34 + 8 × 83.33
    expect(results.cumulative!.at(-1)!.plan).toBeCloseTo(1100, 9);
  });
});

describe('C12.2 status boundaries', () => {
  it('puts exactly +10% in the alert band and exactly −10% in the underspend band', () => {
    expect(varianceStatus(0.1, 0.1, -0.1)).toBe('alert');
    expect(varianceStatus(0.09999999999999987, 0.1, -0.1)).toBe('alert'); // binary noise of an exact 10%
    expect(varianceStatus(0.0999999, 0.1, -0.1)).toBe('onTrack');
    expect(varianceStatus(-0.1, 0.1, -0.1)).toBe('underspend');
    expect(varianceStatus(-0.0999999, 0.1, -0.1)).toBe('onTrack');
    // 660,000 vs 600,000 is +10% exactly.
    expect(run({}, [row('1200000', '660000'), row('1', '0')]).results.lines![0]!.status).toBe('alert');
    expect(run({}, [row('1200000', '659999.99'), row('1', '0')]).results.lines![0]!.status).toBe('onTrack');
  });

  it('calls spend with no budget to date "unbudgeted spend", and no spend with no budget on track', () => {
    const { results: r, issues } = run({}, [row('0', '500'), row('0', '0')]);
    expect(r.lines![0]!.status).toBe('unbudgeted');
    expect(r.lines![0]!.variancePct).toBeUndefined();
    expect(r.lines![1]!.status).toBe('onTrack');
    expect(r.totals!.status).toBe('unbudgeted');
    expect(r.needsExplanation).toEqual([0]);
    expect(issues).toEqual([]);
  });

  it('uses the editable thresholds', () => {
    const rows = [row('1200000', '630000'), row('1200000', '570000')]; // +5%, −5%
    const { results } = run({ alertThreshold: '5', underspendThreshold: '-5' }, rows);
    expect(results.lines!.map((l) => l.status)).toEqual(['alert', 'underspend']);
  });
});

describe('C12.2 phasing, forecast and flexible budget', () => {
  it('uses monthly phasing for budget to date and the forecast', () => {
    // 600,000 with 20% in March and 30% in June: 50% planned by month 6 → B_td 300,000.
    // Actual 255,000 → −15% underspend; forecast 255,000 / 0.5 = 510,000.
    const rows = [row('600000', '255000', months(['0', '0', '20', '0', '0', '30', '0', '0', '30', '0', '20', '0'])), row('1', '0')];
    const l = run({}, rows).results.lines![0]!;
    expect(l.phased).toBeCloseTo(0.5, 12);
    expect(l.budgetToDate).toBeCloseTo(300000, 6);
    expect(l.variancePct).toBeCloseTo(-0.15, 12);
    expect(l.status).toBe('underspend');
    expect(l.forecast).toBeCloseTo(510000, 6);
    expect(l.monthlyPlan).toEqual([0, 0, 120000, 0, 0, 180000, 0, 0, 180000, 0, 120000, 0]);
  });

  it('requires monthly phasing to sum to 100%', () => {
    const rows = [row('600000', '255000', months(['50', '40'])), row('100', '50')];
    const { results, issues } = run({}, rows);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c12_2.phasingSum', row: 0, params: { sum: 90 } }));
    expect(results.lines!.map((l) => l.row)).toEqual([1]);
  });

  it('has no forecast when nothing is phased to date', () => {
    const rows = [row('600000', '1000', months(['0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '100'])), row('1200', '600')];
    const { results: r, issues } = run({}, rows);
    expect(r.lines![0]!.forecast).toBeUndefined();
    expect(r.lines![0]!.status).toBe('unbudgeted');
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c12_2.noForecastSpend', row: 0 }));
    expect(r.totals!.forecast).toBeUndefined();
    expect(r.lines![1]!.forecast).toBe(1200);
    const none = run({ monthsElapsed: '0' });
    expect(none.issues).toContainEqual(expect.objectContaining({ code: 'c12_2.nothingElapsed', field: 'monthsElapsed' }));
    expect(none.results.lines![0]!.forecast).toBeUndefined();
  });

  it('computes the flexible budget and its spending and activity variances', () => {
    // F 210,000, v 12/unit: B_flex = 210,000 + 12 × 22,000 = 474,000; B_static = 210,000 + 12 × 20,000 = 450,000.
    // Spending variance 470,000 − 474,000 = −4,000; activity variance 474,000 − 450,000 = 24,000.
    const { results: r, issues } = run({ ...budgetVariance.defaults }, budgetVariance.defaultRows!);
    expect(r.lines![2]!.flexible).toEqual({ flexBudget: 474000, staticBudget: 450000, spendingVariance: -4000, activityVariance: 24000 });
    expect(issues).toEqual([]);
    const partial = run({}, [row('100', '50', { fixed: '10' }), row('100', '50')]);
    expect(partial.issues).toContainEqual(expect.objectContaining({ code: 'c12_2.flexIncomplete', row: 0 }));
    expect(partial.results.lines![0]!.flexible).toBeUndefined();
  });

  it('draws cumulative plan, the alert line, actual and forecast by month or by quarter', () => {
    const { results: r } = run();
    const c = r.cumulative!;
    expect(c).toHaveLength(13);
    // Chapter 12's three lines: plan to date 1,020,000, +10% alert line 1,122,000, actual 1,050,000.
    expect(c[6]!.plan).toBeCloseTo(1020000, 6);
    expect(c[6]!.alertLine).toBeCloseTo(1122000, 6);
    expect(c[6]!.actual).toBe(1050000);
    expect(c[12]!.forecast).toBeCloseTo(2100000, 6);
    expect(c[5]!.forecast).toBeUndefined();
    const q = run({ cadence: 'quarterly', monthsElapsed: '5' });
    expect(q.results.cumulative!.map((p) => p.month)).toEqual([0, 3, 5, 6, 9, 12]);
    expect(q.issues).toContainEqual(expect.objectContaining({ code: 'c12_2.notQuarterEnd', params: { next: 6 } }));
    expect(q.results.nextReview).toBe(6);
  });

  it('leaves out a row with an unreadable budget and keeps the others', () => {
    const { results, issues } = run({}, [row('abc', '1'), row('1200', '600')]);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c12_2.rowExcluded', row: 0 }));
    expect(results.lines!.map((l) => l.row)).toEqual([1]);
  });
});

describe('C12.2 properties', () => {
  it('exactly +alert% is an alert and one cent less is on track; exactly the underspend % is a check', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 60 }), (m, e, p, q) => {
        // Budget 1,200·m → B_td = 100·m·e exactly; actual = B_td × (1 + p%) = m·e·(100 + p).
        const budget = String(1200 * m);
        const over = String(m * e * (100 + p));
        const overLess = ((m * e * (100 + p) * 100 - 1) / 100).toFixed(2);
        const under = String(m * e * (100 - q));
        const underMore = ((m * e * (100 - q) * 100 + 1) / 100).toFixed(2);
        const fields = { monthsElapsed: String(e), alertThreshold: String(p), underspendThreshold: String(-q) };
        const { results } = run(fields, [row(budget, over), row(budget, overLess), row(budget, under), row(budget, underMore)]);
        expect(results.lines!.map((l) => l.status)).toEqual(['alert', 'onTrack', 'underspend', 'onTrack']);
      }),
      { numRuns: 500 },
    );
  });

  it('random valid lines give finite results whose totals add up', () => {
    const lineArb = fc.record({ budget: fc.integer({ min: 0, max: 1e11 }), actual: fc.integer({ min: 0, max: 1e11 }), monthly: fc.option(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 12, maxLength: 12 }), { nil: null }) });
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 2, maxLength: 30 }), fc.integer({ min: 0, max: 12 }), (raw, e) => {
        const rows = raw.map((l) => {
          if (l.monthly === null || l.monthly.every((x) => x === 0)) return row(String(l.budget / 100), String(l.actual / 100));
          const total = l.monthly.reduce((a, b) => a + b, 0);
          // Whole percents that sum to 100: scale, then put the rounding rest in December.
          const pct = l.monthly.map((x) => Math.floor((x * 100) / total));
          pct[11]! += 100 - pct.reduce((a, b) => a + b, 0);
          return row(String(l.budget / 100), String(l.actual / 100), months(pct.map(String)));
        });
        const { results: r } = run({ monthsElapsed: String(e) }, rows);
        expect(r.lines).toHaveLength(raw.length);
        for (const l of r.lines!) {
          for (const v of [l.budgetToDate, l.variance, l.variancePct ?? 0, l.forecast ?? 0, l.projectedVariance ?? 0]) expect(Number.isFinite(v)).toBe(true);
          expect(l.monthlyPlan.reduce((a, b) => a + toUnits(b), 0)).toBe(toUnits(l.budget));
          if (l.variancePct !== undefined) expect(l.status).toBe(varianceStatus(l.variancePct, 0.1, -0.1));
        }
        const sumB = r.lines!.reduce((a, l) => a + l.budgetToDate, 0);
        expect(r.totals!.budgetToDate).toBeCloseTo(sumB, 2);
        expect(r.totals!.variance).toBeCloseTo(r.totals!.actual - r.totals!.budgetToDate, 2);
      }),
      { numRuns: 200 },
    );
  });

  it('any text in any field or cell gives an error or a value, never an exception', () => {
    const keys = Object.keys(budgetVariance.fields) as (keyof Fields)[];
    const columns = Object.keys(budgetVariance.table!.columns) as (keyof VarianceColumns)[];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.string({ maxLength: 80 }), fc.integer({ min: 0, max: 3 }), fc.constantFrom(...columns), fc.string({ maxLength: 80 }), (key, text, r, column, cell) => {
        const read = readFields(budgetVariance.fields, { ...budgetVariance.defaults, [key]: text });
        if (read.values[key] === undefined) expect(read.errors[key]).toBeDefined();
        const rows = budgetVariance.defaultRows!.map((x, i) => (i === r ? { ...x, [column]: cell } : x));
        const reads = readRows(budgetVariance.table!, rows);
        if (reads[r]!.values[column] === undefined) expect(reads[r]!.errors[column]).toBeDefined();
        const out = budgetVariance.compute(read.values, reads);
        for (const l of out.results.lines ?? []) expect(Number.isFinite(l.variance)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
