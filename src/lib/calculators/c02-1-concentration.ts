/**
 * C02.1 Market concentration: CR-n and HHI (methodology chapter 2.2).
 *
 * Shares sorted descending; `CR_n = Σ_{i≤n} s_i`; `HHI = Σ s_i²` with s in percent, on the
 * 0–10,000 scale. "All others" is either typed or `100 − Σ named`; as fully fragmented it adds
 * about 0 (lower bound = named-firm HHI), as one firm it adds `s_others²` (upper bound).
 * Equivalent number of equal firms `= 10,000/HHI` from the named-firm HHI (guard HHI = 0).
 * Guard: named shares above 100% (+0.5 point rounding tolerance).
 *
 * Bands, both applied to the lower and the upper bound (E7):
 * - 2010 US Horizontal Merger Guidelines §5.3 (editable, the default): unconcentrated below
 *   1,500; moderately concentrated 1,500–2,500; highly concentrated above 2,500 (so 1,500 is
 *   moderate and 2,500 is still moderate).
 * - 2023 US Merger Guidelines §2.1 (Guideline 1; fixed, for comparison): highly concentrated
 *   above 1,800. The 2023 text names only that cut-off; the moderate band 1,000–1,800 and
 *   "unconcentrated below 1,000" follow the agencies' HHI explanation that cites §2.1.
 * The CR-n rule is the playbook's: CR5 above 60% (strict) → study rivals' new-product cycles and
 * lower-tier channel moves, and build differentiation.
 */
import { defineCalculator, dropNonFinite, need, round9, type Issue } from '../kit/calculator';
import { MAX_FIELD_LENGTH } from '../kit/fields';
import type { RawRow } from '../kit/rows';
import { bandRanges, type BandRange } from './engines/band-ranges';
import { classifyBand, type BandScale } from './engines/bands';

export const concentrationBands = ['unconcentrated', 'moderate', 'high'] as const;
export type ConcentrationBand = (typeof concentrationBands)[number];

/** 2023 Merger Guidelines bands (see the header for the source of each cut-off). */
export const HHI_2023: BandScale<ConcentrationBand> = {
  direction: 'higherIsWorse',
  bands: concentrationBands,
  thresholds: [1000, { at: 1800, onThreshold: 'lower' }],
};

/** 2010 Horizontal Merger Guidelines bands with the reader's cut-offs (defaults 1,500 and 2,500). */
export function hhi2010(moderateFrom: number, highAbove: number): BandScale<ConcentrationBand> {
  return { direction: 'higherIsWorse', bands: concentrationBands, thresholds: [moderateFrom, { at: highAbove, onThreshold: 'lower' }] };
}

/** Named shares may add up to this much above 100% before they are refused (rounded inputs). */
export const SUM_TOLERANCE = 0.005;

export interface FirmShare {
  /** Table row, or null for "all others". */
  row: number | null;
  name: string;
  share: number;
  /** (100·s)², the firm's HHI contribution. */
  squared: number;
  cumulative: number;
}

export interface BandPair {
  lower: ConcentrationBand;
  upper: ConcentrationBand;
}

export interface ConcentrationResults {
  /** Named firms, largest first, then "all others" as the last bar (the Pareto view). */
  pareto: FirmShare[];
  namedTotal: number;
  others: number;
  /** True when "all others" was computed as 100% − Σ named. */
  othersComputed: boolean;
  /** n actually used (fewer when fewer firms are named). */
  n: number;
  crN: number;
  /** CR-n above the cut-off (strict). */
  crFlag: boolean;
  hhiNamed: number;
  hhiUpper: number;
  equivalentFirms: number;
  bands2010: BandPair;
  bands2023: BandPair;
  /** Legends for both editions, as the classifier applies them. */
  ranges2010: BandRange<ConcentrationBand>[];
  ranges2023: BandRange<ConcentrationBand>[];
}

export const firmColumns = {
  name: { kind: 'text', maxLength: MAX_FIELD_LENGTH, optional: true },
  share: { kind: 'percent', min: 0, max: 1 },
} as const;
export type FirmColumns = typeof firmColumns;

/** Chapter 2 worked example: five leading brands 25 / 15 / 10 / 7 / 5%, all others 38% (names: `exampleFirms` in the strings). */
export const exampleFirmRows: RawRow<FirmColumns>[] = ['25', '15', '10', '7', '5'].map((share) => ({ name: '', share }));
/** Illustrative defaults: a more concentrated market with six named firms. */
export const defaultFirmRows: RawRow<FirmColumns>[] = ['32', '21', '12', '9', '6', '4'].map((share) => ({ name: '', share }));
export const blankFirmRow = (): RawRow<FirmColumns> => ({ name: '', share: '' });

const hhiCut = { kind: 'number', min: 0, max: 10_000 } as const;

