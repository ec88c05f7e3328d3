/** C03.1 island: wires the TAM/SAM/SOM module to the shared fields, results and charts. */
import { activeInputs, autoRange, marketSizing, type SensitivityKey, type SizingMethod } from '../../lib/calculators/c03-1-market-sizing';
import { chart, needsSecondAxis } from '../../lib/kit/chart-config';
import { CalculatorFrame, type CsvRow } from '../calculator/CalculatorFrame';
import { ChartFigure } from '../calculator/ChartFigure';
import { declareResults, present } from '../calculator/Results';
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
  const r = state.output.results;
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

  const tr = t.results;
  const res = declareResults(r, tr);
  const units = (v: number | undefined) => (v === undefined ? undefined : interpolate(tr.units, { value: f.integer(v) }));
  const items = present([
    method === 'bottomUp' &&
      res('buyers', 'count', { detail: r.combinedShare === undefined ? undefined : `${tr.combinedShare} ${f.percent(r.combinedShare, 2)}` }),
    res('tam', 'money', { value: r.tamValue, detail: units(r.tamUnits) }),
    res('sam', 'money', { value: r.samValue, detail: units(r.samUnits) }),
    res('som', 'money', { value: r.somValue, detail: units(r.somUnits), emphasis: true }),
    res('somAtHorizon', 'money', {
      label: interpolate(tr.somAtHorizon, { year: values.horizon ?? '?' }),
      detail: r.growthFactor === undefined ? undefined : interpolate(tr.growthFactor, { value: f.ratio(r.growthFactor, 3) }),
      emphasis: true,
    }),
  ]);

  const bars = r.tornado ?? [];
  const projection = r.projection ?? [];

  const csvInputs = (): CsvRow[] =>
    (Object.keys(marketSizing.fields) as (keyof Fields)[]).map((key) => {
      let label: string;
      if (key === 'method' || !/(Low|High)$/.test(key)) label = t.fields[key as keyof typeof t.fields];
      else {
        const base = key.replace(/(Low|High)$/, '') as SensitivityKey;
        label = interpolate(key.endsWith('Low') ? t.sections.low : t.sections.high, { name: t.short[base] });
      }
      return { section: 'input' as const, label, value: state.raw[key] };
    });
  const csvExtra = (): CsvRow[] =>
    bars.flatMap((b) => [
      { section: 'result' as const, label: `${c.somLow}: ${t.short[b.key]} ${formatInput(b.key, b.low)}`, value: f.money(b.somLow) },
      { section: 'result' as const, label: `${c.somHigh}: ${t.short[b.key]} ${formatInput(b.key, b.high)}`, value: f.money(b.somHigh) },
    ]);

  const somOwnAxis = needsSecondAxis(projection.map((y) => y.tam), projection.map((y) => y.som ?? 0));
  const funnel = r.tamValue !== undefined && r.samValue !== undefined && r.somValue !== undefined
    ? ([['tam', r.tamValue, r.tamUnits], ['sam', r.samValue, r.samUnits], ['som', r.somValue, r.somUnits]] as const)
    : null;

  return (
    <CalculatorFrame
      ctx={ctx}
      t={t}
      state={state}
      onCurrency={setCurrency}
      items={items}
      issues={state.output.issues}
      csvInputs={csvInputs}
      csvExtra={csvExtra}
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
      charts={
        <>
          <ChartFigure
            ctx={ctx}
            id="funnel"
            title={c.funnelTitle}
            description={c.funnelDescription}
            dataKey={JSON.stringify([funnel, locale, f.currency])}
            config={
              funnel &&
              chart('bar', {
                labels: funnel.map(([k]) => c[k]),
                series: [{ label: c.value, data: funnel.map(([, v]) => v), color: (p) => funnel.map((_, i) => p.series[i % p.series.length]!) }],
                y: { format: f.compactMoney },
                tooltip: (item) => f.money(item.parsed.y ?? 0),
              })
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
              projection.length > 0 &&
              chart('line', {
                labels: projection.map((y) => interpolate(c.yearN, { n: y.year })),
                // SOM on its own axis when it is a tenth of TAM or less, so its growth is not a flat line.
                series: (['tam', 'sam', 'som'] as const).map((k, i) => ({ label: c[k], data: projection.map((y) => y[k]), points: 3, secondAxis: k === 'som' && somOwnAxis, color: i })),
                y: { format: f.compactMoney, title: somOwnAxis ? `${c.tam}, ${c.sam}` : undefined },
                y2: somOwnAxis ? { format: f.compactMoney, title: c.som } : undefined,
                tooltip: (item) => `${item.dataset.label}: ${f.money(item.parsed.y ?? 0)}`,
              })
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
              bars.length > 0 &&
              r.somAtHorizon !== undefined &&
              chart('bar', {
                labels: bars.map((b) => t.short[b.key]),
                horizontal: true,
                series: [
                  { label: c.atLow, data: bars.map((b): [number, number] => [r.somAtHorizon!, b.somLow]), color: 1, extra: { grouped: false } },
                  { label: c.atHigh, data: bars.map((b): [number, number] => [r.somAtHorizon!, b.somHigh]), color: 0, extra: { grouped: false } },
                ],
                x: { format: f.compactMoney },
                y: { category: true },
                tooltip: (item) => {
                  const bar = bars[item.dataIndex]!;
                  const atLow = item.datasetIndex === 0;
                  return `${item.dataset.label} (${formatInput(bar.key, atLow ? bar.low : bar.high)}): ${f.money(atLow ? bar.somLow : bar.somHigh)}`;
                },
              })
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
