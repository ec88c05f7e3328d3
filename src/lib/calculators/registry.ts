/**
 * Every implemented calculator's pure module, by catalog id: the one list that tests (the
 * generic browser checks, the all-modules property test, the no-JavaScript check) iterate over.
 * Adding a calculator = its module, its island, its strings, and one line here.
 */
import type { CalculatorId } from '../../catalog';
import type { CalculatorDefinition } from '../kit/calculator';
import type { FieldSpecs } from '../kit/fields';
import { marketSizing } from './c03-1-market-sizing';
import { segmentAttractiveness } from './c03-2-segment-attractiveness';
import { kmeansCalc } from './c03-3-kmeans';
import { costPlus } from './c05-1-cost-plus';
import { elasticity } from './c05-2-elasticity';
import { priceAdjustment } from './c05-3-price-adjustment';
import { budgetAllocator } from './c12-1-budget-allocator';
import { budgetVariance } from './c12-2-budget-variance';
import { efficiency } from './c12-3-efficiency';
import { costBenefit } from './c11-2-cost-benefit';
import { lifetimeValueCalculator } from './c10-2-lifetime-value';
import { stressTest } from './c13-2-stress-test';
import { kpiDashboard } from './c14-1-kpi-dashboard';
import { xmrChart } from './c14-2-xmr-chart';
import { processMetrics } from './c11-1-process-metrics';

/** A definition with its own field, result and column types erased, for code that handles any calculator. */
export type AnyCalculator = CalculatorDefinition<FieldSpecs, Record<string, unknown>, FieldSpecs>;

const erase = (def: unknown) => def as AnyCalculator;

export const CALCULATORS: Partial<Record<CalculatorId, AnyCalculator>> = {
  'C03.1': erase(marketSizing),
  'C03.2': erase(segmentAttractiveness),
  'C03.3': erase(kmeansCalc),
  'C05.1': erase(costPlus),
  'C05.2': erase(elasticity),
  'C05.3': erase(priceAdjustment),
  'C12.1': erase(budgetAllocator),
  'C12.2': erase(budgetVariance),
  'C12.3': erase(efficiency),
  'C11.2': erase(costBenefit),
  'C10.2': erase(lifetimeValueCalculator),
  'C13.2': erase(stressTest),
  'C14.1': erase(kpiDashboard),
  'C14.2': erase(xmrChart),
  'C11.1': erase(processMetrics),
};

export const IMPLEMENTED_IDS = Object.keys(CALCULATORS) as CalculatorId[];
