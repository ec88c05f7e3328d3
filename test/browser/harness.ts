/**
 * Shared set-up for browser tests: the run's one Chromium and static servers (started by
 * global-setup.ts; a file run on its own starts its own, failing loudly with the install command
 * when Chromium is missing), and pages that record page errors, console errors, CSP violations and
 * any request to another origin.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { startServer } from '../tools/serve.mjs';
import { BROWSER_ARGS, chromiumPath } from '../tools/prerequisites.mjs';

export { chromiumPath };

/**
 * The run's shared Chromium (started once by global-setup.ts), or a new one when a file runs
 * outside that set-up. Closing a connected browser only disconnects this file from it.
 */
export async function launchBrowser(): Promise<Browser> {
  const endpoint = inject('browserWsEndpoint');
  if (endpoint) return blockServiceWorkersByDefault(await chromium.connect(endpoint));
  return blockServiceWorkersByDefault(await chromium.launch({ executablePath: chromiumPath(), args: BROWSER_ARGS }));
}

/**
 * New contexts and pages block service workers unless a test asks for them (`serviceWorkers:
 * 'allow'`, as test/browser/offline.test.ts does): the site's offline worker would otherwise
 * download the whole site into every fresh context once its page is idle, and Playwright's
 * request routing (`page.route`) does not see requests a worker answers.
 */
function blockServiceWorkersByDefault(browser: Browser): Browser {
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  browser.newContext = (options = {}) => newContext({ serviceWorkers: 'block', ...options });
  browser.newPage = (options = {}) => newPage({ serviceWorkers: 'block', ...options });
  return browser;
}

export interface Site {
  /** Absolute URL of the site root, ending in the base path and a slash. */
  url: string;
  origin: string;
  base: string;
  close(): Promise<void>;
}

const BUILD_COMMAND = 'run `npm test` (it builds first), `npm run test:browser` or `npm run build`';

/** The run's shared static server for a build folder (started once by global-setup.ts), else a new one. */
export async function serveSite(dir: string, base = '/'): Promise<Site> {
  if (!existsSync(`${dir}/index.html`)) throw new Error(`${dir}/ has no build: ${BUILD_COMMAND}.`);
  const shared = inject('siteUrls')?.[dir];
  if (shared) return { url: shared, origin: new URL(shared).origin, base, close: async () => {} };
  const { server, url } = (await startServer({ dir, base, port: 0 })) as { server: { close(cb: () => void): void }; url: string };
  return { url, origin: new URL(url).origin, base, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The shared Chromium and a build's static server, for a test file's `beforeAll`. */
export async function connect(dir = 'dist', base = '/'): Promise<{ browser: Browser; site: Site }> {
  return { browser: await launchBrowser(), site: await serveSite(dir, base) };
}

/** Lets go of what `connect` gave, in `afterAll` (either may be missing if `beforeAll` failed). */
export async function disconnect(...held: ({ close(): Promise<void> } | undefined)[]): Promise<void> {
  for (const item of held) await item?.close();
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
      await new Promise((r) => { setTimeout(r, 100); requestAnimationFrame(() => setTimeout(r, 20)); }); // a frame, at most 100 ms
    }
  });
}

/**
 * Waits until every island on the page has hydrated and every chart that is laid out has drawn.
 * Charts load Chart.js only when they come near the viewport, so each chart still waiting is
 * scrolled to once the islands have hydrated (a scroll made before hydration is not seen by its observer).
 */
export async function settleCalculators(page: Page, timeout = 60_000): Promise<void> {
  await scrollThrough(page);
  await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0, null, { timeout });
  await page.evaluate(async () => {
    for (const chart of document.querySelectorAll<HTMLElement>('[data-chart][data-chart-state="idle"]')) {
      if (chart.offsetParent === null) continue;
      chart.scrollIntoView({ block: 'center' });
      await new Promise((r) => { setTimeout(r, 100); requestAnimationFrame(() => setTimeout(r, 30)); }); // a frame, at most 100 ms
    }
  });
  // A chart not laid out (in a closed panel) never comes into view, so it never loads Chart.js.
  await page.waitForFunction(
    () => [...document.querySelectorAll<HTMLElement>('[data-chart]')].every((c) => c.dataset['chartState'] !== 'idle' || c.offsetParent === null),
    null,
    { timeout },
  );
}

