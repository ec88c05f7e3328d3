/**
 * C07.1 Brand health tracker: unaided recall and NPS across survey waves (methodology chapter 7.3,
 * engines E2 and E3).
 *
 * Variant: per wave, unaided recall (and the optional correct-association and repurchase rates)
 * with a Wilson 95% interval; NPS with the Wald 95% interval of E3. Each wave is compared with the
 * one before: proportions by the pooled two-proportion z-test (E2), NPS by
 * z = (NPS₂ − NPS₁)/√(SE₁² + SE₂²); both two-sided, a real change when p ≤ α. A comparison on a
 * small sample (fewer than 10 "yes" or "no" answers in a wave, or fewer than 50 NPS answers) gets
 * the verdict "tentative" and a warning instead of a confident call. NPS sample size for a ±E-point
 * margin uses the latest wave's variance (E3).
 */
import { defineCalculator, dropNonFinite, round9, type Issue } from '../kit/calculator';
import { MAX_FIELD_LENGTH } from '../kit/fields';
import type { RawRow, RowRead } from '../kit/rows';
import { npsFromCounts, npsSampleSize } from './engines/nps';
import { npsDifference } from './engines/nps-difference';
import { proportion, twoProportionTest } from './engines/proportions';

/** Fewer "yes" or "no" answers than this in a wave: the normal approximation is rough. */
export const MIN_EVENTS = 10;
/** Small sample → tentative; otherwise real when p ≤ α; no verdict while α is unreadable. */
function verdictOf(small: boolean, pValue: number, alpha: number | undefined): Verdict | undefined {
  if (small) return 'tentative';
  if (alpha === undefined) return undefined;
  return round9(pValue) <= round9(alpha) ? 'real' : 'noEvidence';
}

/** Fewer NPS answers than this: the Wald interval is rough. */
export const MIN_NPS_ANSWERS = 50;

export const proportionMetrics = ['recall', 'association', 'repurchase'] as const;
export type ProportionMetric = (typeof proportionMetrics)[number];
export type Verdict = 'real' | 'noEvidence' | 'tentative';

export const waveColumns = {
  wave: { kind: 'text', maxLength: MAX_FIELD_LENGTH, optional: true },
  sample: { kind: 'count', min: 0, max: 1e9 },
  recalled: { kind: 'count', min: 0, max: 1e9 },
  associated: { kind: 'count', min: 0, max: 1e9, optional: true },
  promoters: { kind: 'count', min: 0, max: 1e9 },
  passives: { kind: 'count', min: 0, max: 1e9 },
  detractors: { kind: 'count', min: 0, max: 1e9 },
  repeatBuyers: { kind: 'count', min: 0, max: 1e9, optional: true },
  buyers: { kind: 'count', min: 0, max: 1e9, optional: true },
} as const;
export type WaveColumns = typeof waveColumns;

export interface RateWithInterval {
  count: number;
  n: number;
  rate: number;
  low: number;
  high: number;
  small: boolean;
}

export interface NpsWave {
  n: number;
  nps: number;
  standardError: number;
  low: number;
  high: number;
  variance: number;
  small: boolean;
}

export interface ProportionChange {
  /** Percentage points as a fraction (rate₂ − rate₁). */
  difference: number;
  z: number;
  pValue: number;
  /** Absent while α cannot be read. */
  verdict?: Verdict;
}

export interface NpsChange {
  difference: number;
  standardError: number;
  z: number;
  pValue: number;
  verdict?: Verdict;
}

export interface WaveResult {
  row: number;
  label: string;
  recall?: RateWithInterval;
  association?: RateWithInterval;
  repurchase?: RateWithInterval;
  nps?: NpsWave;
  /** Against the previous wave. */
  changes: Partial<Record<ProportionMetric, ProportionChange>>;
  npsChange?: NpsChange;
}

