/** C12.3 island: budget lines (RowTable) and share to shift; efficiency table, closed-loop strip, scatter and bar charts. */
import { useMemo } from 'preact/hooks';
import { blankEfficiencyRow, efficiency, loopStages, type EfficiencyColumns, type EfficiencyResults } from '../../lib/calculators/c12-3-efficiency';
import { round9 } from '../../lib/kit/calculator';
import { interpolate } from '../../lib/kit/format';
import type { RawRow } from '../../lib/kit/rows';
import type { CalculatorStrings } from '../../i18n/en/index';
import { CalculatorFrame, type CsvRow } from '../calculator/CalculatorFrame';
import { ChartFigure } from '../calculator/ChartFigure';
import { IssueList, ResultList, type ResultItem } from '../calculator/Results';
import { RowTable } from '../calculator/RowTable';
import { useIslandContext, type IslandProps } from '../calculator/island';
import { useCalculatorState } from '../calculator/useCalculatorState';
import { fieldRenderers, rowTableState, splitIssues } from '../calculator/wiring';

export default function Efficiency({ locale, ui, t }: IslandProps<CalculatorStrings<'C12.3'>>) {
  const { ctx, setCurrency } = useIslandContext('C12.3', locale, ui);
  const def = useMemo(() => {
    const named = (rows: RawRow<EfficiencyColumns>[]) => rows.map((row, i) => ({ ...row, name: t.defaultLines[i] ?? row.name }));
    return { ...efficiency, defaultRows: named(efficiency.defaultRows!), exampleRows: named(efficiency.exampleRows!) };
  }, [t]);
  const state = useCalculatorState(def);
  const f = ctx.format;
  const r: Partial<EfficiencyResults> = state.output.results;
  const tr = t.results;
  const c = t.charts;
  const issues = state.output.issues;
  const { fieldErrors, rowIssues, listed } = splitIssues(issues);
  const field = fieldRenderers(ctx, efficiency.fields, state, t.fields, fieldErrors);
  const na = ui.kit.notAvailable;

  const nameOfRow = (row: number) => state.rows[row]?.name || interpolate(t.lineN, { n: row + 1 });
  const signedMoney = (v: number) => (round9(v) > 0 ? `+${f.money(v)}` : f.money(v));
  const pct = (v: number | undefined, digits = 1) => (v === undefined ? na : f.percent(v, digits));
  const lines = r.lines ?? [];

  const items: ResultItem[] = [
    { key: 'totalSpend', label: tr.totalSpend, value: r.totalSpend === undefined ? undefined : f.money(r.totalSpend) },
    { key: 'totalReturn', label: tr.totalReturn, value: r.totalReturn === undefined ? undefined : f.money(r.totalReturn) },
    { key: 'overallRoi', label: tr.overallRoi, value: r.overallRoi === undefined ? undefined : f.percent(r.overallRoi, 1), emphasis: true },
    { key: 'ranked', label: tr.ranked, value: r.ranked === undefined ? undefined : f.integer(r.ranked) },
    { key: 'shifted', label: tr.shifted, value: r.shifted === undefined ? undefined : f.money(r.shifted), emphasis: true },
  ];

  const headers = [tr.line, tr.spend, tr.roi, tr.utilization, tr.savingRate, tr.rank, tr.quartile, tr.shift, tr.suggested];
  const rows = lines.map((l) => [
    nameOfRow(l.row),
    f.money(l.spend),
    pct(l.roi),
    pct(l.utilization),
    pct(l.savingRate),
    l.rank === undefined ? na : f.number(l.rank, 1),
    l.quartile === undefined ? na : interpolate(tr.quartileN, { n: l.quartile }),
    signedMoney(l.shift),
    f.money(l.suggested),
  ]);
  const totalRow = r.totalSpend === undefined
    ? null
    : [tr.total, f.money(r.totalSpend), pct(r.overallRoi), '', '', '', '', signedMoney(0), f.money(r.suggestedTotal ?? r.totalSpend)];

  const columnKeys = Object.keys(efficiency.table!.columns) as (keyof EfficiencyColumns)[];
  const csvRows = (): CsvRow[] => [
    { section: 'input', label: t.fields.shiftShare, value: state.raw.shiftShare },
    ...state.rows.flatMap((row, i) =>
      columnKeys.map((k) => ({ section: 'input' as const, label: `${interpolate(ui.kit.rowN, { n: i + 1 })} · ${t.columns[k]}`, value: row[k] })),
    ),
    ...items.map((item) => ({ section: 'result' as const, label: item.label, value: item.value ?? '' })),
    ...rows.flatMap((row) => headers.slice(1).map((h, j) => ({ section: 'result' as const, label: `${row[0]} · ${h}`, value: row[j + 1]! }))),
  ];

  const stage = r.stage ?? 'monitor';
  const byQuartile = [1, 2, 3, 4, 0].map((q) => ({ q, points: lines.filter((l) => l.roi !== undefined && (l.quartile ?? 0) === q) }));

  return (
    <CalculatorFrame
      ctx={ctx}
      t={t}
      state={state}
      onCurrency={setCurrency}
      csvRows={csvRows}
      inputs={
        <>
          <RowTable
            ctx={ctx}
            caption={t.tableCaption}
            spec={efficiency.table!}
            {...rowTableState(state)}
            labels={t.columns}
            issues={rowIssues}
            blankRow={(index) => ({ ...blankEfficiencyRow(), name: interpolate(t.lineN, { n: index + 1 }) })}
          />
          {field.number('shiftShare')}
        </>
      }
      results={
        <>
          <ol class="calc-steps" aria-label={tr.loopCaption} data-result="loop">
            {loopStages.map((s) => (
              <li key={s} aria-current={s === stage ? 'step' : undefined} data-stage={s}>
                {tr.stages[s]}
                <small>{tr.stageNotes[s]}{s === stage ? ` · ${tr.currentStage}` : ''}</small>
              </li>
            ))}
          </ol>
          <ResultList ctx={ctx} items={items} />
          {lines.length ? (
            <div class="calc-table">
              <div class="calc-table-scroll" tabIndex={0}>
                <table data-result="efficiency">
                  <caption>{tr.tableCaption}</caption>
                  <thead>
                    <tr>{headers.map((h) => <th scope="col" key={h}>{h}</th>)}</tr>
                  </thead>
                  <tbody>
                    {rows.map((row, i) => (
                      <tr key={i} data-row={lines[i]!.row} data-quartile={lines[i]!.quartile}>
                        {row.map((cell, j) => (j === 0 ? <th scope="row" key={j}>{cell}</th> : <td key={j}>{cell}</td>))}
                      </tr>
                    ))}
                  </tbody>
                  {totalRow ? (
                    <tfoot>
                      <tr>{totalRow.map((cell, j) => (j === 0 ? <th scope="row" key={j}>{cell}</th> : <td key={j}>{cell}</td>))}</tr>
                    </tfoot>
                  ) : null}
                </table>
              </div>
            </div>
          ) : null}
          <IssueList ctx={ctx} issues={listed} />
        </>
      }
      charts={
        <>
          <ChartFigure
            ctx={ctx}
            id="spend-roi"
            title={c.scatterTitle}
            description={c.scatterDescription}
            dataKey={JSON.stringify([lines.map((l) => [nameOfRow(l.row), l.spend, l.roi, l.quartile]), locale, f.currency])}
            config={
              lines.some((l) => l.roi !== undefined)
                ? (p) => ({
                    type: 'scatter',
                    data: {
                      datasets: byQuartile
                        .filter((g) => g.points.length)
                        .map((g) => ({
                          label: g.q === 0 ? c.unranked : interpolate(c.quartileN, { n: g.q }),
                          data: g.points.map((l) => ({ x: l.spend, y: l.roi! })),
                          backgroundColor: g.q === 0 ? p.grid : g.q === 1 ? p.alert : p.series[[0, 0, 2, 5, 3][g.q]!]!,
                          borderColor: g.q === 0 ? p.grid : g.q === 1 ? p.alert : p.series[[0, 0, 2, 5, 3][g.q]!]!,
                          pointRadius: 6,
                        })),
                    },
                    options: {
                      scales: {
                        x: { type: 'linear', title: { display: true, text: c.spend }, ticks: { callback: (v) => f.compactMoney(Number(v)) } },
                        y: { type: 'linear', title: { display: true, text: c.roi }, ticks: { callback: (v) => f.percent(Number(v), 0) } },
                      },
                      plugins: {
                        tooltip: {
                          callbacks: {
                            label: (item) => {
                              const l = byQuartile.filter((g) => g.points.length)[item.datasetIndex]?.points[item.dataIndex];
                              return l ? `${nameOfRow(l.row)}: ${f.money(l.spend)}, ${f.percent(l.roi!, 1)}` : '';
                            },
                          },
                        },
                      },
                    },
                  })
                : null
            }
            table={{
              columns: [tr.line, c.spend, c.roi, tr.quartile],
              rows: lines.map((l) => [nameOfRow(l.row), f.money(l.spend), pct(l.roi), l.quartile === undefined ? c.unranked : interpolate(tr.quartileN, { n: l.quartile })]),
            }}
          />
          <ChartFigure
            ctx={ctx}
            id="suggested"
            title={c.barTitle}
            description={c.barDescription}
            dataKey={JSON.stringify([lines.map((l) => [nameOfRow(l.row), l.spend, l.suggested]), locale, f.currency])}
            config={
              lines.length
                ? (p) => ({
                    type: 'bar',
                    data: {
                      labels: lines.map((l) => nameOfRow(l.row)),
                      datasets: [
                        { label: c.current, data: lines.map((l) => l.spend), backgroundColor: p.series[2] },
                        { label: c.suggested, data: lines.map((l) => l.suggested), backgroundColor: p.series[0] },
                      ],
                    },
                    options: {
                      scales: { y: { ticks: { callback: (v) => f.compactMoney(Number(v)) } } },
                      plugins: { tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${f.money(item.parsed.y ?? 0)}` } } },
                    },
                  })
                : null
            }
            table={{
              columns: [tr.line, c.current, c.suggested, tr.shift],
              rows: lines.map((l) => [nameOfRow(l.row), f.money(l.spend), f.money(l.suggested), signedMoney(l.shift)]),
            }}
          />
        </>
      }
    />
  );
}
