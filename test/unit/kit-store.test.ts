import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { costPlus } from '~/lib/calculators/c05-1-cost-plus';
import { efficiency } from '~/lib/calculators/c12-3-efficiency';
import { CALCULATOR_IDS } from '~/catalog';
import { CALCULATORS } from '~/lib/calculators/registry';
import {
  BASE_SCENARIO,
  calculatorKey,
  cleanScenarioName,
  emptyRecord,
  LEGACY,
  META_KEY,
  needsMigration,
  newScenarioId,
  readCalculator,
  readChecklists,
  readCurrency,
  readText,
  STORE_VERSION,
  writeChecklist,
  writeText,
  type KeyValue,
} from '~/lib/kit/store';
import { migrate } from '~/lib/kit/store-migrate';
import { MemoryStorage } from './helpers/memory-storage';
import { deleteScenario, listCalculators, parseSnapshot, putScenario, readSnapshot, setActiveScenario, uniqueScenarioName, writeSnapshot } from '~/lib/kit/store-edit';
import type { FieldSpecs } from '~/lib/kit/fields';
import { decodeRows, decodeSaved, encodeRows, scenarioParamName } from '~/lib/kit/url-state';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')).storage as Record<string, string>;
const base = (kv: KeyValue, id: string) => readCalculator(kv, id).scenarios.find((s) => s.id === BASE_SCENARIO)!;

describe('store migrations: nothing of an older layout is lost', () => {
  it('v1 (mpp:v1:* keys, JSON rows): inputs, rows, text, currency and checklists move into the store exactly', () => {
    const old = fixture('store-v1.json');
    const kv = new MemoryStorage(old);
    const report = migrate(kv);
    expect(report.from).toBe(1);
    expect(report.kept).toEqual([]);
    expect(report.moved.sort()).toEqual(Object.keys(old).filter((k) => k.startsWith('mpp:')).sort());

    for (const key of Object.keys(old).filter((k) => /^mpp:v1:C\d\d\.\d$/.test(k))) {
      const id = key.slice('mpp:v1:'.length);
      const before = JSON.parse(old[key]!) as Record<string, unknown>;
      const scenario = base(kv, id);
      const { rows, ...fields } = before;
      expect(scenario.raw).toEqual(Object.fromEntries(Object.entries(fields).filter(([, v]) => typeof v === 'string')));
      expect(scenario.rows).toBe(typeof rows === 'string' ? rows : null);
      expect(readCalculator(kv, id).active).toBe(BASE_SCENARIO);
    }
    expect(readText(kv, 'C03.3', 1e6)).toEqual(JSON.parse(old['mpp:v1:C03.3:text']!));
    expect(readCurrency(kv)).toBe('CNY');
    expect(readChecklists(kv)).toEqual(JSON.parse(old[LEGACY.checklists]!));
    // The legacy keys are gone, other sites' keys are not touched, and the version is marked.
    expect([...kv.map.keys()].filter((k) => k.startsWith('mpp:v1') || k === LEGACY.checklists)).toEqual([]);
    expect(kv.getItem('starlight-theme')).toBe('dark');
    expect(JSON.parse(kv.getItem(META_KEY)!)).toEqual({ version: STORE_VERSION });
    // The migrated rows read back cell for cell, as typed.
    const rows = decodeRows(efficiency.table!, base(kv, 'C12.3').rows!, () => ({}) as never)!.rows;
    expect(rows[0]).toMatchObject({ name: 'MY SAVED LINE', spend: '12,000', grossReturn: '-$5,000' });
    expect(rows[1]).toMatchObject({ name: '=SUM(A1)', grossReturn: '@home' });
    expect(decodeSaved('C05.1', costPlus.fields, base(kv, 'C05.1').raw)).toMatchObject({ material: '１２３', labour: '1,000', basis: 'margin' });
  });

  it('v1 with rows as exported CSV (before the JSON encoding) and unreadable values: readable ones move, unreadable ones stay', () => {
    const old = fixture('store-v1-csv-rows.json');
    const kv = new MemoryStorage(old);
    const report = migrate(kv);
    expect(report.kept.sort()).toEqual(['mpp:checklists:v1', 'mpp:v1:C01.1']);
    // Unreadable values are left exactly where they were (nothing is deleted that could not be moved).
    expect(kv.getItem('mpp:v1:C01.1')).toBe('{not json');
    expect(kv.getItem(LEGACY.checklists)).toBe('{not json either');
    const c12 = base(kv, 'C12.3');
    expect(c12.raw).toEqual({ shiftShare: '20' });
    expect(c12.rows).toBe(JSON.parse(old['mpp:v1:C12.3']!).rows);
    const rows = decodeRows(efficiency.table!, c12.rows!, () => ({}) as never)!.rows;
    expect(rows[0]).toMatchObject({ name: 'KEEP-ME', grossReturn: '-$5,000' });
    expect(rows[1]).toMatchObject({ name: '-Brand', spend: '@home' });
    expect(readText(kv, 'C03.3', 1e6)).toEqual({ text: 'a,b\n1,2\n', origin: null });
    // Marked done: what is left cannot be read, so it is not retried on every visit.
    expect(migrate(kv).from).toBe(STORE_VERSION);
  });

  it('is idempotent: a second run (or a second tab) changes nothing', () => {
    const kv = new MemoryStorage(fixture('store-v1.json'));
    migrate(kv);
    const after = new Map(kv.map);
    expect(migrate(kv)).toEqual({ from: STORE_VERSION, moved: [], kept: [] });
    expect(kv.map).toEqual(after);
  });

  it('a full storage keeps the old key and retries on the next visit; a large text is moved without needing room for two copies', () => {
    const text = JSON.stringify({ text: 'x'.repeat(5000), origin: 'big.csv' });
    const kv = new MemoryStorage({ [LEGACY.text('C03.3')]: text, [LEGACY.inputs('C05.1')]: '{"material":"7"}' }, 5200 + 60);
    const report = migrate(kv);
    expect(report.moved.sort()).toEqual([LEGACY.inputs('C05.1'), LEGACY.text('C03.3')].sort());
    expect(readText(kv, 'C03.3', 1e6)?.text).toHaveLength(5000);

    const tiny = new MemoryStorage({ [LEGACY.inputs('C05.1')]: '{"material":"7"}' }, 40);
    expect(migrate(tiny).kept).toEqual([LEGACY.inputs('C05.1')]);
    expect(tiny.getItem(LEGACY.inputs('C05.1'))).toBe('{"material":"7"}');
    expect(tiny.getItem(META_KEY)).toBeNull(); // not marked: tried again next time
  });

  it('needsMigration: only storage holding an older layout, not yet marked, loads the migration code', () => {
    expect(needsMigration(new MemoryStorage())).toBe(false);
    expect(needsMigration(new MemoryStorage({ [calculatorKey('C05.1')]: '{}' }))).toBe(false);
    const kv = new MemoryStorage(fixture('store-v1.json'));
    expect(needsMigration(kv)).toBe(true);
    expect(needsMigration(new MemoryStorage({ [LEGACY.checklists]: '{}' }))).toBe(true);
    migrate(kv);
    expect(needsMigration(kv)).toBe(false);
  });

  it('nothing stored: marks the version and writes nothing else', () => {
    const kv = new MemoryStorage();
    expect(migrate(kv)).toEqual({ from: 1, moved: [], kept: [] });
    expect([...kv.map.keys()]).toEqual([META_KEY]);
  });
});

