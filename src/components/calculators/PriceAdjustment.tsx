/** C05.3 island: wires the price-adjustment planner (parts a–e) to the shared fields, table, results and charts. */
import { priceAdjustment, type DiscountMode } from '../../lib/calculators/c05-3-price-adjustment';
import { interpolate } from '../../lib/kit/format';
import type { CalculatorStrings } from '../../i18n/en/index';
import { chart } from '../../lib/kit/chart-config';
import { CalculatorFrame, type CsvRow } from '../calculator/CalculatorFrame';
import { ChartFigure } from '../calculator/ChartFigure';
import { declareResults, present, ResultTable } from '../calculator/Results';
import { RowTable } from '../calculator/RowTable';
import { useIslandContext, type IslandProps } from '../calculator/island';
import { useCalculatorState } from '../calculator/useCalculatorState';
import { dateRenderer } from '../calculator/DateField';
import { fieldRenderers, rowTableState, splitIssues } from '../calculator/wiring';

type Fields = typeof priceAdjustment.fields;

export default function PriceAdjustment({ locale, ui, t }: IslandProps<CalculatorStrings<'C05.3'>>) {
  const { ctx, setCurrency } = useIslandContext('C05.3', locale, ui);
  const state = useCalculatorState(priceAdjustment);
  const f = ctx.format;
  const r = state.output.results;
  const tr = t.results;
  const issues = state.output.issues;
  // Errors sit beside their field (or table cell); warnings and notes go to the issue list.
  const { fieldErrors, rowIssues: tableIssues, listed } = splitIssues(issues);
  const field = fieldRenderers(ctx, priceAdjustment.fields, state, t.fields, fieldErrors);
  const date = dateRenderer(field, priceAdjustment.fields);

  const res = declareResults(r, tr);
  const units = (v: number) => interpolate(tr.units, { value: f.integer(v) });
  const factor = (x: number | undefined) => x === undefined ? undefined : interpolate(tr.factor, { factor: f.ratio(x, 3), change: f.signedPercent(x - 1, 1) });
  const v = state.read.values;
  const mode: DiscountMode = v.mode ?? 'allUnits';
  const reversals = r.reversals;
  const zoneText = (zones: { from: number; to: number }[]) =>
    zones.map((z) => (z.from === z.to ? f.integer(z.from) : interpolate(tr.range, { from: f.integer(z.from), to: f.integer(z.to) }))).join(tr.listSeparator);
  const indexUsed = state.raw.basePrice.trim() !== '';
  const ladderUsed = r.ladder !== undefined;
  const [a, b, cc, d, e] = [t.parts.a, t.parts.b, t.parts.c, t.parts.d, t.parts.e];
  const rvc = r.requiredVolumeChange;
  const items = present([
    res('contributionRatio', 'percent', { group: a }),
    res('newPrice', 'money', { group: a, detail: r.newContributionRatio === undefined ? undefined : interpolate(tr.newContributionRatio, { value: f.percent(r.newContributionRatio, 2) }) }),
    res('requiredVolumeChange', 'signedPercent', { group: a, detail: rvc === undefined ? undefined : rvc > 0 ? tr.requiredGain : rvc < 0 ? tr.requiredLoss : undefined, emphasis: true }),
    v.elasticity != null && res('expectedVolumeChange', 'signedPercent', { group: a }),
    v.elasticity != null && res('expectedContributionChange', 'signedPercent', { group: a }),
    v.elasticity != null && res('verdict', 'text', { group: a, value: r.verdict && t.verdicts[r.verdict], emphasis: true }),
    res('orderTotal', 'money', { group: b, detail: r.listTotal === undefined ? undefined : interpolate(tr.listTotal, { value: f.money(r.listTotal) }), emphasis: true }),
    res('effectivePrice', 'money', { group: b, detail: r.effectiveDiscount === undefined ? undefined : interpolate(tr.effectiveDiscount, { value: f.percent(r.effectiveDiscount, 2) }) }),
    r.betterOrder &&
      res('betterOrder', 'text', {
        group: b,
        value: interpolate(tr.betterOrderValue, { quantity: f.integer(r.betterOrder.quantity), total: f.money(r.betterOrder.total) }),
        detail: interpolate(tr.saving, { value: f.money(r.betterOrder.saving) }),
        emphasis: true,
      }),
    res('windowDays', 'count', { group: cc, unit: tr.days, emphasis: true }),
    indexUsed && res('adjustedPrice', 'money', { group: d, detail: factor(r.indexFactor), emphasis: true }),
    indexUsed && res('shockPrice', 'money', { group: d, detail: factor(r.shockFactor) }),
    ...(ladderUsed ? r.gaps ?? [] : []).map((g) =>
      res('gap', 'text', {
        key: `gap-${g.lower}-${g.higher}`,
        group: e,
        label: interpolate(tr.gap, { lower: t.tiers[g.lower], higher: t.tiers[g.higher] }),
        value: interpolate(tr.gapValue, { gap: f.signedPercent(g.gap, 1), ratio: f.ratio(g.ratio, 2) }),
      }),
    ),
    ladderUsed && res('anchor', 'text', { group: e, value: r.anchor && t.tiers[r.anchor] }),
    ladderUsed && res('middle', 'text', { group: e, value: r.middle && t.tiers[r.middle], emphasis: true }),
  ]);

  const tableKeys = Object.keys(priceAdjustment.table!.columns) as (keyof typeof t.table & keyof NonNullable<typeof priceAdjustment.table>['columns'])[];
  const csvInputs = (): CsvRow[] => [
    ...(Object.keys(priceAdjustment.fields) as (keyof Fields)[]).map((key) => ({ section: 'input' as const, label: t.fields[key], value: state.raw[key] })),
    ...state.rows.flatMap((row, i) =>
      tableKeys.map((key) => ({ section: 'input' as const, label: interpolate(tr.csvCell, { column: t.table[key], row: interpolate(ctx.ui.kit.rowN, { n: i + 1 }) }), value: row[key] })),
    ),
  ];
  const csvExtra = (): CsvRow[] =>
    (reversals ?? []).map((rev) => ({ section: 'result' as const, label: interpolate(tr.reversalCsv, { quantity: units(rev.breakQuantity) }), value: zoneText(rev.zones) }));

  // Charts
  const c = t.charts;
  const lift = r.liftCurve;
  const liftMax = Math.max(0, ...(lift ?? []).flatMap((d) => [d.required ?? 0, d.expected ?? 0]));
  const hasExpected = lift?.some((d) => d.expected !== null) ?? false;
  const tiers = r.tiers;
  const tierLabel = (tier: { from: number; to: number | null }) =>
    tier.to === null ? interpolate(c.tierOpen, { from: f.integer(tier.from) }) : interpolate(c.tierRange, { from: f.integer(tier.from), to: f.integer(tier.to - 1) });
  const totals = r.totalCurve;
  const inZone = (q: number) => (reversals ?? []).some((rev) => rev.zones.some((z) => q >= z.from && q <= z.to));
  // One segment per zone, separated by a NaN point (Chart.js skips it and, without spanGaps, breaks the line).
  const zonePoints = (reversals ?? []).flatMap((rev) =>
    rev.zones.flatMap((z) => [
      ...(totals ?? []).filter((d) => d.quantity >= z.from && d.quantity <= z.to).map((d) => ({ x: d.quantity, y: d.total })),
      { x: z.to + 0.5, y: Number.NaN },
    ]),
  );
  const keyQuantities = new Set<number>([
    ...(tiers ?? []).flatMap((tier) => (tier.from > 0 ? [tier.from - 1, tier.from] : [])),
    ...(reversals ?? []).flatMap((rev) => rev.zones.flatMap((z) => [z.from, z.to])),
  ]);
  const totalRows = (totals ?? []).filter((d, i) => i % 24 === 0 || keyQuantities.has(d.quantity));
  const ladder = r.ladder ?? [];
  const tierBelow = { good: null, better: 'good', best: 'better' } as const;
  const gapBelow = (tier: keyof typeof tierBelow) => r.gaps?.find((g) => g.higher === tier && g.lower === tierBelow[tier]);

  return (
    <CalculatorFrame
      ctx={ctx}
      t={t}
      state={state}
      onCurrency={setCurrency}
      items={items}
      issues={listed}
      csvInputs={csvInputs}
      csvExtra={csvExtra}
      inputs={
        <>
          <fieldset class="calc-group">
            <legend>{t.parts.a}</legend>
            {field.number('currentPrice')}
            {field.number('unitVariableCost')}
            {field.number('priceChange')}
            {field.number('elasticity')}
            {v.elasticity != null && v.elasticity > 0 ? (
              <p class="calc-warning calc-wide" data-warning="positive-elasticity">
                {t.positiveElasticity}{' '}
                <button type="button" data-action="flip-sign" onClick={() => state.setField('elasticity', `-${state.raw.elasticity.trim().replace(/^\+/, '')}`)}>
                  {interpolate(t.flipSign, { value: f.signed(-v.elasticity, 4) })}
                </button>
              </p>
            ) : null}
          </fieldset>
          <fieldset class="calc-group">
            <legend>{t.parts.b}</legend>
            {field.choice('mode', t.choices as Record<DiscountMode, string>)}
            {field.number('orderQuantity')}
            <RowTable
              ctx={ctx}
              caption={t.table.caption}
              spec={priceAdjustment.table!}
              {...rowTableState(state)}
              labels={{ minQuantity: t.table.minQuantity, rate: t.table.rate }}
              issues={tableIssues}
              blankRow={() => ({ minQuantity: '', rate: '' })}
            />
          </fieldset>
          <fieldset class="calc-group">
            <legend>{t.parts.c}</legend>
            {date('promoStart')}
            {date('promoEnd')}
            {field.text('trigger')}
          </fieldset>
          <fieldset class="calc-group">
            <legend>{t.parts.d}</legend>
            {field.number('basePrice')}
            {field.number('weightFixed')}
            {field.number('weightMaterial')}
            {field.number('weightLabour')}
            {field.number('materialBase')}
            {field.number('materialNow')}
            {field.number('labourBase')}
            {field.number('labourNow')}
            {field.number('materialShock')}
          </fieldset>
          <fieldset class="calc-group">
            <legend>{t.parts.e}</legend>
            {field.number('priceGood')}
            {field.number('priceBetter')}
            {field.number('priceBest')}
          </fieldset>
        </>
      }
      results={
        reversals && reversals.length > 0 ? (
          <ResultTable
            ctx={ctx}
            id="reversals"
            caption={tr.reversalsTitle}
            headers={[tr.reversalBreak, tr.reversalBreakTotal, tr.reversalZones]}
            rows={reversals.map((rev) => [units(rev.breakQuantity), f.money(rev.breakTotal), zoneText(rev.zones)])}
            rowAttrs={(i) => ({ 'data-break': reversals[i]!.breakQuantity })}
          />
        ) : (
          <p class="calc-hint" data-result="reversals">
            {tr.reversalsTitle}{ui.kit.labelSeparator}{reversals === undefined ? ui.kit.notAvailable : mode === 'incremental' ? tr.reversalsIncremental : tr.reversalsNone}
          </p>
        )
      }
      charts={
        <>
          <ChartFigure
            ctx={ctx}
            id="lift"
            title={c.liftTitle}
            description={c.liftDescription}
            dataKey={JSON.stringify([lift, locale])}
            config={
              lift &&
              chart('line', {
                labels: lift.map((d) => f.percent(d.depth, 0)),
                series: [
                  { label: c.required, data: lift.map((d) => d.required), extra: { spanGaps: false } },
                  ...(hasExpected ? [{ label: c.expected, data: lift.map((d) => d.expected), dash: true }] : []),
                ],
                x: { title: c.depth },
                // Near a discount equal to the contribution ratio the requirement explodes; cap the axis at +300%.
                y: { max: liftMax > 3 ? 3 : undefined, format: (v) => f.percent(v, 0) },
                tooltip: (item) => `${item.dataset.label}: ${f.signedPercent(item.parsed.y ?? 0, 1)}`,
              })
            }
            table={{
              columns: hasExpected ? [c.depth, c.required, c.expected] : [c.depth, c.required],
              rows: (lift ?? [])
                .filter((_, i) => i % 5 === 0)
                .map((d) => [
                  f.percent(d.depth, 0),
                  d.required === null ? ctx.ui.kit.notAvailable : f.signedPercent(d.required, 1),
                  ...(hasExpected ? [d.expected === null ? ctx.ui.kit.notAvailable : f.signedPercent(d.expected, 1)] : []),
                ]),
            }}
          />
          <ChartFigure
            ctx={ctx}
            id="tiers"
            title={c.tierTitle}
            description={c.tierDescription}
            dataKey={JSON.stringify([tiers, locale, f.currency])}
            config={
              tiers &&
              chart('bar', {
                labels: tiers.map(tierLabel),
                series: [{ label: c.unitPrice, data: tiers.map((tier) => tier.unitPrice), color: (p) => tiers.map((_, i) => p.series[i % p.series.length]!) }],
                x: { title: c.tier, category: true },
                y: { beginAtZero: true, format: f.money },
                tooltip: (item) => `${c.unitPrice}: ${f.money(item.parsed.y ?? 0)}`,
              })
            }
            table={{
              columns: [c.tier, c.rate, c.unitPrice],
              rows: (tiers ?? []).map((tier) => [tierLabel(tier), f.percent(tier.rate, 2), f.money(tier.unitPrice)]),
            }}
          />
          <ChartFigure
            ctx={ctx}
            id="order-total"
            title={c.totalTitle}
            description={c.totalDescription}
            dataKey={JSON.stringify([totals, reversals, locale, f.currency])}
            config={
              totals &&
              chart('line', {
                series: [
                  { label: c.total, data: totals.map((d) => ({ x: d.quantity, y: d.total })), extra: { borderWidth: 1.5 } },
                  ...(zonePoints.length ? [{ label: c.reversal, data: zonePoints, color: 'alert' as const, points: 2, extra: { borderWidth: 4, spanGaps: false } }] : []),
                ],
                x: { title: c.quantity, format: f.integer },
                y: { beginAtZero: true, format: f.compactMoney },
                tooltip: (item) => `${item.dataset.label}: ${f.money(item.parsed.y ?? 0)} @ ${f.integer(item.parsed.x ?? 0)}`,
              })
            }
            table={{
              columns: [c.quantity, c.total, c.reversal],
              rows: totalRows.map((d) => [f.integer(d.quantity), f.money(d.total), inZone(d.quantity) ? c.reversal : '']),
            }}
          />
          {ladderUsed ? (
            <ChartFigure
              ctx={ctx}
              id="ladder"
              title={c.ladderTitle}
              description={c.ladderDescription}
              dataKey={JSON.stringify([ladder, locale, f.currency])}
              config={chart('bar', {
                labels: ladder.map((l) => t.tiers[l.tier]),
                series: [{ label: c.price, data: ladder.map((l) => l.price), color: (p) => ladder.map((l) => (l.tier === r.middle ? p.series[1]! : p.series[0]!)) }],
                y: { beginAtZero: true, format: f.money },
                tooltip: (item) => `${c.price}: ${f.money(item.parsed.y ?? 0)}`,
              })}
              table={{
                columns: [c.tier, c.price, c.gapBelow],
                rows: ladder.map((l) => {
                  const gap = gapBelow(l.tier);
                  return [t.tiers[l.tier], f.money(l.price), gap ? f.signedPercent(gap.gap, 1) : ctx.ui.kit.notAvailable];
                }),
              }}
            />
          ) : null}
        </>
      }
    />
  );
}
