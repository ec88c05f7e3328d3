/**
 * Runs once per browser-test run, before any test file: checks the two system prerequisites
 * (Chromium and a Chinese font), then starts what every browser test file shares: one Chromium
 * (files connect to it over a local WebSocket instead of each launching their own) and one static
 * server per build (dist/ at `/`, dist-sub/ at `/playbook/`). Test files get their addresses with
 * `inject` through the helpers in harness.ts.
 */
import { existsSync } from 'node:fs';
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { startServer } from '../tools/serve.mjs';
import { BROWSER_ARGS, chromiumPath, requireChineseFont } from '../tools/prerequisites.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    browserWsEndpoint: string;
    /** Site root URL per build folder (`dist`, `dist-sub`), ending in the base path. */
    siteUrls: Record<string, string>;
  }
}

const BUILDS = [
  { dir: 'dist', base: '/' },
  { dir: 'dist-sub', base: '/playbook/' },
];

interface Closable {
  close(cb: () => void): void;
}

export default async function setup(project: TestProject) {
  const executablePath = chromiumPath();
  requireChineseFont();

  const browserServer: BrowserServer = await chromium.launchServer({ executablePath, args: BROWSER_ARGS, host: '127.0.0.1' });
  const servers: Closable[] = [];
  const siteUrls: Record<string, string> = {};
  for (const { dir, base } of BUILDS) {
    if (!existsSync(`${dir}/index.html`)) continue; // the file that needs it fails with the build command
    const { server, url } = (await startServer({ dir, base, port: 0 })) as { server: Closable; url: string };
    servers.push(server);
    siteUrls[dir] = url;
  }
  project.provide('browserWsEndpoint', browserServer.wsEndpoint());
  project.provide('siteUrls', siteUrls);

  return async () => {
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    await browserServer.close();
  };
}
