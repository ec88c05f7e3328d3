/**
 * C03.3 island: k-means segmentation of a pasted or uploaded CSV.
 *
 * The maths is the pure module's. Small data (the sample, and up to SYNC_MAX_ROWS rows) is
 * clustered on the page as the reader types, so the island works, and is server-rendered, without
 * the worker; larger data goes to `kmeans.worker.ts` with a progress bar, and the page stays
 * responsive. The link keeps the settings (k, seed, columns, bases, filter, axes); the data itself
 * stays in this browser (`useStoredText`), never in the link.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  ALL_COLUMNS,
  BASES,
  CHAPTER_EXAMPLE_CSV,
  formatBaseOverrides,
  formatNameList,
  K_OPTIONS,
  kmeansCalc,
  labelledRows,
  parseNameList,
  prepareSteps,
  readTableSteps,
  runFor,
  sampleRows,
  scatterPoints,
  summarise,
  clusterWork,
  type Base,
  type ClusterProgress,
  type ClusterRun,
  type ClusterSummary,
  type ColumnInfo,
  type KMeansResults,
  type Prepared,
  type TableError,
} from '../../lib/calculators/c03-3-kmeans';
import type { KMeansJob, KMeansReply } from './kmeans.worker';
import { CalculatorFrame, download, type CsvRow } from '../calculator/CalculatorFrame';
import { ChartFigure } from '../calculator/ChartFigure';
import { DataSetInput, useDataSet } from '../calculator/DataSetInput';
import { messageText } from '../calculator/Fields';
import { shortList } from '../calculator/notices';
import { declareResults } from '../calculator/Results';
import { useIslandContext, type IslandProps } from '../calculator/island';
import { useCalculatorState } from '../calculator/useCalculatorState';
import { useStoredText } from '../calculator/useStoredText';
import { fieldRenderers } from '../calculator/wiring';
import type { Issue } from '../../lib/kit/calculator';
import { runSteps, type Steps } from '../../lib/kit/csv-parse';
import type { Message } from '../../lib/kit/fields';
import { interpolate } from '../../lib/kit/format';
import { largestRemainder } from '../../lib/kit/rounding';
import type { CalculatorStrings } from '../../i18n/en/index';

type Strings = CalculatorStrings<'C03.3'>;

/**
 * Up to this much work (`clusterWork`: rows × columns, and rows² for the silhouettes) the
 * clustering runs on the page, synchronously, on every input; above it, in the worker. About
 * 30 ms of maths on a slow laptop: the sample (200 × 6) runs on the page, 1,000 × 6 or
 * 1,500 × 200 in the worker.
 */
const SYNC_MAX_WORK = 5_000_000;
const MAX_FILE_MB = 10;
/** Data longer than this is not echoed in the paste area (a file's contents, typically). */
const MAX_ECHO_CHARS = 100_000;
/** Variables shown in the results table (the export has them all). */
const TABLE_VARIABLES = 24;
/** Variables a profile names on the page, each way (largest gaps first; the export names them all). */
const PROFILE_VARIABLES = 6;
/** One marker per cluster as well as one colour, so clusters differ without colour vision. */
const POINT_STYLES = ['circle', 'triangle', 'rect', 'rectRot', 'crossRot', 'star', 'rectRounded', 'cross'] as const;
const K_LABELS = Object.fromEntries(K_OPTIONS.map((k) => [k, k])) as Record<(typeof K_OPTIONS)[number], string>;
const FIELD_KEYS = ['k', 'seed', 'standardize', 'columns', 'filterColumn', 'filterValue'] as const;

/** CSV writing and file decoding, loaded when a file is read or written. */
const csvFiles = () => import('../calculator/csv-files');

function createWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./kmeans.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

/** A clustering job's state: for which prepared data and k/seed, how far it is, what it found. */
interface AsyncRun {
  prepared: Prepared;
  k: number;
  seed: number;
  run: ClusterRun | null;
  final: boolean;
  /** The worker could not be used; the run was made on the page. */
  fallback: boolean;
}

/**
 * The running job's progress, held outside the island's state: a worker's progress message
 * re-renders the progress bar only, not the island (a 200-column picker and table, two charts).
 */
interface ProgressFeed {
  value: ClusterProgress | null;
  /** The progress bar's re-render, while it is shown. */
  onChange?: (() => void) | undefined;
}

function setProgress(feed: ProgressFeed, value: ClusterProgress | null) {
  feed.value = value;
  feed.onChange?.();
}

