/**
 * C01.2 Milestone tracker (methodology chapter 1.3: quarterly milestones tracked in the CRM and
 * tied to appraisal).
 *
 * `attainment = actual/target` per quarter (guard target = 0); year to date
 * `YTD = Σ actual / Σ target to date`; run-rate forecast `Σ actual ÷ (Σ target to date / annual
 * target)`, i.e. scaled by the phasing, not by the calendar (guard Σ target to date = 0); gap =
 * forecast − annual target; `needed per remaining quarter = (annual target − Σ actual)/quarters
 * left` (guard none left). Status colours are not a playbook rule: they reuse C14.1's illustrative
 * cut-offs (≥ 100% green, 90% to < 100% amber, < 90% red) through the E7 band classifier.
 */
import { defineCalculator, dropNonFinite, round9, type Issue } from '../kit/calculator';
import { checkBandScale, classifyBand, type BandScale } from './engines/bands';

export const ragStatuses = ['green', 'amber', 'red'] as const;
export type RagStatus = (typeof ragStatuses)[number];

const QUARTERS = [1, 2, 3, 4] as const;
type Quarter = (typeof QUARTERS)[number];

export interface QuarterResult {
  quarter: number;
  target: number;
  /** Absent for quarters after the current one or without an actual. */
  actual?: number;
  attainment?: number;
  status?: RagStatus;
  /** Absent when an earlier quarter's target did not read. */
  cumulativeTarget?: number;
  cumulativeActual?: number;
}

export interface MilestoneResults {
  quarters: QuarterResult[];
  annualTarget: number;
  targetToDate: number;
  actualToDate: number;
  ytdAttainment: number;
  ytdStatus: RagStatus;
  runRateForecast: number;
  /** Forecast − annual target (negative = short). */
  gap: number;
  quartersLeft: number;
  /** Annual target − Σ actual. */
  remaining: number;
  neededPerQuarter: number;
  /** What the original phasing planned per remaining quarter, on average. */
  plannedPerQuarter: number;
  /** needed ÷ planned − 1: how much harder the rest of the year has become. */
  stretch: number;
}

const money = { kind: 'money', min: 0 } as const;
const actual = { kind: 'money', min: 0, optional: true } as const;

const targetKey = (q: Quarter) => `target${q}` as const;
const actualKey = (q: Quarter) => `actual${q}` as const;

