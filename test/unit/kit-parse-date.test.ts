import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFields } from '~/lib/kit/fields';
import { createFormatter } from '~/lib/kit/format';
import { isoDate, parseDate } from '~/lib/kit/parse-date';

describe('kit: date fields', () => {
  it('reads ISO, slash, dot and Chinese forms, with full-width digits, as day numbers', () => {
    expect(parseDate('1970-01-01')).toEqual({ ok: true, day: 0 });
    expect(parseDate('2026-12-01')).toEqual({ ok: true, day: 20788 });
    for (const text of ['2026/12/1', '2026.12.01', ' 2026年12月1日 ', '２０２６－１２－０１', '2026 - 12 - 01']) {
      expect(parseDate(text)).toEqual({ ok: true, day: 20788 });
    }
  });

  it('refuses impossible or malformed dates', () => {
    for (const text of ['2026-02-30', '2026-13-01', '2026-00-10', '01/12/2026', '2026-12', 'tomorrow', '1800-01-01', '2026-12-01T10:00']) {
      expect(parseDate(text)).toEqual({ ok: false, error: 'notADate' });
    }
    expect(parseDate('  ')).toEqual({ ok: false, error: 'empty' });
    expect(parseDate('2028-02-29').ok).toBe(true);
  });

  it('gives field messages: empty required, empty optional, not a date', () => {
    const specs = { a: { kind: 'date', parse: parseDate }, b: { kind: 'date', optional: true, parse: parseDate } } as const;
    expect(readFields(specs, { a: '', b: '' })).toEqual({ values: { b: null }, errors: { a: { code: 'parse.emptyDate' } } });
    expect(readFields(specs, { a: 'x', b: '2026-01-01' }).errors.a).toEqual({ code: 'parse.notADate' });
  });

  it('formats a day number as the same calendar date in any time zone', () => {
    expect(createFormatter('en', 'USD').date(20788)).toBe('Dec 1, 2026');
    expect(createFormatter('zh-CN', 'CNY').date(20788)).toBe('2026年12月1日');
  });

  it('property: ISO text round-trips, and random strings never throw', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25567, max: 84000 }), (day) => {
        expect(parseDate(isoDate(day))).toEqual({ ok: true, day });
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const parsed = parseDate(text);
        if (parsed.ok) expect(Number.isInteger(parsed.day)).toBe(true);
      }),
    );
  });
});
