/**
 * Calculator inputs in the page URL (so a copied link restores them) and in localStorage.
 * Pure encode/decode: whatever arrives from a link or storage is treated as untrusted text,
 * limited in length, checked against the calculator's field list (choice fields against their
 * options) and only ever used as an input's value. Nothing is rewritten: a value either comes
 * back exactly as it was typed or is refused and named.
 *
 * Rows use their own encoding, separate from CSV export: a JSON array whose first item is the
 * column keys and whose other items are rows of raw cell strings, exactly as typed.
 */
import { parseCsv } from './csv-parse';
import { MAX_FIELD_LENGTH, type FieldSpec, type FieldSpecs, type RawValues } from './fields';

export interface DecodedState<S extends FieldSpecs> {
  raw: Partial<RawValues<S>>;
  /** Parameters that belonged to this calculator but were refused. */
  ignored: string[];
}

export function paramName(calculatorId: string, field: string): string {
  return `${calculatorId}.${field}`;
}

/** `max` defaults to the usual field length; a text field may declare a longer `maxLength`. */
export function sanitizeText(value: string, max: number = MAX_FIELD_LENGTH): string | null {
  return value.length > max ? null : value;
}

/** Writes the fields that differ from their defaults into `params` (others are removed). */
export function encodeState<S extends FieldSpecs>(
  calculatorId: string,
  specs: S,
  raw: RawValues<S>,
  defaults: RawValues<S>,
  params: URLSearchParams,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of Object.keys(specs)) {
    const name = paramName(calculatorId, key);
    const value = raw[key as keyof S];
    if (value === undefined || value === defaults[key as keyof S]) next.delete(name);
    else next.set(name, value);
  }
  return next;
}

export function decodeState<S extends FieldSpecs>(
  calculatorId: string,
  specs: S,
  params: URLSearchParams,
): DecodedState<S> {
  const raw: Partial<Record<keyof S, string>> = {};
  const ignored: string[] = [];
  const prefix = `${calculatorId}.`;
  for (const [name, value] of params) {
    if (!name.startsWith(prefix)) continue;
    const key = name.slice(prefix.length);
    const spec = Object.hasOwn(specs, key) ? specs[key] : undefined;
    const text = sanitizeText(value, spec?.kind === 'text' ? Math.max(spec.maxLength ?? 0, MAX_FIELD_LENGTH) : MAX_FIELD_LENGTH);
    if (!spec || text === null || (spec.kind === 'choice' && !spec.options.includes(text))) {
      ignored.push(key.slice(0, 32));
      continue;
    }
    raw[key as keyof S] = text;
  }
  return { raw: raw as Partial<RawValues<S>>, ignored };
}

/** Reads a stored JSON object of field texts with the same checks as a link. */
export function decodeStored<S extends FieldSpecs>(calculatorId: string, specs: S, json: string | null): Partial<RawValues<S>> {
  if (!json || json.length > 100_000) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
  return decodeSaved(calculatorId, specs, parsed as Record<string, unknown>);
}

/** Reads saved field texts (a scenario's `raw`) with the same checks as a link. */
export function decodeSaved<S extends FieldSpecs>(calculatorId: string, specs: S, saved: Record<string, unknown>): Partial<RawValues<S>> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(saved)) {
    if (typeof value === 'string') params.set(paramName(calculatorId, key), value);
  }
  return decodeState(calculatorId, specs, params).raw;
}

/** The active scenario's name travels in `<id>.scenario` (no field is called so: see the kit test). */
export function scenarioParamName(calculatorId: string): string {
  return `${calculatorId}.scenario`;
}

/** Rows travel in one `<id>.rows` parameter; a table too long for a link stays in storage only. */
export const MAX_ROWS_PARAM_LENGTH = 4000;

/** Longest stored rows encoding read back (200 rows × 12 cells × 64 characters, escaped, fits). */
const MAX_STORED_ROWS_LENGTH = 1_000_000;

