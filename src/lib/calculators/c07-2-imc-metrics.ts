/**
 * C07.2 IMC campaign metrics (methodology chapter 7.2).
 *
 * Variant: per channel CTR = clicks ÷ impressions, CVR = conversions ÷ clicks, CPM = 1000 × spend ÷
 * impressions, CPC = spend ÷ clicks, CPA = spend ÷ conversions, ROAS = revenue ÷ spend, each left
 * out (with a note) when its denominator is 0; the total row uses the column sums. Ranking by ROAS
 * (equal values share a rank). Reallocation hint: move a chosen share of the lowest-ROAS channel's
 * spend to the highest-ROAS channel; the revenue change shown assumes both channels keep their
 * average ROAS, which overstates it when returns diminish, so it is a prompt, not a forecast.
 */
import { defineCalculator, dropNonFinite, round9, type Issue } from '../kit/calculator';
import { MAX_FIELD_LENGTH } from '../kit/fields';
import type { RawRow, RowRead } from '../kit/rows';
import { competitionRanks, setFinite } from './engines/ranking';

export const imcMetrics = ['ctr', 'cvr', 'cpm', 'cpc', 'cpa', 'roas'] as const;
export type ImcMetric = (typeof imcMetrics)[number];

const MAX_MONEY = 1e12;
const count = { kind: 'count', min: 0, max: 1e13 } as const;

export const imcColumns = {
  name: { kind: 'text', maxLength: MAX_FIELD_LENGTH, optional: true },
  spend: { kind: 'money', min: 0, max: MAX_MONEY },
  impressions: count,
  clicks: count,
  conversions: count,
  revenue: { kind: 'money', min: 0, max: MAX_MONEY },
} as const;
export type ImcColumns = typeof imcColumns;

export type MetricSet = Partial<Record<ImcMetric, number>>;

export interface Totals {
  spend: number;
  impressions: number;
  clicks: number;
  conversions: number;
  revenue: number;
}

/** The six metrics from totals; a metric whose denominator is 0 is absent. */
export function metricsOf(t: Totals): MetricSet {
  const m: MetricSet = {};
  if (t.impressions > 0) {
    setFinite(m, 'ctr', t.clicks / t.impressions);
    setFinite(m, 'cpm', (1000 * t.spend) / t.impressions);
  }
  if (t.clicks > 0) {
    setFinite(m, 'cvr', t.conversions / t.clicks);
    setFinite(m, 'cpc', t.spend / t.clicks);
  }
  if (t.conversions > 0) setFinite(m, 'cpa', t.spend / t.conversions);
  if (round9(t.spend) > 0) setFinite(m, 'roas', t.revenue / t.spend);
  return m;
}

export interface ImcChannelResult {
  row: number;
  name: string;
  metrics: MetricSet;
  roasRank?: number;
}

export interface ReallocationHint {
  fromRow: number;
  toRow: number;
  amount: number;
  /** amount × (ROAS_to − ROAS_from), at average ROAS. */
  revenueChange: number;
}

export interface ImcResults extends MetricSet {
  channels: ImcChannelResult[];
  total: Totals & { metrics: MetricSet };
  /** Rows best first by ROAS. */
  ranking: number[];
  reallocation: ReallocationHint;
  /** The reallocation's amount and revenue change again, as plain figures for the result list. */
  amount: number;
  revenueChange: number;
  /** The chosen metric per channel (rows with the metric only), for the bar chart. */
  chart: { row: number; value: number }[];
}

const row = (name: string, spend: string, impressions: string, clicks: string, conversions: string, revenue: string): RawRow<ImcColumns> =>
  ({ name, spend, impressions, clicks, conversions, revenue });

/** Chapter 7 worked example: one campaign month. */
export const exampleImcRows: RawRow<ImcColumns>[] = [
  row('In-feed video', '50000', '2000000', '30000', '600', '180000'),
  row('KOL partnership', '80000', '1500000', '45000', '900', '270000'),
  row('Search', '30000', '400000', '12000', '480', '120000'),
];

/** Illustrative starting channels. */
export const defaultImcRows: RawRow<ImcColumns>[] = [
  row('Short video', '40000', '1800000', '27000', '540', '150000'),
  row('KOL partnership', '60000', '1200000', '30000', '600', '190000'),
  row('Search', '25000', '350000', '10500', '420', '105000'),
  row('Outdoor', '35000', '3000000', '0', '0', '60000'),
];

