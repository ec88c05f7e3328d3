/**
 * C03.3 Data-driven segmentation: k-means clustering of a pasted or uploaded CSV
 * (methodology chapter 3.1, "segmentation criteria and methods").
 *
 * Pure and DOM-free, so the same code runs on the page (small data, server rendering), in the
 * Web Worker (large data) and in Node (tests, benchmark). Pipeline:
 *
 *   readTable(csv text)            header, rows, which columns are numeric, parsed once
 *   prepare(table, options)        filter, reject rows with non-numeric cells, z-scores, drop σ = 0
 *   cluster(matrix, options)       elbow k = 1…min(8, ⌊n/3⌋, distinct points), chosen k, silhouette
 *   summarise(prepared, run)       sizes, shares, centroids in original units, profiles
 *
 * Variant (stated on screen): one k-means++ run per k; the pseudo-random stream of each run is
 * mulberry32 seeded from (seed, k), so the run for k = 4 is the same whether or not the elbow
 * was computed, and the same seed always gives the same labels. Lloyd iterations assign each row
 * to the nearest centre (Euclidean, ties to the lower-numbered centre) and stop when no label
 * changes or after 100 iterations. Clusters are then numbered by size, largest first (equal
 * sizes: the cluster holding the earliest row first). The silhouette is exact (every pair of
 * rows): the methodology defines it as the mean of s(i) over all rows, so no sampling is used;
 * for more than SILHOUETTE_ALL_K_MAX_ROWS rows it is computed for the chosen k only.
 */
import { defineCalculator, round9, type Issue } from '../kit/calculator';
import { parseCsv, parseCsvSteps, runSteps, type CsvError, type Steps } from '../kit/csv-parse';
import { readNumericField, type Message, type NumericFieldSpec } from '../kit/fields';
import type { CalcOutput } from '../kit/calculator';

// ---------------------------------------------------------------------------------------------
// Constants

export const K_OPTIONS = ['2', '3', '4', '5', '6', '7', '8'] as const;
export const STANDARDIZE_OPTIONS = ['on', 'off'] as const;
export type StandardizeChoice = (typeof STANDARDIZE_OPTIONS)[number];
/** The seed's four segmentation bases (3.1); every numeric column belongs to one. */
export const BASES = ['geographic', 'demographic', 'psychographic', 'behavioural'] as const;
export type Base = (typeof BASES)[number];

/** The elbow runs k = 1…ELBOW_MAX_K (fewer when rows or distinct points run short). */
export const ELBOW_MAX_K = 8;
export const MAX_ITERATIONS = 100;
/** Rows per cluster the methodology requires: k needs at least 3k rows. */
export const ROWS_PER_CLUSTER = 3;
/** Largest data set accepted (data rows, header excluded). */
export const MAX_DATA_ROWS = 50_000;
export const MAX_COLUMNS = 200;
/** A variable is part of a cluster's profile when its centroid is more than this many SD from the mean. */
export const PROFILE_CUTOFF_SD = 0.5;
/** Above this many rows the silhouette is computed for the chosen k only (it costs n²/2 distances per k). */
export const SILHOUETTE_ALL_K_MAX_ROWS = 5_000;
/** Rejected rows reported one by one; the rest are counted. */
export const MAX_REPORTED_ROWS = 10;
/** `columns` field value meaning "every numeric column". */
export const ALL_COLUMNS = '*';
/** Category values offered for the filter column (a column with more is not offered). */
export const MAX_FILTER_CATEGORIES = 60;

// ---------------------------------------------------------------------------------------------
// Seeded pseudo-random numbers

