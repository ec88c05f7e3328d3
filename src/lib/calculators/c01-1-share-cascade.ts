/**
 * C01.1 Market-share target cascade (methodology chapter 1.2–1.3).
 *
 * The playbook's example KPI "market share up 5% a year" does not say which reading it means,
 * so both are computed side by side and a choice picks the one that drives revenue:
 * - relative: `s_t = min(100%, s₀·(1 + k)^t)` (×1.05 a year);
 * - percentage points: `s_t = min(100%, s₀ + k·t)` (+5 points a year).
 * Market `M_t = M₀(1 + g)^t` (E4); revenue target `Rev_t = M_t·s_t`; quarterly milestone
 * `Rev_{t,q} = Rev_t·w_q/Σw`; department target `Rev_{t,d} = Rev_t·v_d/Σv` (guards Σw = 0, Σv = 0).
 * Every year is computed from year 0, never from a rounded previous year.
 */
import { defineCalculator, dropNonFinite, need, round9, type Issue } from '../kit/calculator';
import { MAX_FIELD_LENGTH } from '../kit/fields';
import type { RawRow } from '../kit/rows';
import { growthFactor } from './engines/growth';

export const shareReadings = ['relative', 'points'] as const;
export type ShareReading = (typeof shareReadings)[number];

/** Longest horizon offered: enough for any plan, and it bounds every loop below. */
export const MAX_HORIZON = 30;
export const QUARTERS = [1, 2, 3, 4] as const;

export interface CascadeYear {
  /** 0 = today. */
  year: number;
  marketSize: number;
  shareRelative: number;
  sharePoints: number;
  revenueRelative: number;
  revenuePoints: number;
  /** Share and revenue under the reading that drives the plan (absent until a reading is chosen). */
  share?: number;
  revenue?: number;
}

export interface CascadeQuarter {
  year: number;
  quarter: number;
  revenue: number;
}

export interface DepartmentTarget {
  row: number;
  name: string;
  /** v_d ÷ Σv */
  weightShare: number;
  /** Target per plan year 1…horizon (index 0 = year 1). */
  revenueByYear: number[];
}

export interface ShareCascadeResults {
  years: CascadeYear[];
  /** Year-1 revenue target ÷ today's revenue − 1, under each reading. */
  firstYearGrowthRelative: number;
  firstYearGrowthPoints: number;
  /** Revenue target in the last plan year under the chosen reading. */
  finalRevenue: number;
  /** Quarterly milestones for plan years 1…horizon under the chosen reading. */
  quarters: CascadeQuarter[];
  /** w_q ÷ Σw */
  phasing: number[];
  departments: DepartmentTarget[];
  /** First plan year in which each reading reaches the 100% cap (absent when it never does). */
  capYearRelative: number;
  capYearPoints: number;
}

export const departmentColumns = {
  name: { kind: 'text', maxLength: MAX_FIELD_LENGTH, optional: true },
  weight: { kind: 'number', min: 0, max: 1e6 },
} as const;
export type DepartmentColumns = typeof departmentColumns;

const phasingWeight = { kind: 'number', min: 0, max: 1e6 } as const;

/** Illustrative department split (names filled in by the island in the reader's language). */
export const defaultDepartmentRows: RawRow<DepartmentColumns>[] = [
  { name: '', weight: '50' },
  { name: '', weight: '30' },
  { name: '', weight: '20' },
];

export const blankDepartmentRow = (): RawRow<DepartmentColumns> => ({ name: '', weight: '' });

