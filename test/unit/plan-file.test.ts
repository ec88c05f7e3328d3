/**
 * The plan file (src/lib/plan/plan-file.ts): export → import gives back the same store, an import
 * says what it adds and replaces before anything is written, unknown formats and newer versions
 * are refused, and no file (junk, hostile keys, wrong types, deep nesting, 10 MB) makes it throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALCULATOR_IDS } from '~/catalog';
import { BASE_SCENARIO, MAX_SCENARIOS, STORE_VERSION, type CalculatorRecord, type KeyValue, type StoreSnapshot } from '~/lib/kit/store';
import { putScenario, readSnapshot, writeSnapshot } from '~/lib/kit/store-edit';
import { diffPlan, MAX_PLAN_FILE_CHARS, mergePlan, PLAN_FORMAT, PLAN_VERSION, readPlanFile, toPlanFile } from '~/lib/plan/plan-file';
import { MemoryStorage } from './helpers/memory-storage';

const empty = (): StoreSnapshot => ({ version: STORE_VERSION, calculators: {}, texts: {}, checklists: {}, currency: null });

// Valid stores, as the store itself writes them: base scenario first, unique ids, names trimmed.
const fieldKey = fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,11}$/).filter((k) => !['constructor', 'prototype'].includes(k));
const text = fc.string({ unit: 'binary', maxLength: 30 });
const scenarioArb = (id: string) =>
  fc.record({
    id: fc.constant(id),
    name: id === BASE_SCENARIO ? fc.constant(null) : fc.stringMatching(/^[A-Za-z0-9\u4e00-\u4e09][A-Za-z0-9 \u4e00-\u4e09]{0,10}[A-Za-z0-9]$/),
    raw: fc.dictionary(fieldKey, text, { maxKeys: 5 }),
    rows: fc.option(text, { nil: null }),
  });
const recordArb: fc.Arbitrary<CalculatorRecord> = fc
  .uniqueArray(fc.stringMatching(/^s-[a-z0-9]{1,8}$/), { maxLength: 4 })
  .chain((ids) => fc.tuple(scenarioArb(BASE_SCENARIO), ...ids.map(scenarioArb)))
  .chain((scenarios) => fc.record({ active: fc.constantFrom(...scenarios.map((s) => s.id)), scenarios: fc.constant(scenarios) }))
  // The store keeps no record that holds only an empty base scenario.
  .filter((r) => !(r.scenarios.length === 1 && r.active === BASE_SCENARIO && Object.keys(r.scenarios[0]!.raw).length === 0 && r.scenarios[0]!.rows === null));
const snapshotArb: fc.Arbitrary<StoreSnapshot> = fc.record({
  version: fc.constant(STORE_VERSION as typeof STORE_VERSION),
  calculators: fc.dictionary(fc.constantFrom(...CALCULATOR_IDS), recordArb, { maxKeys: 4 }),
  texts: fc.dictionary(fc.stringMatching(/^[\w.-]{1,20}$/).filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k)), fc.record({ text, origin: fc.option(fc.string({ maxLength: 20 }), { nil: null }) }), { maxKeys: 3 }),
  checklists: fc.dictionary(fc.stringMatching(/^[\w-]{1,12}$/).filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k)), fc.uniqueArray(fc.stringMatching(/^[a-z0-9-]{1,8}$/), { minLength: 1, maxLength: 4 }), { maxKeys: 3 }),
  currency: fc.option(fc.constantFrom('USD', 'CNY', 'EUR', 'GBP', 'JPY'), { nil: null }),
});

/** Imports a plan file's text into `kv` as the page does: read, merge with what is stored, write. */
function importInto(kv: KeyValue, file: string) {
  const read = readPlanFile(file);
  if (!read.ok) throw new Error(read.problem);
  const merged = mergePlan(readSnapshot(kv), read.plan);
  expect(writeSnapshot(kv, merged)).toEqual({ ok: true });
}