describe('store scenarios', () => {
  it('every calculator has an implicit base scenario; an empty record is not stored', () => {
    const kv = new MemoryStorage();
    expect(readCalculator(kv, 'C05.1')).toEqual(emptyRecord());
    putScenario(kv, 'C05.1', { id: BASE_SCENARIO, name: null, raw: {}, rows: null });
    expect(kv.getItem(calculatorKey('C05.1'))).toBeNull();
  });

  it('save, switch, rename, duplicate and delete', () => {
    const kv = new MemoryStorage();
    putScenario(kv, 'C05.1', { id: BASE_SCENARIO, name: null, raw: { material: '10' }, rows: null });
    const record = readCalculator(kv, 'C05.1');
    const id = newScenarioId(record, 'one');
    putScenario(kv, 'C05.1', { id, name: 'Aggressive', raw: { material: '8' }, rows: null }, true);
    expect(readCalculator(kv, 'C05.1').active).toBe(id);
    setActiveScenario(kv, 'C05.1', BASE_SCENARIO);
    expect(readCalculator(kv, 'C05.1').active).toBe(BASE_SCENARIO);
    putScenario(kv, 'C05.1', { ...readCalculator(kv, 'C05.1').scenarios[1]!, name: '激进方案' });
    expect(readCalculator(kv, 'C05.1').scenarios.map((s) => s.name)).toEqual([null, '激进方案']);
    expect(uniqueScenarioName(readCalculator(kv, 'C05.1'), '激进方案', 'Base')).toBe('激进方案 (2)');
    expect(uniqueScenarioName(readCalculator(kv, 'C05.1'), 'Base', 'Base')).toBe('Base (2)');
    expect(uniqueScenarioName(readCalculator(kv, 'C05.1'), '激进方案', '基准方案', undefined, '{name}（{n}）')).toBe('激进方案（2）');
    expect(uniqueScenarioName({ active: 'base', scenarios: [{ id: 'base', name: 'x'.repeat(60), raw: {}, rows: null }] }, 'x'.repeat(60), 'Base')).toHaveLength(60);
    deleteScenario(kv, 'C05.1', id);
    expect(readCalculator(kv, 'C05.1').scenarios.map((s) => s.id)).toEqual([BASE_SCENARIO]);
    // Deleting the base one empties it (it always exists).
    deleteScenario(kv, 'C05.1', BASE_SCENARIO);
    expect(kv.getItem(calculatorKey('C05.1'))).toBeNull();
  });

  it('two tabs: the last write per scenario wins and the other scenarios are kept', () => {
    const kv = new MemoryStorage();
    putScenario(kv, 'C05.1', { id: 's-a', name: 'A', raw: { material: '1' }, rows: null });
    // Tab 1 read the record before tab 2 added scenario B; tab 1 then writes A: B is kept.
    putScenario(kv, 'C05.1', { id: 's-b', name: 'B', raw: { material: '2' }, rows: null });
    putScenario(kv, 'C05.1', { id: 's-a', name: 'A', raw: { material: '3' }, rows: null });
    expect(readCalculator(kv, 'C05.1').scenarios.map((s) => [s.id, s.raw['material']])).toEqual([
      [BASE_SCENARIO, undefined],
      ['s-a', '3'],
      ['s-b', '2'],
    ]);
  });

  it('hostile or foreign records read as the base scenario, never throw', () => {
    for (const value of ['{not json', '[]', 'null', '"x"', '{"scenarios":[{"id":"../x"},{"id":"ok","raw":{"a":1,"b":"2"},"rows":5,"name":"' + 'n'.repeat(100) + '"}],"active":"gone"}']) {
      const kv = new MemoryStorage({ [calculatorKey('C05.1')]: value });
      const record = readCalculator(kv, 'C05.1');
      expect(record.active).toBe(BASE_SCENARIO);
      expect(record.scenarios[0]!.id).toBe(BASE_SCENARIO);
      for (const s of record.scenarios) expect(Object.values(s.raw).every((v) => typeof v === 'string')).toBe(true);
    }
    expect(readCalculator(null, 'C05.1')).toEqual(emptyRecord());
  });

  it('every string a person can type round-trips through a scenario exactly (property)', () => {
    const cell = fc.string({ unit: 'binary', maxLength: 40 });
    fc.assert(
      // Keys are field names; `__proto__` is never one (reading a record would not keep it as a key).
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }).filter((key) => key !== '__proto__'), cell), fc.array(fc.tuple(cell, cell, cell), { maxLength: 6 }), (raw, grid) => {
        const kv = new MemoryStorage();
        const rows = encodeRows({ a: {}, b: {}, c: {} } as unknown as FieldSpecs, grid.map(([a, b, c]) => ({ a, b, c })));
        putScenario(kv, 'C05.1', { id: 's-x', name: 'X', raw, rows }, true);
        const back = readCalculator(kv, 'C05.1').scenarios.find((s) => s.id === 's-x')!;
        expect(back.raw).toEqual(raw);
        expect(back.rows).toBe(rows);
      }),
      { numRuns: 200 },
    );
  });

  it('scenario names: trimmed, one line, not empty, at most 60 characters', () => {
    expect(cleanScenarioName('  Aggressive  ')).toBe('Aggressive');
    expect(cleanScenarioName('a\nb')).toBe('a b');
    expect(cleanScenarioName('   ')).toBeNull();
    expect(cleanScenarioName('x'.repeat(61))).toBeNull();
  });

  it('no calculator has a field named like the scenario link parameter', () => {
    const defs = Object.values(CALCULATORS);
    expect(defs.length).toBeGreaterThan(30);
    for (const def of defs) expect(Object.hasOwn(def!.fields, 'scenario')).toBe(false);
    expect(scenarioParamName('C05.1')).toBe('C05.1.scenario');
  });
});

