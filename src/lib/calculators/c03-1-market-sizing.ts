/**
 * C03.1 Segment sizing: TAM / SAM / SOM (methodology chapter 3.2, "size the market").
 *
 * Variant: bottom-up `N = population × Π filter shares` (filters assumed independent; a joint
 * share overrides them), `TAM = N × penetration × purchases/yr × price`; or top-down
 * `TAM = category value × segment share`. `SAM = TAM × serviceable`, `SOM = SAM × obtainable`,
 * projected with E4 `X_t = X₀(1+g)^t`. The tornado is one-at-a-time: SOM at the horizon year
 * with one input at its low and then its high estimate, all others at base, sorted by swing
 * |high − low| (ties keep the input order). Empty low/high fields use the default ranges.
 */
import { defineCalculator, round9, type Issue } from '../kit/calculator';
import { growthFactor } from './engines/growth';

export const sizingMethods = ['bottomUp', 'topDown'] as const;
export type SizingMethod = (typeof sizingMethods)[number];

/** Every input that can take a low/high estimate, in the order bars are listed on a tie. */
export const sensitivityKeys = [
  'population', 'filter1', 'filter2', 'filter3', 'jointShare', 'penetration', 'purchases', 'price',
  'categoryValue', 'segmentShare', 'serviceable', 'obtainable', 'growth',
] as const;
export type SensitivityKey = (typeof sensitivityKeys)[number];

export const filterKeys = ['filter1', 'filter2', 'filter3'] as const;

/** Default uncertainty ranges (illustrative): relative (× (1 ± spread)) or absolute (± spread), clamped. */
interface RangeRule {
  mode: 'relative' | 'absolute';
  spread: number;
  min: number;
  max: number;
}
const shareRule: RangeRule = { mode: 'absolute', spread: 0.05, min: 0, max: 1 };
export const rangeRules: Record<SensitivityKey, RangeRule> = {
  population: { mode: 'relative', spread: 0.05, min: 0, max: Infinity },
  filter1: shareRule,
  filter2: shareRule,
  filter3: shareRule,
  jointShare: shareRule,
  penetration: shareRule,
  purchases: { mode: 'absolute', spread: 1, min: 0, max: Infinity },
  price: { mode: 'relative', spread: 0.15, min: 0, max: Infinity },
  categoryValue: { mode: 'relative', spread: 0.1, min: 0, max: Infinity },
  segmentShare: shareRule,
  serviceable: shareRule,
  obtainable: shareRule,
  growth: { mode: 'absolute', spread: 0.04, min: -1, max: 10 },
};

/** The default low and high estimate of an input around its base value, clamped to its valid range. */
export function autoRange(key: SensitivityKey, base: number): { low: number; high: number } {
  const rule = rangeRules[key];
  const clamp = (x: number) => Math.min(rule.max, Math.max(rule.min, x));
  if (rule.mode === 'relative') return { low: clamp(base * (1 - rule.spread)), high: clamp(base * (1 + rule.spread)) };
  return { low: clamp(base - rule.spread), high: clamp(base + rule.spread) };
}

export interface TornadoBar {
  key: SensitivityKey;
  base: number;
  low: number;
  high: number;
  /** True where the estimate came from the default range rather than a typed value. */
  lowIsAuto: boolean;
  highIsAuto: boolean;
  somLow: number;
  somHigh: number;
  /** |somHigh − somLow| */
  swing: number;
}

export interface ProjectionYear {
  year: number;
  tam: number;
  sam: number | null;
  som: number | null;
}

export interface MarketSizingResults {
  /** Bottom-up only: people in the segment, and the combined share of the population they are. */
  buyers: number;
  combinedShare: number;
  tamValue: number;
  samValue: number;
  somValue: number;
  /** Purchases per year (bottom-up), or value ÷ average price (top-down, when price > 0). */
  tamUnits: number;
  samUnits: number;
  somUnits: number;
  growthFactor: number;
  somAtHorizon: number;
  projection: ProjectionYear[];
  tornado: TornadoBar[];
}

