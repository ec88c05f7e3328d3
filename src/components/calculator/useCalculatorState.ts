/**
 * State for one calculator island: the typed text of every field (and of every table row).
 *
 * - Saved inputs live in localStorage; a link's inputs live in the URL. A page opened from a link
 *   shows the link's inputs but leaves the saved ones untouched until the reader edits (then the
 *   edited state becomes the saved one); "back to my saved inputs" brings the saved ones back.
 * - Text is kept exactly as typed, valid or not (see `encodeRows` / `decodeRows`).
 * - Text typed into the server-rendered inputs before the island was live is adopted on mount.
 *
 * Server rendering and the first client render use the defaults, so hydration matches.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { runCompute, type CalculatorDefinition } from '../../lib/kit/calculator';
import { readFields, type FieldSpecs, type RawValues } from '../../lib/kit/fields';
import { readRows, type RawRow } from '../../lib/kit/rows';
import { blankCell, decodeRows, decodeState, decodeStored, encodeRows, encodeState, MAX_ROWS_PARAM_LENGTH, rowsParamName } from '../../lib/kit/url-state';

const storageKey = (id: string) => `mpp:v1:${id}`;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // blocked by privacy settings: persistence is a nicety, never a failure
  }
}

/** What the page was opened with, said once above the calculator. Names are field keys or `rows`. */
export interface RestoreNotice {
  fromLink: string[];
  ignored: string[];
  /** Some cells of the link's rows could not be read and were left blank. */
  partialRows: boolean;
  /** The reader has saved inputs that differ from the link's: offer to go back to them. */
  canRestoreSaved: boolean;
}

interface Snapshot<S extends FieldSpecs, C extends FieldSpecs> {
  raw: RawValues<S>;
  rows: RawRow<C>[];
}

const sameSnapshot = (a: Snapshot<FieldSpecs, FieldSpecs>, b: Snapshot<FieldSpecs, FieldSpecs>) =>
  JSON.stringify([a.raw, a.rows]) === JSON.stringify([b.raw, b.rows]);

function blankRowOf<C extends FieldSpecs>(columns: C): RawRow<C> {
  return Object.fromEntries(Object.entries(columns).map(([k, spec]) => [k, blankCell(spec)])) as RawRow<C>;
}

/**
 * Values typed into the server-rendered inputs before hydration (an input whose value differs
 * from its `value` attribute, a radio or option whose checked state changed). Only when the page
 * has one instance of the calculator, so the inputs are unambiguous.
 */
function typedBeforeHydration<S extends FieldSpecs, C extends FieldSpecs>(def: CalculatorDefinition<S, unknown, C>) {
  const fields: Partial<Record<keyof S, string>> = {};
  const cells: { row: number; key: keyof C; value: string }[] = [];
  const roots = document.querySelectorAll(`[data-calculator="${CSS.escape(def.id)}"]`);
  if (roots.length !== 1) return { fields, cells };
  const root = roots[0]!;
  const tablePrefix = `${def.id.replace('.', '-')}-rows-`;
  for (const input of root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input, textarea, select')) {
    if (input instanceof HTMLSelectElement) {
      const changed = [...input.options].some((o) => o.selected !== o.defaultSelected);
      if (changed && input.id.startsWith(tablePrefix)) addCell(input.id, input.value);
      continue;
    }
    if (input instanceof HTMLInputElement && input.type === 'radio') {
      if (input.checked && !input.defaultChecked) {
        const key = input.name.slice(def.id.length + 1);
        if (Object.hasOwn(def.fields, key)) fields[key as keyof S] = input.value;
      }
      continue;
    }
    if (input instanceof HTMLInputElement && input.type !== 'text') continue;
    if (input.value === input.defaultValue) continue;
    if (input.id.startsWith(tablePrefix)) addCell(input.id, input.value);
    else if (input.name && Object.hasOwn(def.fields, input.name)) fields[input.name as keyof S] = input.value;
  }
  function addCell(id: string, value: string) {
    const match = /^(\d+)-(.+)$/.exec(id.slice(tablePrefix.length));
    if (match && def.table && Object.hasOwn(def.table.columns, match[2]!)) cells.push({ row: Number(match[1]), key: match[2] as keyof C, value });
  }
  return { fields, cells };
}

