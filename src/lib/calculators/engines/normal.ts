/**
 * The standard normal distribution, as the proportions engine (E2) and the NPS engine (E3) use it.
 * Its own module so a calculator that needs only Φ (C04.3's NPS interval) does not load E2.
 */

export type Guarded<T, Reason extends string> = ({ ok: true } & T) | { ok: false; reason: Reason };

/**
 * Standard normal CDF Φ(x). Hart's double-precision rational approximation (as published by
 * G. West, "Better approximations to cumulative normal functions", 2005): absolute error about
 * 1e-16 over the whole line, and the tail is computed directly, not as 1 − (something near 1).
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const a = Math.abs(x);
  let tail: number;
  if (a > 37) {
    tail = 0;
  } else {
    const e = Math.exp((-a * a) / 2);
    if (a < 7.07106781186547) {
      let n = 3.52624965998911e-2 * a + 0.700383064443688;
      n = n * a + 6.37396220353165;
      n = n * a + 33.912866078383;
      n = n * a + 112.079291497871;
      n = n * a + 221.213596169931;
      n = n * a + 220.206867912376;
      let d = 8.83883476483184e-2 * a + 1.75566716318264;
      d = d * a + 16.064177579207;
      d = d * a + 86.7807322029461;
      d = d * a + 296.564248779674;
      d = d * a + 637.333633378831;
      d = d * a + 793.826512519948;
      d = d * a + 440.413735824752;
      tail = (e * n) / d;
    } else {
      let b = a + 0.65;
      b = a + 4 / b;
      b = a + 3 / b;
      b = a + 2 / b;
      b = a + 1 / b;
      tail = e / b / 2.506628274631;
    }
  }
  return x > 0 ? 1 - tail : tail;
}