/** mulberry32: a small, fast 32-bit generator; same seed, same stream, on every JS engine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed of the run for `k`: the user's seed mixed with k (murmur3 finaliser). */
export function runSeed(seed: number, k: number): number {
  let h = (seed >>> 0) ^ Math.imul(k + 1, 0x9e3779b9);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Matrices and k-means

/** n rows × d columns, row-major. */
export interface Matrix {
  n: number;
  d: number;
  data: Float64Array;
}

function dist2(a: Float64Array, i: number, b: Float64Array, j: number, d: number): number {
  let s = 0;
  for (let c = 0; c < d; c++) {
    const diff = a[i + c]! - b[j + c]!;
    s += diff * diff;
  }
  return s;
}

/** Number of distinct rows, counted up to `limit` + 1 (enough to know whether k fits). */
export function countDistinct(m: Matrix, limit = ELBOW_MAX_K): number {
  const seen = new Set<string>();
  for (let i = 0; i < m.n; i++) {
    seen.add(Array.from(m.data.subarray(i * m.d, (i + 1) * m.d)).join(','));
    if (seen.size > limit) break;
  }
  return seen.size;
}

/**
 * k-means++ seeding: the first centre is a uniformly random row; each next centre is a row drawn
 * with probability ∝ D(x)², D(x) = distance to the nearest centre already chosen. Returns the
 * chosen row indices, or null when fewer than k distinct rows exist (Σ D² = 0 before k centres).
 */
export function seedCentres(m: Matrix, k: number, random: () => number): number[] | null {
  const { n, d, data } = m;
  if (n === 0 || k < 1) return null;
  const chosen = [Math.min(n - 1, Math.floor(random() * n))];
  const nearest = new Float64Array(n);
  const first = chosen[0]! * d;
  for (let i = 0; i < n; i++) nearest[i] = dist2(data, i * d, data, first, d);
  while (chosen.length < k) {
    let total = 0;
    for (let i = 0; i < n; i++) total += nearest[i]!;
    if (!(total > 0)) return null;
    const target = random() * total;
    let acc = 0;
    let pick = -1;
    let lastPositive = -1;
    for (let i = 0; i < n; i++) {
      const w = nearest[i]!;
      if (w <= 0) continue;
      lastPositive = i;
      acc += w;
      if (acc > target) {
        pick = i;
        break;
      }
    }
    // Rounding can leave `acc` a hair below `target` at the end: take the last row with weight.
    if (pick < 0) pick = lastPositive;
    chosen.push(pick);
    const off = pick * d;
    for (let i = 0; i < n; i++) {
      const dd = dist2(data, i * d, data, off, d);
      if (dd < nearest[i]!) nearest[i] = dd;
    }
  }
  return chosen;
}

export interface KMeansRun {
  k: number;
  /** Cluster of each row, 0…k−1, numbered by size (largest first; ties: earliest row first). */
  labels: Int32Array;
  /** k × d centres (cluster means) in the clustered units (z-scores when standardized). */
  centres: Float64Array;
  sizes: number[];
  /** Σ_k Σ_{i∈k} ‖x_i − c_k‖². */
  wcss: number;
  /** Assignment passes run (the last one changed nothing when `converged`). */
  iterations: number;
  converged: boolean;
  /** WCSS after each iteration's mean update: never rises. */
  history: number[];
  /** How many times an empty cluster was re-seeded with the row farthest from its centre. */
  reseeded: number;
  /** Rows chosen by k-means++ as starting centres. */
  seedRows: number[];
}

/**
 * One k-means run: k-means++ seeding from `seed`, then Lloyd iterations. Returns null when the
 * data has fewer than k distinct rows (no k non-empty clusters exist).
 */
export function kmeans(m: Matrix, k: number, seed: number, maxIterations = MAX_ITERATIONS): KMeansRun | null {
  const { n, d, data } = m;
  if (!Number.isInteger(k) || k < 1 || k > n) return null;
  const seedRows = seedCentres(m, k, mulberry32(seed));
  if (!seedRows) return null;
  const centres = new Float64Array(k * d);
  seedRows.forEach((row, c) => centres.set(data.subarray(row * d, row * d + d), c * d));
  return { ...lloyd(m, centres, maxIterations), seedRows };
}

/**
 * Lloyd iterations from the given k × d starting centres (k = centres.length / d): assign, re-seed
 * any empty cluster, move centres to means; stop when no label changes or after `maxIterations`.
 * Then clusters are renumbered by size. Needs at least k distinct rows for every cluster to stay
 * non-empty (k-means++ guarantees it; `kmeans` refuses otherwise).
 */
export function lloyd(m: Matrix, startCentres: Float64Array, maxIterations = MAX_ITERATIONS): Omit<KMeansRun, 'seedRows'> {
  const { n, d, data } = m;
  const k = Math.round(startCentres.length / d);
  let centres = Float64Array.from(startCentres);
  const labels = new Int32Array(n).fill(-1);
  const nearest = new Float64Array(n);
  const counts = new Int32Array(k);
  const history: number[] = [];
  let iterations = 0;
  let converged = false;
  let reseeded = 0;

  while (iterations < maxIterations) {
    iterations++;
    // Assignment: nearest centre, ties to the lower-numbered centre (strict `<`).
    let changed = 0;
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const off = i * d;
      let best = 0;
      let bestD = dist2(data, off, centres, 0, d);
      for (let c = 1; c < k; c++) {
        const dd = dist2(data, off, centres, c * d, d);
        if (dd < bestD) {
          bestD = dd;
          best = c;
        }
      }
      if (labels[i] !== best) {
        labels[i] = best;
        changed++;
      }
      nearest[i] = bestD;
      counts[best]!++;
    }
    // Empty cluster: the row farthest from its own centre (in a cluster that keeps a member)
    // becomes its new centre. That row's term drops from D² to 0, so WCSS cannot rise.
    for (let e = 0; e < k; e++) {
      if (counts[e]! > 0) continue;
      let far = -1;
      let farD = -1;
      for (let i = 0; i < n; i++) {
        if (counts[labels[i]!]! > 1 && nearest[i]! > farD) {
          farD = nearest[i]!;
          far = i;
        }
      }
      if (far < 0) break; // cannot happen when k ≤ n
      counts[labels[far]!]!--;
      labels[far] = e;
      counts[e] = 1;
      nearest[far] = 0;
      centres.set(data.subarray(far * d, far * d + d), e * d);
      reseeded++;
      changed++;
    }
    // Update: each centre becomes the mean of its rows.
    const sums = new Float64Array(k * d);
    for (let i = 0; i < n; i++) {
      const off = i * d;
      const c = labels[i]! * d;
      for (let j = 0; j < d; j++) sums[c + j]! += data[off + j]!;
    }
    for (let c = 0; c < k; c++) {
      const size = counts[c]!;
      // A cluster still empty (only when rows run out of distinct points) keeps its centre: never NaN.
      if (size === 0) sums.set(centres.subarray(c * d, c * d + d), c * d);
      else for (let j = 0; j < d; j++) sums[c * d + j] = sums[c * d + j]! / size;
    }
    centres = sums;
    history.push(wcssOf(m, labels, centres));
    if (changed === 0) {
      converged = true;
      break;
    }
  }

  // Number clusters by size, largest first; equal sizes by their earliest row.
  const firstRow = new Array<number>(k).fill(n);
  for (let i = n - 1; i >= 0; i--) firstRow[labels[i]!] = i;
  const order = Array.from({ length: k }, (_, c) => c).sort((a, b) => counts[b]! - counts[a]! || firstRow[a]! - firstRow[b]!);
  const rename = new Int32Array(k);
  order.forEach((old, index) => (rename[old] = index));
  const finalLabels = new Int32Array(n);
  for (let i = 0; i < n; i++) finalLabels[i] = rename[labels[i]!]!;
  const finalCentres = new Float64Array(k * d);
  order.forEach((old, index) => finalCentres.set(centres.subarray(old * d, old * d + d), index * d));

  return {
    k,
    labels: finalLabels,
    centres: finalCentres,
    sizes: order.map((old) => counts[old]!),
    wcss: history[history.length - 1]!,
    iterations,
    converged,
    history,
    reseeded,
  };
}

/** Within-cluster sum of squares for given labels and centres. */
export function wcssOf(m: Matrix, labels: Int32Array, centres: Float64Array): number {
  let s = 0;
  for (let i = 0; i < m.n; i++) s += dist2(m.data, i * m.d, centres, labels[i]! * m.d, m.d);
  return s;
}

export interface SilhouetteResult {
  /** Mean of s(i) over all rows. */
  mean: number;
  /** Mean of s(i) over each cluster's rows. */
  byCluster: number[];
}

/**
 * Exact silhouette over every pair of rows (n²/2 distances): s(i) = (b − a)/max(a, b), a = mean
 * distance to the other members of i's cluster, b = lowest mean distance to another cluster's
 * members; s = 0 for a singleton and when a = b = 0. Needs k ≥ 2 non-empty clusters.
 */
