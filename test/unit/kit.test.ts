import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defuse, parseCsv, toCsv, undefuse } from '~/lib/kit/csv';
import { readFields, readNumericField } from '~/lib/kit/fields';
import { createFormatter } from '~/lib/kit/format';
import { currenciesOfMark, parseNumber } from '~/lib/kit/parse-number';
import { largestRemainder } from '~/lib/kit/rounding';
import { readRows } from '~/lib/kit/rows';
import { rowsFromCsv } from '~/lib/kit/row-csv';
import { decodeRows, decodeState, decodeStored, encodeRows, encodeState } from '~/lib/kit/url-state';
import { decodeCsvBytes } from '~/lib/kit/csv';
import { normaliseHeader, rowsToCsv } from '~/lib/kit/row-csv';

const value = (raw: string) => {
  const r = parseNumber(raw);
  return r.ok ? r.value : r.error;
};

describe('parseNumber', () => {
  it.each([
    ['1,000.5', 1000.5],
    ['1 000,5', 1000.5],
    ['1.000.000', 1_000_000],
    ['1,000,000', 1_000_000],
    ['1,000', 1000],
    ['12,5', 12.5],
    ['0,125', 0.125],
    ['１２３', 123],
    ['１２３．５', 123.5],
    ['$1,200', 1200],
    ['¥30', 30],
    ['￥30', 30],
    ['US$ 99.9', 99.9],
    ['30元', 30],
    ['-5', -5],
    ['−5', -5],
    ['-$5', -5],
    ['+7', 7],
    ['1e3', 1000],
    ['  42  ', 42],
    ['1\u00a0234,56', 1234.56],
    ['.5', 0.5],
    ['-0', 0],
  ])('reads %s as %s', (raw, expected) => {
    expect(value(raw)).toBe(expected);
  });

  it.each(['', '   '])('reports %j as empty', (raw) => expect(value(raw)).toBe('empty'));

  it.each(['abc', '12abc', '1,00,0', '1.2.3,4,5', '--5', '$-5-', '1e', '12%%', 'NaN', 'Infinity', '0x10', '1/2', '<script>', '1,000.000,5'])(
    'rejects %j',
    (raw) => expect(value(raw)).toBe('notANumber'),
  );

  it('rejects magnitudes beyond reliable precision', () => {
    expect(value('1e999')).toBe('tooLarge');
    expect(value('9999999999999999')).toBe('tooLarge');
  });

  it('notes a percent sign without changing the number', () => {
    expect(parseNumber('12%')).toEqual({ ok: true, value: 12, hadPercentSign: true });
    expect(parseNumber('１２％')).toEqual({ ok: true, value: 12, hadPercentSign: true });
  });

  it('never throws and only returns finite numbers (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        const r = parseNumber(s);
        if (r.ok) expect(Number.isFinite(r.value)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('round-trips numbers formatted by Intl in both languages (property)', () => {
    const en = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
    const zh = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), (x) => {
        const rounded = Math.round(x * 100) / 100;
        for (const f of [en, zh]) {
          const r = parseNumber(f.format(rounded));
          expect(r.ok && Math.abs(r.value - rounded) < 1e-6).toBe(true);
        }
      }),
    );
  });
});

describe('readNumericField', () => {
  it('stores percentages as fractions, whichever way they are typed', () => {
    for (const raw of ['12', '12%', '１２％']) expect(readNumericField(raw, { kind: 'percent' })).toEqual({ ok: true, value: 0.12 });
    expect(readNumericField('12.5', { kind: 'percent' })).toEqual({ ok: true, value: 0.125 });
  });

  it('refuses a % sign in a non-percent field and fractional counts', () => {
    expect(readNumericField('12%', { kind: 'money' })).toEqual({ ok: false, message: { code: 'parse.percentNotAllowed' } });
    expect(readNumericField('2.5', { kind: 'count' })).toEqual({ ok: false, message: { code: 'range.integer' } });
  });

  it('applies bounds with messages in the typed unit', () => {
    expect(readNumericField('-1', { kind: 'money', min: 0 })).toEqual({ ok: false, message: { code: 'range.min', params: { min: 0 } } });
    expect(readNumericField('150', { kind: 'percent', max: 1 })).toEqual({ ok: false, message: { code: 'range.maxPercent', params: { max: 100 } } });
    expect(readNumericField('', { kind: 'money', optional: true })).toEqual({ ok: true, value: null });
    expect(readNumericField('x'.repeat(65), { kind: 'money' })).toEqual({ ok: false, message: { code: 'parse.tooLong', params: { max: 64 } } });
  });

  it('keeps the fields that parse when another fails', () => {
    const read = readFields({ a: { kind: 'number' }, b: { kind: 'number' } } as const, { a: 'oops', b: '3' });
    expect(read.values).toEqual({ b: 3 });
    expect(read.errors.a).toEqual({ code: 'parse.notANumber' });
  });
});

