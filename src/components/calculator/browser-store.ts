/**
 * The store (`src/lib/kit/store.ts`) in the browser: localStorage, migrated once per page load
 * when it still holds an older layout (the migration code loads only then; listeners hear a
 * change of every key when it is done, and `storeReady()` waits for it),
 * with one change feed for this tab's writes and other tabs' (`storage` events), and quota reports.
 *
 * Use: `const kv = localStore(); report(key, putScenario(kv, …))` after a write, so this tab's
 * listeners hear of it (`report(null, writeSnapshot(kv, …))` after writing many keys); and
 * `subscribe(listener)` for changes from either tab. The plan page reads every calculator with
 * `listCalculators(kv)` and the whole store with `readSnapshot(kv)` (`store-edit.ts`).
 */
import { needsMigration, type KeyValue, type WriteResult } from '../../lib/kit/store';

/** `change`: `key` changed (null: storage was cleared); `quota`: a write failed for want of room. */
export type StoreEvent = { kind: 'change'; key: string | null; fromOtherTab: boolean } | { kind: 'quota'; key: string | null };

let opened: KeyValue | null | undefined;
const listeners = new Set<(event: StoreEvent) => void>();

/** Settles once work saved in an older layout has been moved (at once when there is none). */
let migrated: Promise<void> = Promise.resolve();

/** localStorage (being migrated to the current layout if it holds an older one); null when storage is blocked. */
export function localStore(): KeyValue | null {
  if (opened !== undefined) return opened;
  try {
    opened = window.localStorage;
    if (needsMigration(opened)) {
      const kv = opened;
      migrated = import('../../lib/kit/store-migrate')
        .then(({ migrate }) => {
          migrate(kv);
          emit({ kind: 'change', key: null, fromOtherTab: false });
        })
        .catch(() => undefined); // offline before the chunk was cached: tried again on the next visit
    }
  } catch {
    opened = null; // blocked by privacy settings: persistence is a nicety, never a failure
  }
  return opened;
}

/** The store once older saved work is in the current layout, for readers that read once (no listener). */
export function storeReady(): Promise<KeyValue | null> {
  const kv = localStore();
  return migrated.then(() => kv);
}

function emit(event: StoreEvent) {
  for (const listener of [...listeners]) listener(event);
}

function onStorage(event: StorageEvent) {
  if (event.storageArea === null || event.storageArea === opened) emit({ kind: 'change', key: event.key, fromOtherTab: true });
}

/** Hears every change to the store, this tab's and other tabs'; returns the unsubscribe function. */
export function subscribe(listener: (event: StoreEvent) => void): () => void {
  if (listeners.size === 0) window.addEventListener('storage', onStorage);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('storage', onStorage);
  };
}

/** Tells this tab's listeners about a write to `key` (null: to many keys, e.g. a whole snapshot) and passes its result on. */
export function report(key: string | null, result: WriteResult): WriteResult {
  if (result.ok) emit({ kind: 'change', key, fromOtherTab: false });
  else if (result.reason === 'quota') emit({ kind: 'quota', key });
  return result;
}