export function silhouette(m: Matrix, labels: Int32Array, k: number, onProgress?: (fraction: number) => void): SilhouetteResult | null {
  const { n, d, data } = m;
  if (k < 2 || n < 2) return null;
  const counts = new Int32Array(k);
  for (let i = 0; i < n; i++) counts[labels[i]!]!++;
  let nonEmpty = 0;
  for (let c = 0; c < k; c++) if (counts[c]! > 0) nonEmpty++;
  if (nonEmpty < 2) return null;

  // sums[i·k + c] = Σ distance from row i to the rows of cluster c; each pair computed once.
  const sums = new Float64Array(n * k);
  const totalPairs = (n * (n - 1)) / 2;
  const step = Math.max(1, Math.floor(totalPairs / 100));
  let donePairs = 0;
  let nextReport = step;
  for (let i = 0; i < n; i++) {
    const oi = i * d;
    const li = labels[i]!;
    const rowI = i * k;
    let own = 0;
    for (let j = i + 1; j < n; j++) {
      let s = 0;
      const oj = j * d;
      for (let c = 0; c < d; c++) {
        const diff = data[oi + c]! - data[oj + c]!;
        s += diff * diff;
      }
      const dist = Math.sqrt(s);
      const lj = labels[j]!;
      if (lj === li) own += dist;
      else sums[rowI + lj]! += dist;
      sums[j * k + li]! += dist;
    }
    sums[rowI + li]! += own;
    donePairs += n - 1 - i;
    if (onProgress && donePairs >= nextReport) {
      onProgress(donePairs / totalPairs);
      nextReport = donePairs + step;
    }
  }

  const byClusterSum = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const li = labels[i]!;
    const size = counts[li]!;
    let s = 0;
    if (size > 1) {
      const a = sums[i * k + li]! / (size - 1);
      let b = Infinity;
      for (let c = 0; c < k; c++) {
        if (c === li || counts[c] === 0) continue;
        const mean = sums[i * k + c]! / counts[c]!;
        if (mean < b) b = mean;
      }
      const max = Math.max(a, b);
      s = max > 0 ? (b - a) / max : 0;
    }
    byClusterSum[li]! += s;
    total += s;
  }
  return {
    mean: total / n,
    byCluster: Array.from(byClusterSum, (sum, c) => (counts[c]! > 0 ? sum / counts[c]! : 0)),
  };
}

// ---------------------------------------------------------------------------------------------
// Elbow + chosen k

export interface ElbowPoint {
  k: number;
  wcss: number;
  /** Mean silhouette for this k; null for k = 1, or when only the chosen k's silhouette was computed. */
  silhouette: number | null;
}

/**
 * Which silhouettes to compute: every k of the elbow, the chosen k only, none (the caller adds
 * the chosen k's later with `addSilhouette`), or 'auto' = every k up to SILHOUETTE_ALL_K_MAX_ROWS
 * rows, else the chosen k only.
 */
export type SilhouetteMode = 'auto' | 'all' | 'chosen' | 'none';

export interface ClusterOptions {
  k: number;
  seed: number;
  silhouette?: SilhouetteMode;
  maxIterations?: number;
}

export interface ClusterProgress {
  phase: 'elbow' | 'silhouette';
  /** Overall fraction done, 0…1. */
  fraction: number;
}

/**
 * Rough work of `cluster` on n rows × d columns (the same weights as its progress bar): the elbow,
 * one k-means++ run for each k up to 8 (≈ n·k·d·20 each), and the silhouettes, each O(n²·d).
 * The island runs the clustering on the page only when this is small, whatever the shape.
 */
export function clusterWork(n: number, d: number): number {
  const maxK = Math.max(1, Math.min(ELBOW_MAX_K, Math.floor(n / ROWS_PER_CLUSTER)));
  const silhouettes = n <= SILHOUETTE_ALL_K_MAX_ROWS ? Math.max(0, maxK - 1) : 1;
  return silhouettes * (n * n * d) / 2 + ((maxK * (maxK + 1)) / 2) * n * d * 20;
}

export interface ClusterRun {
  n: number;
  /** min(8, ⌊n/3⌋, distinct rows): the largest k the elbow ran. */
  maxK: number;
  distinct: number;
  elbow: ElbowPoint[];
  /** The run for the chosen k, or null when the guards refuse it. */
  chosen: KMeansRun | null;
  silhouette: SilhouetteResult | null;
  /** False when the chosen k's silhouette is still to come (mode 'none'). */
  silhouetteDone: boolean;
  issues: Issue[];
}

/**
 * The elbow (k = 1…maxK, one seeded k-means++ run each) and the chosen k with its silhouette.
 * Guards: fewer than 3k rows, fewer than k distinct rows — the chosen k is refused with an
 * issue, the elbow still runs as far as it can.
 */
export function cluster(m: Matrix, options: ClusterOptions, onProgress?: (p: ClusterProgress) => void): ClusterRun {
  const { k, seed } = options;
  const issues: Issue[] = [];
  const distinct = countDistinct(m);
  const maxK = Math.min(ELBOW_MAX_K, Math.floor(m.n / ROWS_PER_CLUSTER), distinct);
  const mode = options.silhouette ?? 'auto';
  const byK = mode === 'all' || (mode === 'auto' && m.n <= SILHOUETTE_ALL_K_MAX_ROWS);
  const chosenToo = mode !== 'none';

  if (m.n < ROWS_PER_CLUSTER * k) {
    issues.push({ severity: 'error', field: 'k', code: 'c03_3.tooFewRows', params: { rows: m.n, k, needed: ROWS_PER_CLUSTER * k, maxK } });
  } else if (distinct < k) {
    issues.push({ severity: 'error', field: 'k', code: 'c03_3.fewDistinct', params: { distinct, k } });
  }
  const chosenAllowed = issues.length === 0;

  // When both guards pass, k ≤ maxK, so the chosen run is the elbow's run for k.
  // Rough cost weights so the progress bar moves evenly: one elbow run ≈ n·k·d·20, one silhouette ≈ n²·d/2.
  const pairCost = (m.n * m.n * m.d) / 2;
  const runCost = (kk: number) => m.n * kk * m.d * 20;
  // Silhouettes by k are drawn on the elbow even when the chosen k is refused: they help pick another.
  const silhouetteRuns = byK ? Math.max(0, maxK - 1) : chosenAllowed && chosenToo ? 1 : 0;
  let totalCost = silhouetteRuns * pairCost;
  for (let kk = 1; kk <= maxK; kk++) totalCost += runCost(kk);
  totalCost = Math.max(totalCost, 1);
  let doneCost = 0;
  const report = (phase: ClusterProgress['phase'], extra = 0) => onProgress?.({ phase, fraction: Math.min(1, (doneCost + extra) / totalCost) });

  const elbow: ElbowPoint[] = [];
  let chosen: KMeansRun | null = null;
  let chosenSilhouette: SilhouetteResult | null = null;
  const silhouetteFor = (run: KMeansRun) => {
    const result = silhouette(m, run.labels, run.k, (f) => report('silhouette', f * pairCost));
    doneCost += pairCost;
    return result;
  };

  for (let kk = 1; kk <= maxK; kk++) {
    report('elbow');
    const run = kmeans(m, kk, runSeed(seed, kk), options.maxIterations);
    doneCost += runCost(kk);
    if (!run) break; // cannot happen: kk ≤ distinct rows
    let sil: number | null = null;
    if (kk >= 2 && (byK || (chosenToo && chosenAllowed && kk === k))) {
      const result = silhouetteFor(run);
      sil = result?.mean ?? null;
      if (kk === k) chosenSilhouette = result;
    }
    elbow.push({ k: kk, wcss: run.wcss, silhouette: sil });
    if (kk === k && chosenAllowed) chosen = run;
  }
  if (chosen && !chosen.converged) {
    issues.push({ severity: 'info', code: 'c03_3.notConverged', params: { iterations: chosen.iterations } });
  }
  if (chosen && chosen.reseeded > 0) {
    issues.push({ severity: 'info', code: 'c03_3.reseeded', params: { count: chosen.reseeded } });
  }
  if (chosen && !byK && maxK > 2) {
    issues.push({ severity: 'info', code: 'c03_3.silhouetteChosenOnly', params: { max: SILHOUETTE_ALL_K_MAX_ROWS } });
  }
  onProgress?.({ phase: chosenToo ? 'silhouette' : 'elbow', fraction: 1 });
  return { n: m.n, maxK, distinct, elbow, chosen, silhouette: chosenSilhouette, silhouetteDone: chosenToo || !chosen, issues };
}

