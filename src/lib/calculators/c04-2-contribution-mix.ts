/**
 * C04.2 Contribution-margin screen and 30/40/30 mix (methodology chapter 4.2).
 *
 * `CM = P − VC`, `CM rate = (P − VC)/P` (guard P ≤ 0), `total CM = (P − VC)·Q`; portfolio rate
 * `Σ(P − VC)Q / Σ P·Q` (guard Σ P·Q = 0), pass at ≥ 25%.
 * "15% above the industry mean" is ambiguous in the playbook, so both readings are computed and a
 * choice picks the one that drives the class: relative `mean × 1.15` (default) or `mean + 15 points`.
 * Class through the E7 band classifier: *priority keep* at CM rate ≥ the upper threshold;
 * *restructure or exit review* below 5%; *monitor* between. When the upper threshold is 5% or
 * below, the review line takes precedence (a warning says so).
 * Mix: `share_b = Σ_{i∈b} x_i / Σ x_i` by count of lines and by revenue, against 30/40/30
 * (cash flow / growth / forward R&D), pass when |deviation| ≤ tolerance (±5 points).
 */
import { defineCalculator, dropNonFinite, need, round9, type Issue } from '../kit/calculator';
import { MAX_FIELD_LENGTH } from '../kit/fields';
import type { RawRow } from '../kit/rows';
import { classifyBand, type BandScale } from './engines/bands';

export const upliftReadings = ['relative', 'points'] as const;
export type UpliftReading = (typeof upliftReadings)[number];
export const lineClasses = ['keep', 'monitor', 'restructure'] as const;
export type LineClass = (typeof lineClasses)[number];
export const productRoles = ['cash', 'growth', 'rd'] as const;
export type ProductRole = (typeof productRoles)[number];

export interface LineResult {
  row: number;
  name: string;
  role?: ProductRole;
  unitCm?: number;
  cmRate?: number;
  totalCm?: number;
  revenue?: number;
  /** Class under the chosen reading. */
  class?: LineClass;
  /** Class under each reading, side by side. */
  classRelative?: LineClass;
  classPoints?: LineClass;
}

export interface MixShare {
  role: ProductRole;
  target: number;
  byCount: number;
  byRevenue: number;
  deviationByCount: number;
  deviationByRevenue: number;
  passByCount: boolean;
  passByRevenue: boolean;
}

export interface ContributionMixResults {
  lines: LineResult[];
  upperRelative: number;
  upperPoints: number;
  /** The upper threshold under the chosen reading. */
  upper: number;
  totalCm: number;
  totalRevenue: number;
  portfolioRate: number;
  portfolioPass: boolean;
  mix: MixShare[];
  mixPass: boolean;
}

export const lineColumns = {
  name: { kind: 'text', maxLength: MAX_FIELD_LENGTH, optional: true },
  price: { kind: 'money', min: 0 },
  variableCost: { kind: 'money', min: 0 },
  units: { kind: 'number', min: 0, max: 1e12 },
  role: { kind: 'choice', options: productRoles },
} as const;
export type LineColumns = typeof lineColumns;

const line = (name: string, price: string, variableCost: string, units: string, role: ProductRole): RawRow<LineColumns> => ({ name, price, variableCost, units, role });

/** Methodology and chapter 4 worked example; roles are illustrative (the chapter gives none). */
export const exampleLineRows: RawRow<LineColumns>[] = [
  line('A', '100', '60', '5000', 'cash'),
  line('B', '50', '38', '8000', 'growth'),
  line('C', '80', '77', '3000', 'rd'),
];
/** Illustrative defaults: five lines, one in each class, mix near 30/40/30 by revenue. */
export const defaultLineRows: RawRow<LineColumns>[] = [
  line('', '120', '70', '3000', 'cash'),
  line('', '60', '48', '4000', 'cash'),
  line('', '90', '60', '3500', 'growth'),
  line('', '40', '38.5', '6000', 'growth'),
  line('', '200', '150', '900', 'rd'),
];
export const blankLineRow = (): RawRow<LineColumns> => line('', '', '', '', 'growth');

const share = { kind: 'percent', min: 0, max: 1 } as const;

