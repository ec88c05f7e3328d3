import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attribution, attributionModels, exampleAttributionRows, readChannelSpend, touchShares, type PathColumns } from '~/lib/calculators/c08-3-attribution';
import { isAllFinite } from '~/lib/kit/calculator';
import { readFields } from '~/lib/kit/fields';
import { readRows, type RawRow } from '~/lib/kit/rows';

function run(fields: Partial<typeof attribution.example> = {}, rows: RawRow<PathColumns>[] = exampleAttributionRows) {
  const read = readFields(attribution.fields, { ...attribution.example, ...fields });
  return { ...attribution.compute(read.values, readRows(attribution.table!, rows)), fieldErrors: read.errors };
}
const r1 = (x: number) => Math.round(x * 10) / 10;
const pos = { first: 0.4, middle: 0.2, last: 0.4 };

describe('C08.3 multi-touch attribution', () => {
  it('reproduces the chapter-8 path: Search 14 d → Social 7 d → Email 0 d, value 100', () => {
    // Time decay, half-life 7: weights 2^−2, 2^−1, 2^0 = 0.25, 0.5, 1 → ÷ 1.75 → 14.3 / 28.6 / 57.1.
    const { results, issues } = run();
    const byModel = (m: (typeof attributionModels)[number]) => results.channels!.map((c) => r1(c.value[m]));
    expect(results.channels!.map((c) => c.channel)).toEqual(['Search', 'Social', 'Email']);
    expect(byModel('lastTouch')).toEqual([0, 0, 100]);
    expect(byModel('firstTouch')).toEqual([100, 0, 0]);
    expect(byModel('linear')).toEqual([33.3, 33.3, 33.3]);
    expect(byModel('timeDecay')).toEqual([14.3, 28.6, 57.1]);
    expect(byModel('positionBased')).toEqual([40, 20, 40]);
    expect(results.spread![0]).toEqual({ channel: 'Search', min: 0, max: 100 });
    expect(results.models).toEqual([...attributionModels]);
    expect(issues).toEqual([]);
  });

  it('splits two touches in the ratio of the end shares, gives one touch 100%, and adds repeated channels', () => {
    expect(touchShares('positionBased', 2, null, 7, pos)).toEqual([0.5, 0.5]);
    expect(touchShares('positionBased', 2, null, 7, { first: 0.3, middle: 0.4, last: 0.3 })).toEqual([0.5, 0.5]);
    expect(touchShares('positionBased', 2, null, 7, { first: 0.6, middle: 0.2, last: 0.2 })!.map((x) => Math.round(x * 1e12) / 1e12)).toEqual([0.75, 0.25]);
    expect(touchShares('positionBased', 1, null, 7, pos)).toEqual([1]);
    const { results } = run({}, [{ path: 'Social > email>EMAIL', days: '9 4 0', conversions: '2', value: '300' }]);
    expect(results.channels!.map((c) => c.channel)).toEqual(['Social', 'email']);
    expect(results.channels![1]!.value.linear).toBeCloseTo(200, 9); // two of three touches
    expect(results.channels![1]!.conversions.positionBased).toBeCloseTo(1.2, 9); // (0.2 + 0.4) × 2
  });

  it('computes ROI per channel per model from the spend text', () => {
    const { results } = run({ channelSpend: 'Search=20; social: 10; Email = 0' });
    const [search, social, email] = results.channels!;
    expect(search!.roi!.firstTouch).toBeCloseTo(4, 12); // (100 − 20)/20
    expect(search!.roi!.lastTouch).toBe(-1);
    expect(social!.roi!.positionBased).toBeCloseTo(1, 12); // (20 − 10)/10
    expect(email!.spend).toBe(0);
    expect(email!.roi).toBeUndefined();
    expect(readChannelSpend('Search 20')).toEqual({ ok: false, code: 'badEntry', entry: 'Search 20' });
    expect(readChannelSpend('A=1; a=2')).toEqual({ ok: false, code: 'duplicate', entry: 'a=2' });
    const unknown = run({ channelSpend: 'TV=100' });
    expect(unknown.issues).toContainEqual(expect.objectContaining({ code: 'c08_3.spendUnknownChannel', params: { channel: 'TV' } }));
  });

  it('guards shares not adding to 100%, bad days and empty channel names, keeping the other models', () => {
    const bad = run({ middleShare: '30' });
    expect(bad.issues).toContainEqual(expect.objectContaining({ field: 'middleShare', code: 'c08_3.sharesNot100' }));
    expect(bad.results.models).not.toContain('positionBased');
    expect(bad.results.channels![2]!.value.lastTouch).toBe(100);
    const rows = [
      { path: 'Search>Email', days: '3', conversions: '1', value: '10' },
      { path: 'Search>>Email', days: '', conversions: '1', value: '10' },
      { path: 'Email>Search', days: 'x>0', conversions: '1', value: '10' },
    ];
    const { results, issues } = run({}, rows);
    expect(issues).toEqual(expect.arrayContaining([
      expect.objectContaining({ row: 0, code: 'c08_3.daysCount' }),
      expect.objectContaining({ row: 1, code: 'c08_3.emptyChannel' }),
      expect.objectContaining({ row: 2, code: 'c08_3.badDays' }),
      expect.objectContaining({ code: 'c08_3.timeDecayPartial', params: { count: 2 } }),
    ]));
    expect(results.pathsUsed).toBe(2);
    expect(results.models).not.toContain('timeDecay');
  });

  it('handles 5,000 paths', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({ path: ['Search', 'Social', 'Email', 'Display'].slice(0, 1 + (i % 4)).join('>'), days: '', conversions: '1', value: String(10 + (i % 50)) }));
    const { results } = run({}, rows);
    expect(results.pathsUsed).toBe(5000);
    const total = results.channels!.reduce((a, c) => a + c.value.linear, 0);
    expect(total).toBeCloseTo(results.totalValue!, 6);
  });
});

