/**
 * C08.1 RFM scorer (methodology chapter 8.3, engine E6).
 *
 * Variant: E6 quintiles (average ranks for ties; 5 bins, or 3 or 4), on either a customers table
 * (id, last purchase date, orders, spend) or raw transactions (id, date, amount) aggregated per
 * customer (a negative amount is a refund: it lowers spend and is not an order). Recency = analysis
 * date − last purchase, in days; with no analysis date, the latest purchase in the data is used.
 * Dates are read as exported (2026-03-05, 2026/3/5, 05.03.2026 day-first, Excel serial numbers),
 * and the readings used are counted so the page can echo them. Segment map (a common convention,
 * not in the playbook's source; editable cut-offs that assume 5 bins; first match wins):
 * Champions R ≥ 4 & F ≥ 4; At risk R ≤ 2 & F ≥ 3; Loyal F ≥ 4; Promising R ≥ 4 & F ≤ 2;
 * Hibernating R ≤ 2 & F ≤ 2; otherwise Needs attention.
 *
 * `scoreCustomers` is the pure core (plain arrays in and out, O(n log n)); it runs in Node or a
 * worker on 100,000 transactions. `syntheticTransactions(n)` feeds benchmarks.
 */
import { defineCalculator, dropNonFinite, round9, type Issue } from '../kit/calculator';
import { MAX_FIELD_LENGTH } from '../kit/fields';
import { parseDate, parseDateReading, type DateReading } from '../kit/parse-date';
import type { RawRow, RowRead } from '../kit/rows';
import { RFM_MIN_CUSTOMERS, aggregateTransactions, scoreRfm, type RfmReason } from './engines/rfm';

export const rfmSources = ['customers', 'transactions'] as const;
export type RfmSource = (typeof rfmSources)[number];
export const binOptions = ['5', '4', '3'] as const;
export const segmentNames = ['champions', 'atRisk', 'loyal', 'promising', 'hibernating', 'needsAttention'] as const;
export type SegmentName = (typeof segmentNames)[number];

/** Most rows accepted (raw transactions). */
export const MAX_RFM_ROWS = 100_000;
/** Row-level problems listed one by one; beyond this, one summary issue gives the count. */
const MAX_ROW_ISSUES = 50;

/** Editable segment map: cut-offs on the R and F scores. */
export interface SegmentMap {
  championsMinR: number;
  championsMinF: number;
  atRiskMaxR: number;
  atRiskMinF: number;
  loyalMinF: number;
  promisingMinR: number;
  promisingMaxF: number;
  hibernatingMaxR: number;
  hibernatingMaxF: number;
}

export const defaultSegmentMap: SegmentMap = {
  championsMinR: 4, championsMinF: 4, atRiskMaxR: 2, atRiskMinF: 3, loyalMinF: 4,
  promisingMinR: 4, promisingMaxF: 2, hibernatingMaxR: 2, hibernatingMaxF: 2,
};

/** First match wins, in the order of `segmentNames`. */
export function segmentOf(r: number, f: number, map: SegmentMap): SegmentName {
  if (r >= map.championsMinR && f >= map.championsMinF) return 'champions';
  if (r <= map.atRiskMaxR && f >= map.atRiskMinF) return 'atRisk';
  if (f >= map.loyalMinF) return 'loyal';
  if (r >= map.promisingMinR && f <= map.promisingMaxF) return 'promising';
  if (r <= map.hibernatingMaxR && f <= map.hibernatingMaxF) return 'hibernating';
  return 'needsAttention';
}

/** One row as the core needs it (already read from text). */
export interface RfmRowInput {
  customer: string;
  day: number;
  /** Customers table: order count; transactions: ignored. */
  orders: number | null;
  /** Customers table: spend; transactions: the amount. */
  amount: number;
}

export interface ScoredCustomer {
  customer: string;
  /** Day number of the last purchase. */
  lastPurchase: number;
  recencyDays: number;
  orders: number;
  spend: number;
  r: number;
  f: number;
  m: number;
  /** R·100 + F·10 + M */
  cell: number;
  total: number;
  segment: SegmentName;
}

/** Column order of the exported scored customer list (keys of `ScoredCustomer`). */
export const scoredCustomerColumns = ['customer', 'lastPurchase', 'recencyDays', 'orders', 'spend', 'r', 'f', 'm', 'cell', 'total', 'segment'] as const;

export interface SegmentSummary {
  segment: SegmentName;
  customers: number;
  customerShare: number;
  revenue: number;
  /** Share of total spend (absent when total spend is 0). */
  revenueShare?: number;
}

export interface GridCell {
  r: number;
  f: number;
  customers: number;
  meanMonetary: number;
}

