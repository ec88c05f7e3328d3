import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addSilhouette,
  ALL_COLUMNS,
  analyse,
  CHAPTER_EXAMPLE_CSV,
  benchmarkKMeans,
  cluster,
  countDistinct,
  formatBaseOverrides,
  formatNameList,
  guessBase,
  kmeans,
  kmeansCalc,
  labelledRows,
  lloyd,
  mulberry32,
  parseBaseOverrides,
  parseNameList,
  prepare,
  readTable,
  runSeed,
  sampleRows,
  scatterPoints,
  seedCentres,
  silhouette,
  summarise,
  runFor,
  wcssOf,
  type Matrix,
  type SegmentOptions,
  type Table,
} from '~/lib/calculators/c03-3-kmeans';
import { toCsv } from '~/lib/kit/csv';
import { readFields } from '~/lib/kit/fields';
import { decodeState, encodeState } from '~/lib/kit/url-state';
import { strings } from '~/i18n';

// ------------------------------------------------------------------------------------------------
// Helpers

function table(csv: string): Table {
  const read = readTable(csv);
  if (!read.ok) throw new Error(`CSV did not parse: ${JSON.stringify(read.error)}`);
  return read.table;
}

const opts = (over: Partial<SegmentOptions> = {}): SegmentOptions => ({
  k: 2,
  seed: 42,
  standardize: false,
  columns: ALL_COLUMNS,
  filterColumn: null,
  filterValue: null,
  ...over,
});

const matrix = (rows: number[][]): Matrix => ({ n: rows.length, d: rows[0]?.length ?? 0, data: Float64Array.from(rows.flat()) });

/** Reference silhouette straight from the definition, O(n²) with no shortcuts, for checking the fast one. */
function naiveSilhouette(rows: number[][], labels: ArrayLike<number>): number {
  const dist = (a: number[], b: number[]) => Math.hypot(...a.map((v, i) => v - b[i]!));
  const clusters = [...new Set(Array.from(labels))];
  const s = rows.map((row, i) => {
    const own = rows.filter((_, j) => j !== i && labels[j] === labels[i]);
    if (own.length === 0) return 0;
    const a = own.reduce((sum, other) => sum + dist(row, other), 0) / own.length;
    const b = Math.min(
      ...clusters.filter((c) => c !== labels[i]).map((c) => {
        const members = rows.filter((_, j) => labels[j] === c);
        return members.reduce((sum, other) => sum + dist(row, other), 0) / members.length;
      }),
    );
    return Math.max(a, b) === 0 ? 0 : (b - a) / Math.max(a, b);
  });
  return s.reduce((x, y) => x + y, 0) / s.length;
}

/** Mean s(i) over group A's rows, from the definition, with B = the other rows of HAND_ROWS. */
function aMeanByDefinition(aRows: number[][]): number {
  const bRows = HAND_ROWS.filter((r) => !inA(r));
  const dist = (p: number[], q: number[]) => Math.hypot(p[0]! - q[0]!, p[1]! - q[1]!);
  const mean = (p: number[], set: number[][]) => set.reduce((sum, q) => sum + dist(p, q), 0) / set.length;
  const groupA = HAND_ROWS.filter(inA);
  const s = aRows.map((p) => {
    const a = mean(p, groupA.filter((q) => q !== p));
    const b = mean(p, bRows);
    return (b - a) / Math.max(a, b);
  });
  return s.reduce((x, y) => x + y, 0) / s.length;
}

// Two hand-checkable groups: A = four corners of a unit square at (1–2, 1–2);
// B = the square at (8–9, 8–9) plus (10, 10). Rows interleaved so B's first row comes second.
const HAND_ROWS = [
  [1, 1], [8, 8], [1, 2], [8, 9], [2, 1], [9, 8], [2, 2], [9, 9], [10, 10],
];
const HAND_CSV = 'id,x,y\n' + HAND_ROWS.map((r, i) => `r${i + 1},${r[0]},${r[1]}`).join('\n') + '\n';
const inA = (row: number[]) => row[0]! <= 2;

const sampleLabels = strings.en.calculators['C03.3'].sample;
const SAMPLE = table(toCsv(sampleRows(sampleLabels)));

// ------------------------------------------------------------------------------------------------

