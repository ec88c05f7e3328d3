import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blankProcessRow, processMetrics, type ProcessColumns } from '~/lib/calculators/c11-1-process-metrics';
import type { RawRow } from '~/lib/kit/rows';
import { codes, fuzzCells, fuzzFields, runCalc } from './helpers/control';

const run = (overrides: Partial<typeof processMetrics.example> = {}, rows?: RawRow<ProcessColumns>[]) => runCalc(processMetrics, overrides, rows);
const step = (processing: string, waiting: string, extra: Partial<RawRow<ProcessColumns>> = {}): RawRow<ProcessColumns> =>
  ({ ...blankProcessRow(), processing, waiting, itemsIn: '100', firstPass: '100', reworked: '0', ...extra });

describe('C11.1 process time and quality — chapter 11 worked example', () => {
  it('reproduces lead time, PCE, NVA share, RTY, rework and the slowest step', () => {
    const { results: r, issues } = run();
    expect(r.leadTime).toBe(380); // Σ processing 60 + Σ waiting 320
    expect(r.processingTime).toBe(60);
    expect(r.waitingTime).toBe(320);
    expect(r.valueAddedTime).toBe(41); // 6 + 25 + 10 (value-added steps' processing only)
    expect(r.pce! * 100).toBeCloseTo(10.8, 1); // 41 / 380 = 10.789…%
    expect(r.nvaShare! * 100).toBeCloseTo(89.2, 1);
    expect(r.nvaVsReference!).toBeCloseTo(0.892 - 0.3, 3); // against the 30% example
    expect(r.steps!.map((s) => s.firstPassYield)).toEqual([0.94, 0.98, 0.88, 0.97, 0.99]);
    // RTY = 0.94 × 0.98 × 0.88 × 0.97 × 0.99 = 0.77776… → 77.8%
    expect(r.rty!).toBeCloseTo(0.94 * 0.98 * 0.88 * 0.97 * 0.99, 12);
    expect(r.rty! * 100).toBeCloseTo(77.8, 1);
    expect(r.overallReworkRate).toBeCloseTo(0.048, 12); // 120 / 2,500
    expect(r.steps![2]!.reworkRate).toBeCloseTo(0.12, 12); // order review 60 / 500
    expect(r.worstReworkRow).toBe(2);
    expect(r.slowestRow).toBe(2); // order review: 15 + 120 = 135
    expect(r.slowestTime).toBe(135);
    expect(r.chart![3]).toEqual({ row: 3, valueAdded: 25, nonValueAddedProcessing: 0, waiting: 90 });
    expect(r.chart![1]).toEqual({ row: 1, valueAdded: 0, nonValueAddedProcessing: 4, waiting: 60 });
    expect(issues).toEqual([]);
  });

  it('after the change: 4.5 redundant minutes merged away and the review queue automated', () => {
    // As the chapter's step table and text give it: review processing 15 → 10.5 (the merged
    // re-checks); its waiting 120 → 30 (the automated queue).
    // Lead time 380 − 4.5 − 90 = 285.5; VA time unchanged at 41 → PCE 14.4%. Staff processing 60 → 55.5.
    const rows = processMetrics.exampleRows!.map((row, i) => (i === 2 ? { ...row, processing: '10.5', waiting: '30' } : row));
    const { results: r } = run({ baselineLeadTime: '380', baselinePce: '10.789473684' }, rows);
    expect(r.leadTime).toBe(285.5);
    expect(r.processingTime).toBe(55.5);
    expect(r.pce! * 100).toBeCloseTo(14.36, 2); // 41 / 285.5
    expect(r.leadTimeChange).toBe(-94.5);
    expect(r.leadTimeChangeRate! * 100).toBeCloseTo(-24.87, 2); // −94.5 / 380
    expect(r.pceChange! * 100).toBeCloseTo(3.57, 2); // 14.36 − 10.79
    expect(r.slowestRow).toBe(3); // picking and packing, 115, is now slowest
  });
});

