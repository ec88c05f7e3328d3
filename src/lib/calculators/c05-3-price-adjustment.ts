/**
 * C05.3 Discount, promotion and price-adjustment planner (methodology chapter 5.2 and 5.3).
 *
 * Five independent parts, each computed whenever its own inputs are readable:
 * (a) price change vs volume: break-even volume change ΔQ/Q = −ΔP/(CMR + ΔP) and the volume
 *     change expected from an elasticity, (1 + ΔP)^E − 1;
 * (b) tiered volume discounts, all-units (the rate of the reached tier applies to every unit)
 *     or incremental (each band at its own rate), tiers half-open [from, next from), with the
 *     "buy more, pay less" reversal zones of all-units schedules;
 * (c) promotion window length (inclusive of both dates) and the seed's checks that a time limit
 *     and a trigger are defined;
 * (d) index-linked contract price P_t = P₀·(a + b·M_t/M₀ + c·L_t/L₀) and a material shock;
 * (e) good–better–best ladder gaps and which tier anchors and which is the middle choice.
 */
import { defineCalculator, dropNonFinite, need, round9, type Issue } from '../kit/calculator';
import { completeRow, type RowRead } from '../kit/rows';
import { parseDate } from '../kit/parse-date';

export const discountModes = ['allUnits', 'incremental'] as const;
export type DiscountMode = (typeof discountModes)[number];

export type Verdict = 'rises' | 'unchanged' | 'falls';
export const ladderTiers = ['good', 'better', 'best'] as const;
export type LadderTier = (typeof ladderTiers)[number];

/** One tier of a discount schedule: from `from` units (inclusive) up to the next tier's `from` (exclusive). */
export interface DiscountTier {
  from: number;
  rate: number;
  /** Table row it came from; −1 for the implicit undiscounted base tier from 0 units. */
  row: number;
}

export interface QuantityRange {
  from: number;
  to: number;
}

export interface Reversal {
  /** The break quantity b that undercuts smaller orders. */
  breakQuantity: number;
  breakTotal: number;
  /** Whole quantities below b whose order total exceeds the total at b (inclusive ranges). */
  zones: QuantityRange[];
}

export interface LadderGap {
  lower: LadderTier;
  higher: LadderTier;
  /** P_higher / P_lower − 1 */
  gap: number;
  /** P_higher / P_lower */
  ratio: number;
}

export interface PriceAdjustmentResults {
  // (a)
  contributionRatio: number;
  newPrice: number;
  newContributionRatio: number;
  requiredVolumeChange: number;
  expectedVolumeChange: number;
  expectedContributionChange: number;
  verdict: Verdict;
  liftCurve: { depth: number; required: number | null; expected: number | null }[];
  // (b)
  tiers: (DiscountTier & { to: number | null; unitPrice: number })[];
  orderTier: number;
  orderTotal: number;
  listTotal: number;
  effectivePrice: number;
  effectiveDiscount: number;
  reversals: Reversal[];
  betterOrder: { quantity: number; total: number; saving: number };
  totalCurve: { quantity: number; total: number }[];
  // (c)
  windowDays: number;
  // (d)
  indexFactor: number;
  adjustedPrice: number;
  adjustedChange: number;
  shockFactor: number;
  shockPrice: number;
  shockChange: number;
  // (e)
  ladder: { tier: LadderTier; price: number }[];
  gaps: LadderGap[];
  anchor: LadderTier;
  middle: LadderTier;
}

// ───────────── (a) price change vs volume ─────────────

/**
 * Volume change that keeps total contribution unchanged after a signed price change ΔP (as a
 * fraction of the current price): `ΔQ/Q = −ΔP / (CMR + ΔP)`. Undefined (guard) when
 * CMR + ΔP ≤ 0, i.e. the new price does not exceed unit variable cost.
 */
export function breakEvenVolumeChange(cmr: number, priceChange: number): number | undefined {
  const margin = cmr + priceChange;
  if (round9(margin) <= 0) return undefined;
  return -priceChange / margin;
}

/** Volume change expected from a constant elasticity E: `(1 + ΔP)^E − 1`. */
export function expectedVolumeChange(priceChange: number, e: number): number {
  return (1 + priceChange) ** e - 1;
}

// ───────────── (b) tiered discounts ─────────────

/** Sorted tiers with the undiscounted base tier from 0 units; a row with break 0 replaces the base. */
export function buildTiers(rows: readonly { minQuantity: number; rate: number; row: number }[]): DiscountTier[] {
  const sorted = [...rows].sort((x, y) => x.minQuantity - y.minQuantity).map((r) => ({ from: r.minQuantity, rate: r.rate, row: r.row }));
  return sorted[0]?.from === 0 ? sorted : [{ from: 0, rate: 0, row: -1 }, ...sorted];
}