export const concentration = defineCalculator({
  id: 'C02.1',
  fields: {
    others: { kind: 'percent', min: 0, max: 1, optional: true },
    n: { kind: 'count', min: 1, max: 200 },
    crThreshold: { kind: 'percent', min: 0, max: 1 },
    moderateFrom: hhiCut,
    highAbove: hhiCut,
  },
  defaults: { others: '', n: '4', crThreshold: '60', moderateFrom: '1500', highAbove: '2500' },
  example: { others: '38', n: '5', crThreshold: '60', moderateFrom: '1500', highAbove: '2500' },
  table: { columns: firmColumns, minRows: 1, maxRows: 200 },
  defaultRows: defaultFirmRows,
  exampleRows: exampleFirmRows,
  compute(values, rows) {
    const r: Partial<ConcentrationResults> = {};
    const issues: Issue[] = [];

    const ranges2023 = bandRanges(HHI_2023);
    if (ranges2023.ok) r.ranges2023 = ranges2023.ranges;
    let scale2010: BandScale<ConcentrationBand> | undefined;
    const cuts = need(values, 'moderateFrom', 'highAbove');
    if (cuts) {
      const candidate = hhi2010(cuts.moderateFrom, cuts.highAbove);
      const ranges = bandRanges(candidate);
      if (ranges.ok) {
        scale2010 = candidate;
        r.ranges2010 = ranges.ranges;
      } else {
        issues.push({ severity: 'error', field: 'highAbove', code: 'c02_1.bandsOrder' });
      }
    }

    // Every share row must read: a missing firm would understate every figure.
    const firms: { row: number; name: string; share: number }[] = [];
    let complete = true;
    rows.forEach((read, i) => {
      if (read.values.share === undefined) {
        complete = false;
        issues.push({ severity: 'error', row: i, column: 'share', code: 'c02_1.shareNeeded' });
      } else {
        firms.push({ row: i, name: read.values.name ?? '', share: read.values.share });
      }
    });
    if (rows.length === 0) issues.push({ severity: 'error', code: 'c02_1.noFirms' });
    if (!complete || firms.length === 0) {
      if (dropNonFinite(r).length) issues.push({ severity: 'warning', code: 'c02_1.tooExtreme' });
      return { results: r, issues };
    }

    const namedTotal = firms.reduce((a, f) => a + f.share, 0);
    r.namedTotal = namedTotal;
    if (round9(namedTotal) > 1 + SUM_TOLERANCE) {
      issues.push({ severity: 'error', code: 'c02_1.namedAbove100', params: { sum: { percent: namedTotal } } });
      return { results: r, issues };
    }

    // Stable sort: equal shares keep table order.
    const sorted = [...firms].sort((a, b) => b.share - a.share || a.row - b.row);
    const pct = (s: number) => 100 * s;
    r.hhiNamed = sorted.reduce((a, f) => a + pct(f.share) ** 2, 0);

    if (values.n !== undefined) {
      r.n = Math.min(values.n, sorted.length);
      if (values.n > sorted.length) issues.push({ severity: 'info', field: 'n', code: 'c02_1.fewerFirmsThanN', params: { n: values.n, firms: sorted.length } });
      r.crN = sorted.slice(0, r.n).reduce((a, f) => a + f.share, 0);
      if (values.crThreshold !== undefined) r.crFlag = round9(r.crN) > round9(values.crThreshold);
    }

    if (round9(r.hhiNamed) > 0) r.equivalentFirms = 10_000 / r.hhiNamed;
    else issues.push({ severity: 'warning', code: 'c02_1.zeroHhi' });

    let cumulative = 0;
    r.pareto = sorted.map((f) => {
      cumulative += f.share;
      return { row: f.row, name: f.name, share: f.share, squared: pct(f.share) ** 2, cumulative };
    });

    // "All others": typed, or the rest of 100%. Sums within the tolerance above 100% leave 0.
    if (values.others !== undefined) {
      const typed = values.others;
      const others = typed ?? Math.max(0, 1 - namedTotal);
      r.others = others;
      r.othersComputed = typed === null;
      if (typed !== null && round9(namedTotal + typed) > 1 + SUM_TOLERANCE) {
        issues.push({ severity: 'error', field: 'others', code: 'c02_1.totalAbove100', params: { sum: { percent: namedTotal + typed } } });
      } else {
        if (typed !== null && round9(namedTotal + typed) < 1 - SUM_TOLERANCE) {
          issues.push({ severity: 'warning', field: 'others', code: 'c02_1.totalBelow100', params: { sum: { percent: namedTotal + typed } } });
        }
        r.hhiUpper = r.hhiNamed + pct(others) ** 2;
        if (others > 0) r.pareto.push({ row: null, name: '', share: others, squared: pct(others) ** 2, cumulative: cumulative + others });
      }
    }

    // Bands of the range [named-firm HHI, HHI with "all others" as one firm].
    const bandsOf = (scale: BandScale<ConcentrationBand>, upperHhi: number): BandPair | undefined => {
      const lower = classifyBand(r.hhiNamed!, scale);
      const upper = classifyBand(upperHhi, scale);
      return lower.ok && upper.ok ? { lower: lower.band, upper: upper.band } : undefined;
    };
    if (r.hhiUpper !== undefined) {
      const b2023 = bandsOf(HHI_2023, r.hhiUpper);
      if (b2023) r.bands2023 = b2023;
      const b2010 = scale2010 ? bandsOf(scale2010, r.hhiUpper) : undefined;
      if (b2010) r.bands2010 = b2010;
    }

    if (dropNonFinite(r).length) issues.push({ severity: 'warning', code: 'c02_1.tooExtreme' });
    return { results: r, issues };
  },
});
