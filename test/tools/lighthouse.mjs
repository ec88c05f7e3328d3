#!/usr/bin/env node
/**
 * `npm run lighthouse`: builds the site into a temporary folder, serves it locally and audits the
 * home page, the calculator-heavy pricing chapter, a calculator page and My plan in both languages with Lighthouse's default
 * (mobile) settings in Debian's Chromium: performance, accessibility, best practices and SEO, and
 * the bytes each page transfers. Exits 1 when any score is under 95.
 * The site is served by startServer (test/tools/serve.mjs) behind a small gzip layer, because every
 * host in the README's "Deploying" section compresses text and the audit should see what a reader
 * gets: without it a 150 KB page costs seconds on Lighthouse's simulated slow 4G that no host
 * would make anyone wait. `--no-compress` audits the uncompressed server.
 * Runs on the project's Node 24 (Lighthouse 13 needs Node ≥ 22.19): start it through npm.
 * Each URL is audited three times (`--runs N`) and the median run by performance counts.
 *   npm run lighthouse [-- --no-build --dir dist] [--no-compress] [--runs 3] [--path zh-cn/ …]
 */
import { spawn } from 'node:child_process';
import { createServer, request as httpRequest } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGzip } from 'node:zlib';
import lighthouse from 'lighthouse';
import { buildSite } from './build-sites.mjs';
import { startServer } from './serve.mjs';

const MIN_SCORE = 95;
const ALL_PATHS = ['', 'chapters/05-pricing/', 'calculators/c05-1/', 'plan/', 'zh-cn/', 'zh-cn/chapters/05-pricing/', 'zh-cn/calculators/c05-1/', 'zh-cn/plan/'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
if (!CHROMIUM) {
  console.error('No Chromium found: install it with `apt-get install -y chromium` (Debian) or set CHROMIUM_PATH.');
  process.exit(1);
}

const args = process.argv.slice(2);
// `--path zh-cn/` (repeatable) audits only the pages named.
const chosen = args.flatMap((a, i) => (a === '--path' ? [args[i + 1] ?? ''] : []));
const PATHS = chosen.length ? chosen : ALL_PATHS;
const ownBuild = !args.includes('--no-build');
const compress = !args.includes('--no-compress');
const RUNS = args.includes('--runs') ? Math.max(1, Number(args[args.indexOf('--runs') + 1])) : 3;
const dir = ownBuild ? mkdtempSync(join(tmpdir(), 'playbook-lighthouse-')) : args.includes('--dir') ? args[args.indexOf('--dir') + 1] : 'dist';

/** Starts Chromium with a DevTools port for Lighthouse to drive, and returns the port. */
function launchChromium(profile) {
  const child = spawn(
    CHROMIUM,
    [
      '--headless=new',
      '--no-sandbox',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      // Keep Chromium from phoning home on a machine with no outside network (as the browser tests do).
      '--disable-gpu', '--disable-quic', '--no-first-run', '--no-default-browser-check', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--disable-extensions',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${stderr}`)), 30_000);
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      const port = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(stderr)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve({ child, port: Number(port) });
      }
    });
    child.on('exit', (code) => reject(new Error(`Chromium exited with ${code}:\n${stderr}`)));
  });
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

/**
 * A gzip layer in front of `target` (the static server): compresses text responses for clients that
 * accept gzip, as static hosts do, and passes everything else through untouched.
 */
