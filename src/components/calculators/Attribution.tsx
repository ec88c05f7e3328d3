/** C08.3 island: conversion paths (RowTable, up to 5,000), five attribution models side by side, ROI per model from one spend text field. */
import { useMemo } from 'preact/hooks';
import { attribution, blankAttributionRow, type AttributionModel, type PathColumns } from '../../lib/calculators/c08-3-attribution';
import type { RawRow } from '../../lib/kit/rows';
import { chart } from '../../lib/kit/chart-config';
import type { CalculatorStrings } from '../../i18n/en/index';
import { CalculatorFrame } from '../calculator/CalculatorFrame';
import { ChartFigure } from '../calculator/ChartFigure';
import { declareResults, present, ResultTable, tableCsvRows } from '../calculator/Results';
import { RowTable } from '../calculator/RowTable';
import { useIslandContext, type IslandProps } from '../calculator/island';
import { useCalculatorState } from '../calculator/useCalculatorState';
import { fieldRenderers, rowTableState, splitIssues } from '../calculator/wiring';

export default function Attribution({ locale, ui, t }: IslandProps<CalculatorStrings<'C08.3'>>) {
  const { ctx, setCurrency } = useIslandContext('C08.3', locale, ui);
  const def = useMemo(() => {
    // The starting paths and spend line name their channels in the page's language.
    const names: Record<string, string> = t.channelNames;
    const rename = (text: string) => text.replace(/[A-Za-z]+/g, (word) => names[word] ?? word);
    const paths = (rows: RawRow<PathColumns>[]) => rows.map((row) => ({ ...row, path: rename(row.path) }));
    return {
      ...attribution,
      defaults: { ...attribution.defaults, channelSpend: rename(attribution.defaults.channelSpend) },
      defaultRows: paths(attribution.defaultRows!),
      exampleRows: paths(attribution.exampleRows!),
    };
  }, [t]);
  const state = useCalculatorState(def);
  const f = ctx.format;
  const r = state.output.results;
  const tr = t.results;
  const { fieldErrors, rowIssues, listed } = splitIssues(state.output.issues);
  // Spend warnings (unknown channel, zero spend) also sit beside the spend field.
  const field = fieldRenderers(ctx, attribution.fields, state, t.fields, [...fieldErrors, ...state.output.issues.filter((i) => i.field === 'channelSpend')]);
  const na = ui.kit.notAvailable;
  const models = r.models ?? [];
  const channels = r.channels ?? [];

  const res = declareResults(r, tr);
  const items = present([
    res('totalConversions', 'number', { digits: 0 }),
    res('totalValue', 'money', { emphasis: true }),
    res('pathsUsed', 'count', { emphasis: true }),
    (r.pathsWithoutDays ?? 0) > 0 && res('pathsWithoutDays', 'count'),
  ]);

  const modelName = (m: AttributionModel) => t.models[m];
  const spreadOf = (channel: string) => r.spread?.find((s) => s.channel === channel);
  const creditHeaders = [tr.channel, ...models.map(modelName), tr.spread];
  const creditRows = channels.map((ch) => {
    const s = spreadOf(ch.channel);
    return [ch.channel, ...models.map((m) => `${f.money(ch.value[m])} (${f.number(ch.conversions[m], 1)})`), s ? `${f.money(s.min)} – ${f.money(s.max)}` : na];
  });
  // In the file, one figure per cell (value and conversions apart) so a spreadsheet can sum them;
  // the range across models follows from the columns.
  const creditCsvHeaders = [tr.channel, ...models.flatMap((m) => [modelName(m), `${modelName(m)} · ${tr.conversions}`])];
  const creditCsvRows = channels.map((ch) => [ch.channel, ...models.flatMap((m) => [f.money(ch.value[m]), f.number(ch.conversions[m], 1)])]);
  const withSpend = channels.filter((ch) => ch.spend !== undefined);
  const roiHeaders = [tr.channel, tr.spend, ...models.map(modelName)];
  const roiRows = withSpend.map((ch) => [ch.channel, f.money(ch.spend!), ...models.map((m) => (ch.roi?.[m] === undefined ? na : f.percent(ch.roi[m], 1)))]);
  const bars = r.chart ?? [];

  return (
    <CalculatorFrame
      ctx={ctx}
      t={t}
      state={state}
      onCurrency={setCurrency}
      layout="stacked"
      items={items}
      issues={listed}
      csvExtra={() => [...tableCsvRows(creditCsvHeaders, creditCsvRows), ...tableCsvRows(roiHeaders, roiRows)]}
      inputs={
        <>
          <RowTable
            ctx={ctx}
            caption={t.tableCaption}
            spec={attribution.table!}
            {...rowTableState(state)}
            labels={t.columns}
            issues={rowIssues}
            blankRow={() => blankAttributionRow()}
          />
          <p class="calc-hint">{t.hints.path} {t.hints.days}</p>
          {field.number('halfLife')}
          {field.number('firstShare')}
          {field.number('middleShare')}
          {field.number('lastShare')}
          {field.text('channelSpend', { hint: t.hints.channelSpend })}
        </>
      }
      results={
        <>
          {channels.length > 0 && <ResultTable ctx={ctx} id="credit" caption={tr.creditCaption} headers={creditHeaders} rows={creditRows} />}
          {withSpend.length > 0 && <ResultTable ctx={ctx} id="roi" caption={tr.roiCaption} headers={roiHeaders} rows={roiRows} />}
        </>
      }
      charts={
        <ChartFigure
          ctx={ctx}
          id="models"
          title={t.charts.modelsTitle}
          description={t.charts.modelsDescription}
          dataKey={JSON.stringify([bars, models, locale, f.currency])}
          config={
            bars.length > 0 &&
            chart('bar', {
              labels: bars.map((b) => b.channel),
              series: models.map((m, i) => ({ label: modelName(m), data: bars.map((b) => b.values[m]), color: i })),
              x: { category: true },
              y: { format: f.compactMoney, beginAtZero: true },
              tooltip: (item) => `${item.dataset.label}: ${f.money(item.parsed.y ?? 0)}`,
            })
          }
          table={{ columns: [tr.channel, ...models.map(modelName)], rows: bars.map((b) => [b.channel, ...models.map((m) => f.money(b.values[m]))]) }}
        />
      }
    />
  );
}
