/**
 * C02.3 Environment and competitive-forces scorer (methodology chapter 2.1–2.2).
 *
 * PEST: each factor has a dimension (P, E, S, T), an impact from −5 (serious threat) to +5 (major
 * opportunity) and a weight; the net score per dimension is the E1 weighted mean
 * `net_d = Σ w_i·impact_i / Σ w_i` (guard Σw = 0: "no scored factors"), an opportunity above 0
 * and a threat below 0. Forces: rivalry, new entrants, supplier power and substitutes come from the
 * playbook; buyer power is added (the fifth force, suggested, not in the playbook's list). Each is
 * rated 1–5; the overall intensity is the weighted mean with equal weights unless edited; the
 * strongest force is the highest rating (ties: all of them, in the order listed). The radar chart's
 * data is a result. Evidence fields (CR5, substitution rate) are shown beside the ratings; a CR5
 * above the playbook's 60% with rivalry rated 3 or less gets a note.
 */
import { defineCalculator, dropNonFinite, need, round9, type Issue } from '../kit/calculator';
import { MAX_FIELD_LENGTH } from '../kit/fields';
import type { RawRow } from '../kit/rows';
import { weightedScore } from './engines/weighted-score';

export const pestDimensions = ['P', 'E', 'S', 'T'] as const;
export type PestDimension = (typeof pestDimensions)[number];
export const forces = ['rivalry', 'entrants', 'suppliers', 'substitutes', 'buyers'] as const;
export type Force = (typeof forces)[number];
export type Reading = 'opportunity' | 'threat' | 'neutral';

/** CR5 above this (strict) is the playbook's concentrated-market rule (chapter 2.2). */
export const CR5_RULE = 0.6;

export interface DimensionScore {
  dimension: PestDimension;
  /** Factors that read and carry weight. */
  factors: number;
  totalWeight: number;
  /** Absent when the dimension has no weighted factor. */
  net?: number;
  reading?: Reading;
}

export interface ForceRating {
  force: Force;
  intensity: number;
  weight: number;
}

export interface EnvironmentResults {
  dimensions: DimensionScore[];
  /** Radar data: the five forces in a fixed order. */
  forces: ForceRating[];
  overallIntensity: number;
  strongest: Force[];
  strongestIntensity: number;
}

export const factorColumns = {
  dimension: { kind: 'choice', options: pestDimensions },
  description: { kind: 'text', maxLength: MAX_FIELD_LENGTH, optional: true },
  impact: { kind: 'number', min: -5, max: 5 },
  weight: { kind: 'number', min: 0, max: 1000 },
} as const;
export type FactorColumns = typeof factorColumns;

const factor = (dimension: PestDimension, impact: string, weight: string): RawRow<FactorColumns> => ({ dimension, description: '', impact, weight });

/**
 * Chapter 2 worked example (descriptions filled in by the island in the reader's language):
 * P +4×3, −2×2; E −3×3, +3×2; S +3×2, −2×1; T +4×2, −2×1.
 */
export const exampleFactorRows: RawRow<FactorColumns>[] = [
  factor('P', '4', '3'), factor('P', '-2', '2'),
  factor('E', '-3', '3'), factor('E', '3', '2'),
  factor('S', '3', '2'), factor('S', '-2', '1'),
  factor('T', '4', '2'), factor('T', '-2', '1'),
];
/** Illustrative defaults: one factor per dimension. */
export const defaultFactorRows: RawRow<FactorColumns>[] = [factor('P', '2', '1'), factor('E', '-1', '1'), factor('S', '1', '1'), factor('T', '3', '1')];
export const blankFactorRow = (dimension: PestDimension = 'P'): RawRow<FactorColumns> => factor(dimension, '', '1');

const intensity = { kind: 'number', min: 1, max: 5 } as const;
const weight = { kind: 'number', min: 0, max: 1000 } as const;

