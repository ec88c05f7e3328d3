/**
 * CSV in and out. Writing quotes every cell that needs it and defuses spreadsheet formulas;
 * reading (`csv-parse.ts`, re-exported here) is RFC 4180 with errors that name the row and column.
 * Loaded only where a reader exports or imports a file, not with every calculator.
 */
export { parseCsv, type CsvError, type CsvParse } from './csv-parse';

/**
 * Text cells that a spreadsheet would run as a formula (OWASP: starting with = + - @ tab CR) get
 * a leading apostrophe, unless they are plain numbers. Only exported files are defused: storage
 * and links keep text exactly (see `url-state.ts`).
 */
export function defuse(cell: string): string {
  if (/^[=+\-@\t\r]/.test(cell) && !/^[-+]?\d[\d.,\s]*%?$/.test(cell)) return `'${cell}`;
  // Text that already looks defused (`'-`, `''=`) gets one more apostrophe, which `undefuse` takes off.
  if (/^'+[=+\-@\t\r]/.test(cell)) return `'${cell}`;
  return cell;
}

/** Takes off the apostrophe `defuse` added, so an exported file imports back unchanged. */
export function undefuse(cell: string): string {
  return /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
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