describe('C03.3 k-means: hand-checked dataset', () => {
  it('finds the two groups with the centroids, WCSS and numbering worked out by hand', () => {
    const { results: r, issues } = analyse(table(HAND_CSV), opts({ k: 2 }));
    expect(issues).toEqual([]);
    // Cluster 1 is the larger group B (5 rows), cluster 2 is A (4 rows): numbered by size.
    expect(r.clusters!.map((c) => c.size)).toEqual([5, 4]);
    HAND_ROWS.forEach((row, i) => expect(r.labels![i]).toBe(inA(row) ? 1 : 0));
    // Centroids: B = ((8+8+9+9+10)/5, (8+9+8+9+10)/5) = (8.8, 8.8); A = (1.5, 1.5).
    expect(r.clusters![0]!.centroid[0]).toBeCloseTo(8.8, 12);
    expect(r.clusters![0]!.centroid[1]).toBeCloseTo(8.8, 12);
    expect(r.clusters![1]!.centroid).toEqual([1.5, 1.5]);
    // WCSS: A = 4 × (0.5² + 0.5²) = 2; B = 1.28 + 0.68 + 0.68 + 0.08 + 2.88 = 5.6 → 7.6.
    expect(r.wcss).toBeCloseTo(7.6, 10);
    expect(r.clusters![0]!.share).toBeCloseTo(5 / 9, 12);
  });

  it('computes WCSS for k = 1 as the total sum of squares, and runs the elbow to ⌊9/3⌋ = 3', () => {
    const { results: r } = analyse(table(HAND_CSV), opts({ k: 2 }));
    // Σx = 50, Σx² = 400 → Σ(x − x̄)² = 400 − 50²/9 = 1100/9; the same for y → 2200/9.
    expect(r.elbow!.map((e) => e.k)).toEqual([1, 2, 3]);
    expect(r.elbow![0]!.wcss).toBeCloseTo(2200 / 9, 9);
    expect(r.elbow![0]!.silhouette).toBeNull();
    expect(r.elbow![1]!.wcss).toBeCloseTo(7.6, 10);
    expect(r.maxK).toBe(3);
  });

  it('matches the silhouette definition, including the hand value for the row (1, 1)', () => {
    const { results: r } = analyse(table(HAND_CSV), opts({ k: 2 }));
    // Row (1,1): a = (1 + 1 + √2)/3 to the rest of A; b = (√98 + 2√113 + √128 + √162)/5 to B.
    const a = (2 + Math.SQRT2) / 3;
    const b = (Math.sqrt(98) + 2 * Math.sqrt(113) + Math.sqrt(128) + Math.sqrt(162)) / 5;
    // a = 3.41421/3 = 1.13807; b = (9.89949 + 21.26029 + 11.31371 + 12.72792)/5 = 11.04028; s = 1 − a/b.
    const s11 = (b - a) / Math.max(a, b);
    expect(s11).toBeCloseTo(0.89692, 5);
    const m = matrix(HAND_ROWS);
    const sil = silhouette(m, r.labels!, 2)!;
    expect(sil.mean).toBeCloseTo(naiveSilhouette(HAND_ROWS, r.labels!), 12);
    expect(r.silhouette).toBeCloseTo(sil.mean, 12);
    expect(r.elbow![1]!.silhouette).toBeCloseTo(sil.mean, 12);
    // Cluster A's mean silhouette is the mean of s(i) over its four rows, (1,1)'s s11 among them.
    const aRows = HAND_ROWS.filter(inA);
    expect(aMeanByDefinition(aRows.slice(0, 1))).toBeCloseTo(s11, 12);
    expect(sil.byCluster[1]).toBeCloseTo(aMeanByDefinition(aRows), 12);
  });

  it('standardizes with the population SD: same groups, k = 1 WCSS = rows × columns', () => {
    const { results: r } = analyse(table(HAND_CSV), opts({ k: 2, standardize: true }));
    expect(r.clusters!.map((c) => c.size)).toEqual([5, 4]);
    // Σ z² over a column = n when σ is the population SD, so WCSS(k=1) = 9 × 2 = 18.
    expect(r.elbow![0]!.wcss).toBeCloseTo(18, 9);
    // μ = 50/9; σ = √((1100/9)/9) (population).
    expect(r.means![0]).toBeCloseTo(50 / 9, 12);
    expect(r.sds![0]).toBeCloseTo(Math.sqrt(1100 / 81), 12);
    // Centroids are still reported in original units.
    expect(r.clusters![1]!.centroid).toEqual([1.5, 1.5]);
  });

  it('profiles each cluster by variables more than 0.5 SD from the mean', () => {
    const { results: r } = analyse(table(HAND_CSV), opts({ k: 2, standardize: true }));
    // B's centroid 8.8 vs mean 5.556, σ = 3.686 → z = +0.88 on x and y; A's 1.5 → z = −1.10.
    const [b, a] = r.clusters!;
    expect(b!.profile.map((p) => [p.column, p.direction])).toEqual([['x', 'above'], ['y', 'above']]);
    expect(b!.profile[0]!.z).toBeCloseTo((8.8 - 50 / 9) / Math.sqrt(1100 / 81), 12);
    expect(a!.profile.every((p) => p.direction === 'below')).toBe(true);
  });

  it('puts a value exactly 0.5 SD from the mean outside the profile (the rule is strictly "more than")', () => {
    // Column v = [0, 2] × 2 and [1] × … : build rows so one cluster's centroid is exactly μ + 0.5σ.
    // v: 0,0,2,2 → μ = 1, σ = 1. Cluster {2, 2, 0…}? Simpler: check through summarise with fixed labels.
    const t = table('v,w\n0,0\n0,0\n2,0\n2,0\n1.5,5\n0.5,5\n');
    const prepared = prepare(t, opts({ standardize: false }));
    // μ_v = 1, σ_v = √((1+1+1+1+0.25+0.25)/6) = √0.75; give cluster 2 the rows 1.5 and 0.5 (mean 1: z = 0).
    const labels = Int32Array.from([0, 0, 0, 0, 1, 1]);
    const run = { n: 6, maxK: 2, distinct: 4, elbow: [], chosen: { k: 2, labels, centres: new Float64Array(4), sizes: [4, 2], wcss: 0, iterations: 1, converged: true, history: [0], reseeded: 0, seedRows: [0, 4] }, silhouette: null, silhouetteDone: true, issues: [] };
    const { results } = summarise(prepared, run);
    expect(results.clusters![1]!.profile.find((p) => p.column === 'v')).toBeUndefined();
    // w: μ = 10/6, σ = √(Σ(w − μ)²/6) = √(50/9); cluster 1 mean 0 → z = −(5/3)/√(50/9) = −0.7071.
    expect(results.clusters![0]!.profile.find((p) => p.column === 'w')!.z).toBeCloseTo(-0.7071, 4);
  });
});