const share = { kind: 'percent', min: 0, max: 1 } as const;
const optionalShare = { kind: 'percent', min: 0, max: 1, optional: true } as const;
const optionalCount = { kind: 'count', min: 0, optional: true } as const;
const optionalMoney = { kind: 'money', min: 0, optional: true } as const;
const optionalNumber = { kind: 'number', min: 0, optional: true } as const;
const growthSpec = { kind: 'percent', min: -1, max: 10 } as const;
const optionalGrowth = { kind: 'percent', min: -1, max: 10, optional: true } as const;

const fields = {
  method: { kind: 'choice', options: sizingMethods },
  population: { kind: 'count', min: 0 },
  filter1: optionalShare,
  filter2: optionalShare,
  filter3: optionalShare,
  jointShare: optionalShare,
  penetration: share,
  purchases: { kind: 'number', min: 0 },
  price: { kind: 'money', min: 0 },
  categoryValue: { kind: 'money', min: 0 },
  segmentShare: share,
  serviceable: share,
  obtainable: share,
  growth: growthSpec,
  horizon: { kind: 'count', min: 0, max: 50 },
  populationLow: optionalCount,
  populationHigh: optionalCount,
  filter1Low: optionalShare,
  filter1High: optionalShare,
  filter2Low: optionalShare,
  filter2High: optionalShare,
  filter3Low: optionalShare,
  filter3High: optionalShare,
  jointShareLow: optionalShare,
  jointShareHigh: optionalShare,
  penetrationLow: optionalShare,
  penetrationHigh: optionalShare,
  purchasesLow: optionalNumber,
  purchasesHigh: optionalNumber,
  priceLow: optionalMoney,
  priceHigh: optionalMoney,
  categoryValueLow: optionalMoney,
  categoryValueHigh: optionalMoney,
  segmentShareLow: optionalShare,
  segmentShareHigh: optionalShare,
  serviceableLow: optionalShare,
  serviceableHigh: optionalShare,
  obtainableLow: optionalShare,
  obtainableHigh: optionalShare,
  growthLow: optionalGrowth,
  growthHigh: optionalGrowth,
} as const;

type FieldKey = keyof typeof fields;
const emptyRanges = Object.fromEntries(sensitivityKeys.flatMap((k) => [[`${k}Low`, ''], [`${k}High`, '']])) as Record<
  `${SensitivityKey}Low` | `${SensitivityKey}High`,
  string
>;

/** The worked example chapter 3 prints next to the calculator (and the methodology gives). */
const example = {
  method: 'bottomUp',
  population: '10000000',
  filter1: '50',
  filter2: '35',
  filter3: '30',
  jointShare: '',
  penetration: '40',
  purchases: '4',
  price: '300',
  categoryValue: '1000000000',
  segmentShare: '25',
  serviceable: '40',
  obtainable: '10',
  growth: '12',
  horizon: '5',
  ...emptyRanges,
} satisfies Record<FieldKey, string>;

/** Another, smaller region to start from, so that loading the worked example visibly changes the figures. */
const defaults = {
  ...example,
  population: '4000000',
  filter2: '40',
  filter3: '25',
  penetration: '30',
  purchases: '3',
  price: '250',
  serviceable: '50',
  obtainable: '8',
  growth: '8',
  horizon: '3',
} satisfies Record<FieldKey, string>;

/** The inputs SOM depends on, by method (price only gives top-down units, so it is not in the top-down tornado). */
type InputSet = Partial<Record<SensitivityKey, number>>;

/**
 * The shares that narrow the population: the joint share if typed, else every typed filter;
 * null while one of them has a field error (then N cannot be computed).
 */
