#!/usr/bin/env node
/**
 * `npm run test:browser [-- C05.1 C03.2 …] [-- vitest arguments]`: builds what the browser tests
 * need, then runs them. With calculator ids, only those calculators' checks run: the generic
 * checks every calculator gets (calculators-generic-N.test.ts, calculator-checks.ts) and its own file, if it has one
 * (`calculator-c05-1.test.ts`). `SKIP_BUILD=1` reuses the last build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { buildSite, SUB_PATH_BASE } from './build-sites.mjs';
import { chromiumPath, requireChineseFont } from './prerequisites.mjs';

const args = process.argv.slice(2);
const ids = args.filter((a) => /^C\d\d\.\d$/i.test(a)).map((a) => a.toUpperCase());
const rest = args.filter((a) => !/^C\d\d\.\d$/i.test(a));

try {
  chromiumPath();
  requireChineseFont();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

if (!process.env.SKIP_BUILD) {
  const root = buildSite({ base: '/', outDir: 'dist' });
  console.log(`built dist/ (${root.pages} pages) in ${root.seconds.toFixed(1)} s`);
  if (ids.length === 0) {
    const sub = buildSite({ base: SUB_PATH_BASE, outDir: 'dist-sub' });
    console.log(`built dist-sub/ (${sub.pages} pages) in ${sub.seconds.toFixed(1)} s`);
  }
}

const files = ids.length
  ? ['test/browser/calculators-generic', ...ids.map((id) => `test/browser/calculator-${id.toLowerCase().replace('.', '-')}.test.ts`).filter((f) => existsSync(f))]
  : [];
const env = { ...process.env, ...(ids.length ? { CALCULATORS: ids.join(',') } : {}) };
const result = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--config', 'test/vitest.config.ts', '--project', 'browser', ...files, ...rest], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
