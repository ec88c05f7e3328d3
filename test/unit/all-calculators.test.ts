/**
 * Every calculator module in the registry, through the kit's `runCompute` guard: any numbers
 * (NaN, ±Infinity, ±1e308, subnormals) handed straight to `compute`, and any text through the
 * parser, give only finite numbers in the results and return (a hang fails by the timeout; the
 * slowest call is printed). A new calculator is
 * covered by adding it to `src/lib/calculators/registry.ts`.
 */
import { CALCULATOR_IDS } from '~/catalog';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALCULATORS, type AnyCalculator } from '~/lib/calculators/registry';
import { isAllFinite, runCompute } from '~/lib/kit/calculator';
import { readFields, type FieldSpec } from '~/lib/kit/fields';
import { readRows, type RowRead } from '~/lib/kit/rows';

const EXTREMES = [NaN, Infinity, -Infinity, 1e308, -1e308, Number.MAX_VALUE, -Number.MAX_VALUE, 5e-324, -5e-324, 2.2e-308, 0, -0, 1e15, -1e15, 1e-15];
const anyNumber = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...EXTREMES) }, { weight: 2, arbitrary: fc.double() }, { weight: 1, arbitrary: fc.integer({ min: -5, max: 20 }) });

/** A value of the right shape for the spec, but any number at all for numeric and date fields. */
function anyValue(spec: FieldSpec): fc.Arbitrary<unknown> {
  if (spec.kind === 'choice') return fc.constantFrom(...spec.options);
  if (spec.kind === 'text') return fc.string({ maxLength: 20 });
  const optional = 'optional' in spec && spec.optional === true;
  return optional ? fc.oneof(anyNumber, fc.constant(null)) : anyNumber;
}

function anyValues(specs: Record<string, FieldSpec>) {
  return fc.record(Object.fromEntries(Object.entries(specs).map(([k, spec]) => [k, anyValue(spec)])), { requiredKeys: [] });
}

function anyRows(def: AnyCalculator): fc.Arbitrary<RowRead<Record<string, FieldSpec>>[]> {
  if (!def.table) return fc.constant([]);
  return fc.array(anyValues(def.table.columns).map((values) => ({ values, errors: {} })), {
    minLength: def.table.minRows,
    maxLength: Math.min(def.table.maxRows, 12),
  }) as fc.Arbitrary<RowRead<Record<string, FieldSpec>>[]>;
}

const TEXTS = ['', '1e308', '5e-324', '-5e-324', '1e-320', '-0', '１２３', '12%', '-$5,000', '1.000', 'NaN', 'Infinity', '999999999999999', '-999999999999999', '0.000000001'];
const anyText = fc.oneof(fc.constantFrom(...TEXTS), fc.string({ maxLength: 12 }), fc.double().map(String));

/**
 * Runs compute and returns the time it took. The time is printed, not compared with a limit (a
 * shared machine makes any limit a coin toss): a hang or an input-sized loop fails the property by
 * the test's timeout instead, and `npm run bench` holds the speed figures.
 */
function timedRun(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

describe('every calculator module through runCompute', () => {
  it('the registry holds every catalog calculator under its own id', () => {
    expect(Object.keys(CALCULATORS).sort()).toEqual([...CALCULATOR_IDS].sort());
    for (const [id, def] of Object.entries(CALCULATORS)) expect(def!.id).toBe(id);
  });

  for (const [id, def] of Object.entries(CALCULATORS) as [string, AnyCalculator][]) {
    it(`${id}: any numbers passed straight to compute give only finite results, promptly (property)`, { timeout: 120_000 }, () => {
      let slowest = 0;
      fc.assert(
        fc.property(anyValues(def.fields), anyRows(def), (values, rows) => {
          let output: ReturnType<typeof runCompute> | undefined;
          slowest = Math.max(slowest, timedRun(() => (output = runCompute(def, values as never, rows as never))));
          expect(isAllFinite(output!.results), JSON.stringify(output!.results).slice(0, 300)).toBe(true);
          for (const issue of output!.issues) expect(isAllFinite(issue.params ?? {})).toBe(true);
        }),
        { numRuns: 150 },
      );
      console.log(`${id}: slowest of 150 compute calls on extreme numbers: ${slowest.toFixed(1)} ms`);
    });

    it(`${id}: any text through the parser gives only finite results, promptly (property)`, { timeout: 120_000 }, () => {
      const textRows = def.table
        ? fc.array(fc.record(Object.fromEntries(Object.keys(def.table.columns).map((k) => [k, anyText]))), { minLength: def.table.minRows, maxLength: Math.min(def.table.maxRows, 8) })
        : fc.constant([]);
      let slowest = 0;
      fc.assert(
        fc.property(fc.record(Object.fromEntries(Object.keys(def.fields).map((k) => [k, anyText]))), textRows, (raw, rawRows) => {
          const read = readFields(def.fields, { ...def.defaults, ...raw });
          const rows = def.table ? readRows(def.table, rawRows as never) : [];
          let output: ReturnType<typeof runCompute> | undefined;
          slowest = Math.max(slowest, timedRun(() => (output = runCompute(def, read.values, rows))));
          expect(isAllFinite(output!.results)).toBe(true);
        }),
        { numRuns: 150 },
      );
      console.log(`${id}: slowest of 150 compute calls on any text: ${slowest.toFixed(1)} ms`);
    });
  }

  it('an exception in compute becomes one issue, never a crash', () => {
    const def = { ...CALCULATORS['C05.1']!, compute: () => { throw new Error('boom'); } } as AnyCalculator;
    expect(runCompute(def, {}, [])).toEqual({ results: {}, issues: [{ severity: 'error', code: 'kit.computeFailed' }] });
  });

  it('non-finite results are removed and named in one issue', () => {
    const def = { ...CALCULATORS['C05.1']!, compute: () => ({ results: { a: 1, b: NaN, c: [Infinity] }, issues: [] }) } as AnyCalculator;
    const out = runCompute(def, {}, []);
    expect(out.results).toEqual({ a: 1 });
    expect(out.issues).toEqual([{ severity: 'warning', code: 'kit.nonFinite', params: { count: 2, names: 'b, c' } }]);
  });
});
