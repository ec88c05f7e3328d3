/** C11.2 island: before/after labour cost, ROI over a horizon and the payback month, with the cumulative net-benefit line. */
import { costBenefit } from '../../lib/calculators/c11-2-cost-benefit';
import { chart } from '../../lib/kit/chart-config';
import type { CalculatorStrings } from '../../i18n/en/index';
import { CalculatorFrame } from '../calculator/CalculatorFrame';
import { ChartFigure } from '../calculator/ChartFigure';
import { declareResults, present } from '../calculator/Results';
import { useIslandContext, type IslandProps } from '../calculator/island';
import { useCalculatorState } from '../calculator/useCalculatorState';
import { fieldRenderers } from '../calculator/wiring';

export default function CostBenefit({ locale, ui, t }: IslandProps<CalculatorStrings<'C11.2'>>) {
  const { ctx, setCurrency } = useIslandContext('C11.2', locale, ui);
  const state = useCalculatorState(costBenefit);
  const f = ctx.format;
  const r = state.output.results;
  const tr = t.results;
  const field = fieldRenderers(ctx, costBenefit.fields, state, t.fields, state.output.issues);
  const res = declareResults(r, tr);
  const neverPaysBack = r.paysBackWithinHorizon === false && r.paybackMonths === undefined;

  const items = present([
    res('costBefore', 'money'),
    res('costAfter', 'money'),
    res('reduction', 'percent', { digits: 1, emphasis: true }),
    res('monthlySaving', 'money', { emphasis: true }),
    res('monthlyNetBenefit', 'signedMoney'),
    res('totalSaving', 'money'),
    res('totalRunning', 'money'),
    res('netBenefit', 'signedMoney'),
    res('roi', 'percent', { digits: 1, emphasis: true }),
    neverPaysBack ? res('paybackMonths', 'text', { value: tr.never }) : res('paybackMonths', 'number', { digits: 2 }),
    !neverPaysBack && res('paybackMonth', 'count', { emphasis: true }),
    r.utilizationChange !== undefined && res('utilizationChange', 'signedPercent', { digits: 1 }),
  ]);

  const c = t.charts;
  const cumulative = r.cumulative;

  return (
    <CalculatorFrame
      ctx={ctx}
      t={t}
      state={state}
      onCurrency={setCurrency}
      items={items}
      issues={state.output.issues}
      inputs={
        <>
          {field.number('tasksPerMonth')}
          {field.number('hoursBefore')}
          {field.number('hoursAfter', { hint: t.hints.hoursAfter })}
          {field.number('hourlyCost')}
          {field.number('investment')}
          {field.number('runningCost')}
          {field.number('horizon', { hint: t.hints.horizon })}
          {field.number('utilizationBefore')}
          {field.number('utilizationAfter')}
        </>
      }
      charts={
        <ChartFigure
          ctx={ctx}
          id="cumulative"
          title={c.cumulative.title}
          description={c.cumulative.description}
          dataKey={JSON.stringify([cumulative, locale, f.currency])}
          config={
            cumulative &&
            chart('line', {
              series: [
                { label: c.series.net, data: cumulative.map((d) => ({ x: d.month, y: d.net })), points: 3 },
                { label: c.series.zero, data: [{ x: 0, y: 0 }, { x: cumulative.length - 1, y: 0 }], color: 'grid', dash: true },
              ],
              x: { title: c.month, format: f.integer },
              y: { format: f.compactMoney },
              tooltip: (item) => `${item.dataset.label}: ${f.signedMoney(item.parsed.y ?? 0)} @ ${f.integer(item.parsed.x ?? 0)}`,
            })
          }
          table={{
            columns: [c.month, c.series.net],
            rows: (cumulative ?? []).map((d) => [f.integer(d.month), f.signedMoney(d.net)]),
          }}
        />
      }
    />
  );
}
