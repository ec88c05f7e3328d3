/**
 * The scenario menu of a calculator, loaded on first open (its own chunk, so pages pay for it only
 * when a reader uses it): save the shown inputs as a named scenario, show, rename, duplicate and
 * delete scenarios, and compare two or three side by side. Every change goes through the store;
 * the calculator follows the store's active scenario (`useCalculatorState`).
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { compareScenarios, type Difference, type NoDifference } from '../../lib/kit/compare';
import { interpolate } from '../../lib/kit/format';
import { BASE_SCENARIO, calculatorKey, cleanScenarioName, MAX_SCENARIOS, newScenarioId, readCalculator, type CalculatorRecord, type Scenario, type WriteResult } from '../../lib/kit/store';
import { deleteScenario, putScenario, readSnapshot, setActiveScenario, uniqueScenarioName } from '../../lib/kit/store-edit';
import { decodeRows, decodeSaved } from '../../lib/kit/url-state';
import { localStore, report, subscribe } from './browser-store';
import type { FrameState, FrameStrings } from './CalculatorFrame';
import type { FieldContext } from './Fields';
import type { UiStrings } from '../../i18n/en/index';

type ScenarioStrings = UiStrings['scenarios'];
import { resultText, type ResultItem } from './Results';
import { ChartFigure } from './ChartFigure';
import { chart } from '../../lib/kit/chart-config';

export interface ScenarioPanelProps {
  ctx: FieldContext;
  /** The menu's strings in the page's language (loaded with the menu). */
  menu: ScenarioStrings;
  t: FrameStrings;
  state: FrameState;
  items: readonly ResultItem[];
  onClose: () => void;
}

