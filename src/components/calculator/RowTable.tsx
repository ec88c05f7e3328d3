/**
 * The editable table shared by every calculator with rows (segments, budget lines, risks):
 * cells edited in place with the same parser and messages as scalar fields, rows added and
 * removed by keyboard-reachable buttons, and CSV import from a file or pasted text whose
 * errors name the row and column.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Issue } from '../../lib/kit/calculator';
import type { FieldSpec, FieldSpecs } from '../../lib/kit/fields';
import { interpolate } from '../../lib/kit/format';
import type { RawRow, RowRead, TableSpec } from '../../lib/kit/rows';
import { download } from './download';
import { echo, messageText, type FieldContext } from './Fields';

interface RowTableProps<C extends FieldSpecs> {
  ctx: FieldContext;
  /** Accessible name of the table, e.g. "Budget lines". */
  caption: string;
  spec: TableSpec<C>;
  rows: RawRow<C>[];
  reads: RowRead<C>[];
  /** Column headers in the reader's language. */
  labels: Record<keyof C, string>;
  /** Choice labels for choice columns. */
  choiceLabels?: Partial<Record<keyof C, Record<string, string>>>;
  /** Row-level issues from the calculator (e.g. floor above ceiling). */
  issues?: Issue[];
  /** A new row's typed text. */
  blankRow: (index: number) => RawRow<C>;
  onCell: (row: number, key: keyof C, value: string) => void;
  onAdd: (row: RawRow<C>) => void;
  onRemove: (row: number) => void;
  onReplace: (rows: RawRow<C>[]) => void;
  /** Extra header names accepted on CSV import (e.g. the other language's labels). */
  importAliases?: Partial<Record<keyof C, readonly string[]>>;
}

/** CSV writing and reading, loaded on the first export or import (see csv-files.ts). */
const csvFiles = () => import('./csv-files');

function cellInputMode(spec: FieldSpec): 'decimal' | 'numeric' | 'text' {
  if (spec.kind === 'count') return 'numeric';
  if (spec.kind === 'text' || spec.kind === 'choice') return 'text';
  return 'decimal';
}

