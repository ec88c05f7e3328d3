/** The reader's chosen currency, shared by every calculator on every page (localStorage + `?cur=`). */
import { useEffect, useState } from 'preact/hooks';
import { defaultCurrency, isCurrency, type Currency, type Locale } from '../../lib/kit/format';
import { readCurrency, writeCurrency } from '../../lib/kit/store';
import { localStore, storeReady } from './browser-store';

/** Tells every island on the page that the currency changed (detail: the code); the plan page sends it after an import. */
export const CURRENCY_EVENT = 'mpp-currency';
const EVENT = CURRENCY_EVENT;

export function useCurrency(locale: Locale): [Currency, (c: Currency) => void] {
  const [currency, setCurrency] = useState<Currency>(defaultCurrency(locale));
  useEffect(() => {
    const fromLink = new URLSearchParams(window.location.search).get('cur') ?? '';
    if (isCurrency(fromLink)) setCurrency(fromLink);
    else
      void storeReady().then((kv) => {
        const stored = readCurrency(kv) ?? '';
        if (isCurrency(stored)) setCurrency(stored);
      });
    const onChange = (event: Event) => {
      const next = (event as CustomEvent<string>).detail;
      if (isCurrency(next)) setCurrency(next);
    };
    window.addEventListener(EVENT, onChange);
    return () => window.removeEventListener(EVENT, onChange);
  }, []);
  const choose = (next: Currency) => {
    writeCurrency(localStore(), next); // not kept if storage is blocked or full: the link still carries it
    const url = new URL(window.location.href);
    if (next === defaultCurrency(locale)) url.searchParams.delete('cur');
    else url.searchParams.set('cur', next);
    window.history.replaceState(window.history.state, '', url);
    window.dispatchEvent(new CustomEvent(EVENT, { detail: next }));
  };
  return [currency, choose];
}