function gzipProxy(target) {
  const upstream = new URL(target);
  const server = createServer((req, res) => {
    const forward = httpRequest(
      { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: { ...req.headers, 'accept-encoding': 'identity' } },
      (up) => {
        const headers = { ...up.headers };
        const type = String(headers['content-type'] ?? '');
        const text = /^(text\/|application\/(javascript|json|xml|wasm)|image\/svg\+xml)/.test(type);
        if (up.statusCode === 200 && text && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
          delete headers['content-length'];
          res.writeHead(200, { ...headers, 'content-encoding': 'gzip', vary: 'Accept-Encoding' });
          up.pipe(createGzip({ level: 6 })).pipe(res);
        } else {
          res.writeHead(up.statusCode ?? 502, headers);
          up.pipe(res);
        }
      },
    );
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}${upstream.pathname}` })));
}

let server;
let proxy;
let chromium;
const profile = mkdtempSync(join(tmpdir(), 'playbook-lighthouse-profile-'));
let failed = false;
try {
  if (ownBuild) {
    const { seconds, pages } = buildSite({ base: '/', outDir: dir });
    console.log(`Built ${pages} pages into ${dir} in ${seconds.toFixed(1)} s`);
  }
  const started = await startServer({ dir, base: '/', port: 0 });
  server = started.server;
  const front = compress ? await gzipProxy(started.url) : started;
  proxy = compress ? front.server : null;
  chromium = await launchChromium(profile);

  const rows = [];
  const reports = {};
  for (const path of PATHS) {
    const url = front.url + path;
    // Lighthouse's default config is the mobile preset: a Moto G Power-sized screen, 4× CPU slowdown
    // and simulated slow 4G. The CPU slowdown multiplies whatever else the machine is doing, so a
    // single run can lose 20 points to a busy neighbour: each URL is audited RUNS times and the run
    // with the median performance score counts, as Lighthouse's own guidance on variability advises.
    const runs = [];
    for (let run = 0; run < RUNS; run++) {
      const { lhr } = await lighthouse(url, { port: chromium.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
      if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      runs.push(lhr);
    }
    const perf = (r) => r.categories.performance?.score ?? 0;
    const lhr = [...runs].sort((a, b) => perf(a) - perf(b))[Math.floor(runs.length / 2)];
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]));
    const bytes = lhr.audits['total-byte-weight']?.numericValue ?? 0;
    const requests = lhr.audits['network-requests']?.details?.items?.length ?? 0;
    const perfRuns = runs.map((r) => Math.round(perf(r) * 100)).join(' ');
    rows.push({ path: `/${path}`, ...scores, transfer: kib(bytes), requests, ...(RUNS > 1 ? { 'performance, each run': perfRuns } : {}) });
    reports[`/${path}`] = lhr;
    for (const c of CATEGORIES) {
      if (scores[c] >= MIN_SCORE) continue;
      failed = true;
      // What cost the points: the failing audits of that category, with their weights.
      const losers = lhr.categories[c].auditRefs
        .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 0.9)
        .map((ref) => `${ref.id} (${lhr.audits[ref.id].displayValue ?? Math.round(lhr.audits[ref.id].score * 100)})`);
      console.log(`  /${path} ${c} ${scores[c]} < ${MIN_SCORE}: ${losers.join(', ') || 'see the report'}`);
    }
  }
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/lighthouse.json', JSON.stringify(reports, null, 1));

  const first = Object.values(reports)[0];
  const chrome = first.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0] ?? 'Chromium';
  console.log(`\nLighthouse ${first.lighthouseVersion}, mobile preset, ${chrome}, ${compress ? 'gzip' : 'uncompressed'}, median of ${RUNS} run(s) (reports: test-results/lighthouse.json)`);
  console.table(Object.fromEntries(rows.map(({ path, ...rest }) => [path, rest])));
  console.log(failed ? `A score is under ${MIN_SCORE}.` : `Every score is ${MIN_SCORE} or more.`);
} catch (error) {
  console.error(error);
  failed = true;
} finally {
  if (chromium) {
    // Let Chromium finish writing its profile before the folder is removed.
    const exited = new Promise((resolve) => chromium.child.once('exit', resolve));
    chromium.child.kill();
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  }
  for (const s of [proxy, server]) if (s) await new Promise((resolve) => { s.close(resolve); s.closeAllConnections(); });
  rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  if (ownBuild) rmSync(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
