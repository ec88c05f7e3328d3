/**
 * C04.1 BCG matrix and resource check (methodology chapter 4.1).
 *
 * Relative market share `RMS = own share / largest rival's share` (if the product leads, the
 * second-largest firm's share; guard rival share 0). High growth `g ≥ 10%`, high share
 * `RMS ≥ 1.0` (the standard BCG cut-offs, not the playbook's; editable; a value on the cut-off is
 * high, through the E7 band classifier): Star = high/high, Cash Cow = low growth/high share,
 * Question Mark = high growth/low share, Dog = low/low.
 * Playbook rules: Stars + Cash Cows hold 70% of resources (met within ±5 points, the tolerance
 * C12.1 uses); a Question Mark has a 3-month improvement period (months left = 3 − months since
 * classified, "expired" at 0 or below); a Dog that misses expectations for 2 or more consecutive
 * quarters goes to exit review. The bubble chart plots RMS on a logarithmic axis (high share on
 * the left), so a product with no share of its own is left off the chart with a note.
 */
import { defineCalculator, dropNonFinite, need, round9, type Issue } from '../kit/calculator';
import { MAX_FIELD_LENGTH } from '../kit/fields';
import type { RawRow } from '../kit/rows';
import { classifyBand, type BandScale } from './engines/bands';

export const quadrants = ['star', 'cashCow', 'questionMark', 'dog'] as const;
export type Quadrant = (typeof quadrants)[number];

export interface ProductResult {
  row: number;
  name: string;
  revenue?: number;
  growth?: number;
  relativeShare?: number;
  quadrant?: Quadrant;
  resourceShare?: number;
  /** Question Marks only: improvement months left (≤ 0 once the period is over). */
  monthsLeft?: number;
  improvementExpired?: boolean;
  /** Dogs only: missed expectations for the rule's number of consecutive quarters. */
  exitReview?: boolean;
  /** √(revenue ÷ largest revenue), 0–1: the bubble radius relative to the largest product. */
  relativeRadius?: number;
}

export interface QuadrantShare {
  quadrant: Quadrant;
  resourceShare: number;
  products: number;
}

export interface BcgResults {
  products: ProductResult[];
  /** Resources by quadrant (doughnut), in quadrant order. */
  byQuadrant: QuadrantShare[];
  /** Σ resource shares of all classified products. */
  resourcesTotal: number;
  starsAndCowsShare: number;
  /** starsAndCowsShare − the rule's share. */
  ruleDeviation: number;
  meetsRule: boolean;
  /** Bubble chart: x = RMS (log axis), y = growth, r = relative radius. */
  bubbles: { row: number; x: number; y: number; r: number; quadrant: Quadrant }[];
}

export const productColumns = {
  name: { kind: 'text', maxLength: MAX_FIELD_LENGTH, optional: true },
  revenue: { kind: 'money', min: 0 },
  growth: { kind: 'percent', min: -1, max: 10 },
  ownShare: { kind: 'percent', min: 0, max: 1 },
  rivalShare: { kind: 'percent', min: 0, max: 1 },
  resourceShare: { kind: 'percent', min: 0, max: 1 },
  quartersBelow: { kind: 'count', min: 0, max: 1000, optional: true },
  monthsAsQuestionMark: { kind: 'number', min: 0, max: 1200, optional: true },
} as const;
export type ProductColumns = typeof productColumns;

const product = (name: string, revenue: string, growth: string, ownShare: string, rivalShare: string, resourceShare: string, quartersBelow = '0', monthsAsQuestionMark = ''): RawRow<ProductColumns> =>
  ({ name, revenue, growth, ownShare, rivalShare, resourceShare, quartersBelow, monthsAsQuestionMark });

/**
 * Methodology and chapter 4 worked example: P1 15%/30%/20%/40%; P2 4%/35%/25%/30%;
 * P3 18%/8%/24%/20% (just classified); P4 2%/5%/30%/10% (one quarter below plan). Revenues are
 * illustrative (bubble sizes only).
 */
export const exampleProductRows: RawRow<ProductColumns>[] = [
  product('P1', '4000000', '15', '30', '20', '40'),
  product('P2', '5000000', '4', '35', '25', '30'),
  product('P3', '1200000', '18', '8', '24', '20', '0', '0'),
  product('P4', '600000', '2', '5', '30', '10', '1'),
];
/** Illustrative defaults: Stars and Cash Cows short of 70%, an expired Question Mark and a Dog due for exit review. */
export const defaultProductRows: RawRow<ProductColumns>[] = [
  product('', '3000000', '12', '25', '20', '30'),
  product('', '6000000', '5', '40', '22', '25'),
  product('', '1500000', '22', '10', '30', '25', '0', '4'),
  product('', '800000', '3', '6', '28', '20', '2'),
];
export const blankProductRow = (): RawRow<ProductColumns> => product('', '', '', '', '', '', '0', '');

const QUADRANT_OF: Record<'low' | 'high', Record<'low' | 'high', Quadrant>> = {
  high: { high: 'star', low: 'questionMark' },
  low: { high: 'cashCow', low: 'dog' },
};