export const milestoneTracker = defineCalculator({
  id: 'C01.2',
  fields: {
    target1: money,
    target2: money,
    target3: money,
    target4: money,
    actual1: actual,
    actual2: actual,
    actual3: actual,
    actual4: actual,
    currentQuarter: { kind: 'count', min: 1, max: 4 },
    greenFrom: { kind: 'percent', min: 0, max: 10 },
    amberFrom: { kind: 'percent', min: 0, max: 10 },
  },
  defaults: {
    target1: '2000000', target2: '2500000', target3: '2500000', target4: '3000000',
    actual1: '1900000', actual2: '2600000', actual3: '2300000', actual4: '',
    currentQuarter: '3', greenFrom: '100', amberFrom: '90',
  },
  // Chapter 1, half-way through year 1: even phasing of 111,300,000; Q1 and Q2 actuals.
  example: {
    target1: '27825000', target2: '27825000', target3: '27825000', target4: '27825000',
    actual1: '26100000', actual2: '28900000', actual3: '', actual4: '',
    currentQuarter: '2', greenFrom: '100', amberFrom: '90',
  },
  compute(values) {
    const r: Partial<MilestoneResults> = {};
    const issues: Issue[] = [];

    const scale: BandScale<RagStatus> | undefined =
      values.greenFrom !== undefined && values.amberFrom !== undefined
        ? { direction: 'lowerIsWorse', bands: ragStatuses, thresholds: [values.greenFrom, values.amberFrom] }
        : undefined;
    const scaleOk = scale !== undefined && checkBandScale(scale) === null;
    if (scale && !scaleOk) issues.push({ severity: 'error', field: 'amberFrom', code: 'c01_2.cutoffsOrder' });
    const status = (attainment: number) => {
      if (!scale || !scaleOk) return undefined;
      const band = classifyBand(attainment, scale);
      return band.ok ? band.band : undefined;
    };

    const current = values.currentQuarter;
    const t = QUARTERS.map((q) => values[targetKey(q)]);
    const allTargets = t.every((x) => x !== undefined);
    if (allTargets) r.annualTarget = t.reduce<number>((a, b) => a + b!, 0);

    // Per quarter: attainment needs only that quarter's two figures; cumulative figures need all before it.
    let cumulativeTarget: number | undefined = 0;
    let cumulativeActual: number | undefined = 0;
    r.quarters = [];
    for (const q of QUARTERS) {
      const target = t[q - 1];
      cumulativeTarget = cumulativeTarget !== undefined && target !== undefined ? cumulativeTarget + target : undefined;
      if (target === undefined) {
        cumulativeActual = undefined;
        continue;
      }
      const row: QuarterResult = { quarter: q, target };
      if (cumulativeTarget !== undefined) row.cumulativeTarget = cumulativeTarget;
      r.quarters.push(row);
      const a = values[actualKey(q)];
      if (current === undefined || q > current) {
        if (current !== undefined && a != null) issues.push({ severity: 'info', field: actualKey(q), code: 'c01_2.actualAfterCurrent', params: { quarter: q } });
        continue;
      }
      if (a == null) {
        if (a === null) issues.push({ severity: 'error', field: actualKey(q), code: 'c01_2.actualNeeded', params: { quarter: q } });
        cumulativeActual = undefined;
        continue;
      }
      row.actual = a;
      cumulativeActual = cumulativeActual !== undefined ? cumulativeActual + a : undefined;
      if (cumulativeActual !== undefined) row.cumulativeActual = cumulativeActual;
      if (round9(target) > 0) {
        row.attainment = a / target;
        const s = status(row.attainment);
        if (s) row.status = s;
      } else {
        issues.push({ severity: 'warning', field: targetKey(q), code: 'c01_2.zeroTarget', params: { quarter: q } });
      }
    }
    if (current === undefined || r.annualTarget === undefined || cumulativeActual === undefined) {
      if (dropNonFinite(r).length) issues.push({ severity: 'warning', code: 'c01_2.tooExtreme' });
      return { results: r, issues };
    }

    const targetToDate = r.quarters[current - 1]!.cumulativeTarget!;
    r.targetToDate = targetToDate;
    r.actualToDate = cumulativeActual;
    if (round9(targetToDate) === 0) {
      issues.push({ severity: 'error', field: 'target1', code: 'c01_2.zeroTargetToDate' });
    } else {
      r.ytdAttainment = cumulativeActual / targetToDate;
      const s = status(r.ytdAttainment);
      if (s) r.ytdStatus = s;
      // Scaled by the phasing: to date is this fraction of the annual plan.
      r.runRateForecast = cumulativeActual / (targetToDate / r.annualTarget);
      r.gap = r.runRateForecast - r.annualTarget;
    }

    r.quartersLeft = 4 - current;
    r.remaining = r.annualTarget - cumulativeActual;
    if (r.quartersLeft === 0) {
      issues.push({ severity: 'info', field: 'currentQuarter', code: 'c01_2.yearComplete' });
    } else {
      // Once the annual target is reached nothing more is needed (the formula would turn negative).
      r.neededPerQuarter = Math.max(0, r.remaining) / r.quartersLeft;
      r.plannedPerQuarter = (r.annualTarget - targetToDate) / r.quartersLeft;
      if (r.plannedPerQuarter > 0) r.stretch = r.neededPerQuarter / r.plannedPerQuarter - 1;
      if (round9(r.remaining) <= 0) issues.push({ severity: 'info', code: 'c01_2.annualReached' });
    }

    if (dropNonFinite(r).length) issues.push({ severity: 'warning', code: 'c01_2.tooExtreme' });
    return { results: r, issues };
  },
});
