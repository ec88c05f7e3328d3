/** Plan block: warning thresholds of the indicators watched, most urgent first (C13.3). */
import { warningLevelsCalculator } from '../../calculators/c13-3-warning-levels';
import { computeScenario } from '../../kit/scenario-compute';
import { firstRows, hasErrors, named, num, rowName, type Cell, type Summarise } from '../summary';

const summarise: Summarise = ({ scenario, defaultNames }) => {
  const { rows, read, rowReads, output } = computeScenario(named(warningLevelsCalculator, defaultNames), scenario);
  const r = output.results;
  const byRow = new Map((r.indicators ?? []).map((i) => [i.row, i]));
  const ordered = (r.reviewOrder ?? []).map((row) => byRow.get(row)).filter((i) => i !== undefined);
  return {
    figures: [],
    columns: ['name', 'blue', 'yellow', 'red', 'current', 'level'],
    ...firstRows(
      ordered.map((i): Cell[] => [
        rowName(rows, i.row),
        num('number', i.thresholds.blue),
        num('number', i.thresholds.yellow),
        num('number', i.thresholds.red),
        num('number', rowReads[i.row]?.values.current),
        { kind: 'choice', value: i.level },
      ]),
    ),
    hasErrors: hasErrors(output.issues, read.errors, rowReads),
  };
};
export default summarise;
