import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exampleFunnelRows, funnelAb, pChartLimits, relativeLift, type FunnelColumns } from '~/lib/calculators/c08-2-funnel-ab';
import { isAllFinite } from '~/lib/kit/calculator';
import { readFields } from '~/lib/kit/fields';
import { readRows, type RawRow } from '~/lib/kit/rows';

function run(fields: Partial<typeof funnelAb.example> = {}, rows: RawRow<FunnelColumns>[] = exampleFunnelRows) {
  const read = readFields(funnelAb.fields, { ...funnelAb.example, ...fields });
  return { ...funnelAb.compute(read.values, readRows(funnelAb.table!, rows)), fieldErrors: read.errors };
}
const pct1 = (x: number | undefined) => (x === undefined ? undefined : Math.round(x * 1000) / 10);

describe('C08.2 funnel, uplift and A/B sample size', () => {
  it('reproduces the chapter-8 funnel: step rates, overall 3.0%, biggest drop at product view → cart', () => {
    const { results } = run();
    expect(results.steps!.map((s) => pct1(s.rate))).toEqual([40, 20, 50, 75]);
    expect(pct1(results.overall)).toBe(3); // 600 / 20,000
    expect(results.biggestDropRow).toBe(2); // the step into "Add to cart"
    expect(results.alerts).toBe(0); // observed = baseline everywhere
  });

  it('reproduces the A/B figures: 3,780 per arm; z = 2.243, p = 0.025; lift +25.0% [+2.8%, +52.1%]; 30% not reached', () => {
    // n = [1.95996·√(2·0.0575·0.9425) + 0.84162·√(0.05·0.95 + 0.065·0.935)]² / 0.015² = 3,779.x → 3,780.
    // Lift CI: exp(ln 1.25 ± 1.96·√(0.7/120 + 0.625/150)) − 1 = exp(0.22314 ± 0.196) − 1.
    const { results, issues } = run();
    expect(results.samplePerArm).toBe(3780);
    expect(results.targetRate).toBeCloseTo(0.065, 12);
    expect(Math.round(results.z! * 1000) / 1000).toBe(2.243);
    expect(Math.round(results.pValue! * 1000) / 1000).toBe(0.025);
    expect(results.significant).toBe(true);
    expect([pct1(results.lift), pct1(results.liftLow), pct1(results.liftHigh)]).toEqual([25, 2.8, 52.1]);
    expect(results.reachedOnPoint).toBe(false);
    expect(results.reachedOnBound).toBe(false);
    // Wilson 95%: 120/400 → [25.7%, 34.7%]; 150/400 → [32.9%, 42.3%].
    expect([pct1(results.control!.low), pct1(results.control!.high), pct1(results.variant!.low), pct1(results.variant!.high)]).toEqual([25.7, 34.7, 32.9, 42.3]);
    expect(issues).toEqual([]);
  });

  it('answers "target reached?" on the point and on the lower bound separately', () => {
    // 100/1000 vs 140/1000: lift 40%, lower bound below 30%.
    const { results } = run({ controlVisitors: '1000', controlConversions: '100', variantVisitors: '1000', variantConversions: '140' });
    expect(results.reachedOnPoint).toBe(true);
    expect(results.reachedOnBound).toBe(false);
    const big = run({ controlVisitors: '100000', controlConversions: '5000', variantVisitors: '100000', variantConversions: '7000' });
    expect(big.results.reachedOnBound).toBe(true); // lift 40%, CI about [+35%, +45%]
    // Exactly 30% counts as reached (≥): 100/1000 vs 130/1000.
    expect(run({ controlVisitors: '1000', controlConversions: '100', variantVisitors: '1000', variantConversions: '130' }).results.reachedOnPoint).toBe(true);
  });

  it('p-chart alerts when a stage rate leaves p̄ ± 3√(p̄(1 − p̄)/n), limits clipped to 0–100%', () => {
    // Add to cart: 340/2,100 = 16.2% against 20% ± 3·√(0.16/2,100) = [17.4%, 22.6%] → low.
    const { results, issues } = run({}, funnelAb.defaultRows!);
    expect(results.steps!.map((s) => s.alert)).toEqual([null, 'low', null, null]);
    expect(issues).toContainEqual(expect.objectContaining({ row: 2, code: 'c08_2.alertLow' }));
    expect(pChartLimits(0.99, 10)).toEqual({ lower: expect.closeTo(0.8956, 4), upper: 1 });
    expect(pChartLimits(0.5, 4).lower).toBe(0);
  });

  it('guards empty stages, rising counts, zero visitors, conversions above visitors and zero conversions', () => {
    const rows = [{ stage: 'a', count: '0', baselineRate: '' }, { stage: 'b', count: '10', baselineRate: '' }];
    const f = run({}, rows);
    expect(f.results.overall).toBeUndefined();
    expect(f.issues).toContainEqual(expect.objectContaining({ code: 'c08_2.nobodyEntered' }));
    expect(run({}, [{ stage: 'a', count: '5', baselineRate: '' }, { stage: 'b', count: '10', baselineRate: '' }]).issues).toContainEqual(expect.objectContaining({ code: 'c08_2.countRises' }));
    expect(run({ controlVisitors: '0' }).issues).toContainEqual(expect.objectContaining({ field: 'controlVisitors', code: 'c08_2.zeroVisitors' }));
    expect(run({ variantConversions: '500' }).issues).toContainEqual(expect.objectContaining({ field: 'variantConversions', code: 'c08_2.conversionsAboveVisitors' }));
    const zero = run({ controlConversions: '0' });
    expect(zero.results.lift).toBeUndefined();
    expect(zero.issues).toContainEqual(expect.objectContaining({ code: 'c08_2.noLiftInterval' }));
    expect(relativeLift(0, 10, 5, 10)).toBeNull();
    expect(run({ baselineConversion: '80', targetLift: '30' }).issues).toContainEqual(expect.objectContaining({ code: 'c08_2.targetAbove100' }));
    expect(run({ baselineConversion: '0' }).issues).toContainEqual(expect.objectContaining({ code: 'c08_2.zeroBaseline' }));
    expect(run({ variantVisitors: '' }).issues).toContainEqual(expect.objectContaining({ code: 'c08_2.abIncomplete' }));
  });

  it('warns instead of giving a confident verdict on a small test', () => {
    const { issues, results } = run({ controlVisitors: '40', controlConversions: '4', variantVisitors: '40', variantConversions: '9' });
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c08_2.smallSample' }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c08_2.verdictTentative' }));
    expect(results.reachedOnPoint).toBe(true);
  });
});

