import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blankKpiRow, kpiDashboard, type KpiColumns } from '~/lib/calculators/c14-1-kpi-dashboard';
import type { RawRow } from '~/lib/kit/rows';
import { codes, fuzzCells, fuzzFields, runCalc } from './helpers/control';

const run = (overrides: Partial<typeof kpiDashboard.example> = {}, rows?: RawRow<KpiColumns>[]) => runCalc(kpiDashboard, overrides, rows);
const kpi = (target: string, actual: string, extra: Partial<RawRow<KpiColumns>> = {}): RawRow<KpiColumns> => ({ ...blankKpiRow(), target, actual, ...extra });

describe('C14.1 KPI dashboard — chapter 14 worked example (50% of the year elapsed)', () => {
  it('revenue: 47.5% attained, 95.0% of pace, forecast 11,400,000 (600,000 short), amber', () => {
    const k = run().results.kpis![0]!;
    expect(k.attainment).toBeCloseTo(0.475, 12); // 5.7M / 12M
    expect(k.pace).toBeCloseTo(0.95, 12); // 5.7M / (12M × 0.5)
    expect(k.forecast).toBeCloseTo(11400000, 6); // 5.7M / 0.5
    expect(k.gap).toBeCloseTo(-600000, 6);
    expect(k.onTrack).toBe(false);
    expect(k.status).toBe('amber');
  });

  it('new customers: 55.0%, 110.0%, forecast 440 (40 ahead), green', () => {
    const k = run().results.kpis![1]!;
    expect(k.attainment).toBeCloseTo(0.55, 12);
    expect(k.pace).toBeCloseTo(1.1, 12);
    expect(k.forecast).toBeCloseTo(440, 9);
    expect(k.gap).toBeCloseTo(40, 9);
    expect(k.status).toBe('green');
  });

  it('complaints (lower is better): 166.7%, pace 83.3%, forecast 360 (60 over the cap), red', () => {
    const { results: r, issues } = run();
    const k = r.kpis![2]!;
    expect(k.attainment! * 100).toBeCloseTo(166.7, 1); // 300 / 180
    expect(k.pace! * 100).toBeCloseTo(83.3, 1); // 300 × 0.5 / 180
    expect(k.forecast).toBeCloseTo(360, 9);
    expect(k.gap).toBeCloseTo(60, 9);
    expect(k.onTrack).toBe(false);
    expect(k.status).toBe('red');
    expect(r.counts).toEqual({ green: 1, amber: 1, red: 1 });
    expect([r.greenCount, r.amberCount, r.redCount]).toEqual([1, 1, 1]);
    expect(r.reviewOrder).toEqual([2, 0, 1]);
    expect(issues).toEqual([]);
  });
});

describe('C14.1 cut-offs and guards', () => {
  it('a pace exactly on a cut-off takes the better colour', () => {
    const { results } = run({}, [kpi('100', '50'), kpi('100', '45'), kpi('100', '44.999')]);
    expect(results.kpis!.map((k) => k.status)).toEqual(['green', 'amber', 'red']); // pace 100%, 90%, 89.998%
  });

  it('at period end pace equals attainment', () => {
    const k = run({ elapsed: '100' }, [kpi('200', '190')]).results.kpis![0]!;
    expect(k.pace).toBe(k.attainment);
    expect(k.status).toBe('amber');
  });

  it('a row may set its own elapsed share', () => {
    const k = run({}, [kpi('100', '30', { elapsed: '25' })]).results.kpis![0]!;
    expect(k.pace).toBeCloseTo(1.2, 12);
    expect(k.elapsed).toBe(0.25);
  });

  it('zero target or zero elapsed share: a message, the other KPIs kept', () => {
    const { results, issues } = run({}, [kpi('0', '5'), kpi('100', '50'), kpi('100', '10', { elapsed: '0' })]);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c14_1.zeroTarget', row: 0, column: 'target' }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c14_1.zeroElapsed', row: 2, column: 'elapsed' }));
    expect(results.kpis![1]!.status).toBe('green');
    expect(results.kpis![2]!.attainment).toBeCloseTo(0.1, 12);
    expect(results.kpis![2]!.pace).toBeUndefined();
    const global = run({ elapsed: '0' });
    expect(global.issues.filter((i) => i.code === 'c14_1.zeroElapsed')).toEqual([expect.objectContaining({ field: 'elapsed' })]);
  });

  it('a lower-is-better KPI at 0 is green with no ratio', () => {
    const { results, issues } = run({}, [kpi('10', '0', { direction: 'lower' })]);
    expect(results.kpis![0]!.status).toBe('green');
    expect(results.kpis![0]!.pace).toBeUndefined();
    expect(codes(issues)).toContain('c14_1.zeroActualLower');
  });

  it('refuses an amber cut-off above the green one; ratios still shown', () => {
    const { results, issues } = run({ amberFrom: '110' });
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c14_1.cutOffsOrder', field: 'amberFrom' }));
    expect(results.kpis![0]!.status).toBeUndefined();
    expect(results.kpis![0]!.pace).toBeCloseTo(0.95, 12);
  });

  it('leaves out a row with a bad cell and accepts 200 KPIs', () => {
    const { issues } = run({}, [kpi('abc', '1'), kpi('1', '1')]);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c14_1.rowExcluded', row: 0 }));
    const many = run({}, Array.from({ length: 200 }, (_, i) => kpi(String(i + 1), String(i))));
    expect(many.results.kpis).toHaveLength(200);
  });
});

describe('C14.1 properties', () => {
  it('status never improves as the actual moves the wrong way', () => {
    const order = { red: 0, amber: 1, green: 2 } as const;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 100 }), fc.boolean(), (target, actual, step, elapsed, higher) => {
        const direction = higher ? 'higher' : 'lower';
        const worse = higher ? Math.max(0, actual - step) : actual + step;
        const a = run({ elapsed: String(elapsed) }, [kpi(String(target), String(actual), { direction }), kpi(String(target), String(worse), { direction })]).results.kpis!;
        expect(order[a[1]!.status!]).toBeLessThanOrEqual(order[a[0]!.status!]);
      }),
      { numRuns: 300 },
    );
  });

  it('random text in any field or cell gives a message, never an exception or a non-finite result', () => {
    fuzzFields(kpiDashboard);
    fuzzCells(kpiDashboard);
  });
});
