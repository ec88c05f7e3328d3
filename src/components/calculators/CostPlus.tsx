/** C05.1 island: wires the cost-plus module to the shared fields, results and charts. */
import { costPlus, type PricingBasis } from '../../lib/calculators/c05-1-cost-plus';
import { chart } from '../../lib/kit/chart-config';
import { interpolate } from '../../lib/kit/format';
import type { CalculatorStrings } from '../../i18n/en/index';
import { CalculatorFrame } from '../calculator/CalculatorFrame';
import { ChartFigure } from '../calculator/ChartFigure';
import { declareResults, present } from '../calculator/Results';
import { useIslandContext, type IslandProps } from '../calculator/island';
import { useCalculatorState } from '../calculator/useCalculatorState';
import { fieldRenderers } from '../calculator/wiring';

export default function CostPlus({ locale, ui, t }: IslandProps<CalculatorStrings<'C05.1'>>) {
  const { ctx, setCurrency } = useIslandContext('C05.1', locale, ui);
  const state = useCalculatorState(costPlus);
  const f = ctx.format;
  const r = state.output.results;
  const tr = t.results;
  const field = fieldRenderers(ctx, costPlus.fields, state, t.fields, state.output.issues);
  const res = declareResults(r, tr);

  const items = present([
    res('variableCost', 'money'),
    res('fixedCostPerUnit', 'money'),
    res('fullCost', 'money'),
    res('price', 'money', { emphasis: true }),
    res('markupOnCost', 'percent'),
    res('marginOnPrice', 'percent'),
    res('unitContribution', 'money'),
    res('contributionRatio', 'percent'),
    res('breakEvenUnits', 'count', {
      unit: tr.units,
      detail: r.breakEvenUnitsExact === undefined ? undefined : interpolate(tr.breakEvenExact, { value: f.number(r.breakEvenUnitsExact, 2) }),
      emphasis: true,
    }),
    res('breakEvenRevenue', 'money'),
    res('profitAtPlan', 'money', { emphasis: true }),
    res('marginOfSafety', 'percent'),
    state.read.values.targetProfit != null && res('targetProfitUnits', 'count', { unit: tr.units }),
    state.read.values.competitorPrice != null && res('priceIndex', 'ratio', { detail: r.priceIndexSide ? tr.sides[r.priceIndexSide] : undefined }),
  ]);

  const c = t.charts;
  const cvp = r.cvp;
  const breakEven = r.breakEvenUnitsExact !== undefined && r.price !== undefined ? { x: r.breakEvenUnitsExact, y: r.breakEvenUnitsExact * r.price } : null;
  const buildUp = r.buildUp;
  const buildUpParts = buildUp
    ? ([['material', buildUp.material], ['labour', buildUp.labour], ['other', buildUp.other], ['fixedShare', buildUp.fixedShare], ['profit', buildUp.profit]] as const)
    : [];

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
          {(['material', 'labour', 'otherVariable', 'fixedCosts', 'plannedVolume'] as const).map((key) => field.number(key))}
          {field.choice('basis', t.choices as Record<PricingBasis, string>)}
          {(['margin' === state.raw.basis ? 'margin' : 'markup', 'targetProfit', 'competitorPrice', 'reviewThreshold', 'portfolioTarget'] as const).map((key) => field.number(key))}
        </>
      }
      charts={
        <>
          <ChartFigure
            ctx={ctx}
            id="cvp"
            title={c.cvpTitle}
            description={c.cvpDescription}
            dataKey={JSON.stringify([cvp, breakEven, locale, f.currency])}
            config={
              cvp &&
              chart('line', {
                series: [
                  { label: c.revenue, data: cvp.map((d) => ({ x: d.volume, y: d.revenue })) },
                  { label: c.totalCost, data: cvp.map((d) => ({ x: d.volume, y: d.totalCost })) },
                  { label: c.fixedCost, data: cvp.map((d) => ({ x: d.volume, y: d.fixedCost })), dash: true },
                  ...(breakEven ? [{ type: 'scatter' as const, label: c.breakEven, data: [breakEven], color: 'alert' as const, points: 6 }] : []),
                ],
                x: { title: c.volume, format: f.integer },
                y: { format: f.compactMoney },
                tooltip: (item) => `${item.dataset.label}: ${f.money(item.parsed.y ?? 0)} @ ${f.integer(item.parsed.x ?? 0)}`,
              })
            }
            table={{
              columns: [c.volume, c.revenue, c.totalCost, c.fixedCost],
              rows: (cvp ?? []).filter((_, i) => i % 2 === 0).map((d) => [f.integer(d.volume), f.money(d.revenue), f.money(d.totalCost), f.money(d.fixedCost)]),
            }}
          />
          <ChartFigure
            ctx={ctx}
            id="build-up"
            title={c.buildUpTitle}
            description={c.buildUpDescription}
            dataKey={JSON.stringify([buildUp, locale, f.currency])}
            config={
              buildUp &&
              chart('bar', {
                labels: [tr.price],
                horizontal: true,
                stacked: true,
                series: buildUpParts.map(([key, value], i) => ({ label: c[key], data: [value], color: key === 'profit' && value < 0 ? ('alert' as const) : i })),
                x: { format: f.money },
              })
            }
            table={{ columns: [c.part, c.amount], rows: buildUpParts.map(([key, value]) => [c[key], f.money(value)]) }}
          />
        </>
      }
    />
  );
}
