/**
 * C12.3 Resource efficiency and next-cycle reallocation (methodology chapter 12.3: utilization,
 * ROI and cost-saving KPIs; plan → execute → monitor → optimize).
 *
 * `ROI = (return − spend)/spend`, `utilization = used/available`, `saving rate =
 * (baseline − spend)/baseline`, each guarded at a zero denominator. ROI quartile
 * `= max(1, ⌈4·rank/N⌉)`, rank 1…N from the lowest ROI, ties averaged (as in E6; N ≥ 4).
 * Suggestion (ours, not a seed rule): quartile-1 lines give up `k·spend`; the pool goes to the
 * quartile-4 lines with ROI > 0 in proportion to their ROI. Money splits are rounded to the cent
 * by largest remainder, so the suggested budgets add up to the current spend exactly.
 */
import { ceilSafe, defineCalculator, round9, type Issue } from '../kit/calculator';
import { largestRemainder, toUnits } from '../kit/rounding';
import type { RawRow, RowRead } from '../kit/rows';

export const MAX_MONEY = 1e12;
export const MIN_RANKED = 4;
export const loopStages = ['plan', 'execute', 'monitor', 'optimize'] as const;
export type LoopStage = (typeof loopStages)[number];

/** Ranks 1…N from the smallest value; tied values (equal after round9) share their average rank. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v: round9(v), i })).sort((a, b) => a.v - b.v || a.i - b.i);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.v === order[start]!.v) end++;
    const rank = (start + 1 + end + 1) / 2;
    for (let k = start; k <= end; k++) ranks[order[k]!.i] = rank;
    start = end + 1;
  }
  return ranks;
}

/** Quartile 1–4 from a rank among N: max(1, ⌈4·rank/N⌉). */
export const quartileOf = (rank: number, n: number) => Math.max(1, ceilSafe((4 * rank) / n));

export const efficiencyColumns = {
  name: { kind: 'text', maxLength: 64, optional: true },
  spend: { kind: 'money', min: 0, max: MAX_MONEY },
  grossReturn: { kind: 'money', min: -MAX_MONEY, max: MAX_MONEY },
  baseline: { kind: 'money', min: 0, max: MAX_MONEY, optional: true },
  capacityAvailable: { kind: 'number', min: 0, max: 1e12, optional: true },
  capacityUsed: { kind: 'number', min: 0, max: 1e12, optional: true },
} as const;
export type EfficiencyColumns = typeof efficiencyColumns;

export interface EfficiencyLine {
  row: number;
  spend: number;
  grossReturn: number;
  roi?: number;
  utilization?: number;
  savingRate?: number;
  rank?: number;
  quartile?: number;
  /** Change suggested for next cycle (negative for donors), to the cent. */
  shift: number;
  suggested: number;
}

export interface EfficiencyResults {
  lines: EfficiencyLine[];
  totalSpend: number;
  totalReturn: number;
  overallRoi?: number;
  ranked: number;
  shifted: number;
  donors: number[];
  receivers: number[];
  suggestedTotal: number;
  stage: LoopStage;
}

const line = (name: string, spend: string, grossReturn: string, baseline: string, capacityAvailable: string, capacityUsed: string): RawRow<EfficiencyColumns> =>
  ({ name, spend, grossReturn, baseline, capacityAvailable, capacityUsed });

/** Illustrative lines (no worked example in the methodology): ROI from −20% to +150%. */
export const efficiencyRows: RawRow<EfficiencyColumns>[] = [
  line('Search ads', '200000', '360000', '220000', '1000', '850'),
  line('Social media', '150000', '210000', '140000', '800', '720'),
  line('Trade shows', '300000', '270000', '280000', '12', '9'),
  line('Print', '100000', '80000', '100000', '', ''),
  line('Email', '50000', '125000', '60000', '500', '300'),
  line('Sponsorship', '250000', '300000', '250000', '', ''),
  line('Content', '120000', '180000', '130000', '400', '380'),
  line('Retail displays', '180000', '198000', '170000', '300', '270'),
];

/**
 * The worked example chapter 12 prints next to the calculator: four channel lines, ROI 80%, 60%,
 * 10% and −20%; 10% of outdoor's 250,000 (the bottom quartile) moves to search ads.
 */
export const chapterEfficiencyRows: RawRow<EfficiencyColumns>[] = [
  line('Search ads', '300000', '540000', '', '', ''),
  line('Content', '150000', '240000', '', '', ''),
  line('Trade shows', '200000', '220000', '', '', ''),
  line('Outdoor', '250000', '200000', '', '', ''),
];

export const blankEfficiencyRow = (): RawRow<EfficiencyColumns> => line('', '0', '0', '', '', '');

