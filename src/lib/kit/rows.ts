/**
 * Tables of rows (segments, budget lines, risks): every cell is typed text read by the same
 * field readers as scalar inputs, so a bad cell gets a message naming its row and column and
 * the other rows still compute. CSV import maps headers to columns by key or by label.
 */
import { parseCsv, type CsvError } from './csv';
import { readField, type FieldSpecs, type Message, type RawValues, type ValuesOf } from './fields';

export interface TableSpec<C extends FieldSpecs> {
  columns: C;
  minRows: number;
  maxRows: number;
}

export type RawRow<C extends FieldSpecs> = RawValues<C>;

export interface RowRead<C extends FieldSpecs> {
  /** Cells that parsed; a cell with an error is absent. */
  values: Partial<ValuesOf<C>>;
  errors: Partial<Record<keyof C, Message>>;
}

export function readRows<C extends FieldSpecs>(spec: TableSpec<C>, rows: readonly RawRow<C>[]): RowRead<C>[] {
  return rows.map((row) => {
    const values: Partial<Record<keyof C, unknown>> = {};
    const errors: Partial<Record<keyof C, Message>> = {};
    for (const key of Object.keys(spec.columns) as (keyof C)[]) {
      const read = readField(row[key] ?? '', spec.columns[key]!);
      if (read.ok) values[key] = read.value;
      else errors[key] = read.message;
    }
    return { values: values as Partial<ValuesOf<C>>, errors };
  });
}

/** Row read with every column present, or undefined if any cell failed. */
export function completeRow<C extends FieldSpecs>(row: RowRead<C>): ValuesOf<C> | undefined {
  return Object.keys(row.errors).length === 0 ? (row.values as ValuesOf<C>) : undefined;
}

export type RowImportError =
  | CsvError
  | { code: 'csv.missingColumn'; column: string }
  | { code: 'csv.badCell'; row: number; column: string; message: Message }
  | { code: 'csv.tooFewRows'; min: number }
  | { code: 'csv.tooManyRows'; max: number };

export type RowImport<C extends FieldSpecs> = { ok: true; rows: RawRow<C>[] } | { ok: false; error: RowImportError };

const normaliseHeader = (h: string) => h.normalize('NFKC').trim().toLowerCase().replace(/[\s_\-()（）%]/g, '');

/**
 * Reads CSV with a header row into raw rows. `labels` maps column keys to the header names a
 * reader may use (both languages); headers match keys or labels, ignoring case and spacing.
 * Every cell is validated; the first bad cell is reported with its 1-based row and its header.
 */
export function rowsFromCsv<C extends FieldSpecs>(
  text: string,
  spec: TableSpec<C>,
  labels: Partial<Record<keyof C, readonly string[]>> = {},
): RowImport<C> {
  const parsed = parseCsv(text, { maxRows: spec.maxRows + 1 });
  if (!parsed.ok) {
    if (parsed.error.code === 'csv.tooLarge') return { ok: false, error: { code: 'csv.tooManyRows', max: spec.maxRows } };
    return { ok: false, error: parsed.error };
  }
  const [header, ...body] = parsed.rows;
  const headers = header!.map(normaliseHeader);
  const columnIndex = {} as Record<keyof C, number>;
  for (const key of Object.keys(spec.columns) as (keyof C & string)[]) {
    const names = [key, ...(labels[key] ?? [])].map(normaliseHeader);
    const index = headers.findIndex((h) => names.includes(h));
    const optional = 'optional' in spec.columns[key]! && spec.columns[key]!.optional === true;
    if (index < 0 && !optional) return { ok: false, error: { code: 'csv.missingColumn', column: labels[key]?.[0] ?? key } };
    columnIndex[key] = index;
  }
  if (body.length < spec.minRows) return { ok: false, error: { code: 'csv.tooFewRows', min: spec.minRows } };
  if (body.length > spec.maxRows) return { ok: false, error: { code: 'csv.tooManyRows', max: spec.maxRows } };
  const rows: RawRow<C>[] = [];
  for (let r = 0; r < body.length; r++) {
    const raw = {} as Record<keyof C, string>;
    for (const key of Object.keys(spec.columns) as (keyof C & string)[]) {
      const index = columnIndex[key];
      const cell = index >= 0 ? (body[r]![index] ?? '') : '';
      const read = readField(cell, spec.columns[key]!);
      if (!read.ok) {
        const column = index >= 0 ? header![index]! : key;
        return { ok: false, error: { code: 'csv.badCell', row: r + 2, column, message: read.message } };
      }
      raw[key] = cell.trim();
    }
    rows.push(raw as RawRow<C>);
  }
  return { ok: true, rows };
}
