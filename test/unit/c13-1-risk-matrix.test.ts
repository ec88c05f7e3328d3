import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blankRiskRow, riskMatrix, type RiskColumns } from '~/lib/calculators/c13-1-risk-matrix';
import type { RawRow } from '~/lib/kit/rows';
import { codes, fuzzCells, fuzzFields, runCalc } from './helpers/control';

const run = (overrides: Partial<typeof riskMatrix.example> = {}, rows?: RawRow<RiskColumns>[]) => runCalc(riskMatrix, overrides, rows);
const risk = (probability: string, impact: string, extra: Partial<RawRow<RiskColumns>> = {}): RawRow<RiskColumns> => ({ ...blankRiskRow(), probability, impact, ...extra });

describe('C13.1 risk matrix — chapter 13 register (revenue 50,000,000)', () => {
  it('levels, product scores, bands and expected losses', () => {
    const { results: r, issues } = run();
    const got = r.risks!.map((x) => [x.probabilityLevel, x.impactLevel, x.score, x.band, x.expectedLoss]);
    expect(got).toEqual([
      [4, 4, 16, 'high', expect.closeTo(5600000, 4)], // 70% × 16% × 50M
      [3, 3, 9, 'medium', expect.closeTo(2000000, 4)], // 50% × 8%
      [2, 4, 8, 'medium', expect.closeTo(3500000, 4)], // methodology: p 35% L2, loss 20% L4 → 8, medium
      [1, 5, 5, 'medium', expect.closeTo(2625000, 4)], // methodology: p 15% L1, loss 35% L5 → 5, medium
      [1, 2, 2, 'low', expect.closeTo(150000, 4)], // 10% × 3%
    ]);
    expect(r.ranking).toEqual([0, 1, 2, 3, 4]);
    expect(r.totalExpectedLoss).toBeCloseTo(13875000, 4);
    expect(r.bandCounts).toEqual({ low: 1, medium: 3, high: 1, extreme: 0 });
    expect(r.cells![0]![4]).toBe(1); // P1 × I5
    expect(r.bubbles).toHaveLength(5);
    // Only the key-supplier failure (impact level 5) is flagged for a plan whatever its rank.
    expect(issues).toEqual([expect.objectContaining({ code: 'c13_1.extremeImpact', row: 3 })]);
  });
});

describe('C13.1 scales', () => {
  it('probability cut-offs belong to the lower level (L1 ≤ 20%)', () => {
    const { results } = run({}, ['20', '20.001', '40', '80', '80.1', '0', '100'].map((p) => risk(p, '1')));
    expect(results.risks!.map((x) => x.probabilityLevel)).toEqual([1, 2, 2, 4, 5, 1, 5]);
  });

  it('impact: 2% is L2, 15% is L4, exactly 30% is L4 and above 30% is L5', () => {
    const { results } = run({}, ['1.99', '2', '5', '14.99', '15', '30', '30.01'].map((i) => risk('50', i)));
    expect(results.risks!.map((x) => x.impactLevel)).toEqual([1, 2, 3, 3, 4, 4, 5]);
  });

  it('score bands: 4 low, 5 medium, 10 high, 20 extreme; the score is a product, not an average', () => {
    const rows = [risk('', '', { probabilityLevel: '2', impactLevel: '2' }), risk('', '', { probabilityLevel: '1', impactLevel: '5' }), risk('', '', { probabilityLevel: '2', impactLevel: '5' }), risk('', '', { probabilityLevel: '4', impactLevel: '5' })];
    const { results } = run({}, rows);
    expect(results.risks!.map((x) => [x.score, x.band])).toEqual([[4, 'low'], [5, 'medium'], [10, 'high'], [20, 'extreme']]);
    expect(results.risks!.every((x) => x.expectedLoss === undefined)).toBe(true);
  });

  it('ties in score are ranked by expected loss, then row order', () => {
    const rows = [risk('30', '3'), risk('', '', { probabilityLevel: '2', impactLevel: '2' }), risk('35', '4')]; // all 2 × 2 = 4
    expect(run({}, rows).results.ranking).toEqual([2, 0, 1]);
  });

  it('a typed level that disagrees with the percentage: the percentage wins, with a note', () => {
    const { results, issues } = run({}, [risk('35', '20', { probabilityLevel: '4' })]);
    expect(results.risks![0]!.probabilityLevel).toBe(2);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c13_1.levelMismatch', row: 0, column: 'probabilityLevel', params: { level: 2 } }));
  });

  it('refuses cut-offs out of order and keeps nothing it cannot level', () => {
    const p = run({ p3Above: '10' });
    expect(p.issues).toContainEqual(expect.objectContaining({ code: 'c13_1.probabilityCutsOrder', field: 'p3Above' }));
    expect(p.results.risks).toEqual([]);
    expect(codes(run({ i3From: '1' }).issues)).toContain('c13_1.impactCutsOrder');
    expect(codes(run({ highFrom: '25' }).issues)).toContain('c13_1.scoreCutsOrder');
  });

  it('messages for missing probability, impact, revenue, a bad row and zero probability', () => {
    const { issues } = run({ revenue: '' }, [risk('', '5'), risk('10', ''), risk('x', '5'), risk('0', '5')]);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c13_1.noProbability', row: 0 }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c13_1.noImpact', row: 1 }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c13_1.rowExcluded', row: 2 }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c13_1.zeroProbability', row: 3 }));
    expect(codes(issues)).toContain('c13_1.noRevenue');
  });

  it('accepts 200 risks', () => {
    const rows = Array.from({ length: 200 }, (_, i) => risk(String(i % 100), String((i * 7) % 50)));
    const { results } = run({}, rows);
    expect(results.risks).toHaveLength(200);
    expect(results.cells!.flat().reduce((a, b) => a + b, 0)).toBe(200);
  });
});

describe('C13.1 properties', () => {
  it('scores lie in the possible products, and levels never fall as the percentage rises', () => {
    const possible = new Set([1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16, 20, 25]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 0, max: 2000 }), (p, i, step) => {
        const a = risk(String(p / 100), String(i / 100));
        const b = risk(String(Math.min(10000, p + step) / 100), String(Math.min(10000, i + step) / 100));
        const [x, y] = run({}, [a, b]).results.risks!;
        expect(possible.has(x!.score)).toBe(true);
        expect(y!.probabilityLevel).toBeGreaterThanOrEqual(x!.probabilityLevel);
        expect(y!.impactLevel).toBeGreaterThanOrEqual(x!.impactLevel);
      }),
      { numRuns: 300 },
    );
  });

  it('random text in any field or cell gives a message, never an exception or a non-finite result', () => {
    fuzzFields(riskMatrix);
    fuzzCells(riskMatrix);
  });
});
