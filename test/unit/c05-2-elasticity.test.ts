import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arcElasticity, classifyElasticity, elasticity, logElasticity } from '~/lib/calculators/c05-2-elasticity';
import { readFields } from '~/lib/kit/fields';

type Raw = typeof elasticity.defaults;

function run(overrides: Partial<Raw> = {}) {
  const raw = { ...elasticity.example, ...overrides };
  const read = readFields(elasticity.fields, raw);
  return { ...elasticity.compute(read.values, []), fieldErrors: read.errors };
}

const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

/** Every number anywhere in the results is finite (no NaN or Infinity reaches the screen). */
function allFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(allFinite);
  if (value && typeof value === 'object') return Object.values(value).every(allFinite);
  return true;
}

describe('C05.2 price elasticity, A/B price test and optimal price', () => {
  it('the defaults differ from the worked example (unit cost and traffic), so loading it changes the figures', () => {
    expect(elasticity.defaults).not.toEqual(elasticity.example);
    // Contribution at unit cost 70: 30 × 1,000 = 30,000 → 40 × 900 = 36,000 (+20%).
    const r = run(elasticity.defaults).results;
    expect(r.contributionChange).toBeCloseTo(0.2, 12);
  });

  it('reproduces the methodology worked example', () => {
    const { results: r } = run();
    // ΔP = 10/100 = +10%; ΔQ = −100/1,000 = −10%
    expect(r.priceChange).toBeCloseTo(0.1, 12);
    expect(r.volumeChange).toBeCloseTo(-0.1, 12);
    // E_arc = (−100/950) ÷ (10/105) = −1.10526; E_log = ln 0.9 / ln 1.1 = −1.10545
    expect(r.arcElasticity).toBeCloseTo(-1.105, 3);
    expect(r.logElasticity).toBeCloseTo(-1.105, 3);
    expect(r.logElasticity).toBeCloseTo(-1.10545, 5);
    expect(r.elasticityClass).toBe('elastic');
    expect(r.positiveElasticity).toBe(false);
    // Revenue 100 × 1,000 = 100,000 → 110 × 900 = 99,000 (−1.0%)
    expect(r.revenue1).toBe(100000);
    expect(r.revenue2).toBe(99000);
    expect(r.revenueChange! * 100).toBeCloseTo(-1.0, 1);
    // Contribution (100 − 60) × 1,000 = 40,000 → (110 − 60) × 900 = 45,000 (+12.5%)
    expect(r.contribution1).toBe(40000);
    expect(r.contribution2).toBe(45000);
    expect(r.contributionChange! * 100).toBeCloseTo(12.5, 1);
    // Linear fit: b = −(900 − 1,000)/(110 − 100) = 10; a = 1,000 + 10 × 100 = 2,000
    expect(r.linear!.b).toBeCloseTo(10, 12);
    expect(r.linear!.a).toBeCloseTo(2000, 9);
    // Revenue-max P = a/(2b) = 100 (inside 100–110, so not extrapolated)
    const rev = r.revenueOptimum;
    expect(rev).not.toBe('none');
    if (rev === undefined || rev === 'none') return;
    expect(rev.price).toBeCloseTo(100, 9);
    expect(rev.extrapolated).toBe(false);
    // Profit-max P* = (a/b + c)/2 = (200 + 60)/2 = 130; Q = 2,000 − 1,300 = 700; contribution 70 × 700 = 49,000
    const opt = r.profitOptimum!;
    expect(opt.price).toBeCloseTo(130, 9);
    expect(opt.quantity).toBeCloseTo(700, 9);
    expect(opt.contribution).toBeCloseTo(49000, 6);
    expect(opt.extrapolated).toBe(true); // outside 100–110
    expect(opt.farOutside).toBe(false); // within 50–165
    expect(r.chartRange).toEqual({ min: 50, max: 165 });
  });

  it('reproduces the constant-elasticity optimum 629.00 and its far-outside warning', () => {
    const { results: r, issues } = run({ model: 'constant' });
    // P* = c·E/(1 + E) with E_log = −1.1054487: 60 × 1.1054487/0.1054487 = 628.997 → 629.00
    expect(r.profitOptimum!.price).toBeCloseTo(629.0, 2);
    // With E_arc = −1.1052632 it would be 60 × 1.1052632/0.1052632 = 630.00: the log estimate is used.
    expect(60 * r.arcElasticity! / (1 + r.arcElasticity!)).toBeCloseTo(630.0, 2);
    expect(r.profitOptimum!.extrapolated).toBe(true);
    expect(r.profitOptimum!.farOutside).toBe(true); // above 1.5 × 110 = 165
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c05_2.profitFarOutside', params: { low: { money: 50 }, high: { money: 165 } } }));
    // Revenue A·P^(E+1) is monotone in P: no revenue-maximizing price.
    expect(r.revenueOptimum).toBe('none');
    expect(codes(issues)).toContain('c05_2.noRevenueOptimum');
    // Q* = A·P*^E with A = Q₁/P₁^E passes through both observed points.
    const { A, E } = r.constant!;
    expect(A * 100 ** E).toBeCloseTo(1000, 8);
    expect(A * 110 ** E).toBeCloseTo(900, 8);
  });

  it('runs the A/B significance test on conversion (E2)', () => {
    // p̂₁ = 1,000/10,000 = 10%, p̂₂ = 900/10,000 = 9%; p̄ = 0.095;
    // z = −0.01/√(0.095 × 0.905 × 2/10,000) = −2.4116; p = 2(1 − Φ(2.4116)) = 0.0159 ≤ 0.05
    const { results: r } = run();
    const ab = r.abTest!;
    expect(ab.rate1).toBe(0.1);
    expect(ab.rate2).toBe(0.09);
    expect(ab.z).toBeCloseTo(-2.4116, 4);
    expect(ab.pValue).toBeCloseTo(0.0159, 4);
    expect(ab.significant).toBe(true);
    expect(ab.alpha).toBeCloseTo(0.05, 12);
    // Wilson 95% for 10%: [9.43%, 10.60%]
    expect(ab.low1 * 100).toBeCloseTo(9.43, 2);
    expect(ab.high1 * 100).toBeCloseTo(10.6, 2);
    // At 99% confidence α = 1%, so p = 0.0159 is not significant.
    expect(run({ confidence: '99' }).results.abTest!.significant).toBe(false);
    // 120/400 vs 150/400 (E2 example): p = 0.0249 ≤ 0.05
    const e2 = run({ controlVisitors: '400', controlBuyers: '120', testVisitors: '400', testBuyers: '150' }).results.abTest!;
    expect(e2.z).toBeCloseTo(2.243, 3);
    expect(e2.pValue).toBeCloseTo(0.025, 3);
  });

  it('classifies by |E|, keeps the sign, and flags a positive elasticity as "check the data"', () => {
    expect(classifyElasticity(-1.5)).toBe('elastic');
    expect(classifyElasticity(-0.5)).toBe('inelastic');
    expect(classifyElasticity(1.5)).toBe('elastic');
    // P 100 → 125, Q 1,000 → 800: revenue unchanged, so E_arc = (−200/900)/(25/112.5) = −1 exactly (unit-elastic)
    const unit = run({ testPrice: '125', testUnits: '800' });
    expect(unit.results.arcElasticity).toBeCloseTo(-1, 12);
    expect(unit.results.elasticityClass).toBe('unitElastic');
    // Volume rose with price: E > 0 is shown signed and flagged
    const up = run({ testUnits: '1050' });
    expect(up.results.arcElasticity).toBeGreaterThan(0);
    expect(up.results.positiveElasticity).toBe(true);
    expect(up.results.elasticityClass).toBe('inelastic'); // (50/1,025)/(10/105) = +0.512
    // 1,100 units at 110: (100/1,050)/(10/105) = +1 exactly → unit-elastic, still flagged
    expect(run({ testUnits: '1100' }).results.elasticityClass).toBe('unitElastic');
    expect(codes(up.issues)).toContain('c05_2.positiveElasticity');
    expect(codes(up.issues)).toContain('c05_2.demandNotFalling'); // no optimum on a rising demand line
    expect(up.results.profitOptimum).toBeUndefined();
  });

  it('guards P₁ = P₂ on the test price field and keeps revenue and contribution', () => {
    const { results, issues } = run({ testPrice: '100' });
    expect(issues).toContainEqual(expect.objectContaining({ field: 'testPrice', code: 'c05_2.samePrice' }));
    expect(results.arcElasticity).toBeUndefined();
    expect(results.logElasticity).toBeUndefined();
    expect(results.revenue2).toBe(90000);
    expect(results.contribution2).toBe(36000);
    expect(allFinite(results)).toBe(true);
  });

  it('guards zero units and non-positive prices', () => {
    const zero = run({ testUnits: '0' });
    expect(zero.issues).toContainEqual(expect.objectContaining({ field: 'testUnits', code: 'c05_2.zeroUnits' }));
    expect(zero.results.logElasticity).toBeUndefined();
    const zeroControl = run({ controlUnits: '0' });
    expect(zeroControl.issues).toContainEqual(expect.objectContaining({ field: 'controlUnits', code: 'c05_2.zeroUnits' }));
    expect(zeroControl.results.volumeChange).toBeUndefined();
    expect(run({ controlPrice: '0' }).fieldErrors.controlPrice).toEqual({ code: 'range.above', params: { min: 0 } });
    expect(run({ testPrice: '-5' }).fieldErrors.testPrice).toBeDefined();
  });

  it('guards the % change of a zero control contribution', () => {
    const { results, issues } = run({ unitCost: '100' });
    expect(results.contribution1).toBe(0);
    expect(results.contributionChange).toBeUndefined();
    expect(codes(issues)).toContain('c05_2.zeroBaseContribution');
  });

  it('linear model: no profitable price when unit cost reaches the choke price a/b', () => {
    const { results, issues } = run({ unitCost: '200' }); // a/b = 200
    expect(codes(issues)).toContain('c05_2.noProfitablePrice');
    expect(results.profitOptimum).toBeUndefined();
    expect(results.revenueOptimum).toBeDefined();
  });

  it('linear model: flat demand has no optimum', () => {
    const { results, issues } = run({ testUnits: '1000' });
    expect(results.arcElasticity).toBe(0);
    expect(codes(issues)).toContain('c05_2.demandNotFalling');
    expect(results.revenueOptimum).toBeUndefined();
  });

  it('constant model: inelastic demand (−1 ≤ E < 0) has no interior optimum', () => {
    const { results, issues } = run({ model: 'constant', testUnits: '950' });
    expect(results.logElasticity!).toBeGreaterThan(-1);
    expect(codes(issues)).toContain('c05_2.inelasticNoOptimum');
    expect(results.profitOptimum).toBeUndefined();
  });

  it('constant model: zero unit cost has no interior optimum', () => {
    const { results, issues } = run({ model: 'constant', unitCost: '0' });
    expect(codes(issues)).toContain('c05_2.zeroCostNoOptimum');
    expect(results.profitOptimum).toBeUndefined();
  });

  it('guards the A/B counts: missing, zero visitors, buyers above visitors, all or none converting', () => {
    expect(codes(run({ testBuyers: '' }).issues)).toContain('c05_2.abIncomplete');
    expect(run({ testBuyers: '' }).results.abTest).toBeUndefined();
    expect(run({ controlVisitors: '0' }).issues).toContainEqual(expect.objectContaining({ field: 'controlVisitors', code: 'c05_2.zeroVisitors' }));
    expect(run({ testBuyers: '10001' }).issues).toContainEqual(expect.objectContaining({ field: 'testBuyers', code: 'c05_2.buyersAboveVisitors' }));
    expect(codes(run({ controlBuyers: '0', testBuyers: '0' }).issues)).toContain('c05_2.abDegenerate');
    const none = run({ controlVisitors: '', controlBuyers: '', testVisitors: '', testBuyers: '' });
    expect(none.results.abTest).toBeUndefined();
    expect(none.issues.filter((i) => i.code.includes('ab'))).toEqual([]);
  });

  it('drops a result that overflows on extreme but valid inputs, with a warning, never Infinity', () => {
    // P 1 → 1.000000001 and Q 1e-9 → 1e15: E_log = ln(1e24)/ln(1 + 1e-9) ≈ 5.5e10, so P^E overflows on the curve.
    const { results, issues } = run({ model: 'constant', controlPrice: '1', testPrice: '1.000000001', controlUnits: '0.000000001', testUnits: '1e15' });
    expect(codes(issues)).toContain('c05_2.tooExtreme');
    expect(results.curve).toBeUndefined();
    expect(allFinite(results)).toBe(true);
    expect(results.arcElasticity).toBeDefined();
  });

  it('charts the fitted demand across 0.5× the lowest to 1.5× the highest tested price, through both points', () => {
    const { results } = run();
    const curve = results.curve!;
    expect(curve[0]!.price).toBe(50);
    expect(curve.at(-1)!.price).toBeCloseTo(165, 9);
    // Q = 2,000 − 10·P on every point of the linear fit (110 → 900, 100 → 1,000)
    for (const p of curve) expect(p.quantity).toBeCloseTo(Math.max(0, 2000 - 10 * p.price), 9);
    expect(curve.every((p) => p.quantity >= 0)).toBe(true);
  });

  it('property: the arc and log elasticities are symmetric in swapping the two arms', () => {
    const positive = fc.double({ min: 0.01, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(positive, positive, positive, positive, (p1, q1, p2, q2) => {
        fc.pre(Math.abs(p1 - p2) > 1e-6 * Math.max(p1, p2));
        const forward = arcElasticity(p1, q1, p2, q2);
        const swapped = arcElasticity(p2, q2, p1, q1);
        expect(Math.abs(forward - swapped)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(forward)));
        const logForward = logElasticity(p1, q1, p2, q2);
        expect(Math.abs(logForward - logElasticity(p2, q2, p1, q1))).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(logForward)));
        // and through the calculator, on the field values
        const a = run({ controlPrice: String(p1), controlUnits: String(q1), testPrice: String(p2), testUnits: String(q2) }).results;
        const b = run({ controlPrice: String(p2), controlUnits: String(q2), testPrice: String(p1), testUnits: String(q1) }).results;
        if (a.arcElasticity !== undefined) {
          expect(b.arcElasticity).toBeCloseTo(a.arcElasticity, 6);
          expect(b.elasticityClass).toBe(a.elasticityClass);
        }
      }),
    );
  });

  it('property: random valid inputs give finite, consistent results', () => {
    const price = fc.double({ min: 0.01, max: 1e5, noNaN: true });
    const units = fc.double({ min: 0, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(price, units, price, units, fc.double({ min: 0, max: 1e5, noNaN: true }), fc.constantFrom('linear', 'constant'), (p1, q1, p2, q2, c, model) => {
        const { results: r } = run({ controlPrice: String(p1), controlUnits: String(q1), testPrice: String(p2), testUnits: String(q2), unitCost: String(c), model });
        expect(allFinite(r)).toBe(true);
        if (r.arcElasticity !== undefined) {
          // The class and the revenue change agree: elastic ⇔ revenue moves against price.
          if (r.elasticityClass === 'elastic' && r.arcElasticity < 0) expect(Math.sign(r.revenueChange!) * Math.sign(r.priceChange!)).toBeLessThanOrEqual(0);
        }
        const opt = r.profitOptimum;
        if (opt) {
          expect(opt.price).toBeGreaterThan(0);
          expect(opt.quantity).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('property: random strings in any field give a field error or a value, never an exception', () => {
    const keys = Object.keys(elasticity.fields) as (keyof Raw)[];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 20 }), (key, text, other) => {
        for (const value of [text, other]) {
          const { results, fieldErrors } = run({ [key]: value });
          expect(allFinite(results)).toBe(true);
          const read = readFields(elasticity.fields, { ...elasticity.defaults, [key]: value });
          expect(read.values[key] !== undefined || fieldErrors[key] !== undefined).toBe(true);
        }
      }),
    );
  });
});