/** Index of the tier a quantity falls in (half-open ranges: a quantity on a break belongs to the tier above). */
export function tierIndexFor(tiers: readonly DiscountTier[], quantity: number): number {
  let index = 0;
  for (let i = 0; i < tiers.length; i++) if (tiers[i]!.from <= quantity) index = i;
  return index;
}

/**
 * Order total at list price `price`: all-units `q·P·(1 − d(q))`; incremental
 * `Σ_bands P·(1 − d_band)·units in band`.
 */
export function orderTotal(tiers: readonly DiscountTier[], mode: DiscountMode, quantity: number, price: number): number {
  if (quantity <= 0) return 0;
  if (mode === 'allUnits') {
    const tier = tiers[tierIndexFor(tiers, quantity)]!;
    return quantity * (price * (1 - tier.rate));
  }
  let total = 0;
  for (let i = 0; i < tiers.length; i++) {
    const from = tiers[i]!.from;
    const to = tiers[i + 1]?.from ?? Infinity;
    const units = Math.min(quantity, to) - from;
    if (units > 0) total += units * (price * (1 - tiers[i]!.rate));
  }
  return total;
}

/**
 * "Buy more, pay less" zones of an all-units schedule. For every break b (rate d_b), a quantity
 * q < b costs more than b when `q·(1 − d_q) > b·(1 − d_b)`; within the tier j below b that is
 * `q > b·(1 − d_b)/(1 − d_j)`, and the test runs in every lower tier because steep schedules
 * reach further down (breaks 100 at 50% and 110 at 60%: against 110 the zone is 45–109).
 *
 * "Costs more" is decided on the order totals themselves (rounded to 9 decimals) by binary
 * search inside each tier, where the total rises with q; so the zones are exactly the
 * quantities whose total exceeds the total at the break.
 */
export function reversalZones(tiers: readonly DiscountTier[], price: number): Reversal[] {
  const out: Reversal[] = [];
  const total = (q: number) => round9(orderTotal(tiers, 'allUnits', q, price));
  for (let k = 1; k < tiers.length; k++) {
    const b = tiers[k]!.from;
    const target = total(b);
    const zones: QuantityRange[] = [];
    for (let j = 0; j < k; j++) {
      const lo = Math.max(tiers[j]!.from, 1);
      const hi = tiers[j + 1]!.from - 1;
      if (lo > hi || !(total(hi) > target)) continue;
      // Smallest q in [lo, hi] whose total exceeds the target (the total is non-decreasing in q here).
      let left = lo;
      let right = hi;
      // Bounded whatever the magnitudes: 1,100 halvings cover any double's range, and past 2^53
      // `mid + 1` no longer moves, which would otherwise loop for ever on unparsed inputs.
      for (let step = 0; left < right && step < 1100; step++) {
        const mid = Math.floor((left + right) / 2);
        if (total(mid) > target) right = mid;
        else if (mid + 1 > left) left = mid + 1;
        else break;
      }
      const last = zones.at(-1);
      if (last && last.to + 1 === left) last.to = hi;
      else zones.push({ from: left, to: hi });
    }
    if (zones.length) out.push({ breakQuantity: b, breakTotal: orderTotal(tiers, 'allUnits', b, price), zones });
  }
  return out;
}

/** The analytic lower end of the zone in tier j below break b (for the formula shown to readers). */
export function reversalThreshold(breakQuantity: number, breakRate: number, lowerRate: number): number {
  return (breakQuantity * (1 - breakRate)) / (1 - lowerRate);
}

// ───────────── (d) index-linked contract ─────────────

/** `P_t = P₀·(a + b·M_t/M₀ + c·L_t/L₀)`; callers guard M₀, L₀ = 0 and a + b + c = 1. */
export function indexFactor(a: number, b: number, c: number, materialNow: number, materialBase: number, labourNow: number, labourBase: number): number {
  return a + (b * materialNow) / materialBase + (c * labourNow) / labourBase;
}

const LIFT_DEPTHS = Array.from({ length: 31 }, (_, i) => i / 100);
const TOTAL_CURVE_POINTS = 240;

const tableColumns = {
  minQuantity: { kind: 'count', min: 1 },
  rate: { kind: 'percent', min: 0, below: 1 },
} as const;

