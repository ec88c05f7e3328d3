/** C05.3 island: wires the price-adjustment planner (parts a–e) to the shared fields, table, results and charts. */
import {
  priceAdjustment,
  type DiscountMode,
  type PriceAdjustmentResults,
} from '../../lib/calculators/c05-3-price-adjustment';
import { interpolate } from '../../lib/kit/format';
import type { CalculatorStrings } from '../../i18n/en/index';
import { CalculatorFrame, type CsvRow } from '../calculator/CalculatorFrame';
import { ChartFigure } from '../calculator/ChartFigure';
import { IssueList, ResultList, type ResultItem } from '../calculator/Results';
import { RowTable } from '../calculator/RowTable';
import { useIslandContext, type IslandProps } from '../calculator/island';
import { useCalculatorState } from '../calculator/useCalculatorState';
import { fieldRenderers, rowTableState, splitIssues } from '../calculator/wiring';

type Fields = typeof priceAdjustment.fields;

export default function PriceAdjustment({ locale, ui, t }: IslandProps<CalculatorStrings<'C05.3'>>) {
  const { ctx, setCurrency } = useIslandContext('C05.3', locale, ui);
  const state = useCalculatorState(priceAdjustment);
  const f = ctx.format;
  const r: Partial<PriceAdjustmentResults> = state.output.results;
  const tr = t.results;
  const issues = state.output.issues;
  // Errors sit beside their field (or table cell); warnings and notes go to the issue list.
  const { fieldErrors, rowIssues: tableIssues, listed } = splitIssues(issues);
  const field = fieldRenderers(ctx, priceAdjustment.fields, state, t.fields, fieldErrors);

  const money = (v: number | undefined) => (v === undefined ? undefined : f.money(v));
  const pct = (v: number | undefined) => (v === undefined ? undefined : f.signedPercent(v, 1));
  const units = (v: number) => interpolate(tr.units, { value: f.integer(v) });
  const factor = (x: number) => interpolate(tr.factor, { factor: f.ratio(x, 3), change: f.signedPercent(x - 1, 1) });

  // (a)
  const itemsA: ResultItem[] = [
    { key: 'contributionRatio', label: tr.contributionRatio, value: r.contributionRatio === undefined ? undefined : f.percent(r.contributionRatio, 2) },
    {
      key: 'newPrice',
      label: tr.newPrice,
      value: money(r.newPrice),
      detail: r.newContributionRatio === undefined ? undefined : interpolate(tr.newContributionRatio, { value: f.percent(r.newContributionRatio, 2) }),
    },
    {
      key: 'requiredVolumeChange',
      label: tr.requiredVolumeChange,
      value: pct(r.requiredVolumeChange),
      detail: r.requiredVolumeChange === undefined ? undefined : r.requiredVolumeChange > 0 ? tr.requiredGain : r.requiredVolumeChange < 0 ? tr.requiredLoss : undefined,
      emphasis: true,
    },
  ];
  if (state.read.values.elasticity != null) {
    itemsA.push(
      { key: 'expectedVolumeChange', label: tr.expectedVolumeChange, value: pct(r.expectedVolumeChange) },
      { key: 'expectedContributionChange', label: tr.expectedContributionChange, value: pct(r.expectedContributionChange) },
      { key: 'verdict', label: tr.verdict, value: r.verdict ? t.verdicts[r.verdict] : undefined, emphasis: true },
    );
  }

  // (b)
  const itemsB: ResultItem[] = [
    {
      key: 'orderTotal',
      label: tr.orderTotal,
      value: money(r.orderTotal),
      detail: r.listTotal === undefined ? undefined : interpolate(tr.listTotal, { value: f.money(r.listTotal) }),
      emphasis: true,
    },
    {
      key: 'effectivePrice',
      label: tr.effectivePrice,
      value: money(r.effectivePrice),
      detail: r.effectiveDiscount === undefined ? undefined : interpolate(tr.effectiveDiscount, { value: f.percent(r.effectiveDiscount, 2) }),
    },
  ];
  if (r.betterOrder) {
    itemsB.push({
      key: 'betterOrder',
      label: tr.betterOrder,
      value: interpolate(tr.betterOrderValue, { quantity: f.integer(r.betterOrder.quantity), total: f.money(r.betterOrder.total) }),
      detail: interpolate(tr.saving, { value: f.money(r.betterOrder.saving) }),
      emphasis: true,
    });
  }
  const mode: DiscountMode = state.read.values.mode ?? 'allUnits';
  const reversals = r.reversals;
  const zoneText = (zones: { from: number; to: number }[]) =>
    zones.map((z) => (z.from === z.to ? f.integer(z.from) : interpolate(tr.range, { from: f.integer(z.from), to: f.integer(z.to) }))).join(tr.listSeparator);

  // (c), (d), (e)
  const itemsC: ResultItem[] = [{ key: 'windowDays', label: tr.windowDays, value: r.windowDays === undefined ? undefined : interpolate(tr.days, { value: f.integer(r.windowDays) }), emphasis: true }];
  const indexUsed = state.raw.basePrice.trim() !== '';
  const itemsD: ResultItem[] = [
    { key: 'adjustedPrice', label: tr.adjustedPrice, value: money(r.adjustedPrice), detail: r.indexFactor === undefined ? undefined : factor(r.indexFactor), emphasis: true },
    { key: 'shockPrice', label: tr.shockPrice, value: money(r.shockPrice), detail: r.shockFactor === undefined ? undefined : factor(r.shockFactor) },
  ];
  const ladderUsed = r.ladder !== undefined;
  const itemsE: ResultItem[] = [
    ...(r.gaps ?? []).map((g) => ({
      key: `gap-${g.lower}-${g.higher}`,
      label: interpolate(tr.gap, { lower: t.tiers[g.lower], higher: t.tiers[g.higher] }),
      value: interpolate(tr.gapValue, { gap: f.signedPercent(g.gap, 1), ratio: f.ratio(g.ratio, 2) }),
    })),
    { key: 'anchor', label: tr.anchor, value: r.anchor ? t.tiers[r.anchor] : undefined },
    { key: 'middle', label: tr.middle, value: r.middle ? t.tiers[r.middle] : undefined, emphasis: true },
  ];

  const allItems = [...itemsA, ...itemsB, ...itemsC, ...(indexUsed ? itemsD : []), ...(ladderUsed ? itemsE : [])];
  const tableKeys = Object.keys(priceAdjustment.table!.columns) as (keyof typeof t.table & keyof NonNullable<typeof priceAdjustment.table>['columns'])[];
  const csvRows = (): CsvRow[] => [
    ...(Object.keys(priceAdjustment.fields) as (keyof Fields)[]).map((key) => ({ section: 'input' as const, label: t.fields[key], value: state.raw[key] })),
    ...state.rows.flatMap((row, i) =>
      tableKeys.map((key) => ({ section: 'input' as const, label: interpolate(tr.csvCell, { column: t.table[key], row: interpolate(ctx.ui.kit.rowN, { n: i + 1 }) }), value: row[key] })),
    ),
    ...allItems.map((item) => ({ section: 'result' as const, label: item.label, value: item.detail && item.value !== undefined ? `${item.value} (${item.detail})` : (item.value ?? '') })),
    ...(reversals ?? []).map((rev) => ({ section: 'result' as const, label: interpolate(tr.reversalCsv, { quantity: units(rev.breakQuantity) }), value: zoneText(rev.zones) })),
  ];

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
      csvRows={csvRows}
      inputs={
        <>
          <fieldset class="calc-group">
            <legend>{t.parts.a}</legend>
            {field.number('currentPrice')}
            {field.number('unitVariableCost')}
            {field.number('priceChange')}
            {field.number('elasticity')}
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
            {field.date('promoStart')}
            {field.date('promoEnd')}
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
        <>
          <h5 class="calc-subhead">{t.parts.a}</h5>
          <ResultList ctx={ctx} items={itemsA} />
          <h5 class="calc-subhead">{t.parts.b}</h5>
          <ResultList ctx={ctx} items={itemsB} />
          <div class="calc-chart-table" data-result="reversals">
            <div class="calc-table-scroll" tabIndex={0}>
              <table>
                <caption>{tr.reversalsTitle}</caption>
                {reversals && reversals.length > 0 ? (
                  <>
                    <thead>
                      <tr>
                        <th scope="col">{tr.reversalBreak}</th>
                        <th scope="col">{tr.reversalBreakTotal}</th>
                        <th scope="col">{tr.reversalZones}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {reversals.map((rev) => (
                        <tr key={rev.breakQuantity} data-break={rev.breakQuantity}>
                          <th scope="row">{units(rev.breakQuantity)}</th>
                          <td>{f.money(rev.breakTotal)}</td>
                          <td>{zoneText(rev.zones)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </>
                ) : (
                  <tbody>
                    <tr>
                      <td>{reversals === undefined ? ctx.ui.kit.notAvailable : mode === 'incremental' ? tr.reversalsIncremental : tr.reversalsNone}</td>
                    </tr>
                  </tbody>
                )}
              </table>
            </div>
          </div>
          <h5 class="calc-subhead">{t.parts.c}</h5>
          <ResultList ctx={ctx} items={itemsC} />
          {indexUsed ? (
            <>
              <h5 class="calc-subhead">{t.parts.d}</h5>
              <ResultList ctx={ctx} items={itemsD} />
            </>
          ) : null}
          {ladderUsed ? (
            <>
              <h5 class="calc-subhead">{t.parts.e}</h5>
              <ResultList ctx={ctx} items={itemsE} />
            </>
          ) : null}
          <IssueList ctx={ctx} issues={listed} />
        </>
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
              lift
                ? (p) => ({
                    type: 'line',
                    data: {
                      labels: lift.map((d) => f.percent(d.depth, 0)),
                      datasets: [
                        { label: c.required, data: lift.map((d) => d.required), borderColor: p.series[0], backgroundColor: p.series[0], pointRadius: 0, spanGaps: false },
                        ...(hasExpected
                          ? [{ label: c.expected, data: lift.map((d) => d.expected), borderColor: p.series[1], backgroundColor: p.series[1], borderDash: [6, 4], pointRadius: 0 }]
                          : []),
                      ],
                    },
                    options: {
                      scales: {
                        x: { title: { display: true, text: c.depth } },
                        // Near a discount equal to the CMR the requirement explodes; cap the axis at +300%.
                        y: { ...(liftMax > 3 ? { max: 3 } : {}), ticks: { callback: (v) => f.percent(Number(v), 0) } },
                      },
                      plugins: { tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${f.signedPercent(item.parsed.y ?? 0, 1)}` } } },
                    },
                  })
                : null
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
              tiers
                ? (p) => ({
                    type: 'bar',
                    data: {
                      labels: tiers.map(tierLabel),
                      datasets: [{ label: c.unitPrice, data: tiers.map((tier) => tier.unitPrice), backgroundColor: tiers.map((_, i) => p.series[i % p.series.length]!) }],
                    },
                    options: {
                      scales: { x: { title: { display: true, text: c.tier } }, y: { beginAtZero: true, ticks: { callback: (v) => f.money(Number(v)) } } },
                      plugins: { legend: { display: false }, tooltip: { callbacks: { label: (item) => `${c.unitPrice}: ${f.money(item.parsed.y ?? 0)}` } } },
                    },
                  })
                : null
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
              totals
                ? (p) => ({
                    type: 'line',
                    data: {
                      datasets: [
                        { label: c.total, data: totals.map((d) => ({ x: d.quantity, y: d.total })), borderColor: p.series[0], backgroundColor: p.series[0], pointRadius: 0, borderWidth: 1.5 },
                        ...(zonePoints.length
                          ? [{ label: c.reversal, data: zonePoints, borderColor: p.alert, backgroundColor: p.alert, pointRadius: 2, borderWidth: 4, spanGaps: false }]
                          : []),
                      ],
                    },
                    options: {
                      parsing: false,
                      scales: {
                        x: { type: 'linear', title: { display: true, text: c.quantity }, ticks: { callback: (v) => f.integer(Number(v)) } },
                        y: { type: 'linear', beginAtZero: true, ticks: { callback: (v) => f.compactMoney(Number(v)) } },
                      },
                      plugins: { tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${f.money(item.parsed.y ?? 0)} @ ${f.integer(item.parsed.x ?? 0)}` } } },
                    },
                  })
                : null
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
              config={(p) => ({
                type: 'bar',
                data: {
                  labels: ladder.map((l) => t.tiers[l.tier]),
                  datasets: [{ label: c.price, data: ladder.map((l) => l.price), backgroundColor: ladder.map((l) => (l.tier === r.middle ? p.series[1]! : p.series[0]!)) }],
                },
                options: {
                  scales: { y: { beginAtZero: true, ticks: { callback: (v) => f.money(Number(v)) } } },
                  plugins: { legend: { display: false }, tooltip: { callbacks: { label: (item) => `${c.price}: ${f.money(item.parsed.y ?? 0)}` } } },
                },
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