export const efficiency = defineCalculator({
  id: 'C12.3',
  fields: {
    shiftShare: { kind: 'percent', min: 0, max: 1 },
  },
  defaults: { shiftShare: '10' },
  example: { shiftShare: '10' },
  table: { columns: efficiencyColumns, minRows: 2, maxRows: 200 },
  defaultRows: efficiencyRows,
  exampleRows: chapterEfficiencyRows,
  compute(values, rows: RowRead<EfficiencyColumns>[]) {
    const issues: Issue[] = [];
    const lines: EfficiencyLine[] = [];

    rows.forEach((read, i) => {
      const v = read.values;
      if (read.errors.spend || read.errors.grossReturn) {
        issues.push({ severity: 'warning', row: i, code: 'c12_3.rowExcluded' });
        return;
      }
      const spend = v.spend!;
      const grossReturn = v.grossReturn!;
      const item: EfficiencyLine = { row: i, spend, grossReturn, shift: 0, suggested: spend };
      if (round9(spend) > 0) item.roi = (grossReturn - spend) / spend;
      else issues.push({ severity: 'info', row: i, column: 'spend', code: 'c12_3.zeroSpend' });

      const available = v.capacityAvailable;
      const used = v.capacityUsed;
      if (available != null && used != null) {
        if (round9(available) > 0) {
          item.utilization = used / available;
          if (round9(item.utilization) > 1) issues.push({ severity: 'warning', row: i, column: 'capacityUsed', code: 'c12_3.overCapacity' });
        } else {
          issues.push({ severity: 'info', row: i, column: 'capacityAvailable', code: 'c12_3.zeroCapacity' });
        }
      } else if ((available != null) !== (used != null) && !read.errors.capacityAvailable && !read.errors.capacityUsed) {
        issues.push({ severity: 'info', row: i, code: 'c12_3.capacityIncomplete' });
      }

      if (v.baseline != null) {
        if (round9(v.baseline) > 0) item.savingRate = (v.baseline - spend) / v.baseline;
        else issues.push({ severity: 'info', row: i, column: 'baseline', code: 'c12_3.zeroBaseline' });
      }
      lines.push(item);
    });

    const r: Partial<EfficiencyResults> = { lines, stage: 'monitor', shifted: 0, donors: [], receivers: [] };
    r.totalSpend = lines.reduce((a, l) => a + l.spend, 0);
    r.totalReturn = lines.reduce((a, l) => a + l.grossReturn, 0);
    if (round9(r.totalSpend) > 0) r.overallRoi = (r.totalReturn - r.totalSpend) / r.totalSpend;
    r.suggestedTotal = r.totalSpend;

    const ranked = lines.filter((l) => l.roi !== undefined);
    r.ranked = ranked.length;
    if (ranked.length < MIN_RANKED) {
      issues.push({ severity: 'warning', code: 'c12_3.tooFewLines', params: { min: MIN_RANKED, count: ranked.length } });
      return { results: r, issues };
    }
    const ranks = averageRanks(ranked.map((l) => l.roi!));
    ranked.forEach((l, k) => {
      l.rank = ranks[k]!;
      l.quartile = quartileOf(ranks[k]!, ranked.length);
    });

    const k = values.shiftShare;
    if (k === undefined) return { results: r, issues };
    const donors = ranked.filter((l) => l.quartile === 1);
    const receivers = ranked.filter((l) => l.quartile === 4 && round9(l.roi!) > 0);
    if (donors.length === 0) {
      issues.push({ severity: 'info', code: 'c12_3.noDonors' });
      return { results: r, issues };
    }
    if (receivers.length === 0) {
      issues.push({ severity: 'warning', code: 'c12_3.noReceivers' });
      return { results: r, issues };
    }
    // Cuts to the cent; the pool they make is split among receivers to the cent.
    const cutsExact = donors.map((l) => k * l.spend);
    const cuts = largestRemainder(cutsExact, 2);
    const poolCents = cuts.reduce((a, c) => a + toUnits(c), 0);
    const roiSum = receivers.reduce((a, l) => a + l.roi!, 0);
    const gains = largestRemainder(receivers.map((l) => (poolCents / 100) * (l.roi! / roiSum)), 2, poolCents / 100);
    donors.forEach((l, i) => {
      l.shift = 0 - cuts[i]!; // never −0
      l.suggested = (toUnits(l.spend) - toUnits(cuts[i]!)) / 100;
    });
    receivers.forEach((l, i) => {
      l.shift = gains[i]!;
      l.suggested = (toUnits(l.spend) + toUnits(gains[i]!)) / 100;
    });
    r.shifted = poolCents / 100;
    r.donors = donors.map((l) => l.row);
    r.receivers = receivers.map((l) => l.row);
    r.suggestedTotal = lines.reduce((a, l) => a + l.suggested, 0);
    r.stage = 'optimize';
    if (round9(k) === 0) issues.push({ severity: 'info', field: 'shiftShare', code: 'c12_3.zeroShift' });
    return { results: r, issues };
  },
});
