/**
 * C13.2 Raw-material stress test (methodology chapter 13.1, scenario stress tests).
 *
 * Variant: a shock s on raw material per unit, `RM' = RM·(1 + s)`; a share θ of the increase is
 * passed on to price, `P' = P + θ·RM·s`; volume follows constant elasticity E,
 * `Q' = Q·(P'/P)^E`; stressed profit `π' = (P' − RM' − OV)·Q' − FC`, break-even volume
 * `FC / (P' − RM' − OV)`. The break-even shock assumes no pass-through and fixed volume:
 * `s* = π₀ / (RM·Q)`. Cash runway reads volume and fixed costs as yearly:
 * monthly cash loss `= monthly fixed cash costs − (P' − RM' − OV)·Q'/12`, runway `= cash / loss`.
 */
import { defineCalculator, dropNonFinite, need, round9, type Issue } from '../kit/calculator';

const MAX_MONEY = 1e12;
/** The profit-versus-shock curve runs from 0% to 100% in steps of 5 points. */
export const CURVE_STEPS = 20;

export interface Scenario {
  price: number;
  volume: number;
  rawMaterial: number;
  unitVariableCost: number;
  unitContribution: number;
  /** Unit contribution / price. */
  contributionRatio: number;
  revenue: number;
  variableCosts: number;
  fixedCosts: number;
  profit: number;
  /** Absent when the unit contribution is 0 or negative. */
  breakEvenVolume?: number;
}

export interface StressTestResults {
  baseline: Scenario;
  stressed: Scenario;
  profitChange: number;
  /** Relative change of profit (absent when baseline profit is 0). */
  profitChangeRate: number;
  volumeChange: number;
  breakEvenShock: number;
  /** Months of cash at the stressed monthly cash loss. */
  runwayMonths: number;
  monthlyCashLoss: number;
  /** Profit for shocks 0%, 5%, …, 100% at the entered pass-through and elasticity. */
  profitCurve: { shock: number; profit: number }[];
}

const money = { kind: 'money', min: 0, max: MAX_MONEY } as const;

/** Price, volume and profit after shock s; `undefined` when the stressed price is not above 0. */
export function stressScenario(
  base: { price: number; volume: number; rawMaterial: number; otherVariable: number; fixedCosts: number },
  shock: number,
  passThrough: number,
  elasticity: number,
): Scenario | undefined {
  const rawMaterial = base.rawMaterial * (1 + shock);
  const price = base.price + passThrough * base.rawMaterial * shock;
  if (round9(price) <= 0) return undefined;
  const volume = shock === 0 || passThrough === 0 ? base.volume : base.volume * (price / base.price) ** elasticity;
  const unitVariableCost = rawMaterial + base.otherVariable;
  const unitContribution = price - unitVariableCost;
  const s: Scenario = {
    price,
    volume,
    rawMaterial,
    unitVariableCost,
    unitContribution,
    contributionRatio: unitContribution / price,
    revenue: price * volume,
    variableCosts: unitVariableCost * volume,
    fixedCosts: base.fixedCosts,
    profit: unitContribution * volume - base.fixedCosts,
  };
  if (round9(unitContribution) > 0) s.breakEvenVolume = base.fixedCosts / unitContribution;
  return s;
}

export const stressTest = defineCalculator({
  id: 'C13.2',
  fields: {
    price: { kind: 'money', above: 0, max: MAX_MONEY },
    volume: { kind: 'number', min: 0, max: 1e12 },
    rawMaterial: money,
    otherVariable: money,
    fixedCosts: money,
    shock: { kind: 'percent', min: -1, max: 10 },
    passThrough: { kind: 'percent', min: 0, max: 1 },
    elasticity: { kind: 'number', min: -20, max: 20 },
    cash: { kind: 'money', min: 0, max: MAX_MONEY, optional: true },
    monthlyFixedCash: { kind: 'money', min: 0, max: MAX_MONEY, optional: true },
  },
  defaults: {
    price: '80', volume: '50000', rawMaterial: '30', otherVariable: '15', fixedCosts: '1000000',
    shock: '50', passThrough: '0', elasticity: '-1', cash: '', monthlyFixedCash: '',
  },
  // Chapter 13's main product line, with half the increase passed on at elasticity −1.
  example: {
    price: '100', volume: '10000', rawMaterial: '40', otherVariable: '20', fixedCosts: '200000',
    shock: '50', passThrough: '50', elasticity: '-1', cash: '', monthlyFixedCash: '',
  },
  compute(values) {
    const r: Partial<StressTestResults> = {};
    const issues: Issue[] = [];
    const base = need(values, 'price', 'volume', 'rawMaterial', 'otherVariable', 'fixedCosts');
    if (!base) return { results: r, issues };

    const baseline = stressScenario(base, 0, 0, 0);
    if (!baseline) {
      issues.push({ severity: 'error', field: 'price', code: 'c13_2.priceTooSmall' });
      return { results: r, issues };
    }
    r.baseline = baseline;
    if (baseline.breakEvenVolume === undefined) issues.push({ severity: 'warning', code: 'c13_2.noBaselineMargin' });

    // Break-even shock: no pass-through, fixed volume.
    if (round9(base.rawMaterial * base.volume) === 0) {
      issues.push({ severity: 'info', field: 'rawMaterial', code: 'c13_2.noRawMaterial' });
    } else if (round9(baseline.profit) <= 0) {
      issues.push({ severity: 'warning', code: 'c13_2.alreadyAtBreakEven' });
    } else {
      r.breakEvenShock = baseline.profit / (base.rawMaterial * base.volume);
    }

    const stress = need(values, 'shock', 'passThrough', 'elasticity');
    if (!stress) return finish(r, issues);
    if (stress.elasticity > 0) issues.push({ severity: 'warning', field: 'elasticity', code: 'c13_2.positiveElasticity' });
    const stressed = stressScenario(base, stress.shock, stress.passThrough, stress.elasticity);
    if (!stressed) {
      issues.push({ severity: 'error', field: 'shock', code: 'c13_2.priceNotPositive' });
      return finish(r, issues);
    }
    r.stressed = stressed;
    if (stressed.breakEvenVolume === undefined) issues.push({ severity: 'warning', code: 'c13_2.noStressedMargin' });
    r.profitChange = stressed.profit - baseline.profit;
    if (round9(baseline.profit) !== 0) r.profitChangeRate = r.profitChange / Math.abs(baseline.profit);
    r.volumeChange = stressed.volume - baseline.volume;

    r.profitCurve = [];
    for (let k = 0; k <= CURVE_STEPS; k++) {
      const shock = k / CURVE_STEPS;
      const s = stressScenario(base, shock, stress.passThrough, stress.elasticity);
      if (s) r.profitCurve.push({ shock, profit: s.profit });
    }

    if (values.monthlyFixedCash != null) {
      r.monthlyCashLoss = values.monthlyFixedCash - (stressed.unitContribution * stressed.volume) / 12;
      if (round9(r.monthlyCashLoss) <= 0) {
        issues.push({ severity: 'info', field: 'monthlyFixedCash', code: 'c13_2.noCashBurn' });
      } else if (values.cash != null) {
        r.runwayMonths = values.cash / r.monthlyCashLoss;
      } else {
        issues.push({ severity: 'info', field: 'cash', code: 'c13_2.enterCash' });
      }
    }
    return finish(r, issues);
  },
});

function finish(r: Partial<StressTestResults>, issues: Issue[]) {
  if (dropNonFinite(r).length) issues.push({ severity: 'warning', code: 'c13_2.tooExtreme' });
  return { results: r, issues };
}
