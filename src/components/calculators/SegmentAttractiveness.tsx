/** C03.2 island: segment table (RowTable), weights and cut-offs, score table, nine-cell bubble chart and ranking. */
import { useMemo } from 'preact/hooks';
import {
  blankSegment,
  criteria,
  HIGH_CUT,
  LOW_CUT,
  segmentAttractiveness,
  type CompetitionBasis,
  type Level,
  type SegmentColumns,
  type SegmentResult,
} from '../../lib/calculators/c03-2-segment-attractiveness';
import { chart } from '../../lib/kit/chart-config';
import { nineCellPlugin } from '../../lib/kit/chart-plugins';
import { CalculatorFrame, type CsvRow } from '../calculator/CalculatorFrame';
import { ChartFigure } from '../calculator/ChartFigure';
import { declareResults, ResultTable, tableCsvRows } from '../calculator/Results';
import { RowTable } from '../calculator/RowTable';
import { useIslandContext, type IslandProps } from '../calculator/island';
import { useCalculatorState } from '../calculator/useCalculatorState';
import { fieldRenderers, rowTableState, splitIssues } from '../calculator/wiring';
import { interpolate } from '../../lib/kit/format';
import { largestRemainder } from '../../lib/kit/rounding';
import type { RawRow } from '../../lib/kit/rows';
import type { CalculatorStrings } from '../../i18n/en/index';

type Fields = typeof segmentAttractiveness.fields;
const levelKey: Record<Level, 'low' | 'medium' | 'high'> = { 1: 'low', 2: 'medium', 3: 'high' };

