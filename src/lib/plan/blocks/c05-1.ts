/** Plan block: price and break-even (C05.1). */
import { costPlus } from '../../calculators/c05-1-cost-plus';
import { computeScenario } from '../../kit/scenario-compute';
import { figure, hasErrors, type Summarise } from '../summary';

const summarise: Summarise = ({ scenario }) => {
  const { read, rowReads, output } = computeScenario(costPlus, scenario);
  const r = output.results;
  return {
    figures: [
      ...figure('price', 'money', r.price),
      ...figure('unitContribution', 'money', r.unitContribution),
      ...figure('contributionRatio', 'percent', r.contributionRatio),
      ...figure('breakEvenUnits', 'integer', r.breakEvenUnits),
      ...figure('breakEvenRevenue', 'money', r.breakEvenRevenue),
      ...figure('marginOfSafety', 'percent', r.marginOfSafety),
      ...figure('profitAtPlan', 'money', r.profitAtPlan),
    ],
    columns: [],
    rows: [],
    moreRows: 0,
    hasErrors: hasErrors(output.issues, read.errors, rowReads),
  };
};
export default summarise;
