/** C12.2 island: budget lines (RowTable) and review settings; variance table, explanations list, flexible budget and charts. */
import { useMemo } from 'preact/hooks';
import {
  blankVarianceRow,
  budgetVariance,
  type Cadence,
  type VarianceColumns,
  type VarianceStatus,
} from '../../lib/calculators/c12-2-budget-variance';
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
  const r = state.output.results;
  const tr = t.results;
  const c = t.charts;
  const issues = state.output.issues;
  const { fieldErrors, rowIssues, listed } = splitIssues(issues);
  const field = fieldRenderers(ctx, def.fields, state, t.fields, fieldErrors);

  const nameOfRow = (row: number) => state.rows[row]?.name || interpolate(t.lineN, { n: row + 1 });
  const lines = r.lines ?? [];
  const totals = r.totals;
  const na = ui.kit.notAvailable;

  const res = declareResults(totals ?? {}, tr);
  const items = [
    res('budgetToDate', 'money'),
    res('actual', 'money'),
    res('variance', 'signedMoney', { detail: totals?.variancePct === undefined ? undefined : f.signedPercent(totals.variancePct, 1), emphasis: true }),
    res('totalStatus', 'text', { key: 'status', value: totals && tr.statuses[totals.status], emphasis: true }),
    res('forecast', 'money'),
    res('projectedVariance', 'signedMoney'),
    res('nextReview', 'text', { value: r.nextReview === undefined ? undefined : interpolate(tr.nextReviewValue, { n: r.nextReview }) }),
    res('needsExplanation', 'text', { value: r.needsExplanation && (r.needsExplanation.length ? r.needsExplanation.map(nameOfRow).join(', ') : tr.noneNeedExplanation) }),
  ];

  const headers = [tr.line, tr.budget, tr.budgetToDate, tr.actual, tr.variance, tr.variancePct, tr.status, tr.forecast, tr.projectedVariance];
  const varianceRows = lines.map((l) => [
    nameOfRow(l.row),
    f.money(l.budget),
    f.money(l.budgetToDate),
    f.money(l.actual),
    f.signedMoney(l.variance),
    l.variancePct === undefined ? na : f.signedPercent(l.variancePct, 1),
    tr.statuses[l.status],
    l.forecast === undefined ? na : f.money(l.forecast),
    l.projectedVariance === undefined ? na : f.signedMoney(l.projectedVariance),
  ]);
  const totalRow = totals
    ? [
        tr.total,
        f.money(totals.budget),
        f.money(totals.budgetToDate),
        f.money(totals.actual),
        f.signedMoney(totals.variance),
        totals.variancePct === undefined ? na : f.signedPercent(totals.variancePct, 1),
        tr.statuses[totals.status],
        totals.forecast === undefined ? na : f.money(totals.forecast),
        totals.projectedVariance === undefined ? na : f.signedMoney(totals.projectedVariance),
      ]
    : null;
  const flexLines = lines.filter((l) => l.flexible);
  const flexHeaders = [tr.line, tr.flexBudget, tr.staticBudget, tr.spendingVariance, tr.activityVariance];
  const flexRows = flexLines.map((l) => [
    nameOfRow(l.row),
    f.money(l.flexible!.flexBudget),
    f.money(l.flexible!.staticBudget),
    f.signedMoney(l.flexible!.spendingVariance),
    f.signedMoney(l.flexible!.activityVariance),
  ]);

  const columnKeys = Object.keys(budgetVariance.table!.columns) as (keyof VarianceColumns)[];
  const csvInputs = (): CsvRow[] => [
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
  ];
  const csvExtra = () => [...tableCsvRows(headers, [...varianceRows, ...(totalRow ? [totalRow] : [])]), ...tableCsvRows(flexHeaders, flexRows)];

  const cumulative = r.cumulative ?? [];
  const monthLabel = (m: number) => (m === 0 ? c.start : interpolate(c.monthN, { n: m }));

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
          {r.needsExplanation?.length ? <p class="calc-hint">{tr.explainPrompt}</p> : null}
          {lines.length > 0 && (
            <ResultTable
              ctx={ctx}
              id="lines"
              caption={tr.tableCaption}
              headers={headers}
              rows={varianceRows}
              footer={totalRow}
              rowAttrs={(i) => ({ 'data-status': lines[i]!.status })}
              cellClass={(i, j) => (j === 6 && flagged(lines[i]!.status) ? 'calc-flag--alert' : undefined)}
            />
          )}
          {flexRows.length > 0 && <ResultTable ctx={ctx} id="flexible" caption={tr.flexCaption} headers={flexHeaders} rows={flexRows} />}
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
              lines.length > 0 &&
              chart('bar', {
                labels: lines.map((l) => nameOfRow(l.row)),
                // Two actual series so the legend names the alert colour; skipNull keeps the groups tight.
                series: [
                  { label: c.budgetToDate, data: lines.map((l) => l.budgetToDate), extra: { skipNull: true } },
                  { label: c.actual, data: lines.map((l) => (flagged(l.status) ? null : l.actual)), extra: { skipNull: true } },
                  { label: c.actualAlert, data: lines.map((l) => (flagged(l.status) ? l.actual : null)), color: 'alert', extra: { skipNull: true } },
                ],
                x: { category: true },
                y: { format: f.compactMoney },
                tooltip: (item) => {
                  const l = lines[item.dataIndex];
                  const base = `${item.dataset.label}: ${f.money(item.parsed.y ?? 0)}`;
                  return item.datasetIndex === 2 && l ? `${base} (${tr.statuses[l.status]})` : base;
                },
              })
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
              cumulative.length > 0 &&
              chart('line', {
                series: [
                  { label: c.plan, data: cumulative.map((pt) => ({ x: pt.month, y: pt.plan })), points: 2 },
                  { label: c.alertLine, data: cumulative.map((pt) => ({ x: pt.month, y: pt.alertLine })), color: 'alert', dash: true },
                  { label: c.forecast, data: cumulative.filter((pt) => pt.forecast !== undefined).map((pt) => ({ x: pt.month, y: pt.forecast! })), color: 2, extra: { borderDash: [2, 3] } },
                  { type: 'scatter', label: c.actualToDate, data: cumulative.filter((pt) => pt.actual !== undefined).map((pt) => ({ x: pt.month, y: pt.actual! })), color: 1, points: 6 },
                ],
                x: { title: c.month, min: 0, max: 12, format: monthLabel },
                y: { format: f.compactMoney },
                tooltip: (item) => `${item.dataset.label}: ${f.money(item.parsed.y ?? 0)} (${monthLabel(item.parsed.x ?? 0)})`,
              })
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
