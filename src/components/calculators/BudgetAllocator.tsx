/** C12.1 island: budget lines (RowTable), reserve, weights, method and targets; allocation, approvals, rule check and charts. */
import { useMemo } from 'preact/hooks';
import {
  blankBudgetRow,
  budgetAllocator,
  ruleKeys,
  type AllocationLineResult,
  type AllocationMethod,
  type BudgetColumns,
  type SharePreset,
} from '../../lib/calculators/c12-1-budget-allocator';
import { round9 } from '../../lib/kit/calculator';
import { interpolate } from '../../lib/kit/format';
import { largestRemainder } from '../../lib/kit/rounding';
import type { RawRow } from '../../lib/kit/rows';
import type { CalculatorStrings } from '../../i18n/en/index';
import { chart } from '../../lib/kit/chart-config';
import type { Issue } from '../../lib/kit/calculator';
import { CalculatorFrame, type CsvRow } from '../calculator/CalculatorFrame';
import { ChartFigure } from '../calculator/ChartFigure';
import { DonutFigure } from '../calculator/DonutFigure';
import { declareResults, present, ResultTable, tableCsvRows } from '../calculator/Results';
import { RowTable } from '../calculator/RowTable';
import { useIslandContext, type IslandProps } from '../calculator/island';
import { useCalculatorState } from '../calculator/useCalculatorState';
import { fieldRenderers, rowTableState, splitIssues } from '../calculator/wiring';

type Fields = typeof budgetAllocator.fields;
const MAX_CURVES = 8;