export const contributionMix = defineCalculator({
  id: 'C04.2',
  fields: {
    industryMean: { kind: 'percent', min: -1, max: 1 },
    reading: { kind: 'choice', options: upliftReadings },
    uplift: { kind: 'percent', min: 0, max: 10 },
    reviewThreshold: share,
    portfolioTarget: share,
    targetCash: share,
    targetGrowth: share,
    targetRd: share,
    tolerance: share,
  },
  defaults: {
    industryMean: '25', reading: 'relative', uplift: '15', reviewThreshold: '5', portfolioTarget: '25',
    targetCash: '30', targetGrowth: '40', targetRd: '30', tolerance: '5',
  },
  example: {
    industryMean: '20', reading: 'relative', uplift: '15', reviewThreshold: '5', portfolioTarget: '25',
    targetCash: '30', targetGrowth: '40', targetRd: '30', tolerance: '5',
  },
  table: { columns: lineColumns, minRows: 1, maxRows: 200 },
  defaultRows: defaultLineRows,
  exampleRows: exampleLineRows,
  compute(values, rows) {
    const r: Partial<ContributionMixResults> = {};
    const issues: Issue[] = [];

    // Thresholds under both readings; the class scale (E7, lower is worse): keep ≥ upper, restructure < review.
    const t = need(values, 'industryMean', 'uplift', 'reviewThreshold');
    let scales: Record<UpliftReading, BandScale<LineClass>> | undefined;
    if (t) {
      r.upperRelative = t.industryMean * (1 + t.uplift);
      r.upperPoints = t.industryMean + t.uplift;
      const scaleFor = (upper: number): BandScale<LineClass> => ({
        direction: 'lowerIsWorse',
        bands: lineClasses,
        // An upper threshold at or below the review line leaves "monitor" empty: review takes precedence.
        thresholds: [Math.max(round9(upper), round9(t.reviewThreshold)), t.reviewThreshold],
      });
      scales = { relative: scaleFor(r.upperRelative), points: scaleFor(r.upperPoints) };
      if (values.reading !== undefined) {
        r.upper = values.reading === 'relative' ? r.upperRelative : r.upperPoints;
        if (round9(r.upper) <= round9(t.reviewThreshold)) issues.push({ severity: 'warning', field: 'industryMean', code: 'c04_2.upperBelowReview' });
      }
      if (t.industryMean < 0) issues.push({ severity: 'info', field: 'industryMean', code: 'c04_2.negativeMean' });
    }
    const classify = (rate: number, reading: UpliftReading) => {
      const band = scales && classifyBand(rate, scales[reading]);
      return band && band.ok ? band.band : undefined;
    };

    let complete = rows.length > 0;
    r.lines = rows.map((read, i) => {
      const v = read.values;
      const out: LineResult = { row: i, name: v.name ?? '' };
      if (v.role !== undefined) out.role = v.role;
      if (v.price !== undefined && v.variableCost !== undefined) {
        out.unitCm = v.price - v.variableCost;
        if (round9(v.price) <= 0) {
          issues.push({ severity: 'error', row: i, column: 'price', code: 'c04_2.priceNotPositive' });
        } else {
          out.cmRate = out.unitCm / v.price;
          const relative = classify(out.cmRate, 'relative');
          const points = classify(out.cmRate, 'points');
          if (relative) out.classRelative = relative;
          if (points) out.classPoints = points;
          const chosen = values.reading === 'relative' ? relative : values.reading === 'points' ? points : undefined;
          if (chosen) out.class = chosen;
        }
        if (v.units !== undefined) {
          out.totalCm = out.unitCm * v.units;
          out.revenue = v.price * v.units;
        }
      }
      if (out.totalCm === undefined || out.role === undefined) complete = false;
      return out;
    });

    // Portfolio and mix need every line: a missing one would shift both.
    if (complete) {
      const lines = r.lines;
      r.totalCm = lines.reduce((a, l) => a + l.totalCm!, 0);
      r.totalRevenue = lines.reduce((a, l) => a + l.revenue!, 0);
      if (round9(r.totalRevenue) === 0) {
        issues.push({ severity: 'error', code: 'c04_2.zeroRevenue' });
      } else {
        r.portfolioRate = r.totalCm / r.totalRevenue;
        if (values.portfolioTarget !== undefined) r.portfolioPass = round9(r.portfolioRate) >= round9(values.portfolioTarget);
      }
      const targets = need(values, 'targetCash', 'targetGrowth', 'targetRd', 'tolerance');
      if (targets) {
        const target: Record<ProductRole, number> = { cash: targets.targetCash, growth: targets.targetGrowth, rd: targets.targetRd };
        const targetSum = target.cash + target.growth + target.rd;
        if (Math.abs(round9(targetSum) - 1) > 0.005) issues.push({ severity: 'warning', field: 'targetRd', code: 'c04_2.targetsNot100', params: { sum: { percent: targetSum } } });
        const tol = round9(targets.tolerance);
        const revenue = r.totalRevenue;
        r.mix = productRoles.map((role) => {
          const inRole = lines.filter((l) => l.role === role);
          const byCount = inRole.length / lines.length;
          const byRevenue = round9(revenue) > 0 ? inRole.reduce((a, l) => a + l.revenue!, 0) / revenue : 0;
          const deviationByCount = byCount - target[role];
          const deviationByRevenue = byRevenue - target[role];
          return {
            role,
            target: target[role],
            byCount,
            byRevenue,
            deviationByCount,
            deviationByRevenue,
            passByCount: Math.abs(round9(deviationByCount)) <= tol,
            passByRevenue: round9(revenue) > 0 && Math.abs(round9(deviationByRevenue)) <= tol,
          };
        });
        r.mixPass = r.mix.every((m) => m.passByCount && m.passByRevenue);
      }
    } else if (rows.length > 0) {
      issues.push({ severity: 'info', code: 'c04_2.portfolioWaits' });
    }

    if (dropNonFinite(r).length) issues.push({ severity: 'warning', code: 'c04_2.tooExtreme' });
    return { results: r, issues };
  },
});
