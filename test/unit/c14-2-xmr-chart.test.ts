import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { judge, xmrChart, xmrLimits, type XmrColumns } from '~/lib/calculators/c14-2-xmr-chart';
import type { RawRow } from '~/lib/kit/rows';
import { codes, fuzzCells, fuzzFields, runCalc } from './helpers/control';

const series = (...xs: number[]): RawRow<XmrColumns>[] => xs.map((x) => ({ label: '', value: String(x) }));
const run = (overrides: Partial<typeof xmrChart.example> = {}, rows?: RawRow<XmrColumns>[]) => runCalc(xmrChart, overrides, rows);
const methodology = [10, 12, 11, 13, 12, 11, 12, 14];

describe('C14.2 XmR chart — worked example', () => {
  it('the methodology’s eight points as a baseline: x̄ 11.875, MR̄ 1.4286, UCL 15.675, LCL 8.075, no signal', () => {
    const { results: r, issues } = run({ changeAt: '' }, series(...methodology));
    expect(r.centre).toBe(11.875); // 95 / 8
    expect(r.meanMovingRange!).toBeCloseTo(1.4286, 4); // (2+1+2+1+1+1+2) / 7 = 10/7
    expect(r.ucl!).toBeCloseTo(15.675, 3); // 11.875 + 2.66 × 10/7 = 15.6750
    expect(r.lcl!).toBeCloseTo(8.075, 3);
    expect(r.signalCount).toBe(0);
    expect(r.firstSignal).toBeNull();
    expect(codes(issues)).toEqual(['c14_2.provisionalLimits', 'c14_2.allPointsBaseline']);
  });

  it('corrected chapter example: limits from the 8 weeks before the fix judge the 8 weeks after it', () => {
    const { results: r, issues } = run();
    expect(r.baselineFrom).toBe(1);
    expect(r.baselineTo).toBe(8); // every point before the change marker (9)
    expect(r.centre).toBe(11.875);
    expect(r.ucl!).toBeCloseTo(15.675, 3); // 11.875 + 2.66 × 10/7
    expect(r.lcl!).toBeCloseTo(8.075, 3); // 11.875 − 2.66 × 10/7
    // The chapter's eight weeks after the change: 13 14 13 15 14 16 14 15, all above the centre line.
    expect(r.points!.slice(8).map((p) => p.value)).toEqual([13, 14, 13, 15, 14, 16, 14, 15]);
    expect(r.points!.slice(8).every((p) => p.side === 'above')).toBe(true);
    // Week 14 (week 6 after the change) = 16 > 15.675: beyond the upper limit.
    expect(r.points![13]!.beyond).toBe('upper');
    expect(r.beyondCount).toBe(1);
    // Weeks 7–14 (12, 14, 13, 14, 13, 15, 14, 16) are all above 11.875: the run signals at week 14 and stays on to week 16 (15).
    expect(r.points!.map((p) => p.runSignal)).toEqual([...Array(13).fill(false), true, true, true]);
    expect(r.firstSignal).toBe(14);
    expect(r.signalCount).toBe(3);
    expect(r.points![8]!.afterChange).toBe(true);
    expect(r.points![7]!.inBaseline).toBe(true);
    expect(r.points![8]!.inBaseline).toBe(false);
    expect(codes(issues)).toEqual(['c14_2.provisionalLimits']);
  });

  it('limits computed from all 16 points instead would be wider and hide the beyond-limit point', () => {
    const all = xmrLimits([...methodology, 13, 14, 13, 15, 14, 16, 14, 15])!;
    expect(all.ucl).toBeGreaterThan(16); // x̄ 209/16 = 13.0625, MR̄ 21/15 = 1.4 → UCL ≈ 16.79
    const { results: r, issues } = run({ baselineTo: '16' });
    expect(r.beyondCount).toBe(0);
    expect(codes(issues)).toContain('c14_2.baselineAfterChange');
  });
});

