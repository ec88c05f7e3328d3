/** C11.1 island: process steps (RowTable) with times and item counts; lead time, PCE, yields, rework, slowest step, per-step table and time chart. */
import { useMemo } from 'preact/hooks';
import { blankProcessRow, processMetrics, type ProcessColumns } from '../../lib/calculators/c11-1-process-metrics';
import { chart } from '../../lib/kit/chart-config';
import { interpolate } from '../../lib/kit/format';
import type { RawRow } from '../../lib/kit/rows';
import type { CalculatorStrings } from '../../i18n/en/index';
import { CalculatorFrame } from '../calculator/CalculatorFrame';
import { ChartFigure } from '../calculator/ChartFigure';
import { declareResults, present, ResultTable, tableCsvRows } from '../calculator/Results';
import { RowTable } from '../calculator/RowTable';
import { useIslandContext, type IslandProps } from '../calculator/island';
import { useCalculatorState } from '../calculator/useCalculatorState';
import { fieldRenderers, rowTableState, splitIssues } from '../calculator/wiring';

export default function ProcessMetrics({ locale, ui, t }: IslandProps<CalculatorStrings<'C11.1'>>) {
  const { ctx, setCurrency } = useIslandContext('C11.1', locale, ui);
  const def = useMemo(() => {
    const named = (rows: RawRow<ProcessColumns>[], names: readonly string[]) => rows.map((row, i) => ({ ...row, name: names[i] ?? row.name }));
    return { ...processMetrics, defaultRows: named(processMetrics.defaultRows!, t.defaultSteps), exampleRows: named(processMetrics.exampleRows!, t.exampleSteps) };
  }, [t]);
  const state = useCalculatorState(def);
  const f = ctx.format;
  const r = state.output.results;
  const tr = t.results;
  const { fieldErrors, rowIssues, listed } = splitIssues(state.output.issues);
  const field = fieldRenderers(ctx, processMetrics.fields, state, t.fields, fieldErrors);
  const na = ui.kit.notAvailable;
  const res = declareResults(r, tr);
  const min = t.minutes;
  const nameOf = (row: number) => state.rows[row]?.name || interpolate(t.stepN, { n: row + 1 });
  const v = state.read.values;

  const items = present([
    res('leadTime', 'number', { unit: min, emphasis: true }),
    res('processingTime', 'number', { unit: min }),
    res('waitingTime', 'number', { unit: min }),
    res('valueAddedTime', 'number', { unit: min }),
    res('pce', 'percent', { digits: 1, emphasis: true }),
    res('nvaShare', 'percent', { digits: 1 }),
    res('nvaVsReference', 'signedPercent', { digits: 1 }),
    res('rty', 'percent', { digits: 1, emphasis: true }),
    res('overallReworkRate', 'percent', { digits: 1 }),
    r.slowestRow !== undefined && res('slowest', 'number', { value: r.slowestTime, unit: min, detail: nameOf(r.slowestRow) }),
    r.worstReworkRow !== undefined && res('worstRework', 'text', { value: nameOf(r.worstReworkRow) }),
    v.baselineLeadTime != null && res('leadTimeChange', 'signed', { digits: 1, unit: min, detail: r.leadTimeChangeRate === undefined ? undefined : f.signedPercent(r.leadTimeChangeRate, 1) }),
    v.baselinePce != null && res('pceChange', 'signedPercent', { digits: 1 }),
    v.baselineRty != null && res('rtyChange', 'signedPercent', { digits: 1 }),
    v.baselineRework != null && res('reworkChange', 'signedPercent', { digits: 1 }),
  ]);

  const steps = r.steps ?? [];
  const pct = (x: number | undefined) => (x === undefined ? na : f.percent(x, 1));
  const headers = [t.columns.name, tr.stepTime, tr.firstPassYield, tr.reworkRate];
  const rows = steps.map((s) => [nameOf(s.row), interpolate(min, { value: f.number(s.stepTime, 1) }), pct(s.firstPassYield), pct(s.reworkRate)]);
  const c = t.charts;
  const bars = r.chart ?? [];
  const parts = ['valueAdded', 'nonValueAddedProcessing', 'waiting'] as const;

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
          <RowTable
            ctx={ctx}
            caption={t.tableCaption}
            spec={processMetrics.table!}
            {...rowTableState(state)}
            labels={t.columns}
            choiceLabels={{ valueAdded: t.choices }}
            issues={rowIssues}
            blankRow={(index) => ({ ...blankProcessRow(), name: interpolate(t.stepN, { n: index + 1 }) })}
          />
          {field.number('referenceNva', { hint: t.hints.referenceNva })}
          {field.number('baselineLeadTime', { hint: t.hints.baselineLeadTime })}
          {field.number('baselinePce')}
          {field.number('baselineRty')}
          {field.number('baselineRework')}
        </>
      }
      results={rows.length > 0 && <ResultTable ctx={ctx} id="steps" caption={t.tableCaption} headers={headers} rows={rows} rowAttrs={(i) => ({ 'data-row': steps[i]!.row })} />}
      charts={
        <ChartFigure
          ctx={ctx}
          id="time"
          title={c.time.title}
          description={c.time.description}
          dataKey={JSON.stringify([bars, state.rows.map((row) => row.name), locale])}
          config={
            bars.length > 0 &&
            chart('bar', {
              labels: bars.map((b) => nameOf(b.row)),
              horizontal: true,
              stacked: true,
              series: parts.map((p, i) => ({ label: c.series[p], data: bars.map((b) => b[p]), color: p === 'waiting' ? ('grid' as const) : i })),
              x: { format: (x) => f.number(x, 1) },
              y: { category: true },
            })
          }
          table={{ columns: [t.columns.name, ...parts.map((p) => c.series[p])], rows: bars.map((b) => [nameOf(b.row), ...parts.map((p) => f.number(b[p], 1))]) }}
        />
      }
    />
  );
}
