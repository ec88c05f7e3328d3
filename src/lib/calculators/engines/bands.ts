/**
 * E7 Band classifier (methodology, "Shared formula engines"): ordered thresholds with a
 * direction turn a value into a band. Used for concentration bands (C02.1), red/yellow/blue
 * warnings (C13.3), risk levels and score bands (C13.1), RAG status (C14.1) and tier cut-offs.
 *
 * A scale lists its bands from the calmest (no threshold reached) to the most severe, and one
 * threshold between each pair of neighbours:
 * - `higherIsWorse`: thresholds ascend; band i + 1 is reached at `value ≥ threshold i`;
 * - `lowerIsWorse`: thresholds descend; band i + 1 is reached at `value < threshold i`.
 * Either way a value exactly on a threshold goes to the numerically upper class (the
 * methodology's convention). Where a rule states the side itself ("above 2,500", "L1 ≤ 20%"),
 * that threshold is written `{ at, onThreshold: 'lower' }` and a value on it goes to the
 * numerically lower class. Value and thresholds are compared after rounding to 9 decimals.
 *
 * Bands are the caller's ids; labels and colours belong to the UI (map the id, or `severity`,
 * to a colour). Pure function: no exceptions, no NaN; a malformed scale or value returns a
 * stable reason for the caller to turn into its own message code.
 */
import { round9 } from '../../kit/calculator';
import type { Guarded } from './normal';

export type BandDirection = 'higherIsWorse' | 'lowerIsWorse';

/** Which of the two neighbouring classes owns a value exactly on the threshold (numerically). */
export type ThresholdSide = 'upper' | 'lower';

/** A threshold: a plain number (on-threshold values go upper), or a number with its side stated. */
export type Threshold = number | { at: number; onThreshold: ThresholdSide };

export interface BandScale<B extends string = string> {
  direction: BandDirection;
  /** Bands from the calmest (no threshold reached) to the most severe. */
  bands: readonly B[];
  /** `bands.length − 1` thresholds; `thresholds[i]` is where `bands[i + 1]` is reached. */
  thresholds: readonly Threshold[];
}

export interface BandResult<B extends string = string> {
  band: B;
  /** Index of the band in `bands`: 0 = calmest. */
  severity: number;
}

export type BandScaleGuard =
  /** `thresholds.length` is not `bands.length − 1`, or there are no bands. */
  | 'bandCountMismatch'
  /** A threshold is not a finite number. */
  | 'thresholdNotFinite'
  /** Thresholds do not ascend (higher is worse) or descend (lower is worse). */
  | 'thresholdsOutOfOrder';

export type BandGuard = BandScaleGuard | 'valueNotFinite';

export const atOf = (t: Threshold): number => (typeof t === 'number' ? t : t.at);
export const sideOf = (t: Threshold): ThresholdSide => (typeof t === 'number' ? 'upper' : t.onThreshold);

/**
 * Checks a scale, e.g. one whose thresholds a reader has edited. Equal neighbouring thresholds
 * are allowed (the band between them is empty); the wrong order for the direction is not.
 */
export function checkBandScale(scale: BandScale): BandScaleGuard | null {
  if (scale.bands.length === 0 || scale.thresholds.length !== scale.bands.length - 1) return 'bandCountMismatch';
  const ats = scale.thresholds.map(atOf);
  if (!ats.every(Number.isFinite)) return 'thresholdNotFinite';
  for (let i = 1; i < ats.length; i++) {
    const previous = round9(ats[i - 1]!);
    const current = round9(ats[i]!);
    if (scale.direction === 'higherIsWorse' ? current < previous : current > previous) return 'thresholdsOutOfOrder';
  }
  return null;
}

/** True when `value` has reached the band just beyond `threshold` (both already rounded). */
function reaches(value: number, at: number, side: ThresholdSide, direction: BandDirection): boolean {
  if (direction === 'higherIsWorse') return side === 'upper' ? value >= at : value > at;
  // Lower is worse: the worse band is the numerically lower one.
  return side === 'upper' ? value < at : value <= at;
}

/** The band `value` falls in: the most severe band whose threshold it reaches. */
export function classifyBand<B extends string>(value: number, scale: BandScale<B>): Guarded<BandResult<B>, BandGuard> {
  const guard = checkBandScale(scale);
  if (guard) return { ok: false, reason: guard };
  if (!Number.isFinite(value)) return { ok: false, reason: 'valueNotFinite' };
  const x = round9(value);
  let severity = 0;
  scale.thresholds.forEach((t, i) => {
    if (reaches(x, round9(atOf(t)), sideOf(t), scale.direction)) severity = i + 1;
  });
  return { ok: true, band: scale.bands[severity]!, severity };
}
