/**
 * A large text input, such as a pasted or uploaded CSV data set, kept in localStorage only.
 * Field values travel in the link (`useCalculatorState`), but a data set would make the link far
 * too long, so it never goes there. Server rendering and the first client render use `fallback`
 * (so hydration matches); text saved earlier replaces it after mount. Text longer than
 * `maxChars` is used for this visit but not saved, and `status` says so; storage that is blocked
 * or full is never an error, only a status.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { readText, textKey, writeText } from '../../lib/kit/store';
import { localStore, report, subscribe } from './browser-store';

/** Default limit: 2 million characters (localStorage quotas are about 5 million). */
export const MAX_STORED_TEXT = 2_000_000;

/** 'default' = the fallback is in use; 'saved' = kept in this browser; 'tooLarge' / 'full' (no room) / 'unavailable' = in use but not kept. */
export type StoredTextStatus = 'default' | 'saved' | 'tooLarge' | 'full' | 'unavailable';

export const storedTextKey = textKey;

/**
 * Text longer than this is saved in a task of its own, after the page has shown it: writing
 * megabytes (JSON and localStorage) would otherwise lengthen the task that renders the new data.
 */
const DEFER_WRITE_CHARS = 100_000;

export function useStoredText(id: string, fallback: string, maxChars = MAX_STORED_TEXT) {
  const [custom, setCustom] = useState<string | null>(null);
  const [status, setStatus] = useState<StoredTextStatus>('default');
  const [origin, setOrigin] = useState<string | null>(null);
  /** A deferred write not yet made: a newer text cancels it; leaving the page makes it at once. */
  const pending = useRef<{ timer: number; write: () => void } | null>(null);
  useEffect(() => {
    const flush = () => {
      const write = pending.current;
      if (!write) return;
      window.clearTimeout(write.timer);
      pending.current = null;
      write.write();
    };
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, []);

  useEffect(() => {
    const load = () => {
      const stored = readText(localStore(), id, maxChars);
      if (!stored) return;
      setCustom(stored.text);
      setOrigin(stored.origin);
      setStatus('saved');
    };
    load();
    // Another tab saved a new data set, or many keys changed at once (a migration, an imported plan): use it here too.
    return subscribe((event) => {
      if (event.kind === 'change' && (event.key === null || (event.fromOtherTab && event.key === storedTextKey(id)))) load();
    });
  }, [id, maxChars]);

  /** Uses `text` (null = back to the fallback) and saves it when it fits. `from` names its source, e.g. a file name. */
  const setText = (text: string | null, from: string | null = null) => {
    setCustom(text);
    setOrigin(from);
    if (pending.current) window.clearTimeout(pending.current.timer);
    pending.current = null;
    if (text !== null && text.length > DEFER_WRITE_CHARS && text.length <= maxChars && typeof window !== 'undefined') {
      const write = () => save(text, from);
      // Shown as saved meanwhile; the write's own outcome (e.g. storage full) follows in a moment.
      setStatus('saved');
      pending.current = {
        write,
        timer: window.setTimeout(() => {
          pending.current = null;
          write();
        }, 0),
      };
      return;
    }
    save(text, from);
  };
  const save = (text: string | null, from: string | null) => {
    const store = localStore();
    if (text !== null && text.length > maxChars) {
      report(storedTextKey(id), writeText(store, id, null));
      setStatus('tooLarge');
      return;
    }
    const result = report(storedTextKey(id), writeText(store, id, text === null ? null : { text, origin: from }));
    // Quota exceeded or storage blocked: the text is still used on this page.
    setStatus(text === null ? 'default' : !result.ok ? (result.reason === 'quota' ? 'full' : 'unavailable') : 'saved');
  };

  return { text: custom ?? fallback, isDefault: custom === null, origin, status, setText, reset: () => setText(null) };
}