export function shareInputs(values: Partial<Record<'jointShare' | (typeof filterKeys)[number], number | null>>): SensitivityKey[] | null {
  if (values.jointShare === undefined) return null;
  if (values.jointShare !== null) return ['jointShare'];
  const keys: SensitivityKey[] = [];
  for (const k of filterKeys) {
    if (values[k] === undefined) return null;
    if (values[k] !== null) keys.push(k);
  }
  return keys;
}

/** The inputs SOM depends on for a method, in table order (price gives top-down units only, so it is left out there). */
export function activeInputs(
  method: SizingMethod,
  values: Partial<Record<'jointShare' | (typeof filterKeys)[number], number | null>>,
): SensitivityKey[] {
  if (method === 'topDown') return ['categoryValue', 'segmentShare', 'serviceable', 'obtainable', 'growth'];
  const shares = shareInputs(values) ?? [...filterKeys, 'jointShare'].filter((k) => values[k as keyof typeof values] !== null) as SensitivityKey[];
  return ['population', ...shares, 'penetration', 'purchases', 'price', 'serviceable', 'obtainable', 'growth'];
}

/** SOM at `years` from a complete input set; the same multiplication order as the base figures. */
function somAt(method: SizingMethod, x: InputSet, shares: readonly SensitivityKey[], years: number): number | null {
  const factor = growthFactor(x.growth!, years);
  if (factor === null) return null;
  let tam: number;
  if (method === 'bottomUp') {
    let buyers = x.population!;
    for (const k of shares) buyers *= x[k]!;
    tam = buyers * x.penetration! * x.purchases! * x.price!;
  } else {
    tam = x.categoryValue! * x.segmentShare!;
  }
  const som = tam * x.serviceable! * x.obtainable! * factor;
  return Number.isFinite(som) ? som : null;
}

/** Orders bars by swing, largest first; swings equal to 1e-9 relative keep the input order. */
export function sortBySwing(bars: TornadoBar[]): TornadoBar[] {
  const order = (k: SensitivityKey) => sensitivityKeys.indexOf(k);
  return [...bars].sort((a, b) => {
    const tolerance = 1e-9 * Math.max(Math.abs(a.swing), Math.abs(b.swing));
    if (Math.abs(a.swing - b.swing) > tolerance) return b.swing - a.swing;
    return order(a.key) - order(b.key);
  });
}

