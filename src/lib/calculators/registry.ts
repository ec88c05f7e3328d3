/**
 * Every implemented calculator module by id. Kit-wide tests (the all-modules property test,
 * CSV round trips) run over this list, so a new calculator is covered by adding its line here.
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

// The registry forgets each module's own result type: callers only run and inspect them generically.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCalculator = CalculatorDefinition<FieldSpecs, any, FieldSpecs>;

const all = [costPlus, elasticity, priceAdjustment, marketSizing, segmentAttractiveness, kmeansCalc, budgetAllocator, budgetVariance, efficiency];

export const CALCULATORS: ReadonlyMap<CalculatorId, AnyCalculator> = new Map(all.map((def) => [def.id, def as unknown as AnyCalculator]));
