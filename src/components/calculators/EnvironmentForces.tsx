/** C02.3 island: PEST factors (RowTable) with net scores per dimension; five-forces ratings, overall intensity and a radar. */
import { useMemo } from 'preact/hooks';
import { blankFactorRow, environmentForces, forces, type FactorColumns, type PestDimension } from '../../lib/calculators/c02-3-environment-forces';
import { chart } from '../../lib/kit/chart-config';
import { interpolate } from '../../lib/kit/format';
import type { RawRow } from '../../lib/kit/rows';
import type { CalculatorStrings } from '../../i18n/en/index';
import { CalculatorFrame, type CsvRow } from '../calculator/CalculatorFrame';
import { ChartFigure } from '../calculator/ChartFigure';
import { RadarChart } from '../calculator/RadarChart';
import { declareResults, present, ResultTable, tableCsvRows } from '../calculator/Results';
import { RowTable } from '../calculator/RowTable';
import { useIslandContext, type IslandProps } from '../calculator/island';
import { useCalculatorState } from '../calculator/useCalculatorState';
import { fieldRenderers, rowTableState, splitIssues } from '../calculator/wiring';

const weightKey = { rivalry: 'weightRivalry', entrants: 'weightEntrants', suppliers: 'weightSuppliers', substitutes: 'weightSubstitutes', buyers: 'weightBuyers' } as const;

export default function EnvironmentForces({ locale, ui, t }: IslandProps<CalculatorStrings<'C02.3'>>) {
  const { ctx, setCurrency } = useIslandContext('C02.3', locale, ui);
  // The worked example's factors described in the reader's language (the module holds no reader text).
  const def = useMemo(() => {
    const described = environmentForces.exampleRows!.map((row, i) => ({ ...row, description: row.description || (t.exampleFactors[i] ?? '') }));
    return { ...environmentForces, exampleRows: described };
  }, [t]);
  const state = useCalculatorState(def);
  const f = ctx.format;
  const r = state.output.results;
  const tr = t.results;
  const c = t.charts;
  const na = ui.kit.notAvailable;
  // Dimension letters in messages become their names.
  const issues = state.output.issues.map((i) =>
    i.params && typeof i.params['dimension'] === 'string' ? { ...i, params: { ...i.params, dimension: t.choices[i.params['dimension'] as PestDimension] ?? i.params['dimension'] } } : i,
  );
  const { fieldErrors, rowIssues, listed } = splitIssues(issues);
  const field = fieldRenderers(ctx, environmentForces.fields, state, t.fields, fieldErrors);
  const res = declareResults(r, tr);
  const score = (v: number) => f.ratio(v, 2);

  const items = present([
    res('overallIntensity', 'ratio', { digits: 2, emphasis: true }),
    res('strongest', 'text', {
      value: r.strongest?.map((k) => t.forces[k]).join(', '),
      detail: r.strongestIntensity === undefined ? undefined : score(r.strongestIntensity),
      emphasis: true,
    }),
  ]);

  const dimensions = r.dimensions ?? [];
  const headers = [tr.dimension, tr.net, tr.factors, tr.reading];
  const rows = dimensions.map((d) => [t.choices[d.dimension], d.net === undefined ? na : f.signed(d.net, 2), f.integer(d.factors), d.reading ? tr.readings[d.reading] : na]);
  const scored = dimensions.filter((d) => d.net !== undefined);
  const ratings = r.forces ?? [];

  const columnKeys = Object.keys(environmentForces.table!.columns) as (keyof FactorColumns)[];
  const csvInputs = (): CsvRow[] => [
    ...(Object.keys(environmentForces.fields) as (keyof typeof environmentForces.fields)[]).map((key) => ({ section: 'input' as const, label: t.fields[key], value: state.raw[key] })),
    ...state.rows.flatMap((row, i) =>
      columnKeys.map((k) => ({
        section: 'input' as const,
        label: `${interpolate(ui.kit.rowN, { n: i + 1 })} · ${t.columns[k]}`,
        value: k === 'dimension' ? t.choices[row.dimension as PestDimension] ?? row.dimension : row[k],
      })),
    ),
  ];
  const blankRow = (): RawRow<FactorColumns> => blankFactorRow();

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
      csvExtra={() => tableCsvRows(headers, rows)}
      inputs={
        <>
          <RowTable ctx={ctx} caption={t.tableCaption} spec={environmentForces.table!} {...rowTableState(state)} labels={t.columns} choiceLabels={t.columnChoices} issues={rowIssues} blankRow={blankRow} />
          {forces.map((k) => field.number(k))}
          {forces.map((k) => field.number(weightKey[k]))}
          {field.number('cr5')}
          {field.number('substitutionRate')}
        </>
      }
      results={<ResultTable ctx={ctx} id="pest" caption={c.pestTitle} headers={headers} rows={rows} />}
      charts={
        <>
          <RadarChart
            ctx={ctx}
            id="forces"
            title={c.radarTitle}
            description={c.radarDescription}
            axes={ratings.map((x) => t.forces[x.force])}
            series={[{ label: tr.intensity, values: ratings.map((x) => x.intensity) }]}
            min={0}
            max={5}
            rings={5}
            format={(v) => f.number(v, 1)}
          />
          <ChartFigure
            ctx={ctx}
            id="pest"
            title={c.pestTitle}
            description={c.pestDescription}
            dataKey={JSON.stringify([scored, locale])}
            config={
              scored.length > 0 &&
              chart('bar', {
                labels: scored.map((d) => t.choices[d.dimension]),
                series: [{ label: tr.net, data: scored.map((d) => d.net!), color: (p) => scored.map((d) => (d.net! < 0 ? p.alert : p.series[0]!)) }],
                y: { min: -5, max: 5, format: (v) => f.signed(v, 0) },
              })
            }
            table={{ columns: headers.slice(0, 2), rows: rows.filter((_, i) => dimensions[i]?.net !== undefined).map((row) => row.slice(0, 2)) }}
          />
        </>
      }
    />
  );
}
