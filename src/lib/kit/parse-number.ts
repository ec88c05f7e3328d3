/**
 * One locale-tolerant number parser for every calculator field.
 *
 * Accepts what people actually type: `1,000.5`, `1 000,5`, `1.000.000`, full-width
 * digits (`１２３`), a leading currency sign (`$`, `¥`, `￥`, `€`, `£`, `US$`, `CN¥`, `RMB`),
 * a trailing `%`, a Unicode minus, and scientific notation. Everything else is rejected
 * with a code the UI turns into a message in the reader's language.
 */

export type NumberParseError = 'empty' | 'notANumber' | 'tooLarge' | 'tooSmall';

export type ParsedNumber =
  /** `currencyMark`: the currency sign or code typed with the number (`¥`, `US$`, `元`), if any. */
  | { ok: true; value: number; hadPercentSign: boolean; currencyMark?: string }
  | { ok: false; error: NumberParseError };

/**
 * The currencies a typed mark can stand for (`¥` is both yuan and yen; `$` is taken as US
 * dollars), so the kit can warn when it is not the currency chosen for the calculator.
 */
export function currenciesOfMark(mark: string): string[] {
  const m = mark.trim().toUpperCase();
  if (m === '$' || m === 'US$' || m === 'USD') return ['USD'];
  if (m === 'CN¥' || m === 'RMB' || m === 'CNY' || m === '元') return ['CNY'];
  if (m === '¥') return ['CNY', 'JPY'];
  if (m === '€' || m === 'EUR') return ['EUR'];
  if (m === '£' || m === 'GBP') return ['GBP'];
  return [];
}

/** Above this magnitude doubles stop holding cents exactly; no planning figure needs more. */
export const MAX_MAGNITUDE = 1e15;

/**
 * Below this magnitude (other than 0) a figure is refused: no planning input is that small, and
 * ratios of such numbers (a price of 5e-324) overflow to Infinity.
 */
export const MIN_MAGNITUDE = 1e-9;

const CURRENCY_PREFIX = /^(?:US\$|CN¥|RMB|CNY|USD|EUR|GBP|[$¥€£])\s*/i;
const CURRENCY_SUFFIX = /\s*(?:元|RMB|CNY|USD|EUR|GBP)$/i;
const SPACE_GROUPING = /[\s\u00a0\u202f\u2009']/g;

function fail(error: NumberParseError): ParsedNumber {
  return { ok: false, error };
}

/** Splits `1,000.5`-style text into a plain `1000.5`, or null when the separators don't fit a pattern. */
function normaliseSeparators(text: string): string | null {
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    const [intPart, fracPart, ...rest] = text.split(decimal);
    if (rest.length > 0 || intPart === undefined || fracPart === undefined || fracPart.includes(group)) return null;
    if (!isGrouped(intPart, group)) return null;
    return intPart.split(group).join('') + '.' + fracPart;
  }
  const sep = lastComma >= 0 ? ',' : lastDot >= 0 ? '.' : null;
  if (sep === null) return text;
  const parts = text.split(sep);
  if (parts.length > 2) {
    // `1,000,000` or `1.000.000`: grouping only.
    return isGrouped(text, sep) ? parts.join('') : null;
  }
  const [intPart = '', fracPart = ''] = parts;
  // A single comma followed by exactly three digits reads as a thousands separator (`1,000`),
  // unless the integer part is 0 (`0,125`); any other single comma is a decimal comma (`12,5`).
  // A single dot is always a decimal point.
  if (sep === ',' && fracPart.length === 3 && /^[1-9]\d{0,2}$/.test(intPart)) {
    return intPart + fracPart;
  }
  return intPart + '.' + fracPart;
}

function isGrouped(intPart: string, group: string): boolean {
  const groups = intPart.replace(/^[-+]/, '').split(group);
  if (groups.length === 1) return true;
  const [first, ...others] = groups;
  return first !== undefined && /^\d{1,3}$/.test(first) && others.every((g) => /^\d{3}$/.test(g));
}

export function parseNumber(raw: string): ParsedNumber {
  // NFKC folds full-width digits, `％`, `，`, `．` and `＋` into their ASCII forms.
  let text = raw.normalize('NFKC').trim();
  if (text === '') return fail('empty');

  text = text.replace(/[\u2212\u2012\u2013\uFE63]/g, '-');
  let negative = false;
  if (/^[-+]/.test(text)) {
    negative = text.startsWith('-');
    text = text.slice(1).trimStart();
  }
  const mark = CURRENCY_PREFIX.exec(text)?.[0] ?? CURRENCY_SUFFIX.exec(text)?.[0];
  text = text.replace(CURRENCY_PREFIX, '').replace(CURRENCY_SUFFIX, '');
  if (/^[-+]/.test(text)) {
    // `$-5` as well as `-$5`
    if (negative) return fail('notANumber');
    negative = text.startsWith('-');
    text = text.slice(1);
  }
  const hadPercentSign = text.endsWith('%');
  if (hadPercentSign) text = text.slice(0, -1).trimEnd();
  text = text.replace(SPACE_GROUPING, '');

  let exponent = '';
  const expMatch = /[eE][-+]?\d{1,3}$/.exec(text);
  if (expMatch) {
    exponent = expMatch[0];
    text = text.slice(0, expMatch.index);
  }
  if (!/^[\d.,]+$/.test(text) || !/\d/.test(text)) return fail('notANumber');
  const plain = normaliseSeparators(text);
  if (plain === null || !/^\d*\.?\d*$/.test(plain)) return fail('notANumber');

  const value = Number((negative ? '-' : '') + plain + exponent);
  if (!Number.isFinite(value)) return fail(Number.isNaN(value) ? 'notANumber' : 'tooLarge');
  if (Math.abs(value) > MAX_MAGNITUDE) return fail('tooLarge');
  if (value !== 0 && Math.abs(value) < MIN_MAGNITUDE) return fail('tooSmall');
  return { ok: true, value: value === 0 ? 0 : value, hadPercentSign, ...(mark ? { currencyMark: mark.trim() } : {}) };
}
