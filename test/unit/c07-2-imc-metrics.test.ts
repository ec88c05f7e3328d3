import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exampleImcRows, imcCampaignMetrics, type ImcColumns } from '~/lib/calculators/c07-2-imc-metrics';
import { isAllFinite } from '~/lib/kit/calculator';
import { readFields } from '~/lib/kit/fields';
import { readRows, type RawRow } from '~/lib/kit/rows';

function run(fields: Partial<typeof imcCampaignMetrics.example> = {}, rows: RawRow<ImcColumns>[] = exampleImcRows) {
  const read = readFields(imcCampaignMetrics.fields, { ...imcCampaignMetrics.example, ...fields });
  return { ...imcCampaignMetrics.compute(read.values, readRows(imcCampaignMetrics.table!, rows)), fieldErrors: read.errors };
}
const round = (x: number | undefined, d: number) => (x === undefined ? undefined : Math.round(x * 10 ** d) / 10 ** d);

describe('C07.2 IMC campaign metrics', () => {
  it('reproduces the chapter-7 table, total row included', () => {
    // In-feed: CTR 30,000/2,000,000 = 1.5%; CVR 600/30,000 = 2.0%; CPM 1000·50,000/2,000,000 = 25.00;
    // CPC 50,000/30,000 = 1.67; CPA 50,000/600 = 83.33; ROAS 180,000/50,000 = 3.60.
    const { results } = run();
    const show = (m: Record<string, number | undefined>) => [round(m.ctr! * 100, 1), round(m.cvr! * 100, 1), round(m.cpm, 2), round(m.cpc, 2), round(m.cpa, 2), round(m.roas, 2)];
    const [video, kol, search] = results.channels!;
    expect(show(video!.metrics)).toEqual([1.5, 2, 25, 1.67, 83.33, 3.6]);
    expect(show(kol!.metrics)).toEqual([3, 2, 53.33, 1.78, 88.89, 3.38]);
    expect(show(search!.metrics)).toEqual([3, 4, 75, 2.5, 62.5, 4]);
    expect(results.total!.spend).toBe(160000);
    expect(show(results.total!.metrics)).toEqual([2.2, 2.3, 41.03, 1.84, 80.81, 3.56]);
  });

  it('ranks by ROAS and suggests moving budget from KOL (lowest) to search (highest)', () => {
    const { results, issues } = run();
    expect(results.ranking).toEqual([2, 0, 1]);
    expect(results.channels!.map((c) => c.roasRank)).toEqual([2, 3, 1]);
    // 20% of KOL's 80,000 = 16,000; at average ROAS: 16,000 × (4.00 − 3.375) = 10,000.
    expect(results.reallocation).toEqual({ fromRow: 1, toRow: 2, amount: 16000, revenueChange: 10000 });
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c07_2.reallocationIsAPrompt' }));
    expect(results.chart!.map((p) => round(p.value, 2))).toEqual([3.6, 3.38, 4]);
    expect(run({ chartMetric: 'cpa' }).results.chart!.map((p) => round(p.value, 2))).toEqual([83.33, 88.89, 62.5]);
  });

  it('leaves out each metric whose denominator is 0, keeping the others', () => {
    const rows = [{ ...exampleImcRows[0]!, clicks: '0', conversions: '0' }, { ...exampleImcRows[1]!, spend: '0' }];
    const { results, issues } = run({}, rows);
    const m = results.channels![0]!.metrics;
    expect(m.ctr).toBe(0);
    expect(m.cvr).toBeUndefined();
    expect(m.cpc).toBeUndefined();
    expect(m.cpa).toBeUndefined();
    expect(m.roas).toBeCloseTo(3.6, 12);
    expect(results.channels![1]!.metrics.roas).toBeUndefined();
    expect(issues).toContainEqual(expect.objectContaining({ row: 1, code: 'c07_2.zeroSpend' }));
  });

  it('flags impossible counts and unreadable cells', () => {
    const rows = [{ ...exampleImcRows[0]!, clicks: '3000000' }, { ...exampleImcRows[1]!, revenue: 'n/a' }, exampleImcRows[2]!];
    const { results, issues } = run({}, rows);
    expect(issues).toContainEqual(expect.objectContaining({ row: 0, code: 'c07_2.clicksAboveImpressions' }));
    expect(issues).toContainEqual(expect.objectContaining({ row: 1, code: 'c07_2.rowIncomplete' }));
    expect(results.channels![1]!.metrics.roas).toBeUndefined();
    expect(results.channels![1]!.metrics.ctr).toBe(0.03);
    expect(results.total!.spend).toBe(80000); // the incomplete row is not in the total
  });
});

describe('C07.2 properties (fast-check)', () => {
  const n = (max: number) => fc.integer({ min: 0, max }).map(String);
  const channel = fc.record({ name: fc.constant('x'), spend: n(1e9), impressions: n(1e12), clicks: n(1e9), conversions: n(1e7), revenue: n(1e9) });

  it('finite results; CPM = 1000 × CPC × CTR; the hint moves money from a lower to a higher ROAS', () => {
    fc.assert(
      fc.property(fc.array(channel, { minLength: 1, maxLength: 10 }), (rows) => {
        const { results } = run({}, rows);
        expect(isAllFinite(results)).toBe(true);
        for (const c of results.channels!) {
          const m = c.metrics;
          if (m.cpm !== undefined && m.cpc !== undefined && m.ctr !== undefined) expect(Math.abs(m.cpm - 1000 * m.cpc * m.ctr)).toBeLessThanOrEqual(1e-9 * Math.max(1, m.cpm));
        }
        const h = results.reallocation;
        if (h) expect(results.channels![h.toRow]!.metrics.roas!).toBeGreaterThan(results.channels![h.fromRow]!.metrics.roas!);
      }),
      { numRuns: 300 },
    );
  });

  it('random text in any field or cell gives a message, never an exception', () => {
    const cols = Object.keys(imcCampaignMetrics.table!.columns) as (keyof ImcColumns)[];
    const keys = Object.keys(imcCampaignMetrics.fields) as (keyof typeof imcCampaignMetrics.fields)[];
    fc.assert(
      fc.property(fc.constantFrom(...cols), fc.constantFrom(...keys), fc.string({ maxLength: 70 }), (col, key, text) => {
        const { results } = run({ [key]: text }, exampleImcRows.map((x) => ({ ...x, [col]: text })));
        expect(isAllFinite(results)).toBe(true);
        const fields = readFields(imcCampaignMetrics.fields, { ...imcCampaignMetrics.example, [key]: text });
        expect(fields.values[key] !== undefined || fields.errors[key] !== undefined).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
