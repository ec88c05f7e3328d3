/**
 * C11.1 Process time and quality metrics (methodology chapter 11.1 and 11.3).
 *
 * Variant: times are per item in one unit (minutes); value-added time is the processing time of
 * steps marked value-added, and waiting is never value-added. `PCE = VA time / lead time`,
 * `NVA share = 1 − PCE`, `FPY_i = first-pass_i / in_i`, `RTY = Π FPY_i` (over every step; a
 * step without items leaves RTY out), rework rate per step `reworked / in` and overall
 * `Σ reworked / Σ in`. The slowest step is the one with the largest processing + waiting time
 * (ties: the first). Optional baselines give the change against an earlier measurement.
 */
import { defineCalculator, dropNonFinite, round9, type Issue } from '../kit/calculator';
import type { RawRow } from '../kit/rows';

export const yesNo = ['yes', 'no'] as const;
/** Longest per-item time accepted (minutes): about 19 years, so sums stay exact. */
export const MAX_TIME = 1e7;
export const MAX_ITEMS = 1e9;

const time = { kind: 'number', min: 0, max: MAX_TIME } as const;
const items = { kind: 'count', min: 0, max: MAX_ITEMS } as const;

export const processColumns = {
  name: { kind: 'text', maxLength: 64, optional: true },
  processing: time,
  waiting: time,
  valueAdded: { kind: 'choice', options: yesNo },
  itemsIn: items,
  firstPass: items,
  reworked: items,
} as const;
export type ProcessColumns = typeof processColumns;

export interface StepResult {
  /** 0-based table row. */
  row: number;
  stepTime: number;
  valueAddedTime: number;
  /** Absent when the step has no items in. */
  firstPassYield?: number;
  reworkRate?: number;
}

export interface ProcessMetricsResults {
  leadTime: number;
  processingTime: number;
  waitingTime: number;
  valueAddedTime: number;
  /** Process cycle efficiency, a fraction. */
  pce: number;
  nvaShare: number;
  /** NVA share minus the reference share (the playbook's 30% example), in fraction points. */
  nvaVsReference: number;
  steps: StepResult[];
  rty: number;
  overallReworkRate: number;
  totalIn: number;
  totalReworked: number;
  /** Row of the slowest step and its time. */
  slowestRow: number;
  slowestTime: number;
  /** Row of the step with the highest rework rate. */
  worstReworkRow: number;
  /** Changes against the baselines (lead time in minutes, the others in fraction points). */
  leadTimeChange: number;
  leadTimeChangeRate: number;
  pceChange: number;
  rtyChange: number;
  reworkChange: number;
  /** Stacked bar per step: value-added processing, non-value-added processing, waiting. */
  chart: { row: number; valueAdded: number; nonValueAddedProcessing: number; waiting: number }[];
}

export function blankProcessRow(): RawRow<ProcessColumns> {
  return { name: '', processing: '', waiting: '', valueAdded: 'yes', itemsIn: '', firstPass: '', reworked: '0' };
}

const row = (name: string, processing: string, waiting: string, valueAdded: 'yes' | 'no', itemsIn: string, firstPass: string, reworked: string): RawRow<ProcessColumns> =>
  ({ name, processing, waiting, valueAdded, itemsIn, firstPass, reworked });

/** Chapter 11's order-to-dispatch week: 500 orders through five steps. */
export const exampleProcessRows: RawRow<ProcessColumns>[] = [
  row('Order entry', '6', '20', 'yes', '500', '470', '30'),
  row('Credit check', '4', '60', 'no', '500', '490', '10'),
  row('Order review', '15', '120', 'no', '500', '440', '60'),
  row('Picking and packing', '25', '90', 'yes', '500', '485', '15'),
  row('Dispatch', '10', '30', 'yes', '500', '495', '5'),
];

const defaultProcessRows: RawRow<ProcessColumns>[] = [
  row('Request intake', '10', '30', 'yes', '200', '190', '10'),
  row('Approval', '5', '240', 'no', '200', '180', '20'),
  row('Fulfilment', '45', '60', 'yes', '200', '196', '4'),
];

const optionalTime = { kind: 'number', min: 0, max: MAX_TIME, optional: true } as const;
const optionalShare = { kind: 'percent', min: 0, max: 1, optional: true } as const;