export function rowsParamName(calculatorId: string): string {
  return `${calculatorId}.rows`;
}

/** Rows as `[[keys…], [cells…], …]` JSON: every string comes back exactly, whatever it holds. */
export function encodeRows<C extends FieldSpecs>(columns: C, rows: readonly RawValues<C>[]): string {
  const keys = Object.keys(columns);
  return JSON.stringify([keys, ...rows.map((row) => keys.map((k) => row[k as keyof C] ?? ''))]);
}

export interface DecodedRows<C extends FieldSpecs> {
  rows: RawValues<C>[];
  /** True when something was refused (a bad row, a cell too long, an unknown choice, too many rows). */
  partial: boolean;
}

/**
 * The cell text a stored or linked row may hold: any string up to the column's length; a choice
 * must be one of its options (else `fallback`'s value is used and the row is marked partial).
 */
function acceptCell(value: unknown, spec: FieldSpec): string | null {
  if (typeof value !== 'string') return null;
  const max = spec.kind === 'text' ? Math.max(spec.maxLength ?? 0, MAX_FIELD_LENGTH) : MAX_FIELD_LENGTH;
  if (value.length > max) return null;
  if (spec.kind === 'choice' && !spec.options.includes(value)) return null;
  return value;
}

/** A cell that holds no text: blank, or a choice column's first option. */
export function blankCell(spec: FieldSpec): string {
  return spec.kind === 'choice' ? (spec.options[0] ?? '') : '';
}

/**
 * Reads rows encoded by `encodeRows` (or, for links and storage written before it, CSV with a
 * header row of keys). Cells are kept as typed text, valid or not: one bad cell never discards
 * a row and one bad row never discards the table. Returns null when nothing is readable.
 */
export function decodeRows<C extends FieldSpecs>(
  table: { columns: C; minRows: number; maxRows: number },
  text: string,
  fillRow: (index: number) => RawValues<C>,
): DecodedRows<C> | null {
  const grid = text.trimStart().startsWith('[') ? jsonGrid(text) : legacyCsvGrid(text);
  if (!grid || grid.length === 0) return null;
  const [header, ...body] = grid;
  if (!Array.isArray(header)) return null;
  const keys = Object.keys(table.columns) as (keyof C & string)[];
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    if (typeof h === 'string' && Object.hasOwn(table.columns, h) && !index.has(h)) index.set(h, i);
  });
  if (index.size === 0) return null;
  // A column the encoding leaves out reads as blank cells (a hand-written link may carry only some).
  let partial = false;
  const rows: RawValues<C>[] = [];
  for (const cells of body) {
    if (!Array.isArray(cells)) {
      partial = true;
      continue;
    }
    if (rows.length >= table.maxRows) {
      partial = true;
      break;
    }
    const row = {} as Record<keyof C, string>;
    for (const key of keys) {
      const at = index.get(key);
      const cell = at === undefined ? blankCell(table.columns[key]!) : acceptCell(cells[at], table.columns[key]!);
      if (cell === null) partial = true;
      row[key] = cell ?? blankCell(table.columns[key]!);
    }
    rows.push(row as RawValues<C>);
  }
  while (rows.length < table.minRows) rows.push(fillRow(rows.length));
  return { rows, partial };
}

function jsonGrid(text: string): unknown[] | null {
  if (text.length > MAX_STORED_ROWS_LENGTH) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * Links and storage written before the JSON encoding held rows as exported CSV, whose formula
 * defence prefixed `'` to cells starting with = + - @ tab CR: that prefix is taken off again.
 */
function legacyCsvGrid(text: string): string[][] | null {
  if (text.length > MAX_STORED_ROWS_LENGTH) return null;
  const parsed = parseCsv(text, { delimiter: ',' });
  if (!parsed.ok) return null;
  return parsed.rows.map((row) => row.map((cell) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell)));
}