/** `live`: the worker is running the current job (else the feed may hold a finished job's figure). */
function ProgressBar({ feed, live, id, label, done }: { feed: ProgressFeed; live: boolean; id: string; label: (p: ClusterProgress | null) => string; done: (fraction: number) => string }) {
  const [, setTick] = useState(0);
  useEffect(() => {
    feed.onChange = () => setTick((n) => n + 1);
    return () => {
      feed.onChange = undefined;
    };
  }, [feed]);
  const progress = live ? feed.value : null;
  const percent = progress ? Math.round(progress.fraction * 100) : null;
  return (
    <div class="calc-field" data-progress={percent ?? 'pending'}>
      <label for={id}>{label(progress)}</label>
      <progress id={id} max={100} {...(percent === null ? {} : { value: percent })} aria-valuetext={progress ? done(progress.fraction) : undefined} />
    </div>
  );
}

/**
 * Data longer than this is read in slices of the main thread (`readTableSteps`), and a table with
 * more cells than SLICED_PREPARE_CELLS is prepared in slices: a 1,500 × 200 or 50,000 × 6 file
 * takes about a second to read, which would freeze the page in one piece, and even 1,000 × 6 took
 * over 100 ms in one piece on a busy machine (the code runs cold the first time). The built-in
 * sample (200 × 9, about 12,000 characters) stays synchronous: the server renders its results.
 */
const SLICED_READ_CHARS = 30_000;
const SLICED_PREPARE_CELLS = 4_000;
/** The longest the sliced work holds the main thread before letting the page respond. */
const SLICE_MS = 25;

/** Runs `steps` in slices of about SLICE_MS, each in its own task; null if cancelled first. */
function runInSlices<T>(steps: Steps<T>, cancelled: () => boolean): Promise<T | null> {
  return new Promise((resolve) => {
    const slice = () => {
      if (cancelled()) return resolve(null);
      const end = performance.now() + SLICE_MS;
      for (;;) {
        const next = steps.next();
        if (next.done) return resolve(next.value);
        if (performance.now() >= end) break;
      }
      setTimeout(slice, 0);
    };
    setTimeout(slice, 0);
  });
}

/**
 * The result of `steps()` for `deps`: computed at once when `sliced` is false (small data; also
 * what the server renders), else in slices after the render, null until it is ready.
 */
function useStepped<T>(deps: readonly unknown[], sliced: boolean, steps: () => Steps<T> | null): T | null {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const now = useMemo(() => (sliced ? null : (() => { const s = steps(); return s ? runSteps(s) : null; })()), [sliced, ...deps]);
  const [later, setLater] = useState<{ deps: readonly unknown[]; value: T | null } | null>(null);
  useEffect(() => {
    if (!sliced) return;
    const work = steps();
    if (!work) return setLater({ deps, value: null });
    let cancelled = false;
    void runInSlices(work, () => cancelled).then((value) => !cancelled && setLater({ deps, value }));
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sliced, ...deps]);
  if (!sliced) return now;
  return later && later.deps.length === deps.length && later.deps.every((d, i) => Object.is(d, deps[i])) ? later.value : null;
}

function tableErrorMessage(error: TableError): Message {
  const { code, ...rest } = error;
  return { code, params: rest as Record<string, number | string> };
}

const firstLine = (text: string) => text.slice(0, text.search(/\r?\n|$/));