export default function BudgetAllocator({ locale, ui, t }: IslandProps<CalculatorStrings<'C12.1'>>) {
  const { ctx, setCurrency } = useIslandContext('C12.1', locale, ui);
  // Default and example lines named in the reader's language (the pure module holds no reader text).
  const def = useMemo(() => {
    const name = (rows: RawRow<BudgetColumns>[], names: readonly string[]) => rows.map((row, i) => ({ ...row, name: names[i] ?? row.name }));
    return { ...budgetAllocator, defaultRows: name(budgetAllocator.defaultRows!, t.defaultLines), exampleRows: name(budgetAllocator.exampleRows!, t.exampleLines) };
  }, [t]);
  const state = useCalculatorState(def);
  const f = ctx.format;
  const r = state.output.results;
  const tr = t.results;
  const c = t.charts;
  const method = state.read.values.method;
  const issues = state.output.issues;
  // Errors sit beside their field, row issues in the table; the rest go to the issue list.
  const { fieldErrors, rowIssues, listed } = splitIssues(issues);
  const field = fieldRenderers(ctx, def.fields, state, t.fields, fieldErrors);

  const nameOfRow = (row: number) => state.rows[row]?.name || interpolate(t.lineN, { n: row + 1 });
  const lines = r.lines ?? [];
  // Displayed shares add up to the displayed total (largest remainder at 0.01%).
  const shareShown = largestRemainder(lines.map((l) => (l.share ?? 0) * 100), 2);
  const position = (l: AllocationLineResult) =>
    method === 'shares' ? tr.buckets[l.bucket ?? 'none'] : tr.positions[l.clamped ?? 'free'];
  const bounds = (l: AllocationLineResult) => `${f.money(l.floor)} – ${l.cap === null ? tr.noCeiling : f.money(l.cap)}`;

  const counts = r.approvalCounts;
  const res = declareResults(r, tr);
  const items = present([
    res('allocatable', 'money', { emphasis: true }),
    res('reserve', 'money'),
    !!r.returnedToReserve && res('returned', 'money', { value: r.returnedToReserve }),
    !!r.returnedToReserve && res('reserveTotal', 'money'),
    method === 'shares' && res('unassigned', 'money', { detail: state.read.values.preset === 'portfolio' ? tr.unassignedBySeed : undefined }),
    res('allocatedTotal', 'money', { emphasis: true }),
    method === 'score' && res('lambda', 'money'),
    method === 'marginal' &&
      res('step', 'text', { value: r.step === undefined || r.steps === undefined ? undefined : interpolate(tr.stepValue, { value: f.money(r.step), steps: f.integer(r.steps) }) }),
    method === 'marginal' && res('predictedReturnTotal', 'money', { key: 'predictedReturn', emphasis: true }),
    res('approvals', 'text', { value: counts && interpolate(tr.approvalsValue, { manager: f.integer(counts.manager), cfo: f.integer(counts.cfo), ceo: f.integer(counts.ceo) }) }),
  ]);
  // A line whose floor is above its ceiling gets nothing: say so beside the results, not only in its cell.
  const infeasible: Issue[] = rowIssues
    .filter((i) => i.code === 'c12_1.floorAboveCap' && i.row !== undefined)
    .map((i) => {
      const read = state.rowReads[i.row!]?.values;
      return {
        severity: 'error',
        code: 'c12_1.floorAboveCapLine',
        params: { name: nameOfRow(i.row!), floor: read?.floor == null ? '' : f.money(read.floor), cap: read?.cap == null ? '' : f.money(read.cap) },
      };
    });

  const headers = [
    tr.line, tr.score, tr.amount, tr.share, tr.bounds, method === 'shares' ? tr.bucket : tr.position, tr.approval,
    ...(method === 'marginal' ? [tr.predictedReturn, tr.marginalReturn] : []),
  ];
  const allocationRows = lines.map((l, k) => [
    nameOfRow(l.row),
    f.ratio(l.score, 2),
    f.money(l.amount),
    l.share === undefined ? ui.kit.notAvailable : f.percent(shareShown[k]! / 100, 2),
    bounds(l),
    position(l),
    l.approval ? tr.levels[l.approval] : ui.kit.notAvailable,
    ...(method === 'marginal' ? [f.money(l.predictedReturn ?? 0), f.number(l.marginalReturn ?? 0, 4)] : []),
  ]);
  const ruleHeaders = [tr.rule, tr.actualShare, tr.target, tr.deviation, tr.check];
  const ruleRows = (r.rules ?? []).map((rule) => [
    tr.ruleNames[rule.rule],
    f.percent(rule.share, 1),
    f.percent(rule.target, 0),
    interpolate(tr.ppValue, { value: `${round9(rule.deviation) > 0 ? '+' : ''}${f.number(rule.deviation * 100, 1)}` }),
    rule.pass ? tr.pass : tr.warn,
  ]);

  const columnKeys = Object.keys(budgetAllocator.table!.columns) as (keyof BudgetColumns)[];
  const choiceText = (key: keyof BudgetColumns, raw: string) => {
    const labels = (t.columnChoices as Partial<Record<keyof BudgetColumns, Record<string, string>>>)[key];
    return labels?.[raw] ?? raw;
  };
  const csvInputs = (): CsvRow[] => [
    ...(Object.keys(budgetAllocator.fields) as (keyof Fields)[]).map((key) => ({
      section: 'input' as const,
      label: t.fields[key],
      value: key === 'method' ? t.methods[state.raw.method as AllocationMethod] ?? state.raw.method : key === 'preset' ? t.presets[state.raw.preset as SharePreset] ?? state.raw.preset : state.raw[key],
    })),
    ...state.rows.flatMap((row, i) =>
      columnKeys.map((k) => ({ section: 'input' as const, label: `${interpolate(ui.kit.rowN, { n: i + 1 })} · ${t.columns[k]}`, value: choiceText(k, row[k]) })),
    ),
  ];
  // In the file, floor and ceiling in cells of their own (a spreadsheet sums amounts, not ranges).
  const boundsAt = headers.indexOf(tr.bounds);
  const csvHeaders = headers.toSpliced(boundsAt, 1, c.floor, c.ceiling);
  const csvAllocationRows = allocationRows.map((row, k) => row.toSpliced(boundsAt, 1, f.money(lines[k]!.floor), lines[k]!.cap === null ? tr.noCeiling : f.money(lines[k]!.cap!)));
  const csvExtra = () => [...tableCsvRows(csvHeaders, csvAllocationRows), ...tableCsvRows(ruleHeaders, ruleRows)];

  // Doughnut: lines, then unassigned and the reserve (incl. anything returned to it).
  const parts: { label: string; value: number; kind: 'line' | 'unassigned' | 'reserve' }[] = [
    ...lines.map((l) => ({ label: nameOfRow(l.row), value: l.amount, kind: 'line' as const })),
    ...(r.unassigned ? [{ label: c.unassigned, value: r.unassigned, kind: 'unassigned' as const }] : []),
    ...(r.reserveTotal !== undefined && r.reserveTotal > 0 ? [{ label: c.reserve, value: r.reserveTotal, kind: 'reserve' as const }] : []),
  ];
  const curves = (r.curves ?? [])
    .map((curve, k) => ({ curve, amount: lines[k]?.amount ?? 0 }))
    .sort((a, b) => b.amount - a.amount)
    .slice(0, MAX_CURVES)
    .map((x) => x.curve);

  return (
    <CalculatorFrame
      ctx={ctx}
      t={t}
      state={state}
      onCurrency={setCurrency}
      layout="stacked"
      items={items}
      issues={[...infeasible, ...listed]}
      csvInputs={csvInputs}
      csvExtra={csvExtra}
      inputs={
        <>
          <fieldset class="calc-group">
            <legend>{t.sections.budget}</legend>
            {field.number('totalBudget')}
            {field.number('reserve')}
          </fieldset>
          <RowTable
            ctx={ctx}
            caption={t.tableCaption}
            spec={budgetAllocator.table!}
            {...rowTableState(state)}
            labels={t.columns}
            choiceLabels={t.columnChoices}
            issues={rowIssues}
            blankRow={(index) => ({ ...blankBudgetRow(), name: interpolate(t.lineN, { n: index + 1 }) })}
          />
          <fieldset class="calc-group">
            <legend>{t.sections.method}</legend>
            {field.choice('method', t.methods as Record<AllocationMethod, string>)}
            {method === 'shares' ? field.choice('preset', t.presets as Record<SharePreset, string>) : null}
          </fieldset>
          <fieldset class="calc-group">
            <legend>{t.sections.weights}</legend>
            {field.number('wFit')}
            {field.number('wRoi')}
            {field.number('wPotential')}
            {field.number('wUrgency')}
          </fieldset>
          <fieldset class="calc-group">
            <legend>{t.sections.targets}</legend>
            {field.number('shareCore')}
            {field.number('shareInnovation')}
            {field.number('shareCash')}
            {field.number('shareGrowth')}
            {field.number('shareRd')}
          </fieldset>
          <fieldset class="calc-group">
            <legend>{t.sections.approval}</legend>
            {field.number('managerLimit')}
            {field.number('cfoLimit')}
            {field.number('tolerance')}
          </fieldset>
        </>
      }
      results={
        <>
          {lines.length > 0 && (
            <ResultTable
              ctx={ctx}
              id="allocation"
              caption={tr.tableCaption}
              headers={headers}
              rows={allocationRows}
              footer={[tr.total, '', r.allocatedTotal === undefined ? ui.kit.notAvailable : f.money(r.allocatedTotal), r.allocatable ? f.percent((r.allocatedTotal ?? 0) / r.allocatable, 2) : ui.kit.notAvailable, ...headers.slice(4).map(() => '')]}
              rowAttrs={(i) => ({ 'data-row': lines[i]!.row })}
            />
          )}
          {ruleRows.length > 0 && (
            <ResultTable
              ctx={ctx}
              id="rules"
              caption={tr.rulesCaption}
              headers={ruleHeaders}
              rows={ruleRows}
              rowAttrs={(i) => ({ 'data-rule': ruleKeys[i], 'data-pass': String(r.rules![i]!.pass) })}
              cellClass={(i, j) => (j === 4 && !r.rules![i]!.pass ? 'calc-flag--alert' : undefined)}
            />
          )}
        </>
      }
      charts={
        <>
          <DonutFigure
            ctx={ctx}
            id="allocation"
            title={c.doughnutTitle}
            description={c.doughnutDescription}
            dataKey={JSON.stringify([parts, locale, f.currency])}
            config={
              parts.length
                ? (p) => {
                    // Every line its own colour; the reserve the last palette colour, unassigned grey.
                    const reserveColour = p.series[p.series.length - 1]!;
                    const lineColours = p.series.slice(0, -1);
                    let k = 0;
                    const colours = parts.map((part) => (part.kind === 'reserve' ? reserveColour : part.kind === 'unassigned' ? p.grid : lineColours[k++ % lineColours.length]!));
                    return {
                      type: 'doughnut',
                      data: { labels: parts.map((part) => part.label), datasets: [{ label: c.amount, data: parts.map((part) => part.value), backgroundColor: colours }] },
                      options: { plugins: { tooltip: { callbacks: { label: (item) => `${item.label}: ${f.money(Number(item.raw))}` } } } },
                    };
                  }
                : null
            }
            table={{ columns: [c.part, c.amount], rows: parts.map((part) => [part.label, f.money(part.value)]) }}
          />
          <ChartFigure
            ctx={ctx}
            id="ceilings"
            title={c.barTitle}
            description={c.barDescription}
            dataKey={JSON.stringify([lines.map((l) => [nameOfRow(l.row), l.amount, l.floor, l.cap]), locale, f.currency])}
            config={
              lines.length > 0 &&
              chart('bar', {
                labels: lines.map((l) => nameOfRow(l.row)),
                horizontal: true,
                wrapLabels: 24,
                series: [
                  { label: c.allocation, data: lines.map((l) => l.amount), color: 0 },
                  { label: c.floor, data: lines.map((l) => l.floor), color: 3 },
                  { label: c.ceiling, data: lines.map((l) => l.cap), color: 1 },
                ],
                x: { format: f.compactMoney },
                y: { category: true },
                tooltip: (item) => `${item.dataset.label}: ${f.money(item.parsed.x ?? 0)}`,
              })
            }
            table={{
              columns: [tr.line, c.allocation, c.floor, c.ceiling],
              rows: lines.map((l) => [nameOfRow(l.row), f.money(l.amount), f.money(l.floor), l.cap === null ? tr.noCeiling : f.money(l.cap)]),
            }}
          />
          {method === 'marginal' ? (
            <ChartFigure
              ctx={ctx}
              id="response"
              title={c.curvesTitle}
              description={c.curvesDescription}
              dataKey={JSON.stringify([curves, locale, f.currency])}
              config={
                curves.length > 0 &&
                chart('line', {
                  // One colour per line; its allocated point (a diamond) in the same colour.
                  series: curves.flatMap((curve, i) => [
                    { label: nameOfRow(curve.row), data: curve.points, color: i },
                    { type: 'scatter' as const, label: interpolate(c.allocatedPoint, { name: nameOfRow(curve.row) }), data: [curve.allocated], color: i, points: 6, extra: { pointStyle: 'rectRot' } },
                  ]),
                  x: { title: c.spend, format: f.compactMoney },
                  y: { title: c.response, format: f.compactMoney },
                  tooltip: (item) => `${item.dataset.label}: ${f.money(item.parsed.y ?? 0)} @ ${f.money(item.parsed.x ?? 0)}`,
                })
              }
              table={{
                columns: [tr.line, c.allocation, c.response, tr.marginalReturn],
                rows: curves.map((curve) => {
                  const l = lines.find((x) => x.row === curve.row)!;
                  return [nameOfRow(curve.row), f.money(l.amount), f.money(l.predictedReturn ?? 0), f.number(l.marginalReturn ?? 0, 4)];
                }),
              }}
            />
          ) : null}
        </>
      }
    />
  );
}
