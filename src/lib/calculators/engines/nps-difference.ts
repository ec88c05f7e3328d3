/**
 * E3 NPS engine, comparing two NPS (e.g. this wave against the last): the difference with its
 * Wald interval and a two-sided z-test. Apart from `nps.ts` so a calculator that measures one
 * NPS (C04.3) does not load the normal distribution.
 */
import { round9 } from '../../kit/calculator';
import { NPS_Z95, type Nps } from './nps';
import { normalCdf, type Guarded } from './normal';

export interface NpsDifference {
  /** NPS₂ − NPS₁, in points. */
  difference: number;
  /** `√(SE₁² + SE₂²)`, in points. */
  standardError: number;
  low: number;
  high: number;
  /** difference ÷ SE_diff */
  zScore: number;
  /** Two-sided `p = 2(1 − Φ(|z|))`. */
  pValue: number;
}

/**
 * Difference of two independent NPS (second minus first) with its Wald interval and a two-sided
 * z-test. Guards: `badInput` (an NPS outside −100…100, or a standard error outside 0…100,
 * the most one answer with Var = 1 can give); `noVariance` (both standard errors are 0, so the difference has no spread).
 */
export function npsDifference(
  first: Pick<Nps, 'nps' | 'standardError'>,
  second: Pick<Nps, 'nps' | 'standardError'>,
  z = NPS_Z95,
): Guarded<NpsDifference, 'badInput' | 'noVariance'> {
  const valid = (x: Pick<Nps, 'nps' | 'standardError'>) =>
    Math.abs(x.nps) <= 100 && x.standardError >= 0 && x.standardError <= 100;
  if (!valid(first) || !valid(second)) return { ok: false, reason: 'badInput' };
  const standardError = Math.sqrt(first.standardError ** 2 + second.standardError ** 2);
  if (!(round9(standardError) > 0)) return { ok: false, reason: 'noVariance' };
  const difference = second.nps - first.nps;
  const zScore = difference / standardError;
  return {
    ok: true,
    difference,
    standardError,
    low: Math.max(-200, difference - z * standardError),
    high: Math.min(200, difference + z * standardError),
    zScore,
    pValue: Math.min(1, 2 * normalCdf(-Math.abs(zScore))),
  };
}
