import { describe, expect, it } from 'vitest';
import { defaultRfmRows, exampleRfmRows, rfmScorer, syntheticTransactions, type RfmColumns } from '~/lib/calculators/c08-1-rfm';
import {
  countDataLines,
  lightRun,
  guessSource,
  readRfmCsv,
  RFM_HEADER_SYNONYMS,
  rfmAliases,
  rfmDataCsv,
  scoreCsv,
  scoredCustomersCsv,
  type RfmValues,
} from '~/lib/calculators/c08-1-rfm-data';
import { parseCsv } from '~/lib/kit/csv';
import { readFields } from '~/lib/kit/fields';
import { readRows, type RawRow } from '~/lib/kit/rows';
import { normaliseHeader, rowsFromCsv } from '~/lib/kit/row-csv';
import { strings, tableImportAliases } from '~/i18n';

const en = strings.en.calculators['C08.1'];
const zh = strings['zh-CN'].calculators['C08.1'];
const aliases = rfmAliases(tableImportAliases('C08.1').columns);
const values = (fields: Record<string, string>): RfmValues => readFields(rfmScorer.fields, fields as typeof rfmScorer.defaults).values;
const direct = (fields: Record<string, string>, rows: RawRow<RfmColumns>[]) => rfmScorer.compute(values(fields), readRows(rfmScorer.table!, rows));

