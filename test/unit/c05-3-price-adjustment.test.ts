import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  breakEvenVolumeChange,
  buildTiers,
  orderTotal,
  priceAdjustment,
  reversalThreshold,
  reversalZones,
  type DiscountTier,
} from '~/lib/calculators/c05-3-price-adjustment';
import { round9 } from '~/lib/kit/calculator';
import { readFields } from '~/lib/kit/fields';
import { readRows, type RawRow } from '~/lib/kit/rows';

type Raw = typeof priceAdjustment.defaults;
type Row = RawRow<NonNullable<typeof priceAdjustment.table>['columns']>;

function run(overrides: Partial<Raw> = {}, rows: Row[] = priceAdjustment.defaultRows!) {
  const raw = { ...priceAdjustment.defaults, ...overrides };
  const read = readFields(priceAdjustment.fields, raw);
  const rowReads = readRows(priceAdjustment.table!, rows);
  return { ...priceAdjustment.compute(read.values, rowReads), fieldErrors: read.errors };
}

const codes = (issues: { code: string }[]) => issues.map((i) => i.code);
const tiersOf = (...pairs: [number, number][]) => buildTiers(pairs.map(([minQuantity, rate], row) => ({ minQuantity, rate, row })));

function allFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(allFinite);
  if (value && typeof value === 'object') return Object.values(value).every(allFinite);
  return true;
}

