/**
 * Ranking helper shared by the chapter 6–9 calculators: "1, 1, 3" competition ranks (equal values,
 * after rounding to 9 decimals, share a rank), best first; items without a value get no rank.
 */
import { round9 } from '../../kit/calculator';

/**
 * Ranks `values` (undefined = not ranked). `higherIsBetter` puts the largest first. Returns the
 * rank per item (undefined where the value is undefined) and the item indices in rank order
 * (equal values keep their input order).
 */
export function competitionRanks(values: readonly (number | undefined)[], higherIsBetter = true): { rank: (number | undefined)[]; order: number[] } {
  const order = values.map((_, i) => i).filter((i) => values[i] !== undefined && Number.isFinite(values[i]!));
  const key = (i: number) => (higherIsBetter ? -round9(values[i]!) : round9(values[i]!));
  order.sort((a, b) => key(a) - key(b) || a - b);
  const rank: (number | undefined)[] = values.map(() => undefined);
  order.forEach((i, k) => {
    const previous = order[k - 1];
    rank[i] = previous !== undefined && key(previous) === key(i) ? rank[previous] : k + 1;
  });
  return { rank, order };
}

/**
 * Sets `target[key] = value` only when the value is finite (a per-row result that extreme but valid
 * inputs could overflow stays absent instead of showing Infinity). Returns whether it was set.
 */
export function setFinite<T extends object, K extends keyof T>(target: T, key: K, value: number): boolean {
  if (!Number.isFinite(value)) return false;
  (target as Record<K, number>)[key] = value;
  return true;
}
