/**
 * C14.2 XmR (individuals and moving range) control chart (methodology chapter 14, suggested).
 *
 * Variant: limits come from a baseline period and every point is judged against them. The
 * baseline is the reader's range (first and last table row, 1-based) or, by default, every point
 * before the change marker (a row number), else every point; a row whose value does not read is
 * left out: computing limits from the points being judged would widen
 * them with the very change they should reveal. Over the baseline `x̄ = mean`,
 * `MR_i = |x_i − x_{i−1}|`, `MR̄ = mean MR`, `UCL/LCL = x̄ ± 2.66·MR̄`.
 * Signals: a point strictly beyond a limit; a run of 8 points in a row strictly on one side of
 * the centre line (a point exactly on the centre ends the run); the 8th point of a run and every
 * later point of the same run are marked. Runs are counted over the whole series.
 */
import { defineCalculator, dropNonFinite, round9, type Issue } from '../kit/calculator';
import type { RawRow } from '../kit/rows';

/** Scaling constant for individuals charts (3 / d₂ with d₂ = 1.128 for ranges of two points). */
export const XMR_FACTOR = 2.66;
export const RUN_LENGTH = 8;
/** Fewer baseline points than this give no limits; fewer than `RELIABLE_POINTS` only a warning. */
export const MIN_BASELINE = 8;
export const RELIABLE_POINTS = 20;
export const MAX_POINTS = 1000;

export const xmrColumns = {
  label: { kind: 'text', maxLength: 64, optional: true },
  value: { kind: 'number', min: -1e12, max: 1e12 },
} as const;
export type XmrColumns = typeof xmrColumns;

export type Side = 'above' | 'below' | 'centre';

export interface XmrPoint {
  /** 0-based table row. */
  row: number;
  value: number;
  inBaseline: boolean;
  /** After the change marker (false when there is none). */
  afterChange: boolean;
  side: Side;
  beyond: 'upper' | 'lower' | null;
  /** Part of a run of 8 or more on one side, from its 8th point on. */
  runSignal: boolean;
  /** Moving range to the previous point (absent for the first point). */
  movingRange?: number;
}

export interface XmrResults {
  /** 1-based first and last baseline point. */
  baselineFrom: number;
  baselineTo: number;
  baselineCount: number;
  centre: number;
  meanMovingRange: number;
  ucl: number;
  lcl: number;
  points: XmrPoint[];
  beyondCount: number;
  runSignalCount: number;
  /** 1-based row of the first signal after the change marker (or anywhere when there is none). */
  firstSignal: number | null;
  signalCount: number;
}

export interface XmrSummary {
  centre: number;
  meanMovingRange: number;
  ucl: number;
  lcl: number;
}

/** Centre line, mean moving range and limits of a baseline with at least two points. */
export function xmrLimits(baseline: readonly number[]): XmrSummary | undefined {
  if (baseline.length < 2) return undefined;
  let sum = 0;
  for (const x of baseline) sum += x;
  let mrSum = 0;
  for (let i = 1; i < baseline.length; i++) mrSum += Math.abs(baseline[i]! - baseline[i - 1]!);
  const centre = sum / baseline.length;
  const meanMovingRange = mrSum / (baseline.length - 1);
  return { centre, meanMovingRange, ucl: centre + XMR_FACTOR * meanMovingRange, lcl: centre - XMR_FACTOR * meanMovingRange };
}

/** Marks points beyond the limits and runs of `RUN_LENGTH` on one side of the centre. */
export function judge(values: readonly number[], limits: XmrSummary): { side: Side; beyond: 'upper' | 'lower' | null; runSignal: boolean }[] {
  const centre = round9(limits.centre);
  const ucl = round9(limits.ucl);
  const lcl = round9(limits.lcl);
  let run = 0;
  let runSide: Side = 'centre';
  return values.map((x) => {
    const v = round9(x);
    const side: Side = v > centre ? 'above' : v < centre ? 'below' : 'centre';
    if (side === 'centre') run = 0;
    else if (side === runSide) run++;
    else run = 1;
    runSide = side;
    return { side, beyond: v > ucl ? 'upper' : v < lcl ? 'lower' : null, runSignal: side !== 'centre' && run >= RUN_LENGTH };
  });
}

const point = (label: string, value: string): RawRow<XmrColumns> => ({ label, value });

/**
 * Chapter 14's corrected example: eight weeks of conversion rate before the sales-process fix
 * form the baseline (the methodology's 10, 12, …, 14), and eight weeks after it are judged.
 */
export const exampleXmrRows: RawRow<XmrColumns>[] = [
  ...['10', '12', '11', '13', '12', '11', '12', '14'].map((v, i) => point(`Week ${i + 1}`, v)),
  ...['13', '14', '13', '15', '14', '16', '14', '15'].map((v, i) => point(`Week ${i + 9}`, v)),
];

const defaultXmrRows: RawRow<XmrColumns>[] = ['52', '48', '50', '55', '49', '51', '47', '53', '50', '52', '46', '51']
  .map((v, i) => point(`Month ${i + 1}`, v));

