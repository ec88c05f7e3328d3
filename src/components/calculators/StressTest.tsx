/** C13.2 island: raw-material shock with pass-through and elasticity; baseline-versus-stressed table, comparison bars and the profit-by-shock line. */
import { stressTest, type Scenario } from '../../lib/calculators/c13-2-stress-test';
import { chart } from '../../lib/kit/chart-config';
import type { CalculatorStrings } from '../../i18n/en/index';
import { CalculatorFrame } from '../calculator/CalculatorFrame';
import { ChartFigure } from '../calculator/ChartFigure';
import { declareResults, present, ResultTable, tableCsvRows } from '../calculator/Results';
import { useIslandContext, type IslandProps } from '../calculator/island';
import { useCalculatorState } from '../calculator/useCalculatorState';
import { fieldRenderers } from '../calculator/wiring';

type Line = 'price' | 'volume' | 'rawMaterial' | 'unitVariableCost' | 'unitContribution' | 'contributionRatio' | 'revenue' | 'variableCosts' | 'fixedCosts' | 'profit' | 'breakEvenVolume';
const LINES: Line[] = ['price', 'volume', 'rawMaterial', 'unitVariableCost', 'unitContribution', 'contributionRatio', 'revenue', 'variableCosts', 'fixedCosts', 'profit', 'breakEvenVolume'];

export default function StressTest({ locale, ui, t }: IslandProps<CalculatorStrings<'C13.2'>>) {
  const { ctx, setCurrency } = useIslandContext('C13.2', locale, ui);
  const state = useCalculatorState(stressTest);
  const f = ctx.format;
  const r = state.output.results;
  const tr = t.results;
  const field = fieldRenderers(ctx, stressTest.fields, state, t.fields, state.output.issues);
  const res = declareResults(r, tr);
  const na = ui.kit.notAvailable;

  const items = present([
    res('profitChange', 'signedMoney', { emphasis: true, detail: r.profitChangeRate === undefined ? undefined : f.signedPercent(r.profitChangeRate, 1) }),
    res('volumeChange', 'signed', { digits: 1 }),
    res('breakEvenShock', 'percent', { digits: 1, emphasis: true }),
    r.monthlyCashLoss !== undefined && res('monthlyCashLoss', 'signedMoney'),
    r.runwayMonths !== undefined && res('runwayMonths', 'number', { digits: 1, emphasis: true }),
  ]);

  const cell = (s: Scenario | undefined, line: Line) => {
    const v = s?.[line];
    if (v === undefined) return na;
    if (line === 'contributionRatio') return f.percent(v, 1);
    if (line === 'volume' || line === 'breakEvenVolume') return f.number(v, 1);
    return f.money(v);
  };
  const headers = [tr.item, tr.baseline, tr.stressed];
  const rows = r.baseline ? LINES.map((line) => [tr[line], cell(r.baseline, line), cell(r.stressed, line)]) : [];
  const c = t.charts;
  const parts = ['revenue', 'variableCosts', 'fixedCosts', 'profit'] as const;
  const scenarios = [r.baseline, r.stressed].filter((s): s is Scenario => s !== undefined);
  const curve = r.profitCurve;

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
          {field.number('price')}
          {field.number('volume')}
          {field.number('rawMaterial')}
          {field.number('otherVariable')}
          {field.number('fixedCosts')}
          {field.number('shock', { hint: t.hints.shock })}
          {field.number('passThrough')}
          {field.number('elasticity', { hint: t.hints.elasticity })}
          {field.number('cash')}
          {field.number('monthlyFixedCash')}
        </>
      }
      results={rows.length > 0 && <ResultTable ctx={ctx} id="scenarios" caption={c.compare.title} headers={headers} rows={rows} />}
      charts={
        <>
          <ChartFigure
            ctx={ctx}
            id="compare"
            title={c.compare.title}
            description={c.compare.description}
            dataKey={JSON.stringify([scenarios, locale, f.currency])}
            config={
              scenarios.length > 0 &&
              chart('bar', {
                labels: parts.map((p) => tr[p]),
                series: scenarios.map((s, i) => ({ label: i === 0 ? tr.baseline : tr.stressed, data: parts.map((p) => s[p]) })),
                x: { category: true },
                y: { format: f.compactMoney },
                tooltip: (item) => `${item.dataset.label}: ${f.money(item.parsed.y ?? 0)}`,
              })
            }
            table={{ columns: headers, rows: parts.map((p) => [tr[p], cell(r.baseline, p), cell(r.stressed, p)]) }}
          />
          <ChartFigure
            ctx={ctx}
            id="curve"
            title={c.curve.title}
            description={c.curve.description}
            dataKey={JSON.stringify([curve, locale, f.currency])}
            config={
              curve &&
              curve.length > 0 &&
              chart('line', {
                series: [
                  { label: tr.profit, data: curve.map((p) => ({ x: p.shock, y: p.profit })), points: 2 },
                  { label: '0', data: [{ x: 0, y: 0 }, { x: 1, y: 0 }], color: 'grid', dash: true },
                ],
                x: { title: t.fields.shock, format: (v) => f.percent(v, 0) },
                y: { format: f.compactMoney },
                tooltip: (item) => `${f.percent(item.parsed.x ?? 0, 0)}: ${f.money(item.parsed.y ?? 0)}`,
              })
            }
            table={{ columns: [t.fields.shock, tr.profit], rows: (curve ?? []).map((p) => [f.percent(p.shock, 0), f.money(p.profit)]) }}
          />
        </>
      }
    />
  );
}
