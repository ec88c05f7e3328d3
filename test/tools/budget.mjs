#!/usr/bin/env node
/**
 * `npm run budget`: builds the site, loads representative pages in Chromium, and prints the
 * gzip size of the HTML, CSS and JS each one loads. Fails when a budget is exceeded:
 *   - a page without calculators: ≤ 50 KB gzip in total on first load. First load = every
 *     response requested before the window's load event. Starlight fetches its search UI
 *     (Pagefind UI, ~26 KB) afterwards in an idle callback; that is printed in its own column.
 *   - each calculator's island JS, without Chart.js and the island runtime (Preact, Astro's
 *     renderer and what it imports itself, e.g. Vite's preload helper): ≤ 15 KB gzip. An island's
 *     own chunks are counted, plus the shared parts only some islands use (the table editor, the
 *     donut chart, engines such as src/lib/calculators/engines/), in full for each island using them;
 *   - an island's Web Worker (loaded only for large data sets, off the main thread): ≤ 15 KB gzip;
 *   - the calculator kit every island loads (fields, parser, state, links, frame, results, chart
 *     wrapper) is loaded once per page and gets the same 15 KB budget as one island;
 *   - Chart.js: one shared chunk ≤ 55 KB gzip, not loaded before a chart scrolls into view;
 *   - My plan: the page ≤ 50 KB gzip before its island loads, the island ≤ 15 KB gzip.
 * `--no-build` measures the existing dist/.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { buildSite } from './build-sites.mjs';
import { startServer } from './serve.mjs';

const KB = 1000;
const BUDGET = { plainPage: 50 * KB, island: 15 * KB, kit: 15 * KB, chart: 55 * KB };

if (!process.argv.includes('--no-build')) {
  const { seconds, pages } = buildSite({ base: '/', outDir: 'dist' });
  console.log(`Built ${pages} pages in ${seconds.toFixed(1)} s`);
}

const { server, url: root } = await startServer({ dir: 'dist', base: '/', port: 0 });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const kb = (n) => `${(n / KB).toFixed(1).padStart(6)} KB`;
const kind = (url, type) => (type === 'document' ? 'html' : /\.css(\?|$)/.test(url) ? 'css' : /\.m?js(\?|$)/.test(url) ? 'js' : 'other');

/** Loads `path`, optionally runs `act`, and returns every response with its gzip size. */
async function measure(path, act) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const loaded = [];
  page.on('response', async (response) => {
    try {
      const body = await response.body();
      loaded.push({ url: response.url(), kind: kind(response.url(), response.request().resourceType()), gzip: gzipSync(body).length, raw: body.length });
    } catch {
      /* redirects have no body */
    }
  });
  await page.goto(root + path, { waitUntil: 'networkidle' });
  // Which resources started before the load event ended (navigation timing, in the page).
  const beforeLoad = new Set(
    await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const end = nav ? nav.loadEventEnd : Infinity;
      return [location.href, ...performance.getEntriesByType('resource').filter((r) => r.startTime <= end).map((r) => r.name)];
    }),
  );
  const idleCount = loaded.length;
  const first = loaded.filter((r) => beforeLoad.has(r.url));
  const idle = loaded.slice(0, idleCount).filter((r) => !beforeLoad.has(r.url));
  if (act) await act(page);
  await page.close();
  return { first, idle, after: loaded.slice(idleCount) };
}

const sum = (items, k) => items.filter((i) => !k || i.kind === k).reduce((s, i) => s + i.gzip, 0);
const failures = [];

console.log('\nFirst load, gzip: HTML / CSS / JS / total (before the load event) | fetched later on idle:');
const pageTypes = [
  ['home (en)', ''],
  ['home (zh-CN)', 'zh-cn/'],
  ['chapter without calculators (en)', 'chapters/01-strategy/'],
  ['chapter without calculators (zh-CN)', 'zh-cn/chapters/01-strategy/'],
  ['glossary (en)', 'glossary/'],
  ['calculator guide (en)', 'calculator-guide/'],
  ['calculators index (en)', 'calculators/'],
  ['calculators index (zh-CN)', 'zh-cn/calculators/'],
  ['calculator page (en)', 'calculators/c05-1/'],
  ['calculator page (zh-CN)', 'zh-cn/calculators/c05-1/'],
  ['calculator-heavy chapter (en)', 'chapters/05-pricing/'],
  // The embed view (no site chrome) of the same calculator page, for other sites' frames.
  ['embed view (zh-CN)', 'embed/zh-cn/c05-1/'],
];
for (const [label, path] of pageTypes) {
  const { first, idle } = await measure(path);
  const hasCalculator = first.some((r) => r.kind === 'html') && (await fetch(root + path).then((r) => r.text())).includes('data-calculator=');
  const total = sum(first);
  const line = `  ${label.padEnd(38)} ${kb(sum(first, 'html'))} ${kb(sum(first, 'css'))} ${kb(sum(first, 'js'))} ${kb(total)} | ${kb(sum(idle))}`;
  if (!hasCalculator && total > BUDGET.plainPage) failures.push(`${label}: ${kb(total)} > ${kb(BUDGET.plainPage)}`);
  console.log(line + (hasCalculator ? '  (has calculators: no first-load budget)' : `  budget ${kb(BUDGET.plainPage)}`));
}