describe('C11.1 guards', () => {
  it('reports a zero lead time and keeps the quality metrics', () => {
    const { results, issues } = run({}, [step('0', '0'), step('0', '0', { firstPass: '90', reworked: '10' })]);
    expect(codes(issues)).toContain('c11_1.zeroLeadTime');
    expect(results.pce).toBeUndefined();
    expect(results.rty).toBeCloseTo(0.9, 12);
  });

  it('flags a step with no items and leaves RTY out, other steps kept', () => {
    const { results, issues } = run({}, [step('5', '5'), step('5', '5', { itemsIn: '0', firstPass: '0' })]);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c11_1.noItems', row: 1, column: 'itemsIn' }));
    expect(codes(issues)).toContain('c11_1.rtyIncomplete');
    expect(results.rty).toBeUndefined();
    expect(results.overallReworkRate).toBe(0);
    expect(results.leadTime).toBe(20);
  });

  it('refuses more first-pass or reworked items than came in, and warns on rework above failures', () => {
    expect(codes(run({}, [step('1', '1', { firstPass: '101' })]).issues)).toContain('c11_1.firstPassAboveIn');
    expect(codes(run({}, [step('1', '1', { reworked: '101' })]).issues)).toContain('c11_1.reworkedAboveIn');
    const { issues } = run({}, [step('1', '1', { firstPass: '95', reworked: '6' })]);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c11_1.reworkedAboveFailed', params: { failed: 5 } }));
  });

  it('skips rows with unreadable times or counts and says so', () => {
    const { results, issues } = run({}, [step('abc', '1'), step('2', '3', { itemsIn: '' })]);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c11_1.rowTimesExcluded', row: 0 }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c11_1.rowQualityExcluded', row: 1 }));
    expect(results.leadTime).toBe(5);
    const none = run({}, [step('x', '1')]);
    expect(codes(none.issues)).toContain('c11_1.noSteps');
  });

  it('a zero baseline lead time gives the change but no rate', () => {
    const { results, issues } = run({ baselineLeadTime: '0' });
    expect(results.leadTimeChange).toBe(380);
    expect(results.leadTimeChangeRate).toBeUndefined();
    expect(codes(issues)).toContain('c11_1.zeroBaselineLeadTime');
  });

  it('the slowest step goes to the first of equal steps', () => {
    expect(run({}, [step('1', '9'), step('5', '5')]).results.slowestRow).toBe(0);
  });

  it('accepts 200 steps', () => {
    const rows = Array.from({ length: 200 }, (_, i) => step(String(i % 7), String(i % 11), { valueAdded: i % 2 ? 'yes' : 'no' }));
    const { results } = run({}, rows);
    expect(results.steps).toHaveLength(200);
    expect(processMetrics.table!.maxRows).toBeGreaterThanOrEqual(200);
  });
});

describe('C11.1 properties', () => {
  it('PCE and NVA share add to 1, RTY ≤ every FPY, lead time = Σ steps', () => {
    const rowArb = fc.record({
      p: fc.integer({ min: 0, max: 10_000 }), w: fc.integer({ min: 0, max: 10_000 }), va: fc.boolean(),
      n: fc.integer({ min: 1, max: 10_000 }), fpFraction: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 30 }), (raw) => {
        const rows = raw.map((x) => {
          const fp = Math.floor(x.n * x.fpFraction);
          return step(String(x.p / 10), String(x.w / 10), { valueAdded: x.va ? 'yes' : 'no', itemsIn: String(x.n), firstPass: String(fp), reworked: String(x.n - fp) });
        });
        const { results: r } = run({}, rows);
        expect(r.leadTime).toBeCloseTo(raw.reduce((s, x) => s + x.p / 10 + x.w / 10, 0), 6);
        if (r.pce !== undefined) {
          expect(r.pce + r.nvaShare!).toBeCloseTo(1, 12);
          expect(r.pce).toBeGreaterThanOrEqual(0);
          expect(r.pce).toBeLessThanOrEqual(1 + 1e-12);
        }
        for (const s of r.steps!) expect(r.rty!).toBeLessThanOrEqual(s.firstPassYield! + 1e-12);
        expect(r.overallReworkRate!).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it('random text in any field or cell gives a message, never an exception or a non-finite result', () => {
    fuzzFields(processMetrics);
    fuzzCells(processMetrics);
  });
});
