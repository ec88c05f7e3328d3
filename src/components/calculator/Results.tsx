/**
 * The results panel, written once: an island declares each result with its kind (money,
 * percent, count, …) and the kit formats it, marks it for tests (`data-result`, and for a
 * number `data-value` with the full-precision value), shows the emphasised ones in a sticky
 * summary, and tells screen readers one short sentence when they change.
 */
import { Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Issue } from '../../lib/kit/calculator';
import { interpolate, type Formatter } from '../../lib/kit/format';
import type { FieldContext } from './Fields';
import { messageText } from './Fields';

/**
 * How a result is formatted: `money`, `signedMoney` (a variance), `percent` (a fraction), `signedPercent` (a change, "+12.0%"),
 * `count` (a whole number), `ratio` (fixed decimals), `signed` (a number with its sign, "+1.105"),
 * `number` (up to `digits` decimals) or `text` (already words, e.g. a verdict).
 */
export type ResultKind = 'money' | 'signedMoney' | 'percent' | 'signedPercent' | 'count' | 'ratio' | 'signed' | 'number' | 'text';

export interface ResultItem {
  key: string;
  label: string;
  kind: ResultKind;
  /** undefined or null shows the "not available" mark, never NaN or a blank. */
  value: number | string | null | undefined;
  /** Decimals for percent, ratio, signed and number kinds. */
  digits?: number | undefined;
  /** A template around the formatted value, e.g. "{value} units". */
  unit?: string | undefined;
  /** A short note after the value, shown only when there is a value. */
  detail?: string | undefined;
  /** The text the CSV export writes when the page shows a shortened one (e.g. a list of 200 names). */
  exportText?: string | undefined;
  /** A key result: shown in the sticky summary and read out when it changes. */
  emphasis?: boolean | undefined;
  /** A heading over a run of results (a calculator in several parts). */
  group?: string | undefined;
}

export type ResultOptions = Partial<Omit<ResultItem, 'kind'>>;

/** The value of a result as shown, or undefined when there is none. */
export function resultText(f: Formatter, item: ResultItem): string | undefined {
  const { value, digits } = item;
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return item.unit ? interpolate(item.unit, { value }) : value;
  if (!Number.isFinite(value)) return undefined;
  const text = {
    money: () => f.money(value),
    signedMoney: () => f.signedMoney(value),
    percent: () => f.percent(value, digits ?? 2),
    signedPercent: () => f.signedPercent(value, digits ?? 1),
    count: () => f.integer(value),
    ratio: () => f.ratio(value, digits ?? 2),
    signed: () => f.signed(value, digits ?? 3),
    number: () => f.number(value, digits ?? 2),
    text: () => String(value),
  }[item.kind]();
  return item.unit ? interpolate(item.unit, { value: text }) : text;
}

/** "value (detail)", as a CSV cell or a sentence. */
export function resultLine(f: Formatter, item: ResultItem): string {
  const text = resultText(f, item);
  if (text === undefined) return '';
  return item.detail ? `${text} (${item.detail})` : text;
}

/**
 * Declares results against the island's labels: `res('price', 'money', { emphasis: true })` takes
 * the label `labels.price` and the value `results.price` unless the options give others. The key
 * must be a label key, so a missing string fails the type check.
 */
export function declareResults<L extends object>(results: object, labels: L) {
  return (key: keyof L & string, kind: ResultKind, options: ResultOptions = {}): ResultItem => ({
    key,
    kind,
    label: labels[key] as unknown as string,
    value: (results as Record<string, number | string | undefined>)[key],
    ...options,
  });
}

/** Keeps the declared results, dropping the `false` of a condition (`used && res(…)`). */
export function present(items: readonly (ResultItem | false | null | undefined)[]): ResultItem[] {
  return items.filter((item): item is ResultItem => !!item);
}

function ResultRow({ ctx, item, summary }: { ctx: FieldContext; item: ResultItem; summary?: boolean }) {
  const text = resultText(ctx.format, item);
  const attrs = summary
    ? { 'data-summary': item.key }
    : { 'data-result': item.key, 'data-value': typeof item.value === 'number' && Number.isFinite(item.value) ? String(item.value) : undefined };
  return (
    <div class={`calc-result${item.emphasis && !summary ? ' calc-result--key' : ''}`} {...attrs}>
      <dt>{item.label}</dt>
      <dd>
        {text ?? <span class="calc-na">{ctx.ui.kit.notAvailable}</span>}
        {text !== undefined && item.detail && !summary ? <span class="calc-detail"> ({item.detail})</span> : null}
      </dd>
    </div>
  );
}

/** The full list of results (not a live region: see `ResultSummary`). */
export function ResultList({ ctx, items }: { ctx: FieldContext; items: readonly ResultItem[] }) {
  const runs: { group: string | undefined; items: ResultItem[] }[] = [];
  for (const item of items) {
    const last = runs[runs.length - 1];
    if (last && last.group === item.group) last.items.push(item);
    else runs.push({ group: item.group, items: [item] });
  }
  return (
    <>
      {runs.map((run, i) => (
        <Fragment key={i}>
          {run.group ? <h5 class="calc-subhead">{run.group}</h5> : null}
          <dl class="calc-results">
            {run.items.map((item) => <ResultRow key={item.key} ctx={ctx} item={item} />)}
          </dl>
        </Fragment>
      ))}
    </>
  );
}

