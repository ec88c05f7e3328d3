/**
 * The system packages the browser tests need, and nothing else: Debian's Chromium and a Chinese
 * font (Chromium drops glyphs it has no font for, so Chinese pages would print and screenshot
 * blank). Each check fails at once with the one command that installs what is missing.
 * Used by `npm test` before it builds anything, and by the browser tests' global set-up.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Debian's headless build of Chromium first (package chromium-headless-shell, the same Chromium
 * release without the desktop browser's shell): 169 browser tests took 156 Chromium CPU-seconds and
 * 139 s against 293 and 211 s, and the whole browser stage 491 s against 790 s. The desktop build
 * still works, only slower.
 */
const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
const CANDIDATES = [process.env.CHROMIUM_PATH, HEADLESS_SHELL, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean);
const INSTALL = '`apt-get install -y chromium-headless-shell` (Debian)';

/** Flags that keep Chromium from phoning home on a machine with no outside network. */
export const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

let warned = false;

/** @returns {string} */
export function chromiumPath() {
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found for the browser tests (looked in ' + CANDIDATES.join(', ') + '). ' +
        `Install it with ${INSTALL} or set CHROMIUM_PATH.`,
    );
  }
  if (found !== HEADLESS_SHELL && !process.env.CHROMIUM_PATH && !warned) {
    warned = true;
    console.warn(`Browser tests use ${found}; ${INSTALL} runs them in about two thirds of the time.`);
  }
  return found;
}

export function requireChineseFont() {
  let fonts = '';
  try {
    fonts = execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  } catch {
    /* no fontconfig at all: reported below */
  }
  if (!fonts.trim()) {
    throw new Error('No Chinese font for the browser tests (Chinese pages print and render blank without one). Install it with `apt-get install -y fonts-noto-cjk` (Debian).');
  }
}
