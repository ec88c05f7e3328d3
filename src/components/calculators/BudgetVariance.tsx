/** C12.2 island: budget lines (RowTable) and review settings; variance table, explanations list, flexible budget and charts. */
import { useMemo } from 'preact/hooks';
import {
  blankVarianceRow,
  budgetVariance,
  type BudgetVarianceResults,
  type Cadence,
  type VarianceColumns,
  type VarianceStatus,
} from '../../lib/calculators/c12-2-budget-variance';
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

type Fields = typeof budgetVariance.fields;
const flagged = (status: VarianceStatus) => status === 'alert' || status === 'unbudgeted';

export default function BudgetVariance({ locale, ui, t }: IslandProps<CalculatorStrings<'C12.2'>>) {
  const { ctx, setCurrency } = useIslandContext('C12.2', locale, ui);
  const def = useMemo(() => {
    const name = (rows: RawRow<VarianceColumns>[], names: readonly string[]) => rows.map((row, i) => ({ ...row, name: names[i] ?? row.name }));
    return { ...budgetVariance, defaultRows: name(budgetVariance.defaultRows!, t.defaultLines), exampleRows: name(budgetVariance.exampleRows!, t.exampleLines) };
  }, [t]);
  const state = useCalculatorState(def);
  const f = ctx.format;
  const r: Partial<BudgetVarianceResults> = state.output.results;
  const tr = t.results;
  const c = t.charts;
  const issues = state.output.issues;
  const { fieldErrors, rowIssues, listed } = splitIssues(issues);
  const field = fieldRenderers(ctx, def.fields, state, t.fields, fieldErrors);

  const nameOfRow = (row: number) => state.rows[row]?.name || interpolate(t.lineN, { n: row + 1 });
  const signedMoney = (v: number) => (round9(v) > 0 ? `+${f.money(v)}` : f.money(v));
  const lines = r.lines ?? [];
  const totals = r.totals;
  const na = ui.kit.notAvailable;

  const items: ResultItem[] = [
    { key: 'budgetToDate', label: tr.budgetToDate, value: totals ? f.money(totals.budgetToDate) : undefined },
    { key: 'actual', label: tr.actual, value: totals ? f.money(totals.actual) : undefined },
    {
      key: 'variance',
      label: tr.variance,
      value: totals ? signedMoney(totals.variance) : undefined,
      detail: totals?.variancePct === undefined ? undefined : f.signedPercent(totals.variancePct, 1),
      emphasis: true,
    },
    { key: 'status', label: tr.totalStatus, value: totals ? tr.statuses[totals.status] : undefined },
    { key: 'forecast', label: tr.forecast, value: totals?.forecast === undefined ? undefined : f.money(totals.forecast) },
    { key: 'projectedVariance', label: tr.projectedVariance, value: totals?.projectedVariance === undefined ? undefined : signedMoney(totals.projectedVariance) },
    { key: 'nextReview', label: tr.nextReview, value: r.nextReview === undefined ? undefined : interpolate(tr.nextReviewValue, { n: r.nextReview }) },
    {
      key: 'needsExplanation',
      label: tr.needsExplanation,
      value: r.needsExplanation ? (r.needsExplanation.length ? r.needsExplanation.map(nameOfRow).join(', ') : tr.noneNeedExplanation) : undefined,
    },
  ];

  const headers = [tr.line, tr.budget, tr.budgetToDate, tr.actual, tr.variance, tr.variancePct, tr.status, tr.forecast, tr.projectedVariance];
  const varianceRows = lines.map((l) => [
    nameOfRow(l.row),
    f.money(l.budget),
    f.money(l.budgetToDate),
    f.money(l.actual),
    signedMoney(l.variance),
    l.variancePct === undefined ? na : f.signedPercent(l.variancePct, 1),
    tr.statuses[l.status],
    l.forecast === undefined ? na : f.money(l.forecast),
    l.projectedVariance === undefined ? na : signedMoney(l.projectedVariance),
  ]);
  const totalRow = totals
    ? [
        tr.total,
        f.money(totals.budget),
        f.money(totals.budgetToDate),
        f.money(totals.actual),
        signedMoney(totals.variance),
        totals.variancePct === undefined ? na : f.signedPercent(totals.variancePct, 1),
        tr.statuses[totals.status],
        totals.forecast === undefined ? na : f.money(totals.forecast),
        totals.projectedVariance === undefined ? na : signedMoney(totals.projectedVariance),
      ]
    : null;
  const flexLines = lines.filter((l) => l.flexible);
  const flexHeaders = [tr.line, tr.flexBudget, tr.staticBudget, tr.spendingVariance, tr.activityVariance];
  const flexRows = flexLines.map((l) => [
    nameOfRow(l.row),
    f.money(l.flexible!.flexBudget),
    f.money(l.flexible!.staticBudget),
    signedMoney(l.flexible!.spendingVariance),
    signedMoney(l.flexible!.activityVariance),
  ]);

  const columnKeys = Object.keys(budgetVariance.table!.columns) as (keyof VarianceColumns)[];
  const csvRows = (): CsvRow[] => [
    ...(Object.keys(budgetVariance.fields) as (keyof Fields)[]).map((key) => ({
      section: 'input' as const,
      label: t.fields[key],
      value: key === 'cadence' ? t.cadences[state.raw.cadence as Cadence] ?? state.raw.cadence : state.raw[key],
    })),
    ...state.rows.flatMap((row, i) =>
      columnKeys.map((k) => ({
        section: 'input' as const,
        label: `${interpolate(ui.kit.rowN, { n: i + 1 })} · ${t.columns[k]}`,
        value: k === 'phasing' ? t.columnChoices.phasing[row.phasing as 'even' | 'monthly'] ?? row.phasing : row[k],
      })),
    ),
    ...items.map((item) => ({ section: 'result' as const, label: item.label, value: item.value ?? '' })),
    ...[...varianceRows, ...(totalRow ? [totalRow] : [])].flatMap((row) => headers.slice(1).map((h, j) => ({ section: 'result' as const, label: `${row[0]} · ${h}`, value: row[j + 1]! }))),
    ...flexRows.flatMap((row) => flexHeaders.slice(1).map((h, j) => ({ section: 'result' as const, label: `${row[0]} · ${h}`, value: row[j + 1]! }))),
  ];

  const table = (id: string, caption: string, head: string[], body: string[][], foot: string[] | null, flagCol = -1, flags: boolean[] = []) => (
    <div class="calc-table">
      <div class="calc-table-scroll" tabIndex={0}>
        <table data-result={id}>
          <caption>{caption}</caption>
          <thead>
            <tr>{head.map((h) => <th scope="col" key={h}>{h}</th>)}</tr>
          </thead>
          <tbody>
            {body.map((row, i) => (
              <tr key={i} data-status={id === 'lines' ? lines[i]!.status : undefined}>
                {row.map((cell, j) => (j === 0 ? <th scope="row" key={j}>{cell}</th> : <td key={j} class={j === flagCol && flags[i] ? 'calc-flag--alert' : undefined}>{cell}</td>))}
              </tr>
            ))}
          </tbody>
          {foot ? (
            <tfoot>
              <tr>{foot.map((cell, j) => (j === 0 ? <th scope="row" key={j}>{cell}</th> : <td key={j}>{cell}</td>))}</tr>
            </tfoot>
          ) : null}
        </table>
      </div>
    </div>
  );

  const cumulative = r.cumulative ?? [];
  const monthLabel = (m: number) => (m === 0 ? c.start : interpolate(c.monthN, { n: m }));

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
            <legend>{t.sections.review}</legend>
            {field.number('monthsElapsed')}
            {field.number('alertThreshold')}
            {field.number('underspendThreshold')}
            {field.choice('cadence', t.cadences as Record<Cadence, string>)}
          </fieldset>
          <RowTable
            ctx={ctx}
            caption={t.tableCaption}
            spec={budgetVariance.table!}
            {...rowTableState(state)}
            labels={t.columns}
            choiceLabels={t.columnChoices}
            issues={rowIssues}
            blankRow={(index) => ({ ...blankVarianceRow(), name: interpolate(t.lineN, { n: index + 1 }) })}
          />
        </>
      }
      results={
        <>
          <ResultList ctx={ctx} items={items} />
          {r.needsExplanation?.length ? <p class="calc-hint">{tr.explainPrompt}</p> : null}
          {lines.length ? table('lines', tr.tableCaption, headers, varianceRows, totalRow, 6, lines.map((l) => flagged(l.status))) : null}
          {flexRows.length ? table('flexible', tr.flexCaption, flexHeaders, flexRows, null) : null}
          <IssueList ctx={ctx} issues={listed} />
        </>
      }
      charts={
        <>
          <ChartFigure
            ctx={ctx}
            id="budget-vs-actual"
            title={c.barTitle}
            description={c.barDescription}
            dataKey={JSON.stringify([lines.map((l) => [nameOfRow(l.row), l.budgetToDate, l.actual, l.status]), locale, f.currency])}
            config={
              lines.length
                ? (p) => ({
                    type: 'bar',
                    data: {
                      labels: lines.map((l) => nameOfRow(l.row)),
                      datasets: [
                        { label: c.budgetToDate, data: lines.map((l) => l.budgetToDate), backgroundColor: p.series[0], skipNull: true },
                        // Two datasets so the legend names the alert colour; skipNull keeps the groups tight.
                        { label: c.actual, data: lines.map((l) => (flagged(l.status) ? null : l.actual)), backgroundColor: p.series[1], skipNull: true },
                        { label: c.actualAlert, data: lines.map((l) => (flagged(l.status) ? l.actual : null)), backgroundColor: p.alert, skipNull: true },
                      ],
                    },
                    options: {
                      scales: { y: { ticks: { callback: (v) => f.compactMoney(Number(v)) } } },
                      plugins: {
                        tooltip: {
                          callbacks: {
                            label: (item) => {
                              const l = lines[item.dataIndex];
                              const base = `${item.dataset.label}: ${f.money(item.parsed.y ?? 0)}`;
                              return item.datasetIndex === 2 && l ? `${base} (${t.results.statuses[l.status]})` : base;
                            },
                          },
                        },
                      },
                    },
                  })
                : null
            }
            table={{
              columns: [tr.line, c.budgetToDate, c.actual, tr.status],
              rows: lines.map((l) => [nameOfRow(l.row), f.money(l.budgetToDate), f.money(l.actual), tr.statuses[l.status]]),
            }}
          />
          <ChartFigure
            ctx={ctx}
            id="cumulative"
            title={c.lineTitle}
            description={c.lineDescription}
            dataKey={JSON.stringify([cumulative, locale, f.currency])}
            config={
              cumulative.length
                ? (p) => ({
                    type: 'line',
                    data: {
                      datasets: [
                        { label: c.plan, data: cumulative.map((pt) => ({ x: pt.month, y: pt.plan })), borderColor: p.series[0], backgroundColor: p.series[0], pointRadius: 2 },
                        { label: c.alertLine, data: cumulative.map((pt) => ({ x: pt.month, y: pt.alertLine })), borderColor: p.alert, backgroundColor: p.alert, borderDash: [6, 4], pointRadius: 0 },
                        {
                          label: c.forecast,
                          data: cumulative.filter((pt) => pt.forecast !== undefined).map((pt) => ({ x: pt.month, y: pt.forecast! })),
                          borderColor: p.series[1],
                          backgroundColor: p.series[1],
                          borderDash: [2, 3],
                          pointRadius: 0,
                        },
                        {
                          type: 'scatter' as const,
                          label: c.actualToDate,
                          data: cumulative.filter((pt) => pt.actual !== undefined).map((pt) => ({ x: pt.month, y: pt.actual! })),
                          borderColor: p.series[1],
                          backgroundColor: p.series[1],
                          pointRadius: 6,
                        },
                      ],
                    },
                    options: {
                      parsing: false,
                      scales: {
                        x: { type: 'linear', min: 0, max: 12, title: { display: true, text: c.month }, ticks: { stepSize: 1, callback: (v) => monthLabel(Number(v)) } },
                        y: { type: 'linear', ticks: { callback: (v) => f.compactMoney(Number(v)) } },
                      },
                      plugins: {
                        tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${f.money(item.parsed.y ?? 0)} (${monthLabel(item.parsed.x ?? 0)})` } },
                      },
                    },
                  })
                : null
            }
            table={{
              columns: [c.month, c.plan, c.alertLine, c.actualToDate, c.forecast],
              rows: cumulative.map((pt) => [
                monthLabel(pt.month),
                f.money(pt.plan),
                f.money(pt.alertLine),
                pt.actual === undefined ? na : f.money(pt.actual),
                pt.forecast === undefined ? na : f.money(pt.forecast),
              ]),
            }}
          />
        </>
      }
    />
  );
}
