/**
 * What the plan-file import preview needs beyond the page's props, in one language: its strings
 * and every calculator's name, field labels and flat choice labels (to name the inputs a file
 * would change). Served as a small static JSON file per language (src/routes/plan-labels/) and
 * fetched only when a reader imports a file, so no page carries the labels of 36 calculators.
 */
import { CALCULATOR_IDS } from '../../catalog';
import { CALCULATOR_PAGES } from '../../data/calculator-pages';
import { strings, type UiStrings } from '../../i18n';
import type { Locale } from '../kit/format';

export interface ImportLabels {
  strings: UiStrings['planImport'];
  calculators: { [calculatorId: string]: { name: string; fields: Record<string, string>; choices: Record<string, string> } };
}

const stringsOnly = (value: unknown): Record<string, string> =>
  typeof value === 'object' && value !== null ? Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string')) : {};

export function importLabels(locale: Locale): ImportLabels {
  const all = strings[locale].calculators as Record<string, { fields?: unknown; choices?: unknown } | undefined>;
  const lang = locale === 'zh-CN' ? 'zh' : 'en';
  return {
    strings: strings[locale].planImport,
    calculators: Object.fromEntries(
      CALCULATOR_IDS.map((id) => [id, { name: CALCULATOR_PAGES[id].name[lang], fields: stringsOnly(all[id]?.fields), choices: stringsOnly(all[id]?.choices) }]),
    ),
  };
}
