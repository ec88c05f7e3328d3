/**
 * The plan file: everything the reader has saved (every calculator's scenarios, the plan's texts,
 * checklist ticks, the currency) as one versioned JSON file, and reading one back. Pure: reading
 * checks the format and version first, then every part's type and size (the file may be from
 * anywhere: hand-edited, truncated, hostile or huge), and never throws. Importing goes in two
 * steps, so nothing changes before the reader has seen what will: `diffPlan` says what will be
 * added or replaced, per calculator and scenario; `mergePlan` gives the records to write.
 *
 * Layout (version 1):
 *   {"format":"market-planning-playbook/plan","version":1,"exported":"<ISO time>",
 *    "calculators":{"C05.1":{"active":"…","scenarios":[{"id","name","raw":{…},"rows":…}]}},
 *    "texts":{"plan.objectives":{"text":"…","origin":null}},"checklists":{"<chapter>":["<item>"]},
 *    "currency":"EUR"}
 */
import { isCalculatorId } from '../../catalog';
import { BASE_SCENARIO, emptyRecord, isObject, MAX_SCENARIOS, readRecord, STORE_VERSION, type CalculatorRecord, type Scenario, type StoreSnapshot, type StoredText } from '../kit/store';

export const PLAN_FORMAT = 'market-planning-playbook/plan';
export const PLAN_VERSION = 1;
/** The browser's storage holds about 5 million characters: a larger file cannot be one of ours. */
export const MAX_PLAN_FILE_CHARS = 6_000_000;
const MAX_FIELD_TEXT = 10_000;
const MAX_FIELDS = 300;
const MAX_ROWS_TEXT = 1_000_000;
const MAX_TEXT = 2_000_000;
const MAX_CHECKLIST_ITEMS = 500;
const ID = /^[\w.-]{1,40}$/;
/** Keys that would reach an object's prototype if ever assigned: never taken from a file. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const safeKey = (key: string) => !UNSAFE_KEYS.has(key);

export type PlanReadProblem = 'tooLarge' | 'notJson' | 'notPlan' | 'newerVersion' | 'malformed';
export type PlanRead = { ok: true; plan: StoreSnapshot; exported: string | null } | { ok: false; problem: PlanReadProblem };

/** The whole store as a plan file's text. */
export function toPlanFile(snapshot: StoreSnapshot, exported: string = new Date().toISOString()): string {
  const { calculators, texts, checklists, currency } = snapshot;
  return JSON.stringify({ format: PLAN_FORMAT, version: PLAN_VERSION, exported, calculators, texts, checklists, currency }, null, 1);
}

function readScenarioLimits(scenario: Scenario): Scenario {
  const raw: Record<string, string> = {};
  let count = 0;
  for (const [key, value] of Object.entries(scenario.raw)) {
    if (!safeKey(key) || value.length > MAX_FIELD_TEXT || ++count > MAX_FIELDS) continue;
    raw[key] = value;
  }
  return { id: scenario.id, name: scenario.name, raw, rows: scenario.rows !== null && scenario.rows.length <= MAX_ROWS_TEXT ? scenario.rows : null };
}

/** Calculators, texts and checklists from a parsed file; anything of the wrong type or size is left out. */
function readParts(value: Record<string, unknown>): StoreSnapshot {
  const calculators: Record<string, CalculatorRecord> = {};
  if (isObject(value.calculators)) {
    for (const [id, record] of Object.entries(value.calculators)) {
      if (!isCalculatorId(id)) continue;
      const read = readRecord(record);
      calculators[id] = { active: read.active, scenarios: read.scenarios.map(readScenarioLimits) };
    }
  }
  const texts: Record<string, StoredText> = {};
  if (isObject(value.texts)) {
    for (const [id, t] of Object.entries(value.texts)) {
      if (!ID.test(id) || !safeKey(id) || !isObject(t) || typeof t.text !== 'string' || t.text.length > MAX_TEXT) continue;
      texts[id] = { text: t.text, origin: typeof t.origin === 'string' ? t.origin.slice(0, 200) : null };
    }
  }
  const checklists: Record<string, string[]> = {};
  if (isObject(value.checklists)) {
    for (const [chapter, ids] of Object.entries(value.checklists)) {
      if (!ID.test(chapter) || !safeKey(chapter) || !Array.isArray(ids)) continue;
      checklists[chapter] = ids.filter((id): id is string => typeof id === 'string' && id.length <= 100).slice(0, MAX_CHECKLIST_ITEMS);
    }
  }
  const currency = typeof value.currency === 'string' && /^[A-Z]{3}$/.test(value.currency) ? value.currency : null;
  return { version: STORE_VERSION, calculators, texts, checklists, currency };
}

/** Reads a plan file's text; says why when it is not a plan file this version can read. Never throws. */
export function readPlanFile(text: string): PlanRead {
  if (typeof text !== 'string') return { ok: false, problem: 'notJson' };
  if (text.length > MAX_PLAN_FILE_CHARS) return { ok: false, problem: 'tooLarge' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, problem: 'notJson' };
  }
  if (!isObject(parsed) || parsed.format !== PLAN_FORMAT) return { ok: false, problem: 'notPlan' };
  const version = parsed.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: false, problem: 'malformed' };
  if (version > PLAN_VERSION) return { ok: false, problem: 'newerVersion' };
  try {
    const exported = typeof parsed.exported === 'string' ? parsed.exported.slice(0, 40) : null;
    return { ok: true, plan: readParts(parsed), exported };
  } catch {
    return { ok: false, problem: 'malformed' };
  }
}

// ── What an import changes ──────────────────────────────────────────────────────────────────

