/**
 * State for one calculator island: the typed text of every field (and of every table row),
 * restored from the link first, then from localStorage, else the defaults. Every change is
 * written back to both. Server rendering and the first client render use the defaults, so
 * hydration matches.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CalculatorDefinition } from '../../lib/kit/calculator';
import { toCsv } from '../../lib/kit/csv';
import { readFields, type FieldSpecs, type RawValues } from '../../lib/kit/fields';
import { readRows, rowsFromCsv, type RawRow } from '../../lib/kit/rows';
import { decodeState, decodeStored, encodeState, MAX_ROWS_PARAM_LENGTH, rowsParamName } from '../../lib/kit/url-state';

const storageKey = (id: string) => `mpp:v1:${id}`;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // blocked by privacy settings: persistence is a nicety, never a failure
  }
}

export type RestoreNotice = { kind: 'restored' } | { kind: 'ignored'; names: string[] } | null;

function rowsToCsv<C extends FieldSpecs>(columns: C, rows: readonly RawRow<C>[]): string {
  const keys = Object.keys(columns) as (keyof C & string)[];
  return toCsv([keys, ...rows.map((row) => keys.map((k) => row[k] ?? ''))]);
}

function sameRows<C extends FieldSpecs>(a: readonly RawRow<C>[], b: readonly RawRow<C>[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function useCalculatorState<S extends FieldSpecs, R, C extends FieldSpecs = Record<never, never>>(def: CalculatorDefinition<S, R, C>) {
  const [raw, setRaw] = useState<RawValues<S>>(def.defaults);
  const [rows, setRows] = useState<RawRow<C>[]>(def.defaultRows ?? []);
  const [notice, setNotice] = useState<RestoreNotice>(null);
  const loaded = useRef(false);

  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const fromLink = decodeState(def.id, def.fields, params);
    let linkRows: RawRow<C>[] | null = null;
    const rowsParam = params.get(rowsParamName(def.id));
    if (def.table && rowsParam !== null) {
      const imported = rowsParam.length <= MAX_ROWS_PARAM_LENGTH ? rowsFromCsv(rowsParam, def.table) : null;
      if (imported?.ok) linkRows = imported.rows;
      else fromLink.ignored.push('rows');
    }
    const fromLinkCount = Object.keys(fromLink.raw).length + (linkRows ? 1 : 0);
    let storedRows: RawRow<C>[] | null = null;
    let storedFields: Partial<RawValues<S>> = {};
    if (fromLinkCount === 0) {
      const stored = storage()?.getItem(storageKey(def.id)) ?? null;
      storedFields = decodeStored(def.id, def.fields, stored);
      if (def.table && stored) {
        try {
          const csv = (JSON.parse(stored) as { rows?: unknown }).rows;
          const imported = typeof csv === 'string' ? rowsFromCsv(csv, def.table) : null;
          if (imported?.ok) storedRows = imported.rows;
        } catch {
          /* unreadable storage: ignore */
        }
      }
    }
    setRaw({ ...def.defaults, ...storedFields, ...fromLink.raw });
    if (linkRows ?? storedRows) setRows(linkRows ?? storedRows ?? []);
    if (fromLink.ignored.length) setNotice({ kind: 'ignored', names: fromLink.ignored });
    else if (fromLinkCount) setNotice({ kind: 'restored' });
    loaded.current = true;
  }, [def]);

  useEffect(() => {
    if (!loaded.current) return;
    const url = new URL(window.location.href);
    const params = encodeState(def.id, def.fields, raw, def.defaults, url.searchParams);
    const rowsChanged = def.table && !sameRows(rows, def.defaultRows ?? []);
    const rowsCsv = rowsChanged ? rowsToCsv(def.table!.columns, rows) : null;
    if (rowsCsv && rowsCsv.length <= MAX_ROWS_PARAM_LENGTH) params.set(rowsParamName(def.id), rowsCsv);
    else params.delete(rowsParamName(def.id));
    const search = params.toString();
    if (search !== url.searchParams.toString()) {
      url.search = search;
      window.history.replaceState(window.history.state, '', url);
    }
    const changed: Record<string, string> = Object.fromEntries(Object.entries(raw).filter(([k, v]) => v !== def.defaults[k as keyof S]));
    if (rowsCsv) changed['rows'] = rowsCsv;
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
  const output = useMemo(() => def.compute(read.values, rowReads), [def, read, rowReads]);

  return {
    raw,
    read,
    rows,
    rowReads,
    output,
    notice,
    setField: (key: keyof S, value: string) => setRaw((prev) => ({ ...prev, [key]: value })),
    setCell: (index: number, key: keyof C, value: string) =>
      setRows((prev) => prev.map((row, i) => (i === index ? { ...row, [key]: value } : row))),
    addRow: (row: RawRow<C>) => setRows((prev) => (def.table && prev.length >= def.table.maxRows ? prev : [...prev, row])),
    removeRow: (index: number) => setRows((prev) => (def.table && prev.length <= def.table.minRows ? prev : prev.filter((_, i) => i !== index))),
    replaceRows: (next: RawRow<C>[]) => setRows(next),
    loadExample: () => {
      setRaw({ ...def.example });
      if (def.exampleRows) setRows(def.exampleRows.map((r) => ({ ...r })));
    },
    reset: () => {
      setRaw({ ...def.defaults });
      setRows((def.defaultRows ?? []).map((r) => ({ ...r })));
      setNotice(null);
    },
  };
}