export default function SegmentAttractiveness({ locale, ui, t }: IslandProps<CalculatorStrings<'C03.2'>>) {
  const { ctx, setCurrency } = useIslandContext('C03.2', locale, ui);
  // Default and worked-example segments, named in the reader's language (the module holds no reader text).
  const def = useMemo(() => {
    const name = (rows: typeof segmentAttractiveness.defaultRows, names: readonly string[]) => rows!.map((row, i) => ({ ...row, name: names[i] ?? '' }));
    return { ...segmentAttractiveness, defaultRows: name(segmentAttractiveness.defaultRows, t.defaultSegments), exampleRows: name(segmentAttractiveness.exampleRows, t.exampleSegments) };
  }, [t]);
  const state = useCalculatorState(def);
  const f = ctx.format;
  const r = state.output.results;
  const issues = state.output.issues;
  const field = fieldRenderers(ctx, segmentAttractiveness.fields, state, t.fields, issues);
  const res0 = t.results;
  const c = t.charts;

  const segments = r.segments ?? [];
  const nameOf = (s: SegmentResult) => s.name || interpolate(t.segmentN, { n: s.row + 1 });
  const score = (x: number | undefined) => (x === undefined ? ui.kit.notAvailable : f.ratio(x, 2));
  const cell = (s: SegmentResult) =>
    s.attractivenessLevel && s.abilityLevel
      ? interpolate(res0.cellValue, { a: res0.levels[levelKey[s.attractivenessLevel]], b: res0.levels[levelKey[s.abilityLevel]] })
      : ui.kit.notAvailable;
  const flags = (s: SegmentResult) => (s.flags.length ? s.flags.map((k) => res0.flagNames[k]).join('; ') : res0.noFlags);

  const shares = r.weightShares;
  const sharePercents = shares ? largestRemainder(criteria.map((k) => shares[k] * 100), 0, 100) : null;
  const best = r.ranking?.length ? segments[r.ranking[0]!] : undefined;
  const res = declareResults(r, res0);
  const items = [
    res('best', 'text', { value: best && nameOf(best), detail: best?.total === undefined ? undefined : f.ratio(best.total, 2), emphasis: true }),
    res('weightShares', 'text', {
      value: sharePercents && interpolate(res0.weightSharesValue, Object.fromEntries(criteria.map((k, i) => [k, f.percent(sharePercents[i]! / 100, 0)]))),
    }),
  ];

  // Two narrower tables rather than one wide one: scores and rank, then the nine-cell decision.
  const scoreHeaders = [res0.segment, res0.scoreSize, res0.scoreGrowth, res0.scoreCompetition, res0.scoreFit, res0.scoreMargin, res0.total, res0.rank];
  const scoreRows = segments.map((s) => [
    nameOf(s),
    score(s.scores.size),
    score(s.scores.growth),
    score(s.scores.competition),
    score(s.scores.fit),
    score(s.scores.margin),
    score(s.total),
    s.rank === undefined ? ui.kit.notAvailable : f.integer(s.rank),
  ]);
  const decisionHeaders = [res0.segment, res0.attractiveness, res0.ability, res0.cell, res0.recommendation, res0.flags];
  const decisionRows = segments.map((s) => [
    nameOf(s),
    score(s.attractiveness),
    score(s.ability),
    cell(s),
    s.recommendation ? res0.recommendations[s.recommendation] : ui.kit.notAvailable,
    flags(s),
  ]);
  const columnKeys = Object.keys(segmentAttractiveness.table!.columns) as (keyof SegmentColumns)[];
  const csvInputs = (): CsvRow[] => [
    ...(Object.keys(segmentAttractiveness.fields) as (keyof Fields)[]).map((key) => ({
      section: 'input' as const,
      label: t.fields[key],
      value: key === 'competitionBasis' ? t.choices[state.raw[key] as CompetitionBasis] ?? state.raw[key] : state.raw[key],
    })),
    ...state.rows.flatMap((row, i) =>
      columnKeys.map((k) => ({ section: 'input' as const, label: `${interpolate(ui.kit.rowN, { n: i + 1 })} · ${t.columns[k]}`, value: row[k] })),
    ),
  ];
  const csvExtra = () => [...tableCsvRows(scoreHeaders, scoreRows), ...tableCsvRows(decisionHeaders, decisionRows)];

  // Each cell of the matrix named by its recommendation (rows: attractiveness, columns: ability).
  const cellName = (a: Level, b: Level) => res0.recommendations[a + b >= 5 ? 'invest' : a + b === 4 ? 'selective' : 'harvest'];
  const placed = segments.filter((s) => s.attractiveness !== undefined && s.ability !== undefined);
  const ranked = (r.ranking ?? []).map((i) => segments[i]!);
  const { rowIssues } = splitIssues(issues);
  const generalIssues = issues.filter((i) => i.row === undefined);
  const blankRow = (index: number): RawRow<SegmentColumns> => blankSegment(interpolate(t.segmentN, { n: index + 1 }));

  return (
    <CalculatorFrame
      ctx={ctx}
      t={t}
      state={state}
      onCurrency={setCurrency}
      layout="stacked"
      items={items}
      issues={generalIssues}
      csvInputs={csvInputs}
      csvExtra={csvExtra}
      inputs={
        <>
          <RowTable
            ctx={ctx}
            caption={t.tableCaption}
            spec={segmentAttractiveness.table!}
            {...rowTableState(state)}
            labels={t.columns}
            issues={rowIssues}
            blankRow={blankRow}
          />
          {field.choice('competitionBasis', t.choices as Record<CompetitionBasis, string>)}
          <h4 class="calc-wide">{t.sections.weights}</h4>
          {field.number('weightSize')}
          {field.number('weightGrowth')}
          {field.number('weightCompetition')}
          {field.number('weightFit')}
          {field.number('weightMargin')}
          <h4 class="calc-wide">{t.sections.rules}</h4>
          {field.number('leaderCutoff')}
          {field.number('cr5Cutoff')}
          {field.number('fitCutoff')}
          {field.number('growthCutoff')}
        </>
      }
      results={
        <>
          <ResultTable ctx={ctx} id="scores" caption={res0.tableCaption} headers={scoreHeaders} rows={scoreRows} />
          <ResultTable ctx={ctx} id="decision" caption={res0.decisionCaption} headers={decisionHeaders} rows={decisionRows} />
        </>
      }
      charts={
        <>
          <ChartFigure
            ctx={ctx}
            id="nine-cell"
            title={c.bubbleTitle}
            description={c.bubbleDescription}
            dataKey={JSON.stringify([placed.map((s) => [nameOf(s), s.ability, s.attractiveness, s.relativeRadius]), locale])}
            config={
              placed.length > 0 &&
              chart('bubble', {
                plugins: (p) => [nineCellPlugin([LOW_CUT, HIGH_CUT], cellName, p.text)],
                series: placed.map((s) => ({ label: nameOf(s), data: [{ x: s.ability!, y: s.attractiveness!, r: Math.max(3, 28 * (s.relativeRadius ?? 0.5)) }] })),
                x: { title: c.ability, min: 1, max: 5 },
                y: { title: c.attractiveness, min: 1, max: 5 },
                tooltip: (item) => {
                  const s = placed[item.datasetIndex];
                  if (!s) return '';
                  return `${nameOf(s)}: ${c.ability} ${f.ratio(s.ability!, 2)}, ${c.attractiveness} ${f.ratio(s.attractiveness!, 2)}${s.size === undefined ? '' : `, ${f.money(s.size)}`}`;
                },
              })
            }
            table={{
              columns: [res0.segment, c.ability, c.attractiveness, c.size, res0.cell, res0.recommendation],
              rows: placed.map((s) => [
                nameOf(s),
                f.ratio(s.ability!, 2),
                f.ratio(s.attractiveness!, 2),
                s.size === undefined ? ui.kit.notAvailable : f.money(s.size),
                cell(s),
                s.recommendation ? res0.recommendations[s.recommendation] : ui.kit.notAvailable,
              ]),
            }}
          />
          <ChartFigure
            ctx={ctx}
            id="ranking"
            title={c.rankingTitle}
            description={c.rankingDescription}
            dataKey={JSON.stringify([ranked.map((s) => [nameOf(s), s.total]), locale])}
            config={
              ranked.length > 0 &&
              chart('bar', {
                labels: ranked.map(nameOf),
                wrapLabels: 28,
                horizontal: true,
                series: [{ label: c.total, data: ranked.map((s) => s.total!), color: (p) => ranked.map((s) => (s.recommendation === 'harvest' ? p.series[2]! : p.series[0]!)) }],
                x: { title: c.total, min: 1, max: 5, format: (v) => f.ratio(v, 1) },
                y: { category: true },
                tooltip: (item) => `${nameOf(ranked[item.dataIndex]!)}: ${f.ratio(item.parsed.x ?? 0, 2)}`,
              })
            }
            table={{
              columns: [c.rank, res0.segment, c.total],
              rows: ranked.map((s) => [f.integer(s.rank!), nameOf(s), f.ratio(s.total!, 2)]),
            }}
          />
        </>
      }
    />
  );
}
