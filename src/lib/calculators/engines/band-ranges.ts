/**
 * E7 band engine: each band's numeric range, for legends and chart guides (C02.1). Apart from
 * `bands.ts` so the calculators that only classify do not load it.
 */
import type { Guarded } from './normal';
import { atOf, checkBandScale, sideOf, type BandScale, type BandScaleGuard } from './bands';

/** One band's stretch of the number line, for legends ("1,500–2,500") and chart guides. */
export interface BandRange<B extends string = string> {
  band: B;
  /** Numerically lower end; absent for the band that runs down without limit. */
  from?: number;
  fromIncluded: boolean;
  /** Numerically upper end; absent for the band that runs up without limit. */
  to?: number;
  toIncluded: boolean;
}

/**
 * Every band of a valid scale with its numeric range, in band order (calmest first), so the
 * UI can print the cut-offs exactly as the classifier applies them.
 */
export function bandRanges<B extends string>(scale: BandScale<B>): Guarded<{ ranges: BandRange<B>[] }, BandScaleGuard> {
  const guard = checkBandScale(scale);
  if (guard) return { ok: false, reason: guard };
  const ranges: BandRange<B>[] = scale.bands.map((band) => ({ band, fromIncluded: false, toIncluded: false }));
  scale.thresholds.forEach((t, i) => {
    const at = atOf(t);
    const upperOwnsIt = sideOf(t) === 'upper';
    // Higher is worse: band i lies below the threshold, band i + 1 above; lower is worse: the reverse.
    const [below, above] = scale.direction === 'higherIsWorse' ? [ranges[i]!, ranges[i + 1]!] : [ranges[i + 1]!, ranges[i]!];
    below.to = at;
    below.toIncluded = !upperOwnsIt;
    above.from = at;
    above.fromIncluded = upperOwnsIt;
  });
  return { ok: true, ranges };
}