/** Completes a run made with silhouette 'none': the chosen k's exact silhouette, also written into the elbow. */
export function addSilhouette(m: Matrix, run: ClusterRun, onProgress?: (fraction: number) => void): ClusterRun {
  if (run.silhouetteDone || !run.chosen) return { ...run, silhouetteDone: true };
  const result = silhouette(m, run.chosen.labels, run.chosen.k, onProgress);
  const k = run.chosen.k;
  return {
    ...run,
    silhouette: result,
    silhouetteDone: true,
    elbow: run.elbow.map((p) => (p.k === k ? { ...p, silhouette: result?.mean ?? null } : p)),
  };
}

// ---------------------------------------------------------------------------------------------
// Reading the CSV

export interface ColumnInfo {
  name: string;
  /** Position in the CSV. */
  index: number;
  /** More than half of its non-empty cells are numbers. */
  numeric: boolean;
  /** Parsed values (NaN where the cell is not a number); numeric columns only. */
  values: Float64Array | null;
  /** Distinct values of a text column (for the filter); empty when there are too many. */
  categories: string[];
  /** The segmentation base guessed from the header. */
  base: Base;
}

export interface Table {
  header: string[];
  /** Data rows (header excluded), cells as typed. */
  rows: string[][];
  columns: ColumnInfo[];
}

export type TableError = CsvError | { code: 'c03_3.noDataRows' } | { code: 'c03_3.tooManyColumns'; max: number };

export type TableRead = { ok: true; table: Table } | { ok: false; error: TableError };

const NUMBER_SPEC: NumericFieldSpec = { kind: 'number' };
/** Plain numbers (`12`, `-3.5`) skip the general parser; it would read them the same way. */
const PLAIN_NUMBER = /^-?(?:0|[1-9]\d{0,14})(?:\.\d+)?$/;

/** Reads one data cell with the kit's number reader (`1,000.5`, full-width digits, currency signs). */
export function readCell(cell: string): { ok: true; value: number } | { ok: false; message: Message } {
  const text = cell.trim();
  if (PLAIN_NUMBER.test(text)) {
    const value = Number(text);
    return { ok: true, value: value === 0 ? 0 : value };
  }
  const read = readNumericField(cell, NUMBER_SPEC);
  return read.ok ? { ok: true, value: read.value as number } : read;
}

const BASE_KEYWORDS: [Base, RegExp][] = [
  ['geographic', /region|city|province|country|state|zip|postcode|postal|distance|location|area|climate|latitude|longitude|\blat\b|\blon\b|地区|区域|城市|省|国家|距离|地理|气候|纬度|经度|位置|城乡/i],
  ['demographic', /(?:^|[^a-z])age(?:[^a-z]|$)|gender|\bsex\b|income|salary|education|household|family|occupation|marital|children|kids|年龄|性别|收入|薪|学历|教育|家庭|职业|婚|子女|人口/i],
  ['behavioural', /freq|order|spend|recency|visit|basket|purchase|usage|loyal|channel|online|session|click|tenure|days|revenue|amount|monetary|频|订单|消费|购买|访问|客单|使用|忠诚|线上|线下|最近|金额|次数|渠道/i],
  ['psychographic', /attitude|lifestyle|interest|value|opinion|personality|eco|green|sensitiv|innovat|motivation|belief|态度|生活方式|兴趣|价值观|环保|个性|敏感|动机|偏好|观念/i],
];

