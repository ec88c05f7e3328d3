/**
 * C12.2 Budget-vs-actual variance monitor (methodology chapter 12.3: monthly/quarterly
 * budget-vs-actual reports; BI reminder when spending exceeds budget by 10%).
 *
 * Budget lines are spending lines: a positive variance is an overspend (unfavourable).
 * `B_td = B × Σ_{m ≤ elapsed} φ_m` (even phasing: Σφ = elapsed/12; monthly phasing must sum to
 * 100%, empty months count as 0%); `V = A_td − B_td`; `V% = V / B_td`; alert when `V% ≥ alert`
 * (exactly +10% is an alert), underspend check when `V% ≤ underspend`, otherwise on track;
 * `B_td = 0` with spend is "unbudgeted spend". Forecast `FY = A_td / Σφ` keeps the phasing
 * (guard Σφ = 0); projected year-end variance `FY − B`. Flexible budget for the same period:
 * `B_flex = F + v·activity_actual`, `B_static = F + v·activity_plan`, spending variance
 * `A − B_flex`, activity variance `B_flex − B_static`.
 */
import { defineCalculator, need, round9, type Issue } from '../kit/calculator';
import { largestRemainder } from '../kit/rounding';
import type { RawRow, RowRead } from '../kit/rows';

export const phasings = ['even', 'monthly'] as const;
export type Phasing = (typeof phasings)[number];
export const cadences = ['monthly', 'quarterly'] as const;
export type Cadence = (typeof cadences)[number];
export const varianceStatuses = ['alert', 'onTrack', 'underspend', 'unbudgeted'] as const;
export type VarianceStatus = (typeof varianceStatuses)[number];

export const MAX_MONEY = 1e12;
export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
export const monthKeys = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9', 'm10', 'm11', 'm12'] as const;
export type MonthKey = (typeof monthKeys)[number];

/**
 * Status of a variance percentage: alert at or above the alert threshold, underspend check at
 * or below the underspend threshold (both compared after rounding to 9 decimals).
 */
export function varianceStatus(variancePct: number, alert: number, underspend: number): VarianceStatus {
  const v = round9(variancePct);
  if (v >= round9(alert)) return 'alert';
  if (v <= round9(underspend)) return 'underspend';
  return 'onTrack';
}

/** Status from budget to date and actual, including the "unbudgeted spend" case. */
export function statusOf(budgetToDate: number, actual: number, alert: number, underspend: number): { variancePct?: number; status: VarianceStatus } {
  if (round9(budgetToDate) === 0) return { status: round9(actual) > 0 ? 'unbudgeted' : 'onTrack' };
  const variancePct = (actual - budgetToDate) / budgetToDate;
  return { variancePct, status: varianceStatus(variancePct, alert, underspend) };
}

const percentCell = { kind: 'percent', min: 0, max: 1, optional: true } as const;
const optionalMoney = { kind: 'money', min: 0, max: MAX_MONEY, optional: true } as const;
const optionalCount = { kind: 'number', min: 0, max: 1e12, optional: true } as const;

export const varianceColumns = {
  name: { kind: 'text', maxLength: 64, optional: true },
  budget: { kind: 'money', min: 0, max: MAX_MONEY },
  actual: { kind: 'money', min: 0, max: MAX_MONEY },
  phasing: { kind: 'choice', options: phasings },
  m1: percentCell, m2: percentCell, m3: percentCell, m4: percentCell, m5: percentCell, m6: percentCell,
  m7: percentCell, m8: percentCell, m9: percentCell, m10: percentCell, m11: percentCell, m12: percentCell,
  fixed: optionalMoney,
  varRate: optionalMoney,
  planActivity: optionalCount,
  actualActivity: optionalCount,
} as const;
export type VarianceColumns = typeof varianceColumns;

export interface FlexibleBudget {
  flexBudget: number;
  staticBudget: number;
  spendingVariance: number;
  activityVariance: number;
}

export interface VarianceLine {
  row: number;
  budget: number;
  /** Σφ to date (fraction of the year's budget planned by now). */
  phased: number;
  budgetToDate: number;
  actual: number;
  variance: number;
  variancePct?: number;
  status: VarianceStatus;
  forecast?: number;
  projectedVariance?: number;
  /** The annual budget split into 12 months, to the cent (adds up to the budget exactly). */
  monthlyPlan: number[];
  flexible?: FlexibleBudget;
}

export interface VarianceTotals {
  budget: number;
  budgetToDate: number;
  actual: number;
  variance: number;
  variancePct?: number;
  status: VarianceStatus;
  forecast?: number;
  projectedVariance?: number;
}

export interface CumulativePoint {
  month: number;
  plan: number;
  alertLine: number;
  actual?: number;
  forecast?: number;
}

