/** C09.2 island: indicators (RowTable), capped attainment and points, hard/soft weight rules, 360° composite, SVG radar. */
import { useMemo } from 'preact/hooks';
import { blankIndicatorRow, kpiScorecard, type IndicatorColumns } from '../../lib/calculators/c09-2-kpi-scorecard';
import { chart } from '../../lib/kit/chart-config';
import { interpolate } from '../../lib/kit/format';
import type { RawRow } from '../../lib/kit/rows';
import type { CalculatorStrings } from '../../i18n/en/index';
import { CalculatorFrame } from '../calculator/CalculatorFrame';
import { ChartFigure } from '../calculator/ChartFigure';
import { RadarChart } from '../calculator/RadarChart';
import { declareResults, present, ResultTable, tableCsvRows } from '../calculator/Results';
import { RowTable } from '../calculator/RowTable';
import { useIslandContext, type IslandProps } from '../calculator/island';
import { useCalculatorState } from '../calculator/useCalculatorState';
import { fieldRenderers, rowTableState, splitIssues } from '../calculator/wiring';

export default function KpiScorecard({ locale, ui, t }: IslandProps<CalculatorStrings<'C09.2'>>) {
  const { ctx, setCurrency } = useIslandContext('C09.2', locale, ui);
  const def = useMemo(() => {
    const named = (rows: RawRow<IndicatorColumns>[], names: readonly string[]) => rows.map((row, i) => ({ ...row, name: names[i] ?? row.name }));
    return { ...kpiScorecard, defaultRows: named(kpiScorecard.defaultRows!, t.defaultRows), exampleRows: named(kpiScorecard.exampleRows!, t.exampleRows) };
  }, [t]);
  const state = useCalculatorState(def);
  const f = ctx.format;
  const r = state.output.results;
  const tr = t.results;
  const c = t.charts;
  const { fieldErrors, rowIssues, listed } = splitIssues(state.output.issues);
  const field = fieldRenderers(ctx, kpiScorecard.fields, state, t.fields, fieldErrors);
  const na = ui.kit.notAvailable;
  const nameOfRow = (row: number) => state.rows[row]?.name || interpolate(t.indicatorN, { n: row + 1 });

  const res = declareResults(r, tr);
  const items = present([
    res('total', 'number', { digits: 2, emphasis: true }),
    res('hardPoints', 'number', { digits: 2 }),
    res('softPoints', 'number', { digits: 2 }),
    res('weightTotal', 'percent', { digits: 1, group: tr.rulesGroup }),
    res('hardWeight', 'percent', { digits: 1, group: tr.rulesGroup }),
    res('softWeight', 'percent', { digits: 1, group: tr.rulesGroup }),
    ...(r.rules ?? []).map((rule) => ({ key: `rule-${rule.rule}`, label: t.rules[rule.rule], kind: 'text' as const, value: rule.pass ? t.rules.pass : t.rules.fail, group: tr.rulesGroup })),
    res('composite360', 'number', { digits: 2, emphasis: true, group: tr.raterGroup }),
  ]);

  const indicators = r.indicators ?? [];
  const headers = [t.columns.name, t.columns.type, t.columns.weight, tr.attainment, tr.capped, tr.points];
  const rows = indicators.map((x) => [
    nameOfRow(x.row),
    x.type ? t.choices.type[x.type] : na,
    x.weight === undefined ? na : f.percent(x.weight, 1),
    x.attainment === undefined ? na : f.percent(x.attainment, 1),
    x.capped ? tr.capped : '',
    x.points === undefined ? na : f.number(x.points, 2),
  ]);
  const footer = r.total === undefined ? null : [tr.total100, '', r.weightTotal === undefined ? '' : f.percent(r.weightTotal, 1), '', '', f.number(r.total, 2)];
  const radar = r.radar ?? [];
  const cap = state.read.values.cap ?? 1.2;

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
            spec={kpiScorecard.table!}
            {...rowTableState(state)}
            labels={t.columns}
            choiceLabels={t.choices}
            issues={rowIssues}
            blankRow={(index) => ({ ...blankIndicatorRow(), name: interpolate(t.indicatorN, { n: index + 1 }) })}
          />
          <p class="calc-hint">{t.hints.floor}</p>
          {field.number('cap', { hint: t.hints.cap })}
          <fieldset class="calc-group">
            <legend>{tr.rulesGroup}</legend>
            {field.number('hardMinimum')}
            {field.number('softLow')}
            {field.number('softHigh')}
          </fieldset>
          <fieldset class="calc-group">
            <legend>{tr.raterGroup}</legend>
            {field.number('managerWeight')}
            {field.number('peerWeight')}
            {field.number('customerWeight')}
            {field.number('managerRating')}
            {field.number('peerRating')}
            {field.number('customerRating')}
          </fieldset>
          <p class="calc-hint">{t.notes.quarterly}</p>
        </>
      }
      results={
        indicators.length > 0 && (
          <ResultTable ctx={ctx} id="indicators" caption={tr.indicatorsCaption} headers={headers} rows={rows} footer={footer} rowAttrs={(i) => ({ 'data-row': indicators[i]!.row })} />
        )
      }
      charts={
        <>
          {radar.length >= 3 && (
            <RadarChart
              ctx={ctx}
              id="attainment"
              title={c.radarTitle}
              description={c.radarDescription}
              axes={radar.map((p) => nameOfRow(p.row))}
              series={[{ label: tr.attainment, values: radar.map((p) => p.attainment) }]}
              min={0}
              max={cap}
              format={(v) => f.percent(v, 0)}
            />
          )}
          <ChartFigure
            ctx={ctx}
            id="weights"
            title={c.weightTitle}
            description={c.weightDescription}
            dataKey={JSON.stringify([r.hardWeight, r.softWeight, locale])}
            config={
              r.hardWeight !== undefined && r.softWeight !== undefined &&
              chart('bar', {
                labels: [tr.weightTotal],
                horizontal: true,
                stacked: true,
                series: [
                  { label: c.hard, data: [r.hardWeight], color: 0 },
                  { label: c.soft, data: [r.softWeight], color: 1 },
                ],
                x: { format: (v) => f.percent(v, 0), min: 0 },
                tooltip: (item) => `${item.dataset.label}: ${f.percent(item.parsed.x ?? 0, 1)}`,
              })
            }
            table={{ columns: [t.columns.type, t.columns.weight], rows: r.hardWeight === undefined || r.softWeight === undefined ? [] : [[c.hard, f.percent(r.hardWeight, 1)], [c.soft, f.percent(r.softWeight, 1)]] }}
          />
        </>
      }
    />
  );
}