export const blankImcRow = (): RawRow<ImcColumns> => row('', '', '', '', '', '');

export const imcCampaignMetrics = defineCalculator({
  id: 'C07.2',
  fields: {
    chartMetric: { kind: 'choice', options: imcMetrics },
    shiftShare: { kind: 'percent', min: 0, max: 1 },
  },
  defaults: { chartMetric: 'ctr', shiftShare: '10' },
  example: { chartMetric: 'roas', shiftShare: '20' },
  table: { columns: imcColumns, minRows: 1, maxRows: 200 },
  defaultRows: defaultImcRows,
  exampleRows: exampleImcRows,
  compute(values, rows: RowRead<ImcColumns>[]) {
    const issues: Issue[] = [];
    const r: Partial<ImcResults> = {};
    if (rows.length === 0) issues.push({ severity: 'error', code: 'c07_2.noChannels' });
    const total: Totals = { spend: 0, impressions: 0, clicks: 0, conversions: 0, revenue: 0 };
    let complete = 0;
    const channels: ImcChannelResult[] = rows.map((read, i) => {
      const v = read.values;
      if (Object.keys(read.errors).length > 0) issues.push({ severity: 'warning', row: i, code: 'c07_2.rowIncomplete' });
      const t: Totals = { spend: v.spend ?? 0, impressions: v.impressions ?? 0, clicks: v.clicks ?? 0, conversions: v.conversions ?? 0, revenue: v.revenue ?? 0 };
      // Only metrics whose inputs all read: an unreadable cell must not pass as 0.
      const metrics = metricsOf(t);
      const needs: Record<ImcMetric, (keyof Totals)[]> = {
        ctr: ['clicks', 'impressions'], cpm: ['spend', 'impressions'], cvr: ['conversions', 'clicks'],
        cpc: ['spend', 'clicks'], cpa: ['spend', 'conversions'], roas: ['revenue', 'spend'],
      };
      for (const k of imcMetrics) if (needs[k].some((c) => v[c] === undefined)) delete metrics[k];
      if (v.impressions !== undefined && v.clicks !== undefined && v.clicks > v.impressions) issues.push({ severity: 'warning', row: i, column: 'clicks', code: 'c07_2.clicksAboveImpressions' });
      if (v.clicks !== undefined && v.conversions !== undefined && v.conversions > v.clicks) issues.push({ severity: 'info', row: i, column: 'conversions', code: 'c07_2.conversionsAboveClicks' });
      if (v.spend !== undefined && round9(v.spend) === 0) issues.push({ severity: 'info', row: i, column: 'spend', code: 'c07_2.zeroSpend' });
      if (Object.keys(read.errors).length === 0) {
        for (const k of Object.keys(total) as (keyof Totals)[]) total[k] += t[k];
        complete++;
      }
      return { row: i, name: v.name ?? '', metrics };
    });
    if (complete > 0) {
      r.total = { ...total, metrics: metricsOf(total) };
      // The campaign's six metrics also sit at the top level (ctr, cvr, …): the headline figures.
      Object.assign(r, r.total.metrics);
    }

    const ranks = competitionRanks(channels.map((c) => c.metrics.roas));
    channels.forEach((c, i) => {
      const rank = ranks.rank[i];
      if (rank !== undefined) c.roasRank = rank;
    });
    r.channels = channels;
    r.ranking = ranks.order;

    if (ranks.order.length >= 2) {
      const best = ranks.order[0]!;
      const worst = ranks.order[ranks.order.length - 1]!;
      const high = channels[best]!.metrics.roas!;
      const low = channels[worst]!.metrics.roas!;
      if (round9(high) > round9(low) && values.shiftShare !== undefined) {
        const amount = values.shiftShare * rows[worst]!.values.spend!;
        r.reallocation = { fromRow: worst, toRow: best, amount, revenueChange: amount * (high - low) };
        r.amount = amount;
        r.revenueChange = r.reallocation.revenueChange;
        issues.push({ severity: 'info', code: 'c07_2.reallocationIsAPrompt' });
      }
    }

    const metric = values.chartMetric;
    if (metric !== undefined) r.chart = channels.filter((c) => c.metrics[metric] !== undefined).map((c) => ({ row: c.row, value: c.metrics[metric]! }));

    if (dropNonFinite(r).length) issues.push({ severity: 'warning', code: 'c07_2.tooExtreme' });
    return { results: r, issues };
  },
});
