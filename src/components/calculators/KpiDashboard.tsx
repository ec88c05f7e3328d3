/** C14.1 island: KPI rows (RowTable), pace-adjusted attainment, run-rate forecast and RAG status; status table in review order and bar chart. */
import { useMemo } from 'preact/hooks';
import { blankKpiRow, kpiDashboard, type KpiColumns, type KpiRow } from '../../lib/calculators/c14-1-kpi-dashboard';
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

export default function KpiDashboard({ locale, ui, t }: IslandProps<CalculatorStrings<'C14.1'>>) {
  const { ctx, setCurrency } = useIslandContext('C14.1', locale, ui);
  const def = useMemo(() => {
    const named = (rows: RawRow<KpiColumns>[], names: readonly string[]) => rows.map((row, i) => ({ ...row, name: names[i] ?? row.name }));
    return { ...kpiDashboard, defaultRows: named(kpiDashboard.defaultRows!, t.defaultKpis), exampleRows: named(kpiDashboard.exampleRows!, t.exampleKpis) };
  }, [t]);
  const state = useCalculatorState(def);
  const f = ctx.format;
  const r = state.output.results;
  const tr = t.results;
  const { fieldErrors, rowIssues, listed } = splitIssues(state.output.issues);
  const field = fieldRenderers(ctx, kpiDashboard.fields, state, t.fields, fieldErrors);
  const na = ui.kit.notAvailable;
  const res = declareResults(r, tr);

  const items = present([
    res('redCount', 'count', { emphasis: true }),
    res('amberCount', 'count', { emphasis: true }),
    res('greenCount', 'count'),
  ]);

  const nameOf = (row: number) => state.rows[row]?.name || interpolate(t.kpiN, { n: row + 1 });
  const byRow = new Map((r.kpis ?? []).map((k) => [k.row, k]));
  const ordered: KpiRow[] = (r.reviewOrder ?? r.kpis?.map((k) => k.row) ?? []).map((i) => byRow.get(i)!).filter(Boolean);
  const value = (v: number | undefined) => (v === undefined ? na : f.number(v, 2));
  const gapText = (k: KpiRow) => {
    if (k.gap === undefined) return na;
    const amount = f.number(Math.abs(k.gap), 2);
    const higher = k.direction === 'higher';
    return interpolate(higher ? (k.gap >= 0 ? tr.ahead : tr.short) : k.gap > 0 ? tr.over : tr.under, { value: amount });
  };
  const headers = [t.columns.name, tr.attainment, tr.pace, tr.forecast, tr.gap, tr.status];
  const rows = ordered.map((k) => [
    nameOf(k.row),
    k.attainment === undefined ? na : f.percent(k.attainment, 1),
    k.pace === undefined ? na : f.percent(k.pace, 1),
    value(k.forecast),
    gapText(k),
    k.status ? tr.statuses[k.status] : na,
  ]);
  const charted = ordered.filter((k) => k.pace !== undefined);

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
            spec={kpiDashboard.table!}
            {...rowTableState(state)}
            labels={t.columns}
            choiceLabels={{ direction: t.directions }}
            issues={rowIssues}
            blankRow={(index) => ({ ...blankKpiRow(), name: interpolate(t.kpiN, { n: index + 1 }) })}
          />
          {field.number('elapsed', { hint: t.hints.elapsed })}
          {field.number('greenFrom')}
          {field.number('amberFrom')}
        </>
      }
      results={
        rows.length > 0 && (
          <ResultTable ctx={ctx} id="kpis" caption={tr.tableCaption} headers={headers} rows={rows} rowAttrs={(i) => ({ 'data-row': ordered[i]!.row, 'data-status': ordered[i]!.status })} />
        )
      }
      charts={
        <ChartFigure
          ctx={ctx}
          id="status"
          title={t.charts.status.title}
          description={t.charts.status.description}
          dataKey={JSON.stringify([charted.map((k) => [nameOf(k.row), k.pace, k.status]), locale])}
          config={
            charted.length > 0 &&
            chart('bar', {
              labels: charted.map((k) => nameOf(k.row)),
              horizontal: true,
              series: [
                {
                  label: tr.pace,
                  data: charted.map((k) => k.pace!),
                  color: (p) => charted.map((k) => (k.status === 'red' ? p.alert : k.status === 'amber' ? p.series[1]! : p.series[0]!)),
                },
              ],
              x: { format: (v) => f.percent(v, 0), beginAtZero: true },
              y: { category: true },
              tooltip: (item) => {
                const k = charted[item.dataIndex];
                return k ? `${f.percent(k.pace!, 1)} · ${k.status ? tr.statuses[k.status] : na}` : '';
              },
            })
          }
          table={{ columns: [t.columns.name, tr.pace, tr.status], rows: charted.map((k) => [nameOf(k.row), f.percent(k.pace!, 1), k.status ? tr.statuses[k.status] : na]) }}
        />
      }
    />
  );
}
