/** C09.1 island: tiered commission (progressive vs retroactive, cliff on the curve) and team bonus. */
import { bonusBases, tieredCommission, type BonusBase, type CommissionMode } from '../../lib/calculators/c09-1-commission';
import { chart } from '../../lib/kit/chart-config';
import { interpolate } from '../../lib/kit/format';
import type { CalculatorStrings } from '../../i18n/en/index';
import { CalculatorFrame } from '../calculator/CalculatorFrame';
import { ChartFigure } from '../calculator/ChartFigure';
import { declareResults, present, ResultTable, tableCsvRows } from '../calculator/Results';
import { useIslandContext, type IslandProps } from '../calculator/island';
import { useCalculatorState } from '../calculator/useCalculatorState';
import { fieldRenderers } from '../calculator/wiring';

export default function Commission({ locale, ui, t }: IslandProps<CalculatorStrings<'C09.1'>>) {
  const { ctx, setCurrency } = useIslandContext('C09.1', locale, ui);
  const state = useCalculatorState(tieredCommission);
  const f = ctx.format;
  const r = state.output.results;
  const tr = t.results;
  const c = t.charts;
  const field = fieldRenderers(ctx, tieredCommission.fields, state, t.fields, state.output.issues);
  const res = declareResults(r, tr);
  const quota = state.read.values.quota ?? 0;
  const share = (v: number) => f.percent(quota > 0 ? v / quota : 0, 0);
  const bandName = (lower: number, upper: number | null) =>
    upper === null ? interpolate(tr.bandAbove, { low: share(lower) }) : interpolate(tr.bandRange, { low: share(lower), high: share(upper) });
  const cliff = r.nextCliff;
  const readings = r.teamBonusReadings ?? {};

  const items = present([
    res('attainment', 'percent', { digits: 1 }),
    res('progressiveTotal', 'money'),
    res('retroactiveTotal', 'money'),
    res('commission', 'money', { emphasis: true }),
    res('effectiveRate', 'percent', { digits: 2, emphasis: true }),
    res('marginalRate', 'percent', { digits: 1 }),
    cliff && { key: 'nextCliff', label: tr.nextCliff, kind: 'text', value: interpolate(tr.cliffText, { at: f.money(cliff.at), before: f.money(cliff.payAt), after: f.money(cliff.payAfter), jump: f.money(cliff.jump) }) },
    r.teamTargetMet !== undefined && { key: 'teamTargetMet', label: tr.teamTargetMet, kind: 'text', value: r.teamTargetMet ? tr.yes : tr.no },
    res('teamAttainment', 'percent', { digits: 1 }),
    {
      key: 'teamBonusReadings', label: tr.teamBonusReadings, kind: 'text',
      value: bonusBases.filter((b) => readings[b] !== undefined).map((b) => `${t.choices.teamBonusBase[b]}: ${f.money(readings[b]!)}`).join('; ') || undefined,
    },
    res('teamBonus', 'money'),
    res('specialAwards', 'money'),
    res('grandTotal', 'money', { emphasis: true }),
  ]);

  const tiers = r.tiers ?? [];
  const headers = [tr.band, tr.salesInBand, tr.rate, tr.tierCommission];
  const rows = tiers.map((b) => [bandName(b.lower, b.upper), f.money(b.sales), f.percent(b.rate, 1), f.money(b.commission)]);
  const curve = r.curve;
  const stack = r.stack;

  return (
    <CalculatorFrame
      ctx={ctx}
      t={t}
      state={state}
      onCurrency={setCurrency}
      items={items}
      issues={state.output.issues}
      csvExtra={() => tableCsvRows(headers, rows)}
      inputs={
        <>
          {field.number('quota')}
          {field.number('actual')}
          {field.number('baseRate')}
          {field.number('breakpoint1')}
          {field.number('breakpoint2')}
          {field.number('rate1')}
          {field.number('rate2')}
          {field.number('rate3')}
          {field.choice('mode', t.choices.mode as Record<CommissionMode, string>, { hint: t.hints.mode })}
          {field.number('teamTarget')}
          {field.number('teamActual')}
          {field.number('teamBonusRate')}
          {field.choice('teamBonusBase', t.choices.teamBonusBase as Record<BonusBase, string>, { hint: t.hints.teamBonusBase })}
          {field.number('teamCommission')}
          {field.number('bonusPool')}
          {field.number('specialAwards')}
          <p class="calc-hint">{t.notes.newHire}</p>
        </>
      }
      results={
        tiers.length > 0 && (
          <ResultTable ctx={ctx} id="tiers" caption={tr.tiersCaption} headers={headers} rows={rows}
            footer={r.commission === undefined ? null : [tr.total, f.money(state.read.values.actual ?? 0), r.effectiveRate === undefined ? '' : f.percent(r.effectiveRate, 2), f.money(r.commission)]} />
        )
      }
      charts={
        <>
          <ChartFigure
            ctx={ctx}
            id="curve"
            title={c.curveTitle}
            description={c.curveDescription}
            dataKey={JSON.stringify([curve, locale, f.currency])}
            config={
              curve &&
              chart('line', {
                series: [
                  { label: c.progressive, data: curve.map((p) => ({ x: p.attainment, y: p.progressive })) },
                  { label: c.retroactive, data: curve.map((p) => ({ x: p.attainment, y: p.retroactive })), color: 'alert' },
                ],
                x: { title: c.attainment, format: (v) => f.percent(v, 0), min: 0, max: 2 },
                y: { format: f.compactMoney },
                tooltip: (item) => `${item.dataset.label}: ${f.money(item.parsed.y ?? 0)} @ ${f.percent(item.parsed.x ?? 0, 0)}`,
              })
            }
            table={{
              columns: [c.attainment, c.progressive, c.retroactive],
              rows: (curve ?? []).filter((p, i, all) => i % 5 === 0 || all[i - 1]?.attainment === p.attainment || all[i + 1]?.attainment === p.attainment)
                .map((p) => [f.percent(p.attainment, 0), f.money(p.progressive), f.money(p.retroactive)]),
            }}
          />
          <ChartFigure
            ctx={ctx}
            id="stack"
            title={c.stackTitle}
            description={c.stackDescription}
            dataKey={JSON.stringify([stack, tiers.map((b) => [b.lower, b.upper]), locale, f.currency])}
            config={
              stack &&
              chart('bar', {
                labels: [tr.grandTotal],
                horizontal: true,
                stacked: true,
                series: [
                  ...stack.tiers.map((v, k) => ({ label: tiers[k] ? bandName(tiers[k]!.lower, tiers[k]!.upper) : '', data: [v], color: k })),
                  { label: c.teamBonus, data: [stack.teamBonus], color: 4 },
                ],
                x: { format: f.compactMoney },
                tooltip: (item) => `${item.dataset.label}: ${f.money(item.parsed.x ?? 0)}`,
              })
            }
            table={{
              columns: [tr.band, tr.tierCommission],
              rows: stack ? [...stack.tiers.map((v, k) => [tiers[k] ? bandName(tiers[k]!.lower, tiers[k]!.upper) : '', f.money(v)]), [c.teamBonus, f.money(stack.teamBonus)]] : [],
            }}
          />
        </>
      }
    />
  );
}
