import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brandHealth, exampleWaveRows, type WaveColumns } from '~/lib/calculators/c07-1-brand-health';
import { isAllFinite } from '~/lib/kit/calculator';
import { readFields } from '~/lib/kit/fields';
import { readRows, type RawRow } from '~/lib/kit/rows';

function run(fields: Partial<typeof brandHealth.example> = {}, rows: RawRow<WaveColumns>[] = exampleWaveRows) {
  const read = readFields(brandHealth.fields, { ...brandHealth.example, ...fields });
  return { ...brandHealth.compute(read.values, readRows(brandHealth.table!, rows)), fieldErrors: read.errors };
}
const pct1 = (x: number | undefined) => (x === undefined ? undefined : Math.round(x * 1000) / 10);
const d1 = (x: number | undefined) => (x === undefined ? undefined : Math.round(x * 10) / 10);

describe('C07.1 brand health tracker', () => {
  it('reproduces the chapter-7 recall rows: Wilson intervals and the wave-to-wave z-test', () => {
    // 120/400 = 30.0% [25.7%, 34.7%]; 150/400 = 37.5% [32.9%, 42.3%]; +7.5 points, z = 2.243, p = 0.025.
    const { results } = run();
    const [w1, w2] = results.waves!;
    expect([pct1(w1!.recall!.rate), pct1(w1!.recall!.low), pct1(w1!.recall!.high)]).toEqual([30, 25.7, 34.7]);
    expect([pct1(w2!.recall!.rate), pct1(w2!.recall!.low), pct1(w2!.recall!.high)]).toEqual([37.5, 32.9, 42.3]);
    const c = w2!.changes.recall!;
    expect(pct1(c.difference)).toBe(7.5);
    expect(Math.round(c.z * 1000) / 1000).toBe(2.243);
    expect(Math.round(c.pValue * 1000) / 1000).toBe(0.025);
    expect(c.verdict).toBe('real');
  });

  it('reproduces the NPS rows: 25.0 [14.4, 35.6] → 40.0 [30.8, 49.2]; +15.0, SE 7.17, z = 2.09, p = 0.036', () => {
    // Wave 1: p_P 0.45, p_D 0.20, Var = 0.65 − 0.0625 = 0.5875, SE = 100·√(0.5875/200) = 5.42.
    const { results } = run();
    const [w1, w2] = results.waves!;
    expect([d1(w1!.nps!.nps), d1(w1!.nps!.low), d1(w1!.nps!.high)]).toEqual([25, 14.4, 35.6]);
    expect([d1(w2!.nps!.nps), d1(w2!.nps!.low), d1(w2!.nps!.high)]).toEqual([40, 30.8, 49.2]);
    const c = w2!.npsChange!;
    expect(d1(c.difference)).toBe(15);
    expect(Math.round(c.standardError * 100) / 100).toBe(7.17);
    expect(Math.round(c.z * 100) / 100).toBe(2.09);
    expect(Math.round(c.pValue * 1000) / 1000).toBe(0.036);
    expect(c.verdict).toBe('real');
  });

  it('reproduces repurchase (30.0% → 35.0%) and the ±5-point sample size (676.1 → 677)', () => {
    const { results, issues } = run();
    const [w1, w2] = results.waves!;
    expect([pct1(w1!.repurchase!.rate), pct1(w2!.repurchase!.rate)]).toEqual([30, 35]);
    expect(pct1(w2!.changes.repurchase!.difference)).toBe(5);
    expect(results.npsSampleNeeded).toBe(677); // 1.96² × 0.44 / 0.05² = 676.12
    expect(Math.round(results.npsSampleExact! * 100) / 100).toBe(676.12);
    expect(results.series!.nps.map((p) => d1(p.value))).toEqual([25, 40]);
    expect(issues).toEqual([]);
  });

  it('gives a tentative verdict and a warning on small samples instead of a confident call', () => {
    const rows = [
      { ...exampleWaveRows[0]!, sample: '30', recalled: '3', promoters: '9', passives: '7', detractors: '4' },
      { ...exampleWaveRows[1]!, sample: '30', recalled: '12', promoters: '15', passives: '5', detractors: '0' },
    ];
    const { results, issues } = run({}, rows);
    const w2 = results.waves![1]!;
    expect(w2.changes.recall!.verdict).toBe('tentative');
    expect(w2.npsChange!.verdict).toBe('tentative');
    expect(issues).toEqual(expect.arrayContaining([
      expect.objectContaining({ row: 0, code: 'c07_1.smallSample' }),
      expect.objectContaining({ row: 0, code: 'c07_1.smallNps' }),
      expect.objectContaining({ row: 1, code: 'c07_1.tentativeChange' }),
    ]));
  });

  it('says "no evidence" when p > α, and guards zero samples, counts above samples and empty NPS', () => {
    const close = run({}, [exampleWaveRows[0]!, { ...exampleWaveRows[1]!, recalled: '125' }]);
    expect(close.results.waves![1]!.changes.recall!.verdict).toBe('noEvidence');
    // Without a readable α the test statistics stay but no verdict is given.
    const noAlpha = run({ alpha: 'x' }).results.waves![1]!;
    expect(noAlpha.changes.recall!.pValue).toBeCloseTo(0.0249, 3);
    expect(noAlpha.changes.recall!.verdict).toBeUndefined();
    expect(noAlpha.npsChange!.verdict).toBeUndefined();
    const rows = [
      { ...exampleWaveRows[0]!, sample: '0', buyers: '0' },
      { ...exampleWaveRows[1]!, recalled: '500', promoters: '0', passives: '0', detractors: '0' },
    ];
    const { results, issues } = run({}, rows);
    expect(issues).toEqual(expect.arrayContaining([
      expect.objectContaining({ row: 0, code: 'c07_1.zeroSample' }),
      expect.objectContaining({ row: 0, code: 'c07_1.zeroBuyers' }),
      expect.objectContaining({ row: 1, code: 'c07_1.countAboveSample' }),
      expect.objectContaining({ row: 1, code: 'c07_1.noNpsAnswers' }),
    ]));
    expect(results.waves![0]!.nps!.nps).toBe(25); // unaffected
    expect(results.waves![1]!.repurchase!.rate).toBe(0.35);
  });
});

