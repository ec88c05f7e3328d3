/**
 * One tolerant calendar-date parser for every date field (promotion windows, milestones,
 * analysis dates). Accepts `2026-12-01`, `2026/12/1`, `2026.12.01`, `2026年12月1日` and
 * full-width digits; refuses impossible dates (2026-02-30) and anything else with a code.
 *
 * A date is stored as a whole day number: days since 1970-01-01 (UTC), so date arithmetic is
 * integer subtraction and no time zone or daylight-saving shift can move a date.
 */

export type DateParseError = 'empty' | 'notADate';

export type ParsedDate = { ok: true; day: number } | { ok: false; error: DateParseError };

const MS_PER_DAY = 86_400_000;
/** Years outside this range are almost certainly typing mistakes. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

export function parseDate(raw: string): ParsedDate {
  const text = raw.normalize('NFKC').trim();
  if (text === '') return { ok: false, error: 'empty' };
  const match = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?$/.exec(text);
  if (!match) return { ok: false, error: 'notADate' };
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return { ok: false, error: 'notADate' };
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return { ok: false, error: 'notADate' };
  }
  return { ok: true, day: ms / MS_PER_DAY };
}

/** The ISO text `YYYY-MM-DD` of a day number (for CSV, links and tests). */
export function isoDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Milliseconds since the epoch at 00:00 UTC of a day number, for `Intl.DateTimeFormat` with `timeZone: 'UTC'`. */
export function dayToUtcMs(day: number): number {
  return day * MS_PER_DAY;
}

/** How `parseDateReading` understood a date, so a page can echo the reading it chose. */
export type DateReading = 'yearFirst' | 'dayFirst' | 'excelSerial';

export type ParsedDateReading = { ok: true; day: number; reading: DateReading } | { ok: false; error: DateParseError };

/** Excel's day 25569 is 1970-01-01 (its 1900 system, which counts a non-existent 1900-02-29 as day 60). */
const EXCEL_EPOCH_OFFSET = 25569;
/** Serial 61 = 1900-03-01, the first day after Excel's phantom leap day; 2200-12-31 = 110,575. */
const EXCEL_MIN_SERIAL = 61;
const EXCEL_MAX_SERIAL = 110_575;

/**
 * The dates people export from spreadsheets and shop systems, for imported tables: everything
 * `parseDate` reads (year first), plus day-first with dots (`05.03.2026` = 5 March 2026, the
 * European form; slashes with the year last stay refused because 05/03 is March in Europe and May
 * in the US), and, with `excelSerial`, whole Excel serial numbers (`46086` = 2026-03-05; a time
 * fraction such as `46086.75` is dropped). Returns which reading was used.
 */
export function parseDateReading(raw: string, options: { excelSerial?: boolean } = {}): ParsedDateReading {
  const yearFirst = parseDate(raw);
  if (yearFirst.ok) return { ok: true, day: yearFirst.day, reading: 'yearFirst' };
  if (yearFirst.error === 'empty') return yearFirst;
  const text = raw.normalize('NFKC').trim();
  const dayFirst = /^(\d{1,2})\s*\.\s*(\d{1,2})\s*\.\s*(\d{4})$/.exec(text);
  if (dayFirst) {
    const parsed = parseDate(`${dayFirst[3]}-${dayFirst[2]}-${dayFirst[1]}`);
    return parsed.ok ? { ok: true, day: parsed.day, reading: 'dayFirst' } : parsed;
  }
  if (options.excelSerial && /^\d{1,6}(?:\.\d+)?$/.test(text)) {
    const serial = Math.floor(Number(text));
    if (serial >= EXCEL_MIN_SERIAL && serial <= EXCEL_MAX_SERIAL) return { ok: true, day: serial - EXCEL_EPOCH_OFFSET, reading: 'excelSerial' };
  }
  return { ok: false, error: 'notADate' };
}
