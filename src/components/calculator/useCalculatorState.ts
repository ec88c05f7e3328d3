/**
 * State for one calculator island: the typed text of every field (and of every table row).
 *
 * - Saved inputs live in the store (`browser-store.ts`), one set per scenario; the active scenario
 *   is shown and edits are saved into it. Another tab's changes to this calculator are followed.
 * - A link's inputs live in the URL (with the scenario's name). A page opened from a link
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
import { BASE_SCENARIO, calculatorKey, cleanScenarioName, newScenarioId, readCalculator, textKey, updateCalculator, type Scenario } from '../../lib/kit/store';
import { blankCell, decodeRows, decodeSaved, decodeState, encodeRows, encodeState, MAX_ROWS_PARAM_LENGTH, rowsParamName, scenarioParamName } from '../../lib/kit/url-state';
import { localStore, report, subscribe } from './browser-store';

/** The scenario shown: `id` null = a link's named scenario, saved as a new one on the first edit; `name` null = the base one. */
export interface ShownScenario {
  id: string | null;
  name: string | null;
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
  const [scenario, setScenario] = useState<ShownScenario>({ id: BASE_SCENARIO, name: null });
  /** A write failed because the browser's storage is full: the reader is told and offered an export. */
  const [storageFull, setStorageFull] = useState(false);
  const loaded = useRef(false);
  /** True while the page shows a link's inputs the reader has not edited: storage is left alone. */
  const showingLink = useRef(false);
  /** The reader's saved inputs while a link's are shown (kept after an edit, for "back"). */
  const saved = useRef<Snapshot<S, C> | null>(null);
  /** The scenario those saved inputs belong to. */
  const savedScenario = useRef<ShownScenario>({ id: BASE_SCENARIO, name: null });
  /** The first save after opening a link makes its scenario the active one. */
  const activateOnSave = useRef(false);
  // Latest values for the store listener, which outlives renders.
  const shown = useRef({ raw, rows, scenario });
  shown.current = { raw, rows, scenario };

  const defaultRows = def.defaultRows ?? [];
  const fillRow = (i: number) => ({ ...(defaultRows[i] ?? (def.table ? blankRowOf(def.table.columns) : ({} as RawRow<C>))) });
  /** A stored scenario's inputs, checked like a link's; `hasSaved` = it holds anything. */
  const stateOf = (stored: Scenario) => {
    const fields = decodeSaved(def.id, def.fields, stored.raw);
    const storedRows = def.table && stored.rows !== null ? (decodeRows(def.table, stored.rows, fillRow)?.rows ?? null) : null;
    const state: Snapshot<S, C> = { raw: { ...def.defaults, ...fields }, rows: storedRows ?? defaultRows };
    return { state, hasSaved: Object.keys(fields).length > 0 || storedRows !== null };
  };
  /** Shows the store's active scenario (after another tab's change, or a scenario action). */
  const follow = () => {
    const record = readCalculator(localStore(), def.id);
    const active = record.scenarios.find((s) => s.id === record.active)!;
    const next = stateOf(active).state;
    if (!sameSnapshot(next, shown.current)) {
      setRaw(next.raw);
      setRows(next.rows.map((r) => ({ ...r })));
    }
    const now = shown.current.scenario;
    if (now.id !== active.id || now.name !== active.name) setScenario({ id: active.id, name: active.name });
  };

