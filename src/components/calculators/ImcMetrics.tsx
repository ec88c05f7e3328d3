/** C07.2 island: channels (RowTable), six metrics per channel and in total, ROAS ranking, reallocation hint, metric chart. */
import { useMemo } from 'preact/hooks';
import { blankImcRow, imcCampaignMetrics, imcMetrics, type ImcColumns, type ImcMetric, type MetricSet } from '../../lib/calculators/c07-2-imc-metrics';
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

export default function ImcMetrics({ locale, ui, t }: IslandProps<CalculatorStrings<'C07.2'>>) {
  const { ctx, setCurrency } = useIslandContext('C07.2', locale, ui);
  const def = useMemo(() => {
    const named = (rows: RawRow<ImcColumns>[], names: readonly string[]) => rows.map((row, i) => ({ ...row, name: names[i] ?? row.name }));
    return { ...imcCampaignMetrics, defaultRows: named(imcCampaignMetrics.defaultRows!, t.defaultRows), exampleRows: named(imcCampaignMetrics.exampleRows!, t.exampleRows) };
  }, [t]);
  const state = useCalculatorState(def);
  const f = ctx.format;
  const r = state.output.results;
  const tr = t.results;
  const { fieldErrors, rowIssues, listed } = splitIssues(state.output.issues);
  const field = fieldRenderers(ctx, imcCampaignMetrics.fields, state, t.fields, fieldErrors);
  const na = ui.kit.notAvailable;
  const nameOfRow = (row: number) => state.rows[row]?.name || interpolate(t.channelN, { n: row + 1 });

  const show = (m: ImcMetric, v: number | undefined) =>
    v === undefined ? na : m === 'ctr' || m === 'cvr' ? f.percent(v, 2) : m === 'roas' ? f.number(v, 2) : f.money(v);
  const kindOf = (m: ImcMetric) => (m === 'ctr' || m === 'cvr' ? 'percent' : m === 'roas' ? 'ratio' : 'money') as 'percent' | 'ratio' | 'money';
  const res = declareResults(r, tr);
  const realloc = r.reallocation;
  const items = present([
    ...imcMetrics.map((m) => res(m, kindOf(m), { digits: 2, group: tr.totalsGroup, emphasis: m === 'roas' || m === 'cpa' })),
    realloc && {
      key: 'reallocation', label: tr.reallocation, kind: 'text',
      value: interpolate(tr.reallocationText, { amount: f.money(realloc.amount), from: nameOfRow(realloc.fromRow), to: nameOfRow(realloc.toRow), change: f.money(realloc.revenueChange) }),
    },
    realloc && res('amount', 'money'),
    realloc && res('revenueChange', 'money'),
  ]);

  const channels = r.channels ?? [];
  const headers = [tr.channel, ...imcMetrics.map((m) => tr[m]), tr.roasRank];
  const line = (name: string, metrics: MetricSet, rank: string) => [name, ...imcMetrics.map((m) => show(m, metrics[m])), rank];
  const rows = channels.map((ch) => line(nameOfRow(ch.row), ch.metrics, ch.roasRank === undefined ? na : f.integer(ch.roasRank)));
  const footer = r.total ? line(tr.total, r.total.metrics, '') : null;
  const metric = (state.read.values.chartMetric ?? 'ctr') as ImcMetric;
  const metricLabel = t.choices.chartMetric[metric];
  const points = r.chart ?? [];

  return (
    <CalculatorFrame
      ctx={ctx}
      t={t}
      state={state}
      onCurrency={setCurrency}
      layout="stacked"
      items={items}
      issues={listed}
      csvExtra={() => tableCsvRows(headers, footer ? [...rows, footer] : rows)}
      inputs={
        <>
          <RowTable
            ctx={ctx}
            caption={t.tableCaption}
            spec={imcCampaignMetrics.table!}
            {...rowTableState(state)}
            labels={t.columns}
            issues={rowIssues}
            blankRow={(index) => ({ ...blankImcRow(), name: interpolate(t.channelN, { n: index + 1 }) })}
          />
          {field.number('shiftShare', { hint: t.hints.shiftShare })}
        </>
      }
      results={
        channels.length > 0 && (
          <ResultTable ctx={ctx} id="channels" caption={tr.metricsCaption} headers={headers} rows={rows} footer={footer}
            rowAttrs={(i) => ({ 'data-row': channels[i]!.row })} />
        )
      }
      charts={
        <>
          {field.choice('chartMetric', t.choices.chartMetric as Record<ImcMetric, string>)}
          <ChartFigure
            ctx={ctx}
            id="metric"
            title={interpolate(t.charts.metricTitle, { metric: metricLabel })}
            description={t.charts.metricDescription}
            dataKey={JSON.stringify([points, metric, points.map((p) => nameOfRow(p.row)), locale, f.currency])}
            config={
              points.length > 0 &&
              chart('bar', {
                labels: points.map((p) => nameOfRow(p.row)),
                series: [{ label: metricLabel, data: points.map((p) => p.value) }],
                x: { category: true },
                y: { format: (v) => show(metric, v), beginAtZero: true },
                tooltip: (item) => `${item.label}: ${show(metric, item.parsed.y ?? 0)}`,
              })
            }
            table={{ columns: [tr.channel, metricLabel], rows: points.map((p) => [nameOfRow(p.row), show(metric, p.value)]) }}
          />
        </>
      }
    />
  );
}