describe('C05.3 (a) price change vs volume', () => {
  it('the worked example is chapter 5’s: the defaults with the 69 / 99 / 149 line-up, so loading it shows a change', () => {
    expect(priceAdjustment.example).toEqual({ ...priceAdjustment.defaults, priceGood: '69', priceBetter: '99', priceBest: '149' });
    expect(priceAdjustment.defaultRows).toEqual(priceAdjustment.exampleRows);
    // Gaps 99/69 − 1 = 43.5% and 149/99 − 1 = 50.5%; 99 is the middle choice.
    const { results: r } = run(priceAdjustment.example);
    expect(r.gaps!.map((g) => (g.gap * 100).toFixed(1))).toEqual(['43.5', '50.5', '115.9']);
    expect(r.middle).toBe('better');
  });

  it('reproduces the worked examples: CMR 40%, −10% → +33.3%; +10% → −20.0%; CMR 45.05%, −10% → +28.5%', () => {
    // ΔQ/Q = −ΔP/(CMR + ΔP): 0.1/(0.4 − 0.1) = 33.3%; −0.1/(0.4 + 0.1) = −20.0%
    const cut = run();
    expect(cut.results.contributionRatio).toBeCloseTo(0.4, 12);
    expect(cut.results.requiredVolumeChange! * 100).toBeCloseTo(33.3, 1);
    expect(run({ priceChange: '10' }).results.requiredVolumeChange! * 100).toBeCloseTo(-20.0, 1);
    // C05.1: P = 91, VC = 50 → CMR = 41/91 = 45.05%; 0.1/(0.4505 − 0.1) = 28.5%
    const c051 = run({ currentPrice: '91', unitVariableCost: '50' });
    expect(c051.results.contributionRatio! * 100).toBeCloseTo(45.05, 2);
    expect(c051.results.requiredVolumeChange! * 100).toBeCloseTo(28.5, 1);
  });

  it('compares the elasticity-based expectation with the requirement, for cuts and rises alike', () => {
    // Cut 10% with E = −1.105: expected 0.9^−1.105 − 1 = +12.35% < +33.3% needed → contribution falls
    const cut = run();
    expect(cut.results.expectedVolumeChange! * 100).toBeCloseTo(12.35, 2);
    expect(cut.results.verdict).toBe('falls');
    // contribution change = (CMR + ΔP)(1 + x)/CMR − 1 = 0.3 × 1.1235/0.4 − 1 = −15.74%
    expect(cut.results.expectedContributionChange! * 100).toBeCloseTo(-15.74, 2);
    // Rise 10%: expected 1.1^−1.105 − 1 = −10.0% > −20.0% allowed → contribution rises
    const rise = run({ priceChange: '10' });
    expect(rise.results.expectedVolumeChange! * 100).toBeCloseTo(-10.0, 1);
    expect(rise.results.verdict).toBe('rises');
    // Very elastic demand makes the cut pay: 0.9^−4 − 1 = +52.4% > +33.3%
    expect(run({ elasticity: '-4' }).results.verdict).toBe('rises');
    // No change: expected = required = 0 → unchanged
    expect(run({ priceChange: '0' }).results.verdict).toBe('unchanged');
    // No elasticity: no verdict, the requirement still shows
    const none = run({ elasticity: '' });
    expect(none.results.verdict).toBeUndefined();
    expect(none.results.requiredVolumeChange).toBeDefined();
  });

  it('flags a positive elasticity as "check the data"', () => {
    expect(run({ elasticity: '0.8' }).issues).toContainEqual(expect.objectContaining({ field: 'elasticity', code: 'c05_3.positiveElasticity' }));
  });

  it('guards a price that falls to or below variable cost, and a current price without margin', () => {
    const below = run({ priceChange: '-40' }); // CMR + ΔP = 0
    expect(below.issues).toContainEqual(expect.objectContaining({ field: 'priceChange', code: 'c05_3.belowVariableCost' }));
    expect(below.results.requiredVolumeChange).toBeUndefined();
    expect(below.results.newPrice).toBeCloseTo(60, 9);
    const none = run({ unitVariableCost: '100' });
    expect(none.issues).toContainEqual(expect.objectContaining({ field: 'unitVariableCost', code: 'c05_3.noMargin' }));
    expect(none.results.contributionRatio).toBe(0);
    expect(none.results.requiredVolumeChange).toBeUndefined();
    expect(none.results.orderTotal).toBeDefined(); // other parts still compute
  });

  it('draws required and expected lift for discounts 0–30%, with a gap where the discount reaches the CMR', () => {
    const curve = run({ unitVariableCost: '80' }).results.liftCurve!; // CMR 20%
    expect(curve).toHaveLength(31);
    expect(curve[10]!.required).toBeCloseTo(0.1 / 0.1, 9); // 10% off at CMR 20% → +100%
    expect(curve[20]!.required).toBeNull();
    expect(curve[30]!.required).toBeNull();
    expect(curve[30]!.expected).toBeCloseTo(0.7 ** -1.105 - 1, 12);
  });

  it('property: the break-even volume change falls as the CMR rises', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: -0.95, max: 2, noNaN: true }),
        (c1, c2, dp) => {
          const [low, high] = c1 < c2 ? [c1, c2] : [c2, c1];
          fc.pre(high - low > 1e-6 && round9(low + dp) > 0 && Math.abs(dp) > 1e-9);
          const atLow = breakEvenVolumeChange(low, dp)!;
          const atHigh = breakEvenVolumeChange(high, dp)!;
          // The volume you must gain (cut) or may lose (rise) shrinks as the margin widens.
          expect(Math.abs(atHigh)).toBeLessThan(Math.abs(atLow));
          if (dp < 0) expect(atHigh).toBeLessThan(atLow);
          // Contribution is indeed unchanged at the break-even volume: (CMR + ΔP)(1 + x) = CMR
          expect((high + dp) * (1 + atHigh)).toBeCloseTo(high, 9);
        },
      ),
    );
  });

  it('property: through the calculator, a higher CMR needs a smaller volume lift for the same cut', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 50 }), (vc1, vc2, cut) => {
        fc.pre(vc1 !== vc2 && cut < 100 - Math.max(vc1, vc2));
        const a = run({ unitVariableCost: String(vc1), priceChange: String(-cut) }).results;
        const b = run({ unitVariableCost: String(vc2), priceChange: String(-cut) }).results;
        // lower variable cost → higher CMR → smaller requirement
        if (vc1 < vc2) expect(a.requiredVolumeChange!).toBeLessThan(b.requiredVolumeChange!);
        else expect(a.requiredVolumeChange!).toBeGreaterThan(b.requiredVolumeChange!);
      }),
    );
  });
});

