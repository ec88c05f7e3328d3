/**
 * Display formatting, in one place: Intl by the page's language and the chosen currency.
 * Values are rounded here, once, for display only; nothing formatted is fed back into maths.
 */
export type Locale = 'en' | 'zh-CN';
export const CURRENCIES = ['USD', 'CNY', 'EUR', 'GBP', 'JPY'] as const;
export type Currency = (typeof CURRENCIES)[number];

export function defaultCurrency(locale: Locale): Currency {
  return locale === 'zh-CN' ? 'CNY' : 'USD';
}

export function isCurrency(value: string): value is Currency {
  return (CURRENCIES as readonly string[]).includes(value);
}

export interface Formatter {
  locale: Locale;
  currency: Currency;
  money(value: number): string;
  /** Money with its sign, for a variance or a shift: "+$1,200.00", "−$300.00". */
  signedMoney(value: number): string;
  /** Short money for chart axes: $2M, ¥200万. */
  compactMoney(value: number): string;
  number(value: number, maxDigits?: number): string;
  integer(value: number): string;
  percent(fraction: number, digits?: number): string;
  /** Signed percentage points or percent, e.g. "+12.0%". */
  signedPercent(fraction: number, digits?: number): string;
  ratio(value: number, digits?: number): string;
  /** A number with its sign, e.g. "+1.105" or "−2.5" (an elasticity, a z score). */
  signed(value: number, digits?: number): string;
  /** A day number (days since 1970-01-01 UTC, as date fields store it) as a local date. */
  date(day: number): string;
}

const cache = new Map<string, Intl.NumberFormat>();
function nf(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = locale + JSON.stringify(options);
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

/** Avoids "-0" after rounding a tiny negative value. */
function clean(value: number): number {
  return Object.is(value, -0) ? 0 : value;
}

/** One minus sign throughout: Intl writes a hyphen-minus, typography wants U+2212. */
export const MINUS = '\u2212';
function minus(text: string): string {
  return text.replace(/-/g, MINUS);
}

export function createFormatter(locale: Locale, currency: Currency): Formatter {
  const fmt = (v: number, options: Intl.NumberFormatOptions) => minus(nf(locale, options).format(clean(v)));
  return {
    locale,
    currency,
    // signDisplay 'negative': a value that rounds to zero never shows as "-0.00".
    money: (v) => fmt(v, { style: 'currency', currency, signDisplay: 'negative' }),
    signedMoney: (v) => fmt(v, { style: 'currency', currency, signDisplay: 'exceptZero' }),
    // Three significant digits, so close axis ticks ($2.25M, $2.3M) never read the same.
    compactMoney: (v) => fmt(v, { style: 'currency', currency, notation: 'compact', maximumSignificantDigits: 3, signDisplay: 'negative' }),
    number: (v, maxDigits = 2) => fmt(v, { maximumFractionDigits: maxDigits, signDisplay: 'negative' }),
    integer: (v) => fmt(v, { maximumFractionDigits: 0, signDisplay: 'negative' }),
    percent: (f, digits = 2) => fmt(f, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: 'negative' }),
    signedPercent: (f, digits = 1) => fmt(f, { style: 'percent', signDisplay: 'exceptZero', minimumFractionDigits: digits, maximumFractionDigits: digits }),
    ratio: (v, digits = 2) => fmt(v, { minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: 'negative' }),
    signed: (v, digits = 3) => fmt(v, { maximumFractionDigits: digits, signDisplay: 'exceptZero' }),
    date: (day) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(day * 86_400_000),
  };
}

/** Replaces `{name}` placeholders; parameters are formatted by the caller. */
export function interpolate(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}