export function RowTable<C extends FieldSpecs>(props: RowTableProps<C>) {
  const { ctx, spec, rows, reads, labels } = props;
  const [pasteOpen, setPasteOpen] = useState(false);
  const [pasted, setPasted] = useState('');
  const [importStatus, setImportStatus] = useState<{ kind: 'ok' | 'partial' | 'error'; text: string } | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const pasteRef = useRef<HTMLButtonElement>(null);
  // Where keyboard focus goes when the control that had it disappears (a removed last row, the
  // paste panel closing after an import) or is disabled (the table down to its minimum rows).
  const refocus = useRef<{ kind: 'remove' | 'add'; row: number; count: number } | { kind: 'paste' } | null>(null);

  // A layout effect: focus moves in the same frame as the change, before anything can read it.
  useLayoutEffect(() => {
    const pending = refocus.current;
    const root = rootRef.current;
    if (!pending || !root) return;
    if (pending.kind !== 'paste' && rows.length === pending.count) return; // not re-rendered with the new rows yet
    refocus.current = null;
    const active = document.activeElement;
    if (active && active !== document.body && root.contains(active) && !active.matches(':disabled')) return; // focus survived: leave it
    let target: HTMLElement | null = pasteRef.current;
    if (pending.kind === 'remove') {
      const buttons = [...root.querySelectorAll<HTMLButtonElement>('button[data-action="remove-row"]')].filter((b) => !b.disabled);
      target = buttons[Math.min(pending.row, buttons.length - 1)] ?? addRef.current;
    } else if (pending.kind === 'add') {
      // "Add a row" disabled at the maximum: on to the new row's first cell.
      target = root.querySelector<HTMLElement>('tbody tr:last-child :is(input, select)');
    }
    target?.focus();
  });
  const keys = Object.keys(spec.columns) as (keyof C & string)[];
  const base = `${ctx.calcId.replace('.', '-')}-rows`;
  const fileRef = useRef<HTMLInputElement>(null);
  const exportRows = async () => {
    const { rowsToCsv } = await csvFiles();
    download(`${ctx.calcId}-rows.csv`, rowsToCsv(spec, rows, labels, props.choiceLabels ?? {}));
  };

  const runImport = async (text: string) => {
    const { importRows } = await csvFiles();
    const result = importRows(ctx, text, spec, labels, props.choiceLabels, props.importAliases);
    if (result.rows) {
      props.onReplace(result.rows);
      refocus.current = { kind: 'paste' };
      setPasteOpen(false);
      setPasted('');
    }
    setImportStatus(result.status);
  };

  const onFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    if (file.size > 5_000_000) {
      setImportStatus({ kind: 'error', text: ctx.ui.messages['csv.fileTooLarge'] ?? '' });
    } else {
      const { decodeCsvBytes } = await csvFiles();
      const decoded = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
      if (decoded.ok) await runImport(decoded.text);
      else setImportStatus({ kind: 'error', text: ctx.ui.messages['csv.unknownEncoding'] ?? '' });
    }
    input.value = '';
  };

  return (
    <div class="calc-table calc-table--edit-cards calc-wide" ref={rootRef}>
      <div class="calc-table-scroll">
        <table>
          <caption>{props.caption}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              {keys.map((key) => <th scope="col" key={key} id={`${base}-h-${key}`}>{labels[key]}</th>)}
              <th scope="col"><span class="sr-only">{ctx.ui.kit.removeRow}</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => {
              const rowIssues = (props.issues ?? []).filter((i) => i.row === r);
              return (
                <tr key={r} data-row={r}>
                  <th scope="row" data-label={interpolate(ctx.ui.kit.rowN, { n: r + 1 })}><span class="calc-row-number">{r + 1}</span></th>
                  {keys.map((key) => {
                    const columnSpec = spec.columns[key]!;
                    const error = reads[r]?.errors[key] ?? rowIssues.find((i) => i.column === key);
                    const value = reads[r]?.values[key];
                    const understood = !error && typeof value === 'number' && columnSpec.kind !== 'choice' && columnSpec.kind !== 'text' && columnSpec.kind !== 'date'
                      ? echo(columnSpec, row[key] ?? '', value, ctx.format)
                      : null;
                    const id = `${base}-${r}-${key}`;
                    const label = `${labels[key]}, ${interpolate(ctx.ui.kit.rowN, { n: r + 1 })}`;
                    return (
                      <td key={key} data-label={labels[key]} class={`${error ? 'calc-cell--invalid' : ''}${columnSpec.kind === 'percent' ? ' calc-cell--percent' : ''}`.trim() || undefined}>
                        {columnSpec.kind === 'choice' ? (
                          <select id={id} aria-label={label} value={row[key]} onChange={(e) => props.onCell(r, key, (e.currentTarget as HTMLSelectElement).value)}>
                            {columnSpec.options.map((o) => <option key={o} value={o}>{props.choiceLabels?.[key]?.[o] ?? o}</option>)}
                          </select>
                        ) : (
                          <input
                            id={id}
                            type="text"
                            inputMode={cellInputMode(columnSpec)}
                            autoComplete="off"
                            maxLength={columnSpec.kind === 'text' ? (columnSpec.maxLength ?? 64) : 64}
                            aria-label={label}
                            aria-invalid={error ? 'true' : undefined}
                            aria-describedby={error ? `${id}-error` : understood ? `${id}-echo` : undefined}
                            value={row[key]}
                            onInput={(e) => props.onCell(r, key, (e.currentTarget as HTMLInputElement).value)}
                          />
                        )}
                        {error ? <span class="calc-error" id={`${id}-error`}>{messageText(ctx.ui, error, ctx.format)}</span> : null}
                        {understood ? <span class="calc-echo" id={`${id}-echo`}>{interpolate(ctx.ui.kit.understood, { value: understood })}</span> : null}
                      </td>
                    );
                  })}
                  <td>
                    <button
                      type="button"
                      class="calc-remove"
                      data-action="remove-row"
                      disabled={rows.length <= spec.minRows}
                      aria-label={interpolate(ctx.ui.kit.removeRowN, { n: r + 1 })}
                      onClick={() => {
                        refocus.current = { kind: 'remove', row: r, count: rows.length };
                        props.onRemove(r);
                      }}
                    >
                      ×
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {(props.issues ?? []).filter((i) => i.row !== undefined && !i.column).map((issue, i) => (
        <p key={i} class={`calc-issue calc-issue--${issue.severity}`} data-issue={issue.code}>
          {interpolate(ctx.ui.kit.rowN, { n: (issue.row ?? 0) + 1 })}{ctx.ui.kit.labelSeparator}{messageText(ctx.ui, issue, ctx.format)}
        </p>
      ))}
      <div class="calc-table-actions">
        <button
          type="button"
          data-action="add-row"
          ref={addRef}
          disabled={rows.length >= spec.maxRows}
          onClick={() => {
            refocus.current = { kind: 'add', row: rows.length, count: rows.length };
            props.onAdd(props.blankRow(rows.length));
          }}
        >
          {ctx.ui.kit.addRow}
        </button>
        <button type="button" data-action="export-rows" onClick={exportRows}>{ctx.ui.kit.exportRows}</button>
        <button type="button" data-action="import-rows" onClick={() => fileRef.current?.click()}>{ctx.ui.kit.importRows}</button>
        <input type="file" ref={fileRef} hidden accept=".csv,text/csv,text/plain" data-action="import-file" aria-label={ctx.ui.kit.importRows} onChange={onFile} />
        <button type="button" data-action="paste-csv" ref={pasteRef} aria-expanded={pasteOpen} onClick={() => setPasteOpen(!pasteOpen)}>
          {ctx.ui.kit.pasteCsv}
        </button>
      </div>
      {pasteOpen ? (
        <div class="calc-paste">
          <label for={`${base}-paste`}>{interpolate(ctx.ui.kit.pasteHelp, { columns: keys.map((k) => labels[k]).join(', ') })}</label>
          <textarea id={`${base}-paste`} rows={6} value={pasted} onInput={(e) => setPasted((e.currentTarget as HTMLTextAreaElement).value)} />
          <button type="button" data-action="import-paste" onClick={() => runImport(pasted)}>{ctx.ui.kit.importCsv}</button>
        </div>
      ) : null}
      {importStatus ? (
        <p class={importStatus.kind === 'ok' ? 'calc-echo' : 'calc-error'} role={importStatus.kind === 'ok' ? 'status' : 'alert'} data-import-status={importStatus.kind}>
          {importStatus.text}
        </p>
      ) : null}
    </div>
  );
}
