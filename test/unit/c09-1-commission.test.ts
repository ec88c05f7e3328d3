import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandIndex, bandsFor, progressivePay, retroactivePay, tieredCommission } from '~/lib/calculators/c09-1-commission';
import { isAllFinite } from '~/lib/kit/calculator';
import { readFields } from '~/lib/kit/fields';

// The kit refuses magnitudes below 1e-9 as too small (tested with the kit): typed values round them to 0.
const typable = (x: number) => (Math.abs(x) < 1e-9 ? 0 : x);

function run(fields: Partial<typeof tieredCommission.example> = {}) {
  const read = readFields(tieredCommission.fields, { ...tieredCommission.example, ...fields });
  return { ...tieredCommission.compute(read.values, []), fieldErrors: read.errors };
}
const bands = bandsFor(1_000_000, [1.2, 1.5], [0.05, 0.08, 0.1, 0.12]);
const r2 = (x: number | undefined) => (x === undefined ? undefined : Math.round(x * 100) / 100);

describe('C09.1 tiered commission and team bonus', () => {
  it('reproduces the chapter-9 worked example (progressive 76,000, effective 5.85%; retroactive 130,000)', () => {
    // 1,000,000 × 5% + 200,000 × 8% + 100,000 × 10% + 0 × 12% = 50,000 + 16,000 + 10,000 = 76,000.
    const { results, issues } = run();
    expect(results.tiers!.map((t) => r2(t.sales))).toEqual([1_000_000, 200_000, 100_000, 0]);
    expect(results.tiers!.map((t) => r2(t.commission))).toEqual([50_000, 16_000, 10_000, 0]);
    expect(r2(results.progressiveTotal)).toBe(76_000);
    expect(r2(results.commission)).toBe(76_000);
    expect(r2(results.effectiveRate! * 100)).toBe(5.85);
    expect(r2(results.retroactiveTotal)).toBe(130_000); // 1,300,000 × 10%
    expect(results.marginalRate).toBe(0.1);
    expect(r2(results.attainment)).toBe(1.3);
    // Team: 5,400,000 ≥ 5,000,000 → 10% of the team's commission 320,000 = 32,000; readings 540,000 and 20,000.
    expect(results.teamTargetMet).toBe(true);
    expect(results.teamBonus).toBeCloseTo(32_000, 6);
    expect(Object.fromEntries(Object.entries(results.teamBonusReadings!).map(([k, v]) => [k, r2(v)]))).toEqual({ commission: 32_000, sales: 540_000, pool: 20_000 });
    expect(r2(results.grandTotal)).toBe(108_000);
    expect(issues).toEqual([]);
  });

  it('shows the cliff at 120%: 96,000 at the breakpoint, 120,000 just past it (+24,000)', () => {
    const { results, issues } = run({ actual: '1200000', mode: 'retroactive' });
    expect(r2(results.commission)).toBe(96_000);
    expect(results.nextCliff).toEqual({ at: 1_200_000, payAt: expect.closeTo(96_000, 6), payAfter: expect.closeTo(120_000, 6), jump: expect.closeTo(24_000, 6) });
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c09_1.onCliff' }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c09_1.retroactiveCliff' }));
    // The curve has both points at 120%: the vertical jump.
    const at120 = results.curve!.filter((p) => Math.abs(p.attainment - 1.2) < 1e-9);
    expect(at120.map((p) => r2(p.retroactive))).toEqual([96_000, 120_000]);
    expect(at120.map((p) => r2(p.progressive))).toEqual([66_000, 66_000]);
  });

  it('places sales exactly on a limit in the lower band (5% at quota, 8% at 120%, 10% at 150%)', () => {
    expect(bandIndex(1_000_000, bands)).toBe(0);
    expect(bandIndex(1_000_000.01, bands)).toBe(1);
    expect(bandIndex(1_200_000, bands)).toBe(1);
    expect(bandIndex(1_500_000, bands)).toBe(2);
    expect(retroactivePay(1_500_000, bands)).toBeCloseTo(150_000, 6);
    expect(progressivePay(2_000_000, bands)).toBeCloseTo(50_000 + 16_000 + 30_000 + 60_000, 6);
    // At the quota, the next sale earns 8%.
    expect(run({ actual: '1000000' }).results.marginalRate).toBe(0.08);
  });

  it('gives a curve from 0 to 200% with both modes', () => {
    const c = run().results.curve!;
    expect(c[0]).toEqual({ attainment: 0, progressive: 0, retroactive: 0 });
    expect(c.at(-1)!.attainment).toBe(2);
    expect(c.length).toBe(101 - 3 + 6); // 101 steps, 3 replaced by pairs at 100%, 120%, 150%
    for (let i = 1; i < c.length; i++) expect(c[i]!.attainment).toBeGreaterThanOrEqual(c[i - 1]!.attainment);
  });

  it('guards a zero quota, breakpoints out of order, a missing bonus base and a missed team target', () => {
    expect(run({ quota: '0' }).issues).toContainEqual(expect.objectContaining({ field: 'quota', code: 'c09_1.zeroQuota' }));
    expect(run({ breakpoint2: '110' }).issues).toContainEqual(expect.objectContaining({ code: 'c09_1.breakpointsOrder' }));
    expect(run({ breakpoint1: '100' }).fieldErrors.breakpoint1).toBeDefined(); // must be above 100%
    const noBase = run({ teamCommission: '' });
    expect(noBase.issues).toContainEqual(expect.objectContaining({ field: 'teamCommission', code: 'c09_1.needBonusBase' }));
    expect(noBase.results.grandTotal).toBeUndefined();
    expect(noBase.results.commission).toBeCloseTo(76_000, 6);
    const missed = run({ teamActual: '4999999' });
    expect(missed.results.teamBonus).toBe(0);
    expect(missed.issues).toContainEqual(expect.objectContaining({ code: 'c09_1.teamTargetMissed' }));
    expect(run({ actual: '0' }).results.effectiveRate).toBeUndefined();
    expect(run({ rate3: '15' }).issues).toContainEqual(expect.objectContaining({ code: 'c09_1.ratesOutsideRule' }));
  });

  it('adds special awards to the grand total', () => {
    expect(r2(run({ specialAwards: '5000' }).results.grandTotal)).toBe(113_000);
  });
});

