/**
 * The repository's top level holds only what the product owner listed (sources, content, static
 * files, tests, the config files and the CI entry point) plus the files tools insist on finding
 * there. Routes live under src/routes/ and are injected (src/integrations/routes.mjs), so a
 * top-level pages/ folder, or any other new top-level entry, fails here.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const WANTED = ['src', 'content', 'public', 'test', 'astro.config.mjs', 'package.json', 'tsconfig.json', 'README.md', '.ci'];
/** Starlight reads content.config.ts beside srcDir; npm needs the lock file; git and GitHub Pages their dotfiles. */
const REQUIRED_BY_TOOLS = ['content.config.ts', 'package-lock.json', '.gitignore', '.github'];

describe('repository layout', () => {
  it('has no unexpected top-level entry', () => {
    const tracked = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' }).split('\0').filter(Boolean);
    const topLevel = [...new Set(tracked.map((path) => path.split('/')[0]!))].sort();
    expect(topLevel.length).toBeGreaterThan(0);
    const allowed = new Set([...WANTED, ...REQUIRED_BY_TOOLS]);
    expect(topLevel.filter((name) => !allowed.has(name))).toEqual([]);
    // The source folders are really there (the list is not vacuous).
    for (const name of ['src', 'content', 'test', 'package.json', 'astro.config.mjs']) expect(topLevel).toContain(name);
  });
});