describe('C05.3 (b) tiered volume discounts', () => {
  it('prices an all-units order: 480 units at 5% = 45,600; and shows that 500 units cost less', () => {
    const { results: r, issues } = run();
    expect(r.orderTotal).toBeCloseTo(45600, 9); // 480 × 100 × 0.95
    expect(r.effectivePrice).toBeCloseTo(95, 12);
    expect(r.effectiveDiscount).toBeCloseTo(0.05, 12);
    expect(r.orderTier).toBe(1);
    // 500 × 100 × 0.90 = 45,000 < 45,600
    expect(r.betterOrder).toEqual({ quantity: 500, total: 45000, saving: expect.closeTo(600, 9) as number });
    expect(issues).toContainEqual(expect.objectContaining({ field: 'orderQuantity', code: 'c05_3.orderInReversal', params: { quantity: 480, better: 500 } }));
  });

  it('reproduces the worked example: orders of 474–499 cost more than 500, and 96–99 more than 100', () => {
    // Against 500 (10%): q·0.95 > 500·0.90 ⇔ q > 473.68 → 474–499; against 100 (5%): q > 95 → 96–99
    const { results } = run();
    expect(results.reversals).toEqual([
      { breakQuantity: 100, breakTotal: 9500, zones: [{ from: 96, to: 99 }] },
      { breakQuantity: 500, breakTotal: 45000, zones: [{ from: 474, to: 499 }] },
    ]);
    expect(reversalThreshold(500, 0.1, 0.05)).toBeCloseTo(473.684, 3);
  });

  it('extends the zone into lower tiers on steep schedules: breaks 100 at 50% and 110 at 60% → 45–109 against 110', () => {
    // Tier 100–109 at 50%: q > 110·0.4/0.5 = 88, so the whole tier; tier 0–99: q > 110·0.4/1 = 44 → 45–99
    const zones = reversalZones(tiersOf([100, 0.5], [110, 0.6]), 100);
    expect(zones.find((z) => z.breakQuantity === 110)!.zones).toEqual([{ from: 45, to: 109 }]);
    expect(zones.find((z) => z.breakQuantity === 100)!.zones).toEqual([{ from: 51, to: 99 }]); // q > 100·0.5
  });

  it('prices an incremental schedule band by band and has no reversal zones', () => {
    // 600 units: 100 at 100 + 400 at 95 + 100 at 90 = 10,000 + 38,000 + 9,000 = 57,000
    const { results, issues } = run({ mode: 'incremental', orderQuantity: '600' });
    expect(results.orderTotal).toBeCloseTo(57000, 9);
    expect(results.effectivePrice).toBeCloseTo(95, 12);
    expect(results.reversals).toEqual([]);
    expect(codes(issues)).not.toContain('c05_3.orderInReversal');
  });

  it('uses half-open tiers: an order exactly on a break gets that break’s rate', () => {
    const tiers = tiersOf([100, 0.05], [500, 0.1]);
    expect(orderTotal(tiers, 'allUnits', 499, 100)).toBeCloseTo(499 * 95, 9);
    expect(orderTotal(tiers, 'allUnits', 500, 100)).toBeCloseTo(500 * 90, 9);
    expect(orderTotal(tiers, 'incremental', 100, 100)).toBeCloseTo(10000, 9);
    expect(orderTotal(tiers, 'incremental', 101, 100)).toBeCloseTo(10095, 9);
  });

  it('guards a zero order, duplicate breaks, unreadable rows and falling rates', () => {
    const zero = run({ orderQuantity: '0' });
    expect(zero.issues).toContainEqual(expect.objectContaining({ field: 'orderQuantity', code: 'c05_3.zeroOrder' }));
    expect(zero.results.effectivePrice).toBeUndefined();
    expect(zero.results.orderTotal).toBe(0);

    const dup = run({}, [{ minQuantity: '100', rate: '5' }, { minQuantity: '100', rate: '8' }]);
    expect(dup.issues).toContainEqual(expect.objectContaining({ row: 1, column: 'minQuantity', code: 'c05_3.duplicateBreak', params: { first: 1 } }));

    const bad = run({}, [{ minQuantity: 'abc', rate: '5' }, { minQuantity: '500', rate: '10' }]);
    expect(bad.issues).toContainEqual(expect.objectContaining({ row: 0, code: 'c05_3.rowSkipped' }));
    expect(bad.results.tiers).toHaveLength(2); // base + the readable row
    expect(bad.results.orderTotal).toBeCloseTo(48000, 9); // 480 at list price

    const falls = run({}, [{ minQuantity: '100', rate: '10' }, { minQuantity: '500', rate: '5' }]);
    expect(falls.issues).toContainEqual(expect.objectContaining({ row: 1, column: 'rate', code: 'c05_3.rateFalls' }));

    // A rate of 100% or more is refused in its cell
    const rows = readRows(priceAdjustment.table!, [{ minQuantity: '10', rate: '100' }]);
    expect(rows[0]!.errors.rate).toEqual({ code: 'range.belowPercent', params: { max: 100 } });
  });

  it('works with no tiers at all (list price)', () => {
    const { results } = run({}, []);
    expect(results.orderTotal).toBeCloseTo(48000, 9);
    expect(results.reversals).toEqual([]);
  });

  it('property: all-units reversal zones are exactly the quantities whose total exceeds the total at the break', () => {
    const schedule = fc.uniqueArray(fc.record({ minQuantity: fc.integer({ min: 1, max: 300 }), rate: fc.double({ min: 0, max: 0.95, noNaN: true }) }), {
      minLength: 1,
      maxLength: 5,
      selector: (t) => t.minQuantity,
    });
    fc.assert(
      fc.property(schedule, fc.double({ min: 0.01, max: 1e6, noNaN: true }), (rows, price) => {
        const tiers: DiscountTier[] = buildTiers(rows.map((t, row) => ({ ...t, row })));
        const reversals = reversalZones(tiers, price);
        for (const tier of tiers.slice(1)) {
          const b = tier.from;
          const atBreak = round9(orderTotal(tiers, 'allUnits', b, price));
          const expected = new Set<number>();
          for (let q = 1; q < b; q++) if (round9(orderTotal(tiers, 'allUnits', q, price)) > atBreak) expected.add(q);
          const found = new Set<number>();
          for (const zone of reversals.find((x) => x.breakQuantity === b)?.zones ?? []) {
            expect(zone.from).toBeLessThanOrEqual(zone.to);
            for (let q = zone.from; q <= zone.to; q++) found.add(q);
          }
          expect([...found].sort((x, y) => x - y)).toEqual([...expected].sort((x, y) => x - y));
        }
      }),
    );
  });

  it('property: incremental totals never fall as the quantity rises', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ minQuantity: fc.integer({ min: 1, max: 1000 }), rate: fc.double({ min: 0, max: 0.99, noNaN: true }) }), { maxLength: 6, selector: (t) => t.minQuantity }),
        fc.integer({ min: 0, max: 2000 }),
        (rows, q) => {
          const tiers = buildTiers(rows.map((t, row) => ({ ...t, row })));
          expect(orderTotal(tiers, 'incremental', q + 1, 50)).toBeGreaterThanOrEqual(orderTotal(tiers, 'incremental', q, 50));
        },
      ),
    );
  });
});

