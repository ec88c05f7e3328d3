import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('../src', import.meta.url));

/**
 * Browser test files run in parallel, one per worker; they share one Chromium and one static
 * server per build (global-setup.ts), so a worker costs a page or two, not a browser.
 * `BROWSER_WORKERS` overrides the count (default: the machine's cores, at least 2). Two workers per
 * core ran the browser stage in 821 s against 898 s, but twice left a site-sweep shard waiting past
 * ten minutes on this 2-core machine, so the default stays one per core until that is understood.
 */
const browserWorkers = Number(process.env['BROWSER_WORKERS']) || Math.max(2, availableParallelism());

export default defineConfig({
  resolve: { alias: { '~': src } },
  test: {
    projects: [
      {
        resolve: { alias: { '~': src } },
        // Property tests run a fixed number of cases; the long timeout only keeps a busy shared machine
        // from failing them (speed is measured by `npm run bench`, not here).
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node', testTimeout: 60_000 },
      },
      {
        resolve: { alias: { '~': src } },
        // Checks over the sources and the built dist/ (run after the build in `npm test`).
        test: { name: 'site', include: ['test/site/**/*.test.ts'], environment: 'node', testTimeout: 60_000 },
      },
      {
        resolve: { alias: { '~': src } },
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/browser/global-setup.ts'],
          maxWorkers: browserWorkers,
          // Safety nets for a hang on a busy shared machine, not speed limits (see `npm run bench`).
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