describe('store quota and snapshot', () => {
  it('a full storage is reported, not swallowed', () => {
    const kv = new MemoryStorage({}, 100);
    expect(putScenario(kv, 'C05.1', { id: 's-a', name: 'A', raw: { material: 'x'.repeat(200) }, rows: null })).toEqual({ ok: false, reason: 'quota' });
    expect(writeText(kv, 'C03.3', { text: 'y'.repeat(200), origin: null })).toEqual({ ok: false, reason: 'quota' });
    expect(writeChecklist(null, '1', ['a'])).toEqual({ ok: false, reason: 'unavailable' });
  });

  it('a snapshot holds everything, survives JSON and writes back the same store', () => {
    const kv = new MemoryStorage(fixture('store-v1.json'));
    migrate(kv);
    putScenario(kv, 'C05.1', { id: 's-b', name: 'B', raw: { material: '2' }, rows: null }, true);
    const snapshot = readSnapshot(kv);
    expect(Object.keys(snapshot.calculators).sort()).toEqual(['C03.2', 'C05.1', 'C12.3']);
    expect(Object.keys(listCalculators(kv)).every((id) => (CALCULATOR_IDS as readonly string[]).includes(id))).toBe(true);
    const parsed = parseSnapshot(JSON.parse(JSON.stringify(snapshot)));
    expect(parsed).toEqual(snapshot);
    const fresh = new MemoryStorage();
    expect(writeSnapshot(fresh, parsed!)).toEqual({ ok: true });
    expect(readSnapshot(fresh)).toEqual(snapshot);
    expect(parseSnapshot({ ...snapshot, version: 3 })).toBeNull();
    expect(parseSnapshot('nonsense')).toBeNull();
  });
});