describe('C08.1 data: CSV in and out', () => {
  it('scores the sample and the worked example from their CSV exactly as from their rows', () => {
    for (const labels of [en.columns, zh.columns]) {
      const sample = scoreCsv(rfmDataCsv(defaultRfmRows, labels, 'transactions'), values(rfmScorer.defaults), aliases);
      expect(sample.importError).toBeNull();
      expect(sample.rowCount).toBe(defaultRfmRows.length);
      expect(sample.output).toEqual(direct(rfmScorer.defaults, defaultRfmRows));
      const example = scoreCsv(rfmDataCsv(exampleRfmRows, labels, 'customers'), values(rfmScorer.example), aliases);
      expect(example.output).toEqual(direct(rfmScorer.example, exampleRfmRows));
      expect(example.output!.results.customerCount).toBe(10);
    }
  });

  it('reads common export headers (customer_id, order date, revenue) and says which source a header looks like', () => {
    const text = 'customer_id;order date;revenue\nA;2026-06-01;10\nB;2026/5/3;20\nC;03.04.2026;30\nD;46000;40\nE;2026-01-02;-5\nE;2026-01-01;50\n';
    const run = scoreCsv(text, values(rfmScorer.defaults), aliases);
    expect(run.importError).toBeNull();
    expect(run.output!.results.customerCount).toBe(5);
    expect(run.output!.results.dateReadings).toEqual({ yearFirst: 4, dayFirst: 1, excelSerial: 1 });
    expect(guessSource(text, aliases)).toBe('transactions');
    expect(guessSource('Customer,Last purchase,Orders,Spend\n', aliases)).toBe('customers');
    expect(guessSource('客户,最后购买日期,订单数,消费额\n', aliases)).toBe('customers');
    expect(guessSource('"unclosed\n', aliases)).toBeNull();
  });

  it('refuses a CSV without a customer or amount column, with the missing column named', () => {
    const run = scoreCsv('name,when\nA,2026-01-01\n', values(rfmScorer.defaults), aliases);
    expect(run.output).toBeNull();
    expect(run.importError).toMatchObject({ code: 'csv.missingColumn' });
  });

  it('reads a CSV exactly as the kit’s rowsFromCsv then readRows would: cells, messages, bad cells, errors', () => {
    const text = [
      'Customer ID;Spend;Date;Notes',
      "'=1+1;1 200;2026-01-05;x",
      'B;12%;2026/3/5;y',
      'C;abc;;z',
      ' D ;-45;05.03.2026;',
      'B;1e15;46000;',
      ';10;2026-01-01;',
      'B;12%;2026/3/5;again',
    ].join('\n');
    const mine = readRfmCsv(text, aliases);
    const kit = rowsFromCsv(text, rfmScorer.table!, aliases);
    expect(mine.ok && kit.ok).toBe(true);
    if (!mine.ok || !kit.ok) return;
    expect(mine.reads).toEqual(readRows(rfmScorer.table!, kit.rows));
    expect(mine.badCells).toEqual(kit.badCells);
    expect(mine.badCells.length).toBeGreaterThan(1);
    for (const bad of ['a,b\n1,2\n', 'customer,amount\n"x,1\n', '']) {
      expect(readRfmCsv(bad, aliases)).toEqual({ ok: false, error: (rowsFromCsv(bad, rfmScorer.table!, aliases) as { error: unknown }).error });
    }
    const tooMany = `customer,amount\n${'A,1\n'.repeat(100_001)}`;
    expect(readRfmCsv(tooMany, aliases)).toEqual({ ok: false, error: { code: 'csv.tooManyRows', max: 100_000 } });
  });

  it('counts data lines without parsing: header and blank lines not counted, CRLF or LF', () => {
    expect(countDataLines('')).toBe(0);
    expect(countDataLines('a,b')).toBe(0);
    expect(countDataLines('a,b\r\n1,2\r\n\r\n3,4')).toBe(2);
    expect(countDataLines('a,b\n1,2\n  \n3,4\n')).toBe(2);
  });

  it('reports progress through reading, checking and scoring', () => {
    const phases: string[] = [];
    const text = rfmDataCsv(syntheticTransactions(25_000), en.columns, 'transactions');
    const run = scoreCsv(text, values(rfmScorer.defaults), aliases, (phase, fraction) => {
      expect(fraction).toBeGreaterThanOrEqual(0);
      expect(fraction).toBeLessThan(1);
      phases.push(phase);
    });
    expect(run.rowCount).toBe(25_000);
    expect(phases[0]).toBe('read');
    expect(phases.filter((p) => p === 'check')).toHaveLength(3);
    expect(phases.at(-1)).toBe('score');
  });

  it('exports every scored customer, defused against formulas, and the export reads back as the same customers table', () => {
    const rows: RawRow<RfmColumns>[] = [
      ...exampleRfmRows,
      { customer: '=HYPERLINK("http://x.test","click")', date: '2026-06-01', orders: '2', amount: '300' },
      { customer: '<img src=x onerror=alert(1)>', date: '2026-03-01', orders: '1', amount: '50' },
    ];
    const first = direct(rfmScorer.example, rows);
    const customers = first.results.customers!;
    for (const t of [en, zh]) {
      const csv = scoredCustomersCsv(customers, t.results, t.segments);
      const parsed = parseCsv(csv);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      expect(parsed.rows).toHaveLength(customers.length + 1);
      expect(parsed.rows[0]).toEqual([t.results.customer, t.results.lastPurchase, t.results.recencyDays, t.results.orders, t.results.spend, 'R', 'F', 'M', t.results.cell, t.results.total, t.results.segment]);
      expect(parsed.rows[1]).toEqual(['C01', '2026-06-25', '5', '12', '5200', '5', '5', '5', '555', '15', t.segments.champions]);
      expect(parsed.rows[11]![0]).toBe(`'=HYPERLINK("http://x.test","click")`);
      expect(parsed.rows[12]![0]).toBe('<img src=x onerror=alert(1)>');
      // Read back on either language's page: the same customers, scores and segments.
      const again = readRfmCsv(csv, aliases);
      expect(again.ok).toBe(true);
      const back = scoreCsv(csv, values(rfmScorer.example), aliases).output!.results.customers!;
      expect(back).toEqual(customers);
    }
  });

  it('makes a run light for the trip from the worker: the full list as CSV text, the first customers, the first bad cells', () => {
    const text = `customer,date,amount\n${Array.from({ length: 40 }, (_, i) => `K${i % 12},2026-0${1 + (i % 6)}-1${i % 9},${i % 7 === 0 ? 'x' : 10 + i}`).join('\n')}\n`;
    const run = scoreCsv(text, values(rfmScorer.defaults), aliases);
    expect(run.badCellCount).toBe(6);
    const light = lightRun(run, { headers: en.results, segments: en.segments }, 5);
    const customers = run.output!.results.customers!;
    expect(light.scoredCsv).toBe(scoredCustomersCsv(customers, en.results, en.segments));
    expect(light.output!.results.customers).toEqual(customers.slice(0, 5));
    expect(light.output!.results.customerCount).toBe(customers.length);
    expect(light.output!.issues).toEqual(run.output!.issues);
    expect(light.badCells).toEqual(run.badCells.slice(0, 3));
    expect(light.badCellCount).toBe(6);
  });

  it('accepts both languages’ export headers for the four input columns', () => {
    const known = (key: keyof typeof RFM_HEADER_SYNONYMS) => RFM_HEADER_SYNONYMS[key].map(normaliseHeader);
    for (const t of [en, zh]) {
      expect(known('customer')).toContain(normaliseHeader(t.results.customer));
      expect(known('date')).toContain(normaliseHeader(t.results.lastPurchase));
      expect(known('orders')).toContain(normaliseHeader(t.results.orders));
      expect(known('amount')).toContain(normaliseHeader(t.results.spend));
    }
  });
});
