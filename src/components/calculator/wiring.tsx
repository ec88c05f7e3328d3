/**
 * The wiring every calculator island repeats: a renderer per common field kind (number, text,
 * choice), bound to the island's definition, state and labels; and the usual split of a
 * calculator's issues. Rarer kinds have their own module (dates: `dateRenderer` in DateField.tsx).
 */
import type { Issue } from '../../lib/kit/calculator';
import type { ChoiceFieldSpec, FieldSpecs, Message, NumericFieldSpec, ReadAll, RawValues, TextFieldSpec } from '../../lib/kit/fields';
import { ChoiceField, NumberField, TextField, type FieldContext } from './Fields';
import type { RawRow, RowRead } from '../../lib/kit/rows';

/** The part of `useCalculatorState` the field renderers read and write. */
export interface FieldState<S extends FieldSpecs> {
  raw: RawValues<S>;
  read: ReadAll<S>;
  setField: (key: keyof S, value: string) => void;
}

/** What a renderer may override: the label (else the island's label for the key) and a hint. */
export interface FieldExtra {
  label?: string | undefined;
  hint?: string | undefined;
}

export type KeysOf<S extends FieldSpecs, F> = { [K in keyof S]: S[K] extends F ? K : never }[keyof S] & string;
type OptionOf<S> = S extends ChoiceFieldSpec<infer T> ? T : never;

/**
 * Renderers for an island's fields. A field's message is its parse error, else the first of
 * `issues` that names it (pass only the issues meant to sit beside their field).
 */
export function fieldRenderers<S extends FieldSpecs>(
  ctx: FieldContext,
  fields: S,
  state: FieldState<S>,
  labels: Partial<Record<keyof S, string>>,
  issues: readonly Issue[] = [],
) {
  const error = (key: keyof S & string): Message | undefined => state.read.errors[key] ?? issues.find((i) => i.field === key);
  const common = (key: keyof S & string, extra?: FieldExtra) => ({
    key,
    ctx,
    name: key,
    label: extra?.label ?? labels[key] ?? key,
    raw: state.raw[key],
    onInput: (v: string) => state.setField(key, v),
  });
  const value = (key: keyof S) => state.read.values[key] as number | null | undefined;
  return {
    error,
    value,
    /** The props every field component takes, for renderers of rarer kinds (see DateField.tsx). */
    props: common,
    number: (key: KeysOf<S, NumericFieldSpec>, extra?: FieldExtra) => (
      <NumberField {...common(key, extra)} spec={fields[key] as NumericFieldSpec} value={value(key)} error={error(key)} hint={extra?.hint} />
    ),
    text: (key: KeysOf<S, TextFieldSpec>, extra?: FieldExtra) => (
      <TextField {...common(key, extra)} spec={fields[key] as TextFieldSpec} error={error(key)} hint={extra?.hint} />
    ),
    choice: <K extends KeysOf<S, ChoiceFieldSpec>>(key: K, choiceLabels: Record<OptionOf<S[K]>, string>, extra?: FieldExtra) => (
      <ChoiceField {...common(key, extra)} spec={fields[key] as ChoiceFieldSpec<OptionOf<S[K]>>} labels={choiceLabels} />
    ),
  };
}

/**
 * The usual split of a calculator's issues: errors sit beside their field, row issues go to the
 * table, and the rest (warnings and notes, with their field dropped) to the issue list.
 */
export function splitIssues(issues: readonly Issue[]) {
  const beside = (i: Issue) => !!i.field && i.severity === 'error';
  return {
    fieldErrors: issues.filter(beside),
    rowIssues: issues.filter((i) => i.row !== undefined),
    listed: issues.filter((i) => i.row === undefined && !beside(i)).map(({ field: _field, ...rest }) => rest),
  };
}

/** The part of `useCalculatorState` a table calculator hands to `RowTable`, as its props. */
export function rowTableState<C extends FieldSpecs>(state: {
  rows: RawRow<C>[];
  rowReads: RowRead<C>[];
  setCell: (row: number, key: keyof C, value: string) => void;
  addRow: (row: RawRow<C>) => void;
  removeRow: (row: number) => void;
  replaceRows: (rows: RawRow<C>[]) => void;
}) {
  return { rows: state.rows, reads: state.rowReads, onCell: state.setCell, onAdd: state.addRow, onRemove: state.removeRow, onReplace: state.replaceRows };
}

/** What `fieldRenderers` returns. */
export type FieldRenderers<S extends FieldSpecs> = ReturnType<typeof fieldRenderers<S>>;