/** The sentence read out after a change: the emphasised results with their labels. */
export function summarySentence(ctx: FieldContext, items: readonly ResultItem[], issueCount = 0): string {
  const parts = items.map((item) => `${item.label}${ctx.ui.kit.labelSeparator}${resultText(ctx.format, item) ?? ctx.ui.kit.notAvailableSpoken}`);
  if (issueCount > 0) parts.push(interpolate(ctx.ui.kit.issuesSpoken, { count: issueCount }));
  return parts.join(ctx.ui.kit.summarySeparator);
}

/** How long the reader must pause typing before the summary is read out. */
const ANNOUNCE_DELAY_MS = 900;

/**
 * The emphasised results: a compact panel that stays in view while the reader edits (sticky, see
 * calculator.css), and a visually hidden live region that reads one sentence once typing pauses.
 */
export function ResultSummary({ ctx, items, issueCount }: { ctx: FieldContext; items: readonly ResultItem[]; issueCount: number }) {
  const key = items.filter((item) => item.emphasis);
  const sentence = summarySentence(ctx, key, issueCount);
  const [spoken, setSpoken] = useState('');
  const first = useRef(true);
  useEffect(() => {
    // Nothing is read on load: only a change the reader made.
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = setTimeout(() => setSpoken(sentence), ANNOUNCE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [sentence]);
  if (key.length === 0) return null;
  return (
    <div class="calc-summary" data-calculator-summary>
      <dl class="calc-results" aria-label={ctx.ui.kit.summary}>
        {key.map((item) => <ResultRow key={item.key} ctx={ctx} item={item} summary />)}
      </dl>
      <p class="sr-only" role="status" aria-live="polite" aria-atomic="true" data-summary-live>{spoken}</p>
    </div>
  );
}

/** Issues not tied to one input field (field issues are shown beside their field). */
export function IssueList({ ctx, issues }: { ctx: FieldContext; issues: readonly Issue[] }) {
  const general = issues.filter((issue) => !issue.field);
  if (general.length === 0) return null;
  const label = { error: ctx.ui.kit.statusError, warning: ctx.ui.kit.statusWarning, info: ctx.ui.kit.statusInfo };
  return (
    <ul class="calc-issues">
      {general.map((issue, i) => (
        <li key={`${issue.code}-${i}`} class={`calc-issue calc-issue--${issue.severity}`} data-issue={issue.code}>
          <strong>{label[issue.severity]}{ctx.ui.kit.labelSeparator}</strong>
          {messageText(ctx.ui, issue, ctx.format)}
        </li>
      ))}
    </ul>
  );
}

/**
 * A table of results (one row per segment, line, …): the first column names the row and stays
 * in place while the others scroll (calculator.css), with a visible cue when there is more to
 * the side; on phones each row reads as a card, every cell labelled with its column.
 */
export function ResultTable({
  ctx,
  id,
  caption,
  headers,
  rows,
  footer,
  rowAttrs,
  cellClass,
}: {
  ctx: FieldContext;
  id: string;
  caption: string;
  headers: readonly string[];
  rows: readonly (readonly string[])[];
  footer?: readonly string[] | null | undefined;
  rowAttrs?: (index: number) => Record<string, string | number | undefined>;
  cellClass?: (row: number, column: number) => string | undefined;
}) {
  const line = (row: readonly string[], i = -1) =>
    row.map((cell, j) => (j === 0 ? <th scope="row" key={j}>{cell}</th> : <td key={j} data-label={headers[j]} class={i >= 0 ? cellClass?.(i, j) : undefined}>{cell}</td>));
  return (
    <div class="calc-table calc-table--cards">
      <div class="calc-table-scroll" tabIndex={0} aria-describedby={`${ctx.calcId.replace('.', '-')}-${id}-cue`}>
        <table data-result={id}>
          <caption>{caption}</caption>
          <thead>
            <tr>{headers.map((h) => <th scope="col" key={h}>{h}</th>)}</tr>
          </thead>
          <tbody>
            {rows.map((row, i) => <tr key={i} {...rowAttrs?.(i)}>{line(row, i)}</tr>)}
          </tbody>
          {footer ? <tfoot><tr>{line(footer)}</tr></tfoot> : null}
        </table>
      </div>
      <p class="calc-scroll-cue" id={`${ctx.calcId.replace('.', '-')}-${id}-cue`}>{ctx.ui.kit.scrollTable}</p>
    </div>
  );
}

/** A result table's cells as CSV rows: "row name · column" and the cell. */
export function tableCsvRows(headers: readonly string[], rows: readonly (readonly string[])[]) {
  return rows.flatMap((row) => headers.slice(1).map((h, j) => ({ section: 'result' as const, label: `${row[0]} · ${h}`, value: row[j + 1] ?? '' })));
}