describe('C03.3 k-means: seeding and reproducibility', () => {
  it('mulberry32 is a fixed stream: same seed, same numbers, all in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32(43)()).not.toBe(xs[0]);
    expect(runSeed(42, 3)).not.toBe(runSeed(42, 4));
  });

  it('gives identical labels for the same seed, run after run', () => {
    const first = analyse(SAMPLE, opts({ k: 4, standardize: true }));
    const second = analyse(SAMPLE, opts({ k: 4, standardize: true }));
    expect(Array.from(second.results.labels!)).toEqual(Array.from(first.results.labels!));
    expect(second.results.wcss).toBe(first.results.wcss);
    expect(second.results.elbow).toEqual(first.results.elbow);
  });

  it('the chosen k is the elbow run for that k (seeded from seed and k, not from the order of runs)', () => {
    const m = prepare(SAMPLE, opts({ standardize: true })).matrix;
    const direct = kmeans(m, 4, runSeed(42, 4))!;
    const run = cluster(m, { k: 4, seed: 42 });
    expect(run.chosen!.wcss).toBe(direct.wcss);
    expect(Array.from(run.chosen!.labels)).toEqual(Array.from(direct.labels));
    expect(run.elbow[3]!.wcss).toBe(direct.wcss);
  });

  it('k-means++ picks distinct rows and the first from the uniform draw', () => {
    const m = matrix(HAND_ROWS);
    const rows = seedCentres(m, 3, mulberry32(7))!;
    expect(new Set(rows).size).toBe(3);
    expect(rows[0]).toBe(Math.floor(mulberry32(7)() * 9));
  });

  it('the worked example is chapter 3\'s: 12 customers, k = 3 → 5 / 4 / 3, WCSS 36.00, 15.04, 2.54, 1.19, silhouette 0.76', () => {
    const raw = readFields(kmeansCalc.fields, kmeansCalc.example);
    const { results: o } = kmeansCalc.compute(raw.values, []);
    const t = readTable(CHAPTER_EXAMPLE_CSV);
    if (!t.ok) throw new Error('the chapter data must read');
    const { results: r, issues } = analyse(t.table, o.options!);
    expect(issues).toEqual([]);
    expect(r.clusters!.map((c) => c.size)).toEqual([5, 4, 3]);
    expect(r.clusters!.map((c) => c.centroid.map((v) => v.toFixed(1)))).toEqual([
      ['31.8', '2440.0', '8.4'],
      ['22.8', '487.5', '3.0'],
      ['48.0', '1333.3', '2.3'],
    ]);
    expect(r.elbow!.map((e) => e.wcss.toFixed(2))).toEqual(['36.00', '15.04', '2.54', '1.19']);
    expect(r.silhouette!.toFixed(2)).toBe('0.76');
  });

  it('reproduces the sample data set (our illustrative test vector for the defaults)', () => {
    // There is no methodology worked example for C03.3; the sample (200 invented customers in four
    // segments of 60/50/50/40) with k = 4, seed 42, standardized, is pinned here instead.
    const raw = readFields(kmeansCalc.fields, kmeansCalc.defaults);
    const { results: o } = kmeansCalc.compute(raw.values, []);
    expect(o.options).toEqual({ k: 4, seed: 42, standardize: true, columns: ALL_COLUMNS, filterColumn: null, filterValue: null });
    const { results: r, issues } = analyse(SAMPLE, o.options!);
    expect(issues).toEqual([]);
    expect(r.rowsRead).toBe(200);
    expect(r.columns).toHaveLength(7);
    expect(r.clusters!.map((c) => c.size)).toEqual([60, 50, 50, 40]);
    expect(r.wcss!.toFixed(2)).toBe('197.68');
    expect(r.silhouette!.toFixed(3)).toBe('0.555');
    // The elbow bends at 4 and the silhouette is highest there.
    const sil = r.elbow!.map((e) => e.silhouette ?? -1);
    expect(sil.indexOf(Math.max(...sil)) + 1).toBe(4);
    expect(r.elbow![0]!.wcss).toBeCloseTo(200 * 7, 9);
    expect(kmeansCalc.example).not.toEqual(kmeansCalc.defaults);
  });

  it('builds the sample in Chinese with the same numbers', () => {
    const zh = table(toCsv(sampleRows(strings['zh-CN'].calculators['C03.3'].sample)));
    expect(zh.header[2]).toBe('年龄');
    expect(zh.rows.map((row) => row.slice(2))).toEqual(SAMPLE.rows.map((row) => row.slice(2)));
    expect(zh.columns.map((c) => c.base)).toEqual(SAMPLE.columns.map((c) => c.base));
  });

  it('writes the sample as the island does (a line per row with formatNameList), exactly as toCsv would', () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const rows = sampleRows(strings[locale].calculators['C03.3'].sample);
      expect(`${rows.map(formatNameList).join('\r\n')}\r\n`).toBe(toCsv(rows));
    }
  });
});

