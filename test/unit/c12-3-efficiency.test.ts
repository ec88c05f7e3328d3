import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { averageRanks, blankEfficiencyRow, chapterEfficiencyRows, efficiency, efficiencyRows, quartileOf, type EfficiencyColumns } from '~/lib/calculators/c12-3-efficiency';
import { readFields } from '~/lib/kit/fields';
import { readRows, type RawRow } from '~/lib/kit/rows';
import { toUnits } from '~/lib/kit/rounding';

function run(shiftShare = '10', rows: RawRow<EfficiencyColumns>[] = efficiencyRows) {
  const read = readFields(efficiency.fields, { shiftShare });
  return { ...efficiency.compute(read.values, readRows(efficiency.table!, rows)), fieldErrors: read.errors };
}

const row = (spend: string, grossReturn: string, extra: Partial<RawRow<EfficiencyColumns>> = {}): RawRow<EfficiencyColumns> => ({
  ...blankEfficiencyRow(),
  spend,
  grossReturn,
  ...extra,
});

describe('C12.3 efficiency — the worked example of chapter 12', () => {
  it('loads the four lines the chapter prints and moves 25,000 from outdoor to search ads', () => {
    expect(efficiency.exampleRows).toEqual(chapterEfficiencyRows);
    expect(efficiency.defaultRows).toEqual(efficiencyRows);
    const { results: r, issues } = run('10', chapterEfficiencyRows);
    // ROI = (return − spend) ÷ spend: 240/300 = 80%, 90/150 = 60%, 20/200 = 10%, −50/250 = −20%.
    expect(r.lines!.map((l) => Number((l.roi! * 100).toFixed(6)))).toEqual([80, 60, 10, -20]);
    expect(r.lines!.map((l) => l.quartile)).toEqual([4, 3, 2, 1]);
    expect(r.lines!.map((l) => l.shift)).toEqual([25000, 0, 0, -25000]);
    expect(r.lines!.map((l) => l.suggested)).toEqual([325000, 150000, 200000, 225000]);
    expect(r.totalSpend).toBe(900000);
    expect(r.totalReturn).toBe(1200000);
    expect(r.shifted).toBe(25000);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('C12.3 efficiency — illustrative example', () => {
  it('computes ROI, utilization and saving rate per line', () => {
    const l = run().results.lines![0]!;
    expect(l.roi).toBeCloseTo(0.8, 12); // (360,000 − 200,000)/200,000
    expect(l.utilization).toBeCloseTo(0.85, 12); // 850/1,000
    expect(l.savingRate! * 100).toBeCloseTo(9.09, 2); // (220,000 − 200,000)/220,000
  });

  it('ranks by ROI into quartiles and shifts 10% of bottom-quartile spend to top-quartile lines by ROI', () => {
    // ROI: Search 0.8, Social 0.4, Trade −0.1, Print −0.2, Email 1.5, Sponsorship 0.2, Content 0.5, Retail 0.1.
    // Ranks from lowest: Print 1, Trade 2, Retail 3, Sponsorship 4, Social 5, Content 6, Search 7, Email 8.
    // Quartile ⌈4·rank/8⌉: Print, Trade → 1; Search, Email → 4.
    const { results: r, issues } = run();
    expect(r.lines!.map((l) => l.quartile)).toEqual([4, 3, 1, 1, 4, 2, 3, 2]);
    // Pool = 10% × (100,000 + 300,000) = 40,000; Search 40,000 × 0.8/2.3 = 13,913.04, Email × 1.5/2.3 = 26,086.96.
    expect(r.shifted).toBe(40000);
    expect(r.lines!.map((l) => l.shift)).toEqual([13913.04, 0, -30000, -10000, 26086.96, 0, 0, 0]);
    expect(r.lines![0]!.suggested).toBe(213913.04);
    expect(r.lines![4]!.suggested).toBe(76086.96);
    expect(r.donors).toEqual([2, 3]);
    expect(r.receivers).toEqual([0, 4]);
    expect(toUnits(r.suggestedTotal!)).toBe(toUnits(r.totalSpend!));
    expect(r.totalSpend).toBe(1350000);
    expect(r.overallRoi).toBeCloseTo((1723000 - 1350000) / 1350000, 12);
    expect(r.stage).toBe('optimize');
    expect(issues).toEqual([]);
  });

  it('averages tied ranks (as in E6) and takes quartiles with max(1, ⌈4·rank/N⌉)', () => {
    expect(averageRanks([3, 1, 3, 2])).toEqual([3.5, 1, 3.5, 2]);
    expect(averageRanks([0.1 + 0.2, 0.3])).toEqual([1.5, 1.5]); // equal after round9
    expect(quartileOf(1, 4)).toBe(1);
    expect(quartileOf(3.5, 4)).toBe(4);
    expect(quartileOf(2.5, 10)).toBe(1); // 4 × 2.5 / 10 = 1 exactly
    expect(quartileOf(0.5, 10)).toBe(1);
  });
});

describe('C12.3 guards', () => {
  it('guards zero spend, zero capacity and zero baseline on their cells', () => {
    const rows = [row('0', '100', { baseline: '0', capacityAvailable: '0', capacityUsed: '5' }), row('100', '150')];
    const { results: r, issues } = run('10', rows);
    expect(r.lines![0]!.roi).toBeUndefined();
    expect(r.lines![0]!.utilization).toBeUndefined();
    expect(r.lines![0]!.savingRate).toBeUndefined();
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c12_3.zeroSpend', row: 0, column: 'spend' }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c12_3.zeroCapacity', row: 0, column: 'capacityAvailable' }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c12_3.zeroBaseline', row: 0, column: 'baseline' }));
    expect(r.lines![1]!.roi).toBeCloseTo(0.5, 12);
  });

  it('needs at least 4 lines with an ROI for quartiles', () => {
    const { results: r, issues } = run('10', [row('100', '150'), row('100', '120'), row('100', '90')]);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c12_3.tooFewLines', params: { min: 4, count: 3 } }));
    expect(r.lines!.every((l) => l.quartile === undefined)).toBe(true);
    expect(r.stage).toBe('monitor');
  });

  it('shifts nothing when no top-quartile line has a positive ROI', () => {
    const rows = [row('100', '10'), row('100', '20'), row('100', '30'), row('100', '40')];
    const { results: r, issues } = run('10', rows);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c12_3.noReceivers' }));
    expect(r.shifted).toBe(0);
    expect(r.lines!.map((l) => l.suggested)).toEqual([100, 100, 100, 100]);
  });

  it('shifts nothing when every ROI ties (no bottom quartile)', () => {
    const rows = [row('100', '150'), row('200', '300'), row('50', '75'), row('10', '15')];
    const { results: r, issues } = run('10', rows);
    expect(r.lines!.map((l) => l.quartile)).toEqual([3, 3, 3, 3]);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c12_3.noDonors' }));
  });

  it('flags capacity used above capacity available, and half-entered capacity', () => {
    const rows = [row('100', '150', { capacityAvailable: '10', capacityUsed: '12' }), row('100', '150', { capacityAvailable: '10' })];
    const { results: r, issues } = run('10', rows);
    expect(r.lines![0]!.utilization).toBeCloseTo(1.2, 12);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c12_3.overCapacity', row: 0 }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c12_3.capacityIncomplete', row: 1 }));
  });

  it('leaves out a row with an unreadable spend and keeps the rest', () => {
    const rows = [...efficiencyRows.slice(0, 4), row('lots', '10')];
    const { results: r, issues } = run('10', rows);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c12_3.rowExcluded', row: 4 }));
    expect(r.lines).toHaveLength(4);
    expect(run('abc').fieldErrors.shiftShare).toEqual({ code: 'parse.notANumber' });
    expect(run('abc').results.lines![0]!.quartile).toBe(4);
  });
});

