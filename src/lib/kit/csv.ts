/**
 * CSV in and out. Writing quotes every cell that needs it and defuses spreadsheet formulas;
 * reading is RFC 4180 (quoted fields, doubled quotes, CRLF) with errors that name the row and column.
 */

/**
 * Text cells that a spreadsheet would run as a formula (OWASP: starting with = + - @ tab CR) get
 * a leading apostrophe, unless they are plain numbers. Only exported files are defused: storage
 * and links keep text exactly (see `url-state.ts`).
 */
export function defuse(cell: string): string {
  if (/^[=+\-@\t\r]/.test(cell) && !/^[-+]?\d[\d.,\s]*%?$/.test(cell)) return `'${cell}`;
  return cell;
}

/** Takes off the apostrophe `defuse` added, so an exported file imports back unchanged. */
export function undefuse(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** A number as a spreadsheet reads it: plain digits, `-8000`, `0.125`, never grouped or formatted. */
export function plainNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  const snapped = Math.abs(value) < 1e15 ? Number(value.toPrecision(15)) : value;
  return String(Object.is(snapped, -0) ? 0 : snapped);
}

/** Numbers are written plain; text cells are defused and quoted when needed. */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return rows
    .map((row) => row.map((cell) => {
      if (typeof cell === 'number') return plainNumber(cell);
      const safe = defuse(cell);
      return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
    }).join(','))
    .join('\r\n') + '\r\n';
}

export type DecodedFile = { ok: true; text: string; encoding: 'utf-8' | 'gb18030' } | { ok: false };

/**
 * A CSV file's text. UTF-8 (with or without BOM) first; bytes that are not valid UTF-8 are read
 * as GB18030, the superset of GBK that Excel on Chinese Windows writes. Text that is neither
 * (or holds NUL bytes, as UTF-16 or binary files do) is refused.
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedFile {
  if (bytes.includes(0)) return { ok: false };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    /* not UTF-8: try GB18030 */
  }
  try {
    return { ok: true, text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030' };
  } catch {
    return { ok: false };
  }
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
