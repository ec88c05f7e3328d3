/** C07.1 island: survey waves (RowTable); rates with Wilson intervals, NPS with its interval, wave-to-wave tests; methods named on screen. */
import { useMemo } from 'preact/hooks';
import { blankWaveRow, brandHealth, type ProportionChange, type RateWithInterval, type WaveColumns } from '../../lib/calculators/c07-1-brand-health';
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

export default function BrandHealth({ locale, ui, t }: IslandProps<CalculatorStrings<'C07.1'>>) {
  const { ctx, setCurrency } = useIslandContext('C07.1', locale, ui);
  const def = useMemo(() => {
    const named = (rows: RawRow<WaveColumns>[], names: readonly string[]) => rows.map((row, i) => ({ ...row, wave: names[i] ?? row.wave }));
    return { ...brandHealth, defaultRows: named(brandHealth.defaultRows!, t.defaultRows), exampleRows: named(brandHealth.exampleRows!, t.exampleRows) };
  }, [t]);
  const state = useCalculatorState(def);
  const f = ctx.format;
  const r = state.output.results;
  const tr = t.results;
  const { fieldErrors, rowIssues, listed } = splitIssues(state.output.issues);
  const field = fieldRenderers(ctx, brandHealth.fields, state, t.fields, fieldErrors);
  const na = ui.kit.notAvailable;
  const waveName = (row: number) => state.rows[row]?.wave || interpolate(t.waveN, { n: row + 1 });
  const waves = r.waves ?? [];
  const latest = waves[waves.length - 1];

  const rateText = (x: RateWithInterval | undefined) => (x ? `${f.percent(x.rate, 1)} [${f.percent(x.low, 1)}, ${f.percent(x.high, 1)}]` : na);
  const verdict = (v: ProportionChange['verdict']) => (v ? t.verdicts[v] : na);
  const rateChange = (c: ProportionChange | undefined) =>
    c ? interpolate(tr.changeText, { diff: interpolate(tr.points, { value: f.signed(c.difference * 100, 1) }), p: f.number(c.pValue, 3), verdict: verdict(c.verdict) }) : na;
  const npsText = (w: (typeof waves)[number]) => (w.nps ? `${f.number(w.nps.nps, 1)} [${f.number(w.nps.low, 1)}, ${f.number(w.nps.high, 1)}]` : na);
  const npsChange = (w: (typeof waves)[number]) =>
    w.npsChange ? interpolate(tr.changeText, { diff: f.signed(w.npsChange.difference, 1), p: f.number(w.npsChange.pValue, 3), verdict: verdict(w.npsChange.verdict) }) : na;

  const res = declareResults(r, tr);
  const g = tr.latestGroup;
  const items = present([
    latest && { key: 'recall', label: tr.recall, kind: 'percent', digits: 1, value: latest.recall?.rate, detail: latest.recall && `${tr.interval} ${f.percent(latest.recall.low, 1)}–${f.percent(latest.recall.high, 1)}`, emphasis: true, group: g },
    latest && { key: 'recallChange', label: `${tr.recall} · ${tr.change}`, kind: 'text', value: latest.changes.recall && rateChange(latest.changes.recall), group: g },
    latest?.association && { key: 'association', label: tr.association, kind: 'percent', digits: 1, value: latest.association.rate, group: g },
    latest && { key: 'nps', label: tr.nps, kind: 'number', digits: 1, value: latest.nps?.nps, detail: latest.nps && `${tr.interval} ${f.number(latest.nps.low, 1)}–${f.number(latest.nps.high, 1)}`, emphasis: true, group: g },
    latest && { key: 'npsChange', label: `${tr.nps} · ${tr.change}`, kind: 'text', value: latest.npsChange && npsChange(latest), group: g },
    latest?.repurchase && { key: 'repurchase', label: tr.repurchase, kind: 'percent', digits: 1, value: latest.repurchase.rate, group: g },
    res('npsSampleNeeded', 'count', { emphasis: true }),
  ]);

  const headers = [t.columns.wave, tr.recall, tr.change, tr.association, tr.change, tr.nps, tr.change, tr.repurchase, tr.change];
  const rows = waves.map((w) => [
    waveName(w.row),
    rateText(w.recall), rateChange(w.changes.recall),
    rateText(w.association), rateChange(w.changes.association),
    npsText(w), npsChange(w),
    rateText(w.repurchase), rateChange(w.changes.repurchase),
  ]);

  const trend = (metric: 'recall' | 'nps', label: string, format: (v: number) => string) => {
    const points = r.series?.[metric] ?? [];
    return (
      <ChartFigure
        ctx={ctx}
        id={`trend-${metric}`}
        title={interpolate(t.charts.trendTitle, { metric: label })}
        description={t.charts.trendDescription}
        dataKey={JSON.stringify([points, points.map((p) => waveName(p.row)), locale])}
        config={
          points.length > 0 &&
          chart('line', {
            labels: points.map((p) => waveName(p.row)),
            series: [
              { label, data: points.map((p) => p.value), points: 4 },
              { label: t.charts.low, data: points.map((p) => p.low), dash: true, color: 'grid' },
              { label: t.charts.high, data: points.map((p) => p.high), dash: true, color: 'grid', extra: { fill: '-1' } },
            ],
            x: { category: true },
            y: { format },
            tooltip: (item) => `${item.dataset.label}: ${format(item.parsed.y ?? 0)}`,
          })
        }
        table={{ columns: [t.columns.wave, label, t.charts.low, t.charts.high], rows: points.map((p) => [waveName(p.row), format(p.value), format(p.low), format(p.high)]) }}
      />
    );
  };

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
            spec={brandHealth.table!}
            {...rowTableState(state)}
            labels={t.columns}
            issues={rowIssues}
            blankRow={(index) => ({ ...blankWaveRow(), wave: interpolate(t.waveN, { n: index + 1 }) })}
          />
          {field.number('alpha', { hint: t.hints.alpha })}
          {field.number('npsMargin', { hint: t.hints.npsMargin })}
        </>
      }
      results={
        <>
          {waves.length > 0 && (
            <ResultTable ctx={ctx} id="waves" caption={tr.wavesCaption} headers={headers} rows={rows} rowAttrs={(i) => ({ 'data-row': waves[i]!.row })} />
          )}
          <h4 class="calc-subhead">{tr.methodsTitle}</h4>
          <ul class="calc-hint" data-methods>
            {Object.entries(t.methods).map(([key, text]) => <li key={key} data-method={key}>{text}</li>)}
          </ul>
        </>
      }
      charts={
        <>
          {trend('recall', tr.recall, (v) => f.percent(v, 1))}
          {trend('nps', tr.nps, (v) => f.number(v, 1))}
        </>
      }
    />
  );
}
