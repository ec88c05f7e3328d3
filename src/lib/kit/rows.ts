/**
 * Tables of rows (segments, budget lines, risks): every cell is typed text read by the same
 * field readers as scalar inputs, so a bad cell gets a message naming its row and column and
 * the other rows still compute. CSV import and export of rows: `row-csv.ts`.
 */
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
