/** Plan block: the top risks, in the matrix's ranking (C13.1). */
import { riskMatrix } from '../../calculators/c13-1-risk-matrix';
import { computeScenario } from '../../kit/scenario-compute';
import { figure, firstRows, hasErrors, named, num, rowName, type Cell, type Summarise } from '../summary';

const summarise: Summarise = ({ scenario, defaultNames }) => {
  const { rows, read, rowReads, output } = computeScenario(named(riskMatrix, defaultNames), scenario);
  const r = output.results;
  const byRow = new Map((r.risks ?? []).map((risk) => [risk.row, risk]));
  const ranked = (r.ranking ?? []).map((row) => byRow.get(row)).filter((risk) => risk !== undefined);
  const withLoss = ranked.some((risk) => risk.expectedLoss !== undefined);
  return {
    figures: withLoss ? figure('totalExpectedLoss', 'money', r.totalExpectedLoss) : [],
    columns: ['name', 'score', 'band', ...(withLoss ? ['expectedLoss'] : [])],
    ...firstRows(
      ranked.map((risk): Cell[] => [
        rowName(rows, risk.row),
        num('integer', risk.score),
        { kind: 'choice', value: risk.band },
        ...(withLoss ? [num('money', risk.expectedLoss)] : []),
      ]),
    ),
    hasErrors: hasErrors(output.issues, read.errors, rowReads),
  };
};
export default summarise;