const optionalPoint = { kind: 'count', min: 1, max: MAX_POINTS, optional: true } as const;

export const xmrChart = defineCalculator({
  id: 'C14.2',
  fields: {
    changeAt: optionalPoint,
    baselineFrom: optionalPoint,
    baselineTo: optionalPoint,
  },
  defaults: { changeAt: '', baselineFrom: '', baselineTo: '' },
  example: { changeAt: '9', baselineFrom: '', baselineTo: '' },
  table: { columns: xmrColumns, minRows: 0, maxRows: MAX_POINTS },
  defaultRows: defaultXmrRows,
  exampleRows: exampleXmrRows,
  compute(values, rows) {
    const r: Partial<XmrResults> = {};
    const issues: Issue[] = [];

    // Only points whose value reads are charted; a bad cell is reported and skipped.
    const kept: { row: number; value: number }[] = [];
    rows.forEach((read, i) => {
      if (read.values.value === undefined) issues.push({ severity: 'warning', row: i, code: 'c14_2.pointSkipped' });
      else kept.push({ row: i, value: read.values.value });
    });
    const n = kept.length;
    if (n < MIN_BASELINE) {
      issues.push({ severity: 'error', code: 'c14_2.tooFewPoints', params: { min: MIN_BASELINE, count: n } });
      return { results: r, issues };
    }

    // Positions are 1-based table rows, as the reader sees them; a skipped row is simply absent.
    const rowCount = rows.length;
    let changeAt: number | null = values.changeAt ?? null;
    if (changeAt !== null && (changeAt < 2 || changeAt > rowCount)) {
      issues.push({ severity: 'error', field: 'changeAt', code: 'c14_2.changeOutside', params: { count: rowCount } });
      changeAt = null;
    }
    const from = values.baselineFrom ?? 1;
    const to = values.baselineTo ?? (changeAt !== null ? changeAt - 1 : rowCount);
    if (values.baselineTo != null && values.baselineTo > rowCount) {
      issues.push({ severity: 'error', field: 'baselineTo', code: 'c14_2.baselineOutside', params: { count: rowCount } });
      return { results: r, issues };
    }
    if (from > to) {
      issues.push({ severity: 'error', field: values.baselineFrom != null ? 'baselineFrom' : 'baselineTo', code: 'c14_2.baselineOrder' });
      return { results: r, issues };
    }
    const position = (p: { row: number }) => p.row + 1;
    const inBaseline = (p: { row: number }) => position(p) >= from && position(p) <= to;
    const baseline = kept.filter(inBaseline).map((p) => p.value);
    if (baseline.length < MIN_BASELINE) {
      issues.push({ severity: 'error', field: values.baselineFrom != null ? 'baselineFrom' : 'changeAt', code: 'c14_2.baselineTooShort', params: { min: MIN_BASELINE, count: baseline.length } });
      return { results: r, issues };
    }
    if (baseline.length < RELIABLE_POINTS) issues.push({ severity: 'info', code: 'c14_2.provisionalLimits', params: { count: baseline.length, reliable: RELIABLE_POINTS } });
    if (changeAt !== null && to >= changeAt) issues.push({ severity: 'warning', field: 'baselineTo', code: 'c14_2.baselineAfterChange' });
    if (changeAt === null && values.baselineFrom == null && values.baselineTo == null) issues.push({ severity: 'info', code: 'c14_2.allPointsBaseline' });

    const limits = xmrLimits(baseline)!;
    if (round9(limits.meanMovingRange) === 0) issues.push({ severity: 'warning', code: 'c14_2.flatBaseline' });
    r.baselineFrom = from;
    r.baselineTo = to;
    r.baselineCount = baseline.length;
    r.centre = limits.centre;
    r.meanMovingRange = limits.meanMovingRange;
    r.ucl = limits.ucl;
    r.lcl = limits.lcl;

    const judged = judge(kept.map((p) => p.value), limits);
    r.points = kept.map((p, k) => {
      const out: XmrPoint = {
        row: p.row,
        value: p.value,
        inBaseline: inBaseline(p),
        afterChange: changeAt !== null && position(p) >= changeAt,
        ...judged[k]!,
      };
      if (k > 0) out.movingRange = Math.abs(p.value - kept[k - 1]!.value);
      return out;
    });
    r.beyondCount = r.points.filter((p) => p.beyond !== null).length;
    r.runSignalCount = r.points.filter((p) => p.runSignal).length;
    const signalled = (p: XmrPoint) => p.beyond !== null || p.runSignal;
    r.signalCount = r.points.filter(signalled).length;
    const first = r.points.find((p) => signalled(p) && (changeAt === null || position(p) >= changeAt));
    r.firstSignal = first ? position(first) : null;

    if (dropNonFinite(r).length) issues.push({ severity: 'warning', code: 'c14_2.tooExtreme' });
    return { results: r, issues };
  },
});
