/** The reader's chosen currency, shared by every calculator on every page (localStorage + `?cur=`). */
import { useEffect, useState } from 'preact/hooks';
import { defaultCurrency, isCurrency, type Currency, type Locale } from '../../lib/kit/format';

const KEY = 'mpp:v1:currency';
const EVENT = 'mpp-currency';

export function useCurrency(locale: Locale): [Currency, (c: Currency) => void] {
  const [currency, setCurrency] = useState<Currency>(defaultCurrency(locale));
  useEffect(() => {
    const fromLink = new URLSearchParams(window.location.search).get('cur') ?? '';
    let stored = '';
    try {
      stored = window.localStorage.getItem(KEY) ?? '';
    } catch {
      /* storage unavailable */
    }
    if (isCurrency(fromLink)) setCurrency(fromLink);
    else if (isCurrency(stored)) setCurrency(stored);
    const onChange = (event: Event) => {
      const next = (event as CustomEvent<string>).detail;
      if (isCurrency(next)) setCurrency(next);
    };
    window.addEventListener(EVENT, onChange);
    return () => window.removeEventListener(EVENT, onChange);
  }, []);
  const choose = (next: Currency) => {
    try {
      window.localStorage.setItem(KEY, next);
    } catch {
      /* storage unavailable */
    }
    const url = new URL(window.location.href);
    if (next === defaultCurrency(locale)) url.searchParams.delete('cur');
    else url.searchParams.set('cur', next);
    window.history.replaceState(window.history.state, '', url);
    window.dispatchEvent(new CustomEvent(EVENT, { detail: next }));
  };
  return [currency, choose];
}
