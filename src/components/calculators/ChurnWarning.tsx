/** C10.3 island: warning indicators (RowTable), points or logistic score, risk band and the next win-back step; contribution bars and a half-doughnut gauge. */
import { useMemo } from 'preact/hooks';
import { blankChurnRow, churnWarning, type ChurnBand, type ChurnColumns, type ChurnMethod, type FailedLevel } from '../../lib/calculators/c10-3-churn-warning';
import { chart } from '../../lib/kit/chart-config';
import { interpolate } from '../../lib/kit/format';
import type { RawRow } from '../../lib/kit/rows';
import type { CalculatorStrings } from '../../i18n/en/index';
import { CalculatorFrame } from '../calculator/CalculatorFrame';
import { ChartFigure } from '../calculator/ChartFigure';
import { DonutFigure } from '../calculator/DonutFigure';
import { declareResults, present, ResultTable, tableCsvRows } from '../calculator/Results';
import { RowTable } from '../calculator/RowTable';
import { useIslandContext, type IslandProps } from '../calculator/island';
import { useCalculatorState } from '../calculator/useCalculatorState';
import { fieldRenderers, rowTableState, splitIssues } from '../calculator/wiring';

export default function ChurnWarning({ locale, ui, t }: IslandProps<CalculatorStrings<'C10.3'>>) {
  const { ctx, setCurrency } = useIslandContext('C10.3', locale, ui);
  // The twelve indicators are named in the reader's language (defaults and example share them).
  const def = useMemo(() => {
    const named = (rows: RawRow<ChurnColumns>[]) => rows.map((row, i) => ({ ...row, name: t.exampleIndicators[i] ?? row.name }));
    return { ...churnWarning, defaultRows: named(churnWarning.defaultRows!), exampleRows: named(churnWarning.exampleRows!) };
  }, [t]);
  const state = useCalculatorState(def);
  const f = ctx.format;
  const r = state.output.results;
  const tr = t.results;
  const c = t.charts;
  const na = ui.kit.notAvailable;
  const { fieldErrors, rowIssues, listed } = splitIssues(state.output.issues);
  const field = fieldRenderers(ctx, churnWarning.fields, state, t.fields, fieldErrors);
  const res = declareResults(r, tr);
  const logisticModel = state.read.values.method === 'logistic';

  const items = present([
    res('score', 'number', { digits: 1, emphasis: true }),
    logisticModel && res('probability', 'percent', { digits: 1, emphasis: true }),
    res('band', 'text', { value: r.band ? tr.bands[r.band] : undefined, emphasis: true }),
    res('step', 'text', { value: r.step ? tr.steps[r.step] : undefined, emphasis: true, detail: r.urgency && r.urgency !== 'none' ? tr.urgencies[r.urgency] : undefined }),
    res('flagged', 'count', { key: 'flaggedCount', value: r.flaggedCount }),
    res('indicatorCount', 'count', { key: 'indicatorCount', value: r.indicatorCount }),
  ]);

  const nameOf = (row: number) => state.rows[row]?.name || interpolate(t.indicatorN, { n: row + 1 });
  const indicators = r.indicators ?? [];
  const headers = [t.columns.name, t.columns.value, t.columns.threshold, tr.flag, logisticModel ? tr.logOdds : tr.points];
  const rows = indicators.map((x) => {
    const read = state.rowReads[x.row]?.values;
    const part = logisticModel ? x.logOdds : x.points;
    return [
      nameOf(x.row),
      read?.value == null ? na : f.number(read.value, 2),
      read?.threshold == null ? na : f.number(read.threshold, 2),
      x.flagged ? tr.flagYes : tr.flagNo,
      part === undefined ? na : f.number(part, 2),
    ];
  });
  const contributions = r.contributions ?? [];
  const bandColor = (band: ChurnBand | undefined) => (band === 'high' ? 'alert' : band === 'medium' ? 1 : 0);

  return (
    <CalculatorFrame
      ctx={ctx}
      t={t}
      state={state}
      onCurrency={setCurrency}
      layout="stacked"
      items={items}
      issues={listed}
      csvExtra={() => tableCsvRows(headers, rows)}
      inputs={
        <>
          {field.choice('method', t.methods as Record<ChurnMethod, string>)}
          <RowTable
            ctx={ctx}
            caption={t.tableCaption}
            spec={churnWarning.table!}
            {...rowTableState(state)}
            labels={t.columns}
            choiceLabels={{ direction: t.directions }}
            issues={rowIssues}
            blankRow={(index) => ({ ...blankChurnRow(), name: interpolate(t.indicatorN, { n: index + 1 }) })}
          />
          {logisticModel && field.number('intercept', { hint: t.hints.intercept })}
          {field.number('mediumFrom')}
          {field.number('highFrom')}
          {field.choice('failedLevel', t.failedLevels as Record<FailedLevel, string>, { hint: t.hints.failedLevel })}
        </>
      }
      results={rows.length > 0 && <ResultTable ctx={ctx} id="indicators" caption={t.tableCaption} headers={headers} rows={rows} rowAttrs={(i) => ({ 'data-row': indicators[i]!.row, 'data-flagged': String(indicators[i]!.flagged) })} />}
      charts={
        <>
          <ChartFigure
            ctx={ctx}
            id="contributions"
            title={c.contributions.title}
            description={c.contributions.description}
            dataKey={JSON.stringify([contributions, contributions.map((x) => nameOf(x.row)), logisticModel, locale])}
            config={
              contributions.length > 0 &&
              chart('bar', {
                labels: contributions.map((x) => nameOf(x.row)),
                horizontal: true,
                series: [{ label: logisticModel ? tr.logOdds : tr.points, data: contributions.map((x) => x.value), color: (p) => contributions.map((x) => (x.value > 0 ? p.alert : p.series[0]!)) }],
                x: { format: (v) => f.number(v, 1) },
                y: { category: true },
              })
            }
            table={{ columns: [t.columns.name, logisticModel ? tr.logOdds : tr.points], rows: contributions.map((x) => [nameOf(x.row), f.number(x.value, 2)]) }}
          />
          <DonutFigure
            ctx={ctx}
            id="gauge"
            title={c.gauge.title}
            description={c.gauge.description}
            dataKey={JSON.stringify([r.score, r.band, locale])}
            config={
              r.score !== undefined &&
              ((p) => {
                const color = bandColor(r.band);
                return {
                  type: 'doughnut',
                  data: {
                    labels: [tr.score, ''],
                    datasets: [{ label: tr.score, data: [r.score!, 100 - r.score!], backgroundColor: [color === 'alert' ? p.alert : p.series[color]!, p.grid] }],
                  },
                  options: { rotation: -90, circumference: 180, plugins: { legend: { display: false } } },
                };
              })
            }
            table={{ columns: [tr.score, tr.band], rows: r.score === undefined ? [] : [[f.number(r.score, 1), r.band ? tr.bands[r.band] : na]] }}
          />
        </>
      }
    />
  );
}
