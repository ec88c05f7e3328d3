/**
 * Calculator inputs in the page URL (so a copied link restores them) and in localStorage.
 * Pure encode/decode: whatever arrives from a link or storage is treated as untrusted text,
 * limited in length, stripped of control characters, checked against the calculator's field
 * list (choice fields against their options) and only ever used as an input's value.
 */
import { MAX_FIELD_LENGTH, type FieldSpecs, type RawValues } from './fields';

export interface DecodedState<S extends FieldSpecs> {
  raw: Partial<RawValues<S>>;
  /** Parameters that belonged to this calculator but were refused. */
  ignored: string[];
}

const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

export function paramName(calculatorId: string, field: string): string {
  return `${calculatorId}.${field}`;
}

/** `max` defaults to the usual field length; a text field may declare a longer `maxLength`. */
export function sanitizeText(value: string, max: number = MAX_FIELD_LENGTH): string | null {
  if (value.length > max) return null;
  return value.replace(CONTROL_CHARS, '');
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
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value === 'string') params.set(paramName(calculatorId, key), value);
  }
  return decodeState(calculatorId, specs, params).raw;
}

/** Rows travel in one `<id>.rows` parameter as CSV; a table too long for a link stays in storage only. */
export const MAX_ROWS_PARAM_LENGTH = 4000;

export function rowsParamName(calculatorId: string): string {
  return `${calculatorId}.rows`;
}
