/**
 * Embedding (issue 15): a page on another loopback origin frames a calculator's embed view. The
 * playbook is served with the headers its build generates (`_headers`, from
 * src/integrations/host-headers.mjs) when PLAYBOOK_EMBED_ORIGINS lists that origin, so the test
 * sees what a host enforces: the embed view loads and works in the frame, the full calculator page
 * is refused (frame-ancestors 'self'); typing in the frame changes the result; "Open in the
 * playbook" opens the full page with the typed input. The Chinese embed view passes axe and the CSP.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { axeViolations, launchBrowser, openPage, type Site } from './harness';
import { startServer } from '../tools/serve.mjs';
import { renderHeaders } from '../../src/integrations/host-headers.mjs';

/** Islands hydrate on idle, touch or view: on a busy machine that can take a while (a hang guard, not a speed limit). */
const HYDRATED = { timeout: 30_000 };

interface Closable {
  close(cb: () => void): void;
}

let browser: Browser;
let hostDir: string;
const servers: Closable[] = [];
let playbook: Site;
let host: Site;

/** The rules of a `_headers` file as a host applies them: every matching rule adds its headers. */
function headerRules(text: string): (pathname: string) => Record<string, string> {
  const rules: { path: string; headers: Record<string, string> }[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('/')) rules.push({ path: line.trim(), headers: {} });
    else if (line.startsWith('  ')) {
      const at = line.indexOf(':');
      rules.at(-1)!.headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
  }
  return (pathname) => {
    const out: Record<string, string> = {};
    for (const { path, headers } of rules) {
      if (!(path.endsWith('*') ? pathname.startsWith(path.slice(0, -1)) : pathname === path)) continue;
      for (const [name, value] of Object.entries(headers)) out[name] = out[name] ? `${out[name]}, ${value}` : value;
    }
    return out;
  };
}

async function serve(dir: string, headers?: (pathname: string) => Record<string, string>): Promise<Site> {
  const { server, url } = (await startServer({ dir, base: '/', port: 0, headers })) as { server: Closable; url: string };
  servers.push(server);
  return { url, origin: new URL(url).origin, base: '/', close: async () => {} };
}

beforeAll(async () => {
  browser = await launchBrowser();
  hostDir = mkdtempSync(join(tmpdir(), 'embed-host-'));
  writeFileSync(join(hostDir, '404.html'), '<!doctype html><title>Not found</title>');
  host = await serve(hostDir);
  // The headers a build with PLAYBOOK_EMBED_ORIGINS=<the host's origin> writes into _headers.
  const { text } = renderHeaders('dist', '/', { ancestors: "'self'", embed: [host.origin] });
  playbook = await serve('dist', headerRules(text));
  writeFileSync(
    join(hostDir, 'index.html'),
    `<!doctype html><html lang="en"><title>Intranet</title><link rel="icon" href="data:,"><body>
<iframe id="embed" title="Cost-plus calculator" src="${playbook.url}embed/c05-1/" width="100%" height="900"></iframe>
<iframe id="full" title="Full page" src="${playbook.url}calculators/c05-1/" width="100%" height="200"></iframe>
</body></html>`,
  );
});
afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  if (hostDir) rmSync(hostDir, { recursive: true, force: true });
});

/** Runs `test` in a fresh context (its own storage: loopback origins on two ports are one site and share it). */
async function inContext(test: (context: BrowserContext) => Promise<void>): Promise<void> {
  const context = await browser.newContext();
  try {
    await test(context);
  } finally {
    await context.close();
  }
}

describe('an embedded calculator on another origin', () => {
  it('works in the frame, keeps the typed input in "Open in the playbook"; the full page may not be framed', async () => {
    await inContext(async (context) => {
      const { page, problems } = await openPage(context, host);
      await page.goto(host.url);
      const embed = page.frameLocator('#embed');
      const calculator = embed.locator('[data-calculator="C05.1"]');
      await expect.poll(() => calculator.locator('[data-result="price"] dd').innerText(), HYDRATED).toBe('$45.00');

      // Defaults: material 12 → 40 gives the price $80.00 (calculator-c05-1.test.ts).
      await calculator.locator('input[name="material"]').fill('40');
      await expect.poll(() => calculator.locator('[data-result="price"] dd').innerText(), HYDRATED).toBe('$80.00');

      const open = embed.locator('a[data-embed-open]');
      await open.hover();
      const href = new URL((await open.getAttribute('href'))!, playbook.url);
      expect(href.pathname).toBe('/calculators/c05-1/');
      expect(href.searchParams.get('C05.1.material')).toBe('40');
      const [full] = await Promise.all([context.waitForEvent('page'), open.click()]);
      await full.waitForURL(/\/calculators\/c05-1\//);
      expect(new URL(full.url()).searchParams.get('C05.1.material')).toBe('40');
      await expect.poll(() => full.locator('[data-calculator="C05.1"] input[name="material"]').inputValue(), HYDRATED).toBe('40');
      await full.close();

      // The full calculator page sends frame-ancestors 'self': the browser refuses to show it here.
      const framed = await (await page.locator('#full').elementHandle())!.contentFrame();
      expect(framed).not.toBeNull();
      expect(await framed!.locator('[data-calculator]').count()).toBe(0);
      expect(problems.consoleErrors.filter((e) => !/frame-ancestors/.test(e))).toEqual([]);
      expect(problems.consoleErrors.some((e) => /frame-ancestors/.test(e))).toBe(true);
      expect(problems.pageErrors).toEqual([]);
      expect(problems.cspViolations).toEqual([]);
    });
  });

  it('the Chinese embed view passes axe and its CSP, with no site chrome', async () => {
    await inContext(async (context) => {
      const { page, problems } = await openPage(context, playbook);
      await page.goto(`${playbook.url}embed/zh-cn/c05-1/`);
      const calculator = page.locator('[data-calculator="C05.1"]');
      await expect.poll(() => calculator.locator('[data-result="price"] dd').innerText(), HYDRATED).toBe('¥45.00');
      expect(await page.locator('a[data-embed-open]').innerText()).toContain('在手册中打开');
      expect(await page.locator('site-search, starlight-menu-button, .sidebar-pane, .right-sidebar').count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      expect(problems.cspViolations).toEqual([]);
      expect(problems.pageErrors).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
      expect(problems.failedRequests).toEqual([]);
    });
  });
});
