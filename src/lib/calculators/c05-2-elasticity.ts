/**
 * C05.2 Price elasticity, A/B price test and optimal price (methodology chapter 5.2).
 *
 * Variants: the headline elasticity is the arc (midpoint) elasticity, shown signed and
 * classified by its absolute value; the log estimate ln(Q₂/Q₁)/ln(P₂/P₁) drives the
 * constant-elasticity model. Contribution % change is taken against |control contribution|.
 * The A/B test is E2's pooled two-proportion z-test, significant when p ≤ α (|z| at or above
 * the critical value). Optimum prices come from the chosen demand model through both points.
 */
import { defineCalculator, dropNonFinite, need, round9, type Issue } from '../kit/calculator';
import { proportion, twoProportionTest } from './engines/proportions';
import { zForConfidence } from './engines/sample-size';

export const demandModels = ['linear', 'constant'] as const;
export type DemandModel = (typeof demandModels)[number];

export type ElasticityClass = 'elastic' | 'unitElastic' | 'inelastic';

export interface PriceOptimum {
  price: number;
  quantity: number;
  revenue: number;
  /** (P − c)·Q; absent while the unit cost is unreadable. */
  contribution?: number;
  /** Outside the tested prices [min P, max P]. */
  extrapolated: boolean;
  /** Below 0.5 × the lowest or above 1.5 × the highest tested price (outside the charted range). */
  farOutside: boolean;
}

export interface AbTestResult {
  rate1: number;
  low1: number;
  high1: number;
  rate2: number;
  low2: number;
  high2: number;
  z: number;
  pValue: number;
  alpha: number;
  significant: boolean;
}

export interface CurvePoint {
  price: number;
  quantity: number;
  revenue: number;
  contribution?: number;
}

export interface ElasticityResults {
  priceChange: number;
  volumeChange: number;
  arcElasticity: number;
  logElasticity: number;
  elasticityClass: ElasticityClass;
  /** E > 0: demand rose with price, so the data should be checked. */
  positiveElasticity: boolean;
  revenue1: number;
  revenue2: number;
  revenueChange: number;
  contribution1: number;
  contribution2: number;
  contributionDelta: number;
  contributionChange: number;
  abTest: AbTestResult;
  /** Linear model Q = a − b·P through both points. */
  linear: { a: number; b: number };
  /** Constant-elasticity model Q = A·P^E through both points. */
  constant: { A: number; E: number };
  /** 'none' when the chosen model has no such price by construction (constant elasticity). */
  revenueOptimum: PriceOptimum | 'none';
  profitOptimum: PriceOptimum;
  testedRange: { min: number; max: number };
  chartRange: { min: number; max: number };
  /** Fitted demand, revenue and contribution across the charted range (quantity floored at 0). */
  curve: CurvePoint[];
  observed: { price: number; quantity: number }[];
}

/** Arc (midpoint) elasticity `[(Q₂−Q₁)/((Q₁+Q₂)/2)] ÷ [(P₂−P₁)/((P₁+P₂)/2)]`; callers guard P₁ = P₂ and values ≤ 0. */
export function arcElasticity(p1: number, q1: number, p2: number, q2: number): number {
  return ((q2 - q1) / ((q1 + q2) / 2)) / ((p2 - p1) / ((p1 + p2) / 2));
}

/** Log (constant-elasticity) estimate `ln(Q₂/Q₁) / ln(P₂/P₁)`; same guards as the arc formula. */
export function logElasticity(p1: number, q1: number, p2: number, q2: number): number {
  return Math.log(q2 / q1) / Math.log(p2 / p1);
}

/** Class by |E|: elastic above 1, unit-elastic at 1 (after rounding to 9 decimals), inelastic below. */
export function classifyElasticity(e: number): ElasticityClass {
  const abs = round9(Math.abs(e));
  return abs > 1 ? 'elastic' : abs === 1 ? 'unitElastic' : 'inelastic';
}

const CURVE_STEPS = 60;

