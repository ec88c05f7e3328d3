#!/usr/bin/env node
/**
 * `npm test`: builds the site at the root and under a sub-path, type-checks, runs every Vitest
 * project (unit, site, browser), then prints the plain closing line `N passed, N failed`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { buildSite, SUB_PATH_BASE } from './build-sites.mjs';

const REPORT = 'test-results/vitest.json';
mkdirSync('test-results', { recursive: true });
rmSync(REPORT, { force: true });

function step(label, fn) {
  const started = performance.now();
  const result = fn();
  console.log(`▸ ${label} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return result;
}

let root, sub;
try {
  root = step('build at / → dist/', () => buildSite({ base: '/', outDir: 'dist' }));
  sub = step(`build at ${SUB_PATH_BASE} → dist-sub/`, () => buildSite({ base: SUB_PATH_BASE, outDir: 'dist-sub' }));
} catch (error) {
  console.error(String(error));
  writeFileSync('test-results/summary.txt', '0 passed, 1 failed\n');
  console.log('0 passed, 1 failed');
  process.exit(1);
}
console.log(`  built ${root.pages} pages in ${root.seconds.toFixed(1)} s; sub-path build ${sub.pages} pages in ${sub.seconds.toFixed(1)} s`);

// After the build: it generates the `astro:content` types (.astro/) that the type check needs.
let typecheckFailed = false;
step('type check (tsc --noEmit)', () => {
  const tsc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.json'], { stdio: 'inherit' });
  typecheckFailed = tsc.status !== 0;
});

const vitest = step('vitest (unit, site, browser)', () =>
  spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--config', 'test/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${REPORT}`, ...process.argv.slice(2)], {
    stdio: 'inherit',
  }),
);

let passed = 0;
let failed = 0;
try {
  const report = JSON.parse(readFileSync(REPORT, 'utf8'));
  passed = report.numPassedTests;
  // A file that failed outside any test (a crash on import, a throwing beforeAll) counts as one failure
  // even though its tests are reported as skipped.
  const brokenFiles = report.testResults.filter((f) => f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed')).length;
  failed = report.numFailedTests + brokenFiles;
} catch {
  failed += 1; // no report: Vitest itself crashed
}
if (typecheckFailed) failed += 1;
if (passed === 0 && failed === 0) failed = 1; // a run that ran nothing is a failure
const closing = `${passed} passed, ${failed} failed`;
writeFileSync('test-results/summary.txt', closing + '\n');
console.log(closing);
process.exit(failed > 0 || vitest.status !== 0 ? 1 : 0);