describe('largestRemainder', () => {
  it('splits to the cent and adds up exactly', () => {
    expect(largestRemainder([100 / 3, 100 / 3, 100 / 3])).toEqual([33.34, 33.33, 33.33]);
    expect(largestRemainder([0.5, 0.5], 0, 1)).toEqual([1, 0]);
  });

  it('always sums to the rounded total, each part within one unit (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e7, noNaN: true }), { minLength: 1, maxLength: 60 }), (parts) => {
        const out = largestRemainder(parts, 2);
        const cents = (x: number) => Math.round(x * 100);
        expect(out.reduce((s, x) => s + cents(x), 0)).toBe(Math.round(parts.reduce((a, b) => a + b, 0) * 100));
        out.forEach((x, i) => expect(Math.abs(x - parts[i]!)).toBeLessThan(0.0100001));
      }),
    );
  });
});

describe('CSV', () => {
  it('writes quoted cells and defuses spreadsheet formulas but not negative numbers', () => {
    expect(toCsv([['a,b', 'say "hi"', '=SUM(A1)', '-5', '@x']])).toBe('"a,b","say ""hi""",\'=SUM(A1),-5,\'@x\r\n');
  });

  it('reads RFC 4180 with quotes, CRLF, BOM and semicolons', () => {
    expect(parseCsv('\uFEFFname,value\r\n"A, Inc.",1\r\n"say ""x""",2\r\n')).toEqual({ ok: true, rows: [['name', 'value'], ['A, Inc.', '1'], ['say "x"', '2']] });
    expect(parseCsv('a;b\n1,5;2\n')).toEqual({ ok: true, rows: [['a', 'b'], ['1,5', '2']] });
  });

  it('names the row and column of malformed input', () => {
    expect(parseCsv('a,b\n1,"2\n')).toEqual({ ok: false, error: { code: 'csv.unclosedQuote', row: 2, column: 2 } });
    expect(parseCsv('a,b\n1,2,3\n')).toEqual({ ok: false, error: { code: 'csv.columnCount', row: 2, expected: 2, found: 3 } });
    expect(parseCsv('a,b\n1,x"y\n')).toEqual({ ok: false, error: { code: 'csv.quoteInField', row: 2, column: 2 } });
  });

  it('round-trips any table (property)', () => {
    // Cells a spreadsheet would run as formulas (or that look defused) are exported defused: see below.
    const cell = fc.string({ maxLength: 12 }).filter((s) => !/^'*[=+\-@\t\r]/.test(s));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const table = [['h1', 'h2'], ...rows];
        const parsed = parseCsv(toCsv(table), { delimiter: ',' });
        expect(parsed.ok).toBe(true);
        if (parsed.ok) expect(parsed.rows).toEqual(table.filter((r, i) => i === 0 || !(r.length === 1 && r[0] === '')));
      }),
    );
  });

  it('imports rows by header label, keeping and naming bad cells', () => {
    const spec = { columns: { name: { kind: 'text' }, score: { kind: 'number', min: 1, max: 5 } }, minRows: 1, maxRows: 5 } as const;
    expect(rowsFromCsv('Name,Score\nA,3\nB,4\n', spec)).toEqual({ ok: true, rows: [{ name: 'A', score: '3' }, { name: 'B', score: '4' }], badCells: [] });
    expect(rowsFromCsv('名称,得分\nA,3\n', spec, { name: ['名称'], score: ['得分'] })).toMatchObject({ ok: true });
    expect(rowsFromCsv('name,score\nA,3\nB,9\n', spec)).toEqual({
      ok: true,
      rows: [{ name: 'A', score: '3' }, { name: 'B', score: '9' }],
      badCells: [{ row: 3, column: 'score', message: { code: 'range.max', params: { max: 5 } } }],
    });
    expect(rowsFromCsv('name\nA\n', spec)).toEqual({ ok: false, error: { code: 'csv.missingColumn', column: 'score' } });
  });
});

