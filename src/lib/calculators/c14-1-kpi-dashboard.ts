/**
 * C14.1 KPI attainment and RAG dashboard (methodology chapter 14, suggested).
 *
 * Variant: higher-is-better KPIs use `attainment = actual / target`,
 * `pace = actual / (target × elapsed share)`, `forecast = actual / elapsed share`; lower-is-better
 * KPIs (a cap such as complaints) invert the ratios (`target / actual`,
 * `target × elapsed share / actual`), as in C09.2. The status colour comes from pace-adjusted
 * attainment (equal to attainment at period end) through the E7 band classifier, lower is worse:
 * red below the red cut-off, amber below the green cut-off, else green (a value on a cut-off
 * takes the better colour). A lower-is-better KPI with an actual of 0 is on plan: green, with
 * no ratio. The gap to target is `forecast − target` (positive = above the target).
 * Each row may set its own elapsed share; an empty cell takes the dashboard's.
 */
import { defineCalculator, dropNonFinite, need, round9, type Issue } from '../kit/calculator';
import type { RawRow } from '../kit/rows';
import { classifyBand, type BandScale } from './engines/bands';

export const kpiDirections = ['higher', 'lower'] as const;
export type KpiDirection = (typeof kpiDirections)[number];
export const ragBands = ['green', 'amber', 'red'] as const;
export type Rag = (typeof ragBands)[number];

const MAX_VALUE = 1e15;

export const kpiColumns = {
  name: { kind: 'text', maxLength: 64, optional: true },
  target: { kind: 'number', min: 0, max: MAX_VALUE },
  actual: { kind: 'number', min: 0, max: MAX_VALUE },
  elapsed: { kind: 'percent', min: 0, max: 1, optional: true },
  direction: { kind: 'choice', options: kpiDirections },
} as const;
export type KpiColumns = typeof kpiColumns;

export interface KpiRow {
  /** 0-based table row. */
  row: number;
  direction: KpiDirection;
  elapsed: number;
  attainment?: number;
  pace?: number;
  forecast?: number;
  /** forecast − target. */
  gap?: number;
  /** True when the forecast is on the good side of the target (or on it). */
  onTrack?: boolean;
  status?: Rag;
}

export interface KpiDashboardResults {
  kpis: KpiRow[];
  counts: Record<Rag, number>;
  /** Rows ordered for review: red first, then amber, then green; within a colour, lowest pace first. */
  reviewOrder: number[];
  /** The counts again as top-level figures, for the results panel. */
  greenCount: number;
  amberCount: number;
  redCount: number;
}

export function blankKpiRow(): RawRow<KpiColumns> {
  return { name: '', target: '', actual: '', elapsed: '', direction: 'higher' };
}

const kpi = (name: string, target: string, actual: string, direction: KpiDirection): RawRow<KpiColumns> => ({ name, target, actual, elapsed: '', direction });

/** Chapter 14's end-of-June review: half the year elapsed. */
export const exampleKpiRows: RawRow<KpiColumns>[] = [
  kpi('Revenue', '12000000', '5700000', 'higher'),
  kpi('New customers', '400', '220', 'higher'),
  kpi('Customer complaints', '300', '180', 'lower'),
];

const defaultKpiRows: RawRow<KpiColumns>[] = [
  kpi('Revenue', '5000000', '1100000', 'higher'),
  kpi('Gross margin (thousands)', '1500', '320', 'higher'),
  kpi('Late deliveries', '120', '35', 'lower'),
];

export const kpiDashboard = defineCalculator({
  id: 'C14.1',
  fields: {
    elapsed: { kind: 'percent', min: 0, max: 1 },
    greenFrom: { kind: 'percent', min: 0, max: 100 },
    amberFrom: { kind: 'percent', min: 0, max: 100 },
  },
  defaults: { elapsed: '25', greenFrom: '100', amberFrom: '90' },
  example: { elapsed: '50', greenFrom: '100', amberFrom: '90' },
  table: { columns: kpiColumns, minRows: 1, maxRows: 200 },
  defaultRows: defaultKpiRows,
  exampleRows: exampleKpiRows,
  compute(values, rows) {
    const r: Partial<KpiDashboardResults> = {};
    const issues: Issue[] = [];

    let scale: BandScale<Rag> | undefined;
    const cuts = need(values, 'greenFrom', 'amberFrom');
    if (cuts && round9(cuts.amberFrom) > round9(cuts.greenFrom)) {
      issues.push({ severity: 'error', field: 'amberFrom', code: 'c14_1.cutOffsOrder' });
    } else if (cuts) {
      scale = { direction: 'lowerIsWorse', bands: ragBands, thresholds: [cuts.greenFrom, cuts.amberFrom] };
    }

    if (values.elapsed != null && round9(values.elapsed) === 0) issues.push({ severity: 'error', field: 'elapsed', code: 'c14_1.zeroElapsed' });

    const kpis: KpiRow[] = [];
    rows.forEach((read, i) => {
      const v = read.values;
      if (v.target === undefined || v.actual === undefined || v.direction === undefined || v.elapsed === undefined) {
        issues.push({ severity: 'warning', row: i, code: 'c14_1.rowExcluded' });
        return;
      }
      const elapsed = v.elapsed ?? values.elapsed;
      if (elapsed == null) {
        issues.push({ severity: 'warning', row: i, column: 'elapsed', code: 'c14_1.noElapsed' });
        return;
      }
      const out: KpiRow = { row: i, direction: v.direction, elapsed };
      kpis.push(out);
      if (round9(v.target) === 0) {
        issues.push({ severity: 'error', row: i, column: 'target', code: 'c14_1.zeroTarget' });
        return;
      }
      const higher = v.direction === 'higher';
      if (higher) out.attainment = v.actual / v.target;
      else if (round9(v.actual) > 0) out.attainment = v.target / v.actual;
      if (round9(elapsed) === 0) {
        // A zero dashboard share is reported once, on its field; a zero row share on the row.
        if (v.elapsed != null) issues.push({ severity: 'error', row: i, column: 'elapsed', code: 'c14_1.zeroElapsed' });
        return;
      }
      out.forecast = v.actual / elapsed;
      out.gap = out.forecast - v.target;
      out.onTrack = higher ? round9(out.forecast) >= round9(v.target) : round9(out.forecast) <= round9(v.target);
      if (higher) out.pace = v.actual / (v.target * elapsed);
      else if (round9(v.actual) > 0) out.pace = (v.target * elapsed) / v.actual;
      else issues.push({ severity: 'info', row: i, column: 'actual', code: 'c14_1.zeroActualLower' });
      if (scale) {
        if (out.pace === undefined) out.status = 'green';
        else {
          const band = classifyBand(out.pace, scale);
          if (band.ok) out.status = band.band;
        }
      }
    });
    r.kpis = kpis;

    if (scale) {
      const counts: Record<Rag, number> = { green: 0, amber: 0, red: 0 };
      for (const k of kpis) if (k.status) counts[k.status]++;
      r.counts = counts;
      r.greenCount = counts.green;
      r.amberCount = counts.amber;
      r.redCount = counts.red;
      const rank: Record<Rag, number> = { red: 0, amber: 1, green: 2 };
      r.reviewOrder = kpis
        .filter((k) => k.status !== undefined)
        .sort((a, b) => rank[a.status!] - rank[b.status!] || (a.pace ?? Infinity) - (b.pace ?? Infinity) || a.row - b.row)
        .map((k) => k.row);
    }

    if (dropNonFinite(r).length) issues.push({ severity: 'warning', code: 'c14_1.tooExtreme' });
    return { results: r, issues };
  },
});