describe('C03.3 k-means: guards', () => {
  it('refuses k when rows < 3k and runs the elbow only to ⌊rows/3⌋', () => {
    const eight = 'x,y\n' + HAND_ROWS.slice(0, 8).map((r) => r.join(',')).join('\n');
    const { results: r, issues } = analyse(table(eight), opts({ k: 3 }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c03_3.tooFewRows', field: 'k', params: { rows: 8, k: 3, needed: 9, maxK: 2 } }));
    expect(r.elbow!.map((e) => e.k)).toEqual([1, 2]);
    // The elbow still shows the silhouette of the k values that fit, to help choose one.
    expect(r.elbow![1]!.silhouette).toBeGreaterThan(0);
    expect(r.clusters).toBeUndefined();
    expect(r.wcss).toBeUndefined();
    expect(r.silhouette).toBeUndefined();
    expect(r.rowsUsed).toBe(8);
  });

  it('refuses k above the number of distinct points', () => {
    const csv = 'x,y\n' + ['0,0', '0,0', '0,0', '0,0', '0,0', '1,1', '1,1', '1,1', '1,1'].join('\n');
    const t = table(csv);
    const m = prepare(t, opts()).matrix;
    expect(countDistinct(m)).toBe(2);
    expect(kmeans(m, 3, 1)).toBeNull();
    const { results: r, issues } = analyse(t, opts({ k: 3 }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c03_3.fewDistinct', field: 'k', params: { distinct: 2, k: 3 } }));
    expect(r.elbow!.map((e) => e.k)).toEqual([1, 2]);
    expect(r.clusters).toBeUndefined();
    // k = 2 on the same data works: the two points, WCSS 0, silhouette 1.
    const two = analyse(t, opts({ k: 2 })).results;
    expect(two.clusters!.map((c) => c.size)).toEqual([5, 4]);
    expect(two.wcss).toBe(0);
    expect(two.silhouette).toBe(1);
  });

  it('drops a constant column when standardizing, and says so', () => {
    const csv = 'x,flat,y\n' + HAND_ROWS.map((r) => `${r[0]},5,${r[1]}`).join('\n');
    const { results: r, issues } = analyse(table(csv), opts({ standardize: true }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c03_3.constantColumn', params: { column: 'flat' } }));
    expect(r.columns).toEqual(['x', 'y']);
    expect(r.clusters!.map((c) => c.size)).toEqual([5, 4]);
    // Without standardization the constant column is harmless and kept (no σ division).
    const raw = analyse(table(csv), opts({ standardize: false }));
    expect(raw.results.columns).toEqual(['x', 'flat', 'y']);
    expect(raw.issues).toEqual([]);
    expect(raw.results.clusters![0]!.centroid[1]).toBe(5);
  });

  it('treats exactly equal values as constant even when float rounding makes σ a hair above 0', () => {
    const csv = 'x,c\n' + ['1', '2', '3', '4', '5', '6'].map((x) => `${x},0.1`).join('\n');
    const { issues } = analyse(table(csv), opts({ standardize: true }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c03_3.constantColumn', params: { column: 'c' } }));
  });

  it('reports an error when every chosen column is constant', () => {
    const csv = 'a,b\n' + Array.from({ length: 6 }, () => '3,4').join('\n');
    const { results, issues } = analyse(table(csv), opts({ standardize: true }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c03_3.allConstant', severity: 'error' }));
    expect(results.elbow).toBeUndefined();
  });

  it('rejects a row with a non-numeric cell, naming its row and column, and keeps the others', () => {
    const csv = 'id,x,y\n' + HAND_ROWS.map((r, i) => `r${i},${i === 3 ? 'abc' : r[0]},${i === 6 ? '' : r[1]}`).join('\n') + '\nr9,3,3\n';
    const t = table(csv);
    const { results: r, issues } = analyse(t, opts({ k: 2 }));
    // Data row 3 is spreadsheet row 5 (header = row 1).
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c03_3.badCell', row: 3, column: 'x', params: { row: 5, column: 'x', reason: 'parse.notANumber' } }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c03_3.badCell', row: 6, column: 'y', params: { row: 8, column: 'y', reason: 'parse.empty' } }));
    expect(r.rowsRead).toBe(10);
    expect(r.rowsRejected).toBe(2);
    expect(r.rowsUsed).toBe(8);
    expect(r.clusters).toBeDefined();
    // The export keeps every row; rejected rows have an empty cluster.
    const rows = labelledRows(t, r.rowIndex!, r.labels!, 'cluster');
    expect(rows[0]).toEqual(['id', 'x', 'y', 'cluster']);
    expect(rows).toHaveLength(11);
    expect(rows[4]![3]).toBe('');
    expect(rows[7]![3]).toBe('');
    expect(rows[1]![3]).toMatch(/^[12]$/);
  });

  it('reports the first ten rejected rows one by one and counts the rest', () => {
    const csv = 'x\n' + Array.from({ length: 30 }, (_, i) => (i < 14 ? 'n/a' : String(i))).join('\n');
    const { issues, results } = analyse(table(csv), opts({ k: 2 }));
    expect(issues.filter((i) => i.code === 'c03_3.badCell')).toHaveLength(10);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c03_3.moreRejected', params: { count: 4 } }));
    expect(results.rowsUsed).toBe(16);
  });

  it('reads numbers the way the kit does (grouping, full-width digits, currency) but refuses percentages in data cells', () => {
    const t = table('v\n"1,000.5"\n１２３\n¥30\n12%\n');
    const values = Array.from(t.columns[0]!.values!);
    expect(values.slice(0, 3)).toEqual([1000.5, 123, 30]);
    expect(values[3]).toBeNaN();
  });

  it('reports a malformed CSV with its row and column', () => {
    expect(readTable('a,b\n1,2\n3,"4\n')).toEqual({ ok: false, error: { code: 'csv.unclosedQuote', row: 3, column: 2 } });
    expect(readTable('a,b\n1,2\n3,4,5\n')).toEqual({ ok: false, error: { code: 'csv.columnCount', row: 3, expected: 2, found: 3 } });
    expect(readTable('a,b\n1,x"y\n')).toEqual({ ok: false, error: { code: 'csv.quoteInField', row: 2, column: 2 } });
    expect(readTable('')).toEqual({ ok: false, error: { code: 'csv.empty' } });
    expect(readTable('a,b\n')).toEqual({ ok: false, error: { code: 'c03_3.noDataRows' } });
  });

  it('explains when there is nothing numeric, nothing chosen, or an unknown column', () => {
    const words = analyse(table('name,city\nA,X\nB,Y\nC,Z\n'), opts());
    expect(words.issues).toContainEqual(expect.objectContaining({ code: 'c03_3.noNumericColumns', severity: 'error' }));
    const none = analyse(table(HAND_CSV), opts({ columns: [] }));
    expect(none.issues).toContainEqual(expect.objectContaining({ code: 'c03_3.noColumns', field: 'columns' }));
    const unknown = analyse(table(HAND_CSV), opts({ columns: ['x', 'nope', 'id'] }));
    expect(unknown.issues).toContainEqual(expect.objectContaining({ code: 'c03_3.unknownColumn', params: { column: 'nope' } }));
    expect(unknown.issues).toContainEqual(expect.objectContaining({ code: 'c03_3.notNumericColumn', params: { column: 'id' } }));
    expect(unknown.results.columns).toEqual(['x']);
    expect(unknown.results.clusters).toBeDefined();
  });

  it('filters rows by a category column before clustering', () => {
    const region = sampleLabels.columns.region;
    const { results: r } = analyse(SAMPLE, opts({ k: 3, standardize: true, filterColumn: region, filterValue: 'North' }));
    const north = SAMPLE.rows.filter((row) => row[1] === 'North').length;
    expect(r.rowsUsed).toBe(north);
    expect(r.rowsFiltered).toBe(200 - north);
    expect(r.clusters!.reduce((s, c) => s + c.size, 0)).toBe(north);
    const empty = analyse(SAMPLE, opts({ filterColumn: region, filterValue: 'Atlantis' }));
    expect(empty.issues).toContainEqual(expect.objectContaining({ code: 'c03_3.filterNoRows', field: 'filterValue' }));
    expect(SAMPLE.columns[1]!.categories.sort()).toEqual(['East', 'North', 'South', 'West']);
  });

  it('re-seeds an empty cluster with the row farthest from its centre', () => {
    // Start with a centre far from every row: it gets no rows in the first assignment.
    const m = matrix(HAND_ROWS);
    const start = Float64Array.from([1.5, 1.5, 8.5, 8.5, 100, 100]);
    const run = lloyd(m, start);
    expect(run.reseeded).toBeGreaterThanOrEqual(1);
    expect(run.sizes.every((s) => s > 0)).toBe(true);
    // The farthest row from its centre in the first pass is (10, 10) (D² = 2 × 1.5² = 4.5).
    const tenTen = 8;
    expect(run.sizes).toContain(1);
    expect(run.sizes.reduce((a, b) => a + b, 0)).toBe(9);
    expect(run.history.every((w, i) => i === 0 || w <= run.history[i - 1]! + 1e-9)).toBe(true);
    expect(run.labels[tenTen]).toBe(run.sizes.indexOf(1));
  });

  it('stops after the iteration limit and says so', () => {
    const m = prepare(SAMPLE, opts({ standardize: true })).matrix;
    const run = kmeans(m, 4, runSeed(5, 4), 1)!;
    expect(run.iterations).toBe(1);
    expect(run.converged).toBe(false);
    const full = cluster(m, { k: 4, seed: 5, maxIterations: 1 });
    expect(full.issues).toContainEqual(expect.objectContaining({ code: 'c03_3.notConverged', params: { iterations: 1 } }));
  });

  it('handles fewer than three rows without a run', () => {
    const { results, issues } = analyse(table('x\n1\n2\n'), opts({ k: 2 }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c03_3.tooFewRows', params: { rows: 2, k: 2, needed: 6, maxK: 0 } }));
    expect(results.elbow).toEqual([]);
  });
});

describe('C03.3 k-means: silhouette modes, worker split, export and chart helpers', () => {
  it('computes the silhouette for every k on small data and for the chosen k only when asked', () => {
    const m = prepare(SAMPLE, opts({ standardize: true })).matrix;
    const all = cluster(m, { k: 4, seed: 42, silhouette: 'all' });
    const chosen = cluster(m, { k: 4, seed: 42, silhouette: 'chosen' });
    expect(all.elbow.filter((e) => e.silhouette !== null).map((e) => e.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(chosen.elbow.filter((e) => e.silhouette !== null).map((e) => e.k)).toEqual([4]);
    expect(chosen.issues).toContainEqual(expect.objectContaining({ code: 'c03_3.silhouetteChosenOnly' }));
    expect(chosen.silhouette!.mean).toBe(all.silhouette!.mean);
  });

  it('the worker path (clusters first, silhouette after) ends with the same numbers as the page path', () => {
    const m = prepare(SAMPLE, opts({ standardize: true })).matrix;
    const progress: number[] = [];
    const first = cluster(m, { k: 4, seed: 42, silhouette: 'none' }, (p) => progress.push(p.fraction));
    expect(first.silhouetteDone).toBe(false);
    expect(first.silhouette).toBeNull();
    const done = addSilhouette(m, first, (f) => progress.push(f));
    const page = cluster(m, { k: 4, seed: 42, silhouette: 'chosen' });
    expect(done.silhouette!.mean).toBe(page.silhouette!.mean);
    expect(done.elbow[3]!.silhouette).toBe(page.silhouette!.mean);
    expect(progress.every((f) => f >= 0 && f <= 1)).toBe(true);
  });

  it('reports progress that never goes backwards within a phase and ends at 1', () => {
    const m = prepare(SAMPLE, opts({ standardize: true })).matrix;
    const seen: { phase: string; fraction: number }[] = [];
    cluster(m, { k: 4, seed: 42 }, (p) => seen.push(p));
    const fractions = seen.map((p) => p.fraction);
    expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1]! - 1e-12)).toBe(true);
    expect(fractions[fractions.length - 1]).toBe(1);
  });

  it('thins scatter points evenly to the limit and keeps them per cluster', () => {
    const prepared = prepare(SAMPLE, opts({ standardize: true }));
    const run = runFor(prepared, { k: 4, seed: 42 })!;
    const pts = scatterPoints(prepared, run.chosen!.labels, 4, 0, 1, 50);
    expect(pts.total).toBe(200);
    expect(pts.shown).toBe(50);
    expect(pts.points.flat()).toHaveLength(50);
    expect(pts.points[0]![0]).toEqual({ x: prepared.original[0], y: prepared.original[1] });
  });

  it('exports every data row with the cluster number (1 = largest)', () => {
    const t = table(HAND_CSV);
    const { results: r } = analyse(t, opts({ k: 2 }));
    const rows = labelledRows(t, r.rowIndex!, r.labels!, 'cluster');
    expect(rows.slice(1).map((row) => row[3])).toEqual(HAND_ROWS.map((row) => (inA(row) ? '2' : '1')));
    expect(toCsv(rows).split('\r\n')[1]).toBe('r1,1,1,2');
  });

  it('runs the benchmark helper without a DOM', () => {
    const b = benchmarkKMeans(300, { columns: 6 });
    expect(b.rows).toBe(300);
    expect(b.columns).toBe(6);
    for (const ms of [b.kmeansMs, b.elbowMs, b.silhouetteMs!]) expect(Number.isFinite(ms) && ms >= 0).toBe(true);
    expect(b.silhouette!).toBeGreaterThan(0);
    expect(benchmarkKMeans(300, { silhouette: false }).silhouetteMs).toBeNull();
  });
});

describe('C03.3 k-means: fields, links and column lists', () => {
  it('keeps column names with commas and quotes intact through the link field', () => {
    const names = ['age', 'income, k', 'say "hi"', '=sum', ' spaced '];
    const text = formatNameList(names);
    expect(parseNameList(text)).toEqual(['age', 'income, k', 'say "hi"', '=sum', 'spaced']);
    expect(parseNameList('')).toEqual([]);
    const overrides = new Map([['age', 'geographic' as const], ['a,b', 'psychographic' as const]]);
    expect(parseBaseOverrides(formatBaseOverrides(overrides))).toEqual(overrides);
    expect(parseBaseOverrides('x:age,q:nope')).toEqual(new Map());
  });

  it('carries a long column list in the link (text fields may be longer than 64 characters)', () => {
    const columns = formatNameList(['visits_per_month', 'average_basket_value', 'online_share_percent', 'loyalty_years']);
    expect(columns.length).toBeGreaterThan(64);
    const raw = { ...kmeansCalc.defaults, columns, k: '5' };
    const params = encodeState('C03.3', kmeansCalc.fields, raw, kmeansCalc.defaults, new URLSearchParams());
    expect(params.get('C03.3.data')).toBeNull();
    const decoded = decodeState('C03.3', kmeansCalc.fields, params);
    expect(decoded.ignored).toEqual([]);
    expect(decoded.raw).toEqual({ columns, k: '5' });
    // The data never travels in the link: the calculator has no data field at all.
    expect(Object.keys(kmeansCalc.fields)).not.toContain('data');
    const tooLong = new URLSearchParams({ 'C03.3.columns': 'x'.repeat(1001), 'C03.3.k': '9' });
    expect(decodeState('C03.3', kmeansCalc.fields, tooLong).ignored.sort()).toEqual(['columns', 'k']);
  });

  it('refuses an invalid k or seed as a field error and runs nothing', () => {
    const read = readFields(kmeansCalc.fields, { ...kmeansCalc.defaults, k: '9', seed: '-1' });
    expect(read.errors.k).toEqual({ code: 'parse.unknownChoice' });
    expect(read.errors.seed).toEqual(expect.objectContaining({ code: 'range.min' }));
    expect(kmeansCalc.compute(read.values, []).results.options).toBeUndefined();
  });

  it('guesses the segmentation base from English and Chinese headers', () => {
    expect(guessBase('region')).toBe('geographic');
    expect(guessBase('城市')).toBe('geographic');
    expect(guessBase('age')).toBe('demographic');
    expect(guessBase('Age (years)')).toBe('demographic');
    expect(guessBase('average_spend')).toBe('behavioural');
    expect(guessBase('年收入_千元')).toBe('demographic');
    expect(guessBase('eco_attitude')).toBe('psychographic');
    expect(guessBase('价格敏感度')).toBe('psychographic');
    expect(guessBase('orders_per_year')).toBe('behavioural');
    expect(guessBase('客单价')).toBe('behavioural');
    expect(guessBase('xyz')).toBe('behavioural');
  });

  it('has every message code it can raise in both languages', () => {
    const codes = [
      'noDataRows', 'tooManyColumns', 'noNumericColumns', 'noColumns', 'unknownColumn', 'notNumericColumn', 'constantColumn',
      'allConstant', 'badCell', 'moreRejected', 'filterNoRows', 'tooFewRows', 'fewDistinct', 'notConverged', 'reseeded',
      'silhouetteChosenOnly', 'fileTooLarge', 'fileUnreadable', 'workerFailed',
    ].map((c) => `c03_3.${c}`);
    for (const locale of ['en', 'zh-CN'] as const) {
      for (const code of codes) expect(strings[locale].messages, `${locale} ${code}`).toHaveProperty([code]);
    }
  });
});

// ------------------------------------------------------------------------------------------------
// Property tests

/** Small integer data sets, so duplicate rows and ties are common. */
const dataSet = fc
  .record({ n: fc.integer({ min: 1, max: 40 }), d: fc.integer({ min: 1, max: 3 }) })
  .chain(({ n, d }) => fc.array(fc.array(fc.integer({ min: -4, max: 4 }), { minLength: d, maxLength: d }), { minLength: n, maxLength: n }));

describe('C03.3 k-means: properties', () => {
  it('no cluster is ever empty, labels are 0…k−1, WCSS never rises across Lloyd iterations', () => {
    fc.assert(
      fc.property(dataSet, fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 0xffffffff }), (rows, k, seed) => {
        const m = matrix(rows);
        const run = kmeans(m, k, seed);
        if (!run) {
          expect(k > m.n || countDistinct(m) < k).toBe(true);
          return;
        }
        expect(run.labels).toHaveLength(m.n);
        const counts = new Array(k).fill(0);
        for (const label of run.labels) {
          expect(Number.isInteger(label) && label >= 0 && label < k).toBe(true);
          counts[label]++;
        }
        expect(counts).toEqual(run.sizes);
        expect(run.sizes.every((s) => s > 0)).toBe(true);
        expect(run.sizes.every((s, i) => i === 0 || s <= run.sizes[i - 1]!)).toBe(true);
        run.history.forEach((w, i) => {
          expect(Number.isFinite(w) && w >= 0).toBe(true);
          if (i > 0) expect(w).toBeLessThanOrEqual(run.history[i - 1]! * (1 + 1e-12) + 1e-9);
        });
        expect(run.wcss).toBeCloseTo(wcssOf(m, run.labels, run.centres), 9);
        // Same seed, same result.
        expect(Array.from(kmeans(m, k, seed)!.labels)).toEqual(Array.from(run.labels));
      }),
      { numRuns: 300 },
    );
  });

  it('Lloyd from arbitrary starting centres (empty clusters included) keeps every cluster non-empty and WCSS falling', () => {
    fc.assert(
      fc.property(dataSet, fc.integer({ min: 1, max: 5 }), fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 15, maxLength: 15 }), (rows, k, starts) => {
        const m = matrix(rows);
        if (countDistinct(m) < k) return;
        const centres = Float64Array.from(starts.slice(0, k * m.d));
        const run = lloyd(m, centres);
        expect(run.sizes.every((s) => s > 0)).toBe(true);
        expect(Array.from(run.labels).every((l) => l >= 0 && l < k)).toBe(true);
        run.history.forEach((w, i) => {
          if (i > 0) expect(w).toBeLessThanOrEqual(run.history[i - 1]! * (1 + 1e-12) + 1e-9);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('the fast silhouette equals the definition and lies in [−1, 1]', () => {
    fc.assert(
      fc.property(dataSet, fc.integer({ min: 2, max: 4 }), fc.integer({ min: 0, max: 1000 }), (rows, k, seed) => {
        const m = matrix(rows);
        const run = kmeans(m, k, seed);
        if (!run) return;
        const s = silhouette(m, run.labels, k)!;
        expect(s.mean).toBeGreaterThanOrEqual(-1);
        expect(s.mean).toBeLessThanOrEqual(1);
        expect(s.mean).toBeCloseTo(naiveSilhouette(rows, run.labels), 9);
      }),
      { numRuns: 150 },
    );
  });

  it('random text in cells never throws: every row is used, rejected or filtered, and results stay finite', () => {
    const cell = fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: -100, max: 100 }).map(String), fc.double({ noNaN: true, min: -1e6, max: 1e6 }).map(String));
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 30 }), fc.integer({ min: 2, max: 8 }), fc.boolean(), (cells, k, standardize) => {
        const csv = toCsv([['a', 'b', 'c'], ...cells.map((row) => [...row])]);
        const read = readTable(csv);
        if (!read.ok) return; // a malformed CSV is reported by readTable, with row and column
        const { results: r, issues } = analyse(read.table, opts({ k, standardize }));
        expect(issues.every((i) => typeof i.code === 'string' && i.code.length > 0)).toBe(true);
        if (r.rowsUsed !== undefined) expect(r.rowsUsed + r.rowsRejected! + r.rowsFiltered!).toBe(r.rowsRead);
        if (r.wcss !== undefined) expect(Number.isFinite(r.wcss)).toBe(true);
        for (const c of r.clusters ?? []) expect(c.centroid.every(Number.isFinite)).toBe(true);
        for (const e of r.elbow ?? []) expect(Number.isFinite(e.wcss)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('random strings in any field give a field error or are read, never an exception', () => {
    const keys = Object.keys(kmeansCalc.fields) as (keyof typeof kmeansCalc.fields)[];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.string({ maxLength: 80 }), (key, text) => {
        const read = readFields(kmeansCalc.fields, { ...kmeansCalc.defaults, [key]: text });
        const { results } = kmeansCalc.compute(read.values, []);
        if (results.options) analyse(SAMPLE, { ...results.options, k: Math.min(results.options.k, 3) });
        expect(read.errors[key] !== undefined || read.values[key] !== undefined).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