describe('C12.3 properties', () => {
  it('suggested budgets add up to the current spend to the cent; donors give exactly k of their spend', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ spend: fc.integer({ min: 1, max: 1e10 }), roiPct: fc.integer({ min: -100, max: 400 }) }), { minLength: 4, maxLength: 60 }),
        fc.integer({ min: 0, max: 100 }),
        (raw, k) => {
          const rows = raw.map((l) => row(String(l.spend / 100), String(((l.spend * (100 + l.roiPct)) / 100 / 100).toFixed(2))));
          const { results: r } = run(String(k), rows);
          const spendCents = r.lines!.reduce((a, l) => a + toUnits(l.spend), 0);
          expect(r.lines!.reduce((a, l) => a + toUnits(l.suggested), 0)).toBe(spendCents);
          for (const l of r.lines!) {
            expect(toUnits(l.suggested - l.spend)).toBe(toUnits(l.shift));
            if (l.shift < 0) {
              expect(l.quartile).toBe(1);
              expect(Math.abs(toUnits(-l.shift) - (k / 100) * toUnits(l.spend))).toBeLessThanOrEqual(1);
            }
            if (l.shift > 0) expect(l.quartile === 4 && l.roi! > 0).toBe(true);
            expect(l.quartile === undefined || (l.quartile >= 1 && l.quartile <= 4)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('any text in any field or cell gives an error or a value, never an exception', () => {
    const columns = Object.keys(efficiency.table!.columns) as (keyof EfficiencyColumns)[];
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.integer({ min: 0, max: 7 }), fc.constantFrom(...columns), fc.string({ maxLength: 80 }), (text, r, column, cell) => {
        const read = readFields(efficiency.fields, { shiftShare: text });
        if (read.values.shiftShare === undefined) expect(read.errors.shiftShare).toBeDefined();
        const rows = efficiency.defaultRows!.map((x, i) => (i === r ? { ...x, [column]: cell } : x));
        const reads = readRows(efficiency.table!, rows);
        if (reads[r]!.values[column] === undefined) expect(reads[r]!.errors[column]).toBeDefined();
        const out = efficiency.compute(read.values, reads);
        for (const l of out.results.lines ?? []) expect(Number.isFinite(l.suggested)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
