/** C05.2 island: wires the elasticity module to the shared fields, results and charts. */
import { elasticity, type DemandModel, type ElasticityResults, type PriceOptimum } from '../../lib/calculators/c05-2-elasticity';
import { round9 } from '../../lib/kit/calculator';
import { interpolate } from '../../lib/kit/format';
import type { CalculatorStrings } from '../../i18n/en/index';
import { CalculatorFrame, type CsvRow } from '../calculator/CalculatorFrame';
import { ChartFigure } from '../calculator/ChartFigure';
import { IssueList, ResultList, type ResultItem } from '../calculator/Results';
import { useIslandContext, type IslandProps } from '../calculator/island';
import { useCalculatorState } from '../calculator/useCalculatorState';
import { fieldRenderers, splitIssues } from '../calculator/wiring';

export default function Elasticity({ locale, ui, t }: IslandProps<CalculatorStrings<'C05.2'>>) {
  const { ctx, setCurrency } = useIslandContext('C05.2', locale, ui);
  const state = useCalculatorState(elasticity);
  const f = ctx.format;
  const r: Partial<ElasticityResults> = state.output.results;
  const tr = t.results;
  // Errors sit beside their field; warnings and notes (even about a field) go to the issue list.
  const { fieldErrors, listed } = splitIssues(state.output.issues);
  const field = fieldRenderers(ctx, elasticity.fields, state, t.fields, fieldErrors);

  const signed = (v: number, digits: number) => (round9(v) > 0 ? `+${f.number(v, digits)}` : f.number(v, digits));
  const level = (fraction: number) => f.percent(fraction, Number.isInteger(round9(fraction * 100)) ? 0 : 1);
  const arrow = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : interpolate(tr.change, { from: f.money(a), to: f.money(b) }));

  const optimumItem = (key: string, label: string, opt: PriceOptimum | 'none' | undefined): ResultItem => {
    if (opt === 'none') return { key, label, value: tr.none };
    if (opt === undefined) return { key, label, value: undefined };
    const base = opt.contribution === undefined
      ? interpolate(tr.optimumDetailNoCost, { quantity: f.number(opt.quantity, 1), revenue: f.money(opt.revenue) })
      : interpolate(tr.optimumDetail, { quantity: f.number(opt.quantity, 1), revenue: f.money(opt.revenue), contribution: f.money(opt.contribution) });
    const note = opt.extrapolated && r.testedRange
      ? interpolate(tr.extrapolated, { low: f.money(r.testedRange.min), high: f.money(r.testedRange.max) })
      : null;
    return { key, label, value: f.money(opt.price), detail: note ? interpolate(tr.withNote, { detail: base, note }) : base, emphasis: true };
  };

  const classText = r.elasticityClass ? t.classes[r.elasticityClass] : undefined;
  const items: ResultItem[] = [
    { key: 'priceChange', label: tr.priceChange, value: r.priceChange === undefined ? undefined : f.signedPercent(r.priceChange, 1) },
    { key: 'volumeChange', label: tr.volumeChange, value: r.volumeChange === undefined ? undefined : f.signedPercent(r.volumeChange, 1) },
    {
      key: 'arcElasticity',
      label: tr.arcElasticity,
      value: r.arcElasticity === undefined ? undefined : signed(r.arcElasticity, 3),
      detail: classText && r.positiveElasticity ? interpolate(tr.withNote, { detail: classText, note: tr.checkData }) : classText,
      emphasis: true,
    },
    { key: 'logElasticity', label: tr.logElasticity, value: r.logElasticity === undefined ? undefined : signed(r.logElasticity, 3) },
    {
      key: 'revenue',
      label: tr.revenue,
      value: arrow(r.revenue1, r.revenue2),
      detail: r.revenueChange === undefined ? undefined : f.signedPercent(r.revenueChange, 1),
    },
    {
      key: 'contribution',
      label: tr.contribution,
      value: arrow(r.contribution1, r.contribution2),
      detail: r.contributionChange === undefined ? undefined : f.signedPercent(r.contributionChange, 1),
      emphasis: true,
    },
  ];
  const ab = r.abTest;
  const abGiven = [state.read.values.controlVisitors, state.read.values.controlBuyers, state.read.values.testVisitors, state.read.values.testBuyers].some((v) => v != null);
  if (abGiven) {
    const conf = ab ? level(1 - ab.alpha) : '';
    items.push(
      {
        key: 'conversion1',
        label: tr.conversion1,
        value: ab ? f.percent(ab.rate1, 2) : undefined,
        detail: ab ? interpolate(tr.interval, { level: conf, low: f.percent(ab.low1, 2), high: f.percent(ab.high1, 2) }) : undefined,
      },
      {
        key: 'conversion2',
        label: tr.conversion2,
        value: ab ? f.percent(ab.rate2, 2) : undefined,
        detail: ab ? interpolate(tr.interval, { level: conf, low: f.percent(ab.low2, 2), high: f.percent(ab.high2, 2) }) : undefined,
      },
      { key: 'z', label: tr.z, value: ab ? signed(ab.z, 3) : undefined },
      { key: 'pValue', label: tr.pValue, value: ab ? (ab.pValue < 0.0001 ? `< ${f.number(0.0001, 4)}` : f.number(ab.pValue, 4)) : undefined },
      {
        key: 'significant',
        label: interpolate(tr.significant, { alpha: ab ? level(ab.alpha) : state.read.values.confidence != null ? level(1 - state.read.values.confidence) : '' }),
        value: ab ? (ab.significant ? tr.yes : tr.no) : undefined,
        emphasis: true,
      },
    );
  }
  const model: DemandModel = state.read.values.model ?? 'linear';
  items.push(
    model === 'linear'
      ? { key: 'fit', label: tr.linearFit, value: r.linear ? interpolate(tr.linearFormula, { a: f.number(r.linear.a, 2), b: f.number(r.linear.b, 4) }) : undefined }
      : { key: 'fit', label: tr.constantFit, value: r.constant ? interpolate(tr.constantFormula, { A: f.number(r.constant.A, 4), E: f.number(r.constant.E, 4) }) : undefined },
    optimumItem('revenueOptimum', tr.revenueOptimum, r.revenueOptimum),
    optimumItem('profitOptimum', tr.profitOptimum, r.profitOptimum),
  );

  const csvRows = (): CsvRow[] => [
    ...(Object.keys(elasticity.fields) as (keyof typeof elasticity.fields)[]).map((key) => ({ section: 'input' as const, label: t.fields[key], value: state.raw[key] })),
    ...items.map((item) => ({ section: 'result' as const, label: item.label, value: item.detail && item.value !== undefined ? `${item.value} (${item.detail})` : (item.value ?? '') })),
  ];

  const c = t.charts;
  const curve = r.curve;
  const observed = r.observed;
  const observedRows = observed && curve ? observed.map((o, i) => [i === 0 ? c.control : c.test, f.money(o.price), f.number(o.quantity, 1)]) : [];
  const marker = (opt: PriceOptimum | 'none' | undefined, y: 'revenue' | 'contribution') =>
    opt && opt !== 'none' && !opt.farOutside && opt[y] !== undefined ? [{ x: opt.price, y: opt[y]! }] : [];
  const revenueMarker = marker(r.revenueOptimum, 'revenue');
  const profitMarker = marker(r.profitOptimum, 'contribution');
  const hasContribution = curve?.some((p) => p.contribution !== undefined) ?? false;

  return (
    <CalculatorFrame
      ctx={ctx}
      t={t}
      state={state}
      onCurrency={setCurrency}
      csvRows={csvRows}
      inputs={
        <>
          <fieldset class="calc-group">
            <legend>{t.groups.arms}</legend>
            {field.number('controlPrice')}
            {field.number('controlUnits')}
            {field.number('testPrice')}
            {field.number('testUnits')}
            {field.number('unitCost')}
          </fieldset>
          <fieldset class="calc-group">
            <legend>{t.groups.ab}</legend>
            {field.number('controlVisitors')}
            {field.number('controlBuyers')}
            {field.number('testVisitors')}
            {field.number('testBuyers')}
            {field.number('confidence')}
          </fieldset>
          {field.choice('model', t.choices as Record<DemandModel, string>)}
        </>
      }
      results={
        <>
          <ResultList ctx={ctx} items={items} />
          <IssueList ctx={ctx} issues={listed} />
        </>
      }
      charts={
        <>
          <ChartFigure
            ctx={ctx}
            id="demand"
            title={c.demandTitle}
            description={c.demandDescription}
            dataKey={JSON.stringify([curve, observed, locale, f.currency])}
            config={
              curve && observed
                ? (p) => ({
                    type: 'line',
                    data: {
                      datasets: [
                        { label: c.fitted, data: curve.map((d) => ({ x: d.price, y: d.quantity })), borderColor: p.series[0], backgroundColor: p.series[0], pointRadius: 0 },
                        { type: 'scatter' as const, label: c.observed, data: observed.map((o) => ({ x: o.price, y: o.quantity })), borderColor: p.series[1], backgroundColor: p.series[1], pointRadius: 6 },
                      ],
                    },
                    options: {
                      parsing: false,
                      scales: {
                        x: { type: 'linear', title: { display: true, text: c.price }, ticks: { callback: (v) => f.money(Number(v)) } },
                        y: { type: 'linear', title: { display: true, text: c.quantity }, ticks: { callback: (v) => f.number(Number(v), 0) } },
                      },
                      plugins: {
                        tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${f.number(item.parsed.y ?? 0, 1)} @ ${f.money(item.parsed.x ?? 0)}` } },
                      },
                    },
                  })
                : null
            }
            table={{
              columns: [c.series, c.price, c.quantity],
              rows: [
                ...observedRows,
                ...(curve ?? []).filter((_, i) => i % 6 === 0).map((d) => [c.fitted, f.money(d.price), f.number(d.quantity, 1)]),
              ],
            }}
          />
          <ChartFigure
            ctx={ctx}
            id="revenue-contribution"
            title={c.profitTitle}
            description={c.profitDescription}
            dataKey={JSON.stringify([curve, revenueMarker, profitMarker, locale, f.currency])}
            config={
              curve
                ? (p) => ({
                    type: 'line',
                    data: {
                      datasets: [
                        { label: c.revenue, data: curve.map((d) => ({ x: d.price, y: d.revenue })), borderColor: p.series[0], backgroundColor: p.series[0], pointRadius: 0 },
                        ...(hasContribution
                          ? [{ label: c.contribution, data: curve.map((d) => ({ x: d.price, y: d.contribution ?? 0 })), borderColor: p.series[3], backgroundColor: p.series[3], pointRadius: 0 }]
                          : []),
                        ...(revenueMarker.length
                          ? [{ type: 'scatter' as const, label: c.revenueOptimum, data: revenueMarker, borderColor: p.series[0], backgroundColor: p.series[0], pointRadius: 7, pointStyle: 'rectRot' as const }]
                          : []),
                        ...(profitMarker.length
                          ? [{ type: 'scatter' as const, label: c.profitOptimum, data: profitMarker, borderColor: p.alert, backgroundColor: p.alert, pointRadius: 7, pointStyle: 'triangle' as const }]
                          : []),
                      ],
                    },
                    options: {
                      parsing: false,
                      scales: {
                        x: { type: 'linear', title: { display: true, text: c.price }, ticks: { callback: (v) => f.money(Number(v)) } },
                        y: { type: 'linear', ticks: { callback: (v) => f.compactMoney(Number(v)) } },
                      },
                      plugins: {
                        tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${f.money(item.parsed.y ?? 0)} @ ${f.money(item.parsed.x ?? 0)}` } },
                      },
                    },
                  })
                : null
            }
            table={{
              columns: hasContribution ? [c.price, c.revenue, c.contribution] : [c.price, c.revenue],
              rows: (curve ?? [])
                .filter((_, i) => i % 6 === 0)
                .map((d) => (hasContribution ? [f.money(d.price), f.money(d.revenue), f.money(d.contribution ?? 0)] : [f.money(d.price), f.money(d.revenue)])),
            }}
          />
        </>
      }
    />
  );
}
