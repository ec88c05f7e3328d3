/**
 * A stored scenario's results, computed away from its calculator (the plan page): the scenario's
 * field texts and rows are checked like a link's (`decodeSaved`, `decodeRows`), read by the same
 * field readers as the island (`readFields`, `readRows`) and computed through `runCompute`, so the
 * figures are the ones the calculator shows for that scenario. Pure.
 */
import { runCompute, type CalcOutput, type CalculatorDefinition } from './calculator';
import { readFields, type FieldSpecs, type RawValues, type ReadAll } from './fields';
import { readRows, type RawRow, type RowRead } from './rows';
import type { Scenario } from './store';
import { blankCell, decodeRows, decodeSaved } from './url-state';

export interface ScenarioOutput<S extends FieldSpecs, R, C extends FieldSpecs> {
  raw: RawValues<S>;
  rows: RawRow<C>[];
  /** The fields and rows as read (parsed values and errors), as the island reads them. */
  read: ReadAll<S>;
  rowReads: RowRead<C>[];
  output: CalcOutput<R>;
}

/**
 * `def` may carry the reader's-language default rows (as the island's does), used when the
 * scenario holds none, exactly as in the calculator.
 */
export function computeScenario<S extends FieldSpecs, R, C extends FieldSpecs>(
  def: CalculatorDefinition<S, R, C>,
  scenario: Pick<Scenario, 'raw' | 'rows'>,
): ScenarioOutput<S, R, C> {
  const raw = { ...def.defaults, ...decodeSaved(def.id, def.fields, scenario.raw) } as RawValues<S>;
  const defaultRows = (def.defaultRows ?? []) as RawRow<C>[];
  const blankRow = () =>
    Object.fromEntries(Object.entries(def.table?.columns ?? {}).map(([k, spec]) => [k, blankCell(spec)])) as RawRow<C>;
  const fillRow = (i: number) => ({ ...(defaultRows[i] ?? blankRow()) });
  const rows = def.table && scenario.rows !== null ? (decodeRows(def.table, scenario.rows, fillRow)?.rows ?? defaultRows) : defaultRows;
  const read = readFields(def.fields, raw);
  const rowReads = def.table ? readRows(def.table, rows) : [];
  return { raw, rows, read, rowReads, output: runCompute(def, read.values, rowReads) };
}
