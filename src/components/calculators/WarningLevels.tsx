/** C13.3 island: warning indicators (RowTable), red / yellow / blue level, who acts, red escalation deadline against the time now; history chart with threshold lines. */
import { useMemo } from 'preact/hooks';
import { blankIndicatorRow, warningLevels, warningLevelsCalculator, type ClockTime, type IndicatorColumns, type IndicatorResult } from '../../lib/calculators/c13-3-warning-levels';
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

const pad = (n: number) => String(n).padStart(2, '0');
const clockText = (minute: number) => `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
const dateText = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

export default function WarningLevels({ locale, ui, t }: IslandProps<CalculatorStrings<'C13.3'>>) {
  const { ctx, setCurrency } = useIslandContext('C13.3', locale, ui);
  // "Time now" is typed by the reader (its hint says how): a clock filled in on hydration would make
  // the live calculator differ from the page read without JavaScript.
  const def = useMemo(() => {
    const named = (rows: RawRow<IndicatorColumns>[], names: readonly string[]) => rows.map((row, i) => ({ ...row, name: names[i] ?? row.name }));
    const c = warningLevelsCalculator;
    return { ...c, defaultRows: named(c.defaultRows!, t.defaultIndicators), exampleRows: named(c.exampleRows!, t.exampleIndicators) };
  }, [t]);
  const state = useCalculatorState(def);
  const f = ctx.format;
  const r = state.output.results;
  const tr = t.results;
  const na = ui.kit.notAvailable;
  const { fieldErrors, rowIssues, listed } = splitIssues(state.output.issues);
  const field = fieldRenderers(ctx, warningLevelsCalculator.fields, state, t.fields, fieldErrors);
  const res = declareResults(r, tr);

  const counts = r.counts;
  const items = present([
    ...[...warningLevels].reverse().map((level) =>
      res('counts', 'count', { key: `counts.${level}`, label: tr.levels[level], value: counts?.[level], group: tr.counts, emphasis: level === 'red' || level === 'yellow' }),
    ),
    res('overdue', 'count', { key: 'overdueCount', value: r.overdueCount, emphasis: true }),
  ]);

  const nameOf = (row: number) => state.rows[row]?.name || interpolate(t.indicatorN, { n: row + 1 });
  const byRow = new Map((r.indicators ?? []).map((x) => [x.row, x]));
  const ordered: IndicatorResult[] = (r.reviewOrder ?? []).map((i) => byRow.get(i)!).filter(Boolean);
  const deadlineText = (d: ClockTime & { dayOffset: number }) => {
    if (d.day !== null) return `${dateText(d.day)} ${clockText(d.minute)}`;
    const time = clockText(d.minute);
    return d.dayOffset === 0 ? time : d.dayOffset === 1 ? interpolate(tr.nextDay, { time }) : interpolate(tr.laterDay, { time, days: f.integer(d.dayOffset) });
  };
  const leftText = (x: IndicatorResult) => {
    if (x.minutesLeft === undefined) return na;
    const text = `${x.minutesLeft < 0 ? '−' : ''}${clockText(Math.abs(x.minutesLeft))}`;
    return x.overdue ? `${text} · ${tr.overdue}` : text;
  };
  const headers = [t.columns.name, t.columns.type, t.columns.current, tr.level, tr.rights, tr.deadline, tr.minutesLeft];
  const rows = ordered.map((x) => {
    const row = state.rows[x.row];
    const current = state.rowReads[x.row]?.values.current;
    return [
      nameOf(x.row),
      row ? (t.types[row.type as keyof typeof t.types] ?? row.type) : na,
      current == null ? na : f.number(current, 2),
      tr.levels[x.level],
      tr.rightsText[x.rights],
      x.deadline ? deadlineText(x.deadline) : na,
      leftText(x),
    ];
  });
  // The history chart shows the most severe indicator (the top of the review order).
  const top = ordered[0];
  const points = top?.history ?? [];
  const labels = points.map((_, i) => f.integer(i + 1));
  const level = (key: 'blue' | 'yellow' | 'red', color: number | 'alert') => ({ label: tr.levels[key], data: points.map(() => top!.thresholds[key]), color, dash: true });

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
            spec={warningLevelsCalculator.table!}
            {...rowTableState(state)}
            labels={t.columns}
            choiceLabels={{ type: t.types, direction: t.directions, escalated: t.yesNo }}
            issues={rowIssues}
            blankRow={(index) => ({ ...blankIndicatorRow(), name: interpolate(t.indicatorN, { n: index + 1 }) })}
          />
          <p class="calc-hint">{t.columns.history}{locale === 'en' ? ': ' : '：'}{t.hints.history}</p>
          {field.number('escalationHours', { hint: t.hints.escalationHours })}
          {field.text('asOf', { hint: t.hints.asOf })}
        </>
      }
      results={
        rows.length > 0 && (
          <ResultTable ctx={ctx} id="warnings" caption={t.tableCaption} headers={headers} rows={rows} rowAttrs={(i) => ({ 'data-row': ordered[i]!.row, 'data-level': ordered[i]!.level })} />
        )
      }
      charts={
        <ChartFigure
          ctx={ctx}
          id="history"
          title={top ? `${t.charts.history.title}: ${nameOf(top.row)}` : t.charts.history.title}
          description={t.charts.history.description}
          dataKey={JSON.stringify([top && nameOf(top.row), points, top?.thresholds, locale])}
          config={
            top !== undefined &&
            points.length > 0 &&
            chart('line', {
              labels,
              series: [
                { label: nameOf(top.row), data: points, points: 3, color: 0 },
                level('blue', 2),
                level('yellow', 1),
                level('red', 'alert'),
              ],
              y: { format: (v) => f.number(v, 1) },
            })
          }
          table={{
            columns: [t.columns.history, nameOf(top?.row ?? 0), tr.levels.blue, tr.levels.yellow, tr.levels.red],
            rows: top ? points.map((v, i) => [labels[i]!, f.number(v, 2), f.number(top.thresholds.blue, 2), f.number(top.thresholds.yellow, 2), f.number(top.thresholds.red, 2)]) : [],
          }}
        />
      }
    />
  );
}
