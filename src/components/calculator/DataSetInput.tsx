/**
 * The data-set input of the calculators that take a pasted or uploaded CSV (C03.3 k-means, C08.1
 * RFM): a paste box, a file picker and "use the sample data". A data set too long to echo in the
 * text box is held apart from it (a summary, "edit as text", "replace with pasted data"), and every
 * wholesale replacement (a file, the sample, a replacement) can be undone: one keystroke or one
 * wrong file never costs the reader a data set.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { interpolate } from '../../lib/kit/format';
import type { IslandStrings } from './island';
import type { useStoredText } from './useStoredText';

type StoredText = ReturnType<typeof useStoredText>;
interface Previous {
  text: string | null;
  origin: string | null;
}

/** State of the held view, the replacement draft and the one-step undo, for `DataSetInput`. */
export function useDataSet(data: StoredText, maxEchoChars: number) {
  const [previous, setPrevious] = useState<Previous | null>(null);
  const [editAsText, setEditAsText] = useState(false);
  const [draft, setDraft] = useState<string | null>(null);
  return {
    /** Too long to echo in the text box, and the reader has not asked to edit it as text. */
    held: data.text.length > maxEchoChars && !editAsText,
    editAsText: () => setEditAsText(true),
    draft,
    setDraft,
    canUndo: previous !== null,
    /** Uses `text` (null = the sample) from `origin` (e.g. a file name), keeping what it replaces for undo. */
    replace(text: string | null, origin: string | null = null) {
      setPrevious({ text: data.isDefault ? null : data.text, origin: data.origin });
      data.setText(text, origin);
      setEditAsText(false);
      setDraft(null);
    },
    /** Back to the data before the last replacement; returns that text (null = the sample). */
    undo(): string | null {
      if (!previous) return data.isDefault ? null : data.text;
      data.setText(previous.text, previous.origin);
      setPrevious(null);
      return previous.text;
    },
  };
}

export type DataSetControls = ReturnType<typeof useDataSet>;

interface Props {
  ui: IslandStrings;
  idBase: string;
  legend: string;
  /** The paste box's label: what the columns should be. */
  pasteLabel: string;
  data: StoredText;
  set: DataSetControls;
  /** Data rows, for the held summary. */
  rows: string;
  /** What the data holds (rows, columns), first on the status line; where it is kept follows. */
  summary: string | null;
  /** The calculator's description of its sample data, shown while the sample is in use. */
  sample: string;
  error: { code: string; text: string } | null;
  onPaste(text: string): void;
  onFile(event: Event): void;
  /** Uses new data (null = the sample), through `set.replace` and whatever the calculator resets with it. */
  onReplace(text: string | null): void;
  onUndo(): void;
  /** Shown under the legend (e.g. a choice of data layout). */
  before?: ComponentChildren;
  /** Shown after the status (e.g. cells and rows to check). */
  children?: ComponentChildren;
}

export function DataSetInput({ ui, idBase, legend, pasteLabel, data, set, rows, summary, sample, error, onPaste, onFile, onReplace, onUndo, before, children }: Props) {
  const s = ui.kit.dataSet;
  const kept = data.status === 'saved' ? s.saved : data.status === 'tooLarge' ? s.tooLarge : s.unavailable;
  const where = data.isDefault ? sample : [data.origin ? interpolate(s.fromFile, { name: data.origin }) : null, kept].filter(Boolean).join(' ');
  return (
    <fieldset class="calc-field calc-wide" data-section="data">
      <legend>{legend}</legend>
      {before}
      {set.held ? (
        <div class="calc-paste" data-data-held>
          <p>{interpolate(s.held, { rows })}</p>
          <button type="button" data-action="edit-data" onClick={set.editAsText}>{s.editAsText}</button>{' '}
          <button type="button" data-action="replace-data" aria-expanded={set.draft !== null} onClick={() => set.setDraft(set.draft === null ? '' : null)}>{s.replace}</button>
          {set.draft !== null ? (
            <>
              <label for={`${idBase}-replace`}>{s.replaceLabel}</label>
              <textarea id={`${idBase}-replace`} rows={6} spellcheck={false} autoComplete="off" value={set.draft} onInput={(e) => set.setDraft((e.currentTarget as HTMLTextAreaElement).value)} />
              <button type="button" data-action="use-data" disabled={set.draft.trim() === ''} onClick={() => onReplace(set.draft)}>{s.useReplacement}</button>
            </>
          ) : null}
        </div>
      ) : (
        <div class="calc-paste">
          <label for={`${idBase}-paste`}>{pasteLabel}</label>
          <textarea
            id={`${idBase}-paste`}
            name="data"
            rows={8}
            spellcheck={false}
            autoComplete="off"
            value={data.text}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={`${idBase}-data-status${error ? ` ${idBase}-data-error` : ''}`}
            onInput={(e) => onPaste((e.currentTarget as HTMLTextAreaElement).value)}
          />
        </div>
      )}
      <div class="calc-table-actions">
        <label class="calc-file">
          {s.file}
          <input type="file" accept=".csv,text/csv,text/plain" data-action="import-file" onChange={onFile} />
        </label>
        {data.isDefault ? null : <button type="button" data-action="use-sample" onClick={() => onReplace(null)}>{s.useSample}</button>}
        {set.canUndo ? <button type="button" data-action="undo-data" onClick={onUndo}>{s.undo}</button> : null}
      </div>
      <p class="calc-hint" id={`${idBase}-data-status`} data-data-status={data.status}>
        {[summary, where].filter(Boolean).join(' ')}
      </p>
      {error ? <p class="calc-error" id={`${idBase}-data-error`} role="alert" data-issue={error.code}>{error.text}</p> : null}
      {children}
    </fieldset>
  );
}
