/**
 * The frame every calculator island renders: title, toolbar (worked example, reset, copy link,
 * CSV export, currency), the workbench (inputs beside the results on wide screens, with the key
 * results in a sticky summary), formulas with the named variant and the playbook's rule, charts.
 */
import type { ComponentChildren, ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CalculatorDefinition, Issue } from '../../lib/kit/calculator';
import type { FieldSpecs } from '../../lib/kit/fields';
import type { Scenario } from '../../lib/kit/store';
import { CURRENCIES, interpolate, type Currency } from '../../lib/kit/format';
import type { FieldContext } from './Fields';
import { IssueList, ResultList, ResultSummary, type ResultItem } from './Results';
import type { LinkNoticeProps } from './LinkNotice';
import type { ScenarioPanelProps } from './ScenarioPanel';
import type { RestoreNotice, ShownScenario } from './useCalculatorState';

export interface CsvRow {
  section: 'input' | 'result';
  label: string;
  /** As shown; a value that reads fully as a number is exported as that plain number (`csvCell`). */
  value: string;
  /** The exact figure, when the island has it (exported instead of `value`). */
  number?: number;
}

/** The strings of a calculator the frame shows (every calculator's `t` has them). */
export interface FrameStrings {
  title: string;
  intro: string;
  variant: string;
  rule: string;
  formulas: readonly string[];
  fields: Record<string, string>;
}

/** The part of `useCalculatorState` the frame's toolbar uses. */
export interface FrameState {
  notice: RestoreNotice | null;
  raw: Record<string, string>;
  rows: Record<string, string>[];
  loadExample: () => void;
  reset: () => void;
  restoreSaved?: () => void;
  setField: (key: never, value: string) => void;
  replaceRows: (rows: never[]) => void;
  /** False when the calculator holds more than fields and rows (k-means data), which undo cannot bring back. */
  undoable?: boolean;
  // Scenarios (see useCalculatorState): the shown one, its inputs, and the definition to compare with.
  def: CalculatorDefinition<FieldSpecs, unknown, FieldSpecs>;
  output: { results: object };
  scenario: ShownScenario;
  storageFull: boolean;
  currentScenario: () => Scenario;
  followStore: () => void;
}

interface FrameProps {
  ctx: FieldContext;
  t: FrameStrings;
  state: FrameState;
  onCurrency: (currency: Currency) => void;
  /** The declared results, in reading order; those with `emphasis` also go to the summary. */
  items: readonly ResultItem[];
  /** Issues for the list under the results (field errors sit beside their fields). */
  issues?: readonly Issue[];
  /** CSV rows after the inputs and the declared results (e.g. a result table's cells); default none. */
  csvExtra?: () => CsvRow[];
  /** CSV rows for the inputs; default one per field, labelled from `t.fields`. */
  csvInputs?: () => CsvRow[];
  inputs: ComponentChildren;
  /** Shown before the result list (e.g. a step strip). */
  resultsBefore?: ComponentChildren;
  /** Shown after the result list (result tables). */
  results?: ComponentChildren;
  charts?: ComponentChildren;
  /**
   * `split` (default): inputs and results side by side on wide screens. `stacked`: a calculator
   * whose inputs are a wide table gets the full width for it, results below, summary sticky.
   */
  layout?: 'split' | 'stacked';
}

export { download } from './download';

