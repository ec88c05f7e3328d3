/** C05.1 island: wires the cost-plus module to the shared fields, results and charts. */
import { costPlus, type CostPlusResults, type PricingBasis } from '../../lib/calculators/c05-1-cost-plus';
import { CalculatorFrame, type CsvRow } from '../calculator/CalculatorFrame';
import { ChartFigure } from '../calculator/ChartFigure';
import { IssueList, ResultList, type ResultItem } from '../calculator/Results';
import { useIslandContext, type IslandProps } from '../calculator/island';
import { useCalculatorState } from '../calculator/useCalculatorState';
import { fieldRenderers } from '../calculator/wiring';
import { interpolate } from '../../lib/kit/format';
import type { CalculatorStrings } from '../../i18n/en/index';

export default function CostPlus({ locale, ui, t }: IslandProps<CalculatorStrings<'C05.1'>>) {
  const { ctx, setCurrency } = useIslandContext('C05.1', locale, ui);
  const state = useCalculatorState(costPlus);
  const f = ctx.format;
  const r: Partial<CostPlusResults> = state.output.results;
  const field = fieldRenderers(ctx, costPlus.fields, state, t.fields, state.output.issues);

  const units = (v: number | undefined) => (v === undefined ? undefined : interpolate(t.results.units, { value: f.integer(v) }));
  const items: ResultItem[] = [
    { key: 'variableCost', label: t.results.variableCost, value: r.variableCost === undefined ? undefined : f.money(r.variableCost) },
    { key: 'fixedCostPerUnit', label: t.results.fixedCostPerUnit, value: r.fixedCostPerUnit === undefined ? undefined : f.money(r.fixedCostPerUnit) },
    { key: 'fullCost', label: t.results.fullCost, value: r.fullCost === undefined ? undefined : f.money(r.fullCost) },
    { key: 'price', label: t.results.price, value: r.price === undefined ? undefined : f.money(r.price), emphasis: true },
    { key: 'markupOnCost', label: t.results.markupOnCost, value: r.markupOnCost === undefined ? undefined : f.percent(r.markupOnCost) },
    { key: 'marginOnPrice', label: t.results.marginOnPrice, value: r.marginOnPrice === undefined ? undefined : f.percent(r.marginOnPrice) },
    { key: 'unitContribution', label: t.results.unitContribution, value: r.unitContribution === undefined ? undefined : f.money(r.unitContribution) },
    { key: 'contributionRatio', label: t.results.contributionRatio, value: r.contributionRatio === undefined ? undefined : f.percent(r.contributionRatio) },
    {
      key: 'breakEvenUnits',
      label: t.results.breakEvenUnits,
      value: units(r.breakEvenUnits),
      detail: r.breakEvenUnitsExact === undefined ? undefined : interpolate(t.results.breakEvenExact, { value: f.number(r.breakEvenUnitsExact, 2) }),
      emphasis: true,
    },
    { key: 'breakEvenRevenue', label: t.results.breakEvenRevenue, value: r.breakEvenRevenue === undefined ? undefined : f.money(r.breakEvenRevenue) },
    { key: 'profitAtPlan', label: t.results.profitAtPlan, value: r.profitAtPlan === undefined ? undefined : f.money(r.profitAtPlan), emphasis: true },
    { key: 'marginOfSafety', label: t.results.marginOfSafety, value: r.marginOfSafety === undefined ? undefined : f.percent(r.marginOfSafety) },
  ];
  if (state.read.values.targetProfit != null) {
    items.push({ key: 'targetProfitUnits', label: t.results.targetProfitUnits, value: units(r.targetProfitUnits) });
  }
  if (state.read.values.competitorPrice != null) {
    items.push({
      key: 'priceIndex',
      label: t.results.priceIndex,
      value: r.priceIndex === undefined ? undefined : f.ratio(r.priceIndex),
      detail: r.priceIndexSide ? t.results.sides[r.priceIndexSide] : undefined,
    });
  }

  const csvRows = (): CsvRow[] => [
    ...(Object.keys(costPlus.fields) as (keyof typeof costPlus.fields)[]).map((key) => ({ section: 'input' as const, label: t.fields[key], value: state.raw[key] })),
    ...items.map((item) => ({ section: 'result' as const, label: item.label, value: item.value ?? '' })),
  ];

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
      csvRows={csvRows}
      inputs={
        <>
          {field.number('material')}
          {field.number('labour')}
          {field.number('otherVariable')}
          {field.number('fixedCosts')}
          {field.number('plannedVolume')}
          {field.choice('basis', t.choices as Record<PricingBasis, string>)}
          {state.raw.basis === 'margin' ? field.number('margin') : field.number('markup')}
          {field.number('targetProfit')}
          {field.number('competitorPrice')}
          {field.number('reviewThreshold')}
          {field.number('portfolioTarget')}
        </>
      }
      results={
        <>
          <ResultList ctx={ctx} items={items} />
          <IssueList ctx={ctx} issues={state.output.issues} />
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
              cvp
                ? (p) => ({
                    type: 'line',
                    data: {
                      datasets: [
                        { label: c.revenue, data: cvp.map((d) => ({ x: d.volume, y: d.revenue })), borderColor: p.series[0], backgroundColor: p.series[0], pointRadius: 0 },
                        { label: c.totalCost, data: cvp.map((d) => ({ x: d.volume, y: d.totalCost })), borderColor: p.series[1], backgroundColor: p.series[1], pointRadius: 0 },
                        { label: c.fixedCost, data: cvp.map((d) => ({ x: d.volume, y: d.fixedCost })), borderColor: p.series[2], backgroundColor: p.series[2], borderDash: [6, 4], pointRadius: 0 },
                        ...(breakEven
                          ? [{ type: 'scatter' as const, label: c.breakEven, data: [breakEven], borderColor: p.alert, backgroundColor: p.alert, pointRadius: 6 }]
                          : []),
                      ],
                    },
                    options: {
                      parsing: false,
                      scales: {
                        x: { type: 'linear', title: { display: true, text: c.volume }, ticks: { callback: (v) => f.integer(Number(v)) } },
                        y: { type: 'linear', ticks: { callback: (v) => f.compactMoney(Number(v)) } },
                      },
                      plugins: {
                        tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${f.money(item.parsed.y ?? 0)} @ ${f.integer(item.parsed.x ?? 0)}` } },
                      },
                    },
                  })
                : null
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
              buildUp
                ? (p) => ({
                    type: 'bar',
                    data: {
                      labels: [t.results.price],
                      datasets: buildUpParts.map(([key, value], i) => ({ label: c[key], data: [value], backgroundColor: key === 'profit' && value < 0 ? p.alert : p.series[i % p.series.length] })),
                    },
                    options: {
                      indexAxis: 'y',
                      scales: { x: { stacked: true, ticks: { callback: (v) => f.money(Number(v)) } }, y: { stacked: true } },
                      plugins: { tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${f.money(item.parsed.x ?? 0)}` } } },
                    },
                  })
                : null
            }
            table={{ columns: [c.part, c.amount], rows: buildUpParts.map(([key, value]) => [c[key], f.money(value)]) }}
          />
        </>
      }
    />
  );
}
