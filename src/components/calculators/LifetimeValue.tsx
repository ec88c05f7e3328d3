/** C10.2 island: customer lifetime value over a horizon and without one, CLV ÷ CAC, payback year and the cumulative CLV line. */
import { lifetimeValueCalculator } from '../../lib/calculators/c10-2-lifetime-value';
import { chart } from '../../lib/kit/chart-config';
import type { CalculatorStrings } from '../../i18n/en/index';
import { CalculatorFrame } from '../calculator/CalculatorFrame';
import { ChartFigure } from '../calculator/ChartFigure';
import { declareResults, present } from '../calculator/Results';
import { useIslandContext, type IslandProps } from '../calculator/island';
import { useCalculatorState } from '../calculator/useCalculatorState';
import { fieldRenderers } from '../calculator/wiring';

export default function LifetimeValue({ locale, ui, t }: IslandProps<CalculatorStrings<'C10.2'>>) {
  const { ctx, setCurrency } = useIslandContext('C10.2', locale, ui);
  const state = useCalculatorState(lifetimeValueCalculator);
  const f = ctx.format;
  const r = state.output.results;
  const tr = t.results;
  const field = fieldRenderers(ctx, lifetimeValueCalculator.fields, state, t.fields, state.output.issues);
  const res = declareResults(r, tr);

  const items = present([
    res('marginPerYear', 'money'),
    res('clvFinite', 'money', { emphasis: true }),
    res('clvInfinite', 'money'),
    res('simpleLtv', 'money'),
    res('netFinite', 'signedMoney'),
    res('netInfinite', 'signedMoney'),
    res('clvToCac', 'ratio', { emphasis: true }),
    r.paybackYear === null ? res('paybackYear', 'text', { value: tr.notWithinHorizon }) : res('paybackYear', 'count', { emphasis: true }),
    res('expectedLifetime', 'number'),
  ]);

  const c = t.charts;
  const years = r.years;
  const cac = r.acquisitionCost;

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
          {field.number('orderValue')}
          {field.number('purchasesPerYear')}
          {field.number('grossMargin')}
          {field.number('retentionCost')}
          {field.number('retention', { hint: t.hints.retention })}
          {field.number('discountRate')}
          {field.number('horizon')}
          {field.number('acquisitionCost')}
        </>
      }
      charts={
        <ChartFigure
          ctx={ctx}
          id="cumulative-clv"
          title={c.cumulative.title}
          description={c.cumulative.description}
          dataKey={JSON.stringify([years, cac, locale, f.currency])}
          config={
            years &&
            chart('line', {
              labels: years.map((y) => f.integer(y.year)),
              series: [
                { label: c.series.cumulative, data: years.map((y) => y.cumulative), points: 3 },
                ...(cac !== undefined ? [{ label: c.series.cac, data: years.map(() => cac), color: 'alert' as const, dash: true }] : []),
              ],
              x: { title: tr.year, category: true },
              y: { format: f.compactMoney, beginAtZero: true },
              tooltip: (item) => `${item.dataset.label}: ${f.money(item.parsed.y ?? 0)}`,
            })
          }
          table={{
            columns: [tr.year, tr.discounted, tr.cumulative],
            rows: (years ?? []).map((y) => [f.integer(y.year), f.money(y.discounted), f.money(y.cumulative)]),
          }}
        />
      }
    />
  );
}
