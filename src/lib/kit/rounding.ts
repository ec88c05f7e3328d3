/**
 * Largest-remainder rounding: rounds each part to `decimals` places so that the rounded
 * parts add up exactly to the rounded total (budget splits to the cent, shares to 100%).
 * Works in integer units of 10^-decimals to avoid binary drift.
 */
export function largestRemainder(values: readonly number[], decimals = 2, total?: number): number[] {
  const scale = 10 ** decimals;
  const exactUnits = values.map((v) => v * scale);
  const targetUnits = Math.round((total ?? values.reduce((a, b) => a + b, 0)) * scale);
  // Non-finite parts or totals cannot be balanced: round each part on its own (the kit's guard
  // then removes whatever is not finite). Past 2^53 units whole units no longer exist either.
  if (!Number.isFinite(targetUnits) || exactUnits.some((u) => !Number.isFinite(u)) || Math.abs(targetUnits) > Number.MAX_SAFE_INTEGER) {
    return values.map((v) => Math.round(v * scale) / scale);
  }
  const floors = exactUnits.map((u) => Math.floor(u + 1e-9));
  let remaining = targetUnits - floors.reduce((a, b) => a + b, 0);
  const order = exactUnits
    .map((u, i) => ({ i, rest: u - Math.floor(u + 1e-9) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  const result = [...floors];
  if (order.length === 0) return result;
  // `remaining` is at most the number of parts unless the caller's total disagrees with the
  // parts; spread any excess evenly first so the loop below stays short.
  const even = Math.trunc(remaining / order.length);
  if (even !== 0) {
    for (let i = 0; i < result.length; i++) result[i]! += even;
    remaining -= even * order.length;
  }
  // Bounded by the number of parts: once `remaining` is spread it is below order.length.
  for (let k = 0, steps = 0; remaining !== 0 && steps < 2 * order.length; k = (k + 1) % order.length, steps++) {
    const step = remaining > 0 ? 1 : -1;
    result[order[k]!.i]! += step;
    remaining -= step;
  }
  return result.map((u) => u / scale);
}

/**
 * Converts an amount to whole units of 10^-decimals (cents by default), rounding to the nearest
 * unit, up or down. A product that binary floating point puts a hair off a whole unit
 * (0.29 × 100 = 28.999999999999996) snaps to that unit first. The snap tolerance grows with the
 * magnitude because `round9` cannot snap large numbers (x·10⁹ exceeds 2⁵³ above ~9·10⁶).
 */
export function toUnits(value: number, mode: 'nearest' | 'up' | 'down' = 'nearest', decimals = 2): number {
  const units = value * 10 ** decimals;
  const nearest = Math.round(units);
  if (Math.abs(units - nearest) <= Math.max(1e-6, Math.abs(units) * 1e-15)) return nearest;
  return mode === 'up' ? Math.ceil(units) : mode === 'down' ? Math.floor(units) : nearest;
}
