/** Plan block: market and segment size (C03.1). */
import { marketSizing } from '../../calculators/c03-1-market-sizing';
import { computeScenario } from '../../kit/scenario-compute';
import { figure, hasErrors, type Summarise } from '../summary';

const summarise: Summarise = ({ scenario }) => {
  const { read, rowReads, output } = computeScenario(marketSizing, scenario);
  const r = output.results;
  const horizon = r.projection?.at(-1)?.year;
  return {
    figures: [
      ...figure('tam', 'money', r.tamValue),
      ...figure('sam', 'money', r.samValue),
      ...figure('som', 'money', r.somValue),
      ...(horizon ? figure('somAtHorizon', 'money', r.somAtHorizon, { years: horizon }) : []),
    ],
    columns: [],
    rows: [],
    moreRows: 0,
    hasErrors: hasErrors(output.issues, read.errors, rowReads),
  };
};
export default summarise;