describe('URL state', () => {
  const specs = { price: { kind: 'money' }, basis: { kind: 'choice', options: ['markup', 'margin'] } } as const;
  const defaults = { price: '10', basis: 'markup' };

  it('writes only changed fields and reads them back', () => {
    const params = encodeState('C05.1', specs, { price: '12', basis: 'markup' }, defaults, new URLSearchParams('other=1'));
    expect(params.toString()).toBe('other=1&C05.1.price=12');
    expect(decodeState('C05.1', specs, params)).toEqual({ raw: { price: '12' }, ignored: [] });
  });

  it('ignores unknown keys, bad choices, overlong values, and keeps markup as inert text', () => {
    const hostile = new URLSearchParams({
      'C05.1.basis': 'javascript:alert(1)',
      'C05.1.__proto__': 'x',
      'C05.1.price': '<img src=x onerror=alert(1)>',
      'C05.1.constructor': '1',
    });
    hostile.append('C05.1.price', 'y'.repeat(10_000));
    const decoded = decodeState('C05.1', specs, hostile);
    expect(decoded.raw).toEqual({ price: '<img src=x onerror=alert(1)>' });
    expect(decoded.ignored.sort()).toEqual(['__proto__', 'basis', 'constructor', 'price'].sort());
    expect(Object.getPrototypeOf(decoded.raw)).toBe(Object.prototype);
  });

  it('never throws on random query strings and only yields known fields (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.oneof(fc.constantFrom('C05.1.price', 'C05.1.basis'), fc.string()), fc.string({ maxLength: 200 }))), (pairs) => {
        const decoded = decodeState('C05.1', specs, new URLSearchParams(pairs));
        for (const key of Object.keys(decoded.raw)) expect(['price', 'basis']).toContain(key);
        if (decoded.raw.basis !== undefined) expect(['markup', 'margin']).toContain(decoded.raw.basis);
      }),
    );
  });

  it('treats unreadable storage as empty', () => {
    expect(decodeStored('C05.1', specs, '{not json')).toEqual({});
    expect(decodeStored('C05.1', specs, '[1,2]')).toEqual({});
    expect(decodeStored('C05.1', specs, JSON.stringify({ price: '7', basis: 'nope' }))).toEqual({ price: '7' });
  });
});

describe('formatter', () => {
  it('formats money by language and currency, without -0', () => {
    expect(createFormatter('en', 'USD').money(1234.5)).toBe('$1,234.50');
    expect(createFormatter('zh-CN', 'CNY').money(1234.5)).toBe('¥1,234.50');
    expect(createFormatter('en', 'USD').money(-0.001)).toBe('$0.00');
    expect(createFormatter('en', 'USD').percent(0.2308)).toBe('23.08%');
  });
});

describe('boundary helpers', () => {
  it('round9 snaps float noise at cut-offs and keeps large values exact', async () => {
    const { ceilSafe, round9 } = await import('~/lib/kit/calculator');
    expect(round9(3.38 / 2.6 - 1)).toBe(0.3); // growth of exactly 30%, computed as 0.29999999999999993
    expect(ceilSafe(39559044453371)).toBe(39559044453371);
    expect(ceilSafe(4878.048780487805)).toBe(4879);
    expect(round9(123456789.125)).toBe(123456789.125);
  });

  it('largestRemainder terminates quickly even when the total disagrees with the parts', () => {
    const out = largestRemainder([1, 2, 3], 2, 1_000_000);
    expect(out.reduce((a, b) => a + b, 0)).toBeCloseTo(1_000_000, 6);
  });

  it('largestRemainder returns (never loops) on NaN, ±Infinity and totals past 2^53 units', () => {
    expect(largestRemainder([1, NaN, 2])).toHaveLength(3);
    expect(largestRemainder([1, Infinity])).toEqual([1, Infinity]);
    expect(largestRemainder([1, 2], 2, -Infinity)).toEqual([1, 2]);
    expect(largestRemainder([1e300, 1e300, 3])).toHaveLength(3);
    expect(largestRemainder([1e14, 1e14 + 0.125, 7.5], 2, 3e14)).toHaveLength(3);
  });
});