export default function KMeans({ locale, ui, t }: IslandProps<Strings>) {
  const { ctx, setCurrency } = useIslandContext('C03.3', locale, ui);
  const f = ctx.format;
  const state = useCalculatorState(kmeansCalc);
  const field = fieldRenderers(ctx, kmeansCalc.fields, state, t.fields);
  const raw = state.raw;
  const opts = state.output.results;
  const options = opts.options;
  const idBase = 'C03-3';

  // Data: the sample (server render, first paint) or what the reader pasted or uploaded.
  // The same text `toCsv` writes (the sample has no formula-like text), without loading CSV writing.
  const sampleCsv = useMemo(() => `${sampleRows(t.sample).map(formatNameList).join('\r\n')}\r\n`, [t]);
  const data = useStoredText('C03.3', sampleCsv);
  const [fileError, setFileError] = useState<Message | null>(null);
  const tableRead = useStepped([data.text], data.text.length > SLICED_READ_CHARS, () => readTableSteps(data.text));
  const table = tableRead?.ok ? tableRead.table : null;
  const numericColumns = useMemo(() => table?.columns.filter((c) => c.numeric) ?? [], [table]);
  const textColumns = table?.columns.filter((c) => !c.numeric) ?? [];
  const filterColumns = textColumns.filter((c) => c.categories.length > 0);

  const chosenNames = useMemo(() => {
    if (raw.columns.trim() === ALL_COLUMNS) return new Set(numericColumns.map((c) => c.name));
    return new Set(parseNameList(raw.columns));
  }, [raw.columns, numericColumns]);
  const bases = opts.bases ?? new Map<string, Base>();
  const baseOf = (column: ColumnInfo): Base => bases.get(column.name) ?? column.base;

  const prepared = useStepped(
    // `options` is rebuilt on every field change; only these fields change what `prepare` does.
    [table, raw.columns, raw.standardize, raw.filterColumn, raw.filterValue, options === undefined],
    !!table && table.rows.length * table.header.length > SLICED_PREPARE_CELLS,
    () => (table && options ? prepareSteps(table, options) : null),
  );
  /** A large file is still being read or prepared (in slices: the page stays responsive). */
  const reading = tableRead === null || (!!table && !!options && prepared === null);
  const blocked =
    !prepared || !options || prepared.issues.some((i) => i.severity === 'error') || prepared.matrix.n < 3 || prepared.matrix.d === 0;
  const large = !blocked && clusterWork(prepared.matrix.n, prepared.matrix.d) > SYNC_MAX_WORK;
  const k = options?.k;
  const seed = options?.seed;

  // Small data: synchronous, on every input.
  const syncRun = useMemo(() => (prepared && options && !large ? runFor(prepared, options) : null), [prepared, k, seed, large]); // eslint-disable-line react-hooks/exhaustive-deps

  // Large data: the worker, one job at a time; a newer job stops an unfinished one.
  const workerRef = useRef<Worker | null>(null);
  const jobRef = useRef(0);
  const [asyncRun, setAsyncRun] = useState<AsyncRun | null>(null);
  const progressFeed = useRef<ProgressFeed>({ value: null }).current;
  useEffect(() => {
    if (!large || !prepared || k === undefined || seed === undefined) return;
    const job = ++jobRef.current;
    const base = { prepared, k, seed };
    let finished = false;
    setProgress(progressFeed, null);
    setAsyncRun({ ...base, run: null, final: false, fallback: false });

    const runOnPage = () => {
      setAsyncRun({ ...base, run: null, final: false, fallback: true });
      window.setTimeout(() => {
        if (jobRef.current !== job) return;
        const run = runFor(prepared, { k, seed });
        finished = true;
        if (jobRef.current === job) setAsyncRun({ ...base, run, final: true, fallback: true });
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
    worker.onmessage = (event: MessageEvent<KMeansReply>) => {
      const reply = event.data;
      if (reply.job !== job) return;
      if (reply.type === 'progress') {
        setProgress(progressFeed, { phase: reply.phase, fraction: reply.fraction });
      } else if (reply.type === 'run') {
        finished = reply.final;
        setAsyncRun({ ...base, run: reply.run, final: reply.final, fallback: false });
      } else {
        dropWorker(worker);
        runOnPage();
      }
    };
    worker.onerror = () => {
      dropWorker(worker);
      runOnPage();
    };
    const message: KMeansJob = { job, data: prepared.matrix.data, n: prepared.matrix.n, d: prepared.matrix.d, k, seed };
    worker.postMessage(message);
    return () => {
      // A worker cannot be interrupted mid-loop: stop it and start a fresh one for the next job.
      if (!finished) dropWorker(worker);
    };
  }, [large, prepared, k, seed]);
  useEffect(() => () => workerRef.current?.terminate(), []);

  const current = asyncRun && asyncRun.prepared === prepared && asyncRun.k === k && asyncRun.seed === seed ? asyncRun : null;
  // While another k or seed is computed, the last clustering of the same data stays on screen under
  // the progress bar (the results panel is marked busy): nothing flashes away and back, and the page
  // does not remove and rebuild its tables (1,500 × 200: a keystroke's re-render was ~120 ms of style).
  const lastRun = useRef<AsyncRun | null>(null);
  if (current?.run) lastRun.current = current;
  const previous = lastRun.current?.prepared === prepared ? lastRun.current : null;
  const run = large ? (current?.run ?? previous?.run ?? null) : syncRun;
  const computing = reading || (large && !current?.final);
  const output = useMemo(() => (prepared ? summarise(prepared, run) : null), [prepared, run]);
  const r: Partial<KMeansResults> = output?.results ?? {};
  const issues: Issue[] = [...(output?.issues ?? [])];
  if (current?.fallback) issues.push({ severity: 'info', code: 'c03_3.workerFailed' });
  const fieldIssues = (field: string) => issues.filter((i) => i.field === field);
  /** A bad cell's message nests the parser's reason code: put the reason in the reader's language too. */
  const withReason = <M extends Message>(issue: M): M => {
    const reason = issue.params?.['reason'];
    return typeof reason === 'string' ? { ...issue, params: { ...issue.params, reason: messageText(ui, { code: reason }, f) } } : issue;
  };
  const showIssues = (list: Issue[]) =>
    list.map((issue, i) => (
      <p key={`${issue.code}-${i}`} class={issue.severity === 'error' ? 'calc-error' : 'calc-hint'} role={issue.severity === 'error' ? 'alert' : undefined} data-issue={issue.code}>
        {messageText(ui, withReason(issue), f)}
      </p>
    ));

  // ---- handlers
  const resetSelection = () => {
    state.setField('columns', ALL_COLUMNS);
    state.setField('bases', '');
    state.setField('x', '');
    state.setField('y', '');
    state.setField('filterColumn', '');
    state.setField('filterValue', '');
  };
  // A large data set is held apart from the text box, and every wholesale replacement can be undone.
  const dataSet = useDataSet(data, MAX_ECHO_CHARS);
  const replaceData = (text: string | null, origin: string | null = null) => {
    dataSet.replace(text, origin);
    setFileError(null);
    resetSelection();
  };
  const undoData = () => {
    dataSet.undo();
    setFileError(null);
  };
  const onPaste = (text: string) => {
    const headerChanged = firstLine(text) !== firstLine(data.text);
    data.setText(text === sampleCsv ? null : text);
    setFileError(null);
    if (headerChanged) resetSelection();
  };
  const onFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    if (file.size > MAX_FILE_MB * 1_000_000) {
      setFileError({ code: 'c03_3.fileTooLarge', params: { max: MAX_FILE_MB } });
    } else {
      try {
        // Excel on Chinese Windows writes GBK: bytes that are not UTF-8 are read as GB18030.
        const { decodeCsvBytes } = await csvFiles();
        const decoded = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
        if (!decoded.ok) throw new Error('not text');
        replaceData(decoded.text, file.name);
      } catch {
        setFileError({ code: 'c03_3.fileUnreadable' });
      }
    }
    input.value = '';
  };
  const loadSample = () => replaceData(null);
  const setChosen = (names: string[]) =>
    state.setField('columns', names.length === numericColumns.length && names.length > 0 ? ALL_COLUMNS : formatNameList(names));
  const toggleColumn = (name: string) =>
    setChosen(numericColumns.filter((c) => (c.name === name ? !chosenNames.has(name) : chosenNames.has(c.name))).map((c) => c.name));
  const setBase = (column: ColumnInfo, base: Base) => {
    const next = new Map(bases);
    if (base === column.base) next.delete(column.name);
    else next.set(column.name, base);
    state.setField('bases', formatBaseOverrides(next));
  };

  // ---- display helpers
  const used = prepared?.columns ?? [];
  const xName = opts.x && used.includes(opts.x) ? opts.x : used[0];
  const yName = opts.y && used.includes(opts.y) ? opts.y : (used[1] ?? used[0]);
  const xi = xName === undefined ? -1 : used.indexOf(xName);
  const yi = yName === undefined ? -1 : used.indexOf(yName);
  const clusterName = (c: number) => interpolate(t.results.clusterN, { n: c + 1 });
  const list = (items: string[]) => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
  const signedSd = (z: number) => `${z > 0 ? '+' : '−'}${f.ratio(Math.abs(z), 2)}`;
  // On the page, a profile names the largest gaps only (a wide file can list a hundred variables,
  // too long to read and costly to lay out on every keystroke); the export names them all.
  const listSome = (items: string[], all: boolean, max = PROFILE_VARIABLES) =>
    all || items.length <= max ? list(items) : shortList(items, ui.kit.andMore, max, Infinity, locale === 'zh-CN' ? '、' : ', ');
  const profileText = (cluster: ClusterSummary, all = false) => {
    const gap = (dir: 'above' | 'below') =>
      cluster.profile.filter((p) => p.direction === dir).map((p) => interpolate(t.results.sdGap, { column: p.column, z: signedSd(p.z) }));
    const above = gap('above');
    const below = gap('below');
    const parts = [
      above.length ? interpolate(t.results.above, { list: listSome(above, all) }) : null,
      below.length ? interpolate(t.results.below, { list: listSome(below, all) }) : null,
    ].filter((p): p is string => p !== null);
    return parts.length ? parts.join(locale === 'zh-CN' ? '；' : '; ') : t.results.nearMean;
  };
  const shares = r.clusters ? largestRemainder(r.clusters.map((c) => c.share * 100), 1) : [];
  const fmtShare = (i: number) => f.percent((shares[i] ?? 0) / 100, 1);

  const scatter = useMemo(
    () => (prepared && r.labels && r.k && xi >= 0 && yi >= 0 ? scatterPoints(prepared, r.labels, r.k, xi, yi) : null),
    [prepared, r.labels, r.k, xi, yi],
  );
  const runKey = JSON.stringify([r.k, r.wcss, r.rowsUsed, used, locale]);

  const tableStatus = table
    ? interpolate(t.data.summary, { rows: f.integer(table.rows.length), columns: f.integer(table.header.length), numeric: f.integer(numericColumns.length) })
    : null;
  const dataError = fileError ?? (!tableRead || tableRead.ok ? null : tableErrorMessage(tableRead.error));

  const res = declareResults(r, t.results);
  const items = [
    res('rowsUsed', 'count', {
      detail: interpolate(t.results.rowsDetail, { read: f.integer(r.rowsRead ?? 0), rejected: f.integer(r.rowsRejected ?? 0), filtered: f.integer(r.rowsFiltered ?? 0) }),
    }),
    res('variables', 'text', { value: r.columns && r.columns.length > 0 ? listSome(r.columns, false, TABLE_VARIABLES) : undefined, exportText: r.columns ? list(r.columns) : undefined }),
    res('wcss', 'number', { detail: prepared?.standardized ? t.results.wcssUnits : undefined }),
    r.silhouette === undefined && r.clusters && computing
      ? res('silhouette', 'text', { value: t.results.pending, emphasis: true })
      : res('silhouette', 'ratio', { digits: 3, detail: t.results.silhouetteDetail, emphasis: true }),
    res('iterations', 'count', { detail: r.iterations === undefined ? undefined : r.converged ? t.results.converged : t.results.notConverged }),
  ];

  const csvInputs = (): CsvRow[] => [
    { section: 'input', label: t.data.legend, value: [data.isDefault ? t.data.sample : (data.origin ?? ''), tableStatus ?? ''].filter(Boolean).join(' ') },
    ...FIELD_KEYS.map((key) => ({ section: 'input' as const, label: t.fields[key], value: raw[key] })),
  ];
  const csvExtra = (): CsvRow[] => {
    const rows: CsvRow[] = [];
    (r.clusters ?? []).forEach((cluster, c) => {
      const name = clusterName(c);
      rows.push({ section: 'result', label: `${name} · ${t.results.size}`, value: String(cluster.size) });
      rows.push({ section: 'result', label: `${name} · ${t.results.share}`, value: fmtShare(c) });
      cluster.centroid.forEach((v, j) => rows.push({ section: 'result', label: `${name} · ${used[j]}`, value: String(v) }));
      rows.push({ section: 'result', label: `${name} · ${t.results.profile}`, value: profileText(cluster, true) });
    });
    for (const point of r.elbow ?? []) {
      rows.push({ section: 'result', label: `${t.charts.wcss} · k = ${point.k}`, value: String(point.wcss) });
      if (point.silhouette !== null) rows.push({ section: 'result', label: `${t.charts.silhouette} · k = ${point.k}`, value: String(point.silhouette) });
    }
    return rows;
  };

  const exportLabelled = async () => {
    if (!table || !r.labels || !r.rowIndex) return;
    const { toCsv } = await csvFiles();
    download('C03.3-clusters.csv', toCsv(labelledRows(table, r.rowIndex, r.labels, t.results.clusterColumn)));
  };

  const progressLabel = (progress: ClusterProgress | null) =>
    reading ? t.progress.reading : current?.fallback ? t.progress.fallback : progress?.phase === 'silhouette' ? t.progress.silhouette : t.progress.elbow;

  const selectField = (
    key: 'filterColumn' | 'filterValue' | 'x' | 'y',
    label: string,
    choices: { value: string; label: string }[],
    onChange: (v: string) => void,
    extra?: ComponentChildren,
    shown: string = raw[key],
  ) => (
    <div class="calc-field" key={key}>
      <label for={`${idBase}-${key}`}>{label}</label>
      <select id={`${idBase}-${key}`} name={key} value={shown} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
        {choices.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
      </select>
      {extra}
    </div>
  );
  const filterColumn = filterColumns.find((c) => c.name === raw.filterColumn);
  const filterColumnChoices = [{ value: '', label: t.data.noFilter }, ...filterColumns.map((c) => ({ value: c.name, label: c.name }))];
  if (raw.filterColumn && !filterColumn) filterColumnChoices.push({ value: raw.filterColumn, label: raw.filterColumn });
  const filterValueChoices = [{ value: '', label: t.data.chooseValue }, ...(filterColumn?.categories ?? []).map((v) => ({ value: v, label: v }))];
  if (raw.filterValue && !filterColumn?.categories.includes(raw.filterValue)) filterValueChoices.push({ value: raw.filterValue, label: raw.filterValue });
  const axisChoices = used.map((name) => ({ value: name, label: name }));

  // The picker has a checkbox and a menu per numeric column (200 for a wide file): built again
  // only when the columns, the choice or the bases change, not on every keystroke or result.
  const basePicker = useMemo(
    () =>
      BASES.map((base) => {
        const columns = numericColumns.filter((column) => baseOf(column) === base);
        return (
          <fieldset class="calc-choice calc-kmeans-base" key={base} data-base={base}>
            <legend>{t.bases[base]}</legend>
            {columns.length === 0 ? <span class="calc-hint">{t.picker.empty}</span> : null}
            {columns.map((column) => (
              <span key={column.name} class="calc-kmeans-var">
                <label>
                  <input type="checkbox" name="columns" value={column.name} checked={chosenNames.has(column.name)} onChange={() => toggleColumn(column.name)} />
                  {column.name}
                </label>{' '}
                <select
                  aria-label={interpolate(t.picker.baseOf, { column: column.name })}
                  value={baseOf(column)}
                  onChange={(e) => setBase(column, (e.currentTarget as HTMLSelectElement).value as Base)}
                >
                  {BASES.map((b) => <option key={b} value={b}>{t.bases[b]}</option>)}
                </select>
              </span>
            ))}
          </fieldset>
        );
      }),
    [numericColumns, chosenNames, raw.bases, t], // eslint-disable-line react-hooks/exhaustive-deps
  );

  // The results table has a column per variable: built again only with new results, and at most
  // TABLE_VARIABLES of them, because a table 200 variables wide is unreadable and re-laying it out
  // blocked the page for over 200 ms per keystroke (the export has every variable).
  const clusterTables = useMemo(
    () =>
      r.clusters && r.columns && r.means ? (
        <>
          {r.columns.length > TABLE_VARIABLES ? (
            <p class="calc-hint" data-result="clusters-shown">{interpolate(t.results.tableColumnsShown, { shown: f.integer(TABLE_VARIABLES), total: f.integer(r.columns.length) })}</p>
          ) : null}
          <div class="calc-table calc-table-scroll" data-result="clusters" tabIndex={0} role="region" aria-label={t.results.tableCaption}>
            <table>
              <caption>{t.results.tableCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.results.cluster}</th>
                  <th scope="col">{t.results.size}</th>
                  <th scope="col">{t.results.share}</th>
                  {r.columns.slice(0, TABLE_VARIABLES).map((name) => <th scope="col" key={name}>{name}</th>)}
                </tr>
              </thead>
              <tbody>
                {r.clusters.map((cluster, i) => (
                  <tr key={i} data-cluster={i + 1}>
                    <th scope="row">{clusterName(i)}</th>
                    <td>{f.integer(cluster.size)}</td>
                    <td>{fmtShare(i)}</td>
                    {cluster.centroid.slice(0, TABLE_VARIABLES).map((v, j) => <td key={j}>{f.number(v, 2)}</td>)}
                  </tr>
                ))}
                <tr>
                  <th scope="row">{t.results.overall}</th>
                  <td>{f.integer(r.rowsUsed ?? 0)}</td>
                  <td>{f.percent(1, 1)}</td>
                  {r.means.slice(0, TABLE_VARIABLES).map((v, j) => <td key={j}>{f.number(v, 2)}</td>)}
                </tr>
              </tbody>
            </table>
          </div>
          <div data-result="profiles">
            <p><strong>{t.results.profile}</strong></p>
            <ul class="calc-issues">
              {r.clusters.map((cluster, i) => (
                <li key={i} class="calc-issue" data-cluster={i + 1}>
                  <strong>{clusterName(i)}</strong> {interpolate(t.results.profileHead, { size: f.integer(cluster.size), share: fmtShare(i) })} {profileText(cluster)}
                </li>
              ))}
            </ul>
          </div>
        </>
      ) : null,
    [r.clusters, r.columns, r.means, r.rowsUsed, f, t, locale], // eslint-disable-line react-hooks/exhaustive-deps
  );

  const c = t.charts;
  const elbow = r.elbow ?? [];

  return (
    <CalculatorFrame
      ctx={ctx}
      t={t}
      state={{
        ...state,
        undoable: false,
        // The chapter's 12 customers (k = 3), not the 200-row sample the defaults use.
        loadExample: () => {
          state.loadExample();
          data.setText(CHAPTER_EXAMPLE_CSV);
          setFileError(null);
          resetSelection();
        },
        reset: () => {
          state.reset();
          loadSample();
        },
      }}
      onCurrency={setCurrency}
      items={items}
      issues={issues.filter((i) => !i.field).map(withReason)}
      csvInputs={csvInputs}
      csvExtra={csvExtra}
      inputs={
        <>
          <DataSetInput
            ui={ui}
            idBase={idBase}
            legend={t.data.legend}
            pasteLabel={t.data.paste}
            data={data}
            set={dataSet}
            rows={f.integer(table?.rows.length ?? 0)}
            summary={tableStatus}
            sample={t.data.sample}
            error={dataError ? { code: dataError.code, text: messageText(ui, dataError, f) } : null}
            onPaste={onPaste}
            onFile={onFile}
            onReplace={replaceData}
            onUndo={undoData}
          />

          {table ? (
            <fieldset class="calc-field calc-wide" data-section="columns">
              <legend>{t.picker.legend}</legend>
              {basePicker}
              <div class="calc-table-actions">
                <button type="button" data-action="columns-all" onClick={() => setChosen(numericColumns.map((col) => col.name))}>{t.picker.all}</button>
                <button type="button" data-action="columns-none" onClick={() => setChosen([])}>{t.picker.none}</button>
              </div>
              {textColumns.length ? <p class="calc-hint">{interpolate(t.data.nonNumeric, { columns: list(textColumns.map((col) => col.name)) })}</p> : null}
              {showIssues(fieldIssues('columns'))}
            </fieldset>
          ) : null}

          <div class="calc-wide">
            {field.choice('k', K_LABELS)}
            {state.read.errors.k ? <p class="calc-error" role="alert">{messageText(ui, state.read.errors.k, f)}</p> : null}
            {showIssues(fieldIssues('k'))}
          </div>
          {field.number('seed')}
          {field.choice('standardize', t.choices)}
          {selectField('filterColumn', t.fields.filterColumn, filterColumnChoices, (v) => {
            state.setField('filterColumn', v);
            state.setField('filterValue', '');
          }, showIssues(fieldIssues('filterColumn')))}
          {raw.filterColumn
            ? selectField('filterValue', t.fields.filterValue, filterValueChoices, (v) => state.setField('filterValue', v), showIssues(fieldIssues('filterValue')))
            : null}
          {used.length >= 2 ? selectField('x', t.fields.x, axisChoices, (v) => state.setField('x', v), null, xName) : null}
          {used.length >= 2 ? selectField('y', t.fields.y, axisChoices, (v) => state.setField('y', v), null, yName) : null}
        </>
      }
      results={
        <div aria-busy={computing ? 'true' : undefined}>
          {computing ? (
            <ProgressBar
              feed={progressFeed}
              live={!!current && !current.fallback}
              id={`${idBase}-progress`}
              label={progressLabel}
              done={(fraction) => interpolate(t.progress.done, { value: f.percent(fraction, 0) })}
            />
          ) : null}
          {clusterTables}
          <div class="calc-table-actions">
            <button type="button" data-action="export-labelled" disabled={!r.labels || !table} aria-describedby={`${idBase}-export-help`} onClick={exportLabelled}>
              {t.results.exportLabelled}
            </button>
            <span class="calc-hint" id={`${idBase}-export-help`}>{t.results.exportHelp}</span>
          </div>
        </div>
      }
      charts={
        <>
          <ChartFigure
            ctx={ctx}
            id="scatter"
            title={c.scatterTitle}
            description={[
              interpolate(c.scatterDescription, { x: xName ?? '', y: yName ?? '' }),
              scatter && scatter.shown < scatter.total ? interpolate(c.thinned, { shown: f.integer(scatter.shown), total: f.integer(scatter.total) }) : '',
            ].join(' ')}
            dataKey={JSON.stringify([runKey, xName, yName])}
            config={
              scatter && r.clusters && xi >= 0 && yi >= 0
                ? (p) => ({
                    type: 'scatter',
                    data: {
                      datasets: [
                        ...scatter.points.map((points, i) => ({
                          label: clusterName(i),
                          data: points,
                          backgroundColor: p.fill[i % p.fill.length],
                          borderColor: p.series[i % p.series.length],
                          pointStyle: POINT_STYLES[i % POINT_STYLES.length],
                          pointRadius: 3,
                        })),
                        {
                          // One dataset for every centroid, so the legend has one "centroids" entry.
                          label: c.centroids,
                          data: r.clusters!.map((cluster) => ({ x: cluster.centroid[xi]!, y: cluster.centroid[yi]! })),
                          backgroundColor: r.clusters!.map((_, i) => p.series[i % p.series.length]!),
                          borderColor: p.text,
                          borderWidth: 2,
                          pointStyle: r.clusters!.map((_, i) => POINT_STYLES[i % POINT_STYLES.length]!),
                          pointRadius: 9,
                        },
                      ],
                    },
                    options: {
                      parsing: false,
                      animation: false,
                      scales: {
                        x: { type: 'linear', title: { display: true, text: xName ?? '' }, ticks: { callback: (v) => f.number(Number(v), 2) } },
                        y: { type: 'linear', title: { display: true, text: yName ?? '' }, ticks: { callback: (v) => f.number(Number(v), 2) } },
                      },
                      plugins: {
                        tooltip: {
                          callbacks: {
                            label: (item) => {
                              // A centroid point is named after its cluster.
                              const name = item.datasetIndex === scatter.points.length ? `${clusterName(item.dataIndex)} ${c.centroid}` : item.dataset.label;
                              return `${name}: ${f.number(item.parsed.x ?? 0, 2)}, ${f.number(item.parsed.y ?? 0, 2)}`;
                            },
                          },
                        },
                      },
                    },
                  })
                : null
            }
            table={{
              columns: [t.results.cluster, t.results.size, `${xName ?? ''} (${c.centroid})`, `${yName ?? ''} (${c.centroid})`],
              rows:
                r.clusters && xi >= 0 && yi >= 0
                  ? r.clusters.map((cluster, i) => [clusterName(i), f.integer(cluster.size), f.number(cluster.centroid[xi]!, 2), f.number(cluster.centroid[yi]!, 2)])
                  : [],
            }}
          />
          <ChartFigure
            ctx={ctx}
            id="elbow"
            title={c.elbowTitle}
            description={interpolate(c.elbowDescription, { k: k ?? '' })}
            dataKey={JSON.stringify([elbow, k, locale])}
            config={
              elbow.length > 0
                ? (p) => ({
                    type: 'line',
                    data: {
                      labels: elbow.map((e) => String(e.k)),
                      datasets: [
                        {
                          label: c.wcss,
                          data: elbow.map((e) => e.wcss),
                          borderColor: p.series[0],
                          backgroundColor: p.series[0],
                          yAxisID: 'y',
                          pointRadius: elbow.map((e) => (e.k === k ? 7 : 3)),
                        },
                        {
                          label: c.silhouette,
                          data: elbow.map((e) => e.silhouette),
                          borderColor: p.series[1],
                          backgroundColor: p.series[1],
                          borderDash: [6, 4],
                          yAxisID: 'y1',
                          pointStyle: 'triangle',
                          pointRadius: elbow.map((e) => (e.k === k ? 7 : 3)),
                        },
                      ],
                    },
                    options: {
                      scales: {
                        x: { title: { display: true, text: c.k } },
                        y: { type: 'linear', position: 'left', beginAtZero: true, title: { display: true, text: c.wcss }, ticks: { callback: (v) => f.number(Number(v), 0) } },
                        y1: {
                          type: 'linear',
                          position: 'right',
                          suggestedMin: 0,
                          suggestedMax: 1,
                          grid: { drawOnChartArea: false },
                          title: { display: true, text: c.silhouette },
                          ticks: { callback: (v) => f.number(Number(v), 2) },
                        },
                      },
                      plugins: {
                        tooltip: {
                          callbacks: {
                            label: (item) =>
                              `${item.dataset.label} (k = ${elbow[item.dataIndex]?.k ?? ''}): ${typeof item.parsed.y === 'number' ? f.number(item.parsed.y, 3) : ui.kit.notAvailable}`,
                          },
                        },
                      },
                    },
                  })
                : null
            }
            table={{
              columns: [c.k, c.wcss, c.silhouette],
              rows: elbow.map((e) => [String(e.k), f.number(e.wcss, 2), e.silhouette === null ? ui.kit.notAvailable : f.ratio(e.silhouette, 3)]),
            }}
          />
        </>
      }
    />
  );
}
