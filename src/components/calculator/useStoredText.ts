/**
 * A large text input, such as a pasted or uploaded CSV data set, kept in localStorage only.
 * Field values travel in the link (`useCalculatorState`), but a data set would make the link far
 * too long, so it never goes there. Server rendering and the first client render use `fallback`
 * (so hydration matches); text saved earlier replaces it after mount. Text longer than
 * `maxChars` is used for this visit but not saved, and `status` says so; storage that is blocked
 * or full is never an error, only a status.
 */
import { useEffect, useState } from 'preact/hooks';

/** Default limit: 2 million characters (localStorage quotas are about 5 million). */
export const MAX_STORED_TEXT = 2_000_000;

/** 'default' = the fallback is in use; 'saved' = kept in this browser; 'tooLarge' / 'unavailable' = in use but not kept. */
export type StoredTextStatus = 'default' | 'saved' | 'tooLarge' | 'unavailable';

export const storedTextKey = (id: string) => `mpp:v1:${id}:text`;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function useStoredText(id: string, fallback: string, maxChars = MAX_STORED_TEXT) {
  const [custom, setCustom] = useState<string | null>(null);
  const [status, setStatus] = useState<StoredTextStatus>('default');
  const [origin, setOrigin] = useState<string | null>(null);

  useEffect(() => {
    let stored: string | null = null;
    try {
      stored = storage()?.getItem(storedTextKey(id)) ?? null;
    } catch {
      stored = null;
    }
    if (stored !== null && stored.length <= maxChars * 2 + 1000) {
      try {
        const parsed = JSON.parse(stored) as { text?: unknown; origin?: unknown };
        if (typeof parsed.text === 'string' && parsed.text.length <= maxChars) {
          setCustom(parsed.text);
          setOrigin(typeof parsed.origin === 'string' ? parsed.origin.slice(0, 200) : null);
          setStatus('saved');
        }
      } catch {
        /* unreadable: ignore it */
      }
    }
  }, [id, maxChars]);

  /** Uses `text` (null = back to the fallback) and saves it when it fits. `from` names its source, e.g. a file name. */
  const setText = (text: string | null, from: string | null = null) => {
    setCustom(text);
    setOrigin(from);
    const store = storage();
    try {
      if (text === null) {
        store?.removeItem(storedTextKey(id));
        setStatus('default');
      } else if (text.length > maxChars) {
        store?.removeItem(storedTextKey(id));
        setStatus('tooLarge');
      } else if (!store) {
        setStatus('unavailable');
      } else {
        store.setItem(storedTextKey(id), JSON.stringify({ text, origin: from }));
        setStatus('saved');
      }
    } catch {
      // Quota exceeded or storage blocked: the text is still used on this page.
      setStatus('unavailable');
    }
  };

  return { text: custom ?? fallback, isDefault: custom === null, origin, status, setText, reset: () => setText(null) };
}