export interface RfmResults {
  customers: ScoredCustomer[];
  segments: SegmentSummary[];
  /** R × F grid for the bubble chart (cells with customers only). */
  grid: GridCell[];
  customerCount: number;
  /** Rows used (transactions or customer rows). */
  rowsUsed: number;
  totalSpend: number;
  analysisDay: number;
  /** True when no analysis date was given and the latest purchase was used. */
  analysisDayFromData: boolean;
  /** How many dates were read in each form. */
  dateReadings: Record<DateReading, number>;
  bins: number;
  smallSample: boolean;
}

export interface CoreInput {
  source: RfmSource;
  rows: readonly RfmRowInput[];
  /** null: use the latest purchase in the data. */
  analysisDay: number | null;
  bins: number;
  map: SegmentMap;
}

export type CoreOutcome =
  | { ok: true; results: Omit<RfmResults, 'dateReadings' | 'rowsUsed'>; purchasesAfterAnalysis: number; refundOnly: number }
  | { ok: false; reason: RfmReason | 'noRows'; customers: number };

/** Aggregates (transactions), scores and segments. Pure and bounded: O(n log n). */
export function scoreCustomers(input: CoreInput): CoreOutcome {
  let base: { customer: string; lastDay: number; orders: number; spend: number }[];
  let refundOnly = 0;
  if (input.source === 'transactions') {
    const agg = aggregateTransactions(input.rows.map((row) => ({ customer: row.customer, day: row.day, amount: row.amount })));
    base = agg.customers;
    refundOnly = agg.refundOnly.length;
  } else {
    base = input.rows.map((row) => ({ customer: row.customer, lastDay: row.day, orders: row.orders ?? 0, spend: row.amount }));
  }
  if (base.length === 0) return { ok: false, reason: 'noRows', customers: 0 };
  let latest = -Infinity;
  for (const c of base) if (c.lastDay > latest) latest = c.lastDay;
  const analysisDay = input.analysisDay ?? latest;
  const scores = scoreRfm(base.map((c) => ({ recencyDays: analysisDay - c.lastDay, frequency: c.orders, monetary: c.spend })), input.bins);
  if (!scores.ok) return { ok: false, reason: scores.reason, customers: base.length };

  const totalSpend = base.reduce((a, c) => a + c.spend, 0);
  const bySegment = new Map<SegmentName, { customers: number; revenue: number }>(segmentNames.map((s) => [s, { customers: 0, revenue: 0 }]));
  const grid = new Map<number, { customers: number; spend: number }>();
  let purchasesAfterAnalysis = 0;
  const customers: ScoredCustomer[] = base.map((c, i) => {
    const r = scores.recency[i]!;
    const f = scores.frequency[i]!;
    const segment = segmentOf(r, f, input.map);
    const s = bySegment.get(segment)!;
    s.customers++;
    s.revenue += c.spend;
    const key = r * 10 + f;
    const g = grid.get(key) ?? { customers: 0, spend: 0 };
    g.customers++;
    g.spend += c.spend;
    grid.set(key, g);
    const recencyDays = analysisDay - c.lastDay;
    if (recencyDays < 0) purchasesAfterAnalysis++;
    return {
      customer: c.customer, lastPurchase: c.lastDay, recencyDays, orders: c.orders, spend: c.spend,
      r, f, m: scores.monetary[i]!, cell: scores.cell[i]!, total: scores.total[i]!, segment,
    };
  });
  const n = customers.length;
  const segments: SegmentSummary[] = segmentNames.map((segment) => {
    const s = bySegment.get(segment)!;
    const out: SegmentSummary = { segment, customers: s.customers, customerShare: s.customers / n, revenue: s.revenue };
    if (round9(totalSpend) !== 0) out.revenueShare = s.revenue / totalSpend;
    return out;
  });
  const gridCells: GridCell[] = [...grid.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([key, g]) => ({ r: Math.floor(key / 10), f: key % 10, customers: g.customers, meanMonetary: g.spend / g.customers }));
  return {
    ok: true,
    purchasesAfterAnalysis,
    refundOnly,
    results: {
      customers, segments, grid: gridCells, customerCount: n, totalSpend, analysisDay,
      analysisDayFromData: input.analysisDay === null, bins: input.bins, smallSample: scores.smallSample,
    },
  };
}

const money = { kind: 'money', min: -1e12, max: 1e12 } as const;
const cut = { kind: 'count', min: 1, max: 5 } as const;

