/**
 * C08.1 island: RFM scores and segments for a pasted or uploaded CSV, either a customers table or
 * raw transactions (up to 100,000 rows).
 *
 * The maths is the pure module's (through `c08-1-rfm-data.ts`). Small data (the sample, the
 * worked example, up to SYNC_MAX_ROWS rows) is scored on the page as the reader types, so the
 * server render and the page without JavaScript show results; larger data goes to `rfm.worker.ts`
 * with a progress bar, and the page stays responsive. The link keeps the settings; the data stays
 * in this browser (`useStoredText`), never in the link.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { defaultRfmRows, exampleRfmRows, rfmScorer, segmentNames, type RfmResults } from '../../lib/calculators/c08-1-rfm';
import { countDataLines, guessSource, rfmAliases, rfmDataCsv, scoreCsv, scoredCustomersCsv, type RfmDataRun, type RfmPhase } from '../../lib/calculators/c08-1-rfm-data';
import type { RfmJob, RfmReply } from './rfm.worker';
import type { CalcOutput } from '../../lib/kit/calculator';
import { chart } from '../../lib/kit/chart-config';
import { decodeCsvBytes } from '../../lib/kit/csv';
import type { Message } from '../../lib/kit/fields';
import { interpolate } from '../../lib/kit/format';
import type { CalculatorStrings } from '../../i18n/en/index';
import { CalculatorFrame, download, type CsvRow } from '../calculator/CalculatorFrame';
import { ChartFigure } from '../calculator/ChartFigure';
import { DataSetInput, useDataSet } from '../calculator/DataSetInput';
import { messageText } from '../calculator/Fields';
import { declareResults, ResultTable, tableCsvRows } from '../calculator/Results';
import { useIslandContext, type IslandProps } from '../calculator/island';
import { useCalculatorState } from '../calculator/useCalculatorState';
import { useStoredText } from '../calculator/useStoredText';
import { dateRenderer } from '../calculator/DateField';
import { fieldRenderers, splitIssues } from '../calculator/wiring';

type Strings = CalculatorStrings<'C08.1'>;

/** Up to this many data rows the scoring runs on the page on every input (a few ms); above, in the worker. */
const SYNC_MAX_ROWS = 2_000;
const MAX_FILE_MB = 10;
/** Data longer than this is not echoed in the text box (a file's contents, typically). */
const MAX_ECHO_CHARS = 100_000;
const PREVIEW_ROWS = 20;
const MAP_KEYS = ['championsMinR', 'championsMinF', 'atRiskMaxR', 'atRiskMinF', 'loyalMinF', 'promisingMinR', 'promisingMaxF', 'hibernatingMaxR', 'hibernatingMaxF'] as const;
/** Where each phase starts on the progress bar and how much of it it spans. */
const PHASES: Record<RfmPhase, readonly [number, number]> = { read: [0, 0.3], check: [0.3, 0.55], score: [0.85, 0.15] };

// The settings only: the data is CSV text of its own, so the kit's state never holds 100,000 rows.
const { table: _table, defaultRows: _defaultRows, exampleRows: _exampleRows, ...settingsDef } = rfmScorer;
const settings = { ...settingsDef, compute: (): CalcOutput<RfmResults> => ({ results: {}, issues: [] }) };

function createWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./rfm.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

interface AsyncRun {
  text: string;
  valuesKey: string;
  run: RfmDataRun | null;
  progress: { phase: RfmPhase; fraction: number } | null;
  fallback: boolean;
}

/** A hex colour at an opacity (other colour forms are kept as they are). */
const withAlpha = (color: string, alpha: number) =>
  /^#[0-9a-f]{6}$/i.test(color) ? `${color}${Math.round(alpha * 255).toString(16).padStart(2, '0')}` : color;
const wholeTick = (v: number) => (Number.isInteger(v) ? String(v) : '');

