/**
 * The contract every calculator module fulfils: field specs, default and worked-example
 * inputs as typed text, and a pure `compute` from parsed values to results and issues.
 *
 * `compute` receives only the fields that parsed; it computes every result whose inputs are
 * present, so one bad field never blanks the whole panel.
 */
import type { CalculatorId } from '../../catalog';
import type { FieldSpec, FieldSpecs, Message, RawValues, ValuesOf } from './fields';
import { MAX_MAGNITUDE, MIN_MAGNITUDE } from './parse-number';
import type { RawRow, RowRead, TableSpec } from './rows';

export type Severity = 'error' | 'warning' | 'info';

export interface Issue extends Message {
  severity: Severity;
  /** The input field the issue belongs next to, if any. */
  field?: string;
  /** For table calculators: the 0-based row (and optionally column) the issue belongs to. */
  row?: number;
  column?: string;
}

export interface CalcOutput<R> {
  results: Partial<R>;
  issues: Issue[];
}

/** `C` is the column set of the calculator's editable table, if it has one. */
export interface CalculatorDefinition<S extends FieldSpecs, R, C extends FieldSpecs = Record<never, never>> {
  id: CalculatorId;
  fields: S;
  defaults: RawValues<S>;
  example: RawValues<S>;
  table?: TableSpec<C>;
  defaultRows?: RawRow<C>[];
  exampleRows?: RawRow<C>[];
  compute(values: Partial<ValuesOf<S>>, rows: RowRead<C>[]): CalcOutput<R>;
}

export function defineCalculator<S extends FieldSpecs, R, C extends FieldSpecs = Record<never, never>>(
  def: CalculatorDefinition<S, R, C>,
): CalculatorDefinition<S, R, C> {
  return def;
}

/** Returns the requested values when all are present (parsed and not null), else undefined. */
export function need<V extends Record<string, unknown>, K extends keyof V>(
  values: Partial<V>,
  ...keys: K[]
): { [P in K]: NonNullable<V[P]> } | undefined {
  const out = {} as { [P in K]: NonNullable<V[P]> };
  for (const key of keys) {
    const value = values[key];
    if (value === undefined || value === null) return undefined;
    out[key] = value as NonNullable<V[K]>;
  }
  return out;
}

/**
 * Rounds to 9 decimals before comparing with a cut-off or taking ⌈ ⌉ / ⌊ ⌋, so exact
 * boundary cases land where the rule says (0.29999999999999993 counts as 30%). Above 10^6,
 * x·10^9 passes 2^53 and would itself lose digits, so large values keep 15 significant digits.
 */
export function round9(x: number): number {
  if (!Number.isFinite(x)) return x;
  return Math.abs(x) < 1e6 ? Math.round(x * 1e9) / 1e9 : Number(x.toPrecision(15));
}

export function ceilSafe(x: number): number {
  return Math.ceil(round9(x));
}

export function floorSafe(x: number): number {
  return Math.floor(round9(x));
}

/** True when every number inside `value` (recursively) is finite. */
export function isAllFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isAllFinite);
  if (value !== null && typeof value === 'object') return Object.values(value).every(isAllFinite);
  return true;
}

/**
 * Last line of defence against NaN/Infinity on screen: removes every top-level result that
 * holds a non-finite number (e.g. ratios of extreme but valid inputs such as 1e-300 and 1e15)
 * and returns the removed keys, so the calculator can add one issue explaining why.
 */
export function dropNonFinite<R>(results: Partial<R>): (keyof R)[] {
  const dropped: (keyof R)[] = [];
  for (const key of Object.keys(results) as (keyof R)[]) {
    if (!isAllFinite(results[key])) {
      delete results[key];
      dropped.push(key);
    }
  }
  return dropped;
}

/**
 * The one guard every island runs instead of calling `compute` directly: an exception becomes
 * an issue (`kit.computeFailed`) instead of a broken island, and every non-finite result is
 * removed and named in one issue (`kit.nonFinite`), so NaN or Infinity never reaches the screen.
 */
/**
 * Whether a value is one the parser could have produced for its field: finite, within the
 * magnitudes the parser accepts and the field's own bounds. Modules may rely on this (a count's
 * `max` bounds a loop), so `runCompute` leaves out anything else before computing.
 */
export function fitsSpec(value: unknown, spec: FieldSpec): boolean {
  if (value === null) return 'optional' in spec && spec.optional === true;
  if (spec.kind === 'choice') return typeof value === 'string' && (spec.options as readonly string[]).includes(value);
  if (spec.kind === 'text') return typeof value === 'string';
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  if (spec.kind === 'date') return Number.isInteger(value) && Math.abs(value) <= 1e7;
  const typed = spec.kind === 'percent' ? value * 100 : value; // the parser checks magnitudes as typed
  // (A hair of slack: a percentage typed at the limit may come back a rounding error beyond it.)
  if (Math.abs(typed) > MAX_MAGNITUDE * (1 + 1e-9) || (typed !== 0 && Math.abs(typed) < MIN_MAGNITUDE * (1 - 1e-9))) return false;
  if (spec.kind === 'count' && !Number.isInteger(value)) return false;
  if (spec.min !== undefined && value < spec.min) return false;
  if (spec.above !== undefined && value <= spec.above) return false;
  if (spec.max !== undefined && value > spec.max) return false;
  if (spec.below !== undefined && value >= spec.below) return false;
  return true;
}

function keepFitting<S extends FieldSpecs>(specs: S, values: Partial<Record<keyof S, unknown>>): { kept: Partial<Record<keyof S, unknown>>; left: (keyof S)[] } {
  const kept: Partial<Record<keyof S, unknown>> = {};
  const left: (keyof S)[] = [];
  for (const key of Object.keys(values) as (keyof S)[]) {
    const spec = specs[key];
    if (spec && fitsSpec(values[key], spec)) kept[key] = values[key];
    else left.push(key);
  }
  return { kept, left };
}

export function runCompute<S extends FieldSpecs, R, C extends FieldSpecs>(
  def: CalculatorDefinition<S, R, C>,
  values: Partial<ValuesOf<S>>,
  rows: RowRead<C>[],
): CalcOutput<R> {
  // Values that did not come through the parser (a test, a future caller) are held to the same
  // contract, so no module ever loops or divides on a value no field accepts.
  const fitting = keepFitting(def.fields, values).kept as Partial<ValuesOf<S>>;
  const fittingRows = def.table
    ? rows.map((row) => {
        const { kept, left } = keepFitting(def.table!.columns, row.values);
        if (left.length === 0) return row;
        const errors = { ...row.errors } as Partial<Record<keyof C, Message>>;
        for (const key of left) errors[key] = { code: 'parse.notANumber' };
        return { values: kept as RowRead<C>['values'], errors };
      })
    : rows;
  let output: CalcOutput<R>;
  try {
    output = def.compute(fitting, fittingRows);
  } catch {
    return { results: {}, issues: [{ severity: 'error', code: 'kit.computeFailed' }] };
  }
  const results = { ...output.results };
  const dropped = dropNonFinite(results);
  const issues = output.issues.filter((issue) => isAllFinite(issue.params));
  if (dropped.length) issues.push({ severity: 'warning', code: 'kit.nonFinite', params: { count: dropped.length, names: dropped.map(String).join(', ') } });
  return { results, issues };
}
