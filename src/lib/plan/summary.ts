/**
 * A plan block's content, before formatting: the key figures and an optional table, as typed
 * values (money, a percentage, a row's name…), so the page formats them in the reader's language
 * and currency and the CSV export writes plain numbers. Each block module (`blocks/*.ts`, loaded on
 * demand) computes its calculator's stored scenario with `computeScenario` and picks its figures.
 */
import type { CalculatorDefinition } from '../kit/calculator';
import type { FieldSpecs } from '../kit/fields';
import type { RawRow } from '../kit/rows';
import type { Scenario } from '../kit/store';

export type NumberKind = 'money' | 'percent' | 'integer' | 'number' | 'ratio';
export type Cell =
  | { kind: NumberKind; value: number }
  | { kind: 'text'; value: string }
  /** One of the block's choice labels (a risk level, a status). */
  | { kind: 'choice'; value: string }
  /** A table row the reader left unnamed: "Row n". */
  | { kind: 'row'; value: number }
  | { kind: 'none' };

export interface Figure {
  /** The label's key in the block's strings. */
  key: string;
  cell: Cell;
  params?: Record<string, number>;
}

export interface BlockSummary {
  figures: Figure[];
  /** Column keys in the block's strings. */
  columns: string[];
  rows: Cell[][];
  /** Rows left out of the table (shown in the calculator). */
  moreRows: number;
  /** The scenario has inputs with errors (some figures may be missing). */
  hasErrors: boolean;
}

export interface BlockInput {
  scenario: Pick<Scenario, 'raw' | 'rows'>;
  /** The calculator's default row names in the reader's language (as its island names them). */
  defaultNames: readonly string[];
}

export type Summarise = (input: BlockInput) => BlockSummary;

/** The longest table a block prints: the plan must fit on one or two pages. */
export const MAX_TABLE_ROWS = 6;

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
export const num = (kind: NumberKind, value: unknown): Cell => (isNumber(value) ? { kind, value } : { kind: 'none' });
/** A figure, or nothing when its value is missing. */
export const figure = (key: string, kind: NumberKind, value: unknown, params?: Record<string, number>): Figure[] =>
  isNumber(value) ? [{ key, cell: { kind, value }, ...(params ? { params } : {}) }] : [];
/** A row's name as typed, else "Row n". */
export const rowName = (rows: readonly Record<string, string>[], row: number): Cell => {
  const name = rows[row]?.['name']?.trim();
  return name ? { kind: 'text', value: name } : { kind: 'row', value: row + 1 };
};

/** The calculator with its default rows named in the reader's language, as its island does. */
export function named<S extends FieldSpecs, R, C extends FieldSpecs>(def: CalculatorDefinition<S, R, C>, names: readonly string[]): CalculatorDefinition<S, R, C> {
  if (!def.defaultRows) return def;
  return { ...def, defaultRows: def.defaultRows.map((row, i) => ({ ...row, name: names[i] ?? (row as Record<string, string>)['name'] ?? '' }) as RawRow<C>) };
}

/** The first rows of a table, and how many were left out. */
export function firstRows(all: Cell[][]): { rows: Cell[][]; moreRows: number } {
  return { rows: all.slice(0, MAX_TABLE_ROWS), moreRows: Math.max(0, all.length - MAX_TABLE_ROWS) };
}

export const hasErrors = (issues: readonly { severity: string }[], fieldErrors: object, rowReads: readonly { errors: object }[]) =>
  issues.some((i) => i.severity === 'error') || Object.keys(fieldErrors).length > 0 || rowReads.some((r) => Object.keys(r.errors).length > 0);