describe('C05.3 (c) promotion window', () => {
  it('counts the window in days, inclusive of both dates', () => {
    expect(run().results.windowDays).toBe(14); // 1–14 December
    expect(run({ promoEnd: '2026-12-01' }).results.windowDays).toBe(1);
    expect(run({ promoStart: '2026/12/25', promoEnd: '2027年1月3日' }).results.windowDays).toBe(10);
    expect(run({ promoStart: '2028-02-28', promoEnd: '2028-03-01' }).results.windowDays).toBe(3); // leap year
  });

  it('warns when the end date or the trigger is missing (the seed requires both), and refuses an end before the start', () => {
    const open = run({ promoEnd: '' });
    expect(open.issues).toContainEqual(expect.objectContaining({ field: 'promoEnd', code: 'c05_3.noEndDate' }));
    expect(open.results.windowDays).toBeUndefined();
    expect(run({ trigger: '  ' }).issues).toContainEqual(expect.objectContaining({ field: 'trigger', code: 'c05_3.noTrigger' }));
    expect(run({ promoStart: '' }).issues).toContainEqual(expect.objectContaining({ field: 'promoStart', code: 'c05_3.noStartDate' }));
    expect(run({ promoEnd: '2026-11-30' }).issues).toContainEqual(expect.objectContaining({ field: 'promoEnd', code: 'c05_3.endBeforeStart' }));
    // Entirely blank: the part is not in use, no warnings
    const blank = run({ promoStart: '', promoEnd: '', trigger: '' });
    expect(codes(blank.issues).filter((c) => /Date|Trigger|Start/.test(c))).toEqual([]);
    // Impossible dates are field errors
    expect(run({ promoEnd: '2026-02-30' }).fieldErrors.promoEnd).toEqual({ code: 'parse.notADate' });
  });
});

