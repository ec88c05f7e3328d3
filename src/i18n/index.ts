import { en, type UiStrings } from './en/index';
import { zhCN } from './zh-cn/index';
import type { Locale } from '../lib/kit/format';

export type { UiStrings };
export const strings: Record<Locale, UiStrings> = { en, 'zh-CN': zhCN };

/** Maps Starlight's `lang` (`en`, `zh-CN`) to our locale; anything else falls back to English. */
export function toLocale(lang: string | undefined): Locale {
  return lang?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** A table calculator's column and choice labels in one language, wherever its strings keep them. */
function tableLabels(locale: Locale, calculatorId: string) {
  const t = (strings[locale].calculators as Record<string, Record<string, unknown>>)[calculatorId];
  if (!t) return null;
  const table = t['table'] as Record<string, string> | undefined;
  const columns = (t['columns'] as Record<string, string> | undefined)
    ?? (calculatorId === 'C05.3' && table ? { minQuantity: table['minQuantity']!, rate: table['rate']! } : undefined);
  if (!columns || typeof columns !== 'object') return null;
  return { columns, choices: (t['columnChoices'] ?? {}) as Record<string, Record<string, string>> };
}

/**
 * What a table import accepts besides column keys and option codes: the column and choice labels
 * in both languages, so a file exported from either language's page imports on the other.
 */
export function tableImportAliases(calculatorId: string) {
  const columns: Record<string, string[]> = {};
  const choices: Record<string, Record<string, string[]>> = {};
  for (const locale of Object.keys(strings) as Locale[]) {
    const labels = tableLabels(locale, calculatorId);
    if (!labels) continue;
    for (const [key, label] of Object.entries(labels.columns)) if (typeof label === 'string') (columns[key] ??= []).push(label);
    for (const [key, options] of Object.entries(labels.choices)) {
      for (const [option, label] of Object.entries(options)) ((choices[key] ??= {})[option] ??= []).push(label);
    }
  }
  return { columns, choices };
}

/** The strings one calculator island needs: the shared kit, the shared messages and its own. */
export function islandStrings(locale: Locale, calculatorId: string) {
  const ui = strings[locale];
  const own = calculatorId.toLowerCase().replace('.', '_') + '.';
  const messages = Object.fromEntries(
    Object.entries(ui.messages).filter(([code]) => /^(parse|range|csv|kit)\./.test(code) || code.startsWith(own)),
  );
  return { kit: ui.kit, messages, tableAliases: tableImportAliases(calculatorId) };
}
