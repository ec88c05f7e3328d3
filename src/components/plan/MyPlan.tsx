/**
 * The My plan page's island: a one-page market plan assembled from the calculators the reader has
 * used, in the playbook's order (analyse → decide → execute → control). Each block computes its
 * calculator's active stored scenario with the calculator's own module, loaded on demand
 * (`src/lib/plan/blocks/`), names the scenario and links back; a block whose calculator has not
 * been used says what to do next. Objectives and the positioning statement are the reader's own
 * text, kept in the store. The plan file (export, import with a preview) and the Markdown and CSV
 * exports load on first use. Server-rendered with every block "not filled in yet" (no storage on
 * the server); the reader's work replaces that on hydration and follows changes from other tabs.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import { createFormatter, interpolate, type Locale } from '../../lib/kit/format';
import { readText, textKey, writeText, type CalculatorRecord } from '../../lib/kit/store';
import { listCalculators, readSnapshot } from '../../lib/kit/store-edit';
import { PLAN_BLOCK_IDS, PLAN_LAYOUT, MAX_PLAN_TEXT, presentBlock, type BlockId, type Phase, type PlanStrings, type PlanTextId, type PresentedBlock } from '../../lib/plan/present';
import type { BlockSummary, Summarise } from '../../lib/plan/summary';
import type { PlanDocument } from '../../lib/plan/plan-export';
import { localStore, report, subscribe } from '../calculator/browser-store';
import { useCurrency } from '../calculator/currency';
import type { ImportPanelProps } from './ImportPanel';
import { download } from '../calculator/download';

export interface MyPlanProps {
  locale: Locale;
  s: PlanStrings;
  phases: Record<Phase, string>;
  /** The names of the calculators the blocks summarise. */
  names: Record<BlockId, string>;
  /** The calculator pages' address in this language, base path included: `…/calculators/`. */
  calculatorsPath: string;
  /** Per block: its calculator's default row names and choice labels in this language. */
  blockData: Record<BlockId, { defaultNames: readonly string[]; choices: Record<string, string> }>;
  scenarioBase: string;
  /** The import preview's strings and field labels (fetched on import). */
  labelsUrl: string;
}

// One chunk per block, each with its calculator module: a block's code loads only if that calculator was used.
const LOADERS: Record<BlockId, () => Promise<{ default: Summarise }>> = {
  'C03.1': () => import('../../lib/plan/blocks/c03-1'),
  'C01.1': () => import('../../lib/plan/blocks/c01-1'),
  'C05.1': () => import('../../lib/plan/blocks/c05-1'),
  'C06.1': () => import('../../lib/plan/blocks/c06-1'),
  'C12.1': () => import('../../lib/plan/blocks/c12-1'),
  'C14.1': () => import('../../lib/plan/blocks/c14-1'),
  'C13.1': () => import('../../lib/plan/blocks/c13-1'),
  'C13.3': () => import('../../lib/plan/blocks/c13-3'),
};

/** A block's figures, and the reading of the store they were computed from (to know when all are current). */
type Computed = { from: Record<string, CalculatorRecord>; result: { summary: BlockSummary; scenario: string } | 'failed' };


const today = () => new Date().toISOString().slice(0, 10);

function PlanText({ id, heading, help, placeholder, s }: { id: PlanTextId; heading: string; help: string; placeholder?: string; s: PlanStrings }) {
  const [text, setText] = useState('');
  const [failed, setFailed] = useState(false);
  const domId = `plan-${id.replace('.', '-')}`;
  useEffect(() => {
    // A longer text (from a hand-edited plan file) is still shown, never blanked and overwritten.
    const load = () => setText(readText(localStore(), id, 2_000_000)?.text ?? '');
    load();
    return subscribe((event) => event.kind === 'change' && (event.key === null || event.key === textKey(id)) && (event.fromOtherTab || event.key === null) && load());
  }, [id]);
  const change = (value: string) => {
    setText(value);
    const result = report(textKey(id), writeText(localStore(), id, value === '' ? null : { text: value, origin: null }));
    setFailed(!result.ok);
  };
  return (
    <section class="plan-part plan-text" data-plan-text={id}>
      <h3 id={`${domId}-heading`}>
        <label for={domId}>{heading}</label>
      </h3>
      <p class="plan-help" id={`${domId}-help`}>{help}</p>
      <textarea id={domId} rows={3} maxLength={MAX_PLAN_TEXT} value={text} placeholder={placeholder} aria-describedby={`${domId}-help`} onInput={(e) => change(e.currentTarget.value)} />
      {/* Paper cannot scroll a text box: the text prints as a paragraph instead. */}
      <p class="plan-print-text" aria-hidden="true">{text.trim() ? text : s.notWritten}</p>
      {failed ? <p class="plan-status" role="status">{s.textNotSaved}</p> : null}
    </section>
  );
}

