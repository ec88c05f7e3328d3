/**
 * E6 RFM quintiles (methodology, "Shared formula engines"). Used by C08.1 (RFM scorer) and C10.1
 * (customer tiers from RFM scores).
 *
 * Variant: for each measure, customers are ranked from worst to best (rank 1…N; tied values share
 * the average of their ranks); score = max(1, ⌈q·rank/N⌉) with q bins (5 = quintiles; 3 or 4
 * allowed), so 1 is worst and q best. Recency = analysis day − last purchase day, fewer days is
 * better; Frequency = orders and Monetary = spend, more is better. Cell code R·100 + F·10 + M;
 * total R + F + M. Requires N ≥ 5 customers; below 20 the bins are coarse (`smallSample`).
 *
 * Also the aggregation of raw transactions (customer, day, amount) into one row per customer.
 * Everything is plain numbers and arrays, O(n log n), with no DOM: safe to run in a worker on
 * 100,000 transactions. The public API (names, fields, reason codes) is stable: other calculators
 * import it.
 */
import { round9 } from '../../kit/calculator';

export type Guarded<T, Reason extends string> = ({ ok: true } & T) | { ok: false; reason: Reason };

export const RFM_MIN_CUSTOMERS = 5;
/** Below this many customers each bin holds very few people: scores are shown with a warning. */
export const RFM_SMALL_SAMPLE = 20;
export const RFM_BIN_CHOICES = [3, 4, 5] as const;
export type RfmBins = (typeof RFM_BIN_CHOICES)[number];

/**
 * Ranks 1…N from worst to best; tied values (equal after rounding to 9 decimals) share the average
 * of the ranks they span. `higherIsBetter = false` ranks the largest value as worst (recency).
 * Sorting an index array: O(n log n).
 */
export function averageRanks(values: ArrayLike<number>, higherIsBetter = true): Float64Array {
  const n = values.length;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = higherIsBetter ? round9(values[i]!) : -round9(values[i]!);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => keys[a]! - keys[b]!);
  const ranks = new Float64Array(n);
  let start = 0;
  while (start < n) {
    let end = start + 1;
    while (end < n && keys[order[end]!] === keys[order[start]!]) end++;
    // Positions start…end−1 hold ranks start+1…end; their average is (start + 1 + end) / 2.
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k]!] = rank;
    start = end;
  }
  return ranks;
}

/** `max(1, ⌈bins·rank/N⌉)`, rounding to 9 decimals before the ceiling. */
export function binScore(rank: number, count: number, bins: number): number {
  return Math.min(bins, Math.max(1, Math.ceil(round9((bins * rank) / count))));
}

export interface RfmMeasures {
  /** Days since the last purchase (analysis day − last purchase day); fewer is better. */
  recencyDays: number;
  /** Number of orders; more is better. */
  frequency: number;
  /** Spend; more is better. */
  monetary: number;
}

export interface RfmScores {
  /** One entry per customer, in input order. */
  recency: number[];
  frequency: number[];
  monetary: number[];
  /** R·100 + F·10 + M. */
  cell: number[];
  /** R + F + M (3 … 3·bins). */
  total: number[];
  /** Fewer than RFM_SMALL_SAMPLE customers: the bins are coarse. */
  smallSample: boolean;
}

export type RfmReason = 'tooFewCustomers' | 'badBins' | 'notFinite';

/** Scores every customer on R, F and M with `bins` bins (3, 4 or 5). */
export function scoreRfm(customers: readonly RfmMeasures[], bins: number = 5): Guarded<RfmScores, RfmReason> {
  if (!(RFM_BIN_CHOICES as readonly number[]).includes(bins)) return { ok: false, reason: 'badBins' };
  const n = customers.length;
  if (n < RFM_MIN_CUSTOMERS) return { ok: false, reason: 'tooFewCustomers' };
  const rec = new Float64Array(n);
  const frq = new Float64Array(n);
  const mon = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = customers[i]!;
    if (!Number.isFinite(c.recencyDays) || !Number.isFinite(c.frequency) || !Number.isFinite(c.monetary)) return { ok: false, reason: 'notFinite' };
    rec[i] = c.recencyDays;
    frq[i] = c.frequency;
    mon[i] = c.monetary;
  }
  const rRank = averageRanks(rec, false);
  const fRank = averageRanks(frq, true);
  const mRank = averageRanks(mon, true);
  const recency: number[] = new Array(n);
  const frequency: number[] = new Array(n);
  const monetary: number[] = new Array(n);
  const cell: number[] = new Array(n);
  const total: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const r = binScore(rRank[i]!, n, bins);
    const f = binScore(fRank[i]!, n, bins);
    const m = binScore(mRank[i]!, n, bins);
    recency[i] = r;
    frequency[i] = f;
    monetary[i] = m;
    cell[i] = r * 100 + f * 10 + m;
    total[i] = r + f + m;
  }
  return { ok: true, recency, frequency, monetary, cell, total, smallSample: n < RFM_SMALL_SAMPLE };
}

export interface Transaction {
  customer: string;
  /** Day number (days since 1970-01-01 UTC), as `parse-date` gives. */
  day: number;
  /** Amount; a negative amount is a refund: it reduces spend and is not counted as an order. */
  amount: number;
}

export interface AggregatedCustomer {
  customer: string;
  /** Last day with a purchase (a positive or zero amount); refunds do not move it. */
  lastDay: number;
  firstDay: number;
  orders: number;
  spend: number;
  /** How many input rows (purchases and refunds) were merged. */
  rows: number;
}

/**
 * One row per customer, in order of first appearance: last and first purchase day, order count
 * and net spend. O(n) with a Map. A customer with refunds only has no purchase day and is left
 * out (returned in `refundOnly`).
 */
export function aggregateTransactions(transactions: readonly Transaction[]): { customers: AggregatedCustomer[]; refundOnly: string[] } {
  const byId = new Map<string, AggregatedCustomer>();
  for (const t of transactions) {
    let c = byId.get(t.customer);
    if (!c) {
      c = { customer: t.customer, lastDay: -Infinity, firstDay: Infinity, orders: 0, spend: 0, rows: 0 };
      byId.set(t.customer, c);
    }
    c.rows++;
    c.spend += t.amount;
    if (t.amount >= 0) {
      c.orders++;
      if (t.day > c.lastDay) c.lastDay = t.day;
      if (t.day < c.firstDay) c.firstDay = t.day;
    }
  }
  const customers: AggregatedCustomer[] = [];
  const refundOnly: string[] = [];
  for (const c of byId.values()) {
    if (c.orders === 0) refundOnly.push(c.customer);
    else customers.push(c);
  }
  return { customers, refundOnly };
}
