/**
 * C03.2 Segment attractiveness and selection matrix (methodology chapter 3.2).
 *
 * Variant: E1 min–max rescale across the segments onto 1–5 for size and growth (higher is
 * better) and competitive intensity (lower is better; max = min scores 3); resource fit (mean
 * of product, channel and funds sub-scores) and margin potential are used as typed. Weighted
 * total = E1 weighted score over the criteria with weight > 0. Attractiveness A = weighted mean
 * of size, growth and competition; ability to win B = fit. Nine-cell (GE–McKinsey style, a
 * suggested display): each axis low (< 2.33), medium (2.33–3.67 inclusive) or high (> 3.67),
 * scored 1/2/3; sum ≥ 5 invest/grow, = 4 selective, ≤ 3 harvest/avoid.
 */
import { defineCalculator, round9, type Issue } from '../kit/calculator';
import { MAX_FIELD_LENGTH } from '../kit/fields';
import type { RawRow } from '../kit/rows';
import { minMaxRescale, weightedScore } from './engines/weighted-score';

export const competitionBases = ['leaderShare', 'cr5', 'hhi'] as const;
export type CompetitionBasis = (typeof competitionBases)[number];

export const criteria = ['size', 'growth', 'competition', 'fit', 'margin'] as const;
export type Criterion = (typeof criteria)[number];
const marketCriteria = ['size', 'growth', 'competition'] as const;

export type Level = 1 | 2 | 3;
export type Recommendation = 'invest' | 'selective' | 'harvest';
export type SegmentFlag = 'dominated' | 'concentrated' | 'niche' | 'highPotential';

/** Nine-cell cut-offs on the 1–5 scale: exactly 2.33 and 3.67 (not 7/3 and 11/3). */
export const LOW_CUT = 2.33;
export const HIGH_CUT = 3.67;

export function level(score: number): Level {
  const x = round9(score);
  if (x < LOW_CUT) return 1;
  if (x > HIGH_CUT) return 3;
  return 2;
}

export function recommend(sum: number): Recommendation {
  return sum >= 5 ? 'invest' : sum === 4 ? 'selective' : 'harvest';
}

export interface SegmentResult {
  row: number;
  name: string;
  size?: number;
  growth?: number;
  /** The competition measure used for the score (per the chosen basis). */
  competition?: number;
  /** Mean of the three resource-fit sub-scores. */
  fit?: number;
  margin?: number;
  /** 1–5 score per criterion. */
  scores: Partial<Record<Criterion, number>>;
  total?: number;
  /** 1 = most attractive; equal totals share a rank. */
  rank?: number;
  attractiveness?: number;
  ability?: number;
  attractivenessLevel?: Level;
  abilityLevel?: Level;
  cellSum?: number;
  recommendation?: Recommendation;
  flags: SegmentFlag[];
  /** √(size ÷ largest size), 0–1: the bubble radius relative to the largest segment. */
  relativeRadius?: number;
}

export interface SegmentAttractivenessResults {
  segments: SegmentResult[];
  /** Row indices of the segments with a total, best first (equal totals: table order). */
  ranking: number[];
  /** Each criterion's weight ÷ Σ weights. */
  weightShares: Record<Criterion, number>;
}

const oneToFive = { kind: 'number', min: 1, max: 5 } as const;
const optionalShare = { kind: 'percent', min: 0, max: 1, optional: true } as const;
const weight = { kind: 'number', min: 0, max: 1000 } as const;

export const segmentColumns = {
  name: { kind: 'text', maxLength: MAX_FIELD_LENGTH, optional: true },
  size: { kind: 'money', min: 0 },
  growth: { kind: 'percent', min: -1, max: 10 },
  leaderShare: optionalShare,
  cr5: optionalShare,
  hhi: { kind: 'number', min: 0, max: 10_000, optional: true },
  fitProduct: oneToFive,
  fitChannel: oneToFive,
  fitFunds: oneToFive,
  margin: { kind: 'number', min: 1, max: 5, optional: true },
} as const;
export type SegmentColumns = typeof segmentColumns;

/**
 * The four seed segments (illustrative figures): women 25–45 with middle-to-high income
 * (premium skincare), business professionals (high-performance electronics), eco-conscious
 * buyers (sustainable goods), northern-region buyers (warmth products). Names are left empty
 * here; the island fills them in the reader's language.
 */
export const seedSegments: RawRow<SegmentColumns>[] = [
  { name: '', size: '252000000', growth: '12', leaderShare: '35', cr5: '65', hhi: '', fitProduct: '4', fitChannel: '4', fitFunds: '3', margin: '4' },
  { name: '', size: '400000000', growth: '6', leaderShare: '55', cr5: '80', hhi: '', fitProduct: '2', fitChannel: '2', fitFunds: '2', margin: '3' },
  { name: '', size: '80000000', growth: '18', leaderShare: '10', cr5: '30', hhi: '', fitProduct: '4', fitChannel: '4', fitFunds: '4', margin: '4' },
  { name: '', size: '120000000', growth: '4', leaderShare: '20', cr5: '45', hhi: '', fitProduct: '4', fitChannel: '5', fitFunds: '4', margin: '2' },
];