export const environmentForces = defineCalculator({
  id: 'C02.3',
  fields: {
    rivalry: intensity,
    entrants: intensity,
    suppliers: intensity,
    substitutes: intensity,
    buyers: intensity,
    weightRivalry: weight,
    weightEntrants: weight,
    weightSuppliers: weight,
    weightSubstitutes: weight,
    weightBuyers: weight,
    cr5: { kind: 'percent', min: 0, max: 1, optional: true },
    substitutionRate: { kind: 'percent', min: 0, max: 1, optional: true },
  },
  defaults: {
    rivalry: '4', entrants: '3', suppliers: '2', substitutes: '3', buyers: '3',
    weightRivalry: '1', weightEntrants: '1', weightSuppliers: '1', weightSubstitutes: '1', weightBuyers: '1',
    cr5: '', substitutionRate: '17',
  },
  example: {
    rivalry: '5', entrants: '2', suppliers: '3', substitutes: '3', buyers: '4',
    weightRivalry: '1', weightEntrants: '1', weightSuppliers: '1', weightSubstitutes: '1', weightBuyers: '1',
    cr5: '62', substitutionRate: '17',
  },
  table: { columns: factorColumns, minRows: 0, maxRows: 200 },
  defaultRows: defaultFactorRows,
  exampleRows: exampleFactorRows,
  compute(values, rows) {
    const r: Partial<EnvironmentResults> = {};
    const issues: Issue[] = [];

    // PEST: a row that does not read is reported and left out of its dimension.
    const byDimension = new Map<PestDimension, { impacts: number[]; weights: number[] }>(pestDimensions.map((d) => [d, { impacts: [], weights: [] }]));
    rows.forEach((read, i) => {
      const v = read.values;
      if (v.dimension === undefined || v.impact === undefined || v.weight === undefined) {
        issues.push({ severity: 'warning', row: i, code: 'c02_3.factorSkipped' });
        return;
      }
      const bucket = byDimension.get(v.dimension)!;
      bucket.impacts.push(v.impact);
      bucket.weights.push(v.weight);
    });
    r.dimensions = pestDimensions.map((dimension) => {
      const { impacts, weights } = byDimension.get(dimension)!;
      const totalWeight = weights.reduce((a, b) => a + b, 0);
      const score: DimensionScore = { dimension, factors: weights.filter((w) => w > 0).length, totalWeight };
      const net = weightedScore(impacts, weights);
      if (net === null) {
        issues.push({ severity: 'info', code: 'c02_3.noFactors', params: { dimension } });
      } else {
        score.net = net;
        const x = round9(net);
        score.reading = x > 0 ? 'opportunity' : x < 0 ? 'threat' : 'neutral';
      }
      return score;
    });

    // Forces: every rating and weight must read for the overall figure; the radar shows those that did.
    const weightKey = {
      rivalry: 'weightRivalry',
      entrants: 'weightEntrants',
      suppliers: 'weightSuppliers',
      substitutes: 'weightSubstitutes',
      buyers: 'weightBuyers',
    } as const;
    const rated: ForceRating[] = [];
    for (const force of forces) {
      const level = values[force];
      const w = values[weightKey[force]];
      if (level !== undefined && w !== undefined) rated.push({ force, intensity: level, weight: w });
    }
    r.forces = rated;
    if (rated.length === forces.length) {
      const overall = weightedScore(rated.map((f) => f.intensity), rated.map((f) => f.weight));
      if (overall === null) issues.push({ severity: 'error', field: 'weightRivalry', code: 'c02_3.forceWeightsZero' });
      else r.overallIntensity = overall;
    }
    if (rated.length > 0) {
      const top = Math.max(...rated.map((f) => round9(f.intensity)));
      r.strongestIntensity = top;
      r.strongest = rated.filter((f) => round9(f.intensity) === top).map((f) => f.force);
    }

    const evidence = need(values, 'cr5', 'rivalry');
    if (evidence && round9(evidence.cr5) > CR5_RULE && evidence.rivalry <= 3) {
      issues.push({ severity: 'info', field: 'rivalry', code: 'c02_3.concentratedButCalm' });
    }

    if (dropNonFinite(r).length) issues.push({ severity: 'warning', code: 'c02_3.tooExtreme' });
    return { results: r, issues };
  },
});
