import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blankSegment,
  level,
  recommend,
  segmentAttractiveness as calc,
  chapterSegments,
  seedSegments,
  type SegmentColumns,
} from '~/lib/calculators/c03-2-segment-attractiveness';
import { readFields } from '~/lib/kit/fields';
import { readRows, type RawRow } from '~/lib/kit/rows';
import { rowsFromCsv } from '~/lib/kit/row-csv';
import { strings } from '~/i18n';

type Raw = typeof calc.defaults;

function run(overrides: Partial<Raw> = {}, rows: RawRow<SegmentColumns>[] = seedSegments) {
  const read = readFields(calc.fields, { ...calc.defaults, ...overrides });
  const rowReads = readRows(calc.table!, rows);
  return { ...calc.compute(read.values, rowReads), fieldErrors: read.errors, rowReads };
}

const withRow = (i: number, patch: Partial<RawRow<SegmentColumns>>) => seedSegments.map((r, j) => (j === i ? { ...r, ...patch } : { ...r }));

describe('C03.2 segment attractiveness', () => {
  it('scores the four default segments', () => {
    // Rows: size (M) 252 / 400 / 80 / 120; growth 12 / 6 / 18 / 4 %; leader share 35 / 55 / 10 / 20 %;
    // fit means (4+4+3)/3 = 11/3, 2, 4, 13/3. Weights 30/25/20/25, margin 0.
    // Size (min 80, max 400): s = 1 + 4(x − 80)/320 → 3.15, 5, 1, 1.5
    // Growth (4…18): s = 1 + 4(x − 4)/14 → 23/7, 11/7, 5, 1
    // Competition, reversed (10…55): s = 5 − 4(x − 10)/45 → 25/9, 1, 5, 37/9
    const sizeS = [3.15, 5, 1, 1.5];
    const growthS = [23 / 7, 11 / 7, 5, 1];
    const compS = [25 / 9, 1, 5, 37 / 9];
    const fit = [11 / 3, 2, 4, 13 / 3];
    const total = (i: number) => (30 * sizeS[i]! + 25 * growthS[i]! + 20 * compS[i]! + 25 * fit[i]!) / 100;
    const attract = (i: number) => (30 * sizeS[i]! + 25 * growthS[i]! + 20 * compS[i]!) / 75;
    const { results, issues } = run();
    const segs = results.segments!;
    segs.forEach((s, i) => {
      expect(s.scores.size).toBeCloseTo(sizeS[i]!, 12);
      expect(s.scores.growth).toBeCloseTo(growthS[i]!, 12);
      expect(s.scores.competition).toBeCloseTo(compS[i]!, 12);
      expect(s.scores.fit).toBeCloseTo(fit[i]!, 12);
      expect(s.total).toBeCloseTo(total(i), 12);
      expect(s.attractiveness).toBeCloseTo(attract(i), 12);
      expect(s.ability).toBeCloseTo(fit[i]!, 12);
    });
    // Totals 3.2387 / 2.5929 / 3.5500 / 2.6056 to the digits shown.
    expect(segs.map((s) => Number(s.total!.toFixed(4)))).toEqual([3.2387, 2.5929, 3.55, 2.6056]);
    expect(segs.map((s) => s.rank)).toEqual([2, 4, 1, 3]);
    expect(results.ranking).toEqual([2, 0, 3, 1]);
    // A = 3.096 (medium), 2.790 (medium), 3.400 (medium), 2.030 (low);
    // B = 3.667 (medium: 11/3 is below 3.67), 2 (low), 4 (high), 4.333 (high).
    expect(segs.map((s) => Number(s.attractiveness!.toFixed(3)))).toEqual([3.096, 2.79, 3.4, 2.03]);
    expect(segs.map((s) => [s.attractivenessLevel, s.abilityLevel])).toEqual([[2, 2], [2, 1], [2, 3], [1, 3]]);
    expect(segs.map((s) => s.recommendation)).toEqual(['selective', 'harvest', 'invest', 'selective']);
    // Seed rules: growth 12% is exactly the high-potential cut-off (≥); leader 55% ≥ 50% dominated;
    // CR5 65% and 80% > 60%; fit 2 ≤ 2 → start from a niche.
    expect(segs.map((s) => s.flags)).toEqual([
      ['concentrated', 'highPotential'],
      ['dominated', 'concentrated', 'niche'],
      ['highPotential'],
      [],
    ]);
    // Bubble radius ∝ √size: √(252/400), 1, √(80/400), √(120/400).
    expect(segs.map((s) => s.relativeRadius)).toEqual([Math.sqrt(0.63), 1, Math.sqrt(0.2), Math.sqrt(0.3)]);
    expect(results.weightShares).toEqual({ size: 0.3, growth: 0.25, competition: 0.2, fit: 0.25, margin: 0 });
    expect(issues).toEqual([]);
  });

  it('the worked example is the one chapter 3 prints: A 3.82 invest, B 3.22 selective, C 1.86, D 2.67', () => {
    expect(calc.exampleRows).toEqual(chapterSegments);
    expect(calc.example).toEqual(calc.defaults);
    // Size (80…252 M): 5, 1, 1 + 4·40/172, 1 + 4·70/172; growth (6…18 %): 3, 5, 1, 2;
    // competition, reversed (leader 20…55 %): 5 − 4·15/35, 5, 1, 5 − 4·5/35; fit 11/3, 8/3, 10/3, 2.
    const sizeS = [5, 1, 1 + 160 / 172, 1 + 280 / 172];
    const growthS = [3, 5, 1, 2];
    const compS = [5 - 60 / 35, 5, 1, 5 - 20 / 35];
    const fit = [11 / 3, 8 / 3, 10 / 3, 2];
    const { results, issues } = run({}, chapterSegments);
    const segs = results.segments!;
    segs.forEach((seg, i) => {
      expect(seg.total).toBeCloseTo((30 * sizeS[i]! + 25 * growthS[i]! + 20 * compS[i]! + 25 * fit[i]!) / 100, 12);
      expect(seg.attractiveness).toBeCloseTo((30 * sizeS[i]! + 25 * growthS[i]! + 20 * compS[i]!) / 75, 12);
    });
    // The chapter's table, to the digits shown.
    expect(segs.map((seg) => seg.total!.toFixed(2))).toEqual(['3.82', '3.22', '1.86', '2.67']);
    expect(segs.map((seg) => seg.scores.fit!.toFixed(2))).toEqual(['3.67', '2.67', '3.33', '2.00']);
    expect(segs.map((seg) => seg.recommendation)).toEqual(['invest', 'selective', 'harvest', 'harvest']);
    expect(segs[0]!.attractiveness!.toFixed(2)).toBe('3.88');
    expect(segs[1]!.attractiveness!.toFixed(2)).toBe('3.40');
    expect(segs.map((seg) => seg.flags)).toEqual([['highPotential'], ['highPotential'], ['dominated'], ['niche']]);
    expect(results.ranking).toEqual([0, 1, 3, 2]);
    expect(issues).toEqual([]);
  });

  it('uses the nine-cell cut-offs 2.33 and 3.67 exactly, not 7/3 and 11/3', () => {
    expect(level(2.3299999)).toBe(1);
    expect(level(2.33)).toBe(2); // inclusive
    expect(level(7 / 3)).toBe(2);
    expect(level(2.331)).toBe(2); // would be "low" with a 7/3 cut-off
    expect(level(3.669)).toBe(2); // would be "high" with an 11/3 cut-off
    expect(level(3.67)).toBe(2); // inclusive
    expect(level(3.6700001)).toBe(3);
    expect(level((2.33 + 2.33 + 2.33) / 3)).toBe(2); // 2.3299999999999996 before rounding to 9 decimals
    expect([6, 5, 4, 3, 2].map(recommend)).toEqual(['invest', 'invest', 'selective', 'harvest', 'harvest']);
  });

  it('places a segment on the nine-cell from typed fit at the boundary', () => {
    const rows = withRow(0, { fitProduct: '3.67', fitChannel: '3.67', fitFunds: '3.67' });
    expect(run({}, rows).results.segments![0]!.abilityLevel).toBe(2);
    const rows2 = withRow(0, { fitProduct: '3.68', fitChannel: '3.67', fitFunds: '3.67' });
    expect(run({}, rows2).results.segments![0]!.abilityLevel).toBe(3);
  });

  it('scores every segment 3 on a criterion where all are equal (max = min)', () => {
    const rows = seedSegments.map((r) => ({ ...r, growth: '10' }));
    const segs = run({}, rows).results.segments!;
    expect(segs.every((s) => s.scores.growth === 3)).toBe(true);
  });

  it('switches the competition measure to CR5 or HHI', () => {
    // CR5 65 / 80 / 30 / 45 → reversed over 30…80: 5 − 4(x − 30)/50 → 2.2, 1, 5, 3.8
    const cr5 = run({ competitionBasis: 'cr5' }).results.segments!;
    expect(cr5.map((s) => s.scores.competition)).toEqual([expect.closeTo(2.2, 12), 1, 5, expect.closeTo(3.8, 12)]);
    const rows = seedSegments.map((r, i) => ({ ...r, hhi: ['1800', '3200', '600', ''][i]! }));
    const { results, issues } = run({ competitionBasis: 'hhi' }, rows);
    expect(issues).toEqual([expect.objectContaining({ code: 'c03_2.competitionNeeded', row: 3, column: 'hhi', severity: 'error' })]);
    // HHI 1800 / 3200 / 600 → reversed over 600…3200; row 4 has no score and no total.
    expect(results.segments![0]!.scores.competition).toBeCloseTo(5 - (4 * 1200) / 2600, 12);
    expect(results.segments![3]!.total).toBeUndefined();
    expect(results.segments![3]!.scores.fit).toBeCloseTo(13 / 3, 12);
    expect(results.ranking).toHaveLength(3);
  });

  it('includes margin potential only when it has a weight, and then requires it', () => {
    // Margin weight 10: Σw = 110; segment 1: (30·3.15 + 25·23/7 + 20·25/9 + 25·11/3 + 10·4)/110
    const { results } = run({ weightMargin: '10' });
    const s0 = results.segments![0]!;
    expect(s0.total).toBeCloseTo((30 * 3.15 + (25 * 23) / 7 + (20 * 25) / 9 + (25 * 11) / 3 + 40) / 110, 12);
    // Attractiveness does not include margin.
    expect(s0.attractiveness).toBeCloseTo((30 * 3.15 + (25 * 23) / 7 + (20 * 25) / 9) / 75, 12);
    const missing = run({ weightMargin: '10' }, withRow(1, { margin: '' }));
    expect(missing.issues).toContainEqual(expect.objectContaining({ code: 'c03_2.marginNeeded', row: 1, column: 'margin' }));
    expect(missing.results.segments![1]!.total).toBeUndefined();
    expect(run({}, withRow(1, { margin: '' })).issues).toEqual([]);
  });

  it('guards weights summing to 0', () => {
    const { results, issues } = run({ weightSize: '0', weightGrowth: '0', weightCompetition: '0', weightFit: '0' });
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c03_2.weightsZero', field: 'weightSize' }));
    expect(results.segments!.every((s) => s.total === undefined && s.rank === undefined)).toBe(true);
    expect(results.segments![0]!.scores.size).toBe(3.15); // scores are still shown
  });

  it('guards market weights summing to 0 (no attractiveness axis)', () => {
    const { results, issues } = run({ weightSize: '0', weightGrowth: '0', weightCompetition: '0' });
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c03_2.marketWeightsZero' }));
    expect(results.segments![0]!.attractiveness).toBeUndefined();
    expect(results.segments![0]!.total).toBeCloseTo(11 / 3, 12); // fit only
    expect(results.segments![0]!.recommendation).toBeUndefined();
  });

  it('flags CR5 below the leader share as inconsistent', () => {
    const { issues } = run({}, withRow(2, { cr5: '5' }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c03_2.cr5BelowLeader', row: 2, column: 'cr5', severity: 'warning' }));
  });

  it('applies the strict CR5 > 60% rule and the inclusive cut-offs at their boundaries', () => {
    const at60 = run({}, withRow(0, { cr5: '60' })).results.segments![0]!;
    expect(at60.flags).not.toContain('concentrated');
    const at50 = run({}, withRow(0, { leaderShare: '50' })).results.segments![0]!;
    expect(at50.flags).toContain('dominated');
    const growth = run({ growthCutoff: '12.01' }).results.segments![0]!;
    expect(growth.flags).not.toContain('highPotential');
  });

  it('keeps other segments when a cell is unreadable, and says which', () => {
    const { results, rowReads } = run({}, withRow(1, { size: 'lots' }));
    expect(rowReads[1]!.errors.size).toEqual({ code: 'parse.notANumber' });
    const segs = results.segments!;
    expect(segs[1]!.total).toBeUndefined();
    expect(segs[1]!.scores.growth).toBeDefined();
    // Size now rescales over 80…252 only.
    expect(segs[0]!.scores.size).toBe(5);
    expect(results.ranking).toHaveLength(3);
  });

  it('warns when fewer than two segments can be scored, and guards the row count', () => {
    const rows = withRow(0, { size: '' }).map((r, i) => (i > 0 ? { ...r, growth: 'x' } : r));
    expect(run({}, rows).issues).toContainEqual(expect.objectContaining({ code: 'c03_2.tooFewComplete' }));
    expect(run({}, [seedSegments[0]!]).issues).toContainEqual(expect.objectContaining({ code: 'c03_2.tooFewSegments' }));
  });

  it('gives equal totals the same rank', () => {
    const rows = [seedSegments[0]!, { ...seedSegments[0]! }, seedSegments[1]!];
    const segs = run({}, rows).results.segments!;
    expect(segs.map((s) => s.rank)).toEqual([1, 1, 3]);
  });

  it('imports segments from CSV with row/column messages', () => {
    const good = 'name,size,growth,leaderShare,cr5,fitProduct,fitChannel,fitFunds\nA,100,10%,30,50,3,3,3\nB,200,5,40,70,4,4,4\n';
    const ok = rowsFromCsv(good, calc.table!);
    expect(ok.ok && ok.rows.length).toBe(2);
    const bad = 'name,size,growth,leaderShare,cr5,fitProduct,fitChannel,fitFunds\nA,100,10,30,50,3,3,3\nB,200,5,40,70,4,9,4\n';
    // The bad cell is kept as typed (so the reader can fix it in place) and named with its message.
    const read = rowsFromCsv(bad, calc.table!);
    expect(read.ok && read.rows[1]!.fitChannel).toBe('9');
    expect(read.ok && read.badCells).toEqual([{ row: 3, column: 'fitChannel', message: { code: 'range.max', params: { max: 5 } } }]);
  });

  it('imports CSV whose headers are the column labels in either language', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const labels = strings[lang].calculators['C03.2'].columns;
      const keys = ['name', 'size', 'growth', 'leaderShare', 'cr5', 'fitProduct', 'fitChannel', 'fitFunds'] as const;
      const csv = `${keys.map((k) => labels[k]).join(',')}\nA,100,10,30,50,3,3,3\nB,200,5,40,70,4,4,4\n`;
      const aliases = Object.fromEntries(keys.map((k) => [k, [labels[k]]]));
      const read = rowsFromCsv(csv, calc.table!, aliases);
      expect(read.ok && read.rows.map((r) => r.cr5)).toEqual(['50', '70']);
    }
  });

  it('a blank segment row reads without crashing and asks for its numbers', () => {
    const rows = [...seedSegments, blankSegment('New')];
    const { rowReads, results } = run({}, rows);
    expect(rowReads[4]!.errors.size).toEqual({ code: 'parse.empty' });
    expect(results.segments![4]!.total).toBeUndefined();
  });
});

