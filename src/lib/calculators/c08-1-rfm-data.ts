/**
 * C08.1 on a reader's own CSV: reading a customers table or raw transactions (headers matched in
 * either language and by common export names), scoring it with the module, and writing the
 * scored customer list back out. Pure and DOM-free: the island runs it on small data, the worker
 * (`rfm.worker.ts`) on large data, so both give the same figures.
 */
import { runCompute, type CalcOutput, type Issue } from '../kit/calculator';
import { parseCsv, toCsv, undefuse } from '../kit/csv';
import { readField, type FieldRead, type Message, type ValuesOf } from '../kit/fields';
import { isoDate } from '../kit/parse-date';
import type { RawRow, RowRead } from '../kit/rows';
import { normaliseHeader } from '../kit/headers';
import type { BadCell, RowImportError } from '../kit/row-csv';
import { rfmScorer, scoredCustomerColumns, type RfmColumns, type RfmResults, type RfmSource, type ScoredCustomer, type SegmentName } from './c08-1-rfm';

export type RfmColumnKey = keyof RfmColumns & string;
export type RfmValues = Partial<ValuesOf<typeof rfmScorer.fields>>;
export type RfmAliases = Partial<Record<RfmColumnKey, readonly string[]>>;

/**
 * Header names shop systems and spreadsheets commonly export, in both languages, besides the
 * calculator's own column labels; they include the scored export's headers, so an exported list
 * reads back as a customers table on either language's page.
 */
export const RFM_HEADER_SYNONYMS: Record<RfmColumnKey, readonly string[]> = {
  customer: ['customer', 'customer id', 'customer_id', 'client', 'client id', 'buyer', 'member', 'member id', '客户', '客户编号', '客户ID', '会员', '会员编号', '买家'],
  date: ['date', 'order date', 'purchase date', 'transaction date', 'last purchase', 'last order', 'last purchase date', '日期', '下单日期', '购买日期', '交易日期', '最后购买日期', '最近购买日期'],
  orders: ['orders', 'order count', 'frequency', 'purchases', '订单数', '购买次数', '订单量'],
  amount: ['amount', 'spend', 'revenue', 'sales', 'monetary', 'value', 'total', '金额', '消费额', '消费金额', '销售额', '交易金额'],
};

/** The column labels a reader's page accepts: its own, the other language's, the export's and the synonyms. */
export function rfmAliases(...lists: RfmAliases[]): RfmAliases {
  const out: RfmAliases = {};
  for (const key of Object.keys(RFM_HEADER_SYNONYMS) as RfmColumnKey[]) {
    out[key] = [...lists.flatMap((list) => list[key] ?? []), ...RFM_HEADER_SYNONYMS[key]];
  }
  return out;
}

/** Rows as the data CSV the page shows: a customers table has four columns, transactions three. */
export function rfmDataCsv(rows: readonly RawRow<RfmColumns>[], labels: Record<RfmColumnKey, string>, source: RfmSource): string {
  const keys: RfmColumnKey[] = source === 'customers' ? ['customer', 'date', 'orders', 'amount'] : ['customer', 'date', 'amount'];
  return toCsv([keys.map((k) => labels[k]), ...rows.map((row) => keys.map((k) => row[k] ?? ''))]);
}

/** Data rows in a CSV text (lines after the header, blank lines not counted), without parsing it. */
export function countDataLines(text: string): number {
  let lines = 0;
  let blank = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || ch === 13) {
      if (!blank) lines++;
      blank = true;
      if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
    } else if (ch !== 32 && ch !== 9) blank = false;
  }
  if (!blank) lines++;
  return Math.max(0, lines - 1);
}

/**
 * Which source a CSV looks like from its header: an order-count column means a customers table,
 * otherwise raw transactions. Null when the header cannot be read.
 */
export function guessSource(text: string, aliases: RfmAliases): RfmSource | null {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const header = parseCsv(firstLine);
  if (!header.ok) return null;
  const names = new Set(header.rows[0]!.map((h) => normaliseHeader(undefuse(h))));
  const orderNames = ['orders', ...(aliases.orders ?? [])].map(normaliseHeader);
  return orderNames.some((n) => names.has(n)) ? 'customers' : 'transactions';
}

export type RfmPhase = 'read' | 'check' | 'score';

export interface RfmDataRun {
  /** The module's output, or null when the CSV itself could not be read. */
  output: CalcOutput<RfmResults> | null;
  importError: RowImportError | null;
  /** Cells that do not read, by CSV row and column (the module leaves their rows out). */
  badCells: BadCell[];
  /** Data rows read from the CSV. */
  rowCount: number;
  /** How many cells do not read (`badCells` may hold only the first few). */
  badCellCount: number;
  /**
   * The scored list as CSV, when the run comes from the worker: it then sends this text and the
   * first customers only, since cloning 20,000 customer objects back costs the page more than a string.
   */
  scoredCsv?: string;
}

export interface ScoredListLabels {
  headers: Record<ScoredColumn, string>;
  segments: Record<SegmentName, string>;
}

/**
 * A run made light for the trip from the worker to the page: the scored list as CSV text, the
 * first `preview` customers and the first few bad cells.
 */
