import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exampleIndicatorRows, kpiScorecard, rawAttainment, type IndicatorColumns } from '~/lib/calculators/c09-2-kpi-scorecard';
import { isAllFinite } from '~/lib/kit/calculator';
import { readFields } from '~/lib/kit/fields';
import { readRows, type RawRow } from '~/lib/kit/rows';

function run(fields: Partial<typeof kpiScorecard.example> = {}, rows: RawRow<IndicatorColumns>[] = exampleIndicatorRows) {
  const read = readFields(kpiScorecard.fields, { ...kpiScorecard.example, ...fields });
  return { ...kpiScorecard.compute(read.values, readRows(kpiScorecard.table!, rows)), fieldErrors: read.errors };
}
const r2 = (x: number | undefined) => (x === undefined ? undefined : Math.round(x * 100) / 100);

describe('C09.2 KPI weighted scorecard with 360° feedback', () => {
  it('reproduces the chapter-9 scorecard: 44.00 + 14.21 + 13.50 + 12.00 + 15.75 = 99.46', () => {
    // Cash collection 90/95 = 94.7% × 15 = 14.21; NPS (40 − 0)/(50 − 0) = 80% × 15 = 12.00; teamwork 4.2/4 = 105% × 15 = 15.75.
    const { results, issues } = run();
    expect(results.indicators!.map((x) => r2(x.attainment! * 100))).toEqual([110, 94.74, 90, 80, 105]);
    expect(results.indicators!.map((x) => r2(x.points))).toEqual([44, 14.21, 13.5, 12, 15.75]);
    expect(r2(results.total)).toBe(99.46);
    expect(r2(results.hardPoints)).toBe(71.71);
    expect(r2(results.softPoints)).toBe(27.75);
    // 360°: (4.0 × 50 + 3.5 × 25 + 4.5 × 25) / 100 = 4.00.
    expect(results.composite360).toBeCloseTo(4, 12);
    expect(results.rules!.map((x) => x.pass)).toEqual([true, true, true]);
    expect([r2(results.hardWeight), r2(results.softWeight)]).toEqual([0.7, 0.3]);
    expect(issues).toEqual([]);
  });

  it('caps attainment at 120%, floors it at 0, and scores lower-is-better as target ÷ actual', () => {
    expect(rawAttainment('lower', 45, 50, null, 1.2)).toEqual({ ok: true, value: 0.9 });
    expect(rawAttainment('lower', 45, 0, null, 1.2)).toEqual({ ok: true, value: 1.2 }); // actual ≤ 0 scores the cap
    const rows = exampleIndicatorRows.map((x) => ({ ...x }));
    rows[0] = { ...rows[0]!, actual: '2000000' };
    rows[3] = { ...rows[3]!, actual: '-10' };
    const { results } = run({}, rows);
    expect(results.indicators![0]!.attainment).toBe(1.2);
    expect(results.indicators![0]!.capped).toBe(true);
    expect(results.indicators![3]!.attainment).toBe(0);
    expect(r2(results.indicators![0]!.points)).toBe(48);
  });

  it('checks the rules: weights 100%, hard ≥ 70%, soft 20–30% inclusive', () => {
    const rows = exampleIndicatorRows.map((x) => ({ ...x }));
    rows[0] = { ...rows[0]!, weight: '30' };
    rows[4] = { ...rows[4]!, weight: '25' };
    // 30 + 15 + 15 hard = 60% < 70%; 15 + 25 soft = 40% > 30%; total still 100%.
    const { results, issues } = run({}, rows);
    expect(results.rules!.map((x) => [x.rule, x.pass])).toEqual([['weightsTotal', true], ['hardMinimum', false], ['softRange', false]]);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c09_2.rule.hardMinimum' }));
    // Total 90%: hard 60%, soft 30% (30% is inside 20–30%, inclusive).
    const ninety = run({}, exampleIndicatorRows.map((x, i) => (i === 0 ? { ...x, weight: '30' } : x)));
    expect(ninety.results.rules!.map((x) => x.pass)).toEqual([false, false, true]);
  });

  it('guards a non-positive target, a target not above the floor, a floor on a lower-is-better indicator and zero rater weights', () => {
    const rows = exampleIndicatorRows.map((x) => ({ ...x }));
    rows[0] = { ...rows[0]!, target: '0' };
    rows[3] = { ...rows[3]!, floor: '60' };
    rows[4] = { ...rows[4]!, direction: 'lower', floor: '1' };
    const { results, issues } = run({ managerWeight: '0', peerWeight: '0', customerWeight: '0' }, rows);
    expect(issues).toEqual(expect.arrayContaining([
      expect.objectContaining({ row: 0, code: 'c09_2.targetNotPositive' }),
      expect.objectContaining({ row: 3, code: 'c09_2.targetNotAboveFloor' }),
      expect.objectContaining({ row: 4, code: 'c09_2.floorWithLower' }),
      expect.objectContaining({ code: 'c09_2.raterWeightsZero' }),
    ]));
    expect(results.total).toBeUndefined();
    expect(r2(results.indicators![1]!.points)).toBe(14.21); // the other rows still score
    expect(results.rules).toBeDefined();
  });
});

describe('C09.2 properties (fast-check)', () => {
  const indicator = fc.record({
    name: fc.constant('k'), type: fc.constantFrom('hard', 'soft'), weight: fc.integer({ min: 0, max: 100 }).map(String),
    target: fc.double({ min: 0.01, max: 1e9, noNaN: true }).map(String), actual: fc.double({ min: -1e9, max: 1e9, noNaN: true }).map(String),
    direction: fc.constantFrom('higher', 'lower'), floor: fc.constant(''),
  });

  it('finite results; each attainment in 0…cap; total = Σ points ≤ 100 × cap × Σ weights', () => {
    fc.assert(
      fc.property(fc.array(indicator, { minLength: 1, maxLength: 10 }), fc.integer({ min: 100, max: 200 }), (rows, capPct) => {
        const { results } = run({ cap: String(capPct) }, rows as RawRow<IndicatorColumns>[]);
        expect(isAllFinite(results)).toBe(true);
        for (const x of results.indicators!) if (x.attainment !== undefined) expect(x.attainment >= 0 && x.attainment <= capPct / 100 + 1e-12).toBe(true);
        if (results.total !== undefined) expect(results.total).toBeLessThanOrEqual(capPct * results.weightTotal! + 1e-6);
      }),
      { numRuns: 300 },
    );
  });

  it('random text in any field or cell gives a message, never an exception', () => {
    const cols = Object.keys(kpiScorecard.table!.columns) as (keyof IndicatorColumns)[];
    const keys = Object.keys(kpiScorecard.fields) as (keyof typeof kpiScorecard.fields)[];
    fc.assert(
      fc.property(fc.constantFrom(...cols), fc.constantFrom(...keys), fc.string({ maxLength: 70 }), (col, key, text) => {
        const { results } = run({ [key]: text }, exampleIndicatorRows.map((x) => ({ ...x, [col]: text })));
        expect(isAllFinite(results)).toBe(true);
        const fields = readFields(kpiScorecard.fields, { ...kpiScorecard.example, [key]: text });
        expect(fields.values[key] !== undefined || fields.errors[key] !== undefined).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
