/**
 * What every calculator island receives from the Astro wrapper. Strings arrive as props, for
 * the page's language and this calculator only, so no island bundles a dictionary.
 */
import { useMemo } from 'preact/hooks';
import type { UiStrings } from '../../i18n/en/index';
import { createFormatter, type Locale } from '../../lib/kit/format';
import type { FieldContext } from './Fields';
import { useCurrency } from './currency';

export interface IslandStrings {
  kit: UiStrings['kit'];
  messages: Record<string, string>;
  /** Table calculators: column and choice labels in both languages, accepted on CSV import. */
  tableAliases?: { columns: Record<string, string[]>; choices: Record<string, Record<string, string[]>> };
  /** The chapter section that states the calculator's rule (its heading text and address). */
  ruleLink?: { href: string; section: string };
}

export interface IslandProps<T> {
  locale: Locale;
  ui: IslandStrings;
  t: T;
}

/** The shared context of an island: its strings and a formatter for the chosen currency. */
export function useIslandContext(calcId: string, locale: Locale, ui: IslandStrings) {
  const [currency, setCurrency] = useCurrency(locale);
  const ctx: FieldContext = useMemo(() => ({ calcId, ui, format: createFormatter(locale, currency) }), [calcId, ui, locale, currency]);
  return { ctx, setCurrency };
}
