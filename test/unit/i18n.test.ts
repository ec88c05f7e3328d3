import { describe, expect, it } from 'vitest';
import { strings } from '~/i18n';

/** Every key path of a string tree (keys such as 'C05.1' contain dots, so paths are arrays). */
function keyPaths(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value === 'string') return [prefix];
  if (Array.isArray(value)) return value.flatMap((v, i) => keyPaths(v, [...prefix, String(i)]));
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => keyPaths(v, [...prefix, k]));
}
const show = (paths: string[][]) => paths.map((p) => p.join(' › ')).sort();

function leaves(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(leaves);
  return Object.values(value as Record<string, unknown>).flatMap(leaves);
}

describe('UI strings', () => {
  it('English and Chinese have exactly the same keys', () => {
    expect(show(keyPaths(strings['zh-CN']))).toEqual(show(keyPaths(strings.en)));
  });

  it('no string is empty, and placeholders match between languages', () => {
    const en = keyPaths(strings.en);
    for (const path of en) {
      const get = (tree: unknown) => path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], tree) as string;
      const a = get(strings.en);
      const b = get(strings['zh-CN']);
      expect(a.trim(), path.join(' › ')).not.toBe('');
      expect(b.trim(), path.join(' › ')).not.toBe('');
      const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(params(b), path.join(' › ')).toEqual(params(a));
    }
  });

  it('Chinese strings are in Chinese (no untranslated English sentences)', () => {
    const untranslated = leaves(strings['zh-CN']).filter((s) => /[a-z]{4,} [a-z]{4,} [a-z]{4,}/i.test(s) && !/[\u4e00-\u9fff]/.test(s));
    expect(untranslated).toEqual([]);
  });
});
