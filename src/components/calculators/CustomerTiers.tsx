/** C10.1 island: customers (RowTable), contribution and composite scores, VIP / potential / basic tiers with upgrade and downgrade flags; tier doughnut and composite–growth scatter. */
import { useMemo } from 'preact/hooks';
import { blankCustomerRow, customerTiers, tiers, type ContributionSource, type CustomerResult } from '../../lib/calculators/c10-1-customer-tiers';
import { chart } from '../../lib/kit/chart-config';
import { interpolate } from '../../lib/kit/format';
import type { CalculatorStrings } from '../../i18n/en/index';
import { CalculatorFrame } from '../calculator/CalculatorFrame';
import { ChartFigure } from '../calculator/ChartFigure';
import { DonutFigure } from '../calculator/DonutFigure';
import { declareResults, present, ResultTable, tableCsvRows } from '../calculator/Results';
import { RowTable } from '../calculator/RowTable';
import { useIslandContext, type IslandProps } from '../calculator/island';
import { useCalculatorState } from '../calculator/useCalculatorState';
import { fieldRenderers, rowTableState, splitIssues } from '../calculator/wiring';

export default function CustomerTiers({ locale, ui, t }: IslandProps<CalculatorStrings<'C10.1'>>) {
  const { ctx, setCurrency } = useIslandContext('C10.1', locale, ui);
  // The default customers are named in the reader's language (the example's A–J need no translation).
  const def = useMemo(() => ({ ...customerTiers, defaultRows: customerTiers.defaultRows!.map((row, i) => ({ ...row, name: t.defaultCustomers[i] ?? row.name })) }), [t]);
  const state = useCalculatorState(def);
  const f = ctx.format;
  const r = state.output.results;
  const tr = t.results;
  const c = t.charts;
  const na = ui.kit.notAvailable;
  const { fieldErrors, rowIssues, listed } = splitIssues(state.output.issues);
  const field = fieldRenderers(ctx, customerTiers.fields, state, t.fields, fieldErrors);
  const res = declareResults(r, tr);

  const items = present([
    ...tiers.map((tier) => res('tierCounts', 'count', { key: `tierCounts.${tier}`, label: tr.tiers[tier], value: r.tierCounts?.[tier], group: tr.tierCounts, emphasis: tier === 'vip' })),
    ...tiers.map((tier) => res('tierRevenue', 'money', { key: `tierRevenue.${tier}`, label: tr.tiers[tier], value: r.tierRevenue?.[tier], group: tr.tierRevenue })),
    res('upgradeCandidates', 'count', { key: 'upgradeCandidates.length', value: r.upgradeCandidates?.length, emphasis: true }),
    res('downgradeWarnings', 'count', { key: 'downgradeWarnings.length', value: r.downgradeWarnings?.length, emphasis: true, detail: r.downgradeWarnings?.length ? tr.retentionOffer : undefined }),
  ]);

  const nameOf = (row: number) => state.rows[row]?.name || interpolate(t.customerN, { n: row + 1 });
  const byRow = new Map((r.customers ?? []).map((x) => [x.row, x]));
  const ranked: CustomerResult[] = (r.ranking ?? []).map((i) => byRow.get(i)!).filter(Boolean);
  const headers = [tr.rank, t.columns.name, tr.contribution, tr.composite, tr.tier, tr.growth, tr.flag];
  const rows = ranked.map((x) => [
    f.integer(x.rank),
    nameOf(x.row),
    f.number(x.contribution, 2),
    f.number(x.composite, 2),
    tr.tiers[x.tier],
    x.isNew ? tr.new : x.growth === null ? na : f.signedPercent(x.growth, 1),
    x.flag ? tr.flags[x.flag] : '—',
  ]);
  const tierData = tiers.map((tier) => r.tierCounts?.[tier] ?? 0);
  const scatter = r.scatter ?? [];
  const upgradeAt = state.read.values.upgradeAt ?? undefined;
  const growths = scatter.map((s) => s.growth);
  const yLow = Math.min(1, ...scatter.map((s) => s.composite)) - 0.2;
  const yHigh = Math.max(5, ...scatter.map((s) => s.composite)) + 0.2;

  return (
    <CalculatorFrame
      ctx={ctx}
      t={t}
      state={state}
      onCurrency={setCurrency}
      layout="stacked"
      items={items}
      issues={listed}
      csvExtra={() => tableCsvRows(headers, rows)}
      inputs={
        <>
          {field.choice('source', t.sources as Record<ContributionSource, string>, { hint: t.hints.source })}
          <RowTable
            ctx={ctx}
            caption={t.tableCaption}
            spec={customerTiers.table!}
            {...rowTableState(state)}
            labels={t.columns}
            issues={rowIssues}
            blankRow={(index) => ({ ...blankCustomerRow(), name: interpolate(t.customerN, { n: index + 1 }) })}
          />
          {field.number('wContribution')}
          {field.number('wStrategic')}
          {field.number('wGrowth')}
          {field.number('vipShare')}
          {field.number('potentialShare')}
          {field.number('upgradeAt', { hint: t.hints.upgradeAt })}
          {field.number('downgradeAt')}
        </>
      }
      results={
        rows.length > 0 && (
          <ResultTable ctx={ctx} id="customers" caption={t.tableCaption} headers={headers} rows={rows} rowAttrs={(i) => ({ 'data-row': ranked[i]!.row, 'data-tier': ranked[i]!.tier, 'data-flag': ranked[i]!.flag ?? '' })} />
        )
      }
      charts={
        <>
          <DonutFigure
            ctx={ctx}
            id="tiers"
            title={c.tiers.title}
            description={c.tiers.description}
            dataKey={JSON.stringify([tierData, locale])}
            config={
              ranked.length > 0 &&
              ((p) => ({
                type: 'doughnut',
                data: {
                  labels: tiers.map((tier) => tr.tiers[tier]),
                  datasets: [{ label: tr.tierCounts, data: tierData, backgroundColor: tiers.map((_, i) => p.series[i % p.series.length]!) }],
                },
              }))
            }
            table={{ columns: [tr.tier, tr.tierCounts, tr.tierRevenue], rows: tiers.map((tier, i) => [tr.tiers[tier], f.integer(tierData[i]!), f.money(r.tierRevenue?.[tier] ?? 0)]) }}
          />
          <ChartFigure
            ctx={ctx}
            id="scatter"
            title={c.scatter.title}
            description={c.scatter.description}
            dataKey={JSON.stringify([scatter, scatter.map((s) => nameOf(s.row)), upgradeAt, locale])}
            config={
              scatter.length > 0 &&
              chart('scatter', {
                series: [
                  ...tiers.map((tier, i) => ({
                    label: tr.tiers[tier],
                    data: scatter.filter((s) => byRow.get(s.row)?.tier === tier).map((s) => ({ x: s.growth, y: s.composite })),
                    color: i,
                  })),
                  ...(upgradeAt !== undefined ? [{ type: 'line' as const, label: t.fields.upgradeAt, data: [{ x: upgradeAt, y: yLow }, { x: upgradeAt, y: yHigh }], dash: true, color: 'grid' as const }] : []),
                ],
                x: { title: tr.growth, format: (v) => f.percent(v, 0), min: Math.min(-0.5, ...growths) , max: Math.max(0.5, (upgradeAt ?? 0) + 0.1, ...growths) },
                y: { title: tr.composite, format: (v) => f.number(v, 1), min: yLow, max: yHigh },
                tooltip: (item) => {
                  const tier = tiers[item.datasetIndex];
                  const s = tier ? scatter.filter((p) => byRow.get(p.row)?.tier === tier)[item.dataIndex] : undefined;
                  return s ? `${nameOf(s.row)}: ${tr.composite} ${f.number(s.composite, 2)}, ${tr.growth} ${f.signedPercent(s.growth, 1)}` : (item.dataset.label ?? '');
                },
              })
            }
            table={{
              columns: [t.columns.name, tr.composite, tr.growth, tr.tier],
              rows: scatter.map((s) => [nameOf(s.row), f.number(s.composite, 2), f.signedPercent(s.growth, 1), tr.tiers[byRow.get(s.row)?.tier ?? 'basic']]),
            }}
          />
        </>
      }
    />
  );
}