console.log('\nCalculator islands: gzip of the JS each island loads, from its chunk and static imports (Chart.js and Preact excluded):');
// Static analysis of the built chunks: the calculator kit is what every island reaches by static
// imports (loaded once per page); an island's JS is every other chunk it reaches, whether only
// it or also other islands use it (those are counted in full for each). A Web Worker is measured
// on its own: it loads only for large data sets, off the main thread.
const ASTRO = 'dist/_astro/';
const gz = (file) => gzipSync(readFileSync(ASTRO + file)).length;
const isChartChunk = (f) => /^chart-setup\./.test(f);
const isPreactChunk = (f) => /^(preact|hooks|signals|jsxRuntime)\.module\.|^client\.[\w-]+\.js$|^preact\./.test(f);
const staticImports = (file) =>
  [...readFileSync(ASTRO + file, 'utf8').matchAll(/(?:import|export)\s*(?:[\w*{}\s,$]*from\s*)?["']\.\/([\w.-]+\.js)["']/g)].map((m) => m[1]);
const workerRefs = (file) =>
  [...readFileSync(ASTRO + file, 'utf8').matchAll(/["'`](?:\.\/|\/_astro\/)?([\w.-]*worker[\w.-]*\.js)["'`]/g)].map((m) => m[1]).filter((f) => existsSync(ASTRO + f));
// What the island runtime (Astro's Preact renderer, client.*.js) imports itself, such as Vite's
// preload helper: loaded on every page with an island whatever the islands are, like Preact.
const runtimeChunks = new Set();
const addRuntime = (file) => {
  if (runtimeChunks.has(file)) return;
  runtimeChunks.add(file);
  staticImports(file).forEach(addRuntime);
};
readdirSync(ASTRO).filter((f) => /^client\.[\w-]+\.js$/.test(f)).forEach(addRuntime);
/** Chunks reached from `file` by static imports; Web Workers they start are collected in `workers`. */
function closure(file, seen = new Set(), workers = new Set()) {
  if (seen.has(file) || isChartChunk(file) || isPreactChunk(file) || runtimeChunks.has(file)) return seen;
  seen.add(file);
  for (const f of staticImports(file)) closure(f, seen, workers);
  for (const w of workerRefs(file)) workers.add(w);
  return seen;
}
const islandChunks = new Map();
/** Each built page's calculator ids, to measure the shared kit a page really loads. */
const pageIslands = new Map();
for (const file of readdirSync('dist', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'))) {
  const html = readFileSync('dist/' + file, 'utf8');
  for (const m of html.matchAll(/component-url="[^"]*\/_astro\/([^"]+)"[^>]*>[\s\S]*?data-calculator="([^"]+)"/g)) {
    if (!islandChunks.has(m[2])) islandChunks.set(m[2], m[1]);
    pageIslands.set(file, [...(pageIslands.get(file) ?? []), m[2]]);
  }
}
const islandWorkers = new Map();
const closures = new Map(
  [...islandChunks].map(([id, chunk]) => {
    const workers = new Set();
    const set = closure(chunk, new Set(), workers);
    islandWorkers.set(id, [...workers].map((w) => [w, [...closure(w)]]));
    return [id, set];
  }),
);
const reach = new Map();
for (const set of closures.values()) for (const f of set) reach.set(f, (reach.get(f) ?? 0) + 1);
const kit = [...reach].filter(([, n]) => n === closures.size).map(([f]) => f);
const kitSize = kit.reduce((t, f) => t + gz(f), 0);
for (const [id, set] of [...closures].sort()) {
  const own = [...set].filter((f) => !kit.includes(f));
  const size = own.reduce((t, f) => t + gz(f), 0);
  const sharedParts = own.filter((f) => reach.get(f) > 1);
  console.log(`  ${id.padEnd(8)} ${kb(size)}  (${own.join(', ')}${sharedParts.length ? `; shared with other islands: ${sharedParts.length}` : ''})  budget ${kb(BUDGET.island)}`);
  if (size > BUDGET.island) failures.push(`${id} island: ${kb(size)} > ${kb(BUDGET.island)}`);
  for (const [worker, files] of islandWorkers.get(id)) {
    const workerSize = files.reduce((t, f) => t + gz(f), 0);
    console.log(`  ${''.padEnd(8)} ${kb(workerSize)}  Web Worker, loaded for large data sets (${files.join(', ')})  budget ${kb(BUDGET.island)}`);
    if (workerSize > BUDGET.island) failures.push(`${id} worker ${worker}: ${kb(workerSize)} > ${kb(BUDGET.island)}`);
  }
}
// Everything a page's islands load on the main thread, each chunk once (for the record).
let heaviestPage = { page: '', size: 0 };
for (const [page, ids] of pageIslands) {
  const all = new Set(ids.flatMap((id) => [...(closures.get(id) ?? [])]));
  const total = [...all].reduce((t, f) => t + gz(f), 0);
  if (total > heaviestPage.size) heaviestPage = { page, size: total };
}
console.log(`  (island runtime, not counted: ${[...runtimeChunks].join(', ')})`);
console.log(`  calculator kit, loaded once per page with a calculator: ${kb(kitSize)} (${kit.join(', ')})  budget ${kb(BUDGET.kit)}`);
console.log(`  (all calculator JS on the heaviest page, kit and islands, each chunk once: ${kb(heaviestPage.size)} on ${heaviestPage.page})`);
if (kitSize > BUDGET.kit) failures.push(`calculator kit: ${kb(kitSize)} > ${kb(BUDGET.kit)}`);

// My plan (no calculator on its page): the page before its island loads gets the plain-page budget,
// the island (everything it loads statically, shared kit parts included: nothing else on its page
// loads them) the island budget. Its blocks' calculator modules load only for calculators used.
console.log('\nMy plan page: first load before its island, gzip (HTML / CSS / JS / total) | the island (runtime excluded):');
const planHtml = existsSync('dist/plan/index.html') ? readFileSync('dist/plan/index.html', 'utf8') : '';
const planChunk = /component-url="[^"]*\/_astro\/(MyPlan[^"]+)"/.exec(planHtml)?.[1];
if (planChunk) {
  const islandFiles = closure(planChunk);
  const islandSize = [...islandFiles].reduce((t, f) => t + gz(f), 0);
  const isIsland = (url) => {
    const file = url.split('/_astro/')[1]?.split('?')[0] ?? '';
    return islandFiles.has(file) || runtimeChunks.has(file) || isPreactChunk(file);
  };
  for (const [label, path] of [['my plan (en)', 'plan/'], ['my plan (zh-CN)', 'zh-cn/plan/']]) {
    const { first } = await measure(path);
    const page = first.filter((r) => !isIsland(r.url));
    const total = sum(page);
    console.log(`  ${label.padEnd(38)} ${kb(sum(page, 'html'))} ${kb(sum(page, 'css'))} ${kb(sum(page, 'js'))} ${kb(total)}  budget ${kb(BUDGET.plainPage)} | with the island and its runtime: ${kb(sum(first))}`);
    if (total > BUDGET.plainPage) failures.push(`${label} before its island: ${kb(total)} > ${kb(BUDGET.plainPage)}`);
  }
  console.log(`  My plan island ${kb(islandSize)}  (${[...islandFiles].join(', ')})  budget ${kb(BUDGET.island)}`);
  if (islandSize > BUDGET.island) failures.push(`My plan island: ${kb(islandSize)} > ${kb(BUDGET.island)}`);
} else failures.push('My plan island not found in dist/plan/index.html');

console.log('\nChart.js:');
const chartFiles = readdirSync(ASTRO).filter(isChartChunk);
const chartSize = chartFiles.reduce((t, f) => t + gz(f), 0);
const plain = await measure('chapters/01-strategy/');
// A calculator page with a chart (C05.1's own page).
const guide = await measure('calculators/c05-1/', async (page) => {
  await page.locator('[data-chart]').first().scrollIntoViewIfNeeded();
  await page.locator('[data-chart-state="ready"]').first().waitFor({ timeout: 15_000 });
  await page.waitForTimeout(300);
});
const chartOnPlain = [...plain.first, ...plain.idle].some((r) => /chart-setup/.test(r.url));
const chartBeforeScroll = [...guide.first, ...guide.idle].some((r) => /chart-setup/.test(r.url));
const chartAfterScroll = guide.after.some((r) => /chart-setup/.test(r.url));
console.log(`  ${chartFiles.length} chunk(s), ${kb(chartSize)}  budget ${kb(BUDGET.chart)}`);
console.log(`  loaded on a page without calculators: ${chartOnPlain ? 'YES' : 'no'}; on a calculator page: before a chart is in view ${chartBeforeScroll ? 'YES' : 'no'}, after scrolling to it ${chartAfterScroll ? 'yes' : 'NO'}`);
if (chartSize > BUDGET.chart) failures.push(`Chart.js chunk ${kb(chartSize)} > ${kb(BUDGET.chart)}`);
if (chartFiles.length !== 1) failures.push(`Chart.js is in ${chartFiles.length} chunks`);
if (chartOnPlain) failures.push('Chart.js loads on a page without calculators');
if (chartBeforeScroll || !chartAfterScroll) failures.push('Chart.js is not deferred until a chart scrolls into view');

await browser.close();
server.close();
if (failures.length) {
  console.log('\nOver budget:\n  ' + failures.join('\n  '));
  process.exit(1);
}
console.log('\nAll budgets met.');