export const marketSizing = defineCalculator({
  id: 'C03.1',
  fields,
  defaults,
  example,
  compute(values) {
    const r: Partial<MarketSizingResults> = {};
    const issues: Issue[] = [];
    const method: SizingMethod | undefined = values.method;
    const v = values as Partial<Record<FieldKey, number | string | null>>;
    const num = (k: FieldKey): number | null | undefined => v[k] as number | null | undefined;

    // Which shares narrow the population: the joint share if typed, else every typed filter.
    const shareKeys = method === 'bottomUp' ? shareInputs(values) : [];
    if (method === 'bottomUp' && shareKeys !== null) {
      if (shareKeys[0] === 'jointShare') {
        if (filterKeys.some((k) => values[k] != null)) issues.push({ severity: 'info', field: 'jointShare', code: 'c03_1.jointOverrides' });
      } else if (shareKeys.length >= 2) {
        issues.push({ severity: 'info', code: 'c03_1.independentFilters' });
      }
    }

    // Year-0 figures.
    if (method === 'bottomUp') {
      if (shareKeys !== null && values.population !== undefined) {
        r.combinedShare = shareKeys.reduce((p, k) => p * (num(k) as number), 1);
        let buyers = values.population;
        for (const k of shareKeys) buyers *= num(k) as number;
        r.buyers = buyers;
        if (values.penetration !== undefined && values.purchases !== undefined) {
          r.tamUnits = buyers * values.penetration * values.purchases;
          if (values.price !== undefined) r.tamValue = r.tamUnits * values.price;
        }
      }
    } else if (method === 'topDown') {
      if (values.categoryValue !== undefined && values.segmentShare !== undefined) {
        r.tamValue = values.categoryValue * values.segmentShare;
        if (values.price !== undefined) {
          if (round9(values.price) > 0) r.tamUnits = r.tamValue / values.price;
          else issues.push({ severity: 'info', field: 'price', code: 'c03_1.unitsNeedPrice' });
        }
      }
    }
    if (values.serviceable !== undefined) {
      if (r.tamValue !== undefined) r.samValue = r.tamValue * values.serviceable;
      if (r.tamUnits !== undefined) r.samUnits = r.tamUnits * values.serviceable;
      if (values.obtainable !== undefined) {
        if (r.samValue !== undefined) r.somValue = r.samValue * values.obtainable;
        if (r.samUnits !== undefined) r.somUnits = r.samUnits * values.obtainable;
      }
    }
    if (r.tamValue !== undefined && round9(r.tamValue) === 0) issues.push({ severity: 'warning', code: 'c03_1.zeroMarket' });

    // Projection (E4), each year from year 0.
    // The loop below runs once per year: a horizon outside the field's bounds (only reachable by
    // bypassing the parser) is refused rather than looped over.
    const horizon = values.horizon !== undefined && Number.isInteger(values.horizon) && values.horizon >= 0 && values.horizon <= 50 ? values.horizon : undefined;
    if (values.horizon !== undefined && horizon === undefined) issues.push({ severity: 'error', field: 'horizon', code: 'range.max', params: { max: 50 } });
    if (values.growth !== undefined && horizon !== undefined && r.tamValue !== undefined) {
      const g = values.growth;
      const projection: ProjectionYear[] = [];
      let overflow = false;
      for (let t = 0; t <= horizon; t++) {
        const factor = growthFactor(g, t);
        if (factor === null || !Number.isFinite(r.tamValue * factor)) {
          overflow = true;
          break;
        }
        projection.push({
          year: t,
          tam: r.tamValue * factor,
          sam: r.samValue === undefined ? null : r.samValue * factor,
          som: r.somValue === undefined ? null : r.somValue * factor,
        });
      }
      if (overflow) {
        issues.push({ severity: 'error', field: 'growth', code: 'c03_1.tooLarge' });
      } else {
        r.projection = projection;
        r.growthFactor = growthFactor(g, horizon)!;
        if (r.somValue !== undefined) r.somAtHorizon = r.somValue * r.growthFactor;
      }
    }

    // Tornado: one input at a time at its low and high estimate.
    if (r.somAtHorizon !== undefined && horizon !== undefined && method !== undefined && shareKeys !== null) {
      const active = activeInputs(method, values);
      const base: InputSet = {};
      for (const k of active) base[k] = num(k) as number;
      const bars: TornadoBar[] = [];
      for (const key of active) {
        const lowRaw = num(`${key}Low`);
        const highRaw = num(`${key}High`);
        if (lowRaw === undefined || highRaw === undefined) continue; // the field shows its own error
        const auto = autoRange(key, base[key]!);
        const low = lowRaw ?? auto.low;
        const high = highRaw ?? auto.high;
        if (lowRaw !== null || highRaw !== null) {
          if (round9(low) > round9(high)) {
            issues.push({ severity: 'warning', field: `${key}Low`, code: 'c03_1.lowAboveHigh' });
          } else if (round9(base[key]!) < round9(low) || round9(base[key]!) > round9(high)) {
            issues.push({ severity: 'warning', field: `${key}Low`, code: 'c03_1.baseOutsideRange' });
          }
        }
        const somLow = somAt(method, { ...base, [key]: low }, shareKeys, horizon);
        const somHigh = somAt(method, { ...base, [key]: high }, shareKeys, horizon);
        if (somLow === null || somHigh === null) continue;
        bars.push({
          key, base: base[key]!, low, high, lowIsAuto: lowRaw === null, highIsAuto: highRaw === null,
          somLow, somHigh, swing: Math.abs(somHigh - somLow),
        });
      }
      r.tornado = sortBySwing(bars);
    }

    return { results: r, issues };
  },
});
