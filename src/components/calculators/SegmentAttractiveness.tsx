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
  type SegmentAttractivenessResults,
  type SegmentColumns,
  type SegmentResult,
} from '../../lib/calculators/c03-2-segment-attractiveness';
import { CalculatorFrame, type CsvRow } from '../calculator/CalculatorFrame';
import { ChartFigure } from '../calculator/ChartFigure';
import { IssueList, ResultList, type ResultItem } from '../calculator/Results';
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
  // The seed segments, named in the reader's language (the pure module holds no reader text).
  const def = useMemo(() => {
    const named = segmentAttractiveness.defaultRows!.map((row, i) => ({ ...row, name: t.defaultSegments[i] ?? '' }));
    return { ...segmentAttractiveness, defaultRows: named, exampleRows: named };
  }, [t]);
  const state = useCalculatorState(def);
  const f = ctx.format;
  const r: Partial<SegmentAttractivenessResults> = state.output.results;
  const issues = state.output.issues;
  const field = fieldRenderers(ctx, segmentAttractiveness.fields, state, t.fields, issues);
  const res = t.results;
  const c = t.charts;

  const segments = r.segments ?? [];
  const nameOf = (s: SegmentResult) => s.name || interpolate(t.segmentN, { n: s.row + 1 });
  const score = (x: number | undefined) => (x === undefined ? ui.kit.notAvailable : f.ratio(x, 2));
  const cell = (s: SegmentResult) =>
    s.attractivenessLevel && s.abilityLevel
      ? interpolate(res.cellValue, { a: res.levels[levelKey[s.attractivenessLevel]], b: res.levels[levelKey[s.abilityLevel]] })
      : ui.kit.notAvailable;
  const flags = (s: SegmentResult) => (s.flags.length ? s.flags.map((k) => res.flagNames[k]).join('; ') : res.noFlags);

  const shares = r.weightShares;
  const sharePercents = shares ? largestRemainder(criteria.map((k) => shares[k] * 100), 0, 100) : null;
  const best = r.ranking?.length ? segments[r.ranking[0]!] : undefined;
  const items: ResultItem[] = [
    { key: 'best', label: res.best, value: best ? nameOf(best) : undefined, detail: best?.total === undefined ? undefined : f.ratio(best.total, 2), emphasis: true },
    {
      key: 'weightShares',
      label: res.weightShares,
      value: sharePercents
        ? interpolate(res.weightSharesValue, Object.fromEntries(criteria.map((k, i) => [k, f.percent(sharePercents[i]! / 100, 0)])))
        : undefined,
    },
  ];

  // Two narrower tables rather than one wide one: scores and rank, then the nine-cell decision.
  const scoreHeaders = [res.segment, res.scoreSize, res.scoreGrowth, res.scoreCompetition, res.scoreFit, res.scoreMargin, res.total, res.rank];
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
  const decisionHeaders = [res.segment, res.attractiveness, res.ability, res.cell, res.recommendation, res.flags];
  const decisionRows = segments.map((s) => [
    nameOf(s),
    score(s.attractiveness),
    score(s.ability),
    cell(s),
    s.recommendation ? res.recommendations[s.recommendation] : ui.kit.notAvailable,
    flags(s),
  ]);
  const resultTable = (id: string, caption: string, headers: string[], rows: string[][]) => (
    <div class="calc-table">
      <div class="calc-table-scroll" tabIndex={0}>
        <table data-result={id}>
          <caption>{caption}</caption>
          <thead>
            <tr>{headers.map((h) => <th scope="col" key={h}>{h}</th>)}</tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                {row.map((text, j) => (j === 0 ? <th scope="row" key={j}>{text}</th> : <td key={j}>{text}</td>))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );

  const columnKeys = Object.keys(segmentAttractiveness.table!.columns) as (keyof SegmentColumns)[];
  const csvRows = (): CsvRow[] => [
    ...(Object.keys(segmentAttractiveness.fields) as (keyof Fields)[]).map((key) => ({
      section: 'input' as const,
      label: t.fields[key],
      value: key === 'competitionBasis' ? t.choices[state.raw[key] as CompetitionBasis] ?? state.raw[key] : state.raw[key],
    })),
    ...state.rows.flatMap((row, i) =>
      columnKeys.map((k) => ({ section: 'input' as const, label: `${interpolate(ui.kit.rowN, { n: i + 1 })} · ${t.columns[k]}`, value: row[k] })),
    ),
    ...items.map((item) => ({ section: 'result' as const, label: item.label, value: item.value ?? '' })),
    ...[[scoreHeaders, scoreRows], [decisionHeaders, decisionRows]].flatMap(([headers, rows]) =>
      rows!.flatMap((row) => headers!.slice(1).map((h, j) => ({ section: 'result' as const, label: `${row[0]} · ${h}`, value: row[j + 1]! }))),
    ),
  ];

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
      csvRows={csvRows}
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
          <ResultList ctx={ctx} items={items} />
          {resultTable('scores', res.tableCaption, scoreHeaders, scoreRows)}
          {resultTable('decision', res.decisionCaption, decisionHeaders, decisionRows)}
          <IssueList ctx={ctx} issues={generalIssues} />
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
              placed.length
                ? (p) => ({
                    type: 'bubble',
                    // The nine-cell boundaries: dashed lines at 2.33 and 3.67 on both axes, drawn under the bubbles.
                    plugins: [
                      {
                        id: 'nineCellLines',
                        beforeDatasetsDraw: (chart) => {
                          const { ctx: g, chartArea: area, scales } = chart;
                          g.save();
                          g.strokeStyle = p.text;
                          g.globalAlpha = 0.5;
                          g.setLineDash([4, 4]);
                          for (const cut of [LOW_CUT, HIGH_CUT]) {
                            const x = scales['x']!.getPixelForValue(cut);
                            const y = scales['y']!.getPixelForValue(cut);
                            g.beginPath();
                            g.moveTo(x, area.top);
                            g.lineTo(x, area.bottom);
                            g.moveTo(area.left, y);
                            g.lineTo(area.right, y);
                            g.stroke();
                          }
                          g.restore();
                        },
                      },
                    ],
                    data: {
                      datasets: [
                        ...placed.map((s, i) => ({
                          label: nameOf(s),
                          data: [{ x: s.ability!, y: s.attractiveness!, r: Math.max(3, 28 * (s.relativeRadius ?? 0.5)) }],
                          backgroundColor: p.fill[i % p.fill.length],
                          borderColor: p.series[i % p.series.length],
                        })),
                      ],
                    },
                    options: {
                      scales: {
                        x: { type: 'linear', min: 1, max: 5, title: { display: true, text: c.ability } },
                        y: { type: 'linear', min: 1, max: 5, title: { display: true, text: c.attractiveness } },
                      },
                      plugins: {
                        tooltip: {
                          callbacks: {
                            label: (item) => {
                              const s = placed[item.datasetIndex];
                              if (!s) return '';
                              return `${nameOf(s)}: B ${f.ratio(s.ability!, 2)}, A ${f.ratio(s.attractiveness!, 2)}${s.size === undefined ? '' : `, ${f.money(s.size)}`}`;
                            },
                          },
                        },
                      },
                    },
                  })
                : null
            }
            table={{
              columns: [res.segment, c.ability, c.attractiveness, c.size, res.cell, res.recommendation],
              rows: placed.map((s) => [
                nameOf(s),
                f.ratio(s.ability!, 2),
                f.ratio(s.attractiveness!, 2),
                s.size === undefined ? ui.kit.notAvailable : f.money(s.size),
                cell(s),
                s.recommendation ? res.recommendations[s.recommendation] : ui.kit.notAvailable,
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
              ranked.length
                ? (p) => ({
                    type: 'bar',
                    data: {
                      labels: ranked.map(nameOf),
                      datasets: [{ label: c.total, data: ranked.map((s) => s.total!), backgroundColor: ranked.map((s) => (s.recommendation === 'harvest' ? p.series[2]! : p.series[0]!)) }],
                    },
                    options: {
                      indexAxis: 'y',
                      scales: { x: { min: 1, max: 5, title: { display: true, text: c.total } } },
                      plugins: { legend: { display: false }, tooltip: { callbacks: { label: (item) => f.ratio(item.parsed.x ?? 0, 2) } } },
                    },
                  })
                : null
            }
            table={{
              columns: [c.rank, res.segment, c.total],
              rows: ranked.map((s) => [f.integer(s.rank!), nameOf(s), f.ratio(s.total!, 2)]),
            }}
          />
        </>
      }
    />
  );
}
