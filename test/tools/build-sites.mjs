/**
 * Builds the production site twice: at the domain root (dist/) and under a sub-path
 * (dist-sub/, base /playbook/), with a clean environment so nothing from a test runner leaks
 * into Astro (Vitest's NODE_ENV=test would turn the build into a dev build).
 */
import { spawnSync } from 'node:child_process';

export const SUB_PATH_BASE = '/playbook/';

const LEAKY = ['NODE_ENV', 'DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL', 'VITEST', 'VITEST_MODE', 'TEST', 'PLAYBOOK_BASE', 'PLAYBOOK_OUT'];

export function buildSite({ base = '/', outDir = 'dist' } = {}) {
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', PLAYBOOK_BASE: base, PLAYBOOK_OUT: outDir };
  for (const key of LEAKY) if (key !== 'PLAYBOOK_BASE' && key !== 'PLAYBOOK_OUT') delete env[key];
  const started = performance.now();
  const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { env, encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) {
    process.stdout.write(result.stdout ?? '');
    process.stderr.write(result.stderr ?? '');
    throw new Error(`astro build (base ${base}) failed with exit code ${result.status}`);
  }
  const pages = /(\d+) page\(s\) built/.exec(result.stdout)?.[1] ?? '?';
  return { seconds, pages };
}