export const rfmColumns = {
  customer: { kind: 'text', maxLength: MAX_FIELD_LENGTH },
  /** Read by `parseDateReading` (day-first dots and Excel serials too), so kept as text here. */
  date: { kind: 'text', maxLength: 32, optional: true },
  orders: { kind: 'count', min: 0, max: 1e9, optional: true },
  amount: money,
} as const;
export type RfmColumns = typeof rfmColumns;

const row = (customer: string, date: string, orders: string, amount: string): RawRow<RfmColumns> => ({ customer, date, orders, amount });

/** Chapter 8 worked example: ten customers, analysis date 2026-06-30 (days 5, 40, 12, … before it). */
export const exampleRfmRows: RawRow<RfmColumns>[] = [
  row('C01', '2026-06-25', '12', '5200'),
  row('C02', '2026-05-21', '3', '800'),
  row('C03', '2026-06-18', '8', '3100'),
  row('C04', '2025-12-12', '1', '90'),
  row('C05', '2026-06-05', '6', '1500'),
  row('C06', '2026-04-01', '2', '400'),
  row('C07', '2026-06-27', '15', '7400'),
  row('C08', '2026-05-01', '4', '1200'),
  row('C09', '2026-01-31', '1', '150'),
  row('C10', '2026-05-31', '5', '2100'),
];

/** Illustrative raw transactions of eight customers, to show the aggregation. */
export const defaultRfmRows: RawRow<RfmColumns>[] = [
  row('K01', '2026-01-05', '', '320'), row('K01', '2026-03-12', '', '180'), row('K01', '2026-06-20', '', '240'),
  row('K02', '2025-11-30', '', '95'),
  row('K03', '2026-02-14', '', '560'), row('K03', '2026-05-02', '', '410'),
  row('K04', '2026-06-28', '', '75'), row('K04', '2026-06-10', '', '60'), row('K04', '2026-05-22', '', '88'), row('K04', '2026-04-30', '', '102'),
  row('K05', '2026-03-03', '', '1250'),
  row('K06', '2026-06-15', '', '45'), row('K06', '2026-06-16', '', '-45'), row('K06', '2026-06-25', '', '130'),
  row('K07', '2025-12-20', '', '210'), row('K07', '2026-01-18', '', '190'),
  row('K08', '2026-06-01', '', '700'), row('K08', '2026-06-29', '', '650'),
];

export const blankRfmRow = (): RawRow<RfmColumns> => row('', '', '', '');

const fields = {
  source: { kind: 'choice', options: rfmSources },
  analysisDate: { kind: 'date', optional: true, parse: parseDate },
  bins: { kind: 'choice', options: binOptions },
  championsMinR: cut, championsMinF: cut, atRiskMaxR: cut, atRiskMinF: cut, loyalMinF: cut,
  promisingMinR: cut, promisingMaxF: cut, hibernatingMaxR: cut, hibernatingMaxF: cut,
} as const;

const mapDefaults = {
  championsMinR: '4', championsMinF: '4', atRiskMaxR: '2', atRiskMinF: '3', loyalMinF: '4',
  promisingMinR: '4', promisingMaxF: '2', hibernatingMaxR: '2', hibernatingMaxF: '2',
};

/** Deterministic synthetic transactions for benchmarks: n rows over n/5 customers in one year. */
export function syntheticTransactions(n: number): RawRow<RfmColumns>[] {
  const customers = Math.max(5, Math.floor(n / 5));
  return Array.from({ length: n }, (_, i) => {
    const day = 20454 + ((i * 7919) % 365); // 2026-01-01 + …
    const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
    return row(`C${(i * 104729) % customers}`, iso, '', String(5 + ((i * 37) % 900)));
  });
}

