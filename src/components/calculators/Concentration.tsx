/** C02.1 island: firms' shares (RowTable); CR-n, HHI range, both US merger-guideline band sets, Pareto chart. */
import { useMemo } from 'preact/hooks';
import { blankFirmRow, concentration, type BandPair, type FirmColumns, type FirmShare } from '../../lib/calculators/c02-1-concentration';
import type { BandRange } from '../../lib/calculators/engines/band-ranges';
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

export default function Concentration({ locale, ui, t }: IslandProps<CalculatorStrings<'C02.1'>>) {
  const { ctx, setCurrency } = useIslandContext('C02.1', locale, ui);
  // Example and default firms named in the reader's language (the module holds no reader text).
  const def = useMemo(() => {
    const named = (rows: RawRow<FirmColumns>[], names: readonly string[]) => rows.map((row, i) => ({ ...row, name: row.name || (names[i] ?? interpolate(t.firmN, { n: i + 1 })) }));
    const firmNames = concentration.defaultRows!.map((_, i) => interpolate(t.firmN, { n: i + 1 }));
    return { ...concentration, defaultRows: named(concentration.defaultRows!, firmNames), exampleRows: named(concentration.exampleRows!, t.exampleFirms) };
  }, [t]);
  const state = useCalculatorState(def);
  const f = ctx.format;
  const r = state.output.results;
  const tr = t.results;
  const c = t.charts;
  const { fieldErrors, rowIssues, listed } = splitIssues(state.output.issues);
  const field = fieldRenderers(ctx, concentration.fields, state, t.fields, fieldErrors);
  const res = declareResults(r, tr);
  const hhi = (v: number) => f.number(v, 0);
  const pair = (p: BandPair | undefined) => p && (p.lower === p.upper ? t.bands[p.lower] : interpolate(tr.bandRange, { lower: t.bands[p.lower], upper: t.bands[p.upper] }));

  const items = present([
    res('crN', 'percent', { label: interpolate(tr.crN, { n: r.n ?? state.raw.n }), digits: 1, emphasis: true, detail: r.crFlag === undefined ? undefined : r.crFlag ? tr.crFlagOn : tr.crFlagOff }),
    res('hhiNamed', 'number', { digits: 0, emphasis: true }),
    res('hhiUpper', 'number', { digits: 0 }),
    res('equivalentFirms', 'number', { digits: 2 }),
    res('bands2010', 'text', { value: pair(r.bands2010), emphasis: true }),
    res('bands2023', 'text', { value: pair(r.bands2023), emphasis: true }),
    res('namedTotal', 'percent', { digits: 1 }),
    res('others', 'percent', { digits: 1, detail: r.othersComputed ? tr.othersComputed : undefined }),
  ]);

  const pareto = r.pareto ?? [];
  const nameOf = (p: FirmShare) => (p.row === null ? t.allOthers : state.rows[p.row]?.name || interpolate(t.firmN, { n: p.row + 1 }));
  const headers = [tr.firm, tr.share, tr.squared, tr.cumulative];
  const rows = pareto.map((p) => [nameOf(p), f.percent(p.share, 1), hhi(p.squared), f.percent(p.cumulative, 1)]);
  const rangeText = (b: BandRange) => interpolate(tr.bandRange, { lower: hhi(b.from ?? 0), upper: hhi(b.to ?? 10_000) });
  const bandHeaders = [tr.band, tr.bands2010, tr.bands2023];
  const bandRows = (['unconcentrated', 'moderate', 'high'] as const).map((band) => {
    const of = (ranges: BandRange[] | undefined) => {
      const found = ranges?.find((x) => x.band === band);
      return found ? rangeText(found) : ui.kit.notAvailable;
    };
    return [t.bands[band], of(r.ranges2010), of(r.ranges2023)];
  });
  const columnKeys = Object.keys(concentration.table!.columns) as (keyof FirmColumns)[];
  const csvInputs = (): CsvRow[] => [
    ...(Object.keys(concentration.fields) as (keyof typeof concentration.fields)[]).map((key) => ({ section: 'input' as const, label: t.fields[key], value: state.raw[key] })),
    ...state.rows.flatMap((row, i) => columnKeys.map((k) => ({ section: 'input' as const, label: `${interpolate(ui.kit.rowN, { n: i + 1 })} · ${t.columns[k]}`, value: row[k] }))),
  ];
  const blankRow = (index: number): RawRow<FirmColumns> => ({ ...blankFirmRow(), name: interpolate(t.firmN, { n: index + 1 }) });

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
      csvExtra={() => [...tableCsvRows(headers, rows), ...tableCsvRows(bandHeaders, bandRows)]}
      inputs={
        <>
          <RowTable ctx={ctx} caption={t.tableCaption} spec={concentration.table!} {...rowTableState(state)} labels={t.columns} issues={rowIssues} blankRow={blankRow} />
          {field.number('others', { hint: t.hints.others })}
          {field.number('n')}
          {field.number('crThreshold', { hint: t.hints.crThreshold })}
          {field.number('moderateFrom')}
          {field.number('highAbove')}
        </>
      }
      results={
        <>
          <ResultTable ctx={ctx} id="firms" caption={t.tableCaption} headers={headers} rows={rows} />
          <ResultTable ctx={ctx} id="bands" caption={`${tr.bands2010} · ${tr.bands2023}`} headers={bandHeaders} rows={bandRows} />
        </>
      }
      charts={
        <ChartFigure
          ctx={ctx}
          id="pareto"
          title={c.paretoTitle}
          description={c.paretoDescription}
          dataKey={JSON.stringify([rows, locale])}
          config={
            pareto.length > 0 &&
            chart('bar', {
              labels: pareto.map(nameOf),
              wrapLabels: 16,
              series: [
                { label: tr.share, data: pareto.map((p) => p.share) },
                { type: 'line', label: tr.cumulative, data: pareto.map((p) => p.cumulative), secondAxis: true, points: 3, color: 1 },
              ],
              y: { format: (v) => f.percent(v, 0), beginAtZero: true },
              y2: { format: (v) => f.percent(v, 0), min: 0, max: 1 },
            })
          }
          table={{ columns: headers, rows }}
        />
      }
    />
  );
}
