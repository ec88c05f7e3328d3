/**
 * Reading CSV: RFC 4180 (quoted fields, doubled quotes, CRLF) with errors that name the row and
 * column. Apart from writing (`csv.ts`) because the state layer reads old CSV-encoded links with
 * it on every page, while writing and file decoding are needed only when a reader exports or imports.
 */

export type CsvError =
  | { code: 'csv.unclosedQuote'; row: number; column: number }
  | { code: 'csv.quoteInField'; row: number; column: number }
  | { code: 'csv.columnCount'; row: number; expected: number; found: number }
  | { code: 'csv.empty' }
  | { code: 'csv.tooLarge'; maxRows: number };

export type CsvParse = { ok: true; rows: string[][] } | { ok: false; error: CsvError };

/**
 * Work done in steps: a generator that yields after each slice of work and returns the result, so
 * a caller with a large input can spread it over several tasks of the main thread (`runSteps`
 * does it all at once).
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs `steps` to the end and returns its result. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Characters parsed between two yields of `parseCsvSteps`. */
const CHARS_PER_STEP = 16_384;

/** Parses CSV text. Rows and columns in errors are 1-based, as a spreadsheet shows them. */
export function parseCsv(text: string, options: { maxRows?: number; delimiter?: string } = {}): CsvParse {
  return runSteps(parseCsvSteps(text, options));
}

/** `parseCsv` in steps of CHARS_PER_STEP characters (for large files read on the main thread). */
export function* parseCsvSteps(text: string, options: { maxRows?: number; delimiter?: string } = {}): Steps<CsvParse> {
  const maxRows = options.maxRows ?? 100_000;
  const input = text.replace(/^\uFEFF/, '');
  const delimiter = options.delimiter ?? detectDelimiter(input);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let quotedField = false;
  let line = 1;
  let fieldStartLine = 1;
  for (let i = 0; i < input.length; i++) {
    if (i % CHARS_PER_STEP === 0 && i > 0) yield;
    const ch = input[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"') {
      if (field !== '' || quotedField) return { ok: false, error: { code: 'csv.quoteInField', row: line, column: row.length + 1 } };
      inQuotes = true;
      quotedField = true;
      fieldStartLine = line;
    } else if (ch === delimiter) {
      row.push(field);
      field = '';
      quotedField = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      if (rows.length > maxRows) return { ok: false, error: { code: 'csv.tooLarge', maxRows } };
      row = [];
      field = '';
      quotedField = false;
      line++;
    } else {
      if (quotedField) return { ok: false, error: { code: 'csv.quoteInField', row: line, column: row.length + 1 } };
      field += ch;
    }
  }
  if (inQuotes) return { ok: false, error: { code: 'csv.unclosedQuote', row: fieldStartLine, column: row.length + 1 } };
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const nonEmpty = rows.filter((r) => !(r.length === 1 && r[0]!.trim() === ''));
  if (nonEmpty.length === 0) return { ok: false, error: { code: 'csv.empty' } };
  if (nonEmpty.length > maxRows) return { ok: false, error: { code: 'csv.tooLarge', maxRows } };
  const width = nonEmpty[0]!.length;
  for (let r = 0; r < nonEmpty.length; r++) {
    if (nonEmpty[r]!.length !== width) {
      return { ok: false, error: { code: 'csv.columnCount', row: rows.indexOf(nonEmpty[r]!) + 1, expected: width, found: nonEmpty[r]!.length } };
    }
  }
  return { ok: true, rows: nonEmpty };
}

/** Comma unless the first line has more semicolons or tabs (European spreadsheets export `;`). */
function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (d: string) => firstLine.split(d).length - 1;
  const candidates = [',', ';', '\t'].map((d) => ({ d, n: count(d) }));
  candidates.sort((a, b) => b.n - a.n);
  return candidates[0]!.n > 0 ? candidates[0]!.d : ',';
}
