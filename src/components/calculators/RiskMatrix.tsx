/** C13.1 island: risk register (RowTable), 5 × 5 probability–impact scores, ranked register with expected loss, matrix bubbles on banded cells and score bars. */
import { useMemo } from 'preact/hooks';
import type { Plugin } from 'chart.js';
import { blankRiskRow, riskBands, riskMatrix, type RiskBand, type RiskColumns, type RiskResult } from '../../lib/calculators/c13-1-risk-matrix';
import { chart } from '../../lib/kit/chart-config';
import { interpolate } from '../../lib/kit/format';
import type { RawRow } from '../../lib/kit/rows';
import type { CalculatorStrings } from '../../i18n/en/index';
import { CalculatorFrame } from '../calculator/CalculatorFrame';
import { ChartFigure, type ChartPalette } from '../calculator/ChartFigure';
import { declareResults, present, ResultTable, tableCsvRows } from '../calculator/Results';
import { RowTable } from '../calculator/RowTable';
import { useIslandContext, type IslandProps } from '../calculator/island';
import { useCalculatorState } from '../calculator/useCalculatorState';
import { fieldRenderers, rowTableState, splitIssues } from '../calculator/wiring';

const LEVELS = [1, 2, 3, 4, 5] as const;

/** Paints the 25 cells by the band of their score and writes the band's name in each (drawn under the bubbles). */
function bandCellsPlugin(bandOf: (score: number) => RiskBand | undefined, name: (band: RiskBand) => string, p: ChartPalette): Plugin {
  const tint = (band: RiskBand) => (band === 'extreme' || band === 'high' ? p.alert : band === 'medium' ? p.series[1]! : p.series[0]!);
  return {
    id: 'riskCells',
    beforeDatasetsDraw: (c) => {
      const { ctx: g, scales } = c;
      const x = scales['x']!;
      const y = scales['y']!;
      g.save();
      g.font = '10px system-ui, sans-serif';
      g.textBaseline = 'top';
      for (const pl of LEVELS) {
        for (const il of LEVELS) {
          const band = bandOf(pl * il);
          if (!band) continue;
          const left = x.getPixelForValue(il - 0.5);
          const right = x.getPixelForValue(il + 0.5);
          const top = y.getPixelForValue(pl + 0.5);
          const bottom = y.getPixelForValue(pl - 0.5);
          g.globalAlpha = band === 'extreme' ? 0.3 : band === 'high' ? 0.16 : 0.12;
          g.fillStyle = tint(band);
          g.fillRect(left, top, right - left, bottom - top);
          g.globalAlpha = 0.8;
          g.fillStyle = p.text;
          g.fillText(`${name(band)} ${pl * il}`, left + 3, top + 3, Math.max(right - left - 6, 10));
        }
      }
      g.restore();
    },
  };
}