describe('C08.3 properties (fast-check)', () => {
  const channel = fc.constantFrom('Search', 'Social', 'Email', 'Display', 'TV');
  const pathRow = fc.array(channel, { minLength: 1, maxLength: 8 }).chain((names) =>
    fc.record({
      path: fc.constant(names.join('>')),
      days: fc.array(fc.integer({ min: 0, max: 400 }), { minLength: names.length, maxLength: names.length }).map((d) => d.sort((a, b) => b - a).join('>')),
      conversions: fc.integer({ min: 0, max: 1e6 }).map(String),
      value: fc.integer({ min: 0, max: 1e9 }).map(String),
    }));

  it('every model credits exactly the total conversions and value (conservation); all finite', () => {
    fc.assert(
      fc.property(fc.array(pathRow, { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 60 }), (rows, h) => {
        const { results } = run({ halfLife: String(h) }, rows);
        expect(isAllFinite(results)).toBe(true);
        for (const m of results.models!) {
          const v = results.channels!.reduce((a, c) => a + c.value[m], 0);
          const n = results.channels!.reduce((a, c) => a + c.conversions[m], 0);
          expect(Math.abs(v - results.totalValue!)).toBeLessThanOrEqual(1e-6 * Math.max(1, results.totalValue!));
          expect(Math.abs(n - results.totalConversions!)).toBeLessThanOrEqual(1e-6 * Math.max(1, results.totalConversions!));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('random text in any field or cell gives a message, never an exception', () => {
    const cols = Object.keys(attribution.table!.columns) as (keyof PathColumns)[];
    const keys = Object.keys(attribution.fields) as (keyof typeof attribution.fields)[];
    fc.assert(
      fc.property(fc.constantFrom(...cols), fc.constantFrom(...keys), fc.string({ maxLength: 70 }), (col, key, text) => {
        const { results } = run({ [key]: text }, attribution.defaultRows!.map((x) => ({ ...x, [col]: text })));
        expect(isAllFinite(results)).toBe(true);
        const fields = readFields(attribution.fields, { ...attribution.example, [key]: text });
        expect(fields.values[key] !== undefined || fields.errors[key] !== undefined).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