export function useCalculatorState<S extends FieldSpecs, R, C extends FieldSpecs = Record<never, never>>(def: CalculatorDefinition<S, R, C>) {
  const [raw, setRaw] = useState<RawValues<S>>(def.defaults);
  const [rows, setRows] = useState<RawRow<C>[]>(def.defaultRows ?? []);
  const [notice, setNotice] = useState<RestoreNotice | null>(null);
  const loaded = useRef(false);
  /** True while the page shows a link's inputs the reader has not edited: storage is left alone. */
  const showingLink = useRef(false);
  /** The reader's saved inputs while a link's are shown (kept after an edit, for "back"). */
  const saved = useRef<Snapshot<S, C> | null>(null);

  useEffect(() => {
    const defaultRows = def.defaultRows ?? [];
    const fillRow = (i: number) => ({ ...(defaultRows[i] ?? (def.table ? blankRowOf(def.table.columns) : ({} as RawRow<C>))) });

    const stored = storage()?.getItem(storageKey(def.id)) ?? null;
    let storedRows: RawRow<C>[] | null = null;
    if (def.table && stored) {
      try {
        const text = (JSON.parse(stored) as { rows?: unknown }).rows;
        if (typeof text === 'string') storedRows = decodeRows(def.table, text, fillRow)?.rows ?? null;
      } catch {
        /* unreadable storage: the scalar fields below are read on their own */
      }
    }
    const storedFields = decodeStored(def.id, def.fields, stored);
    const savedState: Snapshot<S, C> = { raw: { ...def.defaults, ...storedFields }, rows: storedRows ?? defaultRows };
    const hasSaved = Object.keys(storedFields).length > 0 || storedRows !== null;

    const params = new URLSearchParams(window.location.search);
    const fromLink = decodeState(def.id, def.fields, params);
    // `<id>.rows` is not a field: it is read (and named, if refused) just below, once.
    const ignored = fromLink.ignored.filter((name) => !(def.table && name === 'rows'));
    let linkRows: RawRow<C>[] | null = null;
    let partialRows = false;
    const rowsParam = params.get(rowsParamName(def.id));
    if (rowsParam !== null) {
      const decoded = def.table && rowsParam.length <= MAX_ROWS_PARAM_LENGTH ? decodeRows(def.table, rowsParam, fillRow) : null;
      if (decoded) {
        linkRows = decoded.rows;
        partialRows = decoded.partial;
      } else ignored.push('rows');
    }
    const linkNames = [...Object.keys(fromLink.raw), ...(linkRows ? ['rows'] : [])];

    let start: Snapshot<S, C> = savedState;
    let next: RestoreNotice | null = null;
    if (linkNames.length > 0) {
      // A link that carries only fields keeps the reader's rows: it never drops a saved table.
      const linkState: Snapshot<S, C> = { raw: { ...def.defaults, ...fromLink.raw }, rows: linkRows ?? savedState.rows };
      // The same as the saved state (a reload of the reader's own page): nothing to protect.
      const differs = !sameSnapshot(linkState, savedState);
      start = linkState;
      showingLink.current = differs;
      saved.current = differs && hasSaved ? savedState : null;
      next = { fromLink: linkNames, ignored, partialRows, canRestoreSaved: differs && hasSaved };
    }
    if (!next && (ignored.length || partialRows)) next = { fromLink: [], ignored, partialRows, canRestoreSaved: false };

    // Text typed before the island was live wins over everything: it is the reader's latest edit.
    const typed = typedBeforeHydration(def);
    if (Object.keys(typed.fields).length || typed.cells.length) {
      start = {
        raw: { ...start.raw, ...typed.fields },
        rows: start.rows.map((row, i) => {
          const edits = typed.cells.filter((c) => c.row === i);
          return edits.length ? { ...row, ...Object.fromEntries(edits.map((c) => [c.key, c.value])) } : row;
        }),
      };
      showingLink.current = false;
    }

    setRaw(start.raw);
    setRows(start.rows.map((r) => ({ ...r })));
    setNotice(next);
    loaded.current = true;
  }, [def]);

  useEffect(() => {
    if (!loaded.current) return;
    const url = new URL(window.location.href);
    const params = encodeState(def.id, def.fields, raw, def.defaults, url.searchParams);
    const rowsChanged = def.table && JSON.stringify(rows) !== JSON.stringify(def.defaultRows ?? []);
    const rowsText = rowsChanged ? encodeRows(def.table!.columns, rows) : null;
    if (rowsText && rowsText.length <= MAX_ROWS_PARAM_LENGTH) params.set(rowsParamName(def.id), rowsText);
    else params.delete(rowsParamName(def.id));
    const search = params.toString();
    if (search !== url.searchParams.toString()) {
      url.search = search;
      window.history.replaceState(window.history.state, '', url);
    }
    if (showingLink.current) return; // the reader has not edited the link's inputs: their saved ones stay
    const changed: Record<string, string> = Object.fromEntries(Object.entries(raw).filter(([k, v]) => v !== def.defaults[k as keyof S]));
    if (rowsText) changed['rows'] = rowsText;
    const store = storage();
    try {
      if (Object.keys(changed).length) store?.setItem(storageKey(def.id), JSON.stringify(changed));
      else store?.removeItem(storageKey(def.id));
    } catch {
      // quota exceeded or storage disabled: the link still carries the state
    }
  }, [raw, rows, def]);

  const read = useMemo(() => readFields(def.fields, raw), [def, raw]);
  const rowReads = useMemo(() => (def.table ? readRows(def.table, rows) : []), [def, rows]);
  const output = useMemo(() => runCompute(def, read.values, rowReads), [def, read, rowReads]);

  /** Every change by the reader goes through here: from then on the shown state is the saved one. */
  const edit = <T,>(apply: () => T): T => {
    showingLink.current = false;
    return apply();
  };

  return {
    raw,
    read,
    rows,
    rowReads,
    output,
    notice,
    setField: (key: keyof S, value: string) => edit(() => setRaw((prev) => ({ ...prev, [key]: value }))),
    setCell: (index: number, key: keyof C, value: string) =>
      edit(() => setRows((prev) => prev.map((row, i) => (i === index ? { ...row, [key]: value } : row)))),
    addRow: (row: RawRow<C>) => edit(() => setRows((prev) => (def.table && prev.length >= def.table.maxRows ? prev : [...prev, row]))),
    removeRow: (index: number) => edit(() => setRows((prev) => (def.table && prev.length <= def.table.minRows ? prev : prev.filter((_, i) => i !== index)))),
    replaceRows: (next: RawRow<C>[]) => edit(() => setRows(next)),
    loadExample: () =>
      edit(() => {
        setRaw({ ...def.example });
        if (def.exampleRows) setRows(def.exampleRows.map((r) => ({ ...r })));
      }),
    reset: () =>
      edit(() => {
        setRaw({ ...def.defaults });
        setRows((def.defaultRows ?? []).map((r) => ({ ...r })));
        setNotice((n) => (n?.canRestoreSaved ? { ...n, ignored: [], partialRows: false } : null));
      }),
    /** Back to the inputs saved before this link was opened; they become the shown and saved state again. */
    restoreSaved: () => {
      const back = saved.current;
      if (!back) return;
      edit(() => {
        setRaw({ ...back.raw });
        setRows(back.rows.map((r) => ({ ...r })));
        setNotice(null);
      });
    },
  };
}
