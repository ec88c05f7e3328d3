/**
 * Largest-remainder rounding: rounds each part to `decimals` places so that the rounded
 * parts add up exactly to the rounded total (budget splits to the cent, shares to 100%).
 * Works in integer units of 10^-decimals to avoid binary drift.
 */
export function largestRemainder(values: readonly number[], decimals = 2, total?: number): number[] {
  const scale = 10 ** decimals;
  const exactUnits = values.map((v) => v * scale);
  const targetUnits = Math.round((total ?? values.reduce((a, b) => a + b, 0)) * scale);
  const floors = exactUnits.map((u) => Math.floor(u + 1e-9));
  let remaining = targetUnits - floors.reduce((a, b) => a + b, 0);
  const order = exactUnits
    .map((u, i) => ({ i, rest: u - Math.floor(u + 1e-9) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  const result = [...floors];
  // `remaining` is small (≤ number of parts) unless the caller's total disagrees with the parts.
  for (let k = 0; remaining !== 0 && order.length > 0; k = (k + 1) % order.length) {
    const step = remaining > 0 ? 1 : -1;
    result[order[k]!.i]! += step;
    remaining -= step;
  }
  return result.map((u) => u / scale);
}
