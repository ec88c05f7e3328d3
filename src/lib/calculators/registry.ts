/**
 * Every catalog calculator's pure module, by catalog id: the list that tests (the generic browser
 * checks, the all-modules property test, the site sweep) iterate over. The type requires every
 * catalog id, so a calculator added to the catalog without its module fails the type check.
 * Adding a calculator = its module, its island, its strings, and one line here.
 */
import type { CalculatorId } from '../../catalog';
import type { CalculatorDefinition } from '../kit/calculator';
import type { FieldSpecs } from '../kit/fields';
import { shareCascade } from './c01-1-share-cascade';
import { milestoneTracker } from './c01-2-milestone-tracker';
import { concentration } from './c02-1-concentration';
import { environmentForces } from './c02-3-environment-forces';
import { growthCagr } from './c02-2-growth-cagr';
import { bcgMatrix } from './c04-1-bcg-matrix';
import { contributionMix } from './c04-2-contribution-mix';
import { stageGateNps } from './c04-3-stage-gate-nps';
import { marketSizing } from './c03-1-market-sizing';
import { segmentAttractiveness } from './c03-2-segment-attractiveness';
import { kmeansCalc } from './c03-3-kmeans';
import { costPlus } from './c05-1-cost-plus';
import { elasticity } from './c05-2-elasticity';
import { priceAdjustment } from './c05-3-price-adjustment';
import { tieredCommission } from './c09-1-commission';
import { imcCampaignMetrics } from './c07-2-imc-metrics';
import { funnelAb } from './c08-2-funnel-ab';
import { brandHealth } from './c07-1-brand-health';
import { channelRoi } from './c06-1-channel-roi';
import { attribution } from './c08-3-attribution';
import { kpiScorecard } from './c09-2-kpi-scorecard';
import { partnerScorecard } from './c06-2-partner-scorecard';
import { budgetAllocator } from './c12-1-budget-allocator';
import { budgetVariance } from './c12-2-budget-variance';
import { efficiency } from './c12-3-efficiency';
import { costBenefit } from './c11-2-cost-benefit';
import { lifetimeValueCalculator } from './c10-2-lifetime-value';
import { stressTest } from './c13-2-stress-test';
import { kpiDashboard } from './c14-1-kpi-dashboard';
import { xmrChart } from './c14-2-xmr-chart';
import { processMetrics } from './c11-1-process-metrics';
import { riskMatrix } from './c13-1-risk-matrix';
import { churnWarning } from './c10-3-churn-warning';
import { warningLevelsCalculator } from './c13-3-warning-levels';
import { customerTiers } from './c10-1-customer-tiers';
import { rfmScorer } from './c08-1-rfm';

/** A definition with its own field, result and column types erased, for code that handles any calculator. */
export type AnyCalculator = CalculatorDefinition<FieldSpecs, Record<string, unknown>, FieldSpecs>;

const erase = (def: unknown) => def as AnyCalculator;

export const CALCULATORS: Record<CalculatorId, AnyCalculator> = {
  'C01.1': erase(shareCascade),
  'C01.2': erase(milestoneTracker),
  'C02.1': erase(concentration),
  'C02.2': erase(growthCagr),
  'C02.3': erase(environmentForces),
  'C03.1': erase(marketSizing),
  'C03.2': erase(segmentAttractiveness),
  'C03.3': erase(kmeansCalc),
  'C04.1': erase(bcgMatrix),
  'C04.2': erase(contributionMix),
  'C04.3': erase(stageGateNps),
  'C05.1': erase(costPlus),
  'C05.2': erase(elasticity),
  'C05.3': erase(priceAdjustment),
  'C06.1': erase(channelRoi),
  'C06.2': erase(partnerScorecard),
  'C07.1': erase(brandHealth),
  'C07.2': erase(imcCampaignMetrics),
  'C08.1': erase(rfmScorer),
  'C08.2': erase(funnelAb),
  'C08.3': erase(attribution),
  'C09.1': erase(tieredCommission),
  'C09.2': erase(kpiScorecard),
  'C10.1': erase(customerTiers),
  'C10.2': erase(lifetimeValueCalculator),
  'C10.3': erase(churnWarning),
  'C11.1': erase(processMetrics),
  'C11.2': erase(costBenefit),
  'C12.1': erase(budgetAllocator),
  'C12.2': erase(budgetVariance),
  'C12.3': erase(efficiency),
  'C13.1': erase(riskMatrix),
  'C13.2': erase(stressTest),
  'C13.3': erase(warningLevelsCalculator),
  'C14.1': erase(kpiDashboard),
  'C14.2': erase(xmrChart),
};

