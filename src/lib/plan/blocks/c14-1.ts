/** Plan block: KPIs with their targets (C14.1). */
import { kpiDashboard } from '../../calculators/c14-1-kpi-dashboard';
import { computeScenario } from '../../kit/scenario-compute';
import { firstRows, hasErrors, named, num, rowName, type Cell, type Summarise } from '../summary';

const summarise: Summarise = ({ scenario, defaultNames }) => {
  const { rows, read, rowReads, output } = computeScenario(named(kpiDashboard, defaultNames), scenario);
  const r = output.results;
  return {
    figures: [],
    columns: ['name', 'target', 'actual', 'attainment', 'status'],
    ...firstRows(
      (r.kpis ?? []).map((k): Cell[] => [
        rowName(rows, k.row),
        num('number', rowReads[k.row]?.values.target),
        num('number', rowReads[k.row]?.values.actual),
        num('percent', k.attainment),
        k.status ? { kind: 'choice', value: k.status } : { kind: 'none' },
      ]),
    ),
    hasErrors: hasErrors(output.issues, read.errors, rowReads),
  };
};
export default summarise;
