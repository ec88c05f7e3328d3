import { en, type UiStrings } from './en/index';
import { zhCN } from './zh-cn/index';
import type { Locale } from '../lib/kit/format';

export type { UiStrings };
export const strings: Record<Locale, UiStrings> = { en, 'zh-CN': zhCN };

/** Maps Starlight's `lang` (`en`, `zh-CN`) to our locale; anything else falls back to English. */
export function toLocale(lang: string | undefined): Locale {
  return lang?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** The strings one calculator island needs: the shared kit, the shared messages and its own. */
export function islandStrings(locale: Locale, calculatorId: string) {
  const ui = strings[locale];
  const own = calculatorId.toLowerCase().replace('.', '_') + '.';
  const messages = Object.fromEntries(
    Object.entries(ui.messages).filter(([code]) => /^(parse|range|csv)\./.test(code) || code.startsWith(own)),
  );
  return { kit: ui.kit, messages };
}