describe('C07.1 properties (fast-check)', () => {
  const waveRow = fc.record({
    n: fc.integer({ min: 0, max: 1e6 }), x: fc.integer({ min: 0, max: 1e6 }),
    p: fc.integer({ min: 0, max: 1e5 }), s: fc.integer({ min: 0, max: 1e5 }), d: fc.integer({ min: 0, max: 1e5 }),
  }).map((w) => ({ wave: 'w', sample: String(w.n), recalled: String(Math.min(w.x, w.n)), associated: '', promoters: String(w.p), passives: String(w.s), detractors: String(w.d), repeatBuyers: '', buyers: '' }));

  it('finite results; intervals contain their estimate; NPS within −100…100', () => {
    fc.assert(
      fc.property(fc.array(waveRow, { minLength: 1, maxLength: 6 }), (rows) => {
        const { results } = run({}, rows);
        expect(isAllFinite(results)).toBe(true);
        for (const w of results.waves!) {
          if (w.recall) expect(w.recall.low <= w.recall.rate + 1e-12 && w.recall.rate <= w.recall.high + 1e-12).toBe(true);
          if (w.nps) expect(w.nps.low >= -100 && w.nps.high <= 100 && w.nps.low <= w.nps.nps + 1e-9).toBe(true);
          for (const c of Object.values(w.changes)) expect(c.pValue >= 0 && c.pValue <= 1).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('random text in any field or cell gives a message, never an exception', () => {
    const cols = Object.keys(brandHealth.table!.columns) as (keyof WaveColumns)[];
    const keys = Object.keys(brandHealth.fields) as (keyof typeof brandHealth.fields)[];
    fc.assert(
      fc.property(fc.constantFrom(...cols), fc.constantFrom(...keys), fc.string({ maxLength: 70 }), (col, key, text) => {
        const { results } = run({ [key]: text }, exampleWaveRows.map((x) => ({ ...x, [col]: text })));
        expect(isAllFinite(results)).toBe(true);
        const fields = readFields(brandHealth.fields, { ...brandHealth.example, [key]: text });
        expect(fields.values[key] !== undefined || fields.errors[key] !== undefined).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
