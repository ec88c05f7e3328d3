/** C01.2 island: quarterly targets and actuals; attainment, run-rate forecast and what the rest of the year needs. */
import { milestoneTracker } from '../../lib/calculators/c01-2-milestone-tracker';
import { chart } from '../../lib/kit/chart-config';
import { interpolate } from '../../lib/kit/format';
import type { CalculatorStrings } from '../../i18n/en/index';
import { CalculatorFrame } from '../calculator/CalculatorFrame';
import { ChartFigure } from '../calculator/ChartFigure';
import { declareResults, present, ResultTable, tableCsvRows } from '../calculator/Results';
import { useIslandContext, type IslandProps } from '../calculator/island';
import { useCalculatorState } from '../calculator/useCalculatorState';
import { fieldRenderers } from '../calculator/wiring';

export default function MilestoneTracker({ locale, ui, t }: IslandProps<CalculatorStrings<'C01.2'>>) {
  const { ctx, setCurrency } = useIslandContext('C01.2', locale, ui);
  const state = useCalculatorState(milestoneTracker);
  const f = ctx.format;
  const r = state.output.results;
  const tr = t.results;
  const c = t.charts;
  const na = ui.kit.notAvailable;
  const field = fieldRenderers(ctx, milestoneTracker.fields, state, t.fields, state.output.issues);
  const res = declareResults(r, tr);

  const items = present([
    res('annualTarget', 'money'),
    res('targetToDate', 'money'),
    res('actualToDate', 'money'),
    res('ytdAttainment', 'percent', { digits: 1, emphasis: true, detail: r.ytdStatus && tr.statuses[r.ytdStatus] }),
    res('runRateForecast', 'money', { emphasis: true }),
    res('gap', 'signedMoney'),
    res('remaining', 'money'),
    res('neededPerQuarter', 'money', { emphasis: true }),
    res('plannedPerQuarter', 'money'),
    res('stretch', 'signedPercent', { digits: 1 }),
  ]);

  const quarters = r.quarters ?? [];
  const qName = (n: number) => interpolate(tr.quarterN, { n });
  const headers = [tr.quarter, tr.target, tr.actual, tr.attainment, tr.status];
  const rows = quarters.map((q) => [
    qName(q.quarter),
    f.money(q.target),
    q.actual === undefined ? na : f.money(q.actual),
    q.attainment === undefined ? na : f.percent(q.attainment, 1),
    q.status ? tr.statuses[q.status] : na,
  ]);
  const cumulative = quarters.filter((q) => q.cumulativeTarget !== undefined);

  return (
    <CalculatorFrame
      ctx={ctx}
      t={t}
      state={state}
      onCurrency={setCurrency}
      items={items}
      issues={state.output.issues}
      csvExtra={() => tableCsvRows(headers, rows)}
      inputs={
        <>
          {field.number('target1')}
          {field.number('actual1')}
          {field.number('target2')}
          {field.number('actual2')}
          {field.number('target3')}
          {field.number('actual3')}
          {field.number('target4')}
          {field.number('actual4')}
          {field.number('currentQuarter', { hint: t.hints.currentQuarter })}
          {field.number('greenFrom')}
          {field.number('amberFrom')}
        </>
      }
      results={<ResultTable ctx={ctx} id="quarters" caption={c.quartersTitle} headers={headers} rows={rows} />}
      charts={
        <>
          <ChartFigure
            ctx={ctx}
            id="quarters"
            title={c.quartersTitle}
            description={c.quartersDescription}
            dataKey={JSON.stringify([quarters, locale, f.currency])}
            config={
              quarters.length > 0 &&
              chart('bar', {
                labels: quarters.map((q) => qName(q.quarter)),
                series: [
                  { label: tr.target, data: quarters.map((q) => q.target) },
                  { label: tr.actual, data: quarters.map((q) => q.actual ?? null), color: (p) => quarters.map((q) => (q.status === 'red' ? p.alert : p.series[1]!)) },
                ],
                y: { format: f.compactMoney, beginAtZero: true },
              })
            }
            table={{ columns: headers.slice(0, 3), rows: rows.map((row) => row.slice(0, 3)) }}
          />
          <ChartFigure
            ctx={ctx}
            id="cumulative"
            title={c.cumulativeTitle}
            description={c.cumulativeDescription}
            dataKey={JSON.stringify([cumulative, locale, f.currency])}
            config={
              cumulative.length > 0 &&
              chart('line', {
                labels: cumulative.map((q) => qName(q.quarter)),
                series: [
                  { label: tr.target, data: cumulative.map((q) => q.cumulativeTarget!), points: 3, dash: true },
                  { label: tr.actual, data: cumulative.map((q) => q.cumulativeActual ?? null), points: 3 },
                ],
                y: { format: f.compactMoney, beginAtZero: true },
              })
            }
            table={{
              columns: [tr.quarter, tr.target, tr.actual],
              rows: cumulative.map((q) => [qName(q.quarter), f.money(q.cumulativeTarget!), q.cumulativeActual === undefined ? na : f.money(q.cumulativeActual)]),
            }}
          />
        </>
      }
    />
  );
}
