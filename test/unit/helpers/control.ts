/**
 * Shared checks for the chapter 10/11/13/14 calculator tests: run a calculator from typed text,
 * and fuzz every field and cell with random text.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { strings } from '~/i18n';
import { isAllFinite, type CalculatorDefinition } from '~/lib/kit/calculator';
import { readFields, type FieldSpecs, type RawValues } from '~/lib/kit/fields';
import { readRows, type RawRow } from '~/lib/kit/rows';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyCalc = CalculatorDefinition<any, any, any>;

export function runCalc<S extends FieldSpecs, R, C extends FieldSpecs>(
  calc: CalculatorDefinition<S, R, C>,
  overrides: Partial<RawValues<S>> = {},
  rows?: RawRow<C>[],
  base: 'example' | 'defaults' = 'example',
) {
  const raw = { ...calc[base], ...overrides } as RawValues<S>;
  const read = readFields(calc.fields, raw);
  const tableRows = rows ?? (base === 'example' ? calc.exampleRows : calc.defaultRows) ?? [];
  const reads = calc.table ? readRows(calc.table, tableRows) : [];
  const out = calc.compute(read.values, reads);
  return { ...out, fieldErrors: read.errors, reads };
}

export const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

/** Every message code has a non-empty string in both languages. */
export function expectMessages(list: readonly string[]) {
  for (const code of list) {
    expect(strings.en.messages, code).toHaveProperty([code]);
    expect(strings['zh-CN'].messages, code).toHaveProperty([code]);
  }
}

function checkOutput(calc: AnyCalc, out: ReturnType<typeof runCalc>) {
  expect(isAllFinite(out.results)).toBe(true);
  expectMessages(out.issues.map((i) => i.code));
  expectMessages(Object.values(out.fieldErrors).map((m) => (m as { code: string }).code));
  for (const r of out.reads) expectMessages(Object.values(r.errors).map((m) => (m as { code: string }).code));
  void calc;
}

/** Random text in any field (from defaults and example): a value or a field message, never an exception. */
export function fuzzFields(calc: AnyCalc, numRuns = 300) {
  const keys = Object.keys(calc.fields);
  fc.assert(
    fc.property(fc.constantFrom(...keys), fc.string({ maxLength: 80 }), fc.constantFrom('example' as const, 'defaults' as const), (key, text, base) => {
      const out = runCalc(calc, { [key]: text }, undefined, base);
      const read = readFields(calc.fields, { ...calc[base], [key]: text });
      if (read.values[key] === undefined) expect(read.errors[key]).toBeDefined();
      checkOutput(calc, out);
    }),
    { numRuns },
  );
}

/** Random text in any cell: a value or a cell message, never an exception or a non-finite result. */
export function fuzzCells(calc: AnyCalc, numRuns = 300) {
  if (!calc.table) return;
  const columns = Object.keys(calc.table.columns);
  const rows = calc.exampleRows ?? [];
  fc.assert(
    fc.property(fc.integer({ min: 0, max: Math.max(0, rows.length - 1) }), fc.constantFrom(...columns), fc.string({ maxLength: 80 }), (rowIndex, column, text) => {
      const edited = rows.map((r: Record<string, string>, i: number) => (i === rowIndex ? { ...r, [column]: text } : r));
      const out = runCalc(calc, {}, edited);
      const cell = out.reads[rowIndex];
      if (cell && cell.values[column] === undefined) expect(cell.errors[column]).toBeDefined();
      checkOutput(calc, out);
    }),
    { numRuns },
  );
}

/** Numbers in every numeric field drawn from a wide range (including 0 and extremes): finite output. */
export function fuzzNumbers(calc: AnyCalc, numRuns = 300) {
  const keys = Object.keys(calc.fields).filter((k) => calc.fields[k].kind !== 'choice' && calc.fields[k].kind !== 'text');
  const num = fc.oneof(fc.constantFrom('0', '1', '-1', '1e-300', '1e12', '0.5', '100'), fc.double({ min: -1e13, max: 1e13, noNaN: true }).map(String));
  fc.assert(
    fc.property(fc.record(Object.fromEntries(keys.map((k) => [k, num]))), (overrides) => {
      checkOutput(calc, runCalc(calc, overrides as Record<string, string>));
    }),
    { numRuns },
  );
}