export const processMetrics = defineCalculator({
  id: 'C11.1',
  fields: {
    referenceNva: { kind: 'percent', min: 0, max: 1 },
    baselineLeadTime: optionalTime,
    baselinePce: optionalShare,
    baselineRty: optionalShare,
    baselineRework: optionalShare,
  },
  defaults: { referenceNva: '30', baselineLeadTime: '', baselinePce: '', baselineRty: '', baselineRework: '' },
  example: { referenceNva: '30', baselineLeadTime: '', baselinePce: '', baselineRty: '', baselineRework: '' },
  table: { columns: processColumns, minRows: 1, maxRows: 200 },
  defaultRows: defaultProcessRows,
  exampleRows: exampleProcessRows,
  compute(values, rows) {
    const r: Partial<ProcessMetricsResults> = {};
    const issues: Issue[] = [];

    // Time metrics use every row whose times and value-added flag read; quality metrics every
    // row whose counts read and make sense. A row left out of either is reported once.
    let processing = 0;
    let waiting = 0;
    let valueAdded = 0;
    let timeRows = 0;
    let slowest = -1;
    let slowestTime = -1;
    const steps: StepResult[] = [];
    let rty = 1;
    let rtyComplete = true;
    let totalIn = 0;
    let totalReworked = 0;
    let worstRework = -1;
    let worstReworkRate = -1;
    const chart: ProcessMetricsResults['chart'] = [];

    rows.forEach((read, i) => {
      const v = read.values;
      const timesOk = v.processing !== undefined && v.waiting !== undefined && v.valueAdded !== undefined;
      if (!timesOk) {
        issues.push({ severity: 'warning', row: i, code: 'c11_1.rowTimesExcluded' });
        rtyComplete = false;
        return;
      }
      const stepTime = v.processing! + v.waiting!;
      const va = v.valueAdded === 'yes' ? v.processing! : 0;
      processing += v.processing!;
      waiting += v.waiting!;
      valueAdded += va;
      timeRows++;
      if (round9(stepTime) > round9(slowestTime)) {
        slowest = i;
        slowestTime = stepTime;
      }
      chart.push({ row: i, valueAdded: va, nonValueAddedProcessing: v.processing! - va, waiting: v.waiting! });
      const step: StepResult = { row: i, stepTime, valueAddedTime: va };
      steps.push(step);

      const { itemsIn, firstPass, reworked } = v;
      if (itemsIn === undefined || firstPass === undefined || reworked === undefined) {
        issues.push({ severity: 'warning', row: i, code: 'c11_1.rowQualityExcluded' });
        rtyComplete = false;
        return;
      }
      if (itemsIn === 0) {
        issues.push({ severity: 'error', row: i, column: 'itemsIn', code: 'c11_1.noItems' });
        rtyComplete = false;
        return;
      }
      if (firstPass > itemsIn) {
        issues.push({ severity: 'error', row: i, column: 'firstPass', code: 'c11_1.firstPassAboveIn' });
        rtyComplete = false;
        return;
      }
      if (reworked > itemsIn) {
        issues.push({ severity: 'error', row: i, column: 'reworked', code: 'c11_1.reworkedAboveIn' });
        rtyComplete = false;
        return;
      }
      // Items that fail first time are reworked or scrapped, so at most in − first-pass are reworked.
      if (reworked > itemsIn - firstPass) {
        issues.push({ severity: 'warning', row: i, column: 'reworked', code: 'c11_1.reworkedAboveFailed', params: { failed: itemsIn - firstPass } });
      }
      step.firstPassYield = firstPass / itemsIn;
      step.reworkRate = reworked / itemsIn;
      rty *= step.firstPassYield;
      totalIn += itemsIn;
      totalReworked += reworked;
      if (round9(step.reworkRate) > round9(worstReworkRate)) {
        worstRework = i;
        worstReworkRate = step.reworkRate;
      }
    });

    r.steps = steps;
    r.chart = chart;
    if (timeRows === 0) {
      issues.push({ severity: 'error', code: 'c11_1.noSteps' });
      return { results: r, issues };
    }
    r.processingTime = processing;
    r.waitingTime = waiting;
    r.leadTime = processing + waiting;
    r.valueAddedTime = valueAdded;
    r.slowestRow = slowest;
    r.slowestTime = slowestTime;
    if (round9(r.leadTime) === 0) {
      issues.push({ severity: 'error', code: 'c11_1.zeroLeadTime' });
    } else {
      r.pce = valueAdded / r.leadTime;
      r.nvaShare = 1 - r.pce;
      if (values.referenceNva != null) r.nvaVsReference = r.nvaShare - values.referenceNva;
    }
    if (rtyComplete && steps.length > 0) r.rty = rty;
    else if (steps.some((s) => s.firstPassYield !== undefined)) issues.push({ severity: 'info', code: 'c11_1.rtyIncomplete' });
    if (totalIn > 0) {
      r.totalIn = totalIn;
      r.totalReworked = totalReworked;
      r.overallReworkRate = totalReworked / totalIn;
      r.worstReworkRow = worstRework;
    }

    if (values.baselineLeadTime != null) {
      r.leadTimeChange = r.leadTime - values.baselineLeadTime;
      if (values.baselineLeadTime > 0) r.leadTimeChangeRate = r.leadTimeChange / values.baselineLeadTime;
      else issues.push({ severity: 'info', field: 'baselineLeadTime', code: 'c11_1.zeroBaselineLeadTime' });
    }
    if (values.baselinePce != null && r.pce !== undefined) r.pceChange = r.pce - values.baselinePce;
    if (values.baselineRty != null && r.rty !== undefined) r.rtyChange = r.rty - values.baselineRty;
    if (values.baselineRework != null && r.overallReworkRate !== undefined) r.reworkChange = r.overallReworkRate - values.baselineRework;

    if (dropNonFinite(r).length) issues.push({ severity: 'warning', code: 'c11_1.tooExtreme' });
    return { results: r, issues };
  },
});
