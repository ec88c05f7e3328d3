/**
 * The plan as the reader reads it: every block's figures and table formatted in the page's
 * language and currency (`createFormatter`), with its source scenario or what to do next. One
 * model for the page, the Markdown export and the CSV export (which keeps plain numbers). Pure.
 */
import type { Formatter } from '../kit/format';
import { interpolate } from '../kit/format';
import type { UiStrings } from '../../i18n/en/index';
import type { BlockSummary, Cell } from './summary';

export type PlanStrings = UiStrings['plan'];
export type BlockId = keyof PlanStrings['blocks'];
export type Phase = 'analyse' | 'decide' | 'execute' | 'control';

/** The plan's order, analyse → decide → execute → control; `text` sections are the reader's own words. */
export const PLAN_LAYOUT: readonly { phase: Phase; parts: readonly ({ block: BlockId } | { text: 'plan.objectives' | 'plan.positioning' })[] }[] = [
  { phase: 'analyse', parts: [{ text: 'plan.objectives' }, { block: 'C03.1' }, { block: 'C01.1' }] },
  { phase: 'decide', parts: [{ text: 'plan.positioning' }, { block: 'C05.1' }, { block: 'C06.1' }] },
  { phase: 'execute', parts: [{ block: 'C12.1' }] },
  { phase: 'control', parts: [{ block: 'C14.1' }, { block: 'C13.1' }, { block: 'C13.3' }] },
];
export const PLAN_BLOCK_IDS = PLAN_LAYOUT.flatMap((p) => p.parts.flatMap((part) => ('block' in part ? [part.block] : [])));
export const PLAN_TEXT_IDS = ['plan.objectives', 'plan.positioning'] as const;
export type PlanTextId = (typeof PLAN_TEXT_IDS)[number];
/** Longest text typed into one plan section. */
export const MAX_PLAN_TEXT = 5000;

export interface PresentedCell {
  text: string;
  /** For CSV: the plain number, or the text. */
  value: string | number;
}

export interface PresentedBlock {
  id: BlockId;
  title: string;
  calculator: string;
  /** The scenario's name; null when the calculator has not been used. */
  scenario: string | null;
  figures: { label: string; cell: PresentedCell }[];
  head: string[];
  rows: PresentedCell[][];
  notes: string[];
}

export function presentCell(cell: Cell, f: Formatter, s: PlanStrings, choices: Record<string, string>): PresentedCell {
  switch (cell.kind) {
    case 'money':
      return { text: f.money(cell.value), value: cell.value };
    case 'percent':
      return { text: f.percent(cell.value, 1), value: cell.value };
    case 'integer':
      return { text: f.integer(cell.value), value: cell.value };
    case 'number':
      return { text: f.number(cell.value), value: cell.value };
    case 'ratio':
      return { text: f.ratio(cell.value), value: cell.value };
    case 'text':
      return { text: cell.value, value: cell.value };
    case 'choice':
      return { text: choices[cell.value] ?? cell.value, value: choices[cell.value] ?? cell.value };
    case 'row':
      return { text: interpolate(s.rowN, { n: cell.value }), value: interpolate(s.rowN, { n: cell.value }) };
    default:
      return { text: '—', value: '' };
  }
}

/** A block with its summary (its calculator used) or without (what to do next). */
export function presentBlock(
  id: BlockId,
  summary: BlockSummary | null,
  context: { f: Formatter; s: PlanStrings; calculator: string; scenario: string | null; choices: Record<string, string> },
): PresentedBlock {
  const { f, s, calculator, scenario, choices } = context;
  const t = s.blocks[id];
  const labels = t.figures as Record<string, string>;
  const columns = t.columns as Record<string, string>;
  if (!summary) return { id, title: t.title, calculator, scenario: null, figures: [], head: [], rows: [], notes: [] };
  const notes: string[] = [];
  if (summary.hasErrors) notes.push(s.hasErrors);
  if (summary.moreRows > 0) notes.push(interpolate(s.moreRows, { count: summary.moreRows }));
  return {
    id,
    title: t.title,
    calculator,
    scenario,
    figures: summary.figures.map((fig) => ({ label: interpolate(labels[fig.key] ?? fig.key, fig.params), cell: presentCell(fig.cell, f, s, choices) })),
    head: summary.rows.length > 0 ? summary.columns.map((c) => columns[c] ?? c) : [],
    rows: summary.rows.map((row) => row.map((cell) => presentCell(cell, f, s, choices))),
    notes,
  };
}
