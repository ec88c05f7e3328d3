/** C14.2 island: data points (RowTable), change marker and baseline; limits from the baseline, signals, and the control chart. */
import { useMemo } from 'preact/hooks';
import { xmrChart, type XmrColumns, type XmrPoint } from '../../lib/calculators/c14-2-xmr-chart';
import { chart } from '../../lib/kit/chart-config';
import { interpolate } from '../../lib/kit/format';
import type { RawRow } from '../../lib/kit/rows';
import type { CalculatorStrings } from '../../i18n/en/index';
import { CalculatorFrame } from '../calculator/CalculatorFrame';
import { ChartFigure } from '../calculator/ChartFigure';
import { declareResults, present } from '../calculator/Results';
import { RowTable } from '../calculator/RowTable';
import { useIslandContext, type IslandProps } from '../calculator/island';
import { useCalculatorState } from '../calculator/useCalculatorState';
import { fieldRenderers, rowTableState, splitIssues } from '../calculator/wiring';

export default function XmrChart({ locale, ui, t }: IslandProps<CalculatorStrings<'C14.2'>>) {
  const { ctx, setCurrency } = useIslandContext('C14.2', locale, ui);
  const def = useMemo(() => {
    const named = (rows: RawRow<XmrColumns>[], template: string) => rows.map((row, i) => ({ ...row, label: interpolate(template, { n: i + 1 }) }));
    return { ...xmrChart, defaultRows: named(xmrChart.defaultRows!, t.monthN), exampleRows: named(xmrChart.exampleRows!, t.weekN) };
  }, [t]);
  const state = useCalculatorState(def);
  const f = ctx.format;
  const r = state.output.results;
  const tr = t.results;
  const { fieldErrors, rowIssues, listed } = splitIssues(state.output.issues);
  const field = fieldRenderers(ctx, xmrChart.fields, state, t.fields, fieldErrors);
  const res = declareResults(r, tr);
  const num = (v: number) => f.number(v, 3);

  const items = present([
    res('baselineCount', 'count', {
      detail: r.baselineFrom === undefined ? undefined : interpolate(tr.baselineRange, { from: r.baselineFrom, to: r.baselineTo ?? '', count: r.baselineCount ?? '' }),
    }),
    res('centre', 'number', { digits: 3, emphasis: true }),
    res('meanMovingRange', 'number', { digits: 4 }),
    res('ucl', 'number', { digits: 3, emphasis: true }),
    res('lcl', 'number', { digits: 3, emphasis: true }),
    res('beyondCount', 'count'),
    res('runSignalCount', 'count'),
    res('signalCount', 'count'),
    r.firstSignal === null ? res('firstSignal', 'text', { value: tr.noSignal }) : res('firstSignal', 'count', { emphasis: true }),
  ]);

  const c = t.charts;
  const points = r.points ?? [];
  const nameOf = (row: number) => state.rows[row]?.label || interpolate(t.pointN, { n: row + 1 });
  const signalText = (p: XmrPoint) => [p.beyond ? tr.beyond : '', p.runSignal ? tr.run : ''].filter(Boolean).join(' · ') || '';
  const limit = (v: number | undefined) => points.map(() => v ?? null);

  return (
    <CalculatorFrame
      ctx={ctx}
      t={t}
      state={state}
      onCurrency={setCurrency}
      layout="stacked"
      items={items}
      issues={listed}
      inputs={
        <>
          <RowTable
            ctx={ctx}
            caption={t.tableCaption}
            spec={xmrChart.table!}
            {...rowTableState(state)}
            labels={t.columns}
            issues={rowIssues}
            blankRow={(index) => ({ label: interpolate(t.pointN, { n: index + 1 }), value: '' })}
          />
          {field.number('changeAt', { hint: t.hints.changeAt })}
          {field.number('baselineFrom', { hint: t.hints.baselineFrom })}
          {field.number('baselineTo', { hint: t.hints.baselineTo })}
        </>
      }
      charts={
        <ChartFigure
          ctx={ctx}
          id="control"
          title={c.chart.title}
          description={c.chart.description}
          dataKey={JSON.stringify([points.map((p) => [nameOf(p.row), p.value, p.beyond, p.runSignal]), r.centre, r.ucl, r.lcl, locale])}
          config={
            points.length > 0 &&
            chart('line', {
              labels: points.map((p) => nameOf(p.row)),
              series: [
                { label: c.series.value, data: points.map((p) => p.value), points: 3 },
                { label: c.series.centre, data: limit(r.centre), color: 'grid' },
                { label: c.series.ucl, data: limit(r.ucl), color: 2, dash: true },
                { label: c.series.lcl, data: limit(r.lcl), color: 2, dash: true },
                { label: c.series.signal, data: points.map((p) => (p.beyond || p.runSignal ? p.value : null)), color: 'alert', points: 6, extra: { showLine: false } },
              ],
              x: { category: true },
              y: { format: num },
            })
          }
          table={{
            columns: [t.columns.label, t.columns.value, tr.movingRange, c.signalColumn],
            rows: points.map((p) => [nameOf(p.row), num(p.value), p.movingRange === undefined ? ui.kit.notAvailable : num(p.movingRange), signalText(p)]),
          }}
        />
      }
    />
  );
}