export const rfmScorer = defineCalculator({
  id: 'C08.1',
  fields,
  defaults: { source: 'transactions', analysisDate: '2026-06-30', bins: '5', ...mapDefaults },
  example: { source: 'customers', analysisDate: '2026-06-30', bins: '5', ...mapDefaults },
  table: { columns: rfmColumns, minRows: 0, maxRows: MAX_RFM_ROWS },
  defaultRows: defaultRfmRows,
  exampleRows: exampleRfmRows,
  compute(values, rows: RowRead<RfmColumns>[]) {
    const issues: Issue[] = [];
    const r: Partial<RfmResults> = {};
    let rowIssues = 0;
    const rowIssue = (issue: Issue) => {
      rowIssues++;
      if (rowIssues <= MAX_ROW_ISSUES) issues.push(issue);
    };
    const source = values.source;
    const readings: Record<DateReading, number> = { yearFirst: 0, dayFirst: 0, excelSerial: 0 };
    const inputs: RfmRowInput[] = [];
    const seen = new Set<string>();
    // Exports repeat the same few hundred dates across many rows: read each distinct text once.
    const dateCache = new Map<string, ReturnType<typeof parseDateReading>>();
    for (let i = 0; i < rows.length; i++) {
      const v = rows[i]!.values;
      const errors = rows[i]!.errors;
      if (errors.customer || errors.amount || errors.date || (source === 'customers' && errors.orders)) {
        rowIssue({ severity: 'warning', row: i, code: 'c08_1.rowSkipped' });
        continue;
      }
      if (v.customer === undefined || v.amount === undefined) continue;
      const dateText = v.date ?? '';
      let date = dateCache.get(dateText);
      if (!date) {
        date = parseDateReading(dateText, { excelSerial: true });
        dateCache.set(dateText, date);
      }
      if (!date.ok) {
        rowIssue({ severity: 'warning', row: i, column: 'date', code: date.error === 'empty' ? 'c08_1.noDate' : 'c08_1.badDate' });
        continue;
      }
      if (source === 'customers') {
        if (v.orders == null) {
          rowIssue({ severity: 'warning', row: i, column: 'orders', code: 'c08_1.needOrders' });
          continue;
        }
        if (v.amount < 0) {
          rowIssue({ severity: 'warning', row: i, column: 'amount', code: 'c08_1.negativeSpend' });
          continue;
        }
        if (seen.has(v.customer)) {
          rowIssue({ severity: 'warning', row: i, column: 'customer', code: 'c08_1.duplicateCustomer' });
          continue;
        }
        seen.add(v.customer);
      }
      readings[date.reading]++;
      inputs.push({ customer: v.customer, day: date.day, orders: v.orders ?? null, amount: v.amount });
    }
    if (rowIssues > MAX_ROW_ISSUES) issues.push({ severity: 'warning', code: 'c08_1.moreRowProblems', params: { count: rowIssues - MAX_ROW_ISSUES } });
    r.dateReadings = readings;
    r.rowsUsed = inputs.length;
    if (readings.dayFirst > 0 || readings.excelSerial > 0) {
      issues.push({ severity: 'info', code: 'c08_1.datesRead', params: { yearFirst: readings.yearFirst, dayFirst: readings.dayFirst, excelSerial: readings.excelSerial } });
    }

    const bins = values.bins === undefined ? undefined : Number(values.bins);
    const mapKeys = Object.keys(mapDefaults) as (keyof SegmentMap)[];
    const mapRead = mapKeys.every((k) => values[k] !== undefined);
    if (bins !== undefined && bins !== 5 && mapRead && mapKeys.some((k) => (values[k] as number) > bins)) {
      issues.push({ severity: 'warning', field: 'bins', code: 'c08_1.mapAssumesFiveBins', params: { bins } });
    }
    if (source === undefined || bins === undefined || !mapRead || values.analysisDate === undefined) return { results: r, issues };
    if (source === 'customers' && rows.length > 0 && rows.every((x) => x.values.orders === null)) {
      issues.push({ severity: 'info', field: 'source', code: 'c08_1.looksLikeTransactions' });
    }

    const map = Object.fromEntries(mapKeys.map((k) => [k, values[k] as number])) as unknown as SegmentMap;
    const outcome = scoreCustomers({ source, rows: inputs, analysisDay: values.analysisDate, bins, map });
    if (!outcome.ok) {
      if (outcome.reason === 'tooFewCustomers' || outcome.reason === 'noRows') {
        issues.push({ severity: 'error', code: 'c08_1.tooFewCustomers', params: { min: RFM_MIN_CUSTOMERS, count: outcome.customers } });
      } else {
        issues.push({ severity: 'error', code: 'c08_1.cannotScore' });
      }
      return { results: r, issues };
    }
    Object.assign(r, outcome.results);
    if (outcome.results.smallSample) issues.push({ severity: 'warning', code: 'c08_1.smallSample', params: { count: outcome.results.customerCount } });
    if (outcome.results.analysisDayFromData) issues.push({ severity: 'info', field: 'analysisDate', code: 'c08_1.analysisDateFromData' });
    if (outcome.purchasesAfterAnalysis > 0) issues.push({ severity: 'warning', field: 'analysisDate', code: 'c08_1.purchasesAfterAnalysis', params: { count: outcome.purchasesAfterAnalysis } });
    if (outcome.refundOnly > 0) issues.push({ severity: 'info', code: 'c08_1.refundOnly', params: { count: outcome.refundOnly } });
    if (round9(outcome.results.totalSpend) <= 0) issues.push({ severity: 'warning', code: 'c08_1.noSpend' });

    if (dropNonFinite(r).length) issues.push({ severity: 'warning', code: 'c08_1.tooExtreme' });
    return { results: r, issues };
  },
});
