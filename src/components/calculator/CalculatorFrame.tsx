/**
 * The frame every calculator island renders: title, toolbar (worked example, reset, copy link,
 * CSV export, currency), inputs, results, formulas with the named variant and seed rule, charts.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { toCsv } from '../../lib/kit/csv';
import { CURRENCIES, interpolate, type Currency } from '../../lib/kit/format';
import type { FieldContext } from './Fields';
import type { RestoreNotice } from './useCalculatorState';

export interface CsvRow {
  section: 'input' | 'result';
  label: string;
  value: string;
}

/** The strings of a calculator the frame shows (every calculator's `t` has them). */
export interface FrameStrings {
  title: string;
  intro: string;
  variant: string;
  seedRule: string;
  formulas: readonly string[];
}

/** The part of `useCalculatorState` the frame's toolbar uses. */
export interface FrameState {
  notice: RestoreNotice;
  loadExample: () => void;
  reset: () => void;
}

interface FrameProps {
  ctx: FieldContext;
  t: FrameStrings;
  state: FrameState;
  onCurrency: (currency: Currency) => void;
  csvRows: () => CsvRow[];
  inputs: ComponentChildren;
  results: ComponentChildren;
  charts?: ComponentChildren;
}

/** Saves text as a UTF-8 CSV file (with a BOM); also used by islands that export more than the frame does. */
export function download(filename: string, text: string) {
  // BOM so spreadsheet programs read Chinese labels as UTF-8.
  const blob = new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function CalculatorFrame(props: FrameProps) {
  const { ctx, t, state } = props;
  const [copied, setCopied] = useState<'idle' | 'ok' | 'failed'>('idle');
  const headingId = `${ctx.calcId.replace('.', '-')}-title`;

  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopied('ok');
    } catch {
      setCopied('failed');
    }
  };

  const exportCsv = () => {
    const { kit } = ctx.ui;
    const rows = props.csvRows().map((row) => [row.section === 'input' ? kit.csvInputs : kit.csvResults, row.label, row.value]);
    download(`${ctx.calcId}.csv`, toCsv([[kit.csvSection, kit.csvField, kit.csvValue], ...rows]));
  };

  return (
    <section class="calc not-content" data-calculator={ctx.calcId} aria-labelledby={headingId}>
      <header class="calc-header">
        <h3 id={headingId}>
          <span class="calc-id">{ctx.calcId}</span> {t.title}
        </h3>
        <p>{t.intro}</p>
      </header>
      <div class="calc-toolbar" role="group" aria-label={t.title}>
        <button type="button" data-action="example" onClick={state.loadExample}>{ctx.ui.kit.loadExample}</button>
        <button type="button" data-action="reset" onClick={state.reset}>{ctx.ui.kit.reset}</button>
        <button type="button" data-action="link" onClick={copyLink}>{ctx.ui.kit.copyLink}</button>
        <button type="button" data-action="export" onClick={exportCsv}>{ctx.ui.kit.exportCsv}</button>
        <label class="calc-currency">
          {ctx.ui.kit.currency}{' '}
          <select value={ctx.format.currency} onChange={(e) => props.onCurrency((e.currentTarget as HTMLSelectElement).value as Currency)}>
            {CURRENCIES.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </label>
        <span class="calc-status" role="status">
          {copied === 'ok' ? ctx.ui.kit.linkCopied : copied === 'failed' ? ctx.ui.kit.linkCopyFailed : ''}
          {state.notice?.kind === 'restored' ? ctx.ui.kit.restoredFromLink : null}
          {state.notice?.kind === 'ignored' ? interpolate(ctx.ui.kit.ignoredFromLink, { names: state.notice.names.join(', ') }) : null}
        </span>
      </div>
      <div class="calc-body">
        <form class="calc-inputs" aria-label={ctx.ui.kit.inputs} onSubmit={(e) => e.preventDefault()}>
          {props.inputs}
        </form>
        <div class="calc-output" data-calculator-results>
          <h4>{ctx.ui.kit.results}</h4>
          {props.results}
        </div>
      </div>
      {props.charts ? <div class="calc-charts">{props.charts}</div> : null}
      <details class="calc-formulas" open>
        <summary>{ctx.ui.kit.formulas}</summary>
        <p><strong>{ctx.ui.kit.variant}:</strong> {t.variant}</p>
        <p><strong>{ctx.ui.kit.seedRule}:</strong> {t.seedRule}</p>
        <ul>{t.formulas.map((f) => <li key={f}><code>{f}</code></li>)}</ul>
      </details>
    </section>
  );
}
