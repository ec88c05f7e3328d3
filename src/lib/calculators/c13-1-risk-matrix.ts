/**
 * C13.1 5 × 5 probability–impact risk matrix (methodology chapter 13.1).
 *
 * Variant: the score is a product, `score = P level × I level` (1–25), not an average. Levels
 * come from a typed percentage through the E7 band classifier (a typed level 1–5 is used when the
 * percentage is empty):
 * - probability: L1 ≤ 20% (the playbook's anchor: 1%–20% = low), L2 > 20–40%, L3 > 40–60%,
 *   L4 > 60–80%, L5 > 80% — each cut-off belongs to the lower level;
 * - impact (revenue loss): L1 < 2%, L2 2% to < 5%, L3 5% to < 15%, L4 15%–30%, L5 > 30% (the
 *   playbook's anchor: above 30% = extremely high; exactly 30% is L4);
 * - score bands: low from 1, medium from 5, high from 10, extreme from 20 (a score on a cut-off
 *   takes the upper band).
 * Expected loss `= probability × revenue loss % × revenue` needs both percentages and the revenue.
 * The register is ranked by score, ties by expected loss (larger first; none last), then row order.
 */
import { defineCalculator, dropNonFinite, need, round9, type Issue } from '../kit/calculator';
import type { RawRow } from '../kit/rows';
import { classifyBand, type BandScale } from './engines/bands';

export const riskCategories = ['policy', 'competition', 'supplyChain', 'other'] as const;
export const riskBands = ['low', 'medium', 'high', 'extreme'] as const;
export type RiskBand = (typeof riskBands)[number];
const levels = ['1', '2', '3', '4', '5'] as const;

const share = { kind: 'percent', min: 0, max: 1, optional: true } as const;
const level = { kind: 'count', min: 1, max: 5, optional: true } as const;

export const riskColumns = {
  name: { kind: 'text', maxLength: 64, optional: true },
  category: { kind: 'choice', options: riskCategories },
  probability: share,
  probabilityLevel: level,
  impact: share,
  impactLevel: level,
  owner: { kind: 'text', maxLength: 64, optional: true },
} as const;
export type RiskColumns = typeof riskColumns;

export interface RiskResult {
  /** 0-based table row. */
  row: number;
  probabilityLevel: number;
  impactLevel: number;
  score: number;
  band: RiskBand;
  expectedLoss?: number;
  /** Impact level 5: gets a contingency plan whatever its rank. */
  extremeImpact: boolean;
}

export interface RiskMatrixResults {
  risks: RiskResult[];
  /** Rows in ranked order. */
  ranking: number[];
  /** counts[p − 1][i − 1] = risks in the cell. */
  cells: number[][];
  bandCounts: Record<RiskBand, number>;
  totalExpectedLoss: number;
  /** Bubble chart: one bubble per occupied cell. */
  bubbles: { impact: number; probability: number; count: number }[];
}

export function blankRiskRow(): RawRow<RiskColumns> {
  return { name: '', category: 'other', probability: '', probabilityLevel: '', impact: '', impactLevel: '', owner: '' };
}

const risk = (name: string, category: (typeof riskCategories)[number], probability: string, impact: string, owner = ''): RawRow<RiskColumns> =>
  ({ name, category, probability, probabilityLevel: '', impact, impactLevel: '', owner });

/** Chapter 13's appliance maker, revenue 50,000,000. */
export const exampleRiskRows: RawRow<RiskColumns>[] = [
  risk('New energy-efficiency standard', 'policy', '70', '16'),
  risk('Price war in the core range', 'competition', '50', '8'),
  risk('Raw-material price spike', 'supplyChain', '35', '20'),
  risk('Key-supplier failure', 'supplyChain', '15', '35'),
  risk('Complaint storm on social media', 'other', '10', '3'),
];

const defaultRiskRows: RawRow<RiskColumns>[] = [
  risk('Regulatory change', 'policy', '30', '10'),
  risk('New competitor entry', 'competition', '45', '6'),
  risk('Logistics disruption', 'supplyChain', '20', '4'),
];

const cut = { kind: 'percent', min: 0, max: 1 } as const;
const scoreCut = { kind: 'count', min: 1, max: 25 } as const;

