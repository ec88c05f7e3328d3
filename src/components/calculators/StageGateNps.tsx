/** C04.3 island: concept-test NPS with its 95% interval, gate verdict, sample check and development plan. */
import { stageGateNps, type NpsInputMode, type ScoreColumns } from '../../lib/calculators/c04-3-stage-gate-nps';
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

export default function StageGateNps({ locale, ui, t }: IslandProps<CalculatorStrings<'C04.3'>>) {
  const { ctx, setCurrency } = useIslandContext('C04.3', locale, ui);
  const state = useCalculatorState(stageGateNps);
  const f = ctx.format;
  const r = state.output.results;
  const tr = t.results;
  const c = t.charts;
  const { fieldErrors, rowIssues, listed } = splitIssues(state.output.issues);
  const field = fieldRenderers(ctx, stageGateNps.fields, state, t.fields, fieldErrors);
  const res = declareResults(r, tr);
  const nps = r.nps;
  const margin = state.read.values.margin;
  const marginText = margin == null ? '' : f.number(margin, 2);
  const gateName = (g: { key: keyof typeof t.gates; name?: string }) => (g.key === 'fifth' && g.name ? g.name : t.gates[g.key]);

  const items = present([
    res('nps', 'signed', { value: nps?.nps, digits: 1, emphasis: true }),
    res('interval', 'text', { value: nps && interpolate(tr.intervalValue, { low: f.signed(nps.low, 1), high: f.signed(nps.high, 1) }) }),
    res('verdict', 'text', { value: r.verdict && t.verdicts[r.verdict], emphasis: true }),
    res('n', 'count', { value: nps?.n }),
    res('standardError', 'number', { value: nps?.standardError, digits: 2 }),
    res('promoterShare', 'percent', { value: nps?.promoterShare, digits: 1 }),
    res('passiveShare', 'percent', { value: nps?.passiveShare, digits: 1 }),
    res('detractorShare', 'percent', { value: nps?.detractorShare, digits: 1 }),
    res('sampleMet', 'text', {
      label: t.fields.mvpTarget,
      value: r.sampleMet === undefined ? undefined : r.sampleMet ? tr.sampleMet : interpolate(tr.sampleShort, { value: f.integer(r.sampleShortBy ?? 0) }),
    }),
    res('sampleNeeded', 'count', { label: interpolate(tr.sampleNeeded, { margin: marginText }) }),
    res('sampleNeededWorstCase', 'count', { label: interpolate(tr.sampleNeededWorstCase, { margin: marginText }) }),
    res('targetWeeks', 'number', { digits: 1, unit: tr.weeks, emphasis: true }),
    res('sprints', 'count'),
    res('flexibleHeads', 'count'),
    res('decisionHours', 'number', { unit: tr.hours }),
    res('gates', 'text', { value: r.gates?.map(gateName).join(' → ') }),
  ]);

  const scores = state.raw.inputMode === 'scores';
  const blankRow = (): RawRow<ScoreColumns> => ({ score: '' });
  const threshold = state.read.values.gateThreshold;
  const groups = nps ? ([['promoterShare', nps.promoterShare], ['passiveShare', nps.passiveShare], ['detractorShare', nps.detractorShare]] as const) : [];

  return (
    <CalculatorFrame
      ctx={ctx}
      t={t}
      state={state}
      onCurrency={setCurrency}
      items={items}
      issues={listed}
      inputs={
        <>
          {field.choice('inputMode', t.choices as Record<NpsInputMode, string>)}
          {scores ? (
            <RowTable ctx={ctx} caption={t.tableCaption} spec={stageGateNps.table!} {...rowTableState(state)} labels={t.columns} issues={rowIssues} blankRow={blankRow} />
          ) : (
            <>
              {field.number('promoters')}
              {field.number('passives')}
              {field.number('detractors')}
            </>
          )}
          {field.number('gateThreshold')}
          {field.number('mvpTarget')}
          {field.number('margin', { hint: t.hints.margin })}
          {field.number('industryWeeks')}
          {field.number('targetRatio')}
          {field.number('sprintWeeks')}
          {field.number('teamSize')}
          {field.number('flexibleShare')}
          {field.number('decisionHours')}
          {field.text('fifthGate', { hint: t.hints.fifthGate })}
        </>
      }
      charts={
        <>
          <ChartFigure
            ctx={ctx}
            id="mix"
            title={c.mixTitle}
            description={c.mixDescription}
            dataKey={JSON.stringify([groups, locale])}
            config={
              groups.length > 0 &&
              chart('bar', {
                labels: [tr.n],
                horizontal: true,
                stacked: true,
                series: groups.map(([key, share], i) => ({ label: tr[key], data: [share], color: key === 'detractorShare' ? ('alert' as const) : i })),
                x: { min: 0, max: 1, format: (v) => f.percent(v, 0) },
              })
            }
            table={{ columns: groups.map(([key]) => tr[key]), rows: groups.length ? [groups.map(([, share]) => f.percent(share, 1))] : [] }}
          />
          <ChartFigure
            ctx={ctx}
            id="interval"
            title={c.intervalTitle}
            description={c.intervalDescription}
            dataKey={JSON.stringify([nps, threshold, locale])}
            config={
              nps &&
              chart('bar', {
                labels: [tr.nps],
                horizontal: true,
                series: [
                  { label: tr.interval, data: [[nps.low, nps.high]] },
                  { type: 'scatter', label: tr.nps, data: [{ x: nps.nps, y: 0 }], color: 1, points: 7 },
                  ...(threshold == null ? [] : [{ type: 'scatter' as const, label: t.fields.gateThreshold, data: [{ x: threshold, y: 0 }], color: 'alert' as const, points: 9 }]),
                ],
                x: { min: -100, max: 100, format: (v) => f.number(v, 0) },
              })
            }
            table={{
              columns: [tr.nps, tr.interval, t.fields.gateThreshold],
              rows: nps ? [[f.signed(nps.nps, 1), interpolate(tr.intervalValue, { low: f.signed(nps.low, 1), high: f.signed(nps.high, 1) }), threshold == null ? ui.kit.notAvailable : f.number(threshold, 1)]] : [],
            }}
          />
        </>
      }
    />
  );
}
