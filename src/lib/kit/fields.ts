/**
 * Field specifications and the single place where typed text becomes a value.
 * Calculators declare their fields; the UI and the URL/CSV readers all call `readField`.
 */
import type { ParsedDate } from './parse-date';
import { parseNumber } from './parse-number';

export type NumericKind = 'number' | 'money' | 'percent' | 'count';

export interface NumericFieldSpec {
  kind: NumericKind;
  /** Inclusive lower bound (after percent conversion, i.e. a fraction for percent fields). */
  min?: number;
  /** Exclusive lower bound, for "must be above" rules such as a price > 0. */
  above?: number;
  max?: number;
  /** Below this the value is refused (exclusive upper bound), e.g. a margin below 100%. */
  below?: number;
  /** An empty optional field reads as `null` instead of an error. */
  optional?: boolean;
}

export interface ChoiceFieldSpec<T extends string = string> {
  kind: 'choice';
  options: readonly T[];
}

/** Free text such as a segment or budget-line name; shown only as text, never as markup. */
export interface TextFieldSpec {
  kind: 'text';
  maxLength?: number;
  optional?: boolean;
}

/**
 * A calendar date, stored as a day number (days since 1970-01-01 UTC). The spec carries its
 * reader (`parseDate` from parse-date.ts) so only calculators with dates load the date parser.
 */
export interface DateFieldSpec {
  kind: 'date';
  parse: (raw: string) => ParsedDate;
  optional?: boolean;
}

export type FieldSpec = NumericFieldSpec | ChoiceFieldSpec | TextFieldSpec | DateFieldSpec;

/**
 * A message parameter: text, a plain number, or a number with the unit it is shown in
 * (money in the reader's currency, a fraction shown as a percentage).
 */
export type MessageParam = string | number | { money: number } | { percent: number };

/** A message code with parameters; the UI looks the code up in the reader's language. */
export interface Message {
  code: string;
  params?: Record<string, MessageParam>;
}

export type FieldRead<T> = { ok: true; value: T } | { ok: false; message: Message };

/** Longest text accepted from a field, a link or a CSV cell. */
export const MAX_FIELD_LENGTH = 64;

export function readNumericField(raw: string, spec: NumericFieldSpec): FieldRead<number | null> {
  if (raw.length > MAX_FIELD_LENGTH) return { ok: false, message: { code: 'parse.tooLong', params: { max: MAX_FIELD_LENGTH } } };
  const parsed = parseNumber(raw);
  if (!parsed.ok) {
    if (parsed.error === 'empty' && spec.optional) return { ok: true, value: null };
    return { ok: false, message: { code: `parse.${parsed.error}` } };
  }
  if (parsed.hadPercentSign && spec.kind !== 'percent') {
    return { ok: false, message: { code: 'parse.percentNotAllowed' } };
  }
  // Percent fields are typed as percent (`12`, `12%`, `12.5`) and stored as fractions.
  const value = spec.kind === 'percent' ? parsed.value / 100 : parsed.value;
  if (spec.kind === 'count' && !Number.isInteger(value)) return { ok: false, message: { code: 'range.integer' } };
  const show = (bound: number) => (spec.kind === 'percent' ? bound * 100 : bound);
  if (spec.min !== undefined && value < spec.min) return { ok: false, message: { code: spec.kind === 'percent' ? 'range.minPercent' : 'range.min', params: { min: show(spec.min) } } };
  if (spec.above !== undefined && value <= spec.above) return { ok: false, message: { code: spec.kind === 'percent' ? 'range.abovePercent' : 'range.above', params: { min: show(spec.above) } } };
  if (spec.max !== undefined && value > spec.max) return { ok: false, message: { code: spec.kind === 'percent' ? 'range.maxPercent' : 'range.max', params: { max: show(spec.max) } } };
  if (spec.below !== undefined && value >= spec.below) return { ok: false, message: { code: spec.kind === 'percent' ? 'range.belowPercent' : 'range.below', params: { max: show(spec.below) } } };
  return { ok: true, value };
}

export function readChoiceField<T extends string>(raw: string, spec: ChoiceFieldSpec<T>): FieldRead<T> {
  const match = spec.options.find((option) => option === raw);
  return match === undefined ? { ok: false, message: { code: 'parse.unknownChoice' } } : { ok: true, value: match };
}

export function readTextField(raw: string, spec: TextFieldSpec): FieldRead<string> {
  const max = spec.maxLength ?? MAX_FIELD_LENGTH;
  const text = raw.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').trim();
  if (text.length > max) return { ok: false, message: { code: 'parse.tooLong', params: { max } } };
  if (text === '' && !spec.optional) return { ok: false, message: { code: 'parse.emptyText' } };
  return { ok: true, value: text };
}

export function readDateField(raw: string, spec: DateFieldSpec): FieldRead<number | null> {
  if (raw.length > MAX_FIELD_LENGTH) return { ok: false, message: { code: 'parse.tooLong', params: { max: MAX_FIELD_LENGTH } } };
  const parsed = spec.parse(raw);
  if (parsed.ok) return { ok: true, value: parsed.day };
  if (parsed.error === 'empty' && spec.optional) return { ok: true, value: null };
  return { ok: false, message: { code: parsed.error === 'empty' ? 'parse.emptyDate' : 'parse.notADate' } };
}

/** Reads one field of any kind. */
export function readField(raw: string, spec: FieldSpec): FieldRead<unknown> {
  if (spec.kind === 'choice') return readChoiceField(raw, spec);
  if (spec.kind === 'text') return readTextField(raw, spec);
  if (spec.kind === 'date') return readDateField(raw, spec);
  return readNumericField(raw, spec);
}

export type FieldSpecs = Record<string, FieldSpec>;

/** The value type a spec produces. */
export type ValueOf<S extends FieldSpec> = S extends ChoiceFieldSpec<infer T>
  ? T
  : S extends TextFieldSpec
    ? string
  : S extends { optional: true }
    ? number | null
    : number;

export type ValuesOf<S extends FieldSpecs> = { [K in keyof S]: ValueOf<S[K]> };
export type RawValues<S extends FieldSpecs> = { [K in keyof S]: string };

export interface ReadAll<S extends FieldSpecs> {
  /** Every field that parsed; a field with an error is absent. */
  values: Partial<ValuesOf<S>>;
  errors: Partial<Record<keyof S, Message>>;
}

export function readFields<S extends FieldSpecs>(specs: S, raw: RawValues<S>): ReadAll<S> {
  const values: Partial<Record<keyof S, unknown>> = {};
  const errors: Partial<Record<keyof S, Message>> = {};
  for (const key of Object.keys(specs) as (keyof S)[]) {
    const spec = specs[key]!;
    const text = raw[key] ?? '';
    const read = readField(text, spec);
    if (read.ok) values[key] = read.value;
    else errors[key] = read.message;
  }
  return { values: values as Partial<ValuesOf<S>>, errors };
}