/**
 * The worked example chapter 3 prints next to the calculator (illustrative figures): a skincare
 * company's four candidate segments, one per segmentation base, scored on the default weights;
 * totals 3.82, 3.22, 1.86 and 2.67 (A invest, B selective, C and D harvest). Names come from the
 * island in the reader's language.
 */
export const chapterSegments: RawRow<SegmentColumns>[] = [
  { name: '', size: '252000000', growth: '12', leaderShare: '35', cr5: '', hhi: '', fitProduct: '4', fitChannel: '4', fitFunds: '3', margin: '' },
  { name: '', size: '80000000', growth: '18', leaderShare: '20', cr5: '', hhi: '', fitProduct: '3', fitChannel: '3', fitFunds: '2', margin: '' },
  { name: '', size: '120000000', growth: '6', leaderShare: '55', cr5: '', hhi: '', fitProduct: '4', fitChannel: '3', fitFunds: '3', margin: '' },
  { name: '', size: '150000000', growth: '9', leaderShare: '25', cr5: '', hhi: '', fitProduct: '2', fitChannel: '2', fitFunds: '2', margin: '' },
];

/** A new, empty segment row. */
export function blankSegment(name = ''): RawRow<SegmentColumns> {
  return { name, size: '', growth: '', leaderShare: '', cr5: '', hhi: '', fitProduct: '3', fitChannel: '3', fitFunds: '3', margin: '' };
}

const fields = {
  competitionBasis: { kind: 'choice', options: competitionBases },
  weightSize: weight,
  weightGrowth: weight,
  weightCompetition: weight,
  weightFit: weight,
  weightMargin: weight,
  leaderCutoff: { kind: 'percent', min: 0, max: 1 },
  cr5Cutoff: { kind: 'percent', min: 0, max: 1 },
  fitCutoff: oneToFive,
  growthCutoff: { kind: 'percent', min: -1, max: 10 },
} as const;

const defaults = {
  competitionBasis: 'leaderShare',
  weightSize: '30',
  weightGrowth: '25',
  weightCompetition: '20',
  weightFit: '25',
  weightMargin: '0',
  leaderCutoff: '50',
  cr5Cutoff: '60',
  fitCutoff: '2',
  growthCutoff: '12',
};

const weightField: Record<Criterion, keyof typeof fields> = {
  size: 'weightSize',
  growth: 'weightGrowth',
  competition: 'weightCompetition',
  fit: 'weightFit',
  margin: 'weightMargin',
};