describe('plan file: export and import', () => {
  it('export then import into an empty store gives back the same store (property)', () => {
    fc.assert(
      fc.property(snapshotArb, (snapshot) => {
        const source = new MemoryStorage();
        writeSnapshot(source, snapshot);
        const file = toPlanFile(readSnapshot(source));
        const read = readPlanFile(file);
        expect(read.ok).toBe(true);
        if (read.ok) expect(read.plan).toEqual(readSnapshot(source));
        const target = new MemoryStorage();
        importInto(target, file);
        expect(readSnapshot(target)).toEqual(readSnapshot(source));
      }),
      { numRuns: 100 },
    );
  });

  it('a file carries its format and version', () => {
    const file = JSON.parse(toPlanFile(empty(), '2026-12-07T00:00:00.000Z'));
    expect(file).toMatchObject({ format: PLAN_FORMAT, version: PLAN_VERSION, exported: '2026-12-07T00:00:00.000Z' });
  });

  it('importing twice changes nothing the second time', () => {
    fc.assert(
      fc.property(snapshotArb, snapshotArb, (stored, incoming) => {
        const kv = new MemoryStorage();
        writeSnapshot(kv, stored);
        const file = toPlanFile(incoming);
        importInto(kv, file);
        const read = readPlanFile(file);
        expect(read.ok && diffPlan(readSnapshot(kv), read.plan).changes).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});

describe('plan file: the preview of an import', () => {
  const record = (raw: Record<string, string>, extra: CalculatorRecord['scenarios'] = []): CalculatorRecord => ({
    active: BASE_SCENARIO,
    scenarios: [{ id: BASE_SCENARIO, name: null, raw, rows: null }, ...extra],
  });

  it('names each calculator and scenario added, replaced (with the inputs that differ) or unchanged', () => {
    const current: StoreSnapshot = {
      ...empty(),
      calculators: { 'C05.1': record({ material: '30', markup: '25' }, [{ id: 's-a', name: 'Aggressive', raw: { markup: '50' }, rows: null }]) },
      texts: { 'plan.objectives': { text: 'Grow', origin: null } },
      currency: 'USD',
    };
    const incoming: StoreSnapshot = {
      ...empty(),
      calculators: {
        'C05.1': record({ material: '40' }, [{ id: 's-a', name: 'Aggressive', raw: { markup: '50' }, rows: null }, { id: 's-b', name: 'Cautious', raw: {}, rows: null }]),
        'C13.1': record({ revenue: '100' }),
      },
      texts: { 'plan.objectives': { text: 'Grow faster', origin: null }, 'plan.positioning': { text: 'For…', origin: null } },
      checklists: { '05-pricing': ['a'] },
      currency: 'EUR',
    };
    const diff = diffPlan(current, incoming);
    expect(diff.changes).toBe(true);
    expect(diff.calculators).toEqual([
      {
        id: 'C05.1',
        isNew: false,
        scenarios: [
          { kind: 'replaced', id: BASE_SCENARIO, name: null, previousName: null, rowsChanged: false, inputs: [{ key: 'material', from: '30', to: '40' }, { key: 'markup', from: '25', to: null }] },
          { kind: 'same', id: 's-a', name: 'Aggressive' },
          { kind: 'added', id: 's-b', name: 'Cautious' },
        ],
      },
      { id: 'C13.1', isNew: true, scenarios: [{ kind: 'added', id: BASE_SCENARIO, name: null }] },
    ]);
    expect(diff.texts).toEqual([{ id: 'plan.objectives', kind: 'replaced' }, { id: 'plan.positioning', kind: 'added' }]);
    expect(diff.checklists).toEqual([{ chapter: '05-pricing', kind: 'added' }]);
    expect(diff.currency).toEqual({ from: 'USD', to: 'EUR' });

    // Applying: the file's scenarios replace those with its ids, other stored work stays.
    const merged = mergePlan(current, incoming);
    expect(merged.calculators['C05.1']!.scenarios.map((s) => [s.id, s.raw])).toEqual([
      [BASE_SCENARIO, { material: '40' }],
      ['s-a', { markup: '50' }],
      ['s-b', {}],
    ]);
  });

  it('keeps a reader’s scenarios the file does not have, and skips what no longer fits', () => {
    const kv = new MemoryStorage();
    for (let i = 1; i < MAX_SCENARIOS; i++) putScenario(kv, 'C05.1', { id: `s-mine${i}`, name: `Mine ${i}`, raw: { markup: String(i) }, rows: null });
    const incoming: StoreSnapshot = { ...empty(), calculators: { 'C05.1': record({}, [{ id: 's-theirs', name: 'Theirs', raw: {}, rows: null }]) } };
    const diff = diffPlan(readSnapshot(kv), incoming);
    expect(diff.calculators[0]!.scenarios.find((s) => s.id === 's-theirs')!.kind).toBe('skipped');
    writeSnapshot(kv, mergePlan(readSnapshot(kv), incoming));
    const after = readSnapshot(kv).calculators['C05.1']!;
    expect(after.scenarios).toHaveLength(MAX_SCENARIOS);
    expect(after.scenarios.some((s) => s.id === 's-theirs')).toBe(false);
  });
});

describe('plan file: refusals and hostile files', () => {
  it('refuses other formats, newer versions, broken JSON and files too large, saying which', () => {
    expect(readPlanFile('{"format":"something-else","version":1}')).toEqual({ ok: false, problem: 'notPlan' });
    expect(readPlanFile('[1,2]')).toEqual({ ok: false, problem: 'notPlan' });
    expect(readPlanFile(JSON.stringify({ format: PLAN_FORMAT, version: PLAN_VERSION + 1 }))).toEqual({ ok: false, problem: 'newerVersion' });
    expect(readPlanFile(JSON.stringify({ format: PLAN_FORMAT, version: '1' }))).toEqual({ ok: false, problem: 'malformed' });
    expect(readPlanFile(JSON.stringify({ format: PLAN_FORMAT, version: 0.5 }))).toEqual({ ok: false, problem: 'malformed' });
    expect(readPlanFile('{"format":')).toEqual({ ok: false, problem: 'notJson' });
    expect(readPlanFile('')).toEqual({ ok: false, problem: 'notJson' });
    const tenMegabytes = `{"format":"${PLAN_FORMAT}","version":1,"texts":{"a":{"text":"${'x'.repeat(10_000_000)}"}}}`;
    expect(tenMegabytes.length).toBeGreaterThan(MAX_PLAN_FILE_CHARS);
    expect(readPlanFile(tenMegabytes)).toEqual({ ok: false, problem: 'tooLarge' });
  });

  it('reads a file with a byte-order mark', () => {
    expect(readPlanFile('\uFEFF' + toPlanFile(empty())).ok).toBe(true);
  });

  it('leaves out prototype keys, wrong types, unknown calculators and oversized strings', () => {
    const hostile = `{"format":"${PLAN_FORMAT}","version":1,
      "__proto__":{"polluted":true},
      "calculators":{"__proto__":{"active":"base"},"C99.9":{"scenarios":[]},"C05.1":{"active":"base","scenarios":[
        {"id":"base","name":7,"raw":{"__proto__":"x","constructor":"y","material":"30","markup":12,"big":"${'9'.repeat(20_000)}"},"rows":{"a":1}},
        {"id":"BAD ID","name":"x","raw":{}},"not a scenario",null]},
        "C13.1":"text"},
      "texts":{"__proto__":{"text":"x"},"plan.objectives":{"text":"Grow","origin":5},"n":{"text":3}},
      "checklists":{"__proto__":["a"],"05-pricing":["a",3,{"b":1},"c"],"x":"y"},
      "currency":{"code":"USD"}}`;
    const read = readPlanFile(hostile);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(read.plan.calculators)).toBe(Object.prototype);
    expect(Object.keys(read.plan.calculators).sort()).toEqual(['C05.1', 'C13.1']);
    expect(read.plan.calculators['C05.1']).toEqual({ active: BASE_SCENARIO, scenarios: [{ id: BASE_SCENARIO, name: null, raw: { material: '30' }, rows: null }] });
    expect(read.plan.calculators['C13.1']).toEqual({ active: BASE_SCENARIO, scenarios: [{ id: BASE_SCENARIO, name: null, raw: {}, rows: null }] });
    expect(read.plan.texts).toEqual({ 'plan.objectives': { text: 'Grow', origin: null } });
    expect(Object.getPrototypeOf(read.plan.checklists)).toBe(Object.prototype);
    expect(read.plan.checklists).toEqual({ '05-pricing': ['a', 'c'] });
    expect(read.plan.currency).toBeNull();
  });

  it('deep nesting is refused or read, never thrown', () => {
    const deep = `{"format":"${PLAN_FORMAT}","version":1,"calculators":{"C05.1":${'['.repeat(200_000)}${']'.repeat(200_000)}}}`;
    expect(() => readPlanFile(deep)).not.toThrow();
    const read = readPlanFile(deep);
    if (read.ok) expect(read.plan.calculators['C05.1']!.scenarios.map((s) => s.id)).toEqual([BASE_SCENARIO]);
  });

  it('any text, any JSON value and any plan-shaped value never throws, and what is read previews and merges (property)', () => {
    const check = (file: string) => {
      const read = readPlanFile(file);
      if (!read.ok) return;
      const current = readSnapshot(new MemoryStorage());
      diffPlan(current, read.plan);
      const kv = new MemoryStorage();
      writeSnapshot(kv, mergePlan(current, read.plan));
      // Whatever was read is what the store keeps (a record holding nothing is not stored).
      for (const [id, record] of Object.entries(readSnapshot(kv).calculators)) expect(record).toEqual(read.plan.calculators[id]);
    };
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => check(s)), { numRuns: 300 });
    fc.assert(fc.property(fc.jsonValue(), (v) => check(JSON.stringify(v))), { numRuns: 300 });
    const planShaped = fc.record({
      format: fc.constant(PLAN_FORMAT),
      version: fc.oneof(fc.constant(1), fc.anything()),
      calculators: fc.oneof(fc.dictionary(fc.constantFrom('C05.1', 'C13.1', '__proto__', 'x'), fc.anything()), fc.anything()),
      texts: fc.anything(),
      checklists: fc.anything(),
      currency: fc.anything(),
    });
    fc.assert(fc.property(planShaped, (v) => check(JSON.stringify(v))), { numRuns: 300 });
  });
});