export interface BudgetVarianceResults {
  lines: VarianceLine[];
  totals: VarianceTotals;
  /** Rows whose status asks for an explanation (alert, underspend check, unbudgeted spend). */
  needsExplanation: number[];
  /** Cumulative plan, +alert line, actual to date and forecast, month by month (or by quarter). */
  cumulative: CumulativePoint[];
  nextReview: number;
}

const emptyMonths = { m1: '', m2: '', m3: '', m4: '', m5: '', m6: '', m7: '', m8: '', m9: '', m10: '', m11: '', m12: '' };
const noFlex = { fixed: '', varRate: '', planActivity: '', actualActivity: '' };
type Flex = typeof noFlex;

const line = (name: string, budget: string, actual: string, months: string[] | null = null, flex: Flex = noFlex): RawRow<VarianceColumns> => ({
  name,
  budget,
  actual,
  phasing: months ? 'monthly' : 'even',
  ...emptyMonths,
  ...(months ? Object.fromEntries(monthKeys.map((k, i) => [k, months[i] ?? ''])) : {}),
  ...flex,
});

/** Illustrative lines: even and seasonal phasing, one line with a flexible budget. */
export const defaultVarianceRows: RawRow<VarianceColumns>[] = [
  line('Digital advertising', '1200000', '672000'),
  line('Trade shows', '600000', '255000', ['0', '0', '20', '0', '0', '30', '0', '0', '30', '0', '20', '0']),
  line('Sales promotion', '900000', '470000', null, { fixed: '210000', varRate: '12', planActivity: '20000', actualActivity: '22000' }),
  line('Market research', '300000', '0'),
];

/**
 * The worked example chapter 12 prints next to the calculator: six months in, even phasing;
 * campaign media +12.0% (alert), events −5.0% (on track), digital tools −16.7% (underspend check).
 */
export const exampleVarianceRows: RawRow<VarianceColumns>[] = [
  line('Campaign media', '1200000', '672000'),
  line('Events', '480000', '228000'),
  line('Digital tools', '360000', '150000'),
];

export const blankVarianceRow = (): RawRow<VarianceColumns> => line('', '0', '0');

