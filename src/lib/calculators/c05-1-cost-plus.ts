/**
 * C05.1 Cost-plus price, cost–volume–profit and break-even (methodology chapter 5.1).
 *
 * Variant: the markup basis adds k to full cost (`P = full cost × (1 + k)`); the margin basis
 * sets the margin on price (`P = full cost / (1 − m)`). Break-even is shown exactly and rounded
 * up to whole units; margin of safety uses the exact break-even.
 */
import { ceilSafe, defineCalculator, need, round9, type Issue } from '../kit/calculator';

export const pricingBases = ['markup', 'margin'] as const;
export type PricingBasis = (typeof pricingBases)[number];

export type PriceIndexSide = 'penetration' | 'parity' | 'premium';

export interface CostPlusResults {
  variableCost: number;
  fixedCostPerUnit: number;
  fullCost: number;
  price: number;
  markupOnCost: number;
  marginOnPrice: number;
  unitContribution: number;
  contributionRatio: number;
  breakEvenUnitsExact: number;
  breakEvenUnits: number;
  breakEvenRevenue: number;
  profitAtPlan: number;
  targetProfitUnitsExact: number;
  targetProfitUnits: number;
  marginOfSafety: number;
  priceIndex: number;
  priceIndexSide: PriceIndexSide;
  /** CVP chart: volume from 0 to 2 × plan with revenue, total and fixed cost. */
  cvp: { volume: number; revenue: number; totalCost: number; fixedCost: number }[];
  /** Per-unit build-up of the price at planned volume. */
  buildUp: { material: number; labour: number; other: number; fixedShare: number; profit: number };
}

const money = { kind: 'money', min: 0 } as const;

export const costPlus = defineCalculator({
  id: 'C05.1',
  fields: {
    material: money,
    labour: money,
    otherVariable: money,
    fixedCosts: money,
    plannedVolume: { kind: 'count', min: 0 },
    basis: { kind: 'choice', options: pricingBases },
    markup: { kind: 'percent', min: 0 },
    margin: { kind: 'percent', min: 0 },
    targetProfit: { kind: 'money', optional: true },
    competitorPrice: { kind: 'money', optional: true },
    reviewThreshold: { kind: 'percent', min: 0, max: 1 },
    portfolioTarget: { kind: 'percent', min: 0, max: 1 },
  },
  // A smaller product to start from, so that loading the worked example visibly changes the figures.
  defaults: {
    material: '12', labour: '8', otherVariable: '4', fixedCosts: '60000', plannedVolume: '5000',
    basis: 'markup', markup: '25', margin: '25', targetProfit: '', competitorPrice: '',
    reviewThreshold: '5', portfolioTarget: '25',
  },
  // The worked example chapter 5 prints next to the calculator (and the methodology gives).
  example: {
    material: '30', labour: '15', otherVariable: '5', fixedCosts: '200000', plannedVolume: '10000',
    basis: 'markup', markup: '30', margin: '25', targetProfit: '', competitorPrice: '',
    reviewThreshold: '5', portfolioTarget: '25',
  },
  compute(values) {
    const r: Partial<CostPlusResults> = {};
    const issues: Issue[] = [];

    const variable = need(values, 'material', 'labour', 'otherVariable');
    if (variable) r.variableCost = variable.material + variable.labour + variable.otherVariable;

    const plan = need(values, 'fixedCosts', 'plannedVolume');
    if (plan && plan.plannedVolume === 0) {
      issues.push({ severity: 'error', field: 'plannedVolume', code: 'c05_1.zeroVolume' });
    } else if (plan) {
      r.fixedCostPerUnit = plan.fixedCosts / plan.plannedVolume;
      if (r.variableCost !== undefined) r.fullCost = r.variableCost + r.fixedCostPerUnit;
    }

    if (r.fullCost !== undefined && values.basis === 'markup' && values.markup != null) {
      const k = values.markup;
      r.price = r.fullCost * (1 + k);
      r.markupOnCost = k;
      r.marginOnPrice = k / (1 + k);
    } else if (r.fullCost !== undefined && values.basis === 'margin' && values.margin != null) {
      const m = values.margin;
      if (round9(m) >= 1) {
        issues.push({ severity: 'error', field: 'margin', code: 'c05_1.marginTooHigh' });
      } else {
        r.price = r.fullCost / (1 - m);
        r.marginOnPrice = m;
        r.markupOnCost = m / (1 - m);
      }
    }

    const { price, variableCost } = r;
    if (price !== undefined && variableCost !== undefined) {
      r.unitContribution = price - variableCost;
      if (price > 0) r.contributionRatio = r.unitContribution / price;
      else issues.push({ severity: 'error', code: 'c05_1.zeroPrice' });

      if (round9(price - variableCost) <= 0) {
        issues.push({ severity: 'error', code: 'c05_1.noBreakEven' });
      } else if (plan) {
        const cm = price - variableCost;
        r.breakEvenUnitsExact = plan.fixedCosts / cm;
        r.breakEvenUnits = ceilSafe(r.breakEvenUnitsExact);
        r.breakEvenRevenue = plan.fixedCosts / (cm / price);
        if (plan.plannedVolume > 0) {
          r.marginOfSafety = (plan.plannedVolume - r.breakEvenUnitsExact) / plan.plannedVolume;
        }
        if (values.targetProfit != null) {
          r.targetProfitUnitsExact = (plan.fixedCosts + values.targetProfit) / cm;
          if (r.targetProfitUnitsExact < 0) {
            issues.push({ severity: 'warning', field: 'targetProfit', code: 'c05_1.targetBelowLoss' });
            delete r.targetProfitUnitsExact;
          } else {
            r.targetProfitUnits = ceilSafe(r.targetProfitUnitsExact);
          }
        }
      }
      if (plan) r.profitAtPlan = (price - variableCost) * plan.plannedVolume - plan.fixedCosts;

      if (plan && plan.plannedVolume > 0) {
        const top = 2 * plan.plannedVolume;
        const steps = 20;
        r.cvp = Array.from({ length: steps + 1 }, (_, i) => {
          const volume = (top * i) / steps;
          return {
            volume,
            revenue: price * volume,
            totalCost: plan.fixedCosts + variableCost * volume,
            fixedCost: plan.fixedCosts,
          };
        });
      }
      if (variable && r.fixedCostPerUnit !== undefined && r.fullCost !== undefined) {
        r.buildUp = {
          material: variable.material,
          labour: variable.labour,
          other: variable.otherVariable,
          fixedShare: r.fixedCostPerUnit,
          profit: price - r.fullCost,
        };
      }
    }

    const { contributionRatio } = r;
    if (contributionRatio !== undefined) {
      if (values.reviewThreshold != null && round9(contributionRatio) < round9(values.reviewThreshold)) {
        issues.push({ severity: 'warning', code: 'c05_1.belowReview', params: { threshold: values.reviewThreshold } });
      } else if (values.portfolioTarget != null && round9(contributionRatio) < round9(values.portfolioTarget)) {
        issues.push({ severity: 'info', code: 'c05_1.belowPortfolio', params: { threshold: values.portfolioTarget } });
      }
    }

    if (values.competitorPrice != null && price !== undefined) {
      if (values.competitorPrice <= 0) {
        issues.push({ severity: 'error', field: 'competitorPrice', code: 'c05_1.competitorPricePositive' });
      } else {
        r.priceIndex = price / values.competitorPrice;
        const idx = round9(r.priceIndex);
        r.priceIndexSide = idx < 1 ? 'penetration' : idx === 1 ? 'parity' : 'premium';
      }
    }

    return { results: r, issues };
  },
});
