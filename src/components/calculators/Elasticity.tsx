/** C05.2 island: wires the elasticity module to the shared fields, results and charts. */
import { elasticity, type DemandModel, type PriceOptimum } from '../../lib/calculators/c05-2-elasticity';
import { round9 } from '../../lib/kit/calculator';
import { interpolate, MINUS } from '../../lib/kit/format';
import type { CalculatorStrings } from '../../i18n/en/index';
import { chart } from '../../lib/kit/chart-config';
import { CalculatorFrame } from '../calculator/CalculatorFrame';
import { ChartFigure } from '../calculator/ChartFigure';
import { declareResults, present } from '../calculator/Results';
import { useIslandContext, type IslandProps } from '../calculator/island';
import { useCalculatorState } from '../calculator/useCalculatorState';
import { fieldRenderers, splitIssues } from '../calculator/wiring';

export default function Elasticity({ locale, ui, t }: IslandProps<CalculatorStrings<'C05.2'>>) {
  const { ctx, setCurrency } = useIslandContext('C05.2', locale, ui);
  const state = useCalculatorState(elasticity);
  const f = ctx.format;
  const r = state.output.results;
  const tr = t.results;
  // Errors sit beside their field; warnings and notes (even about a field) go to the issue list.
  const { fieldErrors, listed } = splitIssues(state.output.issues);
  const field = fieldRenderers(ctx, elasticity.fields, state, t.fields, fieldErrors);

  const res = declareResults(r, tr);
  const level = (fraction: number) => f.percent(fraction, Number.isInteger(round9(fraction * 100)) ? 0 : 1);
  const arrow = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : interpolate(tr.change, { from: f.money(a), to: f.money(b) }));
  const optimum = (key: 'revenueOptimum' | 'profitOptimum', opt: PriceOptimum | 'none' | undefined) => {
    if (opt === 'none' || opt === undefined) return res(key, 'text', { value: opt && tr.none });
    const base = opt.contribution === undefined
      ? interpolate(tr.optimumDetailNoCost, { quantity: f.number(opt.quantity, 1), revenue: f.money(opt.revenue) })
      : interpolate(tr.optimumDetail, { quantity: f.number(opt.quantity, 1), revenue: f.money(opt.revenue), contribution: f.money(opt.contribution) });
    const note = opt.extrapolated && r.testedRange ? interpolate(tr.extrapolated, { low: f.money(r.testedRange.min), high: f.money(r.testedRange.max) }) : null;
    return res(key, 'money', { value: opt.price, detail: note ? interpolate(tr.withNote, { detail: base, note }) : base, emphasis: true });
  };

  const classText = r.elasticityClass ? t.classes[r.elasticityClass] : undefined;
  const ab = r.abTest;
  const v = state.read.values;
  const abGiven = [v.controlVisitors, v.controlBuyers, v.testVisitors, v.testBuyers].some((x) => x != null);
  const conf = ab ? level(1 - ab.alpha) : '';
  const interval = (low: number, high: number) => interpolate(tr.interval, { level: conf, low: f.percent(low, 2), high: f.percent(high, 2) });
  const model: DemandModel = v.model ?? 'linear';
  const items = present([
    res('priceChange', 'signedPercent'),
    res('volumeChange', 'signedPercent'),
    res('arcElasticity', 'signed', { detail: classText && r.positiveElasticity ? interpolate(tr.withNote, { detail: classText, note: tr.checkData }) : classText, emphasis: true }),
    res('logElasticity', 'signed'),
    res('revenue', 'text', { value: arrow(r.revenue1, r.revenue2), detail: r.revenueChange === undefined ? undefined : f.signedPercent(r.revenueChange, 1) }),
    res('contribution', 'text', {
      value: arrow(r.contribution1, r.contribution2),
      detail: r.contributionChange === undefined ? undefined : f.signedPercent(r.contributionChange, 1),
      emphasis: true,
    }),
    abGiven && res('conversion1', 'percent', { value: ab?.rate1, detail: ab && interval(ab.low1, ab.high1) }),
    abGiven && res('conversion2', 'percent', { value: ab?.rate2, detail: ab && interval(ab.low2, ab.high2) }),
    abGiven && res('z', 'signed', { value: ab?.z }),
    abGiven && res('pValue', ab && ab.pValue < 0.0001 ? 'text' : 'number', { value: ab && (ab.pValue < 0.0001 ? `< ${f.number(0.0001, 4)}` : ab.pValue), digits: 4 }),
    abGiven &&
      res('significant', 'text', {
        label: interpolate(tr.significant, { alpha: ab ? level(ab.alpha) : v.confidence != null ? level(1 - v.confidence) : '' }),
        value: ab && (ab.significant ? tr.yes : tr.no),
        emphasis: true,
      }),
    model === 'linear'
      ? res('linearFit', 'text', { key: 'fit', value: r.linear && interpolate(tr.linearFormula, { a: f.number(r.linear.a, 2), op: r.linear.b < 0 ? '+' : MINUS, b: f.number(Math.abs(r.linear.b), 4) }) })
      : res('constantFit', 'text', { key: 'fit', value: r.constant && interpolate(tr.constantFormula, { A: f.number(r.constant.A, 4), E: f.number(r.constant.E, 4) }) }),
    optimum('revenueOptimum', r.revenueOptimum),
    optimum('profitOptimum', r.profitOptimum),
  ]);

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
      items={items}
      issues={listed}
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
      charts={
        <>
          <ChartFigure
            ctx={ctx}
            id="demand"
            title={c.demandTitle}
            description={c.demandDescription}
            dataKey={JSON.stringify([curve, observed, locale, f.currency])}
            config={
              curve &&
              observed &&
              chart('line', {
                series: [
                  { label: c.fitted, data: curve.map((d) => ({ x: d.price, y: d.quantity })) },
                  { type: 'scatter', label: c.observed, data: observed.map((o) => ({ x: o.price, y: o.quantity })), points: 6 },
                ],
                x: { title: c.price, format: f.money },
                y: { title: c.quantity, format: (n) => f.number(n, 0) },
                tooltip: (item) => `${item.dataset.label}: ${f.number(item.parsed.y ?? 0, 1)} @ ${f.money(item.parsed.x ?? 0)}`,
              })
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
              curve &&
              chart('line', {
                series: [
                  { label: c.revenue, data: curve.map((d) => ({ x: d.price, y: d.revenue })) },
                  ...(hasContribution ? [{ label: c.contribution, data: curve.map((d) => ({ x: d.price, y: d.contribution ?? 0 })), color: 1 }] : []),
                  ...(revenueMarker.length ? [{ type: 'scatter' as const, label: c.revenueOptimum, data: revenueMarker, color: 0, points: 7, extra: { pointStyle: 'rectRot' } }] : []),
                  ...(profitMarker.length ? [{ type: 'scatter' as const, label: c.profitOptimum, data: profitMarker, color: 1, points: 7, extra: { pointStyle: 'triangle' } }] : []),
                ],
                x: { title: c.price, format: f.money },
                y: { format: f.compactMoney },
                tooltip: (item) => `${item.dataset.label}: ${f.money(item.parsed.y ?? 0)} @ ${f.money(item.parsed.x ?? 0)}`,
              })
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