export interface BrandHealthResults {
  waves: WaveResult[];
  /** Answers needed for the NPS margin, at the latest wave's variance. */
  npsSampleNeeded: number;
  npsSampleExact: number;
  /** Line charts with a CI band: one series per metric, one point per wave that has it. */
  series: Record<ProportionMetric | 'nps', { row: number; value: number; low: number; high: number }[]>;
}

const wave = (label: string, sample: string, recalled: string, associated: string, promoters: string, passives: string, detractors: string, repeatBuyers: string, buyers: string): RawRow<WaveColumns> =>
  ({ wave: label, sample, recalled, associated, promoters, passives, detractors, repeatBuyers, buyers });

/** Chapter 7 worked example: two waves of 400 (recall) and 200 (NPS) respondents. */
export const exampleWaveRows: RawRow<WaveColumns>[] = [
  wave('Wave 1', '400', '120', '', '90', '70', '40', '180', '600'),
  wave('Wave 2', '400', '150', '', '100', '80', '20', '210', '600'),
];

/** Illustrative three quarterly waves. */
export const defaultWaveRows: RawRow<WaveColumns>[] = [
  wave('Q1', '500', '140', '95', '110', '90', '50', '150', '520'),
  wave('Q2', '500', '155', '110', '120', '85', '45', '170', '540'),
  wave('Q3', '500', '162', '118', '125', '90', '35', '185', '550'),
];

export const blankWaveRow = (): RawRow<WaveColumns> => wave('', '', '', '', '', '', '', '', '');

function rateOf(count: number, n: number): RateWithInterval | null {
  const p = proportion(count, n);
  if (!p.ok) return null;
  return { count, n, rate: p.rate, low: p.low, high: p.high, small: Math.min(count, n - count) < MIN_EVENTS };
}

