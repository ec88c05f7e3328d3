/**
 * Moves work saved in older layouts of the store (`store.ts`) into the current one. A separate
 * module: only a reader whose storage still holds an older layout (`needsMigration`) loads it.
 */
import {
  BASE_SCENARIO,
  CHECKLISTS_KEY,
  isObject,
  keys,
  LEGACY,
  META_KEY,
  parseJson,
  read,
  readChecklists,
  readChecklistValue,
  STORE_VERSION,
  updateCalculator,
  write,
  writeCurrency,
  writeText,
  type KeyValue,
  type WriteResult,
} from './store';

export interface MigrationReport {
  /** The layout found: 1 for the `mpp:v1:*` keys (or nothing stored), 2 when already current. */
  from: number;
  /** Legacy keys moved into the store (and removed). */
  moved: string[];
  /** Legacy keys left in place: unreadable, or no room to move them (tried again on the next visit). */
  kept: string[];
}

/**
 * Brings any older layout up to the current one. Idempotent and safe to run on every page load:
 * each legacy key is moved on its own (write the new key, then remove the old one), so a full
 * storage or a closed tab never loses what was there; the version mark is set only when all moved.
 */
export function migrate(kv: KeyValue | null): MigrationReport {
  const meta = parseJson(read(kv, META_KEY), 1000);
  const from = isObject(meta) && typeof meta.version === 'number' ? meta.version : 1;
  const report: MigrationReport = { from, moved: [], kept: [] };
  if (!kv || from >= STORE_VERSION) return report;
  const move = (legacyKey: string, copy: () => WriteResult | 'unreadable') => {
    const result = copy();
    if (result !== 'unreadable' && result.ok) {
      write(kv, legacyKey, null);
      report.moved.push(legacyKey);
    } else report.kept.push(legacyKey);
  };
  for (const key of keys(kv)) {
    const inputs = /^mpp:v1:(C\d\d\.\d)$/.exec(key);
    const text = /^mpp:v1:(.+):text$/.exec(key);
    if (inputs) {
      move(key, () => {
        const parsed = parseJson(read(kv, key));
        if (!isObject(parsed)) return 'unreadable';
        const raw: Record<string, string> = {};
        for (const [k, v] of Object.entries(parsed)) if (k !== 'rows' && typeof v === 'string') raw[k] = v;
        // v1 held the one set of inputs there was: it becomes the base scenario.
        return updateCalculator(kv, inputs[1]!, (record) => ({
          ...record,
          scenarios: record.scenarios.map((s) => (s.id === BASE_SCENARIO ? { ...s, raw, rows: typeof parsed.rows === 'string' ? parsed.rows : null } : s)),
        }));
      });
    } else if (text) {
      move(key, () => {
        const parsed = parseJson(read(kv, key), Number.MAX_SAFE_INTEGER);
        if (!isObject(parsed) || typeof parsed.text !== 'string') return 'unreadable';
        const value = { text: parsed.text, origin: typeof parsed.origin === 'string' ? parsed.origin : null };
        const first = writeText(kv, text[1]!, value);
        if (first.ok || first.reason !== 'quota') return first;
        // No room for two copies of a large data set: write it after taking the old one out,
        // and put the old one back if even that fails.
        const old = read(kv, key)!;
        write(kv, key, null);
        const second = writeText(kv, text[1]!, value);
        if (!second.ok) write(kv, key, old);
        return second;
      });
    } else if (key === LEGACY.currency) {
      move(key, () => writeCurrency(kv, read(kv, key) ?? ''));
    } else if (key === LEGACY.checklists) {
      move(key, () => {
        const parsed = parseJson(read(kv, key));
        if (!isObject(parsed)) return 'unreadable';
        const merged = { ...readChecklistValue(parsed), ...readChecklists(kv) };
        return write(kv, CHECKLISTS_KEY, JSON.stringify(merged));
      });
    }
  }
  if (report.kept.every((key) => report.moved.includes(key) || !isRetryable(kv, key))) write(kv, META_KEY, JSON.stringify({ version: STORE_VERSION }));
  return report;
}

/** A legacy key that could not be read is left as it was; only a key that failed to write is retried. */
function isRetryable(kv: KeyValue, key: string): boolean {
  const value = read(kv, key);
  if (value === null) return false;
  if (key === LEGACY.currency) return true;
  const parsed = parseJson(value, Number.MAX_SAFE_INTEGER);
  return isObject(parsed) && (!key.endsWith(':text') || typeof parsed.text === 'string');
}