export const riskMatrix = defineCalculator({
  id: 'C13.1',
  fields: {
    revenue: { kind: 'money', min: 0, max: 1e15, optional: true },
    p2Above: cut,
    p3Above: cut,
    p4Above: cut,
    p5Above: cut,
    i2From: cut,
    i3From: cut,
    i4From: cut,
    i5Above: cut,
    mediumFrom: scoreCut,
    highFrom: scoreCut,
    extremeFrom: scoreCut,
  },
  defaults: {
    revenue: '', p2Above: '20', p3Above: '40', p4Above: '60', p5Above: '80',
    i2From: '2', i3From: '5', i4From: '15', i5Above: '30', mediumFrom: '5', highFrom: '10', extremeFrom: '20',
  },
  example: {
    revenue: '50000000', p2Above: '20', p3Above: '40', p4Above: '60', p5Above: '80',
    i2From: '2', i3From: '5', i4From: '15', i5Above: '30', mediumFrom: '5', highFrom: '10', extremeFrom: '20',
  },
  table: { columns: riskColumns, minRows: 1, maxRows: 200 },
  defaultRows: defaultRiskRows,
  exampleRows: exampleRiskRows,
  compute(values, rows) {
    const r: Partial<RiskMatrixResults> = {};
    const issues: Issue[] = [];

    const pc = need(values, 'p2Above', 'p3Above', 'p4Above', 'p5Above');
    const ic = need(values, 'i2From', 'i3From', 'i4From', 'i5Above');
    const sc = need(values, 'mediumFrom', 'highFrom', 'extremeFrom');
    const pScale: BandScale | undefined = pc && {
      direction: 'higherIsWorse',
      bands: levels,
      thresholds: [pc.p2Above, pc.p3Above, pc.p4Above, pc.p5Above].map((at) => ({ at, onThreshold: 'lower' as const })),
    };
    const iScale: BandScale | undefined = ic && {
      direction: 'higherIsWorse',
      bands: levels,
      thresholds: [ic.i2From, ic.i3From, ic.i4From, { at: ic.i5Above, onThreshold: 'lower' as const }],
    };
    const sScale: BandScale<RiskBand> | undefined = sc && { direction: 'higherIsWorse', bands: riskBands, thresholds: [sc.mediumFrom, sc.highFrom, sc.extremeFrom] };
    // Equal neighbouring cut-offs leave a level empty; only the wrong order is refused.
    const ordered = (xs: number[]) => xs.every((x, k) => k === 0 || round9(x) >= round9(xs[k - 1]!));
    const pOk = pc !== undefined && ordered([pc.p2Above, pc.p3Above, pc.p4Above, pc.p5Above]);
    const iOk = ic !== undefined && ordered([ic.i2From, ic.i3From, ic.i4From, ic.i5Above]);
    const sOk = sc !== undefined && ordered([sc.mediumFrom, sc.highFrom, sc.extremeFrom]);
    if (pc && !pOk) issues.push({ severity: 'error', field: 'p3Above', code: 'c13_1.probabilityCutsOrder' });
    if (ic && !iOk) issues.push({ severity: 'error', field: 'i3From', code: 'c13_1.impactCutsOrder' });
    if (sc && !sOk) issues.push({ severity: 'error', field: 'highFrom', code: 'c13_1.scoreCutsOrder' });

    const risks: RiskResult[] = [];
    rows.forEach((read, i) => {
      const v = read.values;
      if (Object.keys(read.errors).length > 0) {
        issues.push({ severity: 'warning', row: i, code: 'c13_1.rowExcluded' });
        return;
      }
      const levelOf = (pct: number | null | undefined, typed: number | null | undefined, scale: BandScale | undefined, ok: boolean, column: 'probabilityLevel' | 'impactLevel'): number | undefined => {
        if (pct != null) {
          if (!scale || !ok) return undefined;
          const band = classifyBand(pct, scale);
          if (!band.ok) return undefined;
          const lv = band.severity + 1;
          if (typed != null && typed !== lv) issues.push({ severity: 'info', row: i, column, code: 'c13_1.levelMismatch', params: { level: lv } });
          return lv;
        }
        return typed ?? undefined;
      };
      const p = levelOf(v.probability, v.probabilityLevel, pScale, pOk, 'probabilityLevel');
      const im = levelOf(v.impact, v.impactLevel, iScale, iOk, 'impactLevel');
      if (v.probability == null && v.probabilityLevel == null) issues.push({ severity: 'warning', row: i, column: 'probability', code: 'c13_1.noProbability' });
      if (v.impact == null && v.impactLevel == null) issues.push({ severity: 'warning', row: i, column: 'impact', code: 'c13_1.noImpact' });
      if (p === undefined || im === undefined) return;
      if (v.probability != null && round9(v.probability) === 0) issues.push({ severity: 'info', row: i, column: 'probability', code: 'c13_1.zeroProbability' });
      const score = p * im;
      const band = sScale && sOk ? classifyBand(score, sScale) : undefined;
      if (!band || !band.ok) return;
      const out: RiskResult = { row: i, probabilityLevel: p, impactLevel: im, score, band: band.band, extremeImpact: im === 5 };
      if (values.revenue != null && v.probability != null && v.impact != null) out.expectedLoss = v.probability * v.impact * values.revenue;
      risks.push(out);
    });

    r.risks = risks;
    r.ranking = [...risks]
      .sort((a, b) => b.score - a.score || (b.expectedLoss ?? -1) - (a.expectedLoss ?? -1) || a.row - b.row)
      .map((x) => x.row);
    const cells = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);
    for (const x of risks) cells[x.probabilityLevel - 1]![x.impactLevel - 1]!++;
    r.cells = cells;
    r.bubbles = [];
    for (let p = 1; p <= 5; p++) for (let im = 1; im <= 5; im++) if (cells[p - 1]![im - 1]! > 0) r.bubbles.push({ impact: im, probability: p, count: cells[p - 1]![im - 1]! });
    const bandCounts: Record<RiskBand, number> = { low: 0, medium: 0, high: 0, extreme: 0 };
    for (const x of risks) bandCounts[x.band]++;
    r.bandCounts = bandCounts;
    if (values.revenue != null) r.totalExpectedLoss = risks.reduce((s, x) => s + (x.expectedLoss ?? 0), 0);
    else issues.push({ severity: 'info', field: 'revenue', code: 'c13_1.noRevenue' });
    for (const x of risks) if (x.extremeImpact) issues.push({ severity: 'info', row: x.row, code: 'c13_1.extremeImpact' });

    if (dropNonFinite(r).length) issues.push({ severity: 'warning', code: 'c13_1.tooExtreme' });
    return { results: r, issues };
  },
});