export const segmentAttractiveness = defineCalculator({
  id: 'C03.2',
  fields,
  defaults,
  example: { ...defaults },
  table: { columns: segmentColumns, minRows: 2, maxRows: 8 },
  defaultRows: seedSegments,
  exampleRows: chapterSegments,
  compute(values, rows) {
    const issues: Issue[] = [];
    if (rows.length < 2) issues.push({ severity: 'error', code: 'c03_2.tooFewSegments', params: { min: 2 } });
    if (rows.length > 8) issues.push({ severity: 'error', code: 'c03_2.tooManySegments', params: { max: 8 } });
    const basis = values.competitionBasis;

    const segments: SegmentResult[] = rows.map((row, i) => {
      const v = row.values;
      const seg: SegmentResult = { row: i, name: v.name ?? '', scores: {}, flags: [] };
      if (v.size !== undefined) seg.size = v.size;
      if (v.growth !== undefined) seg.growth = v.growth;
      if (v.fitProduct !== undefined && v.fitChannel !== undefined && v.fitFunds !== undefined) {
        seg.fit = (v.fitProduct + v.fitChannel + v.fitFunds) / 3;
      }
      if (v.margin != null) seg.margin = v.margin;
      if (basis !== undefined) {
        const measure = v[basis];
        if (measure === null) issues.push({ severity: 'error', row: i, column: basis, code: 'c03_2.competitionNeeded' });
        else if (measure !== undefined) seg.competition = measure;
      }
      if (v.leaderShare != null && v.cr5 != null && round9(v.cr5) < round9(v.leaderShare)) {
        issues.push({ severity: 'warning', row: i, column: 'cr5', code: 'c03_2.cr5BelowLeader' });
      }
      // Seed rules as flags.
      if (v.leaderShare != null && values.leaderCutoff !== undefined && round9(v.leaderShare) >= round9(values.leaderCutoff)) seg.flags.push('dominated');
      if (v.cr5 != null && values.cr5Cutoff !== undefined && round9(v.cr5) > round9(values.cr5Cutoff)) seg.flags.push('concentrated');
      if (seg.fit !== undefined && values.fitCutoff !== undefined && round9(seg.fit) <= round9(values.fitCutoff)) seg.flags.push('niche');
      if (seg.growth !== undefined && values.growthCutoff !== undefined && round9(seg.growth) >= round9(values.growthCutoff)) seg.flags.push('highPotential');
      return seg;
    });

    // E1 min–max rescale across the segments that have the value.
    const rescale = (criterion: 'size' | 'growth' | 'competition', higherIsBetter: boolean) => {
      const present = segments.filter((s) => s[criterion] !== undefined).map((s) => s[criterion]!);
      if (present.length === 0) return;
      const min = Math.min(...present);
      const max = Math.max(...present);
      for (const s of segments) if (s[criterion] !== undefined) s.scores[criterion] = minMaxRescale(s[criterion]!, min, max, higherIsBetter);
    };
    rescale('size', true);
    rescale('growth', true);
    rescale('competition', false);
    for (const s of segments) {
      if (s.fit !== undefined) s.scores.fit = s.fit;
      if (s.margin !== undefined) s.scores.margin = s.margin;
    }

    const sizes = segments.filter((s) => s.size !== undefined).map((s) => s.size!);
    const largest = sizes.length ? Math.max(...sizes) : 0;
    for (const s of segments) {
      if (s.size === undefined) continue;
      s.relativeRadius = largest > 0 ? Math.sqrt(s.size / largest) : 1;
    }

    // Weights: every weight must have read for a total; a weight of 0 leaves its criterion out.
    const weights: Partial<Record<Criterion, number>> = {};
    for (const c of criteria) {
      const w = values[weightField[c]];
      if (typeof w === 'number') weights[c] = w;
    }
    const allWeightsRead = criteria.every((c) => weights[c] !== undefined);
    const sumW = criteria.reduce((a, c) => a + (weights[c] ?? 0), 0);
    const sumMarketW = marketCriteria.reduce((a, c) => a + (weights[c] ?? 0), 0);
    let weightShares: Record<Criterion, number> | undefined;
    if (allWeightsRead && round9(sumW) === 0) {
      issues.push({ severity: 'error', field: 'weightSize', code: 'c03_2.weightsZero' });
    } else if (allWeightsRead) {
      weightShares = Object.fromEntries(criteria.map((c) => [c, weights[c]! / sumW])) as Record<Criterion, number>;
      if (round9(sumMarketW) === 0) issues.push({ severity: 'warning', field: 'weightSize', code: 'c03_2.marketWeightsZero' });
    }

    if (allWeightsRead && (weights.margin ?? 0) > 0) {
      for (const s of segments) {
        if (rows[s.row]!.values.margin === null) issues.push({ severity: 'error', row: s.row, column: 'margin', code: 'c03_2.marginNeeded' });
      }
    }

    /** E1 over the given criteria with weight > 0; undefined if one of those scores is missing. */
    const score = (s: SegmentResult, over: readonly Criterion[]): number | undefined => {
      const used = over.filter((c) => (weights[c] ?? 0) > 0);
      if (!allWeightsRead || used.length === 0 || used.some((c) => s.scores[c] === undefined)) return undefined;
      return weightedScore(used.map((c) => s.scores[c]!), used.map((c) => weights[c]!)) ?? undefined;
    };
    for (const s of segments) {
      const total = score(s, criteria);
      if (total !== undefined) s.total = total;
      const a = score(s, marketCriteria);
      if (a !== undefined) s.attractiveness = a;
      if (s.fit !== undefined) s.ability = s.fit;
      if (s.attractiveness !== undefined && s.ability !== undefined) {
        s.attractivenessLevel = level(s.attractiveness);
        s.abilityLevel = level(s.ability);
        s.cellSum = s.attractivenessLevel + s.abilityLevel;
        s.recommendation = recommend(s.cellSum);
      }
    }

    // Rank by total, best first; equal totals (to 9 decimals) share a rank.
    const ranked = segments.filter((s) => s.total !== undefined).sort((a, b) => round9(b.total!) - round9(a.total!) || a.row - b.row);
    ranked.forEach((s, i) => {
      const previous = ranked[i - 1];
      s.rank = previous && round9(previous.total!) === round9(s.total!) ? previous.rank! : i + 1;
    });
    if (rows.length >= 2 && ranked.length < 2 && allWeightsRead && round9(sumW) > 0) {
      issues.push({ severity: 'warning', code: 'c03_2.tooFewComplete', params: { min: 2 } });
    }

    const results: Partial<SegmentAttractivenessResults> = { segments, ranking: ranked.map((s) => s.row) };
    if (weightShares) results.weightShares = weightShares;
    return { results, issues };
  },
});