describe('row state for storage and links', () => {
  const table = {
    columns: { name: { kind: 'text', optional: true }, amount: { kind: 'money' }, share: { kind: 'percent', optional: true }, tag: { kind: 'choice', options: ['none', 'star', 'dog'] } },
    minRows: 1,
    maxRows: 20,
  } as const;
  const fill = () => ({ name: '', amount: '', share: '', tag: 'none' });
  // Whatever a person can type into a text input: any code points, no lone surrogates (a browser
  // cannot hold them in a form field), up to the 64-character limit.
  const typed = fc.string({ unit: 'grapheme', maxLength: 64 });

  it('every string a person can type round-trips exactly through storage and the URL (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ name: typed, amount: typed, share: typed, tag: fc.constantFrom('none', 'star', 'dog') }), { minLength: 1, maxLength: 20 }), (rows) => {
        const encoded = encodeRows(table.columns, rows);
        // Storage: JSON inside JSON.
        const stored = JSON.parse(JSON.stringify({ rows: encoded })).rows as string;
        expect(decodeRows(table, stored, fill)).toEqual({ rows, partial: false });
        // Link: URLSearchParams encodes and decodes the parameter.
        const url = new URL(`https://example.com/p/?${new URLSearchParams({ 'C12.3.rows': encoded })}`);
        expect(decodeRows(table, url.searchParams.get('C12.3.rows')!, fill)).toEqual({ rows, partial: false });
      }),
    );
  });

  it('scalar fields round-trip exactly through the URL (property)', () => {
    const specs = { note: { kind: 'text', optional: true }, price: { kind: 'money' } } as const;
    fc.assert(
      fc.property(typed, typed, (note, price) => {
        const params = encodeState('C05.3', specs, { note, price }, { note: '\u0000default', price: '\u0000default' }, new URLSearchParams());
        const back = new URLSearchParams(params.toString());
        expect(decodeState('C05.3', specs, back).raw).toEqual({ note, price });
      }),
    );
  });

  it('keeps bad cells, refuses only what cannot be a cell, and never drops the table', () => {
    const text = JSON.stringify([['name', 'amount', 'tag', 'bogus'], ['KEEP-ME', '-$5,000', 'star', 'x'], 'not a row', ['@home', '12abc', 'javascript:', 1], ['x', 'y'.repeat(65), 'dog']]);
    expect(decodeRows(table, text, fill)).toEqual({
      rows: [
        { name: 'KEEP-ME', amount: '-$5,000', share: '', tag: 'star' },
        { name: '@home', amount: '12abc', share: '', tag: 'none' },
        { name: 'x', amount: '', share: '', tag: 'dog' },
      ],
      partial: true,
    });
    expect(decodeRows(table, '{"a":1}', fill)).toBeNull();
    expect(decodeRows(table, '[["__proto__"]]', fill)).toBeNull();
  });

  it('reads the old CSV rows format, taking off the export apostrophe', () => {
    const legacy = toCsv([['name', 'amount', 'share', 'tag'], ['-Brand', '-$5,000', '12', 'dog']]);
    expect(legacy).toContain("'-Brand");
    expect(decodeRows(table, legacy, fill)).toEqual({ rows: [{ name: '-Brand', amount: '-$5,000', share: '12', tag: 'dog' }], partial: false });
  });
});

