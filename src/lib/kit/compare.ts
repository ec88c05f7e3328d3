/**
 * Side-by-side comparison of a calculator's scenarios: which inputs differ, and each key result
 * with its absolute and relative difference from the first scenario (the reference). Pure: the
 * results come from `runCompute`; formatting is the island's. A difference that cannot be given
 * as a finite number carries a reason instead, so the table shows a dash and says why.
 */
import { runCompute, type CalculatorDefinition } from './calculator';
import { readFields, type FieldSpecs, type RawValues } from './fields';
import { readRows, type RawRow } from './rows';

export interface ScenarioInputs {
  raw: Record<string, string>;
  rows: Record<string, string>[];
}

/** Why a difference is not shown: no value on one side, not a number, a zero reference, too large. */
export type NoDifference = 'missing' | 'notNumber' | 'zeroReference' | 'tooLarge';

export interface Difference {
  /** value − reference, or why there is none. */
  absolute: number | NoDifference;
  /** (value − reference) / |reference|, or why there is none. */
  relative: number | NoDifference;
}

export interface ComparedResult {
  key: string;
  values: (number | string | null)[];
  /** One per scenario after the first (the first is the reference). */
  differences: Difference[];
}

export interface Comparison {
  /** Field keys in the calculator's order, each with whether the scenarios' texts differ. */
  inputs: { key: string; values: string[]; differs: boolean }[];
  /** Table rows (null when the calculator has none): the count per scenario and whether any cell differs. */
  rows: { counts: number[]; differs: boolean } | null;
  results: ComparedResult[];
}

/** The difference of `value` from `reference`, finite or with its reason. */
export function difference(reference: unknown, value: unknown): Difference {
  if (reference === undefined || reference === null || value === undefined || value === null) return { absolute: 'missing', relative: 'missing' };
  if (typeof reference !== 'number' || typeof value !== 'number') return { absolute: 'notNumber', relative: 'notNumber' };
  if (!Number.isFinite(reference) || !Number.isFinite(value)) return { absolute: 'missing', relative: 'missing' };
  const absolute = value - reference;
  if (!Number.isFinite(absolute)) return { absolute: 'tooLarge', relative: 'tooLarge' };
  if (reference === 0) return { absolute, relative: absolute === 0 ? 0 : 'zeroReference' };
  const relative = absolute / Math.abs(reference);
  return { absolute, relative: Number.isFinite(relative) ? relative : 'tooLarge' };
}

/**
 * Compares two or three scenarios of `def`. `resultKeys` are the key results to compare (those the
 * island declares with `emphasis`); a result that is an object or array is left out.
 */
export function compareScenarios<S extends FieldSpecs, R, C extends FieldSpecs>(
  def: CalculatorDefinition<S, R, C>,
  scenarios: readonly ScenarioInputs[],
  resultKeys: readonly string[],
): Comparison {
  const outputs = scenarios.map((s) => {
    const raw = { ...def.defaults, ...s.raw } as RawValues<S>;
    const read = readFields(def.fields, raw);
    const rows = def.table ? readRows(def.table, s.rows as RawRow<C>[]) : [];
    return { raw, results: runCompute(def, read.values, rows).results as Record<string, unknown> };
  });
  const inputs = Object.keys(def.fields).map((key) => {
    const values = outputs.map((o) => (o.raw as Record<string, string>)[key] ?? '');
    return { key, values, differs: values.some((v) => v !== values[0]) };
  });
  const rowTexts = scenarios.map((s) => JSON.stringify(s.rows));
  const rows = def.table ? { counts: scenarios.map((s) => s.rows.length), differs: rowTexts.some((t) => t !== rowTexts[0]) } : null;
  const results = resultKeys.map((key) => {
    const values = outputs.map((o) => {
      const v = o.results[key];
      return typeof v === 'number' || typeof v === 'string' ? v : null;
    });
    return { key, values, differences: values.slice(1).map((v) => difference(values[0], v)) };
  });
  return { inputs, rows, results };
}
