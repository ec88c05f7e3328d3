/** Plan block: budget split (C12.1). */
import { budgetAllocator } from '../../calculators/c12-1-budget-allocator';
import { computeScenario } from '../../kit/scenario-compute';
import { figure, firstRows, hasErrors, named, num, rowName, type Summarise } from '../summary';

const summarise: Summarise = ({ scenario, defaultNames }) => {
  const { rows, read, rowReads, output } = computeScenario(named(budgetAllocator, defaultNames), scenario);
  const r = output.results;
  // Largest amounts first: the plan shows where the money goes.
  const lines = [...(r.lines ?? [])].sort((a, b) => b.amount - a.amount);
  return {
    figures: [...figure('allocatable', 'money', r.allocatable), ...figure('reserve', 'money', r.reserveTotal ?? r.reserve)],
    columns: ['name', 'amount', 'share'],
    ...firstRows(lines.map((l) => [rowName(rows, l.row), num('money', l.amount), num('percent', l.share)])),
    hasErrors: hasErrors(output.issues, read.errors, rowReads),
  };
};
export default summarise;