/** Types a digit at the end of the first text input of each calculator, then lets it recompute and redraw. */
export async function typeIntoCalculators(page: Page): Promise<number> {
  const calculators = page.locator('[data-calculator]');
  const count = await calculators.count();
  for (let i = 0; i < count; i++) {
    const input = calculators.nth(i).locator('input[type="text"]').first();
    if ((await input.count()) === 0) continue;
    await input.focus(); // real key presses below, without click()'s actionability round trips
    await page.keyboard.press('End');
    await page.keyboard.type('1');
  }
  // Debounced recompute, then Chart.js's redraw: a violation would be raised by then.
  if (count > 0) await page.waitForTimeout(400);
  return count;
}

/** CSP violation events, and the browser's own console message for each (it names the missing hash). */
export function cspReport(path: string, problems: PageProblems): string[] {
  const refused = [...problems.pageErrors, ...problems.consoleErrors].filter((e) => /content security policy/i.test(e));
  const summary = (e: string) => {
    const hash = /a hash \('(sha\d+-[^']+)'\)/.exec(e)?.[1];
    const what = /^[^.]*?(?= violates)/.exec(e)?.[0] ?? e.slice(0, 120);
    return hash ? `${what}: needs '${hash}'` : e.slice(0, 300);
  };
  return [...problems.cspViolations.map((v) => `${path} CSP ${v}`), ...refused.map((e) => `${path} ${summary(e)}`)];
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

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe-core's WCAG 2.2 AA violations on the page, or inside `selector`, as `rule: targets` lines;
 * `{ exclude }` checks the page but the parts matching it (checked elsewhere).
 */
export async function axeViolations(page: Page, selector?: string | { exclude: string }): Promise<string[]> {
  // Evaluated through DevTools, not an inline <script>, so the page's strict CSP stays intact.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(
    async ({ tags, selector }) => {
      const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const context = typeof selector === 'string' ? { include: [[selector]] } : selector ? { exclude: [[selector.exclude]] } : document;
      const result = await axe.run(context, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    },
    { tags: AXE_TAGS, selector },
  );
}

/** Pages open at once in a sweep over many URLs: enough to keep two cores busy while one page waits. */
export const PAGE_CONCURRENCY = Number(process.env['PAGE_CONCURRENCY'] ?? 3);

/**
 * Works through `items` with `workers` pages at once. Each page has a browser context of its own
 * (pages of one context share localStorage, so one page's set-up would race another's) and is
 * reused from one item to the next; every document starts with no stored calculator inputs and,
 * when given, with `theme` chosen. `problems` holds the current item's problems only.
 */
export async function pagePool(
  browser: Browser,
  site: Site,
  items: string[],
  task: (page: Page, problems: PageProblems, item: string) => Promise<void>,
  { theme, workers = PAGE_CONCURRENCY, javaScriptEnabled = true }: { theme?: string; workers?: number; javaScriptEnabled?: boolean } = {},
): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: Math.min(workers, items.length) }, async () => {
      const context = await browser.newContext({ javaScriptEnabled });
      await context.addInitScript((t) => {
        localStorage.clear();
        if (t) localStorage.setItem('starlight-theme', t);
      }, theme ?? '');
      const { page, problems } = await openPage(context, site);
      try {
        for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
          for (const list of Object.values(problems)) list.length = 0;
          await task(page, problems, item);
        }
      } finally {
        await context.close();
      }
    }),
  );
}

/** A download's bytes. (With the run's shared browser the file lives on its side: `path()` is not available.) */
export async function downloadBytes(download: { createReadStream(): Promise<NodeJS.ReadableStream> }): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}
