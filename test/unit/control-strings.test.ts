/**
 * The control calculators' strings (chapters 10, 11, 13, 14) before they are wired into the UI
 * string tree: same keys and placeholders in both languages, Chinese in Chinese, and none of the
 * words the interface must not show.
 */
import { describe, expect, it } from 'vitest';
import { controlCalculators as en, controlMessages as enMessages } from '~/i18n/en/control';
import { controlCalculators as zh, controlMessages as zhMessages } from '~/i18n/zh-cn/control';

function entries(value: unknown, prefix: string[] = []): [string, string][] {
  if (typeof value === 'string') return [[prefix.join(' › '), value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => entries(v, [...prefix, String(i)]));
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => entries(v, [...prefix, k]));
}
const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('control strings', () => {
  const a = new Map(entries({ en, enMessages }).map(([k, v]) => [k.replace(/^enMessages/, 'messages').replace(/^en/, 'calc'), v]));
  const b = new Map(entries({ zh, zhMessages }).map(([k, v]) => [k.replace(/^zhMessages/, 'messages').replace(/^zh/, 'calc'), v]));

  it('cover all ten calculators with the same keys and placeholders in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(['C10.1', 'C10.2', 'C10.3', 'C11.1', 'C11.2', 'C13.1', 'C13.2', 'C13.3', 'C14.1', 'C14.2']);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [key, text] of a) {
      expect(text.trim(), key).not.toBe('');
      expect(params(b.get(key)!), key).toEqual(params(text));
    }
  });

  it('never show internal engine ids or the word seed; Chinese is Chinese, with no space after full-width punctuation', () => {
    for (const [key, text] of [...a, ...b]) {
      expect(text, key).not.toMatch(/\bE[1-7]\b|seed|种子|原始规则/i);
    }
    for (const [key, text] of b) {
      expect(/[a-z]{4,} [a-z]{4,} [a-z]{4,}/i.test(text) && !/[\u4e00-\u9fff]/.test(text), key).toBe(false);
      expect(text, key).not.toMatch(/[，。：；（）、！？] /);
    }
  });
});
