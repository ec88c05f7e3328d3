/**
 * C10.2 Customer lifetime value with payback year and CLV/CAC (methodology chapter 10.2).
 *
 * Variant: the E5 engine with yearly periods and the margin received at the start of each year:
 * `m = AOV × purchases per year × gross margin − yearly retention cost`,
 * `CLV_T = Σ_{t=0}^{T−1} m·r^t/(1+d)^t`, `CLV_∞ = m·(1+d)/(1+d−r)`; net of acquisition
 * `CLV − CAC`; `CLV/CAC` with the finite-horizon CLV; payback year = the first year whose
 * cumulative CLV ≥ CAC ("not within the horizon" if none); expected lifetime `1/(1−r)` years.
 */
import { defineCalculator, dropNonFinite, need, type Issue } from '../kit/calculator';
import { lifetimeValue, MAX_CLV_HORIZON, periodMargin } from './engines/clv';

const MAX_MONEY = 1e12;

export interface LifetimeValueResults {
  /** Expected margin per year before retention and discounting, m. */
  marginPerYear: number;
  clvFinite: number;
  clvInfinite: number;
  simpleLtv: number;
  netFinite: number;
  netInfinite: number;
  clvToCac: number;
  /** First year with cumulative CLV ≥ CAC; null = not within the horizon. */
  paybackYear: number | null;
  expectedLifetime: number;
  /** One row per year: discounted margin that year and cumulative CLV. */
  years: { year: number; discounted: number; cumulative: number }[];
  acquisitionCost: number;
}

const money = { kind: 'money', min: 0, max: MAX_MONEY } as const;

export const lifetimeValueCalculator = defineCalculator({
  id: 'C10.2',
  fields: {
    orderValue: money,
    purchasesPerYear: { kind: 'number', min: 0, max: 1e6 },
    grossMargin: { kind: 'percent', min: 0, max: 1 },
    retention: { kind: 'percent', min: 0, max: 1 },
    discountRate: { kind: 'percent', min: 0, max: 10 },
    horizon: { kind: 'count', min: 1, max: MAX_CLV_HORIZON },
    acquisitionCost: money,
    retentionCost: money,
  },
  defaults: {
    orderValue: '300', purchasesPerYear: '6', grossMargin: '35', retention: '70', discountRate: '8', horizon: '5',
    acquisitionCost: '400', retentionCost: '50',
  },
  // Chapter 10's potential-tier customer (the methodology's E5 worked example).
  example: {
    orderValue: '500', purchasesPerYear: '4', grossMargin: '40', retention: '80', discountRate: '10', horizon: '5',
    acquisitionCost: '600', retentionCost: '0',
  },
  compute(values) {
    const r: Partial<LifetimeValueResults> = {};
    const issues: Issue[] = [];

    const margin = need(values, 'orderValue', 'purchasesPerYear', 'grossMargin', 'retentionCost');
    if (!margin) return { results: r, issues };
    const m = periodMargin(margin.orderValue, margin.purchasesPerYear, margin.grossMargin, margin.retentionCost);
    r.marginPerYear = m;
    if (m <= 0) issues.push({ severity: 'warning', field: 'retentionCost', code: 'c10_2.noMargin' });

    const rates = need(values, 'retention', 'discountRate', 'horizon');
    if (!rates) return finish(r, issues);
    const summary = lifetimeValue({ margin: m, retention: rates.retention, discountRate: rates.discountRate, horizon: rates.horizon, acquisitionCost: values.acquisitionCost ?? null });
    if (summary.finite) {
      r.clvFinite = summary.finite.value;
      r.years = summary.finite.perPeriod.map((discounted, t) => ({ year: t + 1, discounted, cumulative: summary.finite!.cumulative[t]! }));
    }
    if (summary.infinite !== undefined) r.clvInfinite = summary.infinite;
    if (summary.simple !== undefined) r.simpleLtv = summary.simple;
    if (summary.expectedLifetime !== undefined) r.expectedLifetime = summary.expectedLifetime;
    if (summary.netFinite !== undefined) r.netFinite = summary.netFinite;
    if (summary.netInfinite !== undefined) r.netInfinite = summary.netInfinite;
    if (summary.ratioToCac !== undefined) r.clvToCac = summary.ratioToCac;
    if (summary.payback !== undefined) r.paybackYear = summary.payback;
    if (values.acquisitionCost != null) r.acquisitionCost = values.acquisitionCost;

    for (const guard of summary.guards) {
      if (guard.reason === 'neverEnds') issues.push({ severity: 'warning', field: 'retention', code: 'c10_2.neverEnds' });
      else if (guard.reason === 'fullRetention' && guard.part === 'lifetime') issues.push({ severity: 'warning', field: 'retention', code: 'c10_2.fullRetention' });
      else if (guard.reason === 'zeroAcquisitionCost') issues.push({ severity: 'info', field: 'acquisitionCost', code: 'c10_2.zeroCac' });
      else if (guard.reason === 'overflow' && !issues.some((i) => i.code === 'c10_2.tooExtreme')) issues.push({ severity: 'warning', code: 'c10_2.tooExtreme' });
    }
    if (r.paybackYear === null) issues.push({ severity: 'info', field: 'horizon', code: 'c10_2.noPayback' });
    return finish(r, issues);
  },
});

function finish(r: Partial<LifetimeValueResults>, issues: Issue[]) {
  if (dropNonFinite(r).length && !issues.some((i) => i.code === 'c10_2.tooExtreme')) issues.push({ severity: 'warning', code: 'c10_2.tooExtreme' });
  return { results: r, issues };
}