/** One field whose text differs; null = the calculator's default (not stored). */
export interface InputChange {
  key: string;
  from: string | null;
  to: string | null;
}

export type ScenarioChange =
  | { kind: 'added'; id: string; name: string | null }
  | { kind: 'replaced'; id: string; name: string | null; previousName: string | null; inputs: InputChange[]; rowsChanged: boolean }
  | { kind: 'same'; id: string; name: string | null }
  /** No room: a calculator keeps at most 20 scenarios. */
  | { kind: 'skipped'; id: string; name: string | null };

export interface CalculatorChange {
  id: string;
  /** The calculator had no saved work before. */
  isNew: boolean;
  scenarios: ScenarioChange[];
}

export type PartChange = 'added' | 'replaced' | 'same';

export interface PlanDiff {
  calculators: CalculatorChange[];
  texts: { id: string; kind: PartChange }[];
  checklists: { chapter: string; kind: PartChange }[];
  currency: { from: string | null; to: string } | null;
  /** Whether applying changes anything at all. */
  changes: boolean;
}

function inputChanges(from: Record<string, string>, to: Record<string, string>): InputChange[] {
  const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  return keys
    .map((key) => ({ key, from: Object.hasOwn(from, key) ? from[key]! : null, to: Object.hasOwn(to, key) ? to[key]! : null }))
    .filter((c) => c.from !== c.to);
}

/** The records after the import: the file's scenarios replace those with the same id, new ones are added. */
function mergeRecord(current: CalculatorRecord | undefined, incoming: CalculatorRecord): { record: CalculatorRecord; skipped: Set<string> } {
  const scenarios = [...(current ?? emptyRecord()).scenarios];
  const skipped = new Set<string>();
  for (const scenario of incoming.scenarios) {
    const at = scenarios.findIndex((s) => s.id === scenario.id);
    if (at >= 0) scenarios[at] = scenario;
    else if (scenarios.length < MAX_SCENARIOS) scenarios.push(scenario);
    else skipped.add(scenario.id);
  }
  const active = scenarios.some((s) => s.id === incoming.active) ? incoming.active : (current?.active ?? BASE_SCENARIO);
  return { record: { active, scenarios }, skipped };
}

const sameText = (a: StoredText | undefined, b: StoredText) => a !== undefined && a.text === b.text && a.origin === b.origin;
const sameList = (a: string[] | undefined, b: string[]) => a !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);

/** What importing `incoming` into `current` would add or replace; changes nothing. */
export function diffPlan(current: StoreSnapshot, incoming: StoreSnapshot): PlanDiff {
  const calculators: CalculatorChange[] = [];
  for (const [id, record] of Object.entries(incoming.calculators)) {
    const before = Object.hasOwn(current.calculators, id) ? current.calculators[id] : undefined;
    const { skipped } = mergeRecord(before, record);
    const scenarios = record.scenarios.map((s): ScenarioChange => {
      const old = before?.scenarios.find((x) => x.id === s.id);
      if (skipped.has(s.id)) return { kind: 'skipped', id: s.id, name: s.name };
      if (!old) return { kind: 'added', id: s.id, name: s.name };
      const inputs = inputChanges(old.raw, s.raw);
      const rowsChanged = old.rows !== s.rows;
      if (inputs.length === 0 && !rowsChanged && old.name === s.name) return { kind: 'same', id: s.id, name: s.name };
      return { kind: 'replaced', id: s.id, name: s.name, previousName: old.name, inputs, rowsChanged };
    });
    calculators.push({ id, isNew: before === undefined, scenarios });
  }
  calculators.sort((a, b) => (a.id < b.id ? -1 : 1));
  const part = <T>(had: T | undefined, same: boolean): PartChange => (had === undefined ? 'added' : same ? 'same' : 'replaced');
  const texts = Object.entries(incoming.texts).map(([id, t]) => {
    const had = Object.hasOwn(current.texts, id) ? current.texts[id] : undefined;
    return { id, kind: part(had, sameText(had, t)) };
  });
  const checklists = Object.entries(incoming.checklists).map(([chapter, ids]) => {
    const had = Object.hasOwn(current.checklists, chapter) ? current.checklists[chapter] : undefined;
    return { chapter, kind: part(had, sameList(had, ids)) };
  });
  const currency = incoming.currency !== null && incoming.currency !== current.currency ? { from: current.currency, to: incoming.currency } : null;
  const changes =
    calculators.some((c) => c.scenarios.some((s) => s.kind === 'added' || s.kind === 'replaced') || (Object.hasOwn(current.calculators, c.id) && current.calculators[c.id]!.active !== incoming.calculators[c.id]!.active)) ||
    texts.some((t) => t.kind !== 'same') ||
    checklists.some((c) => c.kind !== 'same') ||
    currency !== null;
  return { calculators, texts, checklists, currency, changes };
}

/**
 * What to write to import `incoming` (for `writeSnapshot`): each calculator in the file with its
 * scenarios merged into the stored ones, the file's texts and checklists, its currency. What the
 * file leaves out stays as stored.
 */
export function mergePlan(current: StoreSnapshot, incoming: StoreSnapshot): StoreSnapshot {
  const calculators: Record<string, CalculatorRecord> = {};
  for (const [id, record] of Object.entries(incoming.calculators)) {
    calculators[id] = mergeRecord(Object.hasOwn(current.calculators, id) ? current.calculators[id] : undefined, record).record;
  }
  return { version: STORE_VERSION, calculators, texts: { ...incoming.texts }, checklists: { ...incoming.checklists }, currency: incoming.currency };
}