export const elasticity = defineCalculator({
  id: 'C05.2',
  fields: {
    controlPrice: { kind: 'money', above: 0 },
    controlUnits: { kind: 'number', min: 0 },
    testPrice: { kind: 'money', above: 0 },
    testUnits: { kind: 'number', min: 0 },
    unitCost: { kind: 'money', min: 0 },
    controlVisitors: { kind: 'count', min: 0, optional: true },
    controlBuyers: { kind: 'count', min: 0, optional: true },
    testVisitors: { kind: 'count', min: 0, optional: true },
    testBuyers: { kind: 'count', min: 0, optional: true },
    model: { kind: 'choice', options: demandModels },
    confidence: { kind: 'percent', min: 0.5, below: 1 },
  },
  // The same price test with a higher unit cost and less traffic, so loading the example visibly changes the figures.
  defaults: {
    controlPrice: '100', controlUnits: '1000', testPrice: '110', testUnits: '900', unitCost: '70',
    controlVisitors: '5000', controlBuyers: '500', testVisitors: '5000', testBuyers: '430',
    model: 'linear', confidence: '95',
  },
  // The worked example chapter 5 prints next to the calculator (and the methodology gives).
  example: {
    controlPrice: '100', controlUnits: '1000', testPrice: '110', testUnits: '900', unitCost: '60',
    controlVisitors: '10000', controlBuyers: '1000', testVisitors: '10000', testBuyers: '900',
    model: 'linear', confidence: '95',
  },
  compute(values) {
    const r: Partial<ElasticityResults> = {};
    const issues: Issue[] = [];

    const arms = need(values, 'controlPrice', 'controlUnits', 'testPrice', 'testUnits');
    let pointsOk = false;
    if (arms) {
      const { controlPrice: p1, controlUnits: q1, testPrice: p2, testUnits: q2 } = arms;
      r.observed = [{ price: p1, quantity: q1 }, { price: p2, quantity: q2 }];
      r.revenue1 = p1 * q1;
      r.revenue2 = p2 * q2;
      r.priceChange = (p2 - p1) / p1;
      // Zero tests after rounding to 9 decimals: a unit count of 1e-300 is zero for this purpose.
      const q1Zero = round9(q1) <= 0;
      const q2Zero = round9(q2) <= 0;
      if (!q1Zero) {
        r.volumeChange = (q2 - q1) / q1;
        r.revenueChange = (r.revenue2 - r.revenue1) / r.revenue1;
      }

      const samePrice = round9(p1) === round9(p2);
      if (samePrice) issues.push({ severity: 'error', field: 'testPrice', code: 'c05_2.samePrice' });
      if (q1Zero) issues.push({ severity: 'error', field: 'controlUnits', code: 'c05_2.zeroUnits' });
      if (q2Zero) issues.push({ severity: 'error', field: 'testUnits', code: 'c05_2.zeroUnits' });

      if (!samePrice && !q1Zero && !q2Zero) {
        pointsOk = true;
        const eArc = arcElasticity(p1, q1, p2, q2);
        const eLog = logElasticity(p1, q1, p2, q2);
        r.arcElasticity = eArc;
        r.logElasticity = eLog;
        r.elasticityClass = classifyElasticity(eArc);
        r.positiveElasticity = round9(eArc) > 0;
        if (r.positiveElasticity) issues.push({ severity: 'warning', code: 'c05_2.positiveElasticity' });

        const b = -(q2 - q1) / (p2 - p1);
        r.linear = { a: q1 + b * p1, b };
        r.constant = { E: eLog, A: q1 / p1 ** eLog };
        const min = Math.min(p1, p2);
        const max = Math.max(p1, p2);
        r.testedRange = { min, max };
        r.chartRange = { min: 0.5 * min, max: 1.5 * max };
      }
    }

    if (values.unitCost != null && r.revenue1 !== undefined && arms) {
      const c = values.unitCost;
      r.contribution1 = (arms.controlPrice - c) * arms.controlUnits;
      r.contribution2 = (arms.testPrice - c) * arms.testUnits;
      r.contributionDelta = r.contribution2 - r.contribution1;
      if (round9(r.contribution1) === 0) issues.push({ severity: 'info', code: 'c05_2.zeroBaseContribution' });
      else r.contributionChange = r.contributionDelta / Math.abs(r.contribution1);
    }

    // Demand model, optimum prices and the curves.
    const model = values.model;
    if (pointsOk && model && r.linear && r.constant && r.testedRange && r.chartRange) {
      const { a, b } = r.linear;
      const { A, E } = r.constant;
      const tested = r.testedRange;
      const chart = r.chartRange;
      const demand = (price: number) => (model === 'linear' ? Math.max(0, a - b * price) : A * price ** E);
      const c = values.unitCost;
      const optimumAt = (price: number): PriceOptimum => {
        const quantity = demand(price);
        const p = round9(price);
        return {
          price,
          quantity,
          revenue: price * quantity,
          ...(c != null ? { contribution: (price - c) * quantity } : {}),
          extrapolated: p < round9(tested.min) || p > round9(tested.max),
          farOutside: p < round9(chart.min) || p > round9(chart.max),
        };
      };
      const farWarning = (code: string, opt: PriceOptimum) => {
        if (opt.farOutside) issues.push({ severity: 'warning', code, params: { low: { money: chart.min }, high: { money: chart.max } } });
      };

      if (model === 'linear') {
        if (round9(b) <= 0) {
          issues.push({ severity: 'warning', code: 'c05_2.demandNotFalling' });
        } else {
          r.revenueOptimum = optimumAt(a / (2 * b));
          farWarning('c05_2.revenueFarOutside', r.revenueOptimum);
          if (c != null) {
            if (round9(c) >= round9(a / b)) {
              issues.push({ severity: 'warning', code: 'c05_2.noProfitablePrice' });
            } else {
              r.profitOptimum = optimumAt((a / b + c) / 2);
              farWarning('c05_2.profitFarOutside', r.profitOptimum);
            }
          }
        }
      } else {
        r.revenueOptimum = 'none';
        const e = round9(E);
        if (e >= 0) {
          issues.push({ severity: 'warning', code: 'c05_2.demandNotFalling' });
        } else {
          issues.push({ severity: 'info', code: 'c05_2.noRevenueOptimum' });
          if (e >= -1) {
            issues.push({ severity: 'warning', code: 'c05_2.inelasticNoOptimum' });
          } else if (c != null) {
            if (round9(c) === 0) {
              issues.push({ severity: 'warning', code: 'c05_2.zeroCostNoOptimum' });
            } else {
              r.profitOptimum = optimumAt((c * E) / (1 + E));
              farWarning('c05_2.profitFarOutside', r.profitOptimum);
            }
          }
        }
      }

      r.curve = Array.from({ length: CURVE_STEPS + 1 }, (_, i) => {
        const price = chart.min + ((chart.max - chart.min) * i) / CURVE_STEPS;
        const quantity = demand(price);
        return { price, quantity, revenue: price * quantity, ...(c != null ? { contribution: (price - c) * quantity } : {}) };
      });
    }

    // A/B significance on conversion (E2), only when all four counts are given.
    const counts = [values.controlVisitors, values.controlBuyers, values.testVisitors, values.testBuyers];
    const given = counts.filter((v) => v != null).length;
    if (given > 0 && given < 4) {
      issues.push({ severity: 'info', code: 'c05_2.abIncomplete' });
    }
    const ab = need(values, 'controlVisitors', 'controlBuyers', 'testVisitors', 'testBuyers');
    if (ab) {
      let countsOk = true;
      for (const [visitors, buyers] of [['controlVisitors', 'controlBuyers'], ['testVisitors', 'testBuyers']] as const) {
        if (ab[visitors] === 0) {
          issues.push({ severity: 'error', field: visitors, code: 'c05_2.zeroVisitors' });
          countsOk = false;
        } else if (ab[buyers] > ab[visitors]) {
          issues.push({ severity: 'error', field: buyers, code: 'c05_2.buyersAboveVisitors' });
          countsOk = false;
        }
      }
      if (countsOk && values.confidence != null) {
        const alpha = 1 - values.confidence;
        const z = zForConfidence(values.confidence);
        const arm1 = proportion(ab.controlBuyers, ab.controlVisitors, z);
        const arm2 = proportion(ab.testBuyers, ab.testVisitors, z);
        const test = twoProportionTest(ab.controlBuyers, ab.controlVisitors, ab.testBuyers, ab.testVisitors);
        if (!test.ok) {
          issues.push({ severity: 'warning', code: 'c05_2.abDegenerate' });
        } else if (arm1.ok && arm2.ok) {
          r.abTest = {
            rate1: arm1.rate, low1: arm1.low, high1: arm1.high,
            rate2: arm2.rate, low2: arm2.low, high2: arm2.high,
            z: test.z, pValue: test.pValue, alpha,
            significant: round9(test.pValue) <= round9(alpha),
          };
        }
      }
    }

    if (dropNonFinite(r).length) issues.push({ severity: 'warning', code: 'c05_2.tooExtreme' });
    return { results: r, issues };
  },
});