export function lightRun(run: RfmDataRun, labels: ScoredListLabels, preview: number): RfmDataRun {
  const light: RfmDataRun = { ...run, badCells: run.badCells.slice(0, 3) };
  const customers = run.output?.results.customers;
  if (run.output && customers) {
    light.scoredCsv = scoredCustomersCsv(customers, labels.headers, labels.segments);
    light.output = { ...run.output, results: { ...run.output.results, customers: customers.slice(0, preview) } };
  }
  return light;
}

/** Distinct texts remembered per column while reading (exports repeat dates, amounts and IDs). */
const MAX_MEMO = 200_000;

/**
 * The CSV read into rows, as `rowsFromCsv` then `readRows` would (the same header matching, cell
 * readers, messages and errors), in one pass that reads each distinct text of a column once: on
 * 100,000 transactions that is several times faster. Reports progress.
 */
export function readRfmCsv(
  text: string,
  aliases: RfmAliases,
  onProgress?: (phase: RfmPhase, fraction: number) => void,
): { ok: true; reads: RowRead<RfmColumns>[]; badCells: BadCell[] } | { ok: false; error: RowImportError } {
  onProgress?.('read', 0);
  const spec = rfmScorer.table!;
  const parsed = parseCsv(text, { maxRows: spec.maxRows + 1 });
  if (!parsed.ok) return { ok: false, error: parsed.error.code === 'csv.tooLarge' ? { code: 'csv.tooManyRows', max: spec.maxRows } : parsed.error };
  const [header, ...body] = parsed.rows;
  if (body.length > spec.maxRows) return { ok: false, error: { code: 'csv.tooManyRows', max: spec.maxRows } };
  const headers = header!.map((h) => normaliseHeader(undefuse(h)));
  const keys = Object.keys(spec.columns) as RfmColumnKey[];
  const columns = keys.map((key) => {
    const names = [key, ...(aliases[key] ?? [])].map(normaliseHeader);
    const index = headers.findIndex((h) => names.includes(h));
    const columnSpec = spec.columns[key];
    return { key, index, spec: columnSpec, name: index >= 0 ? header![index]! : key, optional: 'optional' in columnSpec && columnSpec.optional === true, memo: new Map<string, FieldRead<unknown>>() };
  });
  const missing = columns.find((c) => c.index < 0 && !c.optional);
  if (missing) return { ok: false, error: { code: 'csv.missingColumn', column: aliases[missing.key]?.[0] ?? missing.key } };
  const reads: RowRead<RfmColumns>[] = new Array(body.length);
  const badCells: BadCell[] = [];
  const chunk = 10_000;
  for (let r = 0; r < body.length; r++) {
    if (r % chunk === 0) onProgress?.('check', r / body.length);
    const values: Record<string, unknown> = {};
    const errors: Record<string, Message> = {};
    for (const column of columns) {
      const cell = column.index >= 0 ? undefuse(body[r]![column.index] ?? '').trim() : '';
      let read = column.memo.get(cell);
      if (!read) {
        read = readField(cell, column.spec);
        if (column.memo.size < MAX_MEMO) column.memo.set(cell, read);
      }
      if (read.ok) values[column.key] = read.value;
      else {
        errors[column.key] = read.message;
        badCells.push({ row: r + 2, column: column.name, message: read.message });
      }
    }
    reads[r] = { values, errors } as RowRead<RfmColumns>;
  }
  return { ok: true, reads, badCells };
}

/** Scores rows already read (the worker keeps them while the reader edits the settings). */
export function scoreReads(reads: RowRead<RfmColumns>[], values: RfmValues): CalcOutput<RfmResults> {
  return runCompute(rfmScorer, values, reads) as CalcOutput<RfmResults>;
}

/** Reads and scores a CSV text with the calculator's settings. */
export function scoreCsv(text: string, values: RfmValues, aliases: RfmAliases, onProgress?: (phase: RfmPhase, fraction: number) => void): RfmDataRun {
  const read = readRfmCsv(text, aliases, onProgress);
  if (!read.ok) return { output: null, importError: read.error, badCells: [], badCellCount: 0, rowCount: 0 };
  onProgress?.('score', 0);
  return { output: scoreReads(read.reads, values), importError: null, badCells: read.badCells, badCellCount: read.badCells.length, rowCount: read.reads.length };
}

/** Issues the page lists under the data: one per problem row (rows are 0-based data rows). */
export const rowIssuesOf = (issues: readonly Issue[]) => issues.filter((i) => i.row !== undefined);

export type ScoredColumn = (typeof scoredCustomerColumns)[number];

/**
 * Every scored customer as CSV: dates as ISO (2026-06-25), numbers plain, segments by name, and
 * text defused against spreadsheet formulas. Read back as a customers table, it scores the same.
 */
export function scoredCustomersCsv(customers: readonly ScoredCustomer[], headers: Record<ScoredColumn, string>, segments: Record<SegmentName, string>): string {
  const body = customers.map((c) =>
    scoredCustomerColumns.map((key): string | number => {
      if (key === 'lastPurchase') return isoDate(c.lastPurchase);
      if (key === 'segment') return segments[c.segment];
      return c[key];
    }),
  );
  return toCsv([scoredCustomerColumns.map((k) => headers[k]), ...body]);
}