function Block({ block, href, next, s }: { block: PresentedBlock; href: string; next: string; s: PlanStrings }) {
  const domId = `plan-${block.id.replace('.', '-')}`;
  const link = <a href={href}>{interpolate(s.openCalculator, { calculator: block.calculator })}</a>;
  return (
    <section class="plan-part plan-block" data-plan-block={block.id} data-plan-used={block.scenario !== null ? 'true' : 'false'} aria-labelledby={domId}>
      <h3 id={domId}>{block.title}</h3>
      {block.scenario === null ? (
        <p class="plan-next">
          {s.notUsed} {next} {link}
        </p>
      ) : (
        <>
          <p class="plan-source">
            {interpolate(s.source, { calculator: block.calculator, scenario: block.scenario })} {link}
          </p>
          {block.figures.length ? (
            <dl class="plan-figures">
              {block.figures.map((fig) => (
                <div key={fig.label}>
                  <dt>{fig.label}</dt>
                  <dd>{fig.cell.text}</dd>
                </div>
              ))}
            </dl>
          ) : null}
          {block.rows.length ? (
            <div class="plan-table-wrap">
              <table class="plan-table">
                <thead>
                  <tr>{block.head.map((h) => <th scope="col">{h}</th>)}</tr>
                </thead>
                <tbody>
                  {block.rows.map((row) => (
                    <tr>{row.map((cell, i) => (i === 0 ? <th scope="row">{cell.text}</th> : <td>{cell.text}</td>))}</tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {block.notes.map((note) => <p class="plan-note">{note}</p>)}
        </>
      )}
    </section>
  );
}

export default function MyPlan(props: MyPlanProps) {
  const { locale, s, phases, names, calculatorsPath, blockData, scenarioBase } = props;
  const hrefOf = (id: BlockId) => `${calculatorsPath}${id.toLowerCase().replace('.', '-')}/`;
  const [currency] = useCurrency(locale);
  const f = useMemo(() => createFormatter(locale, currency), [locale, currency]);
  /** null until read on the client (the server has no storage). */
  const [records, setRecords] = useState<Record<string, CalculatorRecord> | null>(null);
  const [computed, setComputed] = useState<Partial<Record<BlockId, Computed>>>({});
  const [status, setStatus] = useState('');
  const [importer, setImporter] = useState<{ Panel: ComponentType<ImportPanelProps>; file: File } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const load = () => setRecords(listCalculators(localStore()));
    load();
    return subscribe((event) => event.kind === 'change' && (event.key === null || event.key.startsWith('mpp:v2:calc:')) && load());
  }, []);

  // Each used block's module computes its active scenario; a newer reading wins over a late one.
  const generation = useRef(0);
  useEffect(() => {
    if (!records) return;
    const run = ++generation.current;
    for (const id of PLAN_BLOCK_IDS) {
      const record = records[id];
      if (!record) continue;
      const active = record.scenarios.find((x) => x.id === record.active) ?? record.scenarios[0]!;
      const done = (result: Computed['result']) => run === generation.current && setComputed((c) => ({ ...c, [id]: { from: records, result } }));
      LOADERS[id]()
        .then(({ default: summarise }) => summarise({ scenario: active, defaultNames: blockData[id].defaultNames }))
        .then((summary) => done({ summary, scenario: active.name ?? scenarioBase }), () => done('failed'));
    }
  }, [records]);

  /** A block as shown: its figures (the latest computed), what to do next, 'loading' or 'failed'. */
  const presented = (id: BlockId): PresentedBlock | 'loading' | 'failed' => {
    const calculator = names[id];
    const context = { f, s, calculator, scenario: null, choices: blockData[id].choices };
    if (records === null || !records[id]) return presentBlock(id, null, context);
    const c = computed[id];
    if (!c) return 'loading';
    if (c.result === 'failed') return 'failed';
    return presentBlock(id, c.result.summary, { ...context, scenario: c.result.scenario });
  };
  const ready = records !== null && PLAN_BLOCK_IDS.every((id) => !records[id] || computed[id]?.from === records);

  /** The plan as one document, for the Markdown and CSV exports. */
  const document_ = (): PlanDocument => {
    const texts = readSnapshot(localStore()).texts;
    return {
      title: s.markdownTitle,
      currencyNote: interpolate(s.currencyNote, { currency }),
      phases: PLAN_LAYOUT.map((phase) => ({
        heading: phases[phase.phase],
        parts: phase.parts.map((part) => {
          if ('text' in part) return { kind: 'text' as const, heading: part.text === 'plan.objectives' ? s.objectives : s.positioning, text: texts[part.text]?.text ?? '' };
          const block = presented(part.block);
          const next = interpolate(s.blocks[part.block].next, { calculator: names[part.block] });
          return { kind: 'block' as const, block: typeof block === 'string' ? presentBlock(part.block, null, { f, s, calculator: names[part.block], scenario: null, choices: {} }) : block, next };
        }),
      })),
    };
  };

  const exportPlanFile = async () => {
    const { toPlanFile } = await import('../../lib/plan/plan-file');
    const name = `${s.fileName}-${today()}.json`;
    download(name, toPlanFile(readSnapshot(localStore())), 'application/json');
    setStatus(interpolate(s.exported, { file: name }));
  };
  const exportAs = async (kind: 'md' | 'csv') => {
    const { toMarkdown, toPlanCsv } = await import('../../lib/plan/plan-export');
    const name = `${s.fileName}-${today()}.${kind}`;
    if (kind === 'md') download(name, toMarkdown(document_(), s), 'text/markdown;charset=utf-8');
    else download(name, toPlanCsv(document_(), s), 'text/csv;charset=utf-8');
    setStatus(interpolate(s.exported, { file: name }));
  };
  const chooseFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = ''; // the same file can be chosen again
    if (!file) return;
    setStatus(interpolate(s.reading, { file: file.name }));
    const { ImportPanel } = await import('./ImportPanel');
    setImporter({ Panel: ImportPanel, file });
  };
  const closeImport = (message: string) => {
    setImporter(null);
    setStatus(message);
    fileInput.current?.focus();
  };

  const usedAny = records !== null && Object.keys(records).length > 0;

  return (
    <div class="plan" data-plan data-plan-ready={ready ? 'true' : 'false'}>
      <div class="plan-toolbar">
        <button type="button" data-action="plan-export" onClick={exportPlanFile}>{s.exportPlanFile}</button>
        <label class="plan-file-button">
          <input ref={fileInput} type="file" accept=".json,application/json" data-action="plan-import" onChange={chooseFile} />
          <span>{s.importPlanFile}</span>
        </label>
        <button type="button" data-action="plan-export-md" onClick={() => exportAs('md')}>{s.exportMarkdown}</button>
        <button type="button" data-action="plan-export-csv" onClick={() => exportAs('csv')}>{s.exportCsv}</button>
        <button type="button" data-action="plan-print" onClick={() => window.print()}>{s.print}</button>
      </div>
      <p class="plan-help">{s.fileHelp}</p>
      <p class="plan-status" role="status" data-plan-status>{status}</p>
      {importer ? (
        <importer.Panel
          file={importer.file}
          s={s}
          scenarioBase={scenarioBase}
          labelsUrl={props.labelsUrl}
          onDone={closeImport}
        />
      ) : null}

      <p class="plan-currency">{interpolate(s.currencyNote, { currency })}</p>
      {records === null ? <p class="plan-status">{s.loading}</p> : !usedAny ? <p class="plan-status">{s.nothingYet}</p> : null}
      {PLAN_LAYOUT.map((phase) => (
        <section class="plan-phase" data-plan-phase={phase.phase} aria-labelledby={`plan-phase-${phase.phase}`}>
          <h2 id={`plan-phase-${phase.phase}`}>{phases[phase.phase]}</h2>
          {phase.parts.map((part) => {
            if ('text' in part) {
              return part.text === 'plan.objectives' ? (
                <PlanText id={part.text} heading={s.objectives} help={s.objectivesHelp} s={s} />
              ) : (
                <PlanText id={part.text} heading={s.positioning} help={s.positioningHelp} placeholder={s.positioningPlaceholder} s={s} />
              );
            }
            const id = part.block;
            const block = presented(id);
            const next = interpolate(s.blocks[id].next, { calculator: names[id] });
            if (typeof block === 'string') {
              return (
                <section class="plan-part plan-block" data-plan-block={id} aria-labelledby={`plan-${id.replace('.', '-')}`}>
                  <h3 id={`plan-${id.replace('.', '-')}`}>{s.blocks[id].title}</h3>
                  {block === 'loading' ? (
                    <p class="plan-note">{s.loading}</p>
                  ) : (
                    <p class="plan-note">{s.blockFailed} <a href={hrefOf(id)}>{interpolate(s.openCalculator, { calculator: names[id] })}</a></p>
                  )}
                </section>
              );
            }
            return <Block block={block} href={hrefOf(id)} next={next} s={s} />;
          })}
        </section>
      ))}
    </div>
  );
}