describe('C08.2 properties (fast-check)', () => {
  it('finite results; the lift interval contains the lift; its bounds are above −100%', () => {
    const arm = fc.integer({ min: 1, max: 1e7 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n })));
    fc.assert(
      fc.property(arm, arm, fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 2, maxLength: 10 }), ([n1, x1], [n2, x2], counts) => {
        const rows = counts.map((c, i) => ({ stage: `s${i}`, count: String(c), baselineRate: i ? '30' : '' }));
        const { results } = run({ controlVisitors: String(n1), controlConversions: String(x1), variantVisitors: String(n2), variantConversions: String(x2) }, rows);
        expect(isAllFinite(results)).toBe(true);
        if (results.lift !== undefined) {
          expect(results.liftLow!).toBeLessThanOrEqual(results.lift + 1e-12);
          expect(results.liftHigh!).toBeGreaterThanOrEqual(results.lift - 1e-12);
          expect(results.liftLow!).toBeGreaterThan(-1);
          if (results.reachedOnBound) expect(results.reachedOnPoint).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('random text in any field or cell gives a message, never an exception', () => {
    const cols = Object.keys(funnelAb.table!.columns) as (keyof FunnelColumns)[];
    const keys = Object.keys(funnelAb.fields) as (keyof typeof funnelAb.fields)[];
    fc.assert(
      fc.property(fc.constantFrom(...cols), fc.constantFrom(...keys), fc.string({ maxLength: 70 }), (col, key, text) => {
        const { results } = run({ [key]: text }, exampleFunnelRows.map((x) => ({ ...x, [col]: text })));
        expect(isAllFinite(results)).toBe(true);
        const fields = readFields(funnelAb.fields, { ...funnelAb.example, [key]: text });
        expect(fields.values[key] !== undefined || fields.errors[key] !== undefined).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
