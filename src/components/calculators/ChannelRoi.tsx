/** C06.1 island: channels (RowTable); ROI, CAC, LTV and payback per channel, the two rankings, ROI against LTV/CAC bubbles. */
import { useMemo } from 'preact/hooks';
import { blankChannelRow, channelRoi, type ChannelColumns } from '../../lib/calculators/c06-1-channel-roi';
import { chart } from '../../lib/kit/chart-config';
import { interpolate } from '../../lib/kit/format';
import type { RawRow } from '../../lib/kit/rows';
import type { CalculatorStrings } from '../../i18n/en/index';
import { CalculatorFrame } from '../calculator/CalculatorFrame';
import { ChartFigure } from '../calculator/ChartFigure';
import { declareResults, present, ResultTable, tableCsvRows } from '../calculator/Results';
import { RowTable } from '../calculator/RowTable';
import { useIslandContext, type IslandProps } from '../calculator/island';
import { useCalculatorState } from '../calculator/useCalculatorState';
import { fieldRenderers, rowTableState, splitIssues } from '../calculator/wiring';

export default function ChannelRoi({ locale, ui, t }: IslandProps<CalculatorStrings<'C06.1'>>) {
  const { ctx, setCurrency } = useIslandContext('C06.1', locale, ui);
  const def = useMemo(() => {
    const named = (rows: RawRow<ChannelColumns>[]) => rows.map((row, i) => ({ ...row, name: t.defaultRows[i] ?? row.name }));
    return { ...channelRoi, defaultRows: named(channelRoi.defaultRows!), exampleRows: named(channelRoi.exampleRows!) };
  }, [t]);
  const state = useCalculatorState(def);
  const f = ctx.format;
  const r = state.output.results;
  const tr = t.results;
  const c = t.charts;
  const { fieldErrors, rowIssues, listed } = splitIssues(state.output.issues);
  const field = fieldRenderers(ctx, channelRoi.fields, state, t.fields, fieldErrors);
  const na = ui.kit.notAvailable;
  const nameOfRow = (row: number) => state.rows[row]?.name || interpolate(t.channelN, { n: row + 1 });
  const opt = (v: number | undefined, show: (x: number) => string) => (v === undefined ? na : show(v));

  const res = declareResults(r, tr);
  const items = present([
    res('totalSpend', 'money'),
    res('totalRevenue', 'money'),
    res('totalNewCustomers', 'count'),
    res('overallRoas', 'ratio', { emphasis: true }),
    res('overallCac', 'money', { emphasis: true }),
    r.sameLeader !== undefined && { key: 'sameLeader', label: tr.sameLeader, kind: 'text', value: r.sameLeader ? tr.yes : tr.no },
  ]);

  const channels = r.channels ?? [];
  const headers = [tr.channel, tr.roas, tr.roi, tr.cac, tr.marginPerCustomer, tr.ltv, tr.ltvToCac, tr.paybackMonths, tr.salesRank, tr.ltvRank];
  const rows = channels.map((ch) => [
    nameOfRow(ch.row),
    opt(ch.roas, (v) => f.ratio(v, 2)),
    opt(ch.roi, (v) => f.percent(v, 1)),
    opt(ch.cac, f.money),
    opt(ch.marginPerCustomer, f.money),
    opt(ch.ltv, f.money),
    opt(ch.ltvToCac, (v) => f.ratio(v, 2)),
    opt(ch.paybackMonths, (v) => f.number(v, 1)),
    opt(ch.salesRank, f.integer),
    opt(ch.ltvRank, f.integer),
  ]);
  const bubbles = r.bubbles ?? [];

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
          <RowTable
            ctx={ctx}
            caption={t.tableCaption}
            spec={channelRoi.table!}
            {...rowTableState(state)}
            labels={t.columns}
            issues={rowIssues}
            blankRow={(index) => ({ ...blankChannelRow(), name: interpolate(t.channelN, { n: index + 1 }) })}
          />
          {field.number('discountRate', { hint: t.hints.discountRate })}
          {field.number('horizon', { hint: t.hints.horizon })}
        </>
      }
      results={
        channels.length > 0 && (
          <ResultTable ctx={ctx} id="channels" caption={tr.channelsCaption} headers={headers} rows={rows} rowAttrs={(i) => ({ 'data-row': channels[i]!.row })} />
        )
      }
      charts={
        <ChartFigure
          ctx={ctx}
          id="bubbles"
          title={c.bubbleTitle}
          description={c.bubbleDescription}
          dataKey={JSON.stringify([bubbles, bubbles.map((b) => nameOfRow(b.row)), locale, f.currency])}
          config={
            bubbles.length > 0 &&
            chart('bubble', {
              series: bubbles.map((b, i) => ({ label: nameOfRow(b.row), data: [{ x: b.x, y: b.y, r: 6 + 24 * b.relativeRadius }], color: i })),
              x: { title: c.x, format: (v) => f.percent(v, 0) },
              y: { title: c.y, format: (v) => f.ratio(v, 1) },
              tooltip: (item) => `${item.dataset.label}: ${c.x} ${f.percent(item.parsed.x ?? 0, 1)}, ${c.y} ${f.ratio(item.parsed.y ?? 0, 2)}`,
            })
          }
          table={{
            columns: [tr.channel, c.x, c.y, c.size],
            rows: bubbles.map((b) => {
              const spend = state.rowReads[b.row]?.values.spend;
              return [nameOfRow(b.row), f.percent(b.x, 1), f.ratio(b.y, 2), spend === undefined ? na : f.money(spend)];
            }),
          }}
        />
      }
    />
  );
}
