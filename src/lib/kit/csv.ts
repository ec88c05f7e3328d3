/**
 * CSV in and out. Writing quotes every cell that needs it and defuses spreadsheet formulas;
 * reading is RFC 4180 (quoted fields, doubled quotes, CRLF) with errors that name the row and column.
 */

/** Cells that a spreadsheet would run as a formula get a leading apostrophe, unless they are plain numbers. */
function defuse(cell: string): string {
  if (/^[=+\-@\t\r]/.test(cell) && !/^[-+]?\d[\d.,\s]*%?$/.test(cell)) return `'${cell}`;
  return cell;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows
    .map((row) => row.map((cell) => {
      const safe = defuse(cell);
      return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
    }).join(','))
    .join('\r\n') + '\r\n';
}

export type CsvError =
  | { code: 'csv.unclosedQuote'; row: number; column: number }
  | { code: 'csv.quoteInField'; row: number; column: number }
  | { code: 'csv.columnCount'; row: number; expected: number; found: number }
  | { code: 'csv.empty' }
  | { code: 'csv.tooLarge'; maxRows: number };

export type CsvParse = { ok: true; rows: string[][] } | { ok: false; error: CsvError };

/** Parses CSV text. Rows and columns in errors are 1-based, as a spreadsheet shows them. */
export function parseCsv(text: string, options: { maxRows?: number; delimiter?: string } = {}): CsvParse {
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
