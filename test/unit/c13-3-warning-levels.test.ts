import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMinutes, blankIndicatorRow, parseClock, parseHistory, warningLevelsCalculator as calc, type IndicatorColumns } from '~/lib/calculators/c13-3-warning-levels';
import type { RawRow } from '~/lib/kit/rows';
import { codes, fuzzCells, fuzzFields, runCalc } from './helpers/control';

const run = (overrides: Partial<typeof calc.example> = {}, rows?: RawRow<IndicatorColumns>[]) => runCalc(calc, overrides, rows);
const ind = (blue: string, yellow: string, red: string, current: string, extra: Partial<RawRow<IndicatorColumns>> = {}): RawRow<IndicatorColumns> =>
  ({ ...blankIndicatorRow(), blue, yellow, red, current, ...extra });

describe('C13.3 red / yellow / blue — chapter 13 worked example', () => {
  it('complaint growth 24% → yellow (regional manager); on-time 83% → red, deadline 11:40; share decline 0.6 → blue', () => {
    const { results: r, issues } = run();
    const [complaints, supplier, share] = r.indicators!;
    expect(complaints!.level).toBe('yellow'); // 20 ≤ 24 < 30, higher is worse
    expect(complaints!.rights).toBe('regionalManager');
    expect(supplier!.level).toBe('red'); // 83 < 85, lower is worse
    expect(supplier!.rights).toBe('escalate');
    expect(supplier!.deadline).toEqual({ day: null, minute: 11 * 60 + 40, dayOffset: 0 }); // 09:40 + 2 h
    expect(supplier!.minutesLeft).toBe(85); // as of 10:15
    expect(supplier!.overdue).toBe(false);
    expect(share!.level).toBe('blue'); // 0.5 ≤ 0.6 < 1.0
    expect(share!.rights).toBe('ownerMonitors');
    expect(r.counts).toEqual({ none: 0, blue: 1, yellow: 1, red: 1 });
    expect(r.reviewOrder).toEqual([1, 0, 2]);
    expect(issues).toEqual([]);
  });

  it('a red warning not escalated by its deadline is overdue; escalated is not', () => {
    const late = run({ asOf: '11:41' });
    expect(late.results.indicators![1]!.overdue).toBe(true);
    expect(late.results.overdueCount).toBe(1);
    expect(codes(late.issues)).toContain('c13_3.overdue');
    expect(run({ asOf: '11:40' }).results.indicators![1]!.overdue).toBe(false); // exactly on the deadline
    const rows = calc.exampleRows!.map((row, i) => (i === 1 ? { ...row, escalated: 'yes' as const } : row));
    expect(run({ asOf: '12:00' }, rows).results.indicators![1]!.overdue).toBe(false);
  });
});