/** Everything the store holds, as a JSON file (offered when storage is full, before freeing space). */
export function downloadSavedData() {
  const blob = new Blob([JSON.stringify(readSnapshot(localStore()), null, 1)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = 'market-plan-saved-data.json';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Focuses an element when it appears (a stable function, so only on mount). */
const focusOnMount = (el: HTMLElement | null) => el?.focus();

type Editing = { kind: 'rename' | 'delete'; id: string } | null;

export function ScenarioPanel({ ctx, menu, t, state, items, onClose }: ScenarioPanelProps) {
  const { kit } = ctx.ui;
  const calcId = ctx.calcId;
  const domBase = `${calcId.replace('.', '-')}-scenario`;
  const [record, setRecord] = useState<CalculatorRecord>(() => readCalculator(localStore(), calcId));
  const [status, setStatus] = useState('');
  const [editing, setEditing] = useState<Editing>(null);
  const [nameError, setNameError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  // Where focus goes when the control that had it disappears (after a delete or a cancel).
  const heading = useRef<HTMLHeadingElement>(null);
  const stopEditing = () => {
    setEditing(null);
    heading.current?.focus();
  };

  // This tab's and other tabs' changes show here at once.
  useEffect(() => subscribe((event) => event.kind === 'change' && (event.key === null || event.key === calculatorKey(calcId)) && setRecord(readCalculator(localStore(), calcId))), [calcId]);

  const nameOf = (s: Scenario) => s.name ?? kit.scenarioBase;
  const shownId = state.scenario.id;
  const taken = (name: string) => record.scenarios.some((s) => nameOf(s) === name);
  const unique = (name: string, exceptId?: string) => uniqueScenarioName(record, name, kit.scenarioBase, exceptId, menu.scenarioNumbered);
  const defaultName = () => {
    for (let n = record.scenarios.length + 1; ; n++) {
      const name = interpolate(menu.scenarioDefaultName, { n });
      if (!taken(name)) return name;
    }
  };
  const [newName, setNewName] = useState(defaultName);
  const [renameText, setRenameText] = useState('');

  const write = (result: WriteResult, done: string, follow: boolean) => {
    report(calculatorKey(calcId), result);
    if (!result.ok) {
      setStatus(menu.scenarioNotSaved);
      return;
    }
    setRecord(readCalculator(localStore(), calcId));
    if (follow) state.followStore();
    setStatus(done);
  };

  const saveAs = (event: Event) => {
    event.preventDefault();
    const clean = cleanScenarioName(newName);
    if (clean === null) return setNameError(menu.scenarioNameInvalid);
    if (record.scenarios.length >= MAX_SCENARIOS) return setNameError(menu.scenarioTooMany);
    setNameError(null);
    const name = unique(clean);
    const id = newScenarioId(readCalculator(localStore(), calcId));
    write(putScenario(localStore(), calcId, { ...state.currentScenario(), id, name }, true), interpolate(menu.scenarioSaved, { name }), true);
    setNewName(interpolate(menu.scenarioDefaultName, { n: record.scenarios.length + 2 }));
  };
  const show = (s: Scenario) => write(setActiveScenario(localStore(), calcId, s.id), interpolate(menu.scenarioNowShown, { name: nameOf(s) }), true);
  const rename = (event: Event, s: Scenario) => {
    event.preventDefault();
    const clean = cleanScenarioName(renameText);
    if (clean === null) return setNameError(menu.scenarioNameInvalid);
    setNameError(null);
    const name = unique(clean, s.id);
    const stored = readCalculator(localStore(), calcId).scenarios.find((x) => x.id === s.id) ?? s;
    stopEditing();
    write(putScenario(localStore(), calcId, { ...stored, name }), interpolate(menu.scenarioRenamed, { name }), false);
  };
  const duplicate = (s: Scenario) => {
    if (record.scenarios.length >= MAX_SCENARIOS) return setStatus(menu.scenarioTooMany);
    const name = unique(interpolate(menu.scenarioCopyName, { name: nameOf(s) }).slice(0, 60));
    const current = readCalculator(localStore(), calcId);
    const source = current.scenarios.find((x) => x.id === s.id) ?? s;
    // A copy is made to be changed: it is shown, so edits go to it and the original stays as it was.
    write(putScenario(localStore(), calcId, { ...source, id: newScenarioId(current), name }, true), interpolate(menu.scenarioSaved, { name }), true);
  };
  const remove = (s: Scenario) => {
    stopEditing();
    setChosen((c) => c.filter((id) => id !== s.id));
    const base = record.scenarios.find((x) => x.id === BASE_SCENARIO)!;
    write(deleteScenario(localStore(), calcId, s.id), interpolate(menu.scenarioDeleted, { name: nameOf(s), shown: nameOf(s.id === shownId ? base : (record.scenarios.find((x) => x.id === shownId) ?? base)) }), s.id === shownId);
  };

  const rowsOf = (s: Scenario): Record<string, string>[] => {
    const def = state.def;
    const fallback = (def.defaultRows ?? []) as Record<string, string>[];
    if (!def.table || s.rows === null) return fallback;
    return (decodeRows(def.table, s.rows, (i) => ({ ...(fallback[i] ?? {}) }) as never)?.rows ?? fallback) as Record<string, string>[];
  };
  // Key results the island declares from its module's results (not ones it derives itself).
  const keyResults = items.filter((i) => i.emphasis && i.value === (state.output.results as Record<string, unknown>)[i.key]);
  const compared = record.scenarios.filter((s) => chosen.includes(s.id));
  const comparison = useMemo(
    () =>
      compared.length >= 2
        ? compareScenarios(
            state.def,
            compared.map((s) => ({ raw: decodeSaved(calcId, state.def.fields, s.raw) as Record<string, string>, rows: rowsOf(s) })),
            keyResults.map((i) => i.key),
          )
        : null,
    [record, chosen.join(), keyResults.map((i) => i.key).join()],
  );

  return (
    <section aria-labelledby={`${domBase}-heading`} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <h4 id={`${domBase}-heading`} tabIndex={-1} ref={heading}>{menu.scenarioList}</h4>
      <ul class="calc-scenario-list">
        {record.scenarios.map((s) => {
          const name = nameOf(s);
          const isShown = s.id === shownId;
          return (
            <li key={s.id} data-scenario={name} aria-current={isShown ? 'true' : undefined}>
              <span class="calc-scenario-name">{name}</span>
              {isShown ? <span class="calc-status"> {menu.scenarioShownMark}</span> : null}{' '}
              {editing?.id === s.id && editing.kind === 'rename' ? (
                <form class="calc-scenario-form" onSubmit={(e) => rename(e, s)}>
                  <label for={`${domBase}-rename`}>{interpolate(menu.scenarioRenameTo, { name })}</label>
                  <input id={`${domBase}-rename`} ref={focusOnMount} type="text" maxLength={60} value={renameText} onInput={(e) => setRenameText(e.currentTarget.value)} aria-invalid={nameError ? true : undefined} />
                  <button type="submit" data-action="scenario-rename-save">{menu.scenarioSave}</button>
                  <button type="button" onClick={stopEditing}>{menu.scenarioCancel}</button>
                </form>
              ) : editing?.id === s.id && editing.kind === 'delete' ? (
                <span class="calc-scenario-form" role="group" aria-label={interpolate(menu.scenarioDeleteNamed, { name })}>
                  <span>{interpolate(menu.scenarioDeleteConfirm, { name })}</span>
                  <button type="button" ref={focusOnMount} data-action="scenario-delete-confirm" onClick={() => remove(s)}>{menu.scenarioDelete}</button>
                  <button type="button" onClick={stopEditing}>{menu.scenarioCancel}</button>
                </span>
              ) : (
                <span class="calc-scenario-actions">
                  {!isShown ? <button type="button" data-action="scenario-show" aria-label={interpolate(menu.scenarioShowNamed, { name })} onClick={() => show(s)}>{menu.scenarioShow}</button> : null}
                  <button type="button" data-action="scenario-rename" aria-label={interpolate(menu.scenarioRenameNamed, { name })} onClick={() => { setRenameText(name); setNameError(null); setEditing({ kind: 'rename', id: s.id }); }}>{menu.scenarioRename}</button>
                  <button type="button" data-action="scenario-duplicate" aria-label={interpolate(menu.scenarioDuplicateNamed, { name })} onClick={() => duplicate(s)}>{menu.scenarioDuplicate}</button>
                  {s.id !== BASE_SCENARIO ? (
                    <button type="button" data-action="scenario-delete" aria-label={interpolate(menu.scenarioDeleteNamed, { name })} onClick={() => setEditing({ kind: 'delete', id: s.id })}>{menu.scenarioDelete}</button>
                  ) : null}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      <form class="calc-scenario-form" onSubmit={saveAs}>
        <label for={`${domBase}-new`}>{menu.scenarioNewName}</label>
        <input id={`${domBase}-new`} type="text" maxLength={60} value={newName} onInput={(e) => setNewName(e.currentTarget.value)} aria-invalid={nameError ? true : undefined} aria-describedby={nameError ? `${domBase}-error` : undefined} />
        <button type="submit" data-action="scenario-save-as">{menu.scenarioSaveAs}</button>
      </form>
      {nameError ? <p class="calc-error" id={`${domBase}-error`}>{nameError}</p> : null}
      <p class="calc-status" role="status" data-scenario-status>{status}</p>

      <fieldset class="calc-scenario-compare">
        <legend>{menu.compareChoose}</legend>
        {record.scenarios.length < 2 ? <p>{menu.compareNeedSaved}</p> : null}
        {record.scenarios.length >= 2
          ? record.scenarios.map((s) => (
              <label key={s.id}>
                <input
                  type="checkbox"
                  data-compare={nameOf(s)}
                  checked={chosen.includes(s.id)}
                  disabled={!chosen.includes(s.id) && chosen.length >= 3}
                  onChange={(e) => setChosen((c) => (e.currentTarget.checked ? [...c, s.id] : c.filter((id) => id !== s.id)))}
                />{' '}
                {nameOf(s)}
              </label>
            ))
          : null}
        {record.scenarios.length >= 2 && chosen.length < 2 ? <p class="calc-status">{menu.compareNeedTwo}</p> : null}
      </fieldset>
      {comparison ? <ComparisonTable ctx={ctx} menu={menu} t={t} names={compared.map(nameOf)} comparison={comparison} keyResults={keyResults} /> : null}
      {comparison ? <CompareChart ctx={ctx} menu={menu} names={compared.map(nameOf)} comparison={comparison} keyResults={keyResults} /> : null}
      <button type="button" data-action="scenarios-close" onClick={onClose}>{menu.scenarioClose}</button>
    </section>
  );
}

/** Inputs (those that differ marked) and key results with their differences from the first scenario. */
function ComparisonTable({ ctx, menu, t, names, comparison, keyResults }: { ctx: FieldContext; menu: ScenarioStrings; t: FrameStrings; names: string[]; comparison: NonNullable<ReturnType<typeof compareScenarios>>; keyResults: ResultItem[] }) {
  const { kit } = ctx.ui;
  const f = ctx.format;
  const reference = names[0]!;
  const calcDom = ctx.calcId.replace('.', '-');
  // A choice's option is shown by its label on the calculator, never its internal value.
  const inputText = (key: string, value: string) => {
    const label = document.querySelector(`label[for="${CSS.escape(`${calcDom}-${key}-${value}`)}"]`)?.textContent?.trim();
    return label || (value === '' ? kit.notAvailable : value);
  };
  const why = (reason: NoDifference) => menu.noDifference[reason];
  const absoluteText = (item: ResultItem, d: Difference) => {
    if (typeof d.absolute !== 'number') return why(d.absolute);
    const v = d.absolute;
    switch (item.kind) {
      case 'money':
      case 'signedMoney':
        return f.signedMoney(v);
      case 'percent':
      case 'signedPercent':
        return interpolate(menu.comparePoints, { value: f.signed(v * 100, item.digits ?? 1) });
      case 'count':
        return f.signed(v, 0);
      case 'text':
        return why('notNumber');
      default:
        return f.signed(v, item.digits ?? 2);
    }
  };
  return (
    <div class="calc-table calc-compare" data-compare-table>
      <div class="calc-table-scroll" tabIndex={0}>
        <table>
          <caption>{interpolate(menu.compareCaption, { name: reference })}</caption>
          <thead>
            <tr>
              <th scope="col">{menu.compareInputs}</th>
              {names.map((n) => <th scope="col" key={n}>{n}</th>)}
            </tr>
          </thead>
          <tbody>
            {comparison.inputs
              .filter((i) => t.fields[i.key] !== undefined)
              .map((i) => (
                <tr key={i.key} data-compare-input={i.key} class={i.differs ? 'calc-compare-differs' : undefined}>
                  <th scope="row">
                    {t.fields[i.key]}
                    {i.differs ? <span class="calc-compare-mark"> ({menu.compareDiffers})</span> : null}
                  </th>
                  {i.values.map((v, n) => <td key={n}>{inputText(i.key, v)}</td>)}
                </tr>
              ))}
            {comparison.rows ? (
              <tr data-compare-input="rows" class={comparison.rows.differs ? 'calc-compare-differs' : undefined}>
                <th scope="row">
                  {kit.rowsName}
                  {comparison.rows.differs ? <span class="calc-compare-mark"> ({menu.compareRowsDiffer})</span> : null}
                </th>
                {comparison.rows.counts.map((count, n) => <td key={n}>{interpolate(menu.compareRowCount, { count: f.integer(count) })}</td>)}
              </tr>
            ) : null}
          </tbody>
          <tbody>
            <tr>
              <th scope="col">{menu.compareKeyResults}</th>
              {names.map((n) => <th scope="col" key={n}>{n}</th>)}
            </tr>
            {comparison.results.map((r) => {
              const item = keyResults.find((i) => i.key === r.key)!;
              return (
                <tr key={r.key} data-compare-result={r.key}>
                  <th scope="row">{item.label}</th>
                  {r.values.map((v, n) => {
                    const d = n > 0 ? r.differences[n - 1]! : null;
                    return (
                      <td key={n} data-value={typeof v === 'number' ? String(v) : undefined}>
                        {resultText(f, { ...item, value: v }) ?? kit.notAvailable}
                        {d ? (
                          <span class="calc-compare-diff" data-absolute={typeof d.absolute === 'number' ? String(d.absolute) : d.absolute} data-relative={typeof d.relative === 'number' ? String(d.relative) : d.relative}>
                            <br />
                            {interpolate(menu.compareDifference, { reference })}{kit.labelSeparator}
                            {absoluteText(item, d)}
                            {typeof d.absolute === 'number' ? <>{kit.summarySeparator}{menu.compareRelative} {typeof d.relative === 'number' ? f.signedPercent(d.relative, 1) : why(d.relative)}</> : null}
                          </span>
                        ) : null}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/**
 * The compared scenarios' key results on one axis: each as a percentage of the reference
 * scenario's (100%), one bar per scenario, so a price and a profit can sit side by side. A result
 * without a finite relative difference (a zero or missing reference) is left out of the chart.
 */
function CompareChart({ ctx, menu, names, comparison, keyResults }: { ctx: FieldContext; menu: ScenarioStrings; names: string[]; comparison: NonNullable<ReturnType<typeof compareScenarios>>; keyResults: ResultItem[] }) {
  const f = ctx.format;
  const indexOf = (r: (typeof comparison.results)[number], n: number): number | null => {
    if (n === 0) return 1;
    const relative = r.differences[n - 1]?.relative;
    return typeof relative === 'number' ? 1 + relative : null;
  };
  const shown = comparison.results
    .map((r) => ({ r, item: keyResults.find((i) => i.key === r.key)! }))
    .filter(({ r, item }) => item.kind !== 'text' && typeof r.values[0] === 'number' && names.some((_, n) => n > 0 && indexOf(r, n) !== null));
  if (shown.length === 0) return null;
  const reference = names[0]!;
  const labels = shown.map(({ item }) => item.label);
  const percent = (v: number | null) => (v === null ? ctx.ui.kit.notAvailable : f.percent(v, 0));
  return (
    <ChartFigure
      ctx={ctx}
      id="compare"
      title={interpolate(menu.compareChartTitle, { name: reference })}
      description={interpolate(menu.compareChartDescription, { name: reference, results: labels.join(ctx.ui.kit.summarySeparator) })}
      dataKey={JSON.stringify([names, shown.map(({ r }) => r.values), f.locale])}
      config={chart('bar', {
        labels,
        horizontal: true,
        wrapLabels: 28,
        series: names.map((name, n) => ({ label: name, data: shown.map(({ r }) => indexOf(r, n)), color: n })),
        x: { format: (v) => f.percent(v, 0), beginAtZero: true },
        y: { category: true },
        tooltip: (point) => {
          const shownResult = shown[point.dataIndex];
          const value = shownResult ? resultText(f, { ...shownResult.item, value: shownResult.r.values[point.datasetIndex] ?? null }) : undefined;
          return `${point.dataset.label ?? ''}: ${percent(point.parsed.x ?? null)}${value ? ` (${value})` : ''}`;
        },
      })}
      table={{ columns: [menu.compareKeyResults, ...names], rows: shown.map(({ r, item }) => [item.label, ...names.map((_, n) => percent(indexOf(r, n)))]) }}
    />
  );
}