describe('C09.1 properties (fast-check)', () => {
  it('finite; retroactive ≥ progressive when rates rise; progressive pay is continuous and non-decreasing', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e9, noNaN: true }).map(typable), fc.double({ min: 1, max: 1e9, noNaN: true }), fc.integer({ min: 101, max: 300 }), fc.integer({ min: 1, max: 200 }), (actual, quota, b1, gap) => {
        const { results } = run({ actual: String(actual), quota: String(quota), breakpoint1: String(b1), breakpoint2: String(b1 + gap) });
        expect(isAllFinite(results)).toBe(true);
        if (results.progressiveTotal !== undefined) expect(results.retroactiveTotal!).toBeGreaterThanOrEqual(results.progressiveTotal * (1 - 1e-12) - 1e-6);
        const c = results.curve!;
        for (let i = 1; i < c.length; i++) expect(c[i]!.progressive).toBeGreaterThanOrEqual(c[i - 1]!.progressive - 1e-6);
      }),
      { numRuns: 300 },
    );
  });

  it('random text in any field gives a message, never an exception', () => {
    const keys = Object.keys(tieredCommission.fields) as (keyof typeof tieredCommission.fields)[];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.string({ maxLength: 70 }), (key, text) => {
        const { results } = run({ [key]: text });
        expect(isAllFinite(results)).toBe(true);
        const fields = readFields(tieredCommission.fields, { ...tieredCommission.example, [key]: text });
        expect(fields.values[key] !== undefined || fields.errors[key] !== undefined).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
