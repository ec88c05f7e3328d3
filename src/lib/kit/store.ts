/**
 * The reader's saved work, in one versioned local store: every calculator's scenarios (inputs and
 * rows exactly as typed) and which one is active, free text (e.g. a k-means data set), checklist
 * ticks and the chosen currency. Pure: it works on any `KeyValue` (localStorage in the browser, a
 * map in tests); `src/components/calculator/browser-store.ts` adds change events and quota reports.
 *
 * Layout (version 2). One key per calculator, so a write touches only that calculator's record and
 * a large data set is never rewritten on a keystroke elsewhere:
 *   mpp:store            {"version":2}
 *   mpp:v2:calc:<id>     {"active":"<scenario id>","scenarios":[{"id","name","raw":{…},"rows":"…"|null}]}
 *   mpp:v2:text:<id>     {"text":"…","origin":"…"|null}
 *   mpp:v2:checklists    {"<chapter>":["<item id>",…]}
 *   mpp:v2:currency      "CNY"
 * Writes read the record again first and change only one scenario, so when two tabs edit at once
 * the last write per scenario wins and the other scenarios are kept.
 *
 * Everything read back is untrusted text: types and lengths are checked here, field values against
 * their field specs by the caller (`decodeStored`, `decodeRows`).
 */

/** The part of the Web Storage interface the store needs (localStorage has it). */
export interface KeyValue {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  key(index: number): string | null;
  readonly length: number;
}

export const STORE_VERSION = 2;
export const META_KEY = 'mpp:store';
export const calculatorKey = (calculatorId: string) => `mpp:v2:calc:${calculatorId}`;
export const textKey = (id: string) => `mpp:v2:text:${id}`;
export const CHECKLISTS_KEY = 'mpp:v2:checklists';
export const CURRENCY_KEY = 'mpp:v2:currency';

/** The layouts before version 2 (read only by `migrate`). */
export const LEGACY = {
  inputs: (calculatorId: string) => `mpp:v1:${calculatorId}`,
  text: (id: string) => `mpp:v1:${id}:text`,
  currency: 'mpp:v1:currency',
  checklists: 'mpp:checklists:v1',
} as const;

/** The scenario every calculator has, even before anything is saved; its name is the reader's language's "Base". */
export const BASE_SCENARIO = 'base';
export const MAX_SCENARIO_NAME = 60;
export const MAX_SCENARIOS = 20;
/** Longest record read back: 20 scenarios of large tables fit; anything longer is foreign data. */
const MAX_RECORD_LENGTH = 5_000_000;

export interface Scenario {
  /** Internal, never shown: `base` or generated. */
  id: string;
  /** The reader's name; null for the base scenario until renamed (shown as "Base"). */
  name: string | null;
  /** Field texts that differ from the defaults, exactly as typed. */
  raw: Record<string, string>;
  /** Rows encoded by `encodeRows` (or a legacy CSV encoding), or null for the default rows. */
  rows: string | null;
}

export interface CalculatorRecord {
  active: string;
  /** Base first, then in the order saved. Never empty. */
  scenarios: Scenario[];
}

export interface StoredText {
  text: string;
  origin: string | null;
}

/** Everything in the store, e.g. for a plan file. */
export interface StoreSnapshot {
  version: typeof STORE_VERSION;
  calculators: Record<string, CalculatorRecord>;
  texts: Record<string, StoredText>;
  checklists: Record<string, string[]>;
  currency: string | null;
}

/** `quota`: the browser's storage is full; `unavailable`: blocked by privacy settings. */
export type WriteResult = { ok: true } | { ok: false; reason: 'quota' | 'unavailable' };

export const emptyScenario = (id = BASE_SCENARIO, name: string | null = null): Scenario => ({ id, name, raw: {}, rows: null });
export const emptyRecord = (): CalculatorRecord => ({ active: BASE_SCENARIO, scenarios: [emptyScenario()] });

export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const SCENARIO_ID = /^[a-z0-9-]{1,40}$/;
export const CALCULATOR_ID = /^C\d\d\.\d$/;

/** JSON from storage, or undefined when absent, too long or not JSON. */
export function parseJson(text: string | null, maxLength = MAX_RECORD_LENGTH): unknown {
  if (text === null || text.length > maxLength) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A scenario name as the reader may give it: trimmed, one line, not empty, not too long. */
export function cleanScenarioName(name: string): string | null {
  const clean = name.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return clean.length === 0 || clean.length > MAX_SCENARIO_NAME ? null : clean;
}

function readScenario(value: unknown): Scenario | null {
  if (!isObject(value) || typeof value.id !== 'string' || !SCENARIO_ID.test(value.id)) return null;
  const name = typeof value.name === 'string' ? cleanScenarioName(value.name) : null;
  const raw: Record<string, string> = {};
  if (isObject(value.raw)) for (const [k, v] of Object.entries(value.raw)) if (typeof v === 'string') raw[k] = v;
  return { id: value.id, name, raw, rows: typeof value.rows === 'string' ? value.rows : null };
}

/** A calculator record from untrusted JSON: bad scenarios are left out, the base is always there. */
export function readRecord(value: unknown): CalculatorRecord {
  const scenarios: Scenario[] = [];
  if (isObject(value) && Array.isArray(value.scenarios)) {
    for (const item of value.scenarios) {
      const scenario = readScenario(item);
      if (scenario && !scenarios.some((s) => s.id === scenario.id) && scenarios.length < MAX_SCENARIOS) scenarios.push(scenario);
    }
  }
  if (!scenarios.some((s) => s.id === BASE_SCENARIO)) scenarios.unshift(emptyScenario());
  const active = isObject(value) && typeof value.active === 'string' && scenarios.some((s) => s.id === value.active) ? value.active : BASE_SCENARIO;
  return { active, scenarios };
}

function isQuotaError(error: unknown): boolean {
  const e = error as { name?: unknown; code?: unknown } | null;
  return !!e && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22 || e.code === 1014);
}

