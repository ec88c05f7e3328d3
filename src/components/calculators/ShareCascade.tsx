/** C01.1 island: market-share cascade under both readings, quarterly milestones and department split. */
import { useMemo } from 'preact/hooks';
import { blankDepartmentRow, shareCascade, type DepartmentColumns, type ShareReading } from '../../lib/calculators/c01-1-share-cascade';
import { chart } from '../../lib/kit/chart-config';
import { interpolate } from '../../lib/kit/format';
import type { RawRow } from '../../lib/kit/rows';
import type { CalculatorStrings } from '../../i18n/en/index';
import { CalculatorFrame, type CsvRow } from '../calculator/CalculatorFrame';
import { ChartFigure } from '../calculator/ChartFigure';
import { declareResults, ResultTable, tableCsvRows } from '../calculator/Results';
import { RowTable } from '../calculator/RowTable';
import { useIslandContext, type IslandProps } from '../calculator/island';
import { useCalculatorState } from '../calculator/useCalculatorState';
import { fieldRenderers, rowTableState, splitIssues } from '../calculator/wiring';

export default function ShareCascade({ locale, ui, t }: IslandProps<CalculatorStrings<'C01.1'>>) {
  const { ctx, setCurrency } = useIslandContext('C01.1', locale, ui);
  // The illustrative departments, named in the reader's language (the module holds no reader text).
  const def = useMemo(() => {
    const named = shareCascade.defaultRows!.map((row, i) => ({ ...row, name: row.name || (t.defaultDepartments[i] ?? '') }));
    return { ...shareCascade, defaultRows: named };
  }, [t]);
  const state = useCalculatorState(def);
  const f = ctx.format;
  const r = state.output.results;
  const tr = t.results;
  const c = t.charts;
  const { fieldErrors, rowIssues, listed } = splitIssues(state.output.issues);
  const field = fieldRenderers(ctx, shareCascade.fields, state, t.fields, fieldErrors);

  const res = declareResults(r, tr);
  const items = [
    res('firstYearGrowthRelative', 'signedPercent', { digits: 1, emphasis: state.raw.reading === 'relative' }),
    res('firstYearGrowthPoints', 'signedPercent', { digits: 1, emphasis: state.raw.reading === 'points' }),
    res('finalRevenue', 'money', { emphasis: true }),
  ];

  const years = r.years ?? [];
  const yearName = (y: number) => (y === 0 ? tr.today : f.integer(y));
  const yearHeaders = [tr.year, tr.marketSize, tr.shareRelative, tr.revenueRelative, tr.sharePoints, tr.revenuePoints];
  const yearRows = years.map((y) => [yearName(y.year), f.money(y.marketSize), f.percent(y.shareRelative, 2), f.money(y.revenueRelative), f.percent(y.sharePoints, 2), f.money(y.revenuePoints)]);
  const quarters = r.quarters ?? [];
  const quarterLabel = (q: { year: number; quarter: number }) => `${f.integer(q.year)} · ${interpolate(tr.quarterN, { n: q.quarter })}`;
  const quarterHeaders = [tr.year, tr.quarter, tr.milestone];
  const quarterRows = quarters.map((q) => [f.integer(q.year), interpolate(tr.quarterN, { n: q.quarter }), f.money(q.revenue)]);
  const departments = r.departments ?? [];
  const planYears = years.filter((y) => y.year > 0).map((y) => y.year);
  const nameOfRow = (row: number) => state.rows[row]?.name || interpolate(ui.kit.rowN, { n: row + 1 });
  const departmentHeaders = [tr.department, tr.departmentShare, ...planYears.map((y) => `${tr.departmentTarget} · ${tr.year} ${f.integer(y)}`)];
  const departmentRows = departments.map((d) => [nameOfRow(d.row), f.percent(d.weightShare, 1), ...d.revenueByYear.map((v) => f.money(v))]);

  const columnKeys = Object.keys(shareCascade.table!.columns) as (keyof DepartmentColumns)[];
  const csvInputs = (): CsvRow[] => [
    ...(Object.keys(shareCascade.fields) as (keyof typeof shareCascade.fields)[]).map((key) => ({
      section: 'input' as const,
      label: t.fields[key],
      value: key === 'reading' ? t.choices[state.raw.reading as ShareReading] ?? state.raw.reading : state.raw[key],
    })),
    ...state.rows.flatMap((row, i) => columnKeys.map((k) => ({ section: 'input' as const, label: `${interpolate(ui.kit.rowN, { n: i + 1 })} · ${t.columns[k]}`, value: row[k] }))),
  ];
  const csvExtra = () => [...tableCsvRows(yearHeaders, yearRows), ...tableCsvRows(quarterHeaders, quarterRows), ...tableCsvRows(departmentHeaders, departmentRows)];
  const blankRow = (): RawRow<DepartmentColumns> => blankDepartmentRow();

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
          {field.number('marketSize')}
          {field.number('marketGrowth')}
          {field.number('currentShare')}
          {field.number('shareGain', { hint: t.hints.shareGain })}
          {field.choice('reading', t.choices)}
          {field.number('horizon')}
          {field.number('q1', { hint: t.hints.q1 })}
          {field.number('q2')}
          {field.number('q3')}
          {field.number('q4')}
          <RowTable ctx={ctx} caption={t.tableCaption} spec={shareCascade.table!} {...rowTableState(state)} labels={t.columns} issues={rowIssues} blankRow={blankRow} />
        </>
      }
      results={
        <>
          <ResultTable ctx={ctx} id="years" caption={c.shareTitle} headers={yearHeaders} rows={yearRows} />
          <ResultTable ctx={ctx} id="quarters" caption={c.quartersTitle} headers={quarterHeaders} rows={quarterRows} />
          {departmentRows.length > 0 && <ResultTable ctx={ctx} id="departments" caption={t.tableCaption} headers={departmentHeaders} rows={departmentRows} />}
        </>
      }
      charts={
        <>
          <ChartFigure
            ctx={ctx}
            id="share-path"
            title={c.shareTitle}
            description={c.shareDescription}
            dataKey={JSON.stringify([years, locale])}
            config={
              years.length > 0 &&
              chart('line', {
                series: [
                  { label: tr.shareRelative, data: years.map((y) => ({ x: y.year, y: y.shareRelative })), points: 3 },
                  { label: tr.sharePoints, data: years.map((y) => ({ x: y.year, y: y.sharePoints })), points: 3, dash: true },
                ],
                x: { title: tr.year, format: f.integer },
                y: { format: (v) => f.percent(v, 0), beginAtZero: true },
              })
            }
            table={{ columns: [tr.year, tr.shareRelative, tr.sharePoints], rows: years.map((y) => [yearName(y.year), f.percent(y.shareRelative, 2), f.percent(y.sharePoints, 2)]) }}
          />
          <ChartFigure
            ctx={ctx}
            id="quarters"
            title={c.quartersTitle}
            description={c.quartersDescription}
            dataKey={JSON.stringify([quarters, locale, f.currency])}
            config={
              quarters.length > 0 &&
              chart('bar', {
                labels: quarters.map(quarterLabel),
                series: [{ label: tr.milestone, data: quarters.map((q) => q.revenue) }],
                y: { format: f.compactMoney },
              })
            }
            table={{ columns: [tr.quarter, tr.milestone], rows: quarters.map((q) => [quarterLabel(q), f.money(q.revenue)]) }}
          />
        </>
      }
    />
  );
}