describe('C14.2 rules', () => {
  it('a point exactly on the centre line ends a run', () => {
    // Centre 0 (baseline ±1 alternating, mean 0); then 7 above, one at 0, 7 above: no run of 8.
    const limits = { centre: 0, meanMovingRange: 2, ucl: 5.32, lcl: -5.32 };
    const seven = Array(7).fill(1);
    expect(judge([...seven, 0, ...seven], limits).some((p) => p.runSignal)).toBe(false);
    const marks = judge([...seven, 1], limits).map((p) => p.runSignal);
    expect(marks).toEqual([...Array(7).fill(false), true]);
    expect(judge([-1, ...Array(8).fill(-2)], limits).at(-1)!.runSignal).toBe(true);
  });

  it('a point exactly on a limit is not beyond it', () => {
    const limits = xmrLimits([0, 1, 0, 1, 0, 1, 0, 1])!; // x̄ 0.5, MR̄ 1 → UCL 3.16, LCL −2.16
    expect(judge([3.16, 3.1600001, -2.16, -2.1600001], limits).map((p) => p.beyond)).toEqual([null, 'upper', null, 'lower']);
  });

  it('needs 8 points; a baseline shorter than 8 gives no limits', () => {
    expect(codes(run({ changeAt: '' }, series(1, 2, 3, 4, 5, 6, 7)).issues)).toContain('c14_2.tooFewPoints');
    const short = run({ changeAt: '5' });
    expect(short.issues).toContainEqual(expect.objectContaining({ code: 'c14_2.baselineTooShort', params: { min: 8, count: 4 } }));
    expect(short.results.ucl).toBeUndefined();
  });

  it('checks the change marker and the baseline range', () => {
    expect(codes(run({ changeAt: '17' }).issues)).toContain('c14_2.changeOutside');
    expect(codes(run({ changeAt: '1' }).issues)).toContain('c14_2.changeOutside');
    expect(codes(run({ baselineTo: '17' }).issues)).toContain('c14_2.baselineOutside');
    expect(codes(run({ baselineFrom: '9', baselineTo: '3' }).issues)).toContain('c14_2.baselineOrder');
    const custom = run({ changeAt: '', baselineFrom: '3', baselineTo: '12' });
    expect(custom.results.baselineCount).toBe(10);
  });

  it('skips unreadable points and warns on a flat baseline', () => {
    const rows = series(...methodology, 20);
    rows[2] = { label: '', value: 'n/a' };
    const { results, issues } = run({ changeAt: '' }, [...rows, ...series(5)]);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c14_2.pointSkipped', row: 2 }));
    expect(results.points).toHaveLength(9);
    expect(codes(run({ changeAt: '9' }, series(...Array(8).fill(5), 6)).issues)).toContain('c14_2.flatBaseline');
  });

  it('positions are table rows: a skipped row does not shift the change marker or the signal row', () => {
    const rows = xmrChart.exampleRows!.map((row, i) => (i === 11 ? { ...row, value: '' } : row)); // row 12 empty
    const { results: r, issues } = run({}, rows);
    expect(r.baselineCount).toBe(8);
    expect(r.points).toHaveLength(15);
    expect(r.points!.find((p) => p.row === 8)!.afterChange).toBe(true); // row 9
    expect(r.firstSignal).toBe(14); // row 14 (16) is still beyond the upper limit
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c14_2.pointSkipped', row: 11 }));
    const early = run({}, xmrChart.exampleRows!.map((row, i) => (i === 3 ? { ...row, value: '' } : row)));
    expect(early.issues).toContainEqual(expect.objectContaining({ code: 'c14_2.baselineTooShort', params: { min: 8, count: 7 } }));
  });

  it('accepts 1,000 points', () => {
    const rows = series(...Array.from({ length: 1000 }, (_, i) => (i * 7919) % 101));
    const { results } = run({ changeAt: '' }, rows);
    expect(results.points).toHaveLength(1000);
  });
});

describe('C14.2 properties', () => {
  it('limits are symmetric about the centre, LCL ≤ x̄ ≤ UCL, and shifting every point shifts the chart', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 8, maxLength: 60 }), fc.integer({ min: -1000, max: 1000 }), (xs, shift) => {
        const a = xmrLimits(xs)!;
        const b = xmrLimits(xs.map((x) => x + shift))!;
        expect(a.lcl).toBeLessThanOrEqual(a.centre);
        expect(a.centre).toBeLessThanOrEqual(a.ucl);
        expect(a.ucl - a.centre).toBeCloseTo(a.centre - a.lcl, 6);
        expect(b.meanMovingRange).toBeCloseTo(a.meanMovingRange, 6);
        expect(b.centre - a.centre).toBeCloseTo(shift, 6);
      }),
      { numRuns: 300 },
    );
  });

  it('random text in any field or cell gives a message, never an exception or a non-finite result', () => {
    fuzzFields(xmrChart);
    fuzzCells(xmrChart);
  });
});