describe('C05.3 (d) index-linked contract', () => {
  it('reproduces the worked example: weights 0.5/0.4/0.1 with material +50% → price ×1.20 (+20%)', () => {
    // P_t/P₀ = 0.5 + 0.4 × 150/100 + 0.1 × 100/100 = 1.20
    const { results: r } = run();
    expect(r.shockFactor).toBeCloseTo(1.2, 12);
    expect(r.shockPrice).toBeCloseTo(1200, 9);
    expect(r.shockChange! * 100).toBeCloseTo(20, 9);
    expect(r.indexFactor).toBeCloseTo(1, 12); // current indices equal the base
  });

  it('indexes to current material and labour values', () => {
    // 0.5 + 0.4 × 120/100 + 0.1 × 110/100 = 1.09
    const { results } = run({ materialNow: '120', labourNow: '110', materialShock: '0' });
    expect(results.indexFactor).toBeCloseTo(1.09, 12);
    expect(results.adjustedPrice).toBeCloseTo(1090, 9);
    expect(results.adjustedChange).toBeCloseTo(0.09, 12);
  });

  it('guards weights that do not sum to 1, zero base indices and a zero base price', () => {
    const sum = run({ weightLabour: '0.2' });
    expect(sum.issues).toContainEqual(expect.objectContaining({ code: 'c05_3.weightsSum', params: { sum: expect.closeTo(1.1, 9) as number } }));
    expect(sum.results.adjustedPrice).toBeUndefined();
    expect(run({ materialBase: '0' }).issues).toContainEqual(expect.objectContaining({ field: 'materialBase', code: 'c05_3.zeroBaseIndex' }));
    expect(run({ labourBase: '0' }).issues).toContainEqual(expect.objectContaining({ field: 'labourBase', code: 'c05_3.zeroBaseIndex' }));
    expect(run({ basePrice: '0' }).issues).toContainEqual(expect.objectContaining({ field: 'basePrice', code: 'c05_3.zeroBasePrice' }));
    // 0.1 + 0.2 + 0.7 sums to 0.9999999999999999 in binary: accepted after rounding
    expect(run({ weightFixed: '0.1', weightMaterial: '0.2', weightLabour: '0.7' }).results.indexFactor).toBeCloseTo(1, 12);
    // Left blank: the part is skipped without messages
    const blank = run({ basePrice: '' });
    expect(blank.results.adjustedPrice).toBeUndefined();
    expect(codes(blank.issues).filter((c) => c.includes('Index') || c.includes('weights'))).toEqual([]);
  });
});