  useEffect(() => {
    const record = readCalculator(localStore(), def.id);
    const params = new URLSearchParams(window.location.search);
    const linkNameParam = params.get(scenarioParamName(def.id));
    const linkName = linkNameParam !== null && cleanScenarioName(linkNameParam) === linkNameParam ? linkNameParam : null;
    // A link naming one of the reader's own scenarios is compared with that one (a reload, a bookmark).
    const matched = linkName === null ? undefined : record.scenarios.find((s) => s.name === linkName);
    const target = matched ?? record.scenarios.find((s) => s.id === record.active)!;
    const { state: savedState, hasSaved } = stateOf(target);

    const fromLink = decodeState(def.id, def.fields, params);
    // `<id>.rows` and `<id>.scenario` are not fields: they are read (and named, if refused) just below, once.
    const ignored = fromLink.ignored.filter((name) => !(def.table && name === 'rows') && name !== 'scenario');
    if (linkNameParam !== null && linkName === null) ignored.push('scenario');
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
    const newName = linkName !== null && !matched;
    const linkNames = [...Object.keys(fromLink.raw), ...(linkRows ? ['rows'] : []), ...(newName ? ['scenario'] : [])];

    let start: Snapshot<S, C> = savedState;
    let next: RestoreNotice | null = null;
    let startScenario: ShownScenario = { id: target.id, name: target.name };
    savedScenario.current = startScenario;
    activateOnSave.current = target.id !== record.active;
    if (linkNames.length > 0) {
      // A link that carries only fields keeps the reader's rows: it never drops a saved table.
      const linkState: Snapshot<S, C> = { raw: { ...def.defaults, ...fromLink.raw }, rows: linkRows ?? savedState.rows };
      // The same as the saved state (a reload of the reader's own page): nothing to protect.
      const differs = newName || !sameSnapshot(linkState, savedState);
      start = linkState;
      showingLink.current = differs;
      saved.current = differs && hasSaved ? savedState : null;
      next = { fromLink: linkNames, ignored, partialRows, canRestoreSaved: differs && hasSaved };
      if (newName) startScenario = { id: null, name: linkName };
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
    setScenario(startScenario);
    loaded.current = true;
  }, [def]);

  // Another tab (or the scenario menu) changed this calculator's saved work: show the active scenario.
  useEffect(
    () =>
      subscribe((event) => {
        if (event.kind === 'quota') setStorageFull((full) => full || event.key === calculatorKey(def.id) || event.key === textKey(def.id));
        else if (loaded.current && !showingLink.current && (event.key === null || event.key === calculatorKey(def.id))) follow();
      }),
    [def],
  );

  /** The write effect's first run comes in the same flush as the load, with the first render's defaults: skipped. */
  const firstWrite = useRef(true);
  useEffect(() => {
    if (!loaded.current) return;
    if (firstWrite.current) {
      firstWrite.current = false;
      return;
    }
    const url = new URL(window.location.href);
    const params = encodeState(def.id, def.fields, raw, def.defaults, url.searchParams);
    const current = toScenario(def, scenario, raw, rows);
    if (current.rows !== null && current.rows.length <= MAX_ROWS_PARAM_LENGTH) params.set(rowsParamName(def.id), current.rows);
    else params.delete(rowsParamName(def.id));
    if (scenario.name !== null) params.set(scenarioParamName(def.id), scenario.name);
    else params.delete(scenarioParamName(def.id));
    const search = params.toString();
    if (search !== url.searchParams.toString()) {
      url.search = search;
      window.history.replaceState(window.history.state, '', url);
    }
    if (showingLink.current) return; // the reader has not edited the link's inputs: their saved ones stay
    const kv = localStore();
    let id = scenario.id;
    if (id === null) {
      // A link's named scenario the reader has now edited: it becomes a scenario of theirs.
      id = newScenarioId(readCalculator(kv, def.id));
      activateOnSave.current = true;
      setScenario({ id, name: scenario.name });
      shown.current.scenario = { id, name: scenario.name };
    }
    const scenarioId = id;
    const activate = activateOnSave.current;
    activateOnSave.current = false;
    // Only this scenario's inputs change (its name may have been changed in another tab meanwhile).
    const result = report(
      calculatorKey(def.id),
      updateCalculator(kv, def.id, (record) => {
        const known = record.scenarios.some((s) => s.id === scenarioId);
        const scenarios = known
          ? record.scenarios.map((s) => (s.id === scenarioId ? { ...s, raw: current.raw, rows: current.rows } : s))
          : [...record.scenarios, { ...current, id: scenarioId }];
        return { active: activate ? scenarioId : record.active, scenarios };
      }),
    );
    if (!result.ok && result.reason === 'quota') setStorageFull(true);
  }, [raw, rows, scenario, def]);

  const read = useMemo(() => readFields(def.fields, raw), [def, raw]);
  const rowReads = useMemo(() => (def.table ? readRows(def.table, rows) : []), [def, rows]);
  const output = useMemo(() => runCompute(def, read.values, rowReads), [def, read, rowReads]);

  /** Every change by the reader goes through here: from then on the shown state is the saved one. */
  const edit = <T,>(apply: () => T): T => {
    showingLink.current = false;
    return apply();
  };

  return {
    def,
    raw,
    read,
    rows,
    rowReads,
    output,
    notice,
    scenario,
    storageFull,
    /** The shown inputs as a scenario (for "save as"), with the shown scenario's id and name. */
    currentScenario: (): Scenario => toScenario(def, scenario, raw, rows),
    /**
     * After the scenario menu changed the store: show its active scenario. A link's inputs shown
     * until then are left (the menu saved them as a scenario first, if the reader asked).
     */
    followStore: () => {
      showingLink.current = false;
      saved.current = null;
      activateOnSave.current = false;
      setNotice(null);
      follow();
    },
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
        setScenario(savedScenario.current);
        setNotice(null);
      });
    },
  };
}

/** Inputs as a stored scenario: fields that differ from the defaults, rows only when changed. */
function toScenario<S extends FieldSpecs, C extends FieldSpecs>(def: CalculatorDefinition<S, unknown, C>, shown: ShownScenario, raw: RawValues<S>, rows: RawRow<C>[]): Scenario {
  const changed: Record<string, string> = Object.fromEntries(Object.entries(raw).filter(([k, v]) => v !== def.defaults[k as keyof S]));
  const rowsChanged = def.table && JSON.stringify(rows) !== JSON.stringify(def.defaultRows ?? []);
  return { id: shown.id ?? '', name: shown.name, raw: changed, rows: rowsChanged ? encodeRows(def.table!.columns, rows) : null };
}