const asMessage = ({ code, ...params }: { code: string } & Record<string, unknown>): Message => ({ code, params: params as Record<string, string | number> });

export default function Rfm({ locale, ui, t }: IslandProps<Strings>) {
  const { ctx, setCurrency } = useIslandContext('C08.1', locale, ui);
  const f = ctx.format;
  const state = useCalculatorState(settings);
  const tr = t.results;
  const idBase = 'C08-1';

  const sampleCsv = useMemo(() => rfmDataCsv(defaultRfmRows, t.columns, 'transactions'), [t]);
  const data = useStoredText('C08.1', sampleCsv);
  const [fileError, setFileError] = useState<Message | null>(null);
  // A large data set is held apart from the text box, and every wholesale replacement can be undone.
  const dataSet = useDataSet(data, MAX_ECHO_CHARS);
  const aliases = useMemo(
    () => rfmAliases(ui.tableAliases?.columns ?? {}, { customer: [tr.customer], date: [tr.lastPurchase], orders: [tr.orders], amount: [tr.spend] }),
    [ui, t, tr],
  );

  const values = state.read.values;
  const valuesKey = JSON.stringify(values);
  const rowCount = useMemo(() => countDataLines(data.text), [data.text]);
  const large = rowCount > SYNC_MAX_ROWS;
  // Small data: scored on the page, on every input.
  const syncRun = useMemo(() => (large ? null : scoreCsv(data.text, values, aliases)), [data.text, valuesKey, large, aliases]); // eslint-disable-line react-hooks/exhaustive-deps

  // Large data: the worker, one job at a time; a newer job stops an unfinished one.
  const workerRef = useRef<Worker | null>(null);
  const jobRef = useRef(0);
  const [asyncRun, setAsyncRun] = useState<AsyncRun | null>(null);
  useEffect(() => {
    if (!large) return;
    const job = ++jobRef.current;
    const base = { text: data.text, valuesKey };
    let finished = false;
    setAsyncRun({ ...base, run: null, progress: null, fallback: false });
    const runOnPage = () => {
      setAsyncRun({ ...base, run: null, progress: null, fallback: true });
      window.setTimeout(() => {
        if (jobRef.current !== job) return;
        const run = scoreCsv(base.text, values, aliases);
        finished = true;
        setAsyncRun({ ...base, run, progress: null, fallback: true });
      }, 50);
    };
    const dropWorker = (worker: Worker) => {
      worker.terminate();
      if (workerRef.current === worker) workerRef.current = null;
    };
    const worker = workerRef.current ?? createWorker();
    workerRef.current = worker;
    if (!worker) {
      runOnPage();
      return;
    }
    worker.onmessage = (event: MessageEvent<RfmReply>) => {
      const reply = event.data;
      if (reply.job !== job) return;
      if (reply.type === 'progress') {
        setAsyncRun((prev) => (prev && prev.text === base.text && prev.valuesKey === valuesKey ? { ...prev, progress: { phase: reply.phase, fraction: reply.fraction } } : prev));
      } else if (reply.type === 'run') {
        finished = true;
        setAsyncRun({ ...base, run: reply.run, progress: null, fallback: false });
      } else {
        dropWorker(worker);
        runOnPage();
      }
    };
    worker.onerror = () => {
      dropWorker(worker);
      runOnPage();
    };
    const message: RfmJob = { job, text: base.text, values, aliases, labels: { headers: tr, segments: t.segments }, preview: PREVIEW_ROWS };
    worker.postMessage(message);
    return () => {
      // A worker cannot be interrupted mid-loop: stop it and start a fresh one for the next job.
      if (!finished) dropWorker(worker);
    };
  }, [large, data.text, valuesKey, aliases]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => () => workerRef.current?.terminate(), []);

  const current = asyncRun && asyncRun.text === data.text && asyncRun.valuesKey === valuesKey ? asyncRun : null;
  const run = large ? (current?.run ?? null) : syncRun;
  const computing = large && !current?.run;
  const r: Partial<RfmResults> = run?.output?.results ?? {};
  const { fieldErrors, rowIssues, listed } = splitIssues(run?.output?.issues ?? []);
  if (current?.fallback) listed.push({ severity: 'info', code: 'c08_1.workerFailed' });
  const field = fieldRenderers(ctx, rfmScorer.fields, state, t.fields, fieldErrors);
  const date = dateRenderer(field, rfmScorer.fields);

  // ---- data handlers
  /** The layout (transactions or customers) of the data now in use, guessed from its header. */
  const followSource = (text: string | null) => {
    const source = text === null ? 'transactions' : guessSource(text, aliases);
    if (source && source !== state.raw.source) state.setField('source', source);
  };
  const replaceData = (text: string | null, origin: string | null = null) => {
    dataSet.replace(text, origin);
    setFileError(null);
    followSource(text);
  };
  const undoData = () => {
    followSource(dataSet.undo());
    setFileError(null);
  };
  const onPaste = (text: string) => {
    const firstLine = (s: string) => s.slice(0, s.search(/\r?\n|$/));
    if (firstLine(text) !== firstLine(data.text)) replaceData(text === sampleCsv ? null : text);
    else data.setText(text === sampleCsv ? null : text);
  };
  const onFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    if (file.size > MAX_FILE_MB * 1_000_000) setFileError({ code: 'c08_1.fileTooLarge', params: { max: MAX_FILE_MB } });
    else {
      const decoded = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
      if (decoded.ok) replaceData(decoded.text, file.name);
      else setFileError({ code: 'c08_1.fileUnreadable' });
    }
    input.value = '';
  };

  // ---- results
  const segmentLabel = t.segments;
  const res = declareResults(r, tr);
  const readings = r.dateReadings;
  const items = [
    res('customerCount', 'count', { emphasis: true }),
    res('rowsUsed', 'count', { detail: readings ? interpolate(tr.datesDetail, { yearFirst: f.integer(readings.yearFirst), dayFirst: f.integer(readings.dayFirst), excelSerial: f.integer(readings.excelSerial) }) : undefined }),
    res('totalSpend', 'money'),
    res('analysisDay', 'text', { value: r.analysisDay === undefined ? undefined : f.date(r.analysisDay) }),
    ...segmentNames.map((name, i) =>
      res('customerShare', 'percent', {
        key: `segments.${i}.customerShare`,
        label: segmentLabel[name],
        value: r.segments?.[i]?.customerShare,
        digits: 1,
        detail: r.segments ? interpolate(tr.customersDetail, { count: f.integer(r.segments[i]!.customers) }) : undefined,
        group: tr.customerShare,
        emphasis: name === 'champions' || name === 'atRisk',
      }),
    ),
  ];
  const segmentHeaders = [tr.segment, tr.customers, tr.customerShare, tr.revenue, tr.revenueShare];
  const segmentRows = (r.segments ?? []).map((s) => [
    segmentLabel[s.segment],
    f.integer(s.customers),
    f.percent(s.customerShare, 1),
    f.money(s.revenue),
    s.revenueShare === undefined ? ui.kit.notAvailable : f.percent(s.revenueShare, 1),
  ]);
  const previewColumns = ['customer', 'lastPurchase', 'recencyDays', 'orders', 'spend', 'r', 'f', 'm', 'segment'] as const;
  const preview = (r.customers ?? []).slice(0, PREVIEW_ROWS).map((c) => [
    c.customer,
    f.date(c.lastPurchase),
    f.integer(c.recencyDays),
    f.integer(c.orders),
    f.money(c.spend),
    String(c.r),
    String(c.f),
    String(c.m),
    segmentLabel[c.segment],
  ]);
  const exportRows = () => {
    const csv = run?.scoredCsv ?? (r.customers ? scoredCustomersCsv(r.customers, tr, segmentLabel) : null);
    if (csv) download('C08.1-scored-customers.csv', csv);
  };

  const c = t.charts;
  const grid = r.grid ?? [];
  const bins = r.bins ?? 5;
  const maxCell = Math.max(1, ...grid.map((g) => g.customers));
  const maxSpend = Math.max(0, ...grid.map((g) => g.meanMonetary));

  const importError = fileError ?? (run?.importError ? asMessage(run.importError) : null);
  const badCells = run?.badCells ?? [];
  const badCellCount = run?.badCellCount ?? 0;
  const badCellNames = badCells.slice(0, 2).map((c) => `${interpolate(ui.messages['csv.badCell'] ?? '', { row: c.row, column: c.column })} ${messageText(ui, c.message, f)}`);
  const progress = current?.progress;
  const percent = progress ? Math.round((PHASES[progress.phase][0] + PHASES[progress.phase][1] * progress.fraction) * 100) : null;
  const csvInputs = (): CsvRow[] => [
    { section: 'input', label: t.sections.data, value: [data.isDefault ? t.data.sample : (data.origin ?? ''), interpolate(t.data.summary, { rows: f.integer(rowCount) })].join(' ') },
    ...Object.keys(rfmScorer.fields).map((key) => ({ section: 'input' as const, label: t.fields[key as keyof Strings['fields']], value: state.raw[key as keyof typeof state.raw] })),
  ];

  return (
    <CalculatorFrame
      ctx={ctx}
      t={t}
      state={{
        ...state,
        undoable: false,
        loadExample: () => {
          state.loadExample();
          dataSet.replace(rfmDataCsv(exampleRfmRows, t.columns, 'customers'));
          setFileError(null);
        },
        reset: () => {
          state.reset();
          data.setText(null);
          setFileError(null);
        },
      }}
      onCurrency={setCurrency}
      layout="stacked"
      items={items}
      issues={listed}
      csvInputs={csvInputs}
      csvExtra={() => tableCsvRows(segmentHeaders, segmentRows)}
      inputs={
        <>
          <DataSetInput
            ui={ui}
            idBase={idBase}
            legend={t.sections.data}
            pasteLabel={t.data.paste}
            data={data}
            set={dataSet}
            rows={f.integer(rowCount)}
            summary={interpolate(t.data.summary, { rows: f.integer(rowCount) })}
            sample={t.data.sample}
            error={importError ? { code: importError.code, text: messageText(ui, importError, f) } : null}
            onPaste={onPaste}
            onFile={onFile}
            onReplace={replaceData}
            onUndo={undoData}
            before={
              <>
                {field.choice('source', t.choices.source)}
                <p class="calc-hint">{t.hints.source} {t.hints.date}</p>
              </>
            }
          >
            {badCellCount ? (
              <p class="calc-hint" data-bad-cells={badCellCount}>
                {interpolate(t.data.badCells, {
                  cells: badCellCount > 2 ? interpolate(ui.kit.andMore, { names: badCellNames.join(', '), count: f.integer(badCellCount - 2) }) : badCellNames.join(', '),
                })}
              </p>
            ) : null}
            {rowIssues.length ? (
              <ul class="calc-issues" data-row-issues>
                {rowIssues.map((issue, i) => (
                  <li key={i} class={`calc-issue calc-issue--${issue.severity}`} data-issue={issue.code}>
                    {interpolate(t.data.rowOfFile, { row: (issue.row ?? 0) + 2 })} {messageText(ui, issue, f)}
                  </li>
                ))}
              </ul>
            ) : null}
          </DataSetInput>
          {date('analysisDate', { hint: t.hints.analysisDate })}
          {field.choice('bins', t.choices.bins)}
          <fieldset class="calc-group" data-section="segment-map">
            <legend>{t.sections.segmentMap}</legend>
            {MAP_KEYS.map((key) => field.number(key))}
          </fieldset>
        </>
      }
      resultsBefore={
        computing ? (
          <div class="calc-field" data-progress={percent ?? 'pending'}>
            <label for={`${idBase}-progress`}>{current?.fallback ? t.progress.fallback : t.progress[progress?.phase ?? 'read']}</label>
            <progress
              id={`${idBase}-progress`}
              max={100}
              {...(percent !== null ? { value: percent } : {})}
              aria-valuetext={percent !== null ? interpolate(t.progress.done, { value: f.percent(percent / 100, 0) }) : undefined}
            />
          </div>
        ) : null
      }
      results={
        <div aria-busy={computing ? 'true' : undefined}>
          {segmentRows.length ? <ResultTable ctx={ctx} id="segments" caption={tr.segmentTable} headers={segmentHeaders} rows={segmentRows} rowAttrs={(i) => ({ 'data-segment': segmentNames[i] })} /> : null}
          {preview.length ? (
            <ResultTable
              ctx={ctx}
              id="customers"
              caption={interpolate(tr.preview, { shown: f.integer(preview.length), total: f.integer(r.customerCount ?? 0) })}
              headers={previewColumns.map((k) => tr[k])}
              rows={preview}
            />
          ) : null}
          <div class="calc-table-actions">
            <button type="button" data-action="export-rows" disabled={!r.customers || !r.customerCount} aria-describedby={`${idBase}-export-help`} onClick={exportRows}>{tr.exportScored}</button>
            <span class="calc-hint" id={`${idBase}-export-help`}>{tr.exportHelp}</span>
          </div>
        </div>
      }
      charts={
        <>
        <ChartFigure
          ctx={ctx}
          id="segments"
          title={c.segmentTitle}
          description={c.segmentDescription}
          dataKey={JSON.stringify([r.segments, locale])}
          config={
            !!r.segments &&
            chart('bar', {
              labels: segmentNames.map((name) => segmentLabel[name]),
              series: [
                { label: tr.customerShare, data: r.segments.map((s) => s.customerShare) },
                { label: tr.revenueShare, data: r.segments.map((s) => s.revenueShare ?? null) },
              ],
              horizontal: true,
              x: { format: (v) => f.percent(v, 0), beginAtZero: true },
              y: { category: true },
            })
          }
          table={{ columns: segmentHeaders, rows: segmentRows }}
        />
        <ChartFigure
          ctx={ctx}
          id="grid"
          title={c.gridTitle}
          description={c.gridDescription}
          dataKey={JSON.stringify([grid, r.bins, locale, f.currency])}
          config={
            grid.length > 0 &&
            chart('bubble', {
              series: [
                {
                  label: tr.customers,
                  data: grid.map((g) => ({ x: g.f, y: g.r, r: 4 + 16 * Math.sqrt(g.customers / maxCell) })),
                  // Colour = average spend: the more a cell's customers spend, the deeper its colour.
                  color: (p) => grid.map((g) => withAlpha(p.series[0]!, 0.2 + 0.8 * (maxSpend > 0 ? Math.max(0, g.meanMonetary) / maxSpend : 1))),
                },
              ],
              x: { title: c.frequency, min: 0.5, max: bins + 0.5, format: wholeTick },
              y: { title: c.recency, min: 0.5, max: bins + 0.5, format: wholeTick },
              tooltip: (item) => {
                const g = grid[item.dataIndex];
                return g ? `${c.recency} ${g.r}, ${c.frequency} ${g.f}: ${interpolate(tr.customersDetail, { count: f.integer(g.customers) })}; ${c.meanMonetary} ${f.money(g.meanMonetary)}` : '';
              },
            })
          }
          table={{ columns: [c.recency, c.frequency, tr.customers, c.meanMonetary], rows: grid.map((g) => [String(g.r), String(g.f), f.integer(g.customers), f.money(g.meanMonetary)]) }}
        />
        </>
      }
    />
  );
}