/** Guesses a column's segmentation base from its header (English or Chinese keywords); unknown → behavioural. */
export function guessBase(name: string): Base {
  for (const [base, pattern] of BASE_KEYWORDS) if (pattern.test(name)) return base;
  return 'behavioural';
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** Cells read (or rows prepared, × columns) between two yields of the step-wise readers below. */
const CELLS_PER_STEP = 8_192;

/** Parses the CSV (header row required), names and classifies its columns, and parses numeric cells once. */
export function readTable(text: string): TableRead {
  return runSteps(readTableSteps(text));
}

/**
 * `readTable` in steps: a large file (1,500 × 200 or 50,000 × 6 cells take about a second) is
 * read in slices the island spreads over the main thread, so the page never freezes.
 */
export function* readTableSteps(text: string): Steps<TableRead> {
  const parsed = yield* parseCsvSteps(text, { maxRows: MAX_DATA_ROWS + 1 });
  if (!parsed.ok) {
    if (parsed.error.code === 'csv.tooLarge') return { ok: false, error: { code: 'csv.tooLarge', maxRows: MAX_DATA_ROWS } };
    return { ok: false, error: parsed.error };
  }
  const [rawHeader, ...rows] = parsed.rows;
  if (rawHeader!.length > MAX_COLUMNS) return { ok: false, error: { code: 'c03_3.tooManyColumns', max: MAX_COLUMNS } };
  if (rows.length === 0) return { ok: false, error: { code: 'c03_3.noDataRows' } };
  const used = new Set<string>();
  const header = rawHeader!.map((h, i) => {
    const base = h.replace(CONTROL, ' ').trim().slice(0, 120) || `#${i + 1}`;
    let name = base;
    for (let dup = 2; used.has(name); dup++) name = `${base} (${dup})`;
    used.add(name);
    return name;
  });
  const columns: ColumnInfo[] = [];
  let cellsRead = 0;
  for (let index = 0; index < header.length; index++) {
    const name = header[index]!;
    const values = new Float64Array(rows.length);
    let nonEmpty = 0;
    let numbers = 0;
    for (let r = 0; r < rows.length; r++) {
      if (++cellsRead % CELLS_PER_STEP === 0) yield;
      const cell = rows[r]![index]!;
      if (cell.trim() !== '') nonEmpty++;
      const read = readCell(cell);
      if (read.ok) {
        values[r] = read.value;
        numbers++;
      } else {
        values[r] = Number.NaN;
      }
    }
    const numeric = numbers > 0 && numbers * 2 > nonEmpty;
    let categories: string[] = [];
    if (!numeric) {
      const seen = new Set<string>();
      for (let r = 0; r < rows.length && seen.size <= MAX_FILTER_CATEGORIES; r++) {
        const cell = rows[r]![index]!.replace(CONTROL, ' ').trim();
        if (cell !== '') seen.add(cell);
      }
      categories = seen.size <= MAX_FILTER_CATEGORIES && seen.size >= 2 ? [...seen] : [];
    }
    columns.push({ name, index, numeric, values: numeric ? values : null, categories, base: guessBase(name) });
  }
  return { ok: true, table: { header, rows, columns } };
}

// ---------------------------------------------------------------------------------------------
// Options from the calculator's fields

/** Reads a one-line CSV list (column names may contain commas, quoted). */
export function parseNameList(text: string): string[] {
  if (text.trim() === '') return [];
  const parsed = parseCsv(text, { delimiter: ',', maxRows: 1 });
  if (!parsed.ok) return [];
  // toCsv defuses a leading = + - @ with an apostrophe; undo it so such names round-trip.
  return parsed.rows[0]!.map((name) => name.replace(/^'(?=[=+\-@])/, '').trim()).filter((name) => name !== '');
}

/** Writes a one-line CSV list for the `columns` and `bases` fields. */
export function formatNameList(names: readonly string[]): string {
  return names.map((name) => (/[",\r\n]/.test(name) || name !== name.trim() ? `"${name.replace(/"/g, '""')}"` : name)).join(',');
}

const BASE_CODES: Record<string, Base> = { g: 'geographic', d: 'demographic', p: 'psychographic', b: 'behavioural' };

/** `bases` field: entries `d:age` overriding the guessed base of a column. */
export function parseBaseOverrides(text: string): Map<string, Base> {
  const out = new Map<string, Base>();
  for (const entry of parseNameList(text)) {
    const match = /^([gdpb]):(.+)$/.exec(entry);
    if (match) out.set(match[2]!, BASE_CODES[match[1]!]!);
  }
  return out;
}

export function formatBaseOverrides(overrides: ReadonlyMap<string, Base>): string {
  return formatNameList([...overrides].map(([name, base]) => `${base[0]}:${name}`));
}

export interface SegmentOptions {
  k: number;
  seed: number;
  standardize: boolean;
  /** Chosen column names, or ALL_COLUMNS for every numeric column. */
  columns: readonly string[] | typeof ALL_COLUMNS;
  filterColumn: string | null;
  filterValue: string | null;
}

// ---------------------------------------------------------------------------------------------
// Preparing the matrix

export interface Prepared {
  /** The matrix k-means sees: z-scores when standardized, else original units. */
  matrix: Matrix;
  /** Same rows and columns in original units. */
  original: Float64Array;
  /** Columns used, in CSV order. */
  columns: string[];
  /** Population mean and SD of each used column over the used rows. */
  means: number[];
  sds: number[];
  /** Data-row index (0-based, header excluded) of each matrix row. */
  rowIndex: Int32Array;
  rowsRead: number;
  rowsFiltered: number;
  rowsRejected: number;
  standardized: boolean;
  issues: Issue[];
}

/** Spreadsheet row number of a data row: the header is row 1. */
const sheetRow = (dataRow: number) => dataRow + 2;

/**
 * Chooses columns, applies the optional category filter, rejects every row with a non-numeric
 * cell in a chosen column (one message per row, naming row and column), then standardizes:
 * z = (x − μ)/σ with population σ; a column with σ = 0 is left out and reported.
 */
export function prepare(table: Table, options: Omit<SegmentOptions, 'k' | 'seed'>): Prepared {
  return runSteps(prepareSteps(table, options));
}

/** `prepare` in steps of about CELLS_PER_STEP cells, for large tables (see `readTableSteps`). */
export function* prepareSteps(table: Table, options: Omit<SegmentOptions, 'k' | 'seed'>): Steps<Prepared> {
  const rowsPerStep = Math.max(1, Math.floor(CELLS_PER_STEP / Math.max(1, table.columns.length)));
  const issues: Issue[] = [];
  const numericColumns = table.columns.filter((c) => c.numeric);
  if (numericColumns.length === 0) issues.push({ severity: 'error', code: 'c03_3.noNumericColumns' });

  let chosen: ColumnInfo[];
  if (options.columns === ALL_COLUMNS) {
    chosen = numericColumns;
  } else {
    const wanted = new Set(options.columns);
    for (const name of wanted) {
      const column = table.columns.find((c) => c.name === name);
      if (!column) issues.push({ severity: 'warning', field: 'columns', code: 'c03_3.unknownColumn', params: { column: name } });
      else if (!column.numeric) issues.push({ severity: 'warning', field: 'columns', code: 'c03_3.notNumericColumn', params: { column: name } });
    }
    chosen = numericColumns.filter((c) => wanted.has(c.name));
  }
  if (numericColumns.length > 0 && chosen.length === 0) issues.push({ severity: 'error', field: 'columns', code: 'c03_3.noColumns' });

  // Filter on a text column (e.g. region), before rows are checked.
  let keep: number[] = table.rows.map((_, r) => r);
  let rowsFiltered = 0;
  if (options.filterColumn && options.filterValue) {
    const column = table.columns.find((c) => c.name === options.filterColumn);
    if (!column) {
      issues.push({ severity: 'warning', field: 'filterColumn', code: 'c03_3.unknownColumn', params: { column: options.filterColumn } });
    } else {
      const value = options.filterValue;
      keep = keep.filter((r) => table.rows[r]![column.index]!.replace(CONTROL, ' ').trim() === value);
      rowsFiltered = table.rows.length - keep.length;
      if (keep.length === 0) issues.push({ severity: 'error', field: 'filterValue', code: 'c03_3.filterNoRows', params: { column: column.name, value } });
    }
  }

  // Reject rows with a non-numeric cell in any chosen column.
  const used: number[] = [];
  let rowsRejected = 0;
  for (const [step, r] of keep.entries()) {
    if (step % rowsPerStep === rowsPerStep - 1) yield;
    const bad = chosen.find((c) => Number.isNaN(c.values![r]!));
    if (!bad) {
      used.push(r);
      continue;
    }
    rowsRejected++;
    if (rowsRejected <= MAX_REPORTED_ROWS) {
      const read = readCell(table.rows[r]![bad.index]!);
      const reason = read.ok ? 'parse.notANumber' : read.message.code;
      issues.push({ severity: 'warning', code: 'c03_3.badCell', row: r, column: bad.name, params: { row: sheetRow(r), column: bad.name, reason } });
    }
  }
  if (rowsRejected > MAX_REPORTED_ROWS) {
    issues.push({ severity: 'warning', code: 'c03_3.moreRejected', params: { count: rowsRejected - MAX_REPORTED_ROWS } });
  }

  // Means and population SDs over the used rows; drop constant columns when standardizing.
  const n = used.length;
  const stats: { column: ColumnInfo; mean: number; sd: number }[] = [];
  for (const c of chosen) {
    if (n > CELLS_PER_STEP) yield;
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (const r of used) {
      const v = c.values![r]!;
      sum += v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const mean = n > 0 ? sum / n : 0;
    let ss = 0;
    for (const r of used) ss += (c.values![r]! - mean) ** 2;
    // Exactly equal values are constant even if rounding makes the computed σ a hair above 0.
    const sd = n > 0 && min !== max ? Math.sqrt(ss / n) : 0;
    stats.push({ column: c, mean, sd });
  }
  const kept = options.standardize
    ? stats.filter((s) => {
        if (n > 0 && s.sd > 0) return true;
        if (n > 0) issues.push({ severity: 'warning', field: 'columns', code: 'c03_3.constantColumn', params: { column: s.column.name } });
        return false;
      })
    : stats;
  if (options.standardize && chosen.length > 0 && n > 0 && kept.length === 0) {
    issues.push({ severity: 'error', field: 'columns', code: 'c03_3.allConstant' });
  }

  const d = kept.length;
  const data = new Float64Array(n * d);
  const original = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    if (i % rowsPerStep === rowsPerStep - 1) yield;
    const r = used[i]!;
    for (let j = 0; j < d; j++) {
      const { column, mean, sd } = kept[j]!;
      const v = column.values![r]!;
      original[i * d + j] = v;
      data[i * d + j] = options.standardize ? (v - mean) / sd : v;
    }
  }
  return {
    matrix: { n, d, data },
    original,
    columns: kept.map((s) => s.column.name),
    means: kept.map((s) => s.mean),
    sds: kept.map((s) => s.sd),
    rowIndex: Int32Array.from(used),
    rowsRead: table.rows.length,
    rowsFiltered,
    rowsRejected,
    standardized: options.standardize,
    issues,
  };
}

// ---------------------------------------------------------------------------------------------
// Summaries

export interface ProfileEntry {
  column: string;
  /** (centroid − overall mean) / overall SD. */
  z: number;
  direction: 'above' | 'below';
}

export interface ClusterSummary {
  /** 0-based; shown as "Cluster label+1". */
  label: number;
  size: number;
  /** size / rows used (a fraction; the island rounds shares to 100% with largestRemainder). */
  share: number;
  /** Mean of each used column over the cluster's rows, in original units. */
  centroid: number[];
  /** Centre in the clustered units (z-scores when standardized). */
  centre: number[];
  /** Variables more than 0.5 SD above/below the overall mean, largest gap first. */
  profile: ProfileEntry[];
  silhouette: number | null;
}

export interface KMeansResults {
  rowsRead: number;
  rowsUsed: number;
  rowsRejected: number;
  rowsFiltered: number;
  columns: string[];
  means: number[];
  sds: number[];
  k: number;
  clusters: ClusterSummary[];
  wcss: number;
  silhouette: number;
  iterations: number;
  converged: boolean;
  elbow: ElbowPoint[];
  /** Largest k the elbow could run. */
  maxK: number;
  /** Cluster of each used row (aligned with `rowIndex`). */
  labels: Int32Array;
  rowIndex: Int32Array;
}

/** Turns a clustering run into the results the island shows (cheap: O(n·d)). */
export function summarise(prepared: Prepared, run: ClusterRun | null): CalcOutput<KMeansResults> {
  const r: Partial<KMeansResults> = {
    rowsRead: prepared.rowsRead,
    rowsUsed: prepared.matrix.n,
    rowsRejected: prepared.rowsRejected,
    rowsFiltered: prepared.rowsFiltered,
    columns: prepared.columns,
    means: prepared.means,
    sds: prepared.sds,
    rowIndex: prepared.rowIndex,
  };
  const issues = [...prepared.issues, ...(run?.issues ?? [])];
  if (!run) return { results: r, issues };
  r.elbow = run.elbow;
  r.maxK = run.maxK;
  const chosen = run.chosen;
  if (!chosen) return { results: r, issues };

  const { n, d } = prepared.matrix;
  const k = chosen.k;
  const sums = new Float64Array(k * d);
  for (let i = 0; i < n; i++) {
    const c = chosen.labels[i]!;
    for (let j = 0; j < d; j++) sums[c * d + j]! += prepared.original[i * d + j]!;
  }
  r.k = k;
  r.labels = chosen.labels;
  r.wcss = chosen.wcss;
  r.iterations = chosen.iterations;
  r.converged = chosen.converged;
  if (run.silhouette) r.silhouette = run.silhouette.mean;
  r.clusters = chosen.sizes.map((size, c) => {
    const centroid = Array.from({ length: d }, (_, j) => sums[c * d + j]! / size);
    const profile: ProfileEntry[] = [];
    centroid.forEach((value, j) => {
      const sd = prepared.sds[j]!;
      if (!(sd > 0)) return;
      const z = (value - prepared.means[j]!) / sd;
      if (round9(z) > PROFILE_CUTOFF_SD) profile.push({ column: prepared.columns[j]!, z, direction: 'above' });
      else if (round9(z) < -PROFILE_CUTOFF_SD) profile.push({ column: prepared.columns[j]!, z, direction: 'below' });
    });
    profile.sort((a, b) => Math.abs(b.z) - Math.abs(a.z));
    return {
      label: c,
      size,
      share: size / n,
      centroid,
      centre: Array.from(chosen.centres.subarray(c * d, c * d + d)),
      profile,
      silhouette: run.silhouette?.byCluster[c] ?? null,
    };
  });
  return { results: r, issues };
}

/** Everything in one synchronous call: for small data, server rendering, tests and the no-worker fallback. */
export function analyse(table: Table, options: SegmentOptions, onProgress?: (p: ClusterProgress) => void): CalcOutput<KMeansResults> {
  const prepared = prepare(table, options);
  return summarise(prepared, runFor(prepared, options, onProgress));
}

/** Runs the clustering when the prepared data allows it (columns left and no blocking error). */
export function runFor(
  prepared: Prepared,
  options: Pick<SegmentOptions, 'k' | 'seed'> & { silhouette?: SilhouetteMode },
  onProgress?: (p: ClusterProgress) => void,
): ClusterRun | null {
  if (prepared.issues.some((i) => i.severity === 'error')) return null;
  if (prepared.matrix.n < ROWS_PER_CLUSTER) {
    return {
      n: prepared.matrix.n,
      maxK: 0,
      distinct: 0,
      elbow: [],
      chosen: null,
      silhouette: null,
      silhouetteDone: true,
      issues: [{ severity: 'error', field: 'k', code: 'c03_3.tooFewRows', params: { rows: prepared.matrix.n, k: options.k, needed: ROWS_PER_CLUSTER * options.k, maxK: 0 } }],
    };
  }
  if (prepared.matrix.d === 0) return null;
  return cluster(prepared.matrix, { k: options.k, seed: options.seed, silhouette: options.silhouette ?? 'auto' }, onProgress);
}

// ---------------------------------------------------------------------------------------------
// Export and chart helpers

/**
 * The data rows with their cluster appended ("1" = largest cluster); rows that were filtered
 * out or rejected get an empty cluster cell. Returns rows of cells for `toCsv`.
 */
export function labelledRows(table: Table, rowIndex: Int32Array, labels: Int32Array, clusterHeader: string): string[][] {
  const byRow = new Array<string>(table.rows.length).fill('');
  for (let i = 0; i < rowIndex.length; i++) byRow[rowIndex[i]!] = String(labels[i]! + 1);
  return [[...table.header, clusterHeader], ...table.rows.map((row, r) => [...row, byRow[r]!])];
}

export interface ScatterSeries {
  /** Points per cluster, at most `maxPoints` in all (every step-th used row). */
  points: { x: number; y: number }[][];
  shown: number;
  total: number;
}

/** Points of two used columns for the scatter chart, thinned evenly to at most `maxPoints`. */
export function scatterPoints(prepared: Prepared, labels: Int32Array, k: number, xColumn: number, yColumn: number, maxPoints = 2_000): ScatterSeries {
  const { n, d } = prepared.matrix;
  const step = Math.max(1, Math.ceil(n / maxPoints));
  const points: { x: number; y: number }[][] = Array.from({ length: k }, () => []);
  let shown = 0;
  for (let i = 0; i < n; i += step) {
    points[labels[i]!]!.push({ x: prepared.original[i * d + xColumn]!, y: prepared.original[i * d + yColumn]! });
    shown++;
  }
  return { points, shown, total: n };
}

// ---------------------------------------------------------------------------------------------
// Sample data and benchmark

/** Gaussian noise from a uniform generator (Box–Muller). */
function gaussian(random: () => number): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

export interface SampleLabels {
  /** Header names: customer id, region, then the seven numeric variables. */
  columns: {
    customer: string;
    region: string;
    age: string;
    income: string;
    ecoAttitude: string;
    priceSensitivity: string;
    ordersPerYear: string;
    avgOrderValue: string;
    onlineShare: string;
  };
  /** Four region names; the sample's regions cycle through them. */
  regions: readonly string[];
}

/** The four illustrative segments behind the sample (seed 3.1's examples), with their row counts. */
const SAMPLE_SEGMENTS = [
  // count, age, income (k/yr), eco 1–7, price sensitivity 1–7, orders/yr, avg order value, online %
  { count: 60, mean: [35, 170, 4.4, 3.0, 11, 420, 64], sd: [4, 22, 0.6, 0.6, 2, 60, 9] }, // premium skincare, women 25–45
  { count: 40, mean: [44, 290, 3.2, 2.0, 5, 980, 74], sd: [5, 35, 0.7, 0.6, 1.5, 120, 8] }, // business professionals
  { count: 50, mean: [29, 110, 6.3, 4.4, 7, 230, 48], sd: [4, 20, 0.4, 0.7, 1.5, 45, 9] }, // eco-conscious buyers
  { count: 50, mean: [54, 65, 2.8, 6.1, 15, 85, 22], sd: [6, 12, 0.7, 0.5, 2.5, 20, 8] }, // price-sensitive regulars
] as const;
/** Generator seed of the sample data (chosen so the default k = 4, seed 42 finds the four segments). */
const SAMPLE_DATA_SEED = 31;
const SAMPLE_DECIMALS = [0, 0, 1, 1, 0, 0, 0] as const;
const SAMPLE_BOUNDS: readonly (readonly [number, number])[] = [[18, 80], [20, 600], [1, 7], [1, 7], [1, 40], [20, 3000], [0, 100]];

/**
 * The built-in sample: 200 illustrative customers (not seed figures) from four segments,
 * interleaved, with an id, a region (for the filter) and seven numeric variables. Deterministic.
 */
/** The 12 customers chapter 3 clusters in its worked example (its text block, ready to paste). */
export const CHAPTER_EXAMPLE_CSV = [
  'age,annual_spend,orders_per_year',
  '29,2400,8', '34,2600,9', '31,2100,7', '38,2800,10', '27,2300,8',
  '23,500,3', '21,400,2', '25,600,4', '22,450,3',
  '44,1200,2', '48,1500,3', '52,1300,2',
].join('\n') + '\n';

export function sampleRows(labels: SampleLabels, dataSeed = SAMPLE_DATA_SEED): string[][] {
  const random = mulberry32(dataSeed);
  const c = labels.columns;
  const header = [c.customer, c.region, c.age, c.income, c.ecoAttitude, c.priceSensitivity, c.ordersPerYear, c.avgOrderValue, c.onlineShare];
  const remaining: number[] = SAMPLE_SEGMENTS.map((s) => s.count);
  const rows: string[][] = [header];
  let id = 1;
  while (remaining.some((x) => x > 0)) {
    for (let s = 0; s < SAMPLE_SEGMENTS.length; s++) {
      if (remaining[s]! === 0) continue;
      remaining[s]!--;
      const seg = SAMPLE_SEGMENTS[s]!;
      const values = seg.mean.map((mean, j) => {
        const [lo, hi] = SAMPLE_BOUNDS[j]!;
        const v = Math.min(hi, Math.max(lo, mean + seg.sd[j]! * gaussian(random)));
        return v.toFixed(SAMPLE_DECIMALS[j]!);
      });
      const region = labels.regions[Math.floor(random() * 4) % Math.max(1, labels.regions.length)] ?? '';
      rows.push([`C${String(id++).padStart(3, '0')}`, region, ...values]);
    }
  }
  return rows;
}

/** Gaussian blobs for tests and the benchmark: `rows` × `columns`, `centres` groups, deterministic. */
export function syntheticMatrix(rows: number, columns: number, centres = 4, seed = 7): Matrix {
  const random = mulberry32(seed);
  const means = Array.from({ length: centres * columns }, () => (random() - 0.5) * 10);
  const data = new Float64Array(rows * columns);
  for (let i = 0; i < rows; i++) {
    const g = i % centres;
    for (let j = 0; j < columns; j++) data[i * columns + j] = means[g * columns + j]! + gaussian(random);
  }
  return { n: rows, d: columns, data };
}

export interface BenchmarkResult {
  rows: number;
  columns: number;
  /** One k-means run at the chosen k (milliseconds). */
  kmeansMs: number;
  /** The whole elbow, k = 1…8 (milliseconds). */
  elbowMs: number;
  /** Exact silhouette at the chosen k (milliseconds); null when skipped. */
  silhouetteMs: number | null;
  iterations: number;
  wcss: number;
  silhouette: number | null;
}

/**
 * Times k-means and the elbow on synthetic data in Node or a browser (no DOM):
 * `benchmarkKMeans(10_000)` → milliseconds per phase. The silhouette is O(n²): pass
 * `{ silhouette: false }` to skip it on the largest sizes.
 */
export function benchmarkKMeans(rows: number, options: { columns?: number; k?: number; seed?: number; silhouette?: boolean } = {}): BenchmarkResult {
  const columns = options.columns ?? 6;
  const k = options.k ?? 4;
  const seed = options.seed ?? 42;
  const m = syntheticMatrix(rows, columns, 4, seed);
  let t = performance.now();
  const run = kmeans(m, k, runSeed(seed, k));
  const kmeansMs = performance.now() - t;
  t = performance.now();
  for (let kk = 1; kk <= ELBOW_MAX_K; kk++) kmeans(m, kk, runSeed(seed, kk));
  const elbowMs = performance.now() - t;
  let silhouetteMs: number | null = null;
  let sil: number | null = null;
  if (options.silhouette !== false && run) {
    t = performance.now();
    sil = silhouette(m, run.labels, k)?.mean ?? null;
    silhouetteMs = performance.now() - t;
  }
  return { rows, columns, kmeansMs, elbowMs, silhouetteMs, iterations: run?.iterations ?? 0, wcss: run?.wcss ?? Number.NaN, silhouette: sil };
}

// ---------------------------------------------------------------------------------------------
// The calculator's fields (what the link and storage keep; the data itself stays in storage)

export interface KMeansOptionsRead {
  options: SegmentOptions;
  x: string | null;
  y: string | null;
  bases: Map<string, Base>;
}

export const kmeansCalc = defineCalculator({
  id: 'C03.3',
  fields: {
    k: { kind: 'choice', options: K_OPTIONS },
    seed: { kind: 'count', min: 0, max: 4294967295 },
    standardize: { kind: 'choice', options: STANDARDIZE_OPTIONS },
    /** One-line CSV of chosen column names; `*` = every numeric column. */
    columns: { kind: 'text', optional: true, maxLength: 1000 },
    /** One-line CSV of base overrides, `d:age`. */
    bases: { kind: 'text', optional: true, maxLength: 1000 },
    x: { kind: 'text', optional: true, maxLength: 120 },
    y: { kind: 'text', optional: true, maxLength: 120 },
    filterColumn: { kind: 'text', optional: true, maxLength: 120 },
    filterValue: { kind: 'text', optional: true, maxLength: 120 },
  },
  defaults: { k: '4', seed: '42', standardize: 'on', columns: ALL_COLUMNS, bases: '', x: '', y: '', filterColumn: '', filterValue: '' },
  // Chapter 3's worked example: its 12 customers (CHAPTER_EXAMPLE_CSV) in three clusters; starting
  // number 7 finds the best solutions the chapter prints for every k (WCSS 36.00, 15.04, 2.54, 1.19).
  example: { k: '3', seed: '7', standardize: 'on', columns: ALL_COLUMNS, bases: '', x: '', y: '', filterColumn: '', filterValue: '' },
  /** Turns the fields into clustering options; the data set arrives separately (see `analyse`). */
  compute(values) {
    const results: Partial<KMeansOptionsRead> = { x: values.x || null, y: values.y || null, bases: parseBaseOverrides(values.bases ?? '') };
    // The clustering runs only when k, the seed and the standardize switch all read correctly.
    if (values.k !== undefined && values.seed != null && values.standardize !== undefined) {
      const columnsText = values.columns ?? ALL_COLUMNS;
      results.options = {
        k: Number(values.k),
        seed: values.seed,
        standardize: values.standardize === 'on',
        columns: columnsText.trim() === ALL_COLUMNS ? ALL_COLUMNS : parseNameList(columnsText),
        filterColumn: values.filterColumn || null,
        filterValue: values.filterValue || null,
      };
    }
    return { results, issues: [] as Issue[] };
  },
});
