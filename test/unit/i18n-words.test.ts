/**
 * Plain words and Chinese typography in the interface strings: no internal ids or symbols
 * without a name (issue 10), and Chinese punctuation that is full-width and not followed by a
 * stray space.
 */
import { describe, expect, it } from 'vitest';
import { strings } from '~/i18n';
import { JARGON } from '../shared/jargon';

/** Every string with its key path. */
function entries(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => entries(v, `${path}[${i}]`));
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => entries(v, path ? `${path} › ${k}` : k));
}


describe('plain words', () => {
  for (const locale of ['en', 'zh-CN'] as const) {
    it(`no internal id, bare symbol or "seed" in the ${locale} calculator, kit and plan strings`, () => {
      const ui = strings[locale];
      const found = entries({ kit: ui.kit, messages: ui.messages, calculators: ui.calculators, plan: ui.plan, planImport: ui.planImport }).filter(([, text]) => JARGON.test(text));
      expect(found).toEqual([]);
    });
  }

  it('the jargon pattern catches what it is meant to catch', () => {
    for (const text of ['(as in E6)', 'E1 weighted mean', 'Water level λ', 'To allocate (B_alloc)', 'Seed rules', 'seeded from the seed and k', '随机种子']) {
      expect(JARGON.test(text), text).toBe(true);
    }
    for (const text of ['Price elasticity E (from the price test)', 'Seeds of growth?'.replace('Seeds', 'Roots'), 'CR5 above 60%']) {
      expect(JARGON.test(text), text).toBe(false);
    }
  });
});

const CJK = '\\u3400-\\u9fff';
const FULL_WIDTH_PUNCTUATION = '，。、；：？！（）《》“”‘’「」【】…—';

describe('Chinese typography in src/i18n/zh-cn', () => {
  const zh = entries(strings['zh-CN']);

  it('no space after full-width punctuation', () => {
    const bad = zh.filter(([, text]) => new RegExp(`[${FULL_WIDTH_PUNCTUATION.replace('—', '')}] `).test(text));
    expect(bad).toEqual([]);
  });

  it('brackets and colons next to Chinese text are full-width: （选填）, 提示：', () => {
    const halfWidth = new RegExp(`[${CJK}][(:]|\\([${CJK}]|[${CJK}]\\)`);
    // Formulas are mathematics: their brackets group terms and stay half-width.
    const bad = zh.filter(([path, text]) => !path.includes('› formulas[') && halfWidth.test(text));
    expect(bad).toEqual([]);
  });

  it('the checks catch the mistakes they are for', () => {
    expect(/[，。、；：？！（）] /.test('盯住， 执行')).toBe(true);
    expect(new RegExp(`\\([${CJK}]`).test('(选填)')).toBe(true);
    expect(new RegExp(`[${CJK}][(:]`).test('提示:')).toBe(true);
  });
});
