#!/usr/bin/env node
/**
 * `npm test`: checks the system prerequisites (Chromium, a Chinese font), builds the site at the
 * root and under a sub-path, type-checks, runs the unit, site and browser suites, prints the wall
 * time of each stage and ends with the plain line `N passed, N failed`.
 * Arguments after `--` go to every Vitest run (e.g. a file filter).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { buildSite, SUB_PATH_BASE } from './build-sites.mjs';
import { chromiumPath, requireChineseFont } from './prerequisites.mjs';

mkdirSync('test-results', { recursive: true });
const extraArgs = process.argv.slice(2);
const stages = [];
let passed = 0;
let failed = 0;

function finish() {
  if (passed === 0 && failed === 0) failed = 1; // a run that ran nothing is a failure
  console.log('\nWall time by stage:');
  for (const { label, seconds } of stages) console.log(`  ${label.padEnd(34)} ${seconds.toFixed(1).padStart(6)} s`);
  const closing = `${passed} passed, ${failed} failed`;
  writeFileSync('test-results/summary.txt', closing + '\n');
  console.log(closing);
  process.exit(failed > 0 ? 1 : 0);
}

async function stage(label, fn) {
  const started = performance.now();
  console.log(`\n▸ ${label}`);
  try {
    return await fn();
  } finally {
    const seconds = (performance.now() - started) / 1000;
    stages.push({ label, seconds });
    console.log(`▸ ${label}: ${seconds.toFixed(1)} s`);
  }
}

function run(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: 'inherit' });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

/** Runs one Vitest project and adds its counts; a file that failed outside any test counts as one failure. */
async function vitestProject(project) {
  const report = `test-results/vitest-${project}.json`;
  rmSync(report, { force: true });
  const code = await run([
    'node_modules/vitest/vitest.mjs', 'run', '--config', 'test/vitest.config.ts', '--project', project,
    '--reporter=default', '--reporter=json', `--outputFile.json=${report}`,
    ...(extraArgs.length ? ['--passWithNoTests', ...extraArgs] : []),
  ]);
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    const brokenFiles = json.testResults.filter((f) => f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed')).length;
    passed += json.numPassedTests;
    failed += json.numFailedTests + brokenFiles;
    if (code !== 0 && json.numFailedTests + brokenFiles === 0) failed += 1; // e.g. an error outside any file
  } catch {
    failed += 1; // no report: Vitest itself crashed
  }
}

// System prerequisites first, so a missing package costs seconds, not a build.
try {
  chromiumPath();
  requireChineseFont();
} catch (error) {
  console.error(String(error.message ?? error));
  failed += 1;
  finish();
}

try {
  // One after the other: both builds write Astro's caches (.astro/, node_modules/.astro).
  await stage('build at / and at ' + SUB_PATH_BASE, async () => {
    const root = buildSite({ base: '/', outDir: 'dist' });
    const sub = buildSite({ base: SUB_PATH_BASE, outDir: 'dist-sub' });
    console.log(`  dist/: ${root.pages} pages in ${root.seconds.toFixed(1)} s; dist-sub/: ${sub.pages} pages in ${sub.seconds.toFixed(1)} s`);
  });
} catch (error) {
  console.error(String(error));
  failed += 1;
  finish();
}

// After the build: it generates the `astro:content` types (.astro/) that the type check needs.
await stage('type check (tsc --noEmit)', async () => {
  const code = await run(['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.json']);
  if (code !== 0) failed += 1;
});
await stage('unit tests', () => vitestProject('unit'));
await stage('site tests', () => vitestProject('site'));
await stage('browser tests', () => vitestProject('browser'));
finish();
