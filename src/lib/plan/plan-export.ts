/**
 * The plan as Markdown (to paste into a document or a wiki) and as CSV (one line per figure or
 * table cell, plain numbers, text defused by the kit's `toCsv`). Loaded when the reader exports.
 */
import { toCsv } from '../kit/csv';
import { interpolate } from '../kit/format';
import type { PlanStrings, PresentedBlock } from './present';

export type PlanPart = { kind: 'text'; heading: string; text: string } | { kind: 'block'; block: PresentedBlock; next: string };

export interface PlanDocument {
  title: string;
  currencyNote: string;
  phases: { heading: string; parts: PlanPart[] }[];
}

/** Text inside a Markdown table cell: one line, pipes escaped. */
const cellText = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');

export function toMarkdown(doc: PlanDocument, s: PlanStrings): string {
  const out: string[] = [`# ${doc.title}`, '', doc.currencyNote, ''];
  for (const phase of doc.phases) {
    out.push(`## ${phase.heading}`, '');
    for (const part of phase.parts) {
      if (part.kind === 'text') {
        out.push(`### ${part.heading}`, '', part.text.trim() ? part.text.trim() : `*${s.notWritten}*`, '');
        continue;
      }
      const b = part.block;
      out.push(`### ${b.title}`, '');
      if (b.scenario === null) {
        out.push(interpolate(s.markdownNotUsed, { next: part.next }), '');
        continue;
      }
      out.push(interpolate(s.markdownSource, { calculator: b.calculator, scenario: b.scenario }), '');
      for (const fig of b.figures) out.push(`- ${fig.label}: ${fig.cell.text}`);
      if (b.figures.length) out.push('');
      if (b.rows.length) {
        out.push(`| ${b.head.map(cellText).join(' | ')} |`, `|${b.head.map(() => ' --- |').join('')}`);
        for (const row of b.rows) out.push(`| ${row.map((c) => cellText(c.text)).join(' | ')} |`);
        out.push('');
      }
      for (const note of b.notes) out.push(`*${note}*`, '');
    }
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

/** Section, item, value, scenario: figures as they are, table cells as "row — column". */
export function toPlanCsv(doc: PlanDocument, s: PlanStrings): string {
  const rows: (string | number)[][] = [[s.csvSection, s.csvItem, s.csvValue, s.csvScenario]];
  for (const phase of doc.phases) {
    for (const part of phase.parts) {
      if (part.kind === 'text') {
        rows.push([phase.heading, part.heading, part.text, '']);
        continue;
      }
      const b = part.block;
      if (b.scenario === null) continue;
      for (const fig of b.figures) rows.push([b.title, fig.label, fig.cell.value, b.scenario]);
      for (const row of b.rows) {
        const name = row[0]?.text ?? '';
        row.slice(1).forEach((cell, i) => rows.push([b.title, `${name} — ${b.head[i + 1] ?? ''}`, cell.value, b.scenario!]));
      }
    }
  }
  return toCsv(rows);
}
