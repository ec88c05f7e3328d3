/**
 * Operations on the store beyond a calculator saving its own inputs: the scenario menu's (add,
 * show, rename, delete) and the plan page's (every calculator's scenarios, the whole store as one
 * snapshot for a plan file). Kept apart from `store.ts` so calculators that are only typed into
 * do not load them.
 */
import {
  BASE_SCENARIO,
  CALCULATOR_ID,
  emptyScenario,
  isObject,
  keys,
  MAX_SCENARIO_NAME,
  MAX_SCENARIOS,
  readCalculator,
  readChecklists,
  readChecklistValue,
  readCurrency,
  readRecord,
  readText,
  STORE_VERSION,
  updateCalculator,
  writeCalculator,
  writeChecklist,
  writeCurrency,
  writeText,
  type CalculatorRecord,
  type KeyValue,
  type Scenario,
  type StoreSnapshot,
  type StoredText,
  type WriteResult,
} from './store';

/** Saves one scenario's inputs (adding it if new), leaving the others as stored; optionally makes it active. */
export function putScenario(kv: KeyValue | null, calculatorId: string, scenario: Scenario, activate = false): WriteResult {
  return updateCalculator(kv, calculatorId, (record) => {
    const at = record.scenarios.findIndex((s) => s.id === scenario.id);
    const scenarios = at >= 0 ? record.scenarios.map((s, i) => (i === at ? scenario : s)) : [...record.scenarios, scenario].slice(0, MAX_SCENARIOS);
    return { active: activate ? scenario.id : record.active, scenarios };
  });
}

export function setActiveScenario(kv: KeyValue | null, calculatorId: string, scenarioId: string): WriteResult {
  return updateCalculator(kv, calculatorId, (record) => ({ ...record, active: scenarioId }));
}

/** Deletes a scenario; deleting the base one empties it instead (every calculator keeps a base). */
export function deleteScenario(kv: KeyValue | null, calculatorId: string, scenarioId: string): WriteResult {
  return updateCalculator(kv, calculatorId, (record) => {
    const scenarios = scenarioId === BASE_SCENARIO
      ? record.scenarios.map((s) => (s.id === BASE_SCENARIO ? emptyScenario() : s))
      : record.scenarios.filter((s) => s.id !== scenarioId);
    return { active: record.active === scenarioId ? BASE_SCENARIO : record.active, scenarios };
  });
}

/**
 * A name not used by another scenario: "Name", else "Name (2)", "Name (3)", … (`numbered` is the
 * language's pattern, e.g. "{name}（{n}）" in Chinese). Ends: there are at most 20 scenarios.
 */
export function uniqueScenarioName(record: CalculatorRecord, name: string, baseName: string, exceptId?: string, numbered = '{name} ({n})'): string {
  const taken = new Set(record.scenarios.filter((s) => s.id !== exceptId).map((s) => s.name ?? baseName));
  if (!taken.has(name)) return name;
  for (let n = 2; ; n++) {
    const room = MAX_SCENARIO_NAME - (numbered.length - '{name}'.length - '{n}'.length + String(n).length);
    const candidate = numbered.replace('{n}', String(n)).replace('{name}', () => name.slice(0, room));
    if (!taken.has(candidate)) return candidate;
  }
}

/** Every calculator with saved work, by id (for the plan page). */
export function listCalculators(kv: KeyValue | null): Record<string, CalculatorRecord> {
  const out: Record<string, CalculatorRecord> = {};
  for (const key of keys(kv)) {
    const id = key.startsWith('mpp:v2:calc:') ? key.slice('mpp:v2:calc:'.length) : '';
    if (CALCULATOR_ID.test(id)) out[id] = readCalculator(kv, id);
  }
  return out;
}

export function readSnapshot(kv: KeyValue | null): StoreSnapshot {
  const texts: Record<string, StoredText> = {};
  for (const key of keys(kv)) {
    if (!key.startsWith('mpp:v2:text:')) continue;
    const id = key.slice('mpp:v2:text:'.length);
    const text = readText(kv, id, Number.MAX_SAFE_INTEGER);
    if (text) texts[id] = text;
  }
  return { version: STORE_VERSION, calculators: listCalculators(kv), texts, checklists: readChecklists(kv), currency: readCurrency(kv) };
}

/** A snapshot from untrusted JSON (a plan file), or null when it is not one of this version. */
export function parseSnapshot(value: unknown): StoreSnapshot | null {
  if (!isObject(value) || value.version !== STORE_VERSION) return null;
  const calculators: Record<string, CalculatorRecord> = {};
  if (isObject(value.calculators)) for (const [id, record] of Object.entries(value.calculators)) if (CALCULATOR_ID.test(id)) calculators[id] = readRecord(record);
  const texts: Record<string, StoredText> = {};
  if (isObject(value.texts)) {
    for (const [id, t] of Object.entries(value.texts)) {
      if (isObject(t) && typeof t.text === 'string' && /^[\w.-]{1,40}$/.test(id)) texts[id] = { text: t.text, origin: typeof t.origin === 'string' ? t.origin.slice(0, 200) : null };
    }
  }
  return { version: STORE_VERSION, calculators, texts, checklists: readChecklistValue(value.checklists), currency: typeof value.currency === 'string' ? value.currency.slice(0, 10) : null };
}

/**
 * Writes a whole snapshot: every calculator, text and checklist in it replaces the stored one; what
 * the snapshot leaves out is kept. Stops at the first failed write and says so.
 */
export function writeSnapshot(kv: KeyValue | null, snapshot: StoreSnapshot): WriteResult {
  for (const [id, record] of Object.entries(snapshot.calculators)) {
    const result = writeCalculator(kv, id, record);
    if (!result.ok) return result;
  }
  for (const [id, text] of Object.entries(snapshot.texts)) {
    const result = writeText(kv, id, text);
    if (!result.ok) return result;
  }
  for (const [chapter, ids] of Object.entries(snapshot.checklists)) {
    const result = writeChecklist(kv, chapter, ids);
    if (!result.ok) return result;
  }
  return snapshot.currency ? writeCurrency(kv, snapshot.currency) : { ok: true };
}