describe('C13.3 thresholds and times', () => {
  it('a value on a threshold takes the more severe level (E7)', () => {
    const { results } = run({}, [ind('10', '20', '30', '30'), ind('10', '20', '30', '9.999'), ind('95', '90', '85', '95', { direction: 'lowerIsWorse' }), ind('95', '90', '85', '94.9', { direction: 'lowerIsWorse' })]);
    expect(results.indicators!.map((x) => x.level)).toEqual(['red', 'none', 'none', 'blue']);
  });

  it('refuses thresholds out of order for the direction', () => {
    const { results, issues } = run({}, [ind('30', '20', '10', '5'), ind('85', '90', '95', '5', { direction: 'lowerIsWorse' }), ind('1', '2', '3', '2')]);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c13_3.thresholdsNotAscending', row: 0 }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c13_3.thresholdsNotDescending', row: 1 }));
    expect(results.indicators!.map((x) => x.row)).toEqual([2]);
  });

  it('reads dated and undated times, rolls past midnight and refuses impossible times', () => {
    expect(parseClock('2026-12-07 09:40')).toEqual({ day: Date.UTC(2026, 11, 7) / 86_400_000, minute: 580 });
    expect(parseClock('２０２６-１２-０７ ０９：４０')).toEqual({ day: Date.UTC(2026, 11, 7) / 86_400_000, minute: 580 });
    expect(parseClock('23:59')).toEqual({ day: null, minute: 1439 });
    for (const bad of ['24:00', '12:60', '2026-02-30 10:00', 'soon', '9.40', '']) expect(parseClock(bad)).toBeNull();
    expect(addMinutes({ day: 20794, minute: 23 * 60 }, 120)).toEqual({ day: 20795, minute: 60, dayOffset: 1 });
    const rows = [ind('1', '2', '3', '5', { detectedAt: '2026-12-07 23:00' })];
    const { results } = run({ asOf: '2026-12-08 00:30' }, rows);
    expect(results.indicators![0]!.minutesLeft).toBe(30);
  });

  it('messages for a bad time, a missing detection time, and dated against undated times', () => {
    expect(run({ asOf: 'now' }).issues).toContainEqual(expect.objectContaining({ code: 'c13_3.badTime', field: 'asOf' }));
    expect(run({}, [ind('1', '2', '3', '5', { detectedAt: 'noon' })]).issues).toContainEqual(expect.objectContaining({ code: 'c13_3.badTime', row: 0, column: 'detectedAt' }));
    expect(run({}, [ind('1', '2', '3', '5')]).issues).toContainEqual(expect.objectContaining({ code: 'c13_3.noDetectionTime', row: 0 }));
    expect(codes(run({ asOf: '2026-12-07 10:00' }).issues)).toContain('c13_3.mixedTimes');
    expect(codes(run({}, [ind('1', '', '3', '5')]).issues)).toContain('c13_3.rowExcluded');
  });

  it('history for the chart: earlier values then the current one; a bad history is reported and skipped', () => {
    const { results, issues } = run({}, [ind('10', '20', '30', '24', { history: '12; 15 18；1,200' }), ind('10', '20', '30', '5', { history: '3; x' })]);
    expect(results.indicators![0]!.history).toEqual([12, 15, 18, 1200, 24]);
    expect(results.indicators![0]!.thresholds).toEqual({ blue: 10, yellow: 20, red: 30 });
    expect(results.indicators![1]!.history).toEqual([5]);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c13_3.badHistory', row: 1, column: 'history' }));
    expect(parseHistory(Array(61).fill('1').join(';'))).toBeNull();
    expect(parseHistory('')).toEqual([]);
  });

  it('the escalation window is editable', () => {
    const d = run({ escalationHours: '0.5' }).results.indicators![1]!.deadline!;
    expect(d.minute).toBe(9 * 60 + 40 + 30);
  });

  it('accepts 200 indicators', () => {
    const rows = Array.from({ length: 200 }, (_, i) => ind('10', '20', '30', String(i % 40)));
    expect(run({}, rows).results.indicators).toHaveLength(200);
  });
});

describe('C13.3 properties', () => {
  it('the level never falls as the value moves the bad way', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 3, maxLength: 3 }), fc.integer({ min: -2000, max: 2000 }), fc.integer({ min: 0, max: 500 }), fc.boolean(), (ts, value, step, higher) => {
        const sorted = [...ts].sort((a, b) => (higher ? a - b : b - a)).map(String);
        const direction = higher ? 'higherIsWorse' : 'lowerIsWorse';
        const worse = higher ? value + step : value - step;
        const [a, b] = run({}, [ind(sorted[0]!, sorted[1]!, sorted[2]!, String(value), { direction }), ind(sorted[0]!, sorted[1]!, sorted[2]!, String(worse), { direction })]).results.indicators!;
        expect(b!.severity).toBeGreaterThanOrEqual(a!.severity);
      }),
      { numRuns: 300 },
    );
  });

  it('random text in any field or cell gives a message, never an exception or a non-finite result', () => {
    fuzzFields(calc);
    fuzzCells(calc);
  });
});