export function write(kv: KeyValue | null, key: string, value: string | null): WriteResult {
  if (!kv) return { ok: false, reason: 'unavailable' };
  try {
    if (value === null) kv.removeItem(key);
    else if (kv.getItem(key) !== value) kv.setItem(key, value); // an unchanged value is not rewritten: no event for other tabs
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: isQuotaError(error) ? 'quota' : 'unavailable' };
  }
}

export function read(kv: KeyValue | null, key: string): string | null {
  try {
    return kv?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** A record that holds nothing but an empty base scenario is not stored at all. */
const isEmptyRecord = (record: CalculatorRecord) =>
  record.active === BASE_SCENARIO && record.scenarios.length === 1 && record.scenarios[0]!.name === null && Object.keys(record.scenarios[0]!.raw).length === 0 && record.scenarios[0]!.rows === null;

// ── Calculators' scenarios ──────────────────────────────────────────────────────────────────

export function readCalculator(kv: KeyValue | null, calculatorId: string): CalculatorRecord {
  return readRecord(parseJson(read(kv, calculatorKey(calculatorId))));
}

export function writeCalculator(kv: KeyValue | null, calculatorId: string, record: CalculatorRecord): WriteResult {
  const clean = readRecord(record);
  return write(kv, calculatorKey(calculatorId), isEmptyRecord(clean) ? null : JSON.stringify(clean));
}

/** Changes one calculator's record as it is in storage now (another tab may have written since). */
export function updateCalculator(kv: KeyValue | null, calculatorId: string, change: (record: CalculatorRecord) => CalculatorRecord): WriteResult {
  return writeCalculator(kv, calculatorId, change(readCalculator(kv, calculatorId)));
}

/** An id no scenario of `record` has; `seed` (tests) makes it predictable. */
export function newScenarioId(record: CalculatorRecord, seed: string = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`): string {
  let id = `s-${seed}`.toLowerCase().replace(/[^a-z0-9-]/g, '').slice(0, 36);
  for (let n = 2; record.scenarios.some((s) => s.id === id); n++) id = `s-${seed}-${n}`.toLowerCase().replace(/[^a-z0-9-]/g, '').slice(0, 40);
  return id;
}

/** Every key in storage (none when blocked). */
export function keys(kv: KeyValue | null): string[] {
  const out: string[] = [];
  try {
    if (!kv) return out;
    for (let i = 0; i < kv.length; i++) {
      const key = kv.key(i);
      if (key !== null) out.push(key);
    }
  } catch {
    /* storage blocked */
  }
  return out;
}

// ── Free text, checklists, currency ─────────────────────────────────────────────────────────

export function readText(kv: KeyValue | null, id: string, maxChars: number): StoredText | null {
  const parsed = parseJson(read(kv, textKey(id)), maxChars * 2 + 1000);
  if (!isObject(parsed) || typeof parsed.text !== 'string' || parsed.text.length > maxChars) return null;
  return { text: parsed.text, origin: typeof parsed.origin === 'string' ? parsed.origin.slice(0, 200) : null };
}

export function writeText(kv: KeyValue | null, id: string, value: StoredText | null): WriteResult {
  return write(kv, textKey(id), value === null ? null : JSON.stringify({ text: value.text, origin: value.origin }));
}

export function readChecklistValue(value: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (isObject(value)) for (const [chapter, ids] of Object.entries(value)) if (Array.isArray(ids)) out[chapter] = ids.filter((id): id is string => typeof id === 'string');
  return out;
}

export function readChecklists(kv: KeyValue | null): Record<string, string[]> {
  return readChecklistValue(parseJson(read(kv, CHECKLISTS_KEY)));
}

/** Saves one chapter's ticks, leaving the other chapters as stored. */
export function writeChecklist(kv: KeyValue | null, chapter: string, ids: string[]): WriteResult {
  const all = readChecklists(kv);
  if (ids.length > 0) all[chapter] = ids;
  else delete all[chapter];
  return write(kv, CHECKLISTS_KEY, JSON.stringify(all));
}

export function readCurrency(kv: KeyValue | null): string | null {
  const value = parseJson(read(kv, CURRENCY_KEY), 100);
  return typeof value === 'string' ? value : null;
}

export function writeCurrency(kv: KeyValue | null, currency: string): WriteResult {
  return write(kv, CURRENCY_KEY, JSON.stringify(currency));
}

// ── Older layouts ───────────────────────────────────────────────────────────────────────────

const isLegacyKey = (key: string) => key.startsWith('mpp:v1:') || key === LEGACY.checklists;

/**
 * True when storage holds work saved in an older layout that `migrate` (store-migrate.ts, loaded
 * only then) has not moved yet. Cheap: one read and a scan of the key names.
 */
export function needsMigration(kv: KeyValue | null): boolean {
  const meta = parseJson(read(kv, META_KEY), 1000);
  if (isObject(meta) && typeof meta.version === 'number' && meta.version >= STORE_VERSION) return false;
  return keys(kv).some(isLegacyKey);
}
