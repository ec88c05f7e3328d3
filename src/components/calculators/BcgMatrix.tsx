/** C04.1 island: products (RowTable); BCG quadrants on a log relative-share axis, 70% resource rule, Question-Mark clock, Dog exit flag. */
import { useMemo } from 'preact/hooks';
import { bcgMatrix, blankProductRow, quadrants, type ProductColumns, type ProductResult } from '../../lib/calculators/c04-1-bcg-matrix';
import { chart } from '../../lib/kit/chart-config';
import { interpolate } from '../../lib/kit/format';
import type { RawRow } from '../../lib/kit/rows';
import type { CalculatorStrings } from '../../i18n/en/index';
import { CalculatorFrame, type CsvRow } from '../calculator/CalculatorFrame';
import { ChartFigure } from '../calculator/ChartFigure';
import { DonutFigure } from '../calculator/DonutFigure';
import { declareResults, present, ResultTable, tableCsvRows } from '../calculator/Results';
import { RowTable } from '../calculator/RowTable';
import { useIslandContext, type IslandProps } from '../calculator/island';
import { useCalculatorState } from '../calculator/useCalculatorState';
import { fieldRenderers, rowTableState, splitIssues } from '../calculator/wiring';

export default function BcgMatrix({ locale, ui, t }: IslandProps<CalculatorStrings<'C04.1'>>) {
  const { ctx, setCurrency } = useIslandContext('C04.1', locale, ui);
  // Unnamed default products get "Product n" in the reader's language.
  const def = useMemo(() => {
    const named = bcgMatrix.defaultRows!.map((row, i) => ({ ...row, name: row.name || interpolate(t.productN, { n: i + 1 }) }));
    return { ...bcgMatrix, defaultRows: named };
  }, [t]);
  const state = useCalculatorState(def);
  const f = ctx.format;
  const r = state.output.results;
  const tr = t.results;
  const c = t.charts;
  const na = ui.kit.notAvailable;
  const { fieldErrors, rowIssues, listed } = splitIssues(state.output.issues);
  const field = fieldRenderers(ctx, bcgMatrix.fields, state, t.fields, fieldErrors);
  const res = declareResults(r, tr);

  const items = present([
    res('starsAndCowsShare', 'percent', { digits: 1, emphasis: true, detail: r.meetsRule === undefined ? undefined : r.meetsRule ? tr.meetsRule : tr.missesRule }),
    res('ruleDeviation', 'signedPercent', { digits: 1 }),
    res('resourcesTotal', 'percent', { digits: 1 }),
  ]);

  const products = r.products ?? [];
  const nameOfRow = (row: number) => state.rows[row]?.name || interpolate(t.productN, { n: row + 1 });
  const status = (p: ProductResult) =>
    p.exitReview ? tr.exitReview : p.improvementExpired ? tr.improvementExpired : p.monthsLeft !== undefined ? `${tr.monthsLeft}: ${f.number(p.monthsLeft, 1)}` : '';
  const headers = [tr.product, tr.relativeShare, tr.quadrant, tr.resourceShare, tr.monthsLeft];
  const rows = products.map((p) => [
    nameOfRow(p.row),
    p.relativeShare === undefined ? na : f.ratio(p.relativeShare, 2),
    p.quadrant ? t.quadrants[p.quadrant] : na,
    p.resourceShare === undefined ? na : f.percent(p.resourceShare, 1),
    status(p) || na,
  ]);
  const byQuadrant = (r.byQuadrant ?? []).filter((q) => q.resourceShare > 0);
  const bubbles = r.bubbles ?? [];
  // Relative share on a log axis without Chart.js's log scale: plot −log10(RMS), so high share sits on the left.
  const toAxis = (rms: number) => -Math.log10(rms);
  const fromAxis = (v: number) => f.ratio(10 ** -v, 2);
  const shareCut = state.read.values.shareCutoff ?? undefined;
  const growthCut = state.read.values.growthCutoff ?? undefined;
  const xs = bubbles.map((b) => toAxis(b.x));
  const ys = bubbles.map((b) => b.y);
  const xLow = Math.min(-1, ...xs.map((x) => x - 0.2));
  const xHigh = Math.max(1, ...xs.map((x) => x + 0.2));
  const yLow = Math.min(0, ...ys.map((y) => y - 0.03));
  const yHigh = Math.max(0.25, (growthCut ?? 0) + 0.05, ...ys.map((y) => y + 0.03));

  const columnKeys = Object.keys(bcgMatrix.table!.columns) as (keyof ProductColumns)[];
  const csvInputs = (): CsvRow[] => [
    ...(Object.keys(bcgMatrix.fields) as (keyof typeof bcgMatrix.fields)[]).map((key) => ({ section: 'input' as const, label: t.fields[key], value: state.raw[key] })),
    ...state.rows.flatMap((row, i) => columnKeys.map((k) => ({ section: 'input' as const, label: `${interpolate(ui.kit.rowN, { n: i + 1 })} · ${t.columns[k]}`, value: row[k] }))),
  ];
  const blankRow = (index: number): RawRow<ProductColumns> => ({ ...blankProductRow(), name: interpolate(t.productN, { n: index + 1 }) });

  return (
    <CalculatorFrame
      ctx={ctx}
      t={t}
      state={state}
      onCurrency={setCurrency}
      layout="stacked"
      items={items}
      issues={listed}
      csvInputs={csvInputs}
      csvExtra={() => tableCsvRows(headers, rows)}
      inputs={
        <>
          <RowTable ctx={ctx} caption={t.tableCaption} spec={bcgMatrix.table!} {...rowTableState(state)} labels={t.columns} issues={rowIssues} blankRow={blankRow} />
          {field.number('growthCutoff')}
          {field.number('shareCutoff', { hint: t.hints.shareCutoff })}
          {field.number('resourceRule')}
          {field.number('tolerance', { hint: t.hints.tolerance })}
          {field.number('improvementMonths')}
          {field.number('exitQuarters')}
        </>
      }
      results={<ResultTable ctx={ctx} id="products" caption={t.tableCaption} headers={headers} rows={rows} />}
      charts={
        <>
          <ChartFigure
            ctx={ctx}
            id="bcg"
            title={c.bubbleTitle}
            description={c.bubbleDescription}
            dataKey={JSON.stringify([bubbles, products.map((p) => nameOfRow(p.row)), shareCut, growthCut, locale])}
            config={
              bubbles.length > 0 &&
              chart('bubble', {
                series: [
                  ...bubbles.map((b) => ({
                    label: nameOfRow(b.row),
                    data: [{ x: toAxis(b.x), y: b.y, r: Math.max(4, 28 * b.r) }],
                    color: quadrants.indexOf(b.quadrant),
                    // Chart.js reads a bubble's radius only when it parses the data.
                    extra: { parsing: true },
                  })),
                  // The cut-offs as dashed lines: they split the plot into the four quadrants.
                  ...(shareCut ? [{ type: 'line' as const, label: t.fields.shareCutoff, data: [{ x: toAxis(shareCut), y: yLow }, { x: toAxis(shareCut), y: yHigh }], dash: true, color: 'grid' as const }] : []),
                  ...(growthCut != null ? [{ type: 'line' as const, label: t.fields.growthCutoff, data: [{ x: xLow, y: growthCut }, { x: xHigh, y: growthCut }], dash: true, color: 'grid' as const }] : []),
                ],
                x: { title: tr.relativeShare, format: fromAxis, min: xLow, max: xHigh },
                y: { title: t.columns.growth, format: (v) => f.percent(v, 0), min: yLow, max: yHigh },
                tooltip: (item) => {
                  const b = bubbles[item.datasetIndex];
                  if (!b) return item.dataset.label ?? '';
                  return `${nameOfRow(b.row)}: ${t.quadrants[b.quadrant]}, ${tr.relativeShare} ${f.ratio(b.x, 2)}, ${t.columns.growth} ${f.percent(b.y, 1)}`;
                },
              })
            }
            table={{
              columns: [tr.product, tr.relativeShare, t.columns.growth, t.columns.revenue, tr.quadrant],
              rows: bubbles.map((b) => {
                const p = products.find((x) => x.row === b.row);
                return [nameOfRow(b.row), f.ratio(b.x, 2), f.percent(b.y, 1), p?.revenue === undefined ? na : f.money(p.revenue), t.quadrants[b.quadrant]];
              }),
            }}
          />
          <DonutFigure
            ctx={ctx}
            id="resources"
            title={c.doughnutTitle}
            description={c.doughnutDescription}
            dataKey={JSON.stringify([byQuadrant, locale])}
            config={
              byQuadrant.length > 0 &&
              ((p) => ({
                type: 'doughnut',
                data: {
                  labels: byQuadrant.map((q) => t.quadrants[q.quadrant]),
                  datasets: [{ label: tr.resourceShare, data: byQuadrant.map((q) => q.resourceShare), backgroundColor: byQuadrant.map((q) => p.series[quadrants.indexOf(q.quadrant) % p.series.length]!) }],
                },
              }))
            }
            table={{ columns: [tr.quadrant, tr.resourceShare], rows: byQuadrant.map((q) => [t.quadrants[q.quadrant], f.percent(q.resourceShare, 1)]) }}
          />
        </>
      }
    />
  );
}
