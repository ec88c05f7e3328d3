/**
 * C11.2 Before/after cost–benefit, ROI and payback month (methodology chapter 11.3).
 *
 * Variant: labour cost per task `= hours per task × loaded hourly cost`; the monthly saving is
 * `tasks × (C_before − C_after)`; over a horizon of H months
 * `ROI = (H·saving − investment − H·running) / (investment + H·running)`; payback in months
 * `= investment / (saving − running)` (no payback when saving ≤ running), and the payback month
 * is that figure rounded up (an investment of 0 pays back in month 0). Only staff time counts
 * as saving: removing waiting from a queue shortens lead time (C11.1) but saves no labour.
 */
import { ceilSafe, defineCalculator, dropNonFinite, need, round9, type Issue } from '../kit/calculator';

/** Longest horizon, in months (the cumulative series has one point per month). */
export const MAX_HORIZON = 600;
const MAX_MONEY = 1e12;

export interface CostBenefitResults {
  costBefore: number;
  costAfter: number;
  /** Reduction in cost per task, a fraction of the cost before. */
  reduction: number;
  monthlySaving: number;
  monthlyNetBenefit: number;
  totalSaving: number;
  totalRunning: number;
  netBenefit: number;
  roi: number;
  /** Exact payback in months. */
  paybackMonths: number;
  /** First whole month by whose end the investment is paid back. */
  paybackMonth: number;
  paysBackWithinHorizon: boolean;
  utilizationChange: number;
  /** Cumulative net benefit at the end of each month 0..H (month 0 = the investment). */
  cumulative: { month: number; net: number }[];
}

const money = { kind: 'money', min: 0, max: MAX_MONEY } as const;
const hours = { kind: 'number', min: 0, max: 1e6 } as const;
const utilization = { kind: 'percent', min: 0, max: 1, optional: true } as const;

export const costBenefit = defineCalculator({
  id: 'C11.2',
  fields: {
    tasksPerMonth: { kind: 'number', min: 0, max: 1e9 },
    hoursBefore: hours,
    hoursAfter: hours,
    hourlyCost: money,
    investment: money,
    runningCost: money,
    horizon: { kind: 'count', min: 1, max: MAX_HORIZON },
    utilizationBefore: utilization,
    utilizationAfter: utilization,
  },
  defaults: {
    tasksPerMonth: '1000', hoursBefore: '0.5', hoursAfter: '0.4', hourlyCost: '50', investment: '20000',
    runningCost: '500', horizon: '12', utilizationBefore: '', utilizationAfter: '',
  },
  // Chapter 11's order-review change, consistent with its time study: merging the 4.5 redundant
  // minutes of re-checks removes 4.5 of 60 staff minutes per order (1.0 → 0.925 h); automating
  // the review queue removes waiting only, so it saves no labour. The chapter claims no
  // utilization change (the freed hours go to named work), so those fields stay empty.
  example: {
    tasksPerMonth: '2000', hoursBefore: '1', hoursAfter: '0.925', hourlyCost: '60', investment: '20000',
    runningCost: '500', horizon: '12', utilizationBefore: '', utilizationAfter: '',
  },
  compute(values) {
    const r: Partial<CostBenefitResults> = {};
    const issues: Issue[] = [];

    const costs = need(values, 'hoursBefore', 'hoursAfter', 'hourlyCost');
    if (costs) {
      r.costBefore = costs.hoursBefore * costs.hourlyCost;
      r.costAfter = costs.hoursAfter * costs.hourlyCost;
      if (round9(r.costBefore) === 0) issues.push({ severity: 'error', field: 'hoursBefore', code: 'c11_2.zeroCostBefore' });
      else r.reduction = (r.costBefore - r.costAfter) / r.costBefore;
      if (round9(r.costAfter) > round9(r.costBefore)) issues.push({ severity: 'warning', field: 'hoursAfter', code: 'c11_2.costRises' });
    }

    if (r.costBefore !== undefined && r.costAfter !== undefined && values.tasksPerMonth != null) {
      r.monthlySaving = values.tasksPerMonth * (r.costBefore - r.costAfter);
    }

    const plan = need(values, 'investment', 'runningCost', 'horizon');
    const saving = r.monthlySaving;
    if (saving !== undefined && plan) {
      const h = plan.horizon;
      r.monthlyNetBenefit = saving - plan.runningCost;
      r.totalSaving = saving * h;
      r.totalRunning = plan.runningCost * h;
      r.netBenefit = r.totalSaving - plan.investment - r.totalRunning;
      const outlay = plan.investment + r.totalRunning;
      if (round9(outlay) === 0) issues.push({ severity: 'error', field: 'investment', code: 'c11_2.noOutlay' });
      else r.roi = r.netBenefit / outlay;

      if (round9(saving - plan.runningCost) <= 0) {
        issues.push({ severity: 'warning', field: 'runningCost', code: 'c11_2.neverPaysBack' });
        r.paysBackWithinHorizon = false;
      } else {
        r.paybackMonths = plan.investment / (saving - plan.runningCost);
        r.paybackMonth = ceilSafe(r.paybackMonths);
        r.paysBackWithinHorizon = r.paybackMonth <= h;
        if (!r.paysBackWithinHorizon) issues.push({ severity: 'info', field: 'horizon', code: 'c11_2.paybackAfterHorizon', params: { month: r.paybackMonth } });
      }
      r.cumulative = Array.from({ length: h + 1 }, (_, month) => ({ month, net: month * (saving - plan.runningCost) - plan.investment }));
    }

    if (values.utilizationBefore != null && values.utilizationAfter != null) {
      r.utilizationChange = values.utilizationAfter - values.utilizationBefore;
    }

    if (dropNonFinite(r).length) issues.push({ severity: 'warning', code: 'c11_2.tooExtreme' });
    return { results: r, issues };
  },
});