export const bcgMatrix = defineCalculator({
  id: 'C04.1',
  fields: {
    growthCutoff: { kind: 'percent', min: -1, max: 10 },
    shareCutoff: { kind: 'number', above: 0, max: 1000 },
    resourceRule: { kind: 'percent', min: 0, max: 1 },
    tolerance: { kind: 'percent', min: 0, max: 1 },
    improvementMonths: { kind: 'number', min: 0, max: 120 },
    exitQuarters: { kind: 'count', min: 1, max: 40 },
  },
  defaults: { growthCutoff: '10', shareCutoff: '1', resourceRule: '70', tolerance: '5', improvementMonths: '3', exitQuarters: '2' },
  example: { growthCutoff: '10', shareCutoff: '1.0', resourceRule: '70', tolerance: '5', improvementMonths: '3', exitQuarters: '2' },
  table: { columns: productColumns, minRows: 1, maxRows: 200 },
  defaultRows: defaultProductRows,
  exampleRows: exampleProductRows,
  compute(values, rows) {
    const r: Partial<BcgResults> = {};
    const issues: Issue[] = [];
    const cut = need(values, 'growthCutoff', 'shareCutoff');
    const growthScale: BandScale<'low' | 'high'> | undefined = cut && { direction: 'higherIsWorse', bands: ['low', 'high'], thresholds: [cut.growthCutoff] };
    const shareScale: BandScale<'low' | 'high'> | undefined = cut && { direction: 'higherIsWorse', bands: ['low', 'high'], thresholds: [cut.shareCutoff] };
    const levelOf = (x: number, scale: BandScale<'low' | 'high'>) => {
      const band = classifyBand(x, scale);
      return band.ok ? band.band : undefined;
    };

    const revenues = rows.map((row) => row.values.revenue).filter((x): x is number => x !== undefined);
    const largestRevenue = revenues.length ? Math.max(...revenues) : 0;

    r.products = rows.map((read, i) => {
      const v = read.values;
      const p: ProductResult = { row: i, name: v.name ?? '' };
      if (v.revenue !== undefined) {
        p.revenue = v.revenue;
        p.relativeRadius = largestRevenue > 0 ? Math.sqrt(v.revenue / largestRevenue) : 1;
      }
      if (v.growth !== undefined) p.growth = v.growth;
      if (v.resourceShare !== undefined) p.resourceShare = v.resourceShare;
      if (v.ownShare !== undefined && v.rivalShare !== undefined) {
        if (round9(v.rivalShare) === 0) issues.push({ severity: 'error', row: i, column: 'rivalShare', code: 'c04_1.zeroRival' });
        else p.relativeShare = v.ownShare / v.rivalShare;
      }
      if (p.relativeShare !== undefined && p.growth !== undefined && growthScale && shareScale) {
        const g = levelOf(p.growth, growthScale);
        const s = levelOf(p.relativeShare, shareScale);
        if (g && s) p.quadrant = QUADRANT_OF[g][s];
      }
      if (p.quadrant === 'questionMark' && v.monthsAsQuestionMark != null && values.improvementMonths !== undefined) {
        p.monthsLeft = values.improvementMonths - v.monthsAsQuestionMark;
        p.improvementExpired = round9(p.monthsLeft) <= 0;
        if (p.improvementExpired) issues.push({ severity: 'warning', row: i, column: 'monthsAsQuestionMark', code: 'c04_1.improvementOver' });
      }
      if (p.quadrant === 'dog' && v.quartersBelow != null && values.exitQuarters !== undefined) {
        p.exitReview = v.quartersBelow >= values.exitQuarters;
        if (p.exitReview) issues.push({ severity: 'warning', row: i, column: 'quartersBelow', code: 'c04_1.dogExit', params: { quarters: v.quartersBelow } });
      }
      if (p.relativeShare !== undefined && round9(p.relativeShare) === 0) issues.push({ severity: 'info', row: i, column: 'ownShare', code: 'c04_1.offLogAxis' });
      return p;
    });

    r.bubbles = r.products
      .filter((p) => p.quadrant !== undefined && round9(p.relativeShare!) > 0 && p.relativeRadius !== undefined)
      .map((p) => ({ row: p.row, x: p.relativeShare!, y: p.growth!, r: p.relativeRadius!, quadrant: p.quadrant! }));

    // Resource check: every product must be classified and have its resource share.
    const complete = r.products.every((p) => p.quadrant !== undefined && p.resourceShare !== undefined);
    if (complete && r.products.length > 0) {
      r.byQuadrant = quadrants.map((quadrant) => {
        const inQuadrant = r.products!.filter((p) => p.quadrant === quadrant);
        return { quadrant, resourceShare: inQuadrant.reduce((a, p) => a + p.resourceShare!, 0), products: inQuadrant.length };
      });
      r.resourcesTotal = r.byQuadrant.reduce((a, q) => a + q.resourceShare, 0);
      if (round9(r.resourcesTotal) > 1.005) issues.push({ severity: 'warning', code: 'c04_1.resourcesAbove100', params: { sum: { percent: r.resourcesTotal } } });
      r.starsAndCowsShare = r.byQuadrant[0]!.resourceShare + r.byQuadrant[1]!.resourceShare;
      const rule = need(values, 'resourceRule', 'tolerance');
      if (rule) {
        r.ruleDeviation = r.starsAndCowsShare - rule.resourceRule;
        r.meetsRule = Math.abs(round9(r.ruleDeviation)) <= round9(rule.tolerance);
      }
    } else if (r.products.length > 0) {
      issues.push({ severity: 'info', code: 'c04_1.resourceCheckWaits' });
    }

    if (dropNonFinite(r).length) issues.push({ severity: 'warning', code: 'c04_1.tooExtreme' });
    return { results: r, issues };
  },
});
