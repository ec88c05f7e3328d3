/** C04.2 island: product lines (RowTable); contribution margins, both readings of "15% above the mean", portfolio rate and 30/40/30 mix. */
import { useMemo } from 'preact/hooks';
import { contributionMix, blankLineRow, type LineColumns, type LineClass, type UpliftReading } from '../../lib/calculators/c04-2-contribution-mix';
import { chart } from '../../lib/kit/chart-config';
import { interpolate } from '../../lib/kit/format';
import type { RawRow } from '../../lib/kit/rows';
import type { CalculatorStrings } from '../../i18n/en/index';
import { CalculatorFrame, type CsvRow } from '../calculator/CalculatorFrame';
import { ChartFigure } from '../calculator/ChartFigure';
import { declareResults, present, ResultTable, tableCsvRows } from '../calculator/Results';
import { RowTable } from '../calculator/RowTable';
import { useIslandContext, type IslandProps } from '../calculator/island';
import { useCalculatorState } from '../calculator/useCalculatorState';
import { fieldRenderers, rowTableState, splitIssues } from '../calculator/wiring';

export default function ContributionMix({ locale, ui, t }: IslandProps<CalculatorStrings<'C04.2'>>) {
  const { ctx, setCurrency } = useIslandContext('C04.2', locale, ui);
  // Unnamed default lines get "Line n" in the reader's language.
  const def = useMemo(() => {
    const named = contributionMix.defaultRows!.map((row, i) => ({ ...row, name: row.name || interpolate(t.lineN, { n: i + 1 }) }));
    return { ...contributionMix, defaultRows: named };
  }, [t]);
  const state = useCalculatorState(def);
  const f = ctx.format;
  const r = state.output.results;
  const tr = t.results;
  const c = t.charts;
  const na = ui.kit.notAvailable;
  const { fieldErrors, rowIssues, listed } = splitIssues(state.output.issues);
  const field = fieldRenderers(ctx, contributionMix.fields, state, t.fields, fieldErrors);
  const res = declareResults(r, tr);

  const items = present([
    res('portfolioRate', 'percent', { digits: 2, emphasis: true, detail: r.portfolioPass === undefined ? undefined : r.portfolioPass ? tr.portfolioPass : tr.portfolioFail }),
    res('upperRelative', 'percent', { digits: 2, emphasis: state.raw.reading === 'relative' }),
    res('upperPoints', 'percent', { digits: 2, emphasis: state.raw.reading === 'points' }),
    res('totalCm', 'money'),
    res('revenue', 'money', { key: 'totalRevenue', value: r.totalRevenue }),
  ]);

  const lines = r.lines ?? [];
  const nameOfRow = (row: number) => state.rows[row]?.name || interpolate(t.lineN, { n: row + 1 });
  const cls = (k: LineClass | undefined) => (k ? t.classes[k] : na);
  const money = (v: number | undefined) => (v === undefined ? na : f.money(v));
  const headers = [tr.line, tr.unitCm, tr.cmRate, tr.totalCm, tr.revenue, tr.classRelative, tr.classPoints];
  const rows = lines.map((l) => [nameOfRow(l.row), money(l.unitCm), l.cmRate === undefined ? na : f.percent(l.cmRate, 2), money(l.totalCm), money(l.revenue), cls(l.classRelative), cls(l.classPoints)]);
  const mix = r.mix ?? [];
  const roleName = (role: keyof typeof t.columnChoices.role) => t.columnChoices.role[role];
  const pass = (ok: boolean) => (ok ? tr.mixPass : tr.mixFail);
  const mixHeaders = [tr.role, tr.target, tr.byCount, tr.byRevenue, tr.deviation];
  const mixRows = mix.map((m) => [
    roleName(m.role),
    f.percent(m.target, 0),
    `${f.percent(m.byCount, 1)} (${pass(m.passByCount)})`,
    `${f.percent(m.byRevenue, 1)} (${pass(m.passByRevenue)})`,
    f.signedPercent(m.deviationByRevenue, 1),
  ]);
  const rated = lines.filter((l) => l.cmRate !== undefined);
  const flat = (value: number | undefined) => rated.map(() => value ?? null);

  const columnKeys = Object.keys(contributionMix.table!.columns) as (keyof LineColumns)[];
  const csvInputs = (): CsvRow[] => [
    ...(Object.keys(contributionMix.fields) as (keyof typeof contributionMix.fields)[]).map((key) => ({
      section: 'input' as const,
      label: t.fields[key],
      value: key === 'reading' ? t.choices[state.raw.reading as UpliftReading] ?? state.raw.reading : state.raw[key],
    })),
    ...state.rows.flatMap((row, i) =>
      columnKeys.map((k) => ({
        section: 'input' as const,
        label: `${interpolate(ui.kit.rowN, { n: i + 1 })} · ${t.columns[k]}`,
        value: k === 'role' ? t.columnChoices.role[row.role as 'cash'] ?? row.role : row[k],
      })),
    ),
  ];
  const blankRow = (index: number): RawRow<LineColumns> => ({ ...blankLineRow(), name: interpolate(t.lineN, { n: index + 1 }) });

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
      csvExtra={() => [...tableCsvRows(headers, rows), ...tableCsvRows(mixHeaders, mixRows)]}
      inputs={
        <>
          <RowTable ctx={ctx} caption={t.tableCaption} spec={contributionMix.table!} {...rowTableState(state)} labels={t.columns} choiceLabels={t.columnChoices} issues={rowIssues} blankRow={blankRow} />
          {field.number('industryMean')}
          {field.choice('reading', { relative: t.choices.relative, points: t.choices.points }, { hint: t.hints.reading })}
          {field.number('uplift')}
          {field.number('reviewThreshold')}
          {field.number('portfolioTarget')}
          {field.number('targetCash')}
          {field.number('targetGrowth')}
          {field.number('targetRd')}
          {field.number('tolerance')}
        </>
      }
      results={
        <>
          <ResultTable ctx={ctx} id="lines" caption={t.tableCaption} headers={headers} rows={rows} />
          {mixRows.length > 0 && <ResultTable ctx={ctx} id="mix" caption={c.mixTitle} headers={mixHeaders} rows={mixRows} />}
        </>
      }
      charts={
        <>
          <ChartFigure
            ctx={ctx}
            id="rates"
            title={c.ratesTitle}
            description={c.ratesDescription}
            dataKey={JSON.stringify([rated, r.upper, locale])}
            config={
              rated.length > 0 &&
              chart('bar', {
                labels: rated.map((l) => nameOfRow(l.row)),
                series: [
                  { label: tr.cmRate, data: rated.map((l) => l.cmRate!), color: (p) => rated.map((l) => (l.class === 'restructure' ? p.alert : p.series[0]!)) },
                  { type: 'line', label: t.fields.reviewThreshold, data: flat(state.read.values.reviewThreshold ?? undefined), dash: true, color: 'alert' },
                  { type: 'line', label: state.raw.reading === 'points' ? tr.upperPoints : tr.upperRelative, data: flat(r.upper), dash: true, color: 1 },
                  { type: 'line', label: t.fields.portfolioTarget, data: flat(state.read.values.portfolioTarget ?? undefined), dash: true, color: 2 },
                ],
                y: { format: (v) => f.percent(v, 0), beginAtZero: true },
              })
            }
            table={{ columns: [tr.line, tr.cmRate, tr.class], rows: rated.map((l) => [nameOfRow(l.row), f.percent(l.cmRate!, 2), cls(l.class)]) }}
          />
          <ChartFigure
            ctx={ctx}
            id="mix"
            title={c.mixTitle}
            description={c.mixDescription}
            dataKey={JSON.stringify([mix, locale])}
            config={
              mix.length > 0 &&
              chart('bar', {
                labels: [tr.byRevenue, tr.target],
                horizontal: true,
                stacked: true,
                series: mix.map((m, i) => ({ label: roleName(m.role), data: [m.byRevenue, m.target], color: i })),
                x: { min: 0, max: 1, format: (v) => f.percent(v, 0) },
              })
            }
            table={{ columns: mixHeaders.slice(0, 4), rows: mixRows.map((row) => row.slice(0, 4)) }}
          />
        </>
      }
    />
  );
}