export const brandHealth = defineCalculator({
  id: 'C07.1',
  fields: {
    alpha: { kind: 'percent', above: 0, below: 1 },
    npsMargin: { kind: 'number', above: 0, max: 100 },
  },
  defaults: { alpha: '5', npsMargin: '5' },
  example: { alpha: '5', npsMargin: '5' },
  table: { columns: waveColumns, minRows: 1, maxRows: 200 },
  defaultRows: defaultWaveRows,
  exampleRows: exampleWaveRows,
  compute(values, rows: RowRead<WaveColumns>[]) {
    const issues: Issue[] = [];
    const r: Partial<BrandHealthResults> = {};
    if (rows.length === 0) issues.push({ severity: 'error', code: 'c07_1.noWaves' });
    const alpha = values.alpha;

    const waves: WaveResult[] = rows.map((read, i) => {
      const v = read.values;
      const w: WaveResult = { row: i, label: v.wave ?? '', changes: {} };
      if (Object.keys(read.errors).length > 0) issues.push({ severity: 'warning', row: i, code: 'c07_1.rowIncomplete' });
      const rate = (metric: ProportionMetric, count: number | null | undefined, n: number | null | undefined, column: keyof WaveColumns) => {
        if (count == null || n == null) return;
        if (n === 0) {
          issues.push({ severity: 'warning', row: i, column, code: metric === 'repurchase' ? 'c07_1.zeroBuyers' : 'c07_1.zeroSample' });
          return;
        }
        if (count > n) {
          issues.push({ severity: 'error', row: i, column, code: 'c07_1.countAboveSample' });
          return;
        }
        const x = rateOf(count, n);
        if (x) w[metric] = x;
      };
      rate('recall', v.recalled, v.sample, 'recalled');
      rate('association', v.associated, v.sample, 'associated');
      rate('repurchase', v.repeatBuyers, v.buyers, 'repeatBuyers');
      if ((v.repeatBuyers == null) !== (v.buyers == null) && v.repeatBuyers !== undefined && v.buyers !== undefined) {
        issues.push({ severity: 'info', row: i, column: 'buyers', code: 'c07_1.repurchaseIncomplete' });
      }
      if (v.promoters !== undefined && v.passives !== undefined && v.detractors !== undefined) {
        const nps = npsFromCounts({ promoters: v.promoters, passives: v.passives, detractors: v.detractors });
        if (nps.ok) {
          w.nps = { n: nps.n, nps: nps.nps, standardError: nps.standardError, low: nps.low, high: nps.high, variance: nps.variance, small: nps.n < MIN_NPS_ANSWERS };
          if (w.nps.small) issues.push({ severity: 'warning', row: i, column: 'promoters', code: 'c07_1.smallNps', params: { n: nps.n, min: MIN_NPS_ANSWERS } });
        } else {
          issues.push({ severity: 'warning', row: i, column: 'promoters', code: 'c07_1.noNpsAnswers' });
        }
      }
      if (w.recall?.small) issues.push({ severity: 'warning', row: i, column: 'recalled', code: 'c07_1.smallSample', params: { min: MIN_EVENTS } });
      return w;
    });

    // Each wave against the one before.
    for (let i = 1; i < waves.length; i++) {
      const prev = waves[i - 1]!;
      const cur = waves[i]!;
      for (const metric of proportionMetrics) {
        const a = prev[metric];
        const b = cur[metric];
        if (!a || !b) continue;
        const test = twoProportionTest(a.count, a.n, b.count, b.n);
        if (!test.ok) {
          issues.push({ severity: 'info', row: i, code: 'c07_1.testDegenerate' });
          continue;
        }
        const small = a.small || b.small;
        const change: ProportionChange = { difference: test.difference, z: test.z, pValue: test.pValue };
        const verdict = verdictOf(small, test.pValue, alpha);
        if (verdict) change.verdict = verdict;
        cur.changes[metric] = change;
        if (small && alpha !== undefined && round9(test.pValue) <= round9(alpha)) issues.push({ severity: 'warning', row: i, code: 'c07_1.tentativeChange' });
      }
      if (prev.nps && cur.nps) {
        const d = npsDifference(prev.nps, cur.nps);
        if (d.ok) {
          const small = prev.nps.small || cur.nps.small;
          const change: NpsChange = { difference: d.difference, standardError: d.standardError, z: d.zScore, pValue: d.pValue };
          const verdict = verdictOf(small, d.pValue, alpha);
          if (verdict) change.verdict = verdict;
          cur.npsChange = change;
        } else {
          issues.push({ severity: 'info', row: i, code: 'c07_1.npsNoSpread' });
        }
      }
    }
    r.waves = waves;

    // Sample size for the NPS margin at the latest wave's variance.
    const latest = [...waves].reverse().find((w) => w.nps);
    if (latest && values.npsMargin !== undefined) {
      const size = npsSampleSize(latest.nps!.variance, values.npsMargin);
      if (size.ok) {
        r.npsSampleNeeded = size.n;
        r.npsSampleExact = size.exact;
      } else if (size.reason === 'zeroVariance') {
        issues.push({ severity: 'info', field: 'npsMargin', code: 'c07_1.npsZeroVariance' });
      } else {
        issues.push({ severity: 'warning', field: 'npsMargin', code: 'c07_1.npsSampleTooLarge' });
      }
    }

    const seriesOf = (metric: ProportionMetric) => waves.flatMap((w) => (w[metric] ? [{ row: w.row, value: w[metric]!.rate, low: w[metric]!.low, high: w[metric]!.high }] : []));
    r.series = {
      recall: seriesOf('recall'),
      association: seriesOf('association'),
      repurchase: seriesOf('repurchase'),
      nps: waves.flatMap((w) => (w.nps ? [{ row: w.row, value: w.nps.nps, low: w.nps.low, high: w.nps.high }] : [])),
    };

    if (dropNonFinite(r).length) issues.push({ severity: 'warning', code: 'c07_1.tooExtreme' });
    return { results: r, issues };
  },
});
