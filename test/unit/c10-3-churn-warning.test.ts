import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blankChurnRow, churnWarning, logistic, winBackStep, type ChurnColumns } from '~/lib/calculators/c10-3-churn-warning';
import type { RawRow } from '~/lib/kit/rows';
import { codes, fuzzCells, fuzzFields, runCalc } from './helpers/control';

const run = (overrides: Partial<typeof churnWarning.example> = {}, rows?: RawRow<ChurnColumns>[]) => runCalc(churnWarning, overrides, rows);
const ind = (value: string, threshold: string, extra: Partial<RawRow<ChurnColumns>> = {}): RawRow<ChurnColumns> => ({ ...blankChurnRow(), value, threshold, ...extra });

describe('C10.3 churn warning — chapter 10 customer G', () => {
  it('8 of 12 flagged: score 100 × 8 ÷ 12 = 66.67, medium → level 1 (service call), standard urgency', () => {
    const { results: r, issues } = run();
    expect(r.indicators!.map((x) => x.flagged)).toEqual([true, true, true, true, true, false, true, false, false, true, true, false]);
    expect(r.flaggedCount).toBe(8);
    expect(r.score).toBeCloseTo(66.67, 2);
    expect(r.band).toBe('medium');
    // Escalate only if the previous level fails: a medium score starts at level 1.
    expect(r.step).toBe('serviceCall');
    expect(r.stepLevel).toBe(1);
    expect(r.urgency).toBe('standard');
    expect(r.contributions![0]!.value).toBeCloseTo(100 / 12, 12);
    expect(issues).toEqual([]);
  });

  it('one more flag gives 75: high, still level 1 but urgent; a failed call moves to the business manager', () => {
    const rows = churnWarning.exampleRows!.map((row, i) => (i === 11 ? { ...row, value: '1' } : row));
    const high = run({}, rows).results;
    expect(high.score).toBeCloseTo(75, 12);
    expect(high.band).toBe('high');
    expect(high.step).toBe('serviceCall');
    expect(high.urgency).toBe('urgent');
    expect(run({ failedLevel: 'level1' }, rows).results.step).toBe('businessManager');
    expect(run({ failedLevel: 'level2' }, rows).results.step).toBe('executive');
    const done = run({ failedLevel: 'level3' }, rows);
    expect(done.results.step).toBe('exhausted');
    expect(codes(done.issues)).toContain('c10_3.exhausted');
  });
});

describe('C10.3 rules', () => {
  it('band → step mapping: low monitors, medium and high start at level 1', () => {
    expect(winBackStep('low', 'none')).toEqual({ step: 'monitor', stepLevel: 0, urgency: 'none' });
    expect(winBackStep('medium', 'none')).toEqual({ step: 'serviceCall', stepLevel: 1, urgency: 'standard' });
    expect(winBackStep('high', 'none')).toEqual({ step: 'serviceCall', stepLevel: 1, urgency: 'urgent' });
    expect(winBackStep('low', 'level1').step).toBe('businessManager'); // a level already tried and failed
  });

  it('flags on the threshold: higher is worse at ≥, lower is worse at <', () => {
    const { results } = run({}, [ind('3', '3'), ind('2.999', '3'), ind('-30', '-30', { direction: 'lowerIsWorse' }), ind('-30.001', '-30', { direction: 'lowerIsWorse' })]);
    expect(results.indicators!.map((x) => x.flagged)).toEqual([true, false, false, true]);
  });

  it('bands on the cut-offs: 40 is medium, 70 is high', () => {
    const rows = (flags: number, total: number) => Array.from({ length: total }, (_, i) => ind(i < flags ? '1' : '0', '1'));
    expect(run({}, rows(2, 5)).results.band).toBe('medium'); // 40
    expect(run({}, rows(7, 10)).results.band).toBe('high'); // 70
    expect(run({}, rows(39, 100)).results.band).toBe('low');
  });

  it('weights: a zero total is refused; unequal weights move the score', () => {
    const zero = run({}, [ind('1', '1', { weight: '0' })]);
    expect(codes(zero.issues)).toContain('c10_3.weightsZero');
    expect(zero.results.score).toBeUndefined();
    expect(run({}, [ind('1', '1', { weight: '3' }), ind('0', '1')]).results.score).toBeCloseTo(75, 12);
  });

  it('logistic model: p = 1/(1 + e^−(β₀ + Σβx)), banded as 100p', () => {
    // β₀ = −2, β = 0.5 on 4 complaints and 0.02 on 75 days: z = −2 + 2 + 1.5 = 1.5 → p = 0.8176.
    const rows = [ind('4', '3', { beta: '0.5' }), ind('75', '60', { beta: '0.02' })];
    const { results: r, issues } = run({ method: 'logistic', intercept: '-2' }, rows);
    expect(r.probability).toBeCloseTo(1 / (1 + Math.exp(-1.5)), 12);
    expect(r.score).toBeCloseTo(81.76, 2);
    expect(r.band).toBe('high');
    expect(r.contributions!.map((c) => c.value)).toEqual([2, 1.5]);
    expect(codes(issues)).toEqual(['c10_3.notTwelve']);
    const missing = run({ method: 'logistic', intercept: '' }, [ind('4', '3')]);
    expect(codes(missing.issues)).toEqual(expect.arrayContaining(['c10_3.noIntercept', 'c10_3.missingBeta']));
    expect(missing.results.score).toBe(50);
  });

  it('the logistic never overflows', () => {
    expect(logistic(1000)).toBe(1);
    expect(logistic(-1000)).toBe(0);
    const { results } = run({ method: 'logistic', intercept: '0' }, [ind('1e12', '1', { beta: '1e6' })]);
    expect(results.score).toBe(100);
  });

  it('messages for a bad row, no indicators, a count other than 12 and bands out of order', () => {
    const bad = run({}, [ind('x', '1'), ind('1', '1')]);
    expect(bad.issues).toContainEqual(expect.objectContaining({ code: 'c10_3.rowExcluded', row: 0 }));
    expect(bad.issues).toContainEqual(expect.objectContaining({ code: 'c10_3.notTwelve', params: { count: 1 } }));
    expect(codes(run({}, [ind('x', '1')]).issues)).toContain('c10_3.noIndicators');
    expect(run({ mediumFrom: '80' }).issues).toContainEqual(expect.objectContaining({ code: 'c10_3.bandsOrder', field: 'highFrom' }));
  });

  it('accepts 200 indicators', () => {
    expect(run({}, Array.from({ length: 200 }, (_, i) => ind(String(i % 3), '1'))).results.indicatorCount).toBe(200);
  });
});

describe('C10.3 properties', () => {
  it('points score is within 0–100 and never falls when one more indicator is flagged', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ flagged: fc.boolean(), w: fc.integer({ min: 0, max: 100 }) }), { minLength: 1, maxLength: 30 }), fc.nat(), (raw, pick) => {
        if (raw.every((x) => x.w === 0)) return;
        const rows = raw.map((x) => ind(x.flagged ? '1' : '0', '1', { weight: String(x.w) }));
        const k = pick % raw.length;
        const more = rows.map((row, i) => (i === k ? { ...row, value: '1' } : row));
        const a = run({}, rows).results.score!;
        const b = run({}, more).results.score!;
        expect(a).toBeGreaterThanOrEqual(0);
        expect(a).toBeLessThanOrEqual(100 + 1e-9);
        expect(b).toBeGreaterThanOrEqual(a - 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it('random text in any field or cell gives a message, never an exception or a non-finite result', () => {
    fuzzFields(churnWarning);
    fuzzCells(churnWarning);
  });
});
