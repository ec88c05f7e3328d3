/**
 * Shared set-up for browser tests: finds Debian's Chromium (failing loudly, with the install
 * command, when it is missing), serves a built site on a free local port, and opens pages that
 * record page errors, console errors, CSP violations and any request to another origin.
 */
import { existsSync, readFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startServer } from '../tools/serve.mjs';

const CANDIDATES = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean) as string[];

export function chromiumPath(): string {
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found for the browser tests (looked in ' + CANDIDATES.join(', ') + '). ' +
        'Install it with `apt-get install -y chromium` (Debian) or set CHROMIUM_PATH.',
    );
  }
  return found;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    // Flags that keep Chromium from phoning home on a machine with no outside network.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

export interface Site {
  /** Absolute URL of the site root, ending in the base path and a slash. */
  url: string;
  origin: string;
  base: string;
  close(): Promise<void>;
}

export async function serveSite(dir: string, base = '/'): Promise<Site> {
  if (!existsSync(`${dir}/index.html`)) throw new Error(`${dir}/ has no build: run \`npm test\` (it builds first) or \`npm run build\`.`);
  const { server, url } = (await startServer({ dir, base, port: 0 })) as { server: { close(cb: () => void): void }; url: string };
  return { url, origin: new URL(url).origin, base, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export interface PageProblems {
  pageErrors: string[];
  consoleErrors: string[];
  cspViolations: string[];
  foreignRequests: string[];
  failedRequests: string[];
}

export async function openPage(context: BrowserContext, site: Site): Promise<{ page: Page; problems: PageProblems }> {
  const page = await context.newPage();
  const problems: PageProblems = { pageErrors: [], consoleErrors: [], cspViolations: [], foreignRequests: [], failedRequests: [] };
  page.on('pageerror', (error) => problems.pageErrors.push(error.message));
  page.on('console', (msg) => msg.type() === 'error' && problems.consoleErrors.push(msg.text()));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== site.origin) problems.foreignRequests.push(url);
  });
  page.on('response', (response) => response.status() >= 400 && problems.failedRequests.push(`${response.status()} ${response.url()}`));
  await page.exposeFunction('__reportCsp', (text: string) => problems.cspViolations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCsp(t: string): void }).__reportCsp(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return { page, problems };
}

/** Scrolls through the page so `client:visible` islands hydrate and charts draw. */
export async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight) {
      window.scrollTo(0, y);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 20)));
    }
  });
}

/** Every page URL in the built sitemap, rewritten to the local server. */
export function sitemapUrls(dir: string, site: Site): string[] {
  const index = readFileSync(`${dir}/sitemap-0.xml`, 'utf8');
  return [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => {
    const u = new URL(m[1]!);
    return site.origin + u.pathname;
  });
}

/** NaN, Infinity, undefined or null in visible text: never allowed in a calculator, nor NaN/Infinity anywhere. */
export async function badNumbersOnPage(page: Page): Promise<string[]> {
  const { all, calculators } = await page.evaluate(() => ({
    all: document.body.innerText,
    calculators: [...document.querySelectorAll<HTMLElement>('[data-calculator]')].map((el) => el.innerText).join('\n'),
  }));
  return [
    ...[...all.matchAll(/\b(NaN|Infinity)\b/g)].map((m) => m[0]),
    ...[...calculators.matchAll(/\b(undefined|null)\b|∞/g)].map((m) => m[0]),
  ];
}