describe('C05.3 (e) good–better–best ladder', () => {
  it('computes the gaps and names the anchor and the middle choice', () => {
    const { results: r, issues } = run();
    // 299/199 − 1 = 50.25%; 499/299 − 1 = 66.89%; 499/199 − 1 = 150.75%
    expect(r.gaps!.map((g) => [g.lower, g.higher, Math.round(g.gap * 10000) / 100])).toEqual([
      ['good', 'better', 50.25],
      ['better', 'best', 66.89],
      ['good', 'best', 150.75],
    ]);
    expect(r.gaps![0]!.ratio).toBeCloseTo(299 / 199, 12);
    expect(r.anchor).toBe('best');
    expect(r.middle).toBe('better');
    expect(codes(issues).filter((c) => c.includes('ladder'))).toEqual([]);
  });

  it('guards a non-positive lower price, ties, order and missing prices', () => {
    const zero = run({ priceGood: '0' });
    expect(zero.issues).toContainEqual(expect.objectContaining({ field: 'priceGood', code: 'c05_3.ladderPricePositive' }));
    expect(zero.results.gaps!.map((g) => g.lower)).toEqual(['better']);
    expect(codes(run({ priceBetter: '199' }).issues)).toContain('c05_3.ladderTie');
    const unordered = run({ priceBetter: '599' });
    expect(codes(unordered.issues)).toContain('c05_3.ladderNotAscending');
    expect(unordered.results.anchor).toBe('better');
    expect(unordered.results.middle).toBe('best');
    expect(codes(run({ priceBest: '' }).issues)).toContain('c05_3.ladderIncomplete');
    const blank = run({ priceGood: '', priceBetter: '', priceBest: '' });
    expect(blank.results.ladder).toBeUndefined();
    expect(codes(blank.issues).filter((c) => c.includes('ladder'))).toEqual([]);
  });
});

describe('C05.3 robustness', () => {
  it('drops an overflowing result with a warning instead of showing Infinity', () => {
    // (1 + 1,000%)^400 overflows a double
    const { results, issues } = run({ priceChange: '1000', elasticity: '400' });
    expect(codes(issues)).toContain('c05_3.tooExtreme');
    expect(allFinite(results)).toBe(true);
    expect(results.requiredVolumeChange).toBeDefined();
  });

  it('property: random valid inputs give finite results', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: -99, max: 500, noNaN: true }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.integer({ min: 0, max: 100000 }),
        fc.constantFrom('allUnits', 'incremental'),
        (price, vc, dp, e, q, mode) => {
          const { results } = run({ currentPrice: String(price), unitVariableCost: String(vc), priceChange: String(dp), elasticity: String(e), orderQuantity: String(q), mode });
          expect(allFinite(results)).toBe(true);
        },
      ),
    );
  });

  it('property: random strings in any field or cell give a field error or a value, never an exception', () => {
    const keys = Object.keys(priceAdjustment.fields) as (keyof Raw)[];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom('minQuantity', 'rate'), (key, text, other, column) => {
        for (const value of [text, other]) {
          const { results, fieldErrors } = run({ [key]: value });
          expect(allFinite(results)).toBe(true);
          const read = readFields(priceAdjustment.fields, { ...priceAdjustment.defaults, [key]: value });
          expect(read.values[key] !== undefined || fieldErrors[key] !== undefined).toBe(true);
          const rows: Row[] = [{ minQuantity: '100', rate: '5' }, { minQuantity: '500', rate: '10', [column]: value }];
          const withRows = run({}, rows);
          expect(allFinite(withRows.results)).toBe(true);
        }
      }),
    );
  });
});