export const shareCascade = defineCalculator({
  id: 'C01.1',
  fields: {
    marketSize: { kind: 'money', min: 0 },
    marketGrowth: { kind: 'percent', min: -1, max: 10 },
    currentShare: { kind: 'percent', min: 0, max: 1 },
    shareGain: { kind: 'percent', min: 0, max: 1 },
    reading: { kind: 'choice', options: shareReadings },
    horizon: { kind: 'count', min: 1, max: MAX_HORIZON },
    q1: phasingWeight,
    q2: phasingWeight,
    q3: phasingWeight,
    q4: phasingWeight,
  },
  defaults: {
    marketSize: '500000000', marketGrowth: '8', currentShare: '12', shareGain: '5', reading: 'relative',
    horizon: '5', q1: '20', q2: '25', q3: '25', q4: '30',
  },
  // The chapter-1 worked example: 1,000,000,000 market, 6% growth, 10% share, +5% a year, 3 years.
  example: {
    marketSize: '1000000000', marketGrowth: '6', currentShare: '10', shareGain: '5', reading: 'relative',
    horizon: '3', q1: '25', q2: '25', q3: '25', q4: '25',
  },
  table: { columns: departmentColumns, minRows: 0, maxRows: 200 },
  defaultRows: defaultDepartmentRows,
  exampleRows: [],
  compute(values, rows) {
    const r: Partial<ShareCascadeResults> = {};
    const issues: Issue[] = [];

    const base = need(values, 'marketSize', 'marketGrowth', 'currentShare', 'shareGain', 'horizon');
    if (base) {
      const { marketSize, marketGrowth, currentShare: s0, shareGain: k, horizon } = base;
      const years: CascadeYear[] = [];
      for (let t = 0; t <= horizon; t++) {
        const marketFactor = growthFactor(marketGrowth, t);
        const relativeFactor = growthFactor(k, t);
        if (marketFactor === null || relativeFactor === null) break;
        const marketSizeT = marketSize * marketFactor;
        const shareRelative = Math.min(1, s0 * relativeFactor);
        const sharePoints = Math.min(1, s0 + k * t);
        if (r.capYearRelative === undefined && t > 0 && round9(s0 * relativeFactor) >= 1) r.capYearRelative = t;
        if (r.capYearPoints === undefined && t > 0 && round9(s0 + k * t) >= 1) r.capYearPoints = t;
        const revenueRelative = marketSizeT * shareRelative;
        const revenuePoints = marketSizeT * sharePoints;
        const year: CascadeYear = { year: t, marketSize: marketSizeT, shareRelative, sharePoints, revenueRelative, revenuePoints };
        if (values.reading === 'relative') Object.assign(year, { share: shareRelative, revenue: revenueRelative });
        if (values.reading === 'points') Object.assign(year, { share: sharePoints, revenue: revenuePoints });
        years.push(year);
      }
      r.years = years;
      if (r.capYearRelative !== undefined) issues.push({ severity: 'warning', field: 'shareGain', code: 'c01_1.capRelative', params: { year: r.capYearRelative } });
      if (r.capYearPoints !== undefined) issues.push({ severity: 'warning', field: 'shareGain', code: 'c01_1.capPoints', params: { year: r.capYearPoints } });
      if (round9(s0) === 0) issues.push({ severity: 'info', field: 'currentShare', code: 'c01_1.zeroShareRelative' });

      const today = years[0];
      const first = years[1];
      if (today && first && today.revenueRelative > 0) {
        r.firstYearGrowthRelative = first.revenueRelative / today.revenueRelative - 1;
        r.firstYearGrowthPoints = first.revenuePoints / today.revenuePoints - 1;
      }
      const last = years[years.length - 1];
      if (last?.revenue !== undefined) r.finalRevenue = last.revenue;
    }

    // Quarterly phasing: w_q ÷ Σw.
    const w = need(values, 'q1', 'q2', 'q3', 'q4');
    if (w) {
      const weights = [w.q1, w.q2, w.q3, w.q4];
      const sumW = weights.reduce((a, b) => a + b, 0);
      if (round9(sumW) === 0) issues.push({ severity: 'error', field: 'q1', code: 'c01_1.phasingZero' });
      else r.phasing = weights.map((x) => x / sumW);
    }
    const planYears = (r.years ?? []).filter((y): y is CascadeYear & { revenue: number } => y.year > 0 && y.revenue !== undefined);
    const phasing = r.phasing;
    if (phasing && planYears.length > 0) {
      r.quarters = planYears.flatMap((y) => QUARTERS.map((q) => ({ year: y.year, quarter: q, revenue: y.revenue * phasing[q - 1]! })));
    }

    // Department split: v_d ÷ Σv over the rows that read; a bad row is reported and left out.
    const usable: { row: number; name: string; weight: number }[] = [];
    rows.forEach((read, i) => {
      if (read.values.weight === undefined) {
        issues.push({ severity: 'warning', row: i, column: 'weight', code: 'c01_1.departmentSkipped' });
        return;
      }
      usable.push({ row: i, name: read.values.name ?? '', weight: read.values.weight });
    });
    if (usable.length > 0) {
      const sumV = usable.reduce((a, d) => a + d.weight, 0);
      if (round9(sumV) === 0) {
        issues.push({ severity: 'error', code: 'c01_1.departmentsZero' });
      } else if (planYears.length > 0) {
        r.departments = usable.map((d) => ({
          row: d.row,
          name: d.name,
          weightShare: d.weight / sumV,
          revenueByYear: planYears.map((y) => (y.revenue * d.weight) / sumV),
        }));
      }
    }

    if (dropNonFinite(r).length) issues.push({ severity: 'warning', code: 'c01_1.tooExtreme' });
    return { results: r, issues };
  },
});
