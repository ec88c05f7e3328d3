/**
 * What a calculator needs only when a reader exports or imports a CSV file: writing, decoding a
 * file's bytes, and a table's rows to and from CSV. Islands load it on the click
 * (`import('./csv-files')`), so it stays out of the kit every page loads.
 */
import type { FieldSpecs } from '../../lib/kit/fields';
import { interpolate } from '../../lib/kit/format';
import { parseNumber } from '../../lib/kit/parse-number';
import { rowsFromCsv, type BadCell, type ChoiceAliases, type RowImportError } from '../../lib/kit/row-csv';
import type { RawRow, TableSpec } from '../../lib/kit/rows';
import { download } from './download';
import type { CsvRow, FrameStrings } from './CalculatorFrame';
import { resultLine, type ResultItem } from './Results';
import { toCsv } from '../../lib/kit/csv';
import { messageText, type FieldContext } from './Fields';
import { shortList } from './notices';

export { decodeCsvBytes, toCsv } from '../../lib/kit/csv';
export { rowsToCsv } from '../../lib/kit/row-csv';

/**
 * A shown value as a spreadsheet cell: `-¥8,000.00` → -8000, `12.5%` → 0.125; anything else
 * stays text (defused against formulas by `toCsv`).
 */
export function csvCell(row: CsvRow): string | number {
  if (row.number !== undefined && Number.isFinite(row.number)) return row.number;
  const parsed = parseNumber(row.value);
  if (!parsed.ok) return row.value;
  return parsed.hadPercentSign ? Number((parsed.value / 100).toPrecision(12)) : parsed.value;
}

function importErrorText(ctx: FieldContext, error: RowImportError): string {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(error)) if (k !== 'code' && k !== 'message' && (typeof v === 'string' || typeof v === 'number')) params[k] = v;
  return interpolate(ctx.ui.messages[error.code] ?? error.code, params);
}

function badCellsText(ctx: FieldContext, cells: readonly BadCell[]): string {
  const named = cells.map((c) => `${interpolate(ctx.ui.messages['csv.badCell'] ?? '', { row: c.row, column: c.column })} ${messageText(ctx.ui, c.message, ctx.format)}`);
  return shortList(named, ctx.ui.kit.andMore, 2, 300);
}

/** What an import of CSV text into a table gives: the rows (when it worked) and the status line. */
export interface RowsImport<C extends FieldSpecs> {
  rows?: RawRow<C>[];
  status: { kind: 'ok' | 'partial' | 'error'; text: string };
}

/**
 * Reads CSV text into a table's rows: headers by key or by label in either language (the
 * table's own `labels`, `importAliases`, and the calculator's known aliases), choices by code or
 * label; cells that do not read are kept as typed and named in the status.
 */
export function importRows<C extends FieldSpecs>(
  ctx: FieldContext,
  text: string,
  spec: TableSpec<C>,
  labels: Record<keyof C, string>,
  choiceLabels: Partial<Record<keyof C, Record<string, string>>> | undefined,
  importAliases: Partial<Record<keyof C, readonly string[]>> | undefined,
): RowsImport<C> {
  const known = ctx.ui.tableAliases;
  const aliases: Partial<Record<keyof C, readonly string[]>> = {};
  const choiceAliases: ChoiceAliases<C> = {};
  for (const key of Object.keys(spec.columns) as (keyof C & string)[]) {
    aliases[key] = [labels[key], ...(importAliases?.[key] ?? []), ...(known?.columns[key] ?? [])];
    const options: Record<string, string[]> = {};
    for (const [option, label] of Object.entries(choiceLabels?.[key] ?? {})) options[option] = [label, ...(known?.choices[key]?.[option] ?? [])];
    for (const [option, others] of Object.entries(known?.choices[key] ?? {})) options[option] ??= [...others];
    choiceAliases[key] = options;
  }
  const result = rowsFromCsv(text, spec, aliases, choiceAliases);
  if (!result.ok) return { status: { kind: 'error', text: importErrorText(ctx, result.error) } };
  const { kit } = ctx.ui;
  return {
    rows: result.rows,
    status: result.badCells.length
      ? { kind: 'partial', text: interpolate(kit.importedWithProblems, { count: result.rows.length, cells: badCellsText(ctx, result.badCells) }) }
      : { kind: 'ok', text: interpolate(kit.importedRows, { count: result.rows.length }) },
  };
}

/**
 * The calculator's CSV file: a row per input (default: one per field, labelled from `t.fields`)
 * and per declared result, then `csvExtra`'s rows. Numbers go out as plain numbers (a fraction
 * for a percentage) so a spreadsheet can sum them.
 */
export function exportFrameCsv(
  ctx: FieldContext,
  t: FrameStrings,
  raw: Record<string, string>,
  items: readonly ResultItem[],
  csvInputs: (() => CsvRow[]) | undefined,
  csvExtra: (() => CsvRow[]) | undefined,
) {
  const { kit } = ctx.ui;
  const inputs: CsvRow[] = csvInputs?.() ?? Object.keys(raw).map((key) => ({ section: 'input' as const, label: t.fields[key] ?? key, value: raw[key] ?? '' }));
  const results: CsvRow[] = items.map((item) => ({
    section: 'result' as const,
    label: item.label,
    value: item.exportText ?? resultLine(ctx.format, item),
    ...(typeof item.value === 'number' && Number.isFinite(item.value) ? { number: item.value } : {}),
  }));
  const rows = [...inputs, ...results, ...(csvExtra?.() ?? [])].map((row) => [row.section === 'input' ? kit.csvInputs : kit.csvResults, row.label, csvCell(row)]);
  download(`${ctx.calcId}.csv`, toCsv([[kit.csvSection, kit.csvField, kit.csvValue], ...rows]));
}
