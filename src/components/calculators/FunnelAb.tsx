/** C08.2 island: funnel stages (RowTable) with p-chart alerts, A/B sample size, observed lift with its interval; methods named on screen. */
import { useMemo } from 'preact/hooks';
import { blankFunnelRow, funnelAb, type FunnelColumns } from '../../lib/calculators/c08-2-funnel-ab';
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

export default function FunnelAb({ locale, ui, t }: IslandProps<CalculatorStrings<'C08.2'>>) {
  const { ctx, setCurrency } = useIslandContext('C08.2', locale, ui);
  const def = useMemo(() => {
    const named = (rows: RawRow<FunnelColumns>[]) => rows.map((row, i) => ({ ...row, stage: t.defaultRows[i] ?? row.stage }));
    return { ...funnelAb, defaultRows: named(funnelAb.defaultRows!), exampleRows: named(funnelAb.exampleRows!) };
  }, [t]);
  const state = useCalculatorState(def);
  const f = ctx.format;
  const r = state.output.results;
  const tr = t.results;
  const c = t.charts;
  const s = t.sections;
  const { fieldErrors, rowIssues, listed } = splitIssues(state.output.issues);
  const field = fieldRenderers(ctx, funnelAb.fields, state, t.fields, fieldErrors);
  const na = ui.kit.notAvailable;
  const stageName = (row: number) => state.rows[row]?.stage || interpolate(t.stageN, { n: row + 1 });
  const stepName = (from: number, to: number) => interpolate(tr.stepName, { from: stageName(from), to: stageName(to) });
  const yesNo = (v: boolean | undefined) => (v === undefined ? undefined : v ? tr.yes : tr.no);
  const range = (low: number, high: number) => `${tr.interval} ${f.percent(low, 1)}–${f.percent(high, 1)}`;
  const steps = r.steps ?? [];
  const drop = steps.find((st) => st.row === r.biggestDropRow);

  const res = declareResults(r, tr);
  const items = present([
    res('overall', 'percent', { digits: 1, group: s.funnel }),
    { key: 'biggestDrop', label: tr.biggestDrop, kind: 'text', value: drop ? `${stepName(drop.fromRow, drop.row)} (${f.percent(drop.rate ?? 0, 1)})` : undefined, group: s.funnel },
    res('alerts', 'count', { group: s.funnel }),
    res('targetRate', 'percent', { digits: 2, group: s.plan }),
    res('samplePerArm', 'count', { emphasis: true, group: s.plan }),
    { key: 'controlRate', label: tr.controlRate, kind: 'percent', digits: 1, value: r.control?.rate, detail: r.control && range(r.control.low, r.control.high), group: s.result },
    { key: 'variantRate', label: tr.variantRate, kind: 'percent', digits: 1, value: r.variant?.rate, detail: r.variant && range(r.variant.low, r.variant.high), group: s.result },
    res('z', 'number', { digits: 3, group: s.result }),
    res('pValue', 'number', { digits: 3, group: s.result }),
    { key: 'significant', label: tr.significant, kind: 'text', value: yesNo(r.significant), group: s.result },
    res('lift', 'signedPercent', { digits: 1, emphasis: true, group: s.result, detail: r.liftLow === undefined || r.liftHigh === undefined ? undefined : `${tr.interval} ${f.signedPercent(r.liftLow, 1)} … ${f.signedPercent(r.liftHigh, 1)}` }),
    { key: 'reachedOnPoint', label: tr.reachedOnPoint, kind: 'text', value: yesNo(r.reachedOnPoint), emphasis: true, group: s.result },
    { key: 'reachedOnBound', label: tr.reachedOnBound, kind: 'text', value: yesNo(r.reachedOnBound), emphasis: true, group: s.result },
  ]);

  const headers = [tr.step, tr.rate, tr.dropOff, tr.lowerLimit, tr.upperLimit, tr.alert];
  const pct = (v: number | undefined) => (v === undefined ? na : f.percent(v, 1));
  const rows = steps.map((st) => [stepName(st.fromRow, st.row), pct(st.rate), pct(st.dropOff), pct(st.lowerLimit), pct(st.upperLimit), st.alert ? t.alerts[st.alert] : st.lowerLimit === undefined ? na : tr.none]);
  const funnel = r.funnel ?? [];
  const target = state.read.values.targetLift;
  const liftShown = r.lift !== undefined && r.liftLow !== undefined && r.liftHigh !== undefined;

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
            spec={funnelAb.table!}
            {...rowTableState(state)}
            labels={t.columns}
            issues={rowIssues}
            blankRow={(index) => ({ ...blankFunnelRow(), stage: interpolate(t.stageN, { n: index + 1 }) })}
          />
          <fieldset class="calc-group">
            <legend>{s.plan}</legend>
            {field.number('baselineConversion')}
            {field.number('targetLift', { hint: t.hints.targetLift })}
            {field.number('alpha', { hint: t.hints.alpha })}
            {field.number('power', { hint: t.hints.power })}
          </fieldset>
          <fieldset class="calc-group">
            <legend>{s.result}</legend>
            {field.number('controlVisitors')}
            {field.number('controlConversions')}
            {field.number('variantVisitors')}
            {field.number('variantConversions')}
          </fieldset>
        </>
      }
      results={
        <>
          {steps.length > 0 && (
            <ResultTable ctx={ctx} id="steps" caption={tr.stepsCaption} headers={headers} rows={rows}
              rowAttrs={(i) => ({ 'data-row': steps[i]!.row, 'data-alert': steps[i]!.alert ?? undefined })} />
          )}
          <h4 class="calc-subhead">{tr.methodsTitle}</h4>
          <ul class="calc-hint" data-methods>
            {Object.entries(t.methods).map(([key, text]) => <li key={key} data-method={key}>{text}</li>)}
          </ul>
        </>
      }
      charts={
        <>
          <ChartFigure
            ctx={ctx}
            id="funnel"
            title={c.funnelTitle}
            description={c.funnelDescription}
            dataKey={JSON.stringify([funnel, funnel.map((p) => stageName(p.row)), locale])}
            config={
              funnel.length > 0 &&
              chart('bar', {
                labels: funnel.map((p) => stageName(p.row)),
                horizontal: true,
                series: [{ label: t.columns.count, data: funnel.map((p) => p.count) }],
                x: { format: f.integer, beginAtZero: true },
                y: { category: true },
                tooltip: (item) => `${item.label}: ${f.integer(item.parsed.x ?? 0)}`,
              })
            }
            table={{ columns: [t.columns.stage, t.columns.count], rows: funnel.map((p) => [stageName(p.row), f.integer(p.count)]) }}
          />
          <ChartFigure
            ctx={ctx}
            id="lift"
            title={c.liftTitle}
            description={c.liftDescription}
            dataKey={JSON.stringify([r.lift, r.liftLow, r.liftHigh, target, locale])}
            config={
              liftShown &&
              chart('line', {
                series: [
                  { label: tr.interval, data: [{ x: r.liftLow!, y: 1 }, { x: r.liftHigh!, y: 1 }], points: 4 },
                  { type: 'scatter', label: tr.lift, data: [{ x: r.lift!, y: 1 }], points: 7, color: 1 },
                  ...(target != null ? [{ label: c.target, data: [{ x: target, y: 0 }, { x: target, y: 2 }], dash: true, color: 'alert' as const }] : []),
                ],
                x: { title: tr.lift, format: (v) => f.signedPercent(v, 0) },
                y: { min: 0, max: 2, format: () => '' },
                tooltip: (item) => `${item.dataset.label}: ${f.signedPercent(item.parsed.x ?? 0, 1)}`,
              })
            }
            table={{
              columns: [tr.lift, tr.interval, c.target],
              rows: liftShown ? [[f.signedPercent(r.lift!, 1), `${f.signedPercent(r.liftLow!, 1)} … ${f.signedPercent(r.liftHigh!, 1)}`, target != null ? f.signedPercent(target, 0) : na]] : [],
            }}
          />
        </>
      }
    />
  );
}
