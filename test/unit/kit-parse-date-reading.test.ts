import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDate, parseDateReading } from '~/lib/kit/parse-date';

describe('kit: imported dates with their reading (parseDateReading)', () => {
  it('reads year-first forms as parseDate does, and says so', () => {
    for (const text of ['2026-03-05', '2026/3/5', '2026.03.05', '2026年3月5日']) {
      expect(parseDateReading(text)).toEqual({ ok: true, day: 20517, reading: 'yearFirst' });
    }
    expect(isoDate(20517)).toBe('2026-03-05');
  });

  it('reads day-first dotted dates (05.03.2026 is 5 March)', () => {
    expect(parseDateReading('05.03.2026')).toEqual({ ok: true, day: 20517, reading: 'dayFirst' });
    expect(parseDateReading('5.3.2026')).toEqual({ ok: true, day: 20517, reading: 'dayFirst' });
    expect(parseDateReading('31.02.2026')).toEqual({ ok: false, error: 'notADate' });
    // Slashes with the year last are ambiguous (US month first, Europe day first): refused.
    expect(parseDateReading('05/03/2026')).toEqual({ ok: false, error: 'notADate' });
  });

  it('reads Excel serial numbers only when asked, dropping a time fraction', () => {
    expect(parseDateReading('46086', { excelSerial: true })).toEqual({ ok: true, day: 20517, reading: 'excelSerial' });
    expect(parseDateReading('46086.75', { excelSerial: true })).toEqual({ ok: true, day: 20517, reading: 'excelSerial' });
    expect(parseDateReading('25569', { excelSerial: true })).toEqual({ ok: true, day: 0, reading: 'excelSerial' });
    expect(parseDateReading('61', { excelSerial: true })).toEqual({ ok: true, day: -25508, reading: 'excelSerial' });
    expect(parseDateReading('46086')).toEqual({ ok: false, error: 'notADate' });
    expect(parseDateReading('60', { excelSerial: true })).toEqual({ ok: false, error: 'notADate' }); // Excel's phantom 1900-02-29
    expect(parseDateReading('999999', { excelSerial: true })).toEqual({ ok: false, error: 'notADate' });
    expect(parseDateReading('-5', { excelSerial: true })).toEqual({ ok: false, error: 'notADate' });
    expect(parseDateReading('', { excelSerial: true })).toEqual({ ok: false, error: 'empty' });
  });

  it('property: every day from 1900-03-01 to 2200 round-trips through ISO, day-first and serial text', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25508, max: 84000 }), (day) => {
        const [y, m, d] = isoDate(day).split('-');
        expect(parseDateReading(`${d}.${m}.${y}`)).toEqual({ ok: true, day, reading: 'dayFirst' });
        expect(parseDateReading(String(day + 25569), { excelSerial: true })).toEqual({ ok: true, day, reading: 'excelSerial' });
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const parsed = parseDateReading(text, { excelSerial: true });
        if (parsed.ok) expect(Number.isInteger(parsed.day)).toBe(true);
      }),
    );
  });
});