export default function RiskMatrix({ locale, ui, t }: IslandProps<CalculatorStrings<'C13.1'>>) {
  const { ctx, setCurrency } = useIslandContext('C13.1', locale, ui);
  // Default and example risks are named in the reader's language.
  const def = useMemo(() => {
    const named = (rows: RawRow<RiskColumns>[], names: readonly string[]) => rows.map((row, i) => ({ ...row, name: names[i] ?? row.name }));
    return { ...riskMatrix, defaultRows: named(riskMatrix.defaultRows!, t.defaultRisks), exampleRows: named(riskMatrix.exampleRows!, t.exampleRisks) };
  }, [t]);
  const state = useCalculatorState(def);
  const f = ctx.format;
  const r = state.output.results;
  const tr = t.results;
  const c = t.charts;
  const na = ui.kit.notAvailable;
  const { fieldErrors, rowIssues, listed } = splitIssues(state.output.issues);
  const field = fieldRenderers(ctx, riskMatrix.fields, state, t.fields, fieldErrors);
  const res = declareResults(r, tr);

  const counts = r.bandCounts;
  const items = present([
    res('totalExpectedLoss', 'money', { emphasis: true }),
    ...[...riskBands].reverse().map((band) =>
      res('bandCounts', 'count', { key: `bandCounts.${band}`, label: tr.bands[band], value: counts?.[band], group: tr.bandCounts, emphasis: band === 'extreme' || band === 'high' }),
    ),
  ]);

  const nameOf = (row: number) => state.rows[row]?.name || interpolate(t.riskN, { n: row + 1 });
  const byRow = new Map((r.risks ?? []).map((x) => [x.row, x]));
  const ranked: RiskResult[] = (r.ranking ?? []).map((i) => byRow.get(i)!).filter(Boolean);
  const headers = [tr.rank, t.columns.name, t.columns.category, tr.probabilityLevel, tr.impactLevel, tr.score, tr.band, tr.expectedLoss, t.columns.owner];
  const rows = ranked.map((x, k) => {
    const row = state.rows[x.row];
    return [
      f.integer(k + 1),
      nameOf(x.row),
      row ? (t.categories[row.category as keyof typeof t.categories] ?? row.category) : na,
      f.integer(x.probabilityLevel),
      f.integer(x.impactLevel),
      f.integer(x.score),
      x.extremeImpact ? `${tr.bands[x.band]} · ${tr.extremeImpact}` : tr.bands[x.band],
      x.expectedLoss === undefined ? na : f.money(x.expectedLoss),
      row?.owner || na,
    ];
  });

  // The band of a score under the entered cut-offs, for the matrix cells.
  const cuts = state.read.values;
  const bandOf = (score: number): RiskBand | undefined => {
    if (cuts.mediumFrom == null || cuts.highFrom == null || cuts.extremeFrom == null) return undefined;
    return score >= cuts.extremeFrom ? 'extreme' : score >= cuts.highFrom ? 'high' : score >= cuts.mediumFrom ? 'medium' : 'low';
  };
  const bubbles = r.bubbles ?? [];
  const namesIn = (p: number, i: number) => ranked.filter((x) => x.probabilityLevel === p && x.impactLevel === i).map((x) => nameOf(x.row));

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
            spec={riskMatrix.table!}
            {...rowTableState(state)}
            labels={t.columns}
            choiceLabels={{ category: t.categories }}
            issues={rowIssues}
            blankRow={(index) => ({ ...blankRiskRow(), name: interpolate(t.riskN, { n: index + 1 }) })}
          />
          <fieldset class="calc-group">
            <legend>{t.sections.revenue}</legend>
            {field.number('revenue')}
          </fieldset>
          <fieldset class="calc-group">
            <legend>{t.sections.probability}</legend>
            {field.number('p2Above', { hint: t.hints.p2Above })}
            {field.number('p3Above')}
            {field.number('p4Above')}
            {field.number('p5Above')}
          </fieldset>
          <fieldset class="calc-group">
            <legend>{t.sections.impact}</legend>
            {field.number('i2From')}
            {field.number('i3From')}
            {field.number('i4From')}
            {field.number('i5Above', { hint: t.hints.i5Above })}
          </fieldset>
          <fieldset class="calc-group">
            <legend>{t.sections.bands}</legend>
            {field.number('mediumFrom')}
            {field.number('highFrom')}
            {field.number('extremeFrom')}
          </fieldset>
        </>
      }
      results={
        rows.length > 0 && (
          <ResultTable ctx={ctx} id="register" caption={t.tableCaption} headers={headers} rows={rows} rowAttrs={(i) => ({ 'data-row': ranked[i]!.row, 'data-band': ranked[i]!.band })} />
        )
      }
      charts={
        <>
          <ChartFigure
            ctx={ctx}
            id="matrix"
            title={c.matrix.title}
            description={c.matrix.description}
            dataKey={JSON.stringify([bubbles, ranked.map((x) => nameOf(x.row)), cuts.mediumFrom, cuts.highFrom, cuts.extremeFrom, locale])}
            config={
              bubbles.length > 0 &&
              chart('bubble', {
                series: [
                  {
                    label: c.matrix.title,
                    data: bubbles.map((b) => ({ x: b.impact, y: b.probability, r: 6 + 4 * Math.min(b.count, 6) })),
                    color: (p) => bubbles.map((b) => (bandOf(b.impact * b.probability) === 'low' ? p.series[0]! : bandOf(b.impact * b.probability) === 'medium' ? p.series[1]! : p.alert)),
                    extra: { parsing: true },
                  },
                ],
                x: { title: tr.impactLevel, format: f.integer, min: 0.5, max: 5.5 },
                y: { title: tr.probabilityLevel, format: f.integer, min: 0.5, max: 5.5 },
                tooltip: (item) => {
                  const b = bubbles[item.dataIndex];
                  return b ? `${tr.score} ${f.integer(b.impact * b.probability)}: ${namesIn(b.probability, b.impact).join(', ')}` : '';
                },
                plugins: (p) => [bandCellsPlugin(bandOf, (band) => tr.bands[band], p)],
              })
            }
            table={{
              columns: [tr.probabilityLevel, tr.impactLevel, tr.score, tr.band, t.columns.name],
              rows: bubbles.map((b) => {
                const band = bandOf(b.impact * b.probability);
                return [f.integer(b.probability), f.integer(b.impact), f.integer(b.impact * b.probability), band ? tr.bands[band] : na, namesIn(b.probability, b.impact).join(', ')];
              }),
            }}
          />
          <ChartFigure
            ctx={ctx}
            id="scores"
            title={c.scores.title}
            description={c.scores.description}
            dataKey={JSON.stringify([ranked.map((x) => [nameOf(x.row), x.score, x.band]), locale])}
            config={
              ranked.length > 0 &&
              chart('bar', {
                labels: ranked.map((x) => nameOf(x.row)),
                horizontal: true,
                series: [{ label: tr.score, data: ranked.map((x) => x.score), color: (p) => ranked.map((x) => (x.band === 'low' ? p.series[0]! : x.band === 'medium' ? p.series[1]! : p.alert)) }],
                x: { format: f.integer, beginAtZero: true, max: 25 },
                y: { category: true },
                tooltip: (item) => {
                  const x = ranked[item.dataIndex];
                  return x ? `${tr.score} ${f.integer(x.score)} · ${tr.bands[x.band]}` : '';
                },
              })
            }
            table={{ columns: [t.columns.name, tr.score, tr.band], rows: ranked.map((x) => [nameOf(x.row), f.integer(x.score), tr.bands[x.band]]) }}
          />
        </>
      }
    />
  );
}
