/** Plan block: channels (C06.1). */
import { channelRoi } from '../../calculators/c06-1-channel-roi';
import { computeScenario } from '../../kit/scenario-compute';
import { figure, firstRows, hasErrors, named, num, rowName, type Summarise } from '../summary';

const summarise: Summarise = ({ scenario, defaultNames }) => {
  const { rows, read, rowReads, output } = computeScenario(named(channelRoi, defaultNames), scenario);
  const r = output.results;
  return {
    figures: [...figure('totalSpend', 'money', r.totalSpend), ...figure('overallRoas', 'ratio', r.overallRoas), ...figure('overallCac', 'money', r.overallCac)],
    columns: ['name', 'spend', 'roas', 'ltvToCac'],
    ...firstRows((r.channels ?? []).map((c) => [rowName(rows, c.row), num('money', rowReads[c.row]?.values.spend), num('ratio', c.roas), num('ratio', c.ltvToCac)])),
    hasErrors: hasErrors(output.issues, read.errors, rowReads),
  };
};
export default summarise;