export const priceAdjustment = defineCalculator({
  id: 'C05.3',
  fields: {
    // (a)
    currentPrice: { kind: 'money', above: 0 },
    unitVariableCost: { kind: 'money', min: 0 },
    priceChange: { kind: 'percent', above: -1, max: 10 },
    elasticity: { kind: 'number', optional: true },
    // (b)
    mode: { kind: 'choice', options: discountModes },
    orderQuantity: { kind: 'count', min: 0 },
    // (c)
    promoStart: { kind: 'date', optional: true, parse: parseDate },
    promoEnd: { kind: 'date', optional: true, parse: parseDate },
    trigger: { kind: 'text', optional: true, maxLength: 64 },
    // (d)
    basePrice: { kind: 'money', min: 0, optional: true },
    weightFixed: { kind: 'number', min: 0, max: 1 },
    weightMaterial: { kind: 'number', min: 0, max: 1 },
    weightLabour: { kind: 'number', min: 0, max: 1 },
    materialBase: { kind: 'number', min: 0 },
    materialNow: { kind: 'number', min: 0 },
    labourBase: { kind: 'number', min: 0 },
    labourNow: { kind: 'number', min: 0 },
    materialShock: { kind: 'percent', min: -1 },
    // (e)
    priceGood: { kind: 'money', min: 0, optional: true },
    priceBetter: { kind: 'money', min: 0, optional: true },
    priceBest: { kind: 'money', min: 0, optional: true },
  },
  defaults: {
    currentPrice: '100', unitVariableCost: '60', priceChange: '-10', elasticity: '-1.105',
    mode: 'allUnits', orderQuantity: '480',
    promoStart: '2026-12-01', promoEnd: '2026-12-14', trigger: '≥ 300 → −50',
    basePrice: '1000', weightFixed: '0.5', weightMaterial: '0.4', weightLabour: '0.1',
    materialBase: '100', materialNow: '100', labourBase: '100', labourNow: '100', materialShock: '50',
    priceGood: '199', priceBetter: '299', priceBest: '499',
  },
  // Chapter 5's scenarios: a 10% cut at a 40% contribution ratio, tiers 5% from 100 and 10% from 500,
  // the index clause with material +50%, and the 69 / 99 / 149 line-up (the defaults use another line-up).
  example: {
    currentPrice: '100', unitVariableCost: '60', priceChange: '-10', elasticity: '-1.105',
    mode: 'allUnits', orderQuantity: '480',
    promoStart: '2026-12-01', promoEnd: '2026-12-14', trigger: '≥ 300 → −50',
    basePrice: '1000', weightFixed: '0.5', weightMaterial: '0.4', weightLabour: '0.1',
    materialBase: '100', materialNow: '100', labourBase: '100', labourNow: '100', materialShock: '50',
    priceGood: '69', priceBetter: '99', priceBest: '149',
  },
  table: { columns: tableColumns, minRows: 0, maxRows: 20 },
  defaultRows: [{ minQuantity: '100', rate: '5' }, { minQuantity: '500', rate: '10' }],
  exampleRows: [{ minQuantity: '100', rate: '5' }, { minQuantity: '500', rate: '10' }],
  compute(values, rows: RowRead<typeof tableColumns>[]) {
    const r: Partial<PriceAdjustmentResults> = {};
    const issues: Issue[] = [];

    // ── (a) price change vs volume ──
    const base = need(values, 'currentPrice', 'unitVariableCost');
    let cmr: number | undefined;
    if (base) {
      cmr = (base.currentPrice - base.unitVariableCost) / base.currentPrice;
      r.contributionRatio = cmr;
      if (round9(cmr) <= 0) {
        issues.push({ severity: 'error', field: 'unitVariableCost', code: 'c05_3.noMargin' });
        cmr = undefined;
      }
    }
    if (values.elasticity != null && round9(values.elasticity) > 0) {
      issues.push({ severity: 'warning', field: 'elasticity', code: 'c05_3.positiveElasticity' });
    }
    if (cmr !== undefined && values.priceChange != null && base) {
      const dp = values.priceChange;
      r.newPrice = base.currentPrice * (1 + dp);
      const required = breakEvenVolumeChange(cmr, dp);
      if (required === undefined) {
        issues.push({ severity: 'error', field: 'priceChange', code: 'c05_3.belowVariableCost' });
      } else {
        r.newContributionRatio = (cmr + dp) / (1 + dp);
        r.requiredVolumeChange = required;
        if (values.elasticity != null) {
          const expected = expectedVolumeChange(dp, values.elasticity);
          r.expectedVolumeChange = expected;
          r.expectedContributionChange = ((cmr + dp) * (1 + expected)) / cmr - 1;
          const [e, q] = [round9(expected), round9(required)];
          r.verdict = e > q ? 'rises' : e === q ? 'unchanged' : 'falls';
        }
      }
    }
    if (cmr !== undefined) {
      const e = values.elasticity;
      r.liftCurve = LIFT_DEPTHS.map((depth) => ({
        depth,
        required: breakEvenVolumeChange(cmr, -depth) ?? null,
        expected: e != null ? expectedVolumeChange(-depth, e) : null,
      }));
    }

    // ── (b) tiered volume discounts ──
    const usable: { minQuantity: number; rate: number; row: number }[] = [];
    const seen = new Map<number, number>();
    rows.forEach((row, index) => {
      const cells = completeRow(row);
      if (!cells) {
        issues.push({ severity: 'warning', row: index, code: 'c05_3.rowSkipped' });
        return;
      }
      if (seen.has(cells.minQuantity)) {
        issues.push({ severity: 'error', row: index, column: 'minQuantity', code: 'c05_3.duplicateBreak', params: { first: seen.get(cells.minQuantity)! + 1 } });
        return;
      }
      seen.set(cells.minQuantity, index);
      usable.push({ ...cells, row: index });
    });
    const tiers = buildTiers(usable);
    for (let i = 1; i < tiers.length; i++) {
      if (round9(tiers[i]!.rate) < round9(tiers[i - 1]!.rate) && tiers[i]!.row >= 0) {
        issues.push({ severity: 'warning', row: tiers[i]!.row, column: 'rate', code: 'c05_3.rateFalls' });
      }
    }
    const price = values.currentPrice;
    const mode = values.mode;
    if (price != null) {
      r.tiers = tiers.map((tier, i) => ({ ...tier, to: tiers[i + 1]?.from ?? null, unitPrice: price * (1 - tier.rate) }));
    }
    if (price != null && mode) {
      const q = values.orderQuantity;
      if (q != null) {
        r.orderTier = tierIndexFor(tiers, q);
        r.orderTotal = orderTotal(tiers, mode, q, price);
        r.listTotal = q * price;
        if (q === 0) {
          issues.push({ severity: 'info', field: 'orderQuantity', code: 'c05_3.zeroOrder' });
        } else {
          r.effectivePrice = r.orderTotal / q;
          r.effectiveDiscount = 1 - r.orderTotal / r.listTotal;
        }
      }
      if (mode === 'allUnits') {
        r.reversals = reversalZones(tiers, price);
        if (q != null && q > 0 && r.orderTotal !== undefined) {
          let best: { quantity: number; total: number } | undefined;
          for (const tier of tiers) {
            if (tier.from <= q) continue;
            const total = orderTotal(tiers, mode, tier.from, price);
            if (!best || round9(total) < round9(best.total)) best = { quantity: tier.from, total };
          }
          if (best && round9(best.total) < round9(r.orderTotal)) {
            r.betterOrder = { ...best, saving: r.orderTotal - best.total };
            issues.push({ severity: 'warning', field: 'orderQuantity', code: 'c05_3.orderInReversal', params: { quantity: q, better: best.quantity } });
          }
        }
      } else {
        r.reversals = [];
      }
      const lastBreak = tiers.at(-1)!.from;
      const top = Math.max(Math.ceil(lastBreak * 1.25), q ?? 0, 10);
      const step = Math.max(1, Math.ceil(top / TOTAL_CURVE_POINTS));
      const quantities = new Set<number>();
      // Counted by points, not by quantity, so the loop length never depends on the magnitude.
      for (let i = 0; i <= TOTAL_CURVE_POINTS + 1 && i * step <= top; i++) quantities.add(i * step);
      // Each break and the unit just below it, so the drop at an all-units break is drawn.
      for (const tier of tiers) if (tier.from > 0) quantities.add(tier.from - 1).add(tier.from);
      // And the ends of every reversal zone, so the chart can mark them.
      for (const reversal of r.reversals ?? []) for (const zone of reversal.zones) quantities.add(zone.from).add(zone.to);
      r.totalCurve = [...quantities].sort((x, y) => x - y).map((quantity) => ({ quantity, total: orderTotal(tiers, mode, quantity, price) }));
    }

    // ── (c) promotion window ──
    const { promoStart, promoEnd } = values;
    const trigger = values.trigger;
    // A part left entirely blank is not in use; a field with a reading error counts as in use.
    const promoUsed = promoStart !== null || promoEnd !== null || trigger !== '';
    if (promoUsed) {
      if (promoStart === null) issues.push({ severity: 'warning', field: 'promoStart', code: 'c05_3.noStartDate' });
      if (promoEnd === null) issues.push({ severity: 'warning', field: 'promoEnd', code: 'c05_3.noEndDate' });
      if (trigger === '') issues.push({ severity: 'warning', field: 'trigger', code: 'c05_3.noTrigger' });
      if (promoStart != null && promoEnd != null) {
        if (promoEnd < promoStart) issues.push({ severity: 'error', field: 'promoEnd', code: 'c05_3.endBeforeStart' });
        else r.windowDays = promoEnd - promoStart + 1;
      }
    }

    // ── (d) index-linked contract ──
    if (values.basePrice != null) {
      const idx = need(values, 'weightFixed', 'weightMaterial', 'weightLabour', 'materialBase', 'materialNow', 'labourBase', 'labourNow');
      if (values.basePrice === 0) issues.push({ severity: 'error', field: 'basePrice', code: 'c05_3.zeroBasePrice' });
      if (idx) {
        let ok = values.basePrice > 0;
        const sum = idx.weightFixed + idx.weightMaterial + idx.weightLabour;
        if (round9(sum) !== 1) {
          issues.push({ severity: 'error', field: 'weightFixed', code: 'c05_3.weightsSum', params: { sum } });
          ok = false;
        }
        if (idx.materialBase === 0) {
          issues.push({ severity: 'error', field: 'materialBase', code: 'c05_3.zeroBaseIndex' });
          ok = false;
        }
        if (idx.labourBase === 0) {
          issues.push({ severity: 'error', field: 'labourBase', code: 'c05_3.zeroBaseIndex' });
          ok = false;
        }
        if (ok) {
          const factor = indexFactor(idx.weightFixed, idx.weightMaterial, idx.weightLabour, idx.materialNow, idx.materialBase, idx.labourNow, idx.labourBase);
          r.indexFactor = factor;
          r.adjustedPrice = values.basePrice * factor;
          r.adjustedChange = factor - 1;
          if (values.materialShock != null) {
            const shocked = indexFactor(idx.weightFixed, idx.weightMaterial, idx.weightLabour, idx.materialNow * (1 + values.materialShock), idx.materialBase, idx.labourNow, idx.labourBase);
            r.shockFactor = shocked;
            r.shockPrice = values.basePrice * shocked;
            r.shockChange = shocked - 1;
          }
        }
      }
    }

    // ── (e) good–better–best ladder ──
    const ladderFields = { good: 'priceGood', better: 'priceBetter', best: 'priceBest' } as const;
    const ladder = ladderTiers.flatMap((tier) => {
      const p = values[ladderFields[tier]];
      return p != null ? [{ tier, price: p }] : [];
    });
    const ladderTouched = ladderTiers.some((tier) => values[ladderFields[tier]] !== null);
    if (ladderTouched) {
      if (ladder.length < 3) issues.push({ severity: 'info', code: 'c05_3.ladderIncomplete' });
      r.ladder = ladder;
      const gaps: LadderGap[] = [];
      const pairs = [['good', 'better'], ['better', 'best'], ['good', 'best']] as const;
      const flagged = new Set<LadderTier>();
      for (const [lower, higher] of pairs) {
        const pl = values[ladderFields[lower]];
        const ph = values[ladderFields[higher]];
        if (pl == null || ph == null) continue;
        if (pl <= 0) {
          if (!flagged.has(lower)) issues.push({ severity: 'error', field: ladderFields[lower], code: 'c05_3.ladderPricePositive' });
          flagged.add(lower);
          continue;
        }
        gaps.push({ lower, higher, gap: ph / pl - 1, ratio: ph / pl });
      }
      r.gaps = gaps;
      if (ladder.length === 3) {
        const prices = ladder.map((l) => round9(l.price));
        if (new Set(prices).size < 3) {
          issues.push({ severity: 'warning', code: 'c05_3.ladderTie' });
        } else {
          if (!(prices[0]! < prices[1]! && prices[1]! < prices[2]!)) issues.push({ severity: 'warning', code: 'c05_3.ladderNotAscending' });
          const byPrice = [...ladder].sort((x, y) => x.price - y.price);
          r.anchor = byPrice[2]!.tier;
          r.middle = byPrice[1]!.tier;
        }
      }
    }

    if (dropNonFinite(r).length) issues.push({ severity: 'warning', code: 'c05_3.tooExtreme' });
    return { results: r, issues };
  },
});
