/** C12.3 island: budget lines (RowTable) and share to shift; efficiency table, closed-loop strip, scatter and bar charts. */
import { useMemo } from 'preact/hooks';
import { blankEfficiencyRow, efficiency, loopStages, type EfficiencyColumns } from '../../lib/calculators/c12-3-efficiency';
import { interpolate } from '../../lib/kit/format';
import type { RawRow } from '../../lib/kit/rows';
import type { CalculatorStrings } from '../../i18n/en/index';
import { chart } from '../../lib/kit/chart-config';
import { CalculatorFrame, type CsvRow } from '../calculator/CalculatorFrame';
import { ChartFigure } from '../calculator/ChartFigure';
import { declareResults, ResultTable, tableCsvRows } from '../calculator/Results';
import { RowTable } from '../calculator/RowTable';
import { useIslandContext, type IslandProps } from '../calculator/island';
import { useCalculatorState } from '../calculator/useCalculatorState';
import { fieldRenderers, rowTableState, splitIssues } from '../calculator/wiring';

export default function Efficiency({ locale, ui, t }: IslandProps<CalculatorStrings<'C12.3'>>) {
  const { ctx, setCurrency } = useIslandContext('C12.3', locale, ui);
  const def = useMemo(() => {
    const named = (rows: RawRow<EfficiencyColumns>[], names: readonly string[]) => rows.map((row, i) => ({ ...row, name: names[i] ?? row.name }));
    return { ...efficiency, defaultRows: named(efficiency.defaultRows!, t.defaultLines), exampleRows: named(efficiency.exampleRows!, t.exampleLines) };
  }, [t]);
  const state = useCalculatorState(def);
  const f = ctx.format;
  const r = state.output.results;
  const tr = t.results;
  const c = t.charts;
  const issues = state.output.issues;
  const { fieldErrors, rowIssues, listed } = splitIssues(issues);
  const field = fieldRenderers(ctx, efficiency.fields, state, t.fields, fieldErrors);
  const na = ui.kit.notAvailable;

  const nameOfRow = (row: number) => state.rows[row]?.name || interpolate(t.lineN, { n: row + 1 });
  const signedMoney = f.signedMoney;
  const pct = (v: number | undefined, digits = 1) => (v === undefined ? na : f.percent(v, digits));
  const lines = r.lines ?? [];

  const res = declareResults(r, tr);
  const items = [
    res('totalSpend', 'money'),
    res('totalReturn', 'money'),
    res('overallRoi', 'percent', { digits: 1, emphasis: true }),
    res('ranked', 'count'),
    res('shifted', 'money', { emphasis: true }),
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
  const csvInputs = (): CsvRow[] => [
    { section: 'input', label: t.fields.shiftShare, value: state.raw.shiftShare },
    ...state.rows.flatMap((row, i) =>
      columnKeys.map((k) => ({ section: 'input' as const, label: `${interpolate(ui.kit.rowN, { n: i + 1 })} · ${t.columns[k]}`, value: row[k] })),
    ),
  ];
  const csvExtra = () => tableCsvRows(headers, rows);

  const stage = r.stage ?? 'monitor';
  const groups = [1, 2, 3, 4, 0].map((q) => ({ q, points: lines.filter((l) => l.roi !== undefined && (l.quartile ?? 0) === q) })).filter((g) => g.points.length);

  return (
    <CalculatorFrame
      ctx={ctx}
      t={t}
      state={state}
      onCurrency={setCurrency}
      layout="stacked"
      items={items}
      issues={listed}
      csvInputs={csvInputs}
      csvExtra={csvExtra}
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
      resultsBefore={
        <ol class="calc-steps" aria-label={tr.loopCaption} data-result="loop">
            {loopStages.map((s) => (
            <li key={s} aria-current={s === stage ? 'step' : undefined} data-stage={s}>
              {tr.stages[s]}
              <small>{tr.stageNotes[s]}{s === stage ? ` · ${tr.currentStage}` : ''}</small>
            </li>
          ))}
          </ol>
      }
      results={
        lines.length > 0 && (
          <ResultTable
            ctx={ctx}
            id="efficiency"
            caption={tr.tableCaption}
            headers={headers}
            rows={rows}
            footer={totalRow}
            rowAttrs={(i) => ({ 'data-row': lines[i]!.row, 'data-quartile': lines[i]!.quartile })}
          />
        )
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
              lines.some((l) => l.roi !== undefined) &&
              chart('scatter', {
                series: groups.map((g) => ({
                  label: g.q === 0 ? c.unranked : interpolate(c.quartileN, { n: g.q }),
                  data: g.points.map((l) => ({ x: l.spend, y: l.roi! })),
                  color: g.q === 0 ? ('grid' as const) : g.q - 1,
                  points: 6,
                })),
                x: { title: c.spend, format: f.compactMoney },
                y: { title: c.roi, format: (v) => f.percent(v, 0) },
                tooltip: (item) => {
                  const l = groups[item.datasetIndex]?.points[item.dataIndex];
                  return l ? `${nameOfRow(l.row)}: ${f.money(l.spend)}, ${f.percent(l.roi!, 1)}` : '';
                },
              })
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
              lines.length > 0 &&
              chart('bar', {
                labels: lines.map((l) => nameOfRow(l.row)),
                series: [
                  { label: c.current, data: lines.map((l) => l.spend) },
                  { label: c.suggested, data: lines.map((l) => l.suggested) },
                ],
                x: { category: true },
                y: { format: f.compactMoney },
                tooltip: (item) => `${item.dataset.label}: ${f.money(item.parsed.y ?? 0)}`,
              })
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
