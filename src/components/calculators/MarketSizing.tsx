/** C03.1 island: wires the TAM/SAM/SOM module to the shared fields, results and charts. */
import {
  activeInputs,
  autoRange,
  marketSizing,
  type MarketSizingResults,
  type SensitivityKey,
  type SizingMethod,
} from '../../lib/calculators/c03-1-market-sizing';
import { CalculatorFrame, type CsvRow } from '../calculator/CalculatorFrame';
import { ChartFigure } from '../calculator/ChartFigure';
import { IssueList, ResultList, type ResultItem } from '../calculator/Results';
import { useIslandContext, type IslandProps } from '../calculator/island';
import { useCalculatorState } from '../calculator/useCalculatorState';
import { fieldRenderers } from '../calculator/wiring';
import { interpolate } from '../../lib/kit/format';
import type { NumericFieldSpec } from '../../lib/kit/fields';
import type { CalculatorStrings } from '../../i18n/en/index';

type Fields = typeof marketSizing.fields;
type NumericKey = Exclude<keyof Fields, 'method'>;

export default function MarketSizing({ locale, ui, t }: IslandProps<CalculatorStrings<'C03.1'>>) {
  const { ctx, setCurrency } = useIslandContext('C03.1', locale, ui);
  const state = useCalculatorState(marketSizing);
  const f = ctx.format;
  const values = state.read.values;
  const r: Partial<MarketSizingResults> = state.output.results;
  const fieldIssues = state.output.issues.filter((i) => i.field);
  const field = fieldRenderers(ctx, marketSizing.fields, state, t.fields, fieldIssues);
  const method: SizingMethod = values.method ?? 'bottomUp';
  const c = t.charts;

  /** Formats an input value the way its field is typed. */
  const formatInput = (key: SensitivityKey, value: number) => {
    const kind = (marketSizing.fields[key] as NumericFieldSpec).kind;
    if (kind === 'percent') return f.percent(value, 1);
    if (kind === 'money') return f.money(value);
    if (kind === 'count') return f.integer(value);
    return f.number(value, 2);
  };

  const baseField = (key: Exclude<NumericKey, `${string}Low` | `${string}High`>) => field.number(key);

  const active = activeInputs(method, values);
  const rangeFields = active.flatMap((key) => {
    const base = values[key];
    const auto = typeof base === 'number' ? autoRange(key, base) : null;
    const hint = auto ? interpolate(t.sections.auto, { low: formatInput(key, auto.low), high: formatInput(key, auto.high) }) : undefined;
    return [
      field.number(`${key}Low`, { label: interpolate(t.sections.low, { name: t.short[key] }), hint }),
      field.number(`${key}High`, { label: interpolate(t.sections.high, { name: t.short[key] }) }),
    ];
  });
  const rangeTrouble = active.some((k) => state.read.errors[`${k}Low`] || state.read.errors[`${k}High`] || fieldIssues.some((i) => i.field === `${k}Low`));

  const money = (v: number | undefined) => (v === undefined ? undefined : f.money(v));
  const units = (v: number | undefined) => (v === undefined ? undefined : interpolate(t.results.units, { value: f.integer(v) }));
  const items: ResultItem[] = [];
  if (method === 'bottomUp') {
    items.push({
      key: 'buyers',
      label: t.results.buyers,
      value: r.buyers === undefined ? undefined : f.integer(r.buyers),
      detail: r.combinedShare === undefined ? undefined : `${t.results.combinedShare} ${f.percent(r.combinedShare, 2)}`,
    });
  }
  items.push(
    { key: 'tam', label: t.results.tam, value: money(r.tamValue), detail: units(r.tamUnits) },
    { key: 'sam', label: t.results.sam, value: money(r.samValue), detail: units(r.samUnits) },
    { key: 'som', label: t.results.som, value: money(r.somValue), detail: units(r.somUnits), emphasis: true },
    {
      key: 'somAtHorizon',
      label: interpolate(t.results.somAtHorizon, { year: values.horizon ?? '?' }),
      value: money(r.somAtHorizon),
      detail: r.growthFactor === undefined ? undefined : interpolate(t.results.growthFactor, { value: f.ratio(r.growthFactor, 3) }),
      emphasis: true,
    },
  );

  const bars = r.tornado ?? [];
  const projection = r.projection ?? [];

  const csvRows = (): CsvRow[] => [
    ...(Object.keys(marketSizing.fields) as (keyof Fields)[]).map((key) => {
      let label: string;
      if (key === 'method' || !/(Low|High)$/.test(key)) label = t.fields[key as keyof typeof t.fields];
      else {
        const base = key.replace(/(Low|High)$/, '') as SensitivityKey;
        label = interpolate(key.endsWith('Low') ? t.sections.low : t.sections.high, { name: t.short[base] });
      }
      return { section: 'input' as const, label, value: state.raw[key] };
    }),
    ...items.map((item) => ({ section: 'result' as const, label: item.label, value: item.value ?? '' })),
    ...bars.flatMap((b) => [
      { section: 'result' as const, label: `${c.somLow}: ${t.short[b.key]} ${formatInput(b.key, b.low)}`, value: f.money(b.somLow) },
      { section: 'result' as const, label: `${c.somHigh}: ${t.short[b.key]} ${formatInput(b.key, b.high)}`, value: f.money(b.somHigh) },
    ]),
  ];

  const funnel = r.tamValue !== undefined && r.samValue !== undefined && r.somValue !== undefined
    ? ([['tam', r.tamValue, r.tamUnits], ['sam', r.samValue, r.samUnits], ['som', r.somValue, r.somUnits]] as const)
    : null;

  return (
    <CalculatorFrame
      ctx={ctx}
      t={t}
      state={state}
      onCurrency={setCurrency}
      csvRows={csvRows}
      inputs={
        <>
          {field.choice('method', t.choices as Record<SizingMethod, string>)}
          <h4 class="calc-wide">{t.sections.market}</h4>
          {method === 'bottomUp' ? (
            <>
              {baseField('population')}
              {baseField('filter1')}
              {baseField('filter2')}
              {baseField('filter3')}
              {baseField('jointShare')}
              {baseField('penetration')}
              {baseField('purchases')}
              {baseField('price')}
            </>
          ) : (
            <>
              {baseField('categoryValue')}
              {baseField('segmentShare')}
              {baseField('price')}
            </>
          )}
          <h4 class="calc-wide">{t.sections.reach}</h4>
          {baseField('serviceable')}
          {baseField('obtainable')}
          <h4 class="calc-wide">{t.sections.growth}</h4>
          {baseField('growth')}
          {baseField('horizon')}
          <details class="calc-wide" open={rangeTrouble || undefined}>
            <summary>{t.sections.ranges}</summary>
            <p class="calc-hint">{t.sections.rangesHelp}</p>
            <div class="calc-inputs">{rangeFields}</div>
          </details>
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
            id="funnel"
            title={c.funnelTitle}
            description={c.funnelDescription}
            dataKey={JSON.stringify([funnel, locale, f.currency])}
            config={
              funnel
                ? (p) => ({
                    type: 'bar',
                    data: {
                      labels: funnel.map(([k]) => c[k]),
                      datasets: [{ label: c.value, data: funnel.map(([, v]) => v), backgroundColor: funnel.map((_, i) => p.series[i % p.series.length]!) }],
                    },
                    options: {
                      plugins: { legend: { display: false }, tooltip: { callbacks: { label: (item) => f.money(item.parsed.y ?? 0) } } },
                      scales: { y: { ticks: { callback: (v) => f.compactMoney(Number(v)) } } },
                    },
                  })
                : null
            }
            table={{
              columns: [c.level, c.value, c.units],
              rows: (funnel ?? []).map(([k, v, u]) => [c[k], f.money(v), u === undefined ? ui.kit.notAvailable : f.integer(u)]),
            }}
          />
          <ChartFigure
            ctx={ctx}
            id="projection"
            title={c.projectionTitle}
            description={c.projectionDescription}
            dataKey={JSON.stringify([projection, locale, f.currency])}
            config={
              projection.length
                ? (p) => ({
                    type: 'line',
                    data: {
                      labels: projection.map((y) => interpolate(c.yearN, { n: y.year })),
                      datasets: (['tam', 'sam', 'som'] as const).map((k, i) => ({
                        label: c[k],
                        data: projection.map((y) => y[k]),
                        borderColor: p.series[i],
                        backgroundColor: p.series[i],
                      })),
                    },
                    options: {
                      scales: { y: { ticks: { callback: (v) => f.compactMoney(Number(v)) } } },
                      plugins: { tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${f.money(item.parsed.y ?? 0)}` } } },
                    },
                  })
                : null
            }
            table={{
              columns: [c.year, c.tam, c.sam, c.som],
              rows: projection.map((y) => [
                interpolate(c.yearN, { n: y.year }),
                f.money(y.tam),
                y.sam === null ? ui.kit.notAvailable : f.money(y.sam),
                y.som === null ? ui.kit.notAvailable : f.money(y.som),
              ]),
            }}
          />
          <ChartFigure
            ctx={ctx}
            id="tornado"
            title={c.tornadoTitle}
            description={c.tornadoDescription}
            dataKey={JSON.stringify([bars, r.somAtHorizon, locale, f.currency])}
            config={
              bars.length && r.somAtHorizon !== undefined
                ? (p) => {
                    const base = r.somAtHorizon!;
                    return {
                      type: 'bar',
                      data: {
                        labels: bars.map((b) => t.short[b.key]),
                        datasets: [
                          { label: c.atLow, data: bars.map((b): [number, number] => [base, b.somLow]), backgroundColor: p.series[1], grouped: false },
                          { label: c.atHigh, data: bars.map((b): [number, number] => [base, b.somHigh]), backgroundColor: p.series[0], grouped: false },
                        ],
                      },
                      options: {
                        indexAxis: 'y',
                        scales: { x: { ticks: { callback: (v) => f.compactMoney(Number(v)) } } },
                        plugins: {
                          tooltip: {
                            callbacks: {
                              label: (item) => {
                                const bar = bars[item.dataIndex]!;
                                const atLow = item.datasetIndex === 0;
                                return `${item.dataset.label} (${formatInput(bar.key, atLow ? bar.low : bar.high)}): ${f.money(atLow ? bar.somLow : bar.somHigh)}`;
                              },
                            },
                          },
                        },
                      },
                    };
                  }
                : null
            }
            table={{
              columns: [c.input, c.lowEstimate, c.highEstimate, c.somLow, c.somHigh, c.swing],
              rows: bars.map((b) => [
                t.short[b.key],
                formatInput(b.key, b.low),
                formatInput(b.key, b.high),
                f.money(b.somLow),
                f.money(b.somHigh),
                f.money(b.swing),
              ]),
            }}
          />
        </>
      }
    />
  );
}