describe('C03.2 properties', () => {
  const num = (min: number, max: number) => fc.double({ min, max, noNaN: true }).map((x) => String(x));
  const row = fc.record({
    name: fc.string({ maxLength: 20 }),
    size: num(0, 1e12),
    growth: num(-100, 500),
    leaderShare: fc.oneof(num(0, 100), fc.constant('')),
    cr5: fc.oneof(num(0, 100), fc.constant('')),
    hhi: fc.oneof(num(0, 10000), fc.constant('')),
    fitProduct: num(1, 5),
    fitChannel: num(1, 5),
    fitFunds: num(1, 5),
    margin: fc.oneof(num(1, 5), fc.constant('')),
  });
  const settings = fc.record({
    competitionBasis: fc.constantFrom('leaderShare', 'cr5', 'hhi'),
    weightSize: num(0, 100),
    weightGrowth: num(0, 100),
    weightCompetition: num(0, 100),
    weightFit: num(0, 100),
    weightMargin: num(0, 100),
  });

  it('every score, total and axis stays within 1–5, ranks are 1…n', () => {
    fc.assert(
      fc.property(settings, fc.array(row, { minLength: 2, maxLength: 8 }), (s, rows) => {
        const { results } = run(s as Partial<Raw>, rows);
        for (const seg of results.segments!) {
          const all = [...Object.values(seg.scores), seg.total, seg.attractiveness, seg.ability].filter((x) => x !== undefined);
          for (const x of all) {
            expect(Number.isFinite(x)).toBe(true);
            expect(x!).toBeGreaterThanOrEqual(1 - 1e-12);
            expect(x!).toBeLessThanOrEqual(5 + 1e-12);
          }
          if (seg.rank !== undefined) expect(seg.rank).toBeLessThanOrEqual(results.ranking!.length);
          if (seg.relativeRadius !== undefined) expect(seg.relativeRadius).toBeLessThanOrEqual(1);
        }
        const totals = results.ranking!.map((i) => results.segments![i]!.total!);
        for (let i = 1; i < totals.length; i++) expect(totals[i - 1]! + 1e-9).toBeGreaterThanOrEqual(totals[i]!);
      }),
      { numRuns: 300 },
    );
  });

  it('random strings in any field or cell give a message, never an exception', () => {
    const fieldKeys = Object.keys(calc.fields) as (keyof Raw)[];
    const columnKeys = Object.keys(calc.table!.columns) as (keyof SegmentColumns)[];
    fc.assert(
      fc.property(fc.constantFrom(...fieldKeys), fc.constantFrom(...columnKeys), fc.string({ maxLength: 80 }), fc.nat(3), (field, column, text, r) => {
        const { fieldErrors } = run({ [field]: text } as Partial<Raw>);
        if (fieldErrors[field]) expect(fieldErrors[field]!.code).toMatch(/^(parse|range)\./);
        const { rowReads, results } = run({}, withRow(r, { [column]: text }));
        const err = rowReads[r]!.errors[column];
        if (err) expect(err.code).toMatch(/^(parse|range)\./);
        expect(results.segments).toHaveLength(4);
      }),
      { numRuns: 500 },
    );
  });
});
