/** C06.2 island: partners (RowTable); 0–100 scores and ranks, tiered rebate under both seed-ambiguous readings, action bands, SVG radar. */
import { useMemo, useState } from 'preact/hooks';
import { blankPartnerRow, partnerCriteria, partnerScorecard, upliftBases, upliftModes, type PartnerColumns, type UpliftBase, type UpliftMode } from '../../lib/calculators/c06-2-partner-scorecard';
import { chart } from '../../lib/kit/chart-config';
import { interpolate } from '../../lib/kit/format';
import type { RawRow } from '../../lib/kit/rows';
import type { CalculatorStrings } from '../../i18n/en/index';
import { CalculatorFrame } from '../calculator/CalculatorFrame';
import { ChartFigure } from '../calculator/ChartFigure';
import { RadarChart } from '../calculator/RadarChart';
import { declareResults, present, ResultTable, tableCsvRows } from '../calculator/Results';
import { RowTable } from '../calculator/RowTable';
import { useIslandContext, type IslandProps } from '../calculator/island';
import { useCalculatorState } from '../calculator/useCalculatorState';
import { fieldRenderers, rowTableState, splitIssues } from '../calculator/wiring';

export default function PartnerScorecard({ locale, ui, t }: IslandProps<CalculatorStrings<'C06.2'>>) {
  const { ctx, setCurrency } = useIslandContext('C06.2', locale, ui);
  const def = useMemo(() => {
    const named = (rows: RawRow<PartnerColumns>[]) => rows.map((row, i) => ({ ...row, name: t.defaultRows[i] ?? row.name }));
    return { ...partnerScorecard, defaultRows: named(partnerScorecard.defaultRows!) };
  }, [t]);
  const state = useCalculatorState(def);
  const f = ctx.format;
  const r = state.output.results;
  const tr = t.results;
  const c = t.charts;
  const { fieldErrors, rowIssues, listed } = splitIssues(state.output.issues);
  const field = fieldRenderers(ctx, partnerScorecard.fields, state, t.fields, fieldErrors);
  const na = ui.kit.notAvailable;
  const nameOfRow = (row: number) => state.rows[row]?.name || interpolate(t.partnerN, { n: row + 1 });
  const partners = r.partners ?? [];
  const [shown, setShown] = useState(0);
  const radarPartner = partners[Math.min(shown, partners.length - 1)];

  const res = declareResults(r, tr);
  const counts = r.bandCounts;
  const items = present([
    res('totalPayout', 'money', { emphasis: true }),
    counts && { key: 'bandCounts', label: tr.bandCounts, kind: 'text', value: (Object.keys(t.bands) as (keyof typeof t.bands)[]).map((b) => `${t.bands[b]}: ${f.integer(counts[b])}`).join('; ') },
  ]);

  const readingKeys = upliftModes.flatMap((m) => upliftBases.map((b) => `${m}-${b}` as `${UpliftMode}-${UpliftBase}`));
  const headers = [t.columns.name, tr.scores, tr.partnerScore, tr.rank, tr.attainment, tr.rateAbove, tr.payout, tr.band, ...readingKeys.map((k) => t.readings[k])];
  const rows = partners.map((p) => [
    nameOfRow(p.row),
    partnerCriteria.map((k) => (p.scores[k] === undefined ? na : f.number(p.scores[k]!, 2))).join(' / '),
    p.partnerScore === undefined ? na : f.number(p.partnerScore, 2),
    p.rank === undefined ? na : f.integer(p.rank),
    p.attainment === undefined ? na : f.percent(p.attainment, 1),
    p.rateAbove === undefined ? na : f.percent(p.rateAbove, 2),
    p.payout === undefined ? na : f.money(p.payout),
    p.band ? t.bands[p.band] : na,
    ...readingKeys.map((k) => (p.readings?.[k] === undefined ? na : f.money(p.readings[k]))),
  ]);
  const ranked = (r.ranking ?? []).map((i) => partners[i]!).filter((p) => p.partnerScore !== undefined);

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
            spec={partnerScorecard.table!}
            {...rowTableState(state)}
            labels={t.columns}
            issues={rowIssues}
            blankRow={(index) => ({ ...blankPartnerRow(), name: interpolate(t.partnerN, { n: index + 1 }) })}
          />
          {field.number('weightTurnover')}
          {field.number('weightOutlets')}
          {field.number('weightCertified')}
          {field.number('weightResponse')}
          {field.number('baseRate')}
          {field.number('uplift', { hint: t.hints.uplift })}
          {field.choice('upliftMode', t.choices.upliftMode as Record<UpliftMode, string>)}
          {field.choice('upliftBase', t.choices.upliftBase as Record<UpliftBase, string>)}
          {field.number('trainingBelow')}
          {field.number('resourceShiftBelow')}
          {field.number('removalBelow', { hint: t.hints.removalBelow })}
        </>
      }
      results={
        partners.length > 0 && (
          <ResultTable ctx={ctx} id="partners" caption={tr.partnersCaption} headers={headers} rows={rows} rowAttrs={(i) => ({ 'data-row': partners[i]!.row, 'data-band': partners[i]!.band })} />
        )
      }
      charts={
        <>
          {partners.length > 0 && (
            <div class="calc-field">
              <label for="c06-2-radar-partner">{t.radarPartner}</label>
              <select id="c06-2-radar-partner" value={String(Math.min(shown, partners.length - 1))} onChange={(e) => setShown(Number((e.target as HTMLSelectElement).value))}>
                {partners.map((p, i) => <option key={p.row} value={String(i)}>{nameOfRow(p.row)}</option>)}
              </select>
            </div>
          )}
          {radarPartner && (
            <RadarChart
              ctx={ctx}
              id="partner"
              title={c.radarTitle}
              description={c.radarDescription}
              axes={partnerCriteria.map((k) => t.criteria[k])}
              series={[
                { label: nameOfRow(radarPartner.row), values: partnerCriteria.map((k) => radarPartner.scores[k]) },
                { label: c.average, values: partnerCriteria.map((k) => r.averageScores?.[k]) },
              ]}
              min={1}
              max={5}
              format={(v) => f.number(v, 2)}
            />
          )}
          <ChartFigure
            ctx={ctx}
            id="ranking"
            title={c.rankingTitle}
            description={c.rankingDescription}
            dataKey={JSON.stringify([ranked.map((p) => [nameOfRow(p.row), p.partnerScore]), locale])}
            config={
              ranked.length > 0 &&
              chart('bar', {
                labels: ranked.map((p) => nameOfRow(p.row)),
                horizontal: true,
                series: [{ label: tr.partnerScore, data: ranked.map((p) => p.partnerScore!) }],
                x: { min: 0, max: 100, format: (v) => f.number(v, 0) },
                y: { category: true },
                tooltip: (item) => `${item.label}: ${f.number(item.parsed.x ?? 0, 2)}`,
              })
            }
            table={{ columns: [t.columns.name, tr.partnerScore], rows: ranked.map((p) => [nameOfRow(p.row), f.number(p.partnerScore!, 2)]) }}
          />
        </>
      }
    />
  );
}
