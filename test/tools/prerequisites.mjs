/**
 * The system packages the browser tests need, and nothing else: Debian's Chromium and a Chinese
 * font (Chromium drops glyphs it has no font for, so Chinese pages would print and screenshot
 * blank). Each check fails at once with the one command that installs what is missing.
 * Used by `npm test` before it builds anything, and by the browser tests' global set-up.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean);

/** Flags that keep Chromium from phoning home on a machine with no outside network. */
export const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** @returns {string} */
export function chromiumPath() {
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found for the browser tests (looked in ' + CANDIDATES.join(', ') + '). ' +
        'Install it with `apt-get install -y chromium` (Debian) or set CHROMIUM_PATH.',
    );
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