export const budgetVariance = defineCalculator({
  id: 'C12.2',
  fields: {
    monthsElapsed: { kind: 'count', min: 0, max: 12 },
    alertThreshold: { kind: 'percent', min: 0, max: 10 },
    underspendThreshold: { kind: 'percent', min: -1, max: 0 },
    cadence: { kind: 'choice', options: cadences },
  },
  defaults: { monthsElapsed: '6', alertThreshold: '10', underspendThreshold: '-10', cadence: 'monthly' },
  example: { monthsElapsed: '6', alertThreshold: '10', underspendThreshold: '-10', cadence: 'monthly' },
  table: { columns: varianceColumns, minRows: 2, maxRows: 200 },
  defaultRows: defaultVarianceRows,
  exampleRows: exampleVarianceRows,
  compute(values, rows: RowRead<VarianceColumns>[]) {
    const r: Partial<BudgetVarianceResults> = {};
    const issues: Issue[] = [];
    const elapsed = values.monthsElapsed;
    const thresholds = need(values, 'alertThreshold', 'underspendThreshold');

    if (elapsed === 0) issues.push({ severity: 'info', field: 'monthsElapsed', code: 'c12_2.nothingElapsed' });
    if (elapsed !== undefined) {
      const quarterly = values.cadence === 'quarterly';
      r.nextReview = quarterly ? Math.min(12, Math.ceil((elapsed + 1) / 3) * 3) : Math.min(12, elapsed + 1);
      if (quarterly && elapsed % 3 !== 0) issues.push({ severity: 'info', field: 'monthsElapsed', code: 'c12_2.notQuarterEnd', params: { next: Math.ceil(elapsed / 3) * 3 } });
    }

    // Phasing per row: 12 monthly fractions (even = 1/12 each), or undefined if unusable.
    const phasingOf = (read: RowRead<VarianceColumns>, i: number): number[] | undefined => {
      if (read.values.phasing === 'even') return MONTHS.map(() => 1 / 12);
      const bad = monthKeys.filter((k) => read.errors[k] !== undefined);
      if (bad.length > 0) return undefined;
      const phi = monthKeys.map((k) => read.values[k] ?? 0);
      const total = phi.reduce((a, b) => a + b, 0);
      if (round9(total) !== 1) {
        // Percent units with decimals: a share param would be shown rounded to 0 digits (99.5% as 100%).
        issues.push({ severity: 'error', row: i, code: 'c12_2.phasingSum', params: { sum: round9(total * 100) } });
        return undefined;
      }
      return phi;
    };

    const lines: VarianceLine[] = [];
    const phasingByLine: number[][] = [];
    rows.forEach((read, i) => {
      const v = read.values;
      if (read.errors.budget || read.errors.actual || read.errors.phasing) {
        issues.push({ severity: 'warning', row: i, code: 'c12_2.rowExcluded' });
        return;
      }
      const phi = phasingOf(read, i);
      if (!phi) {
        if (!issues.some((x) => x.row === i)) issues.push({ severity: 'warning', row: i, code: 'c12_2.rowExcluded' });
        return;
      }
      if (elapsed === undefined || !thresholds) return;
      const budget = v.budget!;
      const actual = v.actual!;
      // Even phasing: Σφ = elapsed/12 exactly, not 12 added twelfths.
      const phased = v.phasing === 'even' ? elapsed / 12 : phi.slice(0, elapsed).reduce((a, b) => a + b, 0);
      const budgetToDate = v.phasing === 'even' ? (budget * elapsed) / 12 : budget * phased;
      const { variancePct, status } = statusOf(budgetToDate, actual, thresholds.alertThreshold, thresholds.underspendThreshold);
      const item: VarianceLine = {
        row: i,
        budget,
        phased,
        budgetToDate,
        actual,
        variance: actual - budgetToDate,
        status,
        monthlyPlan: largestRemainder(phi.map((p) => budget * p), 2, budget),
      };
      if (variancePct !== undefined) item.variancePct = variancePct;
      if (round9(phased) > 0) {
        item.forecast = actual / phased;
        item.projectedVariance = item.forecast - budget;
      } else if (elapsed > 0) {
        issues.push({ severity: 'info', row: i, code: round9(actual) > 0 ? 'c12_2.noForecastSpend' : 'c12_2.noForecast' });
      }

      const flexKeys = ['fixed', 'varRate', 'planActivity', 'actualActivity'] as const;
      const present = flexKeys.filter((k) => v[k] != null);
      if (present.length === 4) {
        const flexBudget = v.fixed! + v.varRate! * v.actualActivity!;
        const staticBudget = v.fixed! + v.varRate! * v.planActivity!;
        item.flexible = { flexBudget, staticBudget, spendingVariance: actual - flexBudget, activityVariance: flexBudget - staticBudget };
      } else if (present.length > 0 && flexKeys.every((k) => !read.errors[k])) {
        issues.push({ severity: 'info', row: i, code: 'c12_2.flexIncomplete' });
      }
      lines.push(item);
      phasingByLine.push(phi);
    });

    if (elapsed === undefined || !thresholds) return { results: r, issues };
    if (lines.length === 0) {
      issues.push({ severity: 'error', code: 'c12_2.noLines' });
      return { results: r, issues };
    }

    const add = (pick: (l: VarianceLine) => number) => lines.reduce((a, l) => a + pick(l), 0);
    const totals: VarianceTotals = {
      budget: add((l) => l.budget),
      budgetToDate: add((l) => l.budgetToDate),
      actual: add((l) => l.actual),
      variance: 0,
      status: 'onTrack',
    };
    totals.variance = totals.actual - totals.budgetToDate;
    const totalStatus = statusOf(totals.budgetToDate, totals.actual, thresholds.alertThreshold, thresholds.underspendThreshold);
    totals.status = totalStatus.status;
    if (totalStatus.variancePct !== undefined) totals.variancePct = totalStatus.variancePct;
    if (lines.every((l) => l.forecast !== undefined)) {
      totals.forecast = add((l) => l.forecast!);
      totals.projectedVariance = totals.forecast - totals.budget;
    }
    r.lines = lines;
    r.totals = totals;
    r.needsExplanation = lines.filter((l) => l.status !== 'onTrack').map((l) => l.row);

    // Cumulative chart: plan from the cent-exact monthly splits; actual at the elapsed month;
    // forecast from there to month 12 following each line's phasing.
    const months = values.cadence === 'quarterly'
      ? [...new Set([0, 3, 6, 9, 12, elapsed])].sort((a, b) => a - b)
      : Array.from({ length: 13 }, (_, m) => m);
    r.cumulative = months.map((m) => {
      const plan = lines.reduce((a, l) => a + l.monthlyPlan.slice(0, m).reduce((x, y) => x + y, 0), 0);
      const point: CumulativePoint = { month: m, plan, alertLine: plan * (1 + thresholds.alertThreshold) };
      if (m === elapsed) point.actual = totals.actual;
      if (m >= elapsed && totals.forecast !== undefined) {
        point.forecast = lines.reduce((a, l, k) => a + l.forecast! * phasingByLine[k]!.slice(0, m).reduce((x, y) => x + y, 0), 0);
        if (m === elapsed) point.forecast = totals.actual;
      }
      return point;
    });

    return { results: r, issues };
  },
});
