/**
 * A table's rows as CSV and back: import maps headers to columns by key or by label (either
 * language), export writes a file its own import reads unchanged. Loaded when a reader imports or
 * exports rows, not with every table calculator.
 */
import { parseCsv, toCsv, undefuse, type CsvError } from './csv';
import { blankCell } from './url-state';
import { readField, type FieldSpecs, type Message } from './fields';
import type { RawRow, TableSpec } from './rows';
import { normaliseHeader } from './headers';

export type RowImportError =
  | CsvError
  | { code: 'csv.missingColumn'; column: string }
  | { code: 'csv.tooFewRows'; min: number }
  | { code: 'csv.tooManyRows'; max: number };

/** A cell imported as typed that does not read: it keeps its text and shows its own message. */
export interface BadCell {
  /** 1-based line of the CSV (the header is line 1), as a spreadsheet shows it. */
  row: number;
  column: string;
  message: Message;
}

export type RowImport<C extends FieldSpecs> = { ok: true; rows: RawRow<C>[]; badCells: BadCell[] } | { ok: false; error: RowImportError };

export { normaliseHeader };

/** For choice columns: each option's labels (both languages); a cell may hold the code or any label. */
export type ChoiceAliases<C extends FieldSpecs> = Partial<Record<keyof C, Record<string, readonly string[]>>>;

function readChoiceCell(cell: string, options: readonly string[], aliases: Record<string, readonly string[]> | undefined): string | null {
  const wanted = normaliseHeader(cell);
  const blankOption = options.includes('none') ? 'none' : null;
  if (wanted === '') return blankOption;
  for (const option of options) {
    if (option === cell.trim() || normaliseHeader(option) === wanted) return option;
    if ((aliases?.[option] ?? []).some((label) => normaliseHeader(label) === wanted && wanted !== '')) return option;
  }
  // A label that normalises to nothing (such as "—" for "none") matches the bare label itself.
  for (const option of options) if ((aliases?.[option] ?? []).some((label) => label.trim() === cell.trim())) return option;
  return null;
}

/**
 * Reads CSV with a header row into raw rows. `labels` maps column keys to the header names a
 * reader may use (both languages); headers match keys or labels, ignoring case, spacing and
 * dash variants (`(1-5)` = `(1–5)`). Choice cells take the code or a label in either language.
 * Every cell is kept as typed (the apostrophe of the export's formula defence taken off); cells
 * that do not read are listed in `badCells`, never a reason to refuse the file.
 */
export function rowsFromCsv<C extends FieldSpecs>(
  text: string,
  spec: TableSpec<C>,
  labels: Partial<Record<keyof C, readonly string[]>> = {},
  choices: ChoiceAliases<C> = {},
): RowImport<C> {
  const parsed = parseCsv(text, { maxRows: spec.maxRows + 1 });
  if (!parsed.ok) {
    if (parsed.error.code === 'csv.tooLarge') return { ok: false, error: { code: 'csv.tooManyRows', max: spec.maxRows } };
    return { ok: false, error: parsed.error };
  }
  const [header, ...body] = parsed.rows;
  const headers = header!.map((h) => normaliseHeader(undefuse(h)));
  const columnIndex = {} as Record<keyof C, number>;
  for (const key of Object.keys(spec.columns) as (keyof C & string)[]) {
    const names = [key, ...(labels[key] ?? [])].map(normaliseHeader);
    const index = headers.findIndex((h) => names.includes(h));
    const columnSpec = spec.columns[key]!;
    const optional = 'optional' in columnSpec && columnSpec.optional === true;
    const blankable = columnSpec.kind === 'choice' && columnSpec.options.includes('none');
    if (index < 0 && !optional && !blankable) return { ok: false, error: { code: 'csv.missingColumn', column: labels[key]?.[0] ?? key } };
    columnIndex[key] = index;
  }
  if (body.length < spec.minRows) return { ok: false, error: { code: 'csv.tooFewRows', min: spec.minRows } };
  if (body.length > spec.maxRows) return { ok: false, error: { code: 'csv.tooManyRows', max: spec.maxRows } };
  const rows: RawRow<C>[] = [];
  const badCells: BadCell[] = [];
  for (let r = 0; r < body.length; r++) {
    const raw = {} as Record<keyof C, string>;
    for (const key of Object.keys(spec.columns) as (keyof C & string)[]) {
      const index = columnIndex[key];
      const cell = undefuse(index >= 0 ? (body[r]![index] ?? '') : '').trim();
      const columnSpec = spec.columns[key]!;
      const column = index >= 0 ? header![index]! : key;
      if (columnSpec.kind === 'choice') {
        const option = readChoiceCell(cell, columnSpec.options, choices[key]);
        if (option === null) badCells.push({ row: r + 2, column, message: { code: 'parse.unknownChoice' } });
        raw[key] = option ?? blankCell(columnSpec);
        continue;
      }
      const read = readField(cell, columnSpec);
      if (!read.ok) badCells.push({ row: r + 2, column, message: read.message });
      raw[key] = cell;
    }
    rows.push(raw as RawRow<C>);
  }
  return { ok: true, rows, badCells };
}

/**
 * The rows as a CSV file its own import reads back unchanged: a header row of the column labels,
 * numbers written plain (percent cells in percent, as typed), choices as their labels, text and
 * unreadable cells as typed (defused against spreadsheet formulas).
 */
export function rowsToCsv<C extends FieldSpecs>(
  spec: TableSpec<C>,
  rows: readonly RawRow<C>[],
  labels: Partial<Record<keyof C, string>>,
  choiceLabels: Partial<Record<keyof C, Record<string, string>>> = {},
): string {
  const keys = Object.keys(spec.columns) as (keyof C & string)[];
  const body = rows.map((row) =>
    keys.map((key): string | number => {
      const columnSpec = spec.columns[key]!;
      const text = row[key] ?? '';
      if (columnSpec.kind === 'choice') return choiceLabels[key]?.[text] ?? text;
      if (columnSpec.kind === 'text' || columnSpec.kind === 'date') return text;
      const read = readField(text, columnSpec);
      if (!read.ok || read.value === null || typeof read.value !== 'number') return text;
      return columnSpec.kind === 'percent' ? Number((read.value * 100).toPrecision(12)) : read.value;
    }),
  );
  return toCsv([keys.map((k) => labels[k] ?? k), ...body]);
}
