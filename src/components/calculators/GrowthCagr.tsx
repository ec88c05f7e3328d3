/** C02.2 island: projection at a CAGR (with a comparison rate) or the CAGR between two values; playbook presets. */
import { growthCagr, growthPresets, type GrowthMode } from '../../lib/calculators/c02-2-growth-cagr';
import { chart } from '../../lib/kit/chart-config';
import { interpolate } from '../../lib/kit/format';
import type { CalculatorStrings } from '../../i18n/en/index';
import { CalculatorFrame } from '../calculator/CalculatorFrame';
import { ChartFigure } from '../calculator/ChartFigure';
import { declareResults, present, tableCsvRows } from '../calculator/Results';
import { useIslandContext, type IslandProps } from '../calculator/island';
import { useCalculatorState } from '../calculator/useCalculatorState';
import { fieldRenderers } from '../calculator/wiring';

export default function GrowthCagr({ locale, ui, t }: IslandProps<CalculatorStrings<'C02.2'>>) {
  const { ctx, setCurrency } = useIslandContext('C02.2', locale, ui);
  const state = useCalculatorState(growthCagr);
  const f = ctx.format;
  const r = state.output.results;
  const tr = t.results;
  const c = t.charts;
  const field = fieldRenderers(ctx, growthCagr.fields, state, t.fields, state.output.issues);
  const res = declareResults(r, tr);
  const projecting = state.raw.mode === 'project';
  const items = present(
    projecting
      ? [
          res('finalValue', 'number', { emphasis: true }),
          res('growthFactor', 'number', { digits: 3, unit: tr.times }),
          res('doublingYears', 'number', { unit: tr.years }),
          state.read.values.comparisonRate != null && res('comparisonFinal', 'number'),
          state.read.values.comparisonRate != null && res('comparisonDoublingYears', 'number', { unit: tr.years }),
        ]
      : [
          res('cagr', 'percent', { digits: 2, emphasis: true }),
          res('totalFactor', 'number', { digits: 3, unit: tr.times }),
          res('doublingYears', 'number', { key: 'cagrDoublingYears', value: r.cagrDoublingYears, unit: tr.years }),
        ],
  );

  const projection = projecting ? (r.projection ?? []) : [];
  const hasComparison = projection.some((p) => p.comparison !== undefined);
  const headers = [tr.year, tr.value, ...(hasComparison ? [tr.comparison] : [])];
  const rows = projection.map((p) => [f.integer(p.year), f.number(p.value, 1), ...(p.comparison === undefined ? [] : [f.number(p.comparison, 1)])]);

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
          {field.choice('mode', t.choices as Record<GrowthMode, string>)}
          {projecting ? (
            <>
              {field.number('base', { hint: t.hints.base })}
              {field.number('rate')}
              {field.number('years')}
              {field.number('comparisonRate', { hint: t.hints.comparisonRate })}
              <div class="calc-wide calc-presets">
                <h4>{t.presets.title}</h4>
                <ul>
                  {growthPresets.map((p) => (
                    <li key={p.key}>
                      {t.presets[p.key]}{' '}
                      {/* 17% is a share reached, not a rate: it is shown for reference and never copied into the rate. */}
                      {p.kind === 'rate' && (
                        <button type="button" data-action={`preset-${p.key}`} onClick={() => state.setField('rate', p.value)}>
                          {interpolate(t.presets.apply, { value: p.value })}
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
              </div>
            </>
          ) : (
            <>
              {field.number('startValue')}
              {field.number('endValue')}
              {field.number('spanYears')}
            </>
          )}
        </>
      }
      charts={
        projecting && (
          <ChartFigure
            ctx={ctx}
            id="projection"
            title={c.projectionTitle}
            description={c.projectionDescription}
            dataKey={JSON.stringify([projection, locale])}
            config={
              projection.length > 0 &&
              chart('line', {
                series: [
                  { label: f.percent(state.read.values.rate ?? 0, 1), data: projection.map((p) => ({ x: p.year, y: p.value })), points: 3 },
                  ...(hasComparison ? [{ label: f.percent(state.read.values.comparisonRate ?? 0, 1), data: projection.map((p) => ({ x: p.year, y: p.comparison! })), points: 3, dash: true }] : []),
                ],
                x: { title: tr.year, format: f.integer },
                y: { format: (v) => f.number(v, 1), beginAtZero: true },
              })
            }
            table={{ columns: headers, rows }}
          />
        )
      }
    />
  );
}