export function CalculatorFrame(props: FrameProps) {
  const { ctx, t, state } = props;
  const [copied, setCopied] = useState<'idle' | 'ok' | 'failed'>('idle');
  // After "Load worked example" or "Reset": what happened, and the reader's inputs to undo it.
  const [done, setDone] = useState<{ kind: 'example' | 'reset' | 'undone'; raw: Record<string, string>; rows: Record<string, string>[] } | null>(null);
  const replace = (kind: 'example' | 'reset') => {
    const before = { raw: { ...state.raw }, rows: state.rows.map((row) => ({ ...row })) };
    if (kind === 'example') state.loadExample();
    else state.reset();
    setCopied('idle');
    setDone({ kind, ...before });
  };
  const undo = () => {
    if (!done) return;
    for (const [key, value] of Object.entries(done.raw)) state.setField(key as never, value);
    state.replaceRows(done.rows as never[]);
    setDone({ kind: 'undone', raw: {}, rows: [] });
  };
  const headingId = `${ctx.calcId.replace('.', '-')}-title`;
  const panelId = `${ctx.calcId.replace('.', '-')}-scenarios`;
  const { kit } = ctx.ui;
  const scenarioName = state.scenario.name ?? kit.scenarioBase;
  // The scenario menu is a chunk of its own, loaded when the reader first opens it.
  const [panelOpen, setPanelOpen] = useState(false);
  const scenarioButton = useRef<HTMLButtonElement>(null);
  const [menu, setMenu] = useState<{ Panel: ComponentType<ScenarioPanelProps>; strings: ScenarioPanelProps['menu'] } | null>(null);
  const openPanel = () => {
    setPanelOpen((open) => !open);
    // The menu and its strings, in the page's language only.
    if (!menu) {
      void Promise.all([import('./ScenarioPanel'), ctx.format.locale === 'zh-CN' ? import('../../i18n/zh-cn/scenarios') : import('../../i18n/en/scenarios')]).then(([m, s]) =>
        setMenu({ Panel: m.ScenarioPanel, strings: s.scenarioStrings }),
      );
    }
  };
  const downloadSaved = () => void import('./ScenarioPanel').then((m) => m.downloadSavedData());

  const copyLink = async () => {
    setDone(null);
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopied('ok');
    } catch {
      setCopied('failed');
    }
  };

  // Writing the file is loaded on the click (csv-files.ts), not with every calculator.
  const exportCsv = async () => {
    const { exportFrameCsv } = await import('./csv-files');
    exportFrameCsv(ctx, t, state.raw, props.items, props.csvInputs, props.csvExtra);
  };

  const layout = props.layout ?? 'split';
  return (
    <section class={`calc calc--${layout} not-content`} data-calculator={ctx.calcId} aria-labelledby={headingId}>
      <header class="calc-header">
        <h3 id={headingId}>
          <span class="calc-id">{ctx.calcId}</span> {t.title}
        </h3>
        <p>{t.intro}</p>
      </header>
      <div class="calc-toolbar" role="group" aria-label={t.title}>
        <button type="button" data-action="example" onClick={() => replace('example')}>{ctx.ui.kit.loadExample}</button>
        <button type="button" data-action="reset" onClick={() => replace('reset')}>{ctx.ui.kit.reset}</button>
        <button type="button" data-action="link" onClick={copyLink}>{ctx.ui.kit.copyLink}</button>
        <button type="button" data-action="export" onClick={exportCsv}>{ctx.ui.kit.exportCsv}</button>
        <label class="calc-currency">
          {ctx.ui.kit.currency}{' '}
          <select value={ctx.format.currency} onChange={(e) => props.onCurrency((e.currentTarget as HTMLSelectElement).value as Currency)}>
            {CURRENCIES.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </label>
        <span class="calc-status" role="status" data-notice={done?.kind}>
          {done?.kind === 'example' ? ctx.ui.kit.exampleLoaded : done?.kind === 'reset' ? ctx.ui.kit.resetDone : done?.kind === 'undone' ? ctx.ui.kit.undone : null}
          {copied === 'ok' ? ctx.ui.kit.linkCopied : copied === 'failed' ? ctx.ui.kit.linkCopyFailed : ''}
        </span>
        {done && done.kind !== 'undone' && state.undoable !== false ? (
          <button type="button" data-action="undo" onClick={undo}>{ctx.ui.kit.undo}</button>
        ) : null}
        <button type="button" ref={scenarioButton} class="calc-scenario-button" data-action="scenarios" aria-expanded={panelOpen} aria-controls={panelId} onClick={openPanel}>
          {kit.scenario}{kit.labelSeparator}
          <span data-scenario-name>{state.scenario.id === null ? interpolate(kit.scenarioFromLink, { name: scenarioName }) : scenarioName}</span>
        </button>
      </div>
      {panelOpen ? (
        <div id={panelId} class="calc-scenarios" data-scenarios>
          {menu ? <menu.Panel ctx={ctx} menu={menu.strings} t={t} state={state} items={props.items} onClose={() => { setPanelOpen(false); scenarioButton.current?.focus(); }} /> : <p role="status">{kit.scenarioLoading}</p>}
        </div>
      ) : null}
      {state.storageFull ? (
        <div class="calc-notice" data-notice="storage-full" role="alert">
          <p>{kit.storageFull}</p>
          <button type="button" data-action="export-saved" onClick={downloadSaved}>{kit.storageExport}</button>
        </div>
      ) : null}
      {state.notice ? <LinkNoticeSlot ctx={ctx} t={t} notice={state.notice} onBack={state.restoreSaved} /> : null}
      <div class="calc-body">
        <form class="calc-inputs" aria-label={ctx.ui.kit.inputs} onSubmit={(e) => e.preventDefault()}>
          {props.inputs}
        </form>
        <div class="calc-output" data-calculator-results>
          <h4>{ctx.ui.kit.results}</h4>
          {props.resultsBefore}
          <ResultList ctx={ctx} items={props.items} />
          {props.results}
          <IssueList ctx={ctx} issues={props.issues ?? []} />
        </div>
        <ResultSummary ctx={ctx} items={props.items} issueCount={(props.issues ?? []).filter((i) => !i.field).length} />
      </div>
      {props.charts ? <div class="calc-charts">{props.charts}</div> : null}
      <details class="calc-formulas" open>
        <summary>{ctx.ui.kit.formulas}</summary>
        <p><strong>{ctx.ui.kit.variant}{ctx.ui.kit.labelSeparator}</strong>{t.variant}</p>
        <p>
          <strong>{ctx.ui.kit.rule}{ctx.ui.kit.labelSeparator}</strong>{t.rule}
          {ctx.ui.ruleLink ? <RuleSource template={ctx.ui.kit.ruleSource} link={ctx.ui.ruleLink} /> : null}
        </p>
        <ul>{t.formulas.map((f) => <li key={f}><code>{f}</code></li>)}</ul>
      </details>
    </section>
  );
}

/** " (see 4.1 Managing the product lifecycle)", the section's name linked to it. */
function RuleSource({ template, link }: { template: string; link: { href: string; section: string } }) {
  const [before = '', after = ''] = template.split('{section}');
  return <>{before}<a href={link.href} data-rule-link>{link.section}</a>{after}</>;
}

/**
 * The link notice, loaded only when a page was opened from a link to this calculator (the notice
 * is set after hydration, so nothing the server rendered is replaced).
 */
function LinkNoticeSlot(props: LinkNoticeProps) {
  const [Notice, setNotice] = useState<((p: LinkNoticeProps) => ComponentChildren) | null>(null);
  useEffect(() => {
    void import('./LinkNotice').then((m) => setNotice(() => m.LinkNotice));
  }, []);
  return Notice ? <Notice {...props} /> : null;
}