describe('CSV export and import of rows', () => {
  const table = {
    columns: { name: { kind: 'text', optional: true }, amount: { kind: 'money' }, share: { kind: 'percent', optional: true }, fit: { kind: 'number', min: 1, max: 5 }, tag: { kind: 'choice', options: ['none', 'star', 'cashCow'] } },
    minRows: 1,
    maxRows: 20,
  } as const;
  const labels = { name: 'Name', amount: 'Amount', share: 'Share (%)', fit: 'Strategic fit (1–5)', tag: 'Quadrant' };
  const choiceLabels = { tag: { none: '—', star: 'Star', cashCow: 'Cash Cow' } };

  it('writes numbers plain, text defused, choices as labels, with a header row', () => {
    const csv = rowsToCsv(table, [{ name: '=HYPERLINK("x")', amount: '-¥8,000', share: '12.5', fit: '3', tag: 'cashCow' }, { name: '-Brand', amount: 'oops', share: '', fit: '1.000', tag: 'none' }], labels, choiceLabels);
    expect(csv).toBe('Name,Amount,Share (%),Strategic fit (1–5),Quadrant\r\n"\'=HYPERLINK(""x"")",-8000,12.5,3,Cash Cow\r\n\'-Brand,oops,,1,—\r\n');
  });

  it('matches headers by key or label ignoring case, spacing and dash variants; choices by code or label', () => {
    const csv = 'NAME, amount ,share,strategic FIT (1-5),quadrant\nA,1,,3,cash cow\nB,2,5,4,cashCow\nC,3,,2,\n';
    const read = rowsFromCsv(csv, table, { name: ['Name'], amount: ['Amount'], share: ['Share (%)'], fit: ['Strategic fit (1–5)'], tag: ['Quadrant'] }, { tag: { cashCow: ['Cash Cow', '现金牛'], none: ['—'] } });
    expect(read).toEqual({
      ok: true,
      rows: [
        { name: 'A', amount: '1', share: '', fit: '3', tag: 'cashCow' },
        { name: 'B', amount: '2', share: '5', fit: '4', tag: 'cashCow' },
        { name: 'C', amount: '3', share: '', fit: '2', tag: 'none' },
      ],
      badCells: [],
    });
    expect(normaliseHeader('Strategic fit (1–5)')).toBe(normaliseHeader('strategic  fit(1-5)'));
  });

  it("brings back text that already looks defused (`'-`, `''=1`) as typed", () => {
    for (const text of ["'-", "''=1", "'@home", "-Brand", "'", "'x"]) expect(undefuse(defuse(text)), text).toBe(text);
  });

  it('imports its own export unchanged (property)', () => {
    const cell = fc.string({ unit: 'grapheme', maxLength: 20 }).map((s) => s.trim());
    fc.assert(
      fc.property(fc.array(fc.record({ name: cell, amount: fc.oneof(cell, fc.integer().map(String)), share: fc.oneof(cell, fc.constant('')), fit: fc.constantFrom('1', '2.5', '5', 'x'), tag: fc.constantFrom('none', 'star', 'cashCow') }), { minLength: 1, maxLength: 10 }), (rows) => {
        const csv = rowsToCsv(table, rows, labels, choiceLabels);
        const read = rowsFromCsv(csv, table, { name: ['Name'], amount: ['Amount'], share: ['Share (%)'], fit: ['Strategic fit (1–5)'], tag: ['Quadrant'] }, { tag: { none: ['—'], star: ['Star'], cashCow: ['Cash Cow'] } });
        expect(read.ok).toBe(true);
        if (!read.ok) return;
        // Same readings: numbers may be rewritten plainly (`-¥8,000` → -8000), text comes back as typed.
        expect(read.rows.map((r) => [r.name, r.tag])).toEqual(rows.map((r) => [r.name.trim(), r.tag]));
        expect(readRows(table, read.rows).map((r) => r.values)).toEqual(readRows(table, rows.map((r) => ({ ...r, name: r.name.trim() }))).map((r) => r.values));
      }),
    );
  });

  it('decodes UTF-8 and GB18030 (GBK) files, and refuses one that is neither', () => {
    expect(decodeCsvBytes(new TextEncoder().encode('名称,金额\n甲,1\n'))).toEqual({ ok: true, text: '名称,金额\n甲,1\n', encoding: 'utf-8' });
    // "名称,支出" in GBK.
    const gbk = Uint8Array.from([0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xd6, 0xa7, 0xb3, 0xf6]);
    expect(decodeCsvBytes(gbk)).toEqual({ ok: true, text: '名称,支出', encoding: 'gb18030' });
    expect(decodeCsvBytes(Uint8Array.from([0xff, 0xfe, 0x41, 0x00]))).toEqual({ ok: false });
    expect(decodeCsvBytes(Uint8Array.from([0x81, 0x20, 0xff, 0xff]))).toEqual({ ok: false });
  });
});

describe('currency marks typed with a number', () => {
  it.each([
    ['¥1,200', '¥', ['CNY', 'JPY']],
    ['US$ 99.9', 'US$', ['USD']],
    ['30元', '元', ['CNY']],
    ['€5', '€', ['EUR']],
    ['-$5', '$', ['USD']],
  ])('%s reports the mark %s (%j)', (raw, mark, currencies) => {
    const parsed = parseNumber(raw);
    expect(parsed.ok && parsed.currencyMark).toBe(mark);
    expect(currenciesOfMark(mark)).toEqual(currencies);
  });

  it('a plain number reports no mark', () => {
    const parsed = parseNumber('1,200');
    expect(parsed.ok && 'currencyMark' in parsed).toBe(false);
  });
});

describe('one minus sign', () => {
  it('negative figures use U+2212, never a hyphen', () => {
    const f = createFormatter('en', 'USD');
    expect(f.money(-5)).toBe('\u2212$5.00');
    expect(f.signed(-1.105)).toBe('\u22121.105');
    expect(f.signed(1.105)).toBe('+1.105');
    expect(f.signedMoney(300)).toBe('+$300.00');
    expect(f.percent(-0.1234)).toBe('\u221212.34%');
    expect(createFormatter('zh-CN', 'CNY').money(-5)).toBe('\u2212¥5.00');
  });
});
