import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { costPlus } from '~/lib/calculators/c05-1-cost-plus';
import { efficiency } from '~/lib/calculators/c12-3-efficiency';
import { compareScenarios, difference } from '~/lib/kit/compare';

describe('scenario comparison', () => {
  it('C05.1 defaults against the worked example: differing inputs marked, key results with differences', () => {
    const base = { raw: {}, rows: [] };
    const example = { raw: { ...costPlus.example }, rows: [] };
    const c = compareScenarios(costPlus, [base, example], ['price', 'breakEvenUnits', 'profitAtPlan']);
    expect(c.inputs.filter((i) => i.differs).map((i) => i.key)).toEqual(['material', 'labour', 'otherVariable', 'fixedCosts', 'plannedVolume', 'markup']);
    expect(c.inputs.find((i) => i.key === 'basis')).toEqual({ key: 'basis', values: ['markup', 'markup'], differs: false });
    expect(c.rows).toBeNull();
    const price = c.results.find((r) => r.key === 'price')!;
    // Full cost 24 + 60,000 / 5,000 = 36, +25% = 45; example 50 + 20 = 70, +30% = 91.
    expect(price.values).toEqual([45, 91]);
    expect(price.differences[0]!.absolute).toBeCloseTo(46, 9);
    expect(price.differences[0]!.relative).toBeCloseTo(46 / 45, 9);
  });

  it('three scenarios: each compared with the first; a bad input leaves that result out, not NaN', () => {
    const c = compareScenarios(costPlus, [{ raw: {}, rows: [] }, { raw: { markup: '50' }, rows: [] }, { raw: { material: 'abc' }, rows: [] }], ['price']);
    const price = c.results[0]!;
    expect(price.values).toEqual([45, 54, null]);
    expect(price.differences[1]).toEqual({ absolute: 'missing', relative: 'missing' });
    expect(c.inputs.find((i) => i.key === 'material')!.differs).toBe(true);
  });

  it('table calculators: row counts and whether any cell differs', () => {
    const rows = efficiency.defaultRows!.map((r) => ({ ...r })) as Record<string, string>[];
    const edited = rows.map((r, i) => (i === 0 ? { ...r, spend: '1' } : r));
    const c = compareScenarios(efficiency, [{ raw: {}, rows }, { raw: {}, rows: edited }], []);
    expect(c.rows).toEqual({ counts: [rows.length, rows.length], differs: true });
    expect(compareScenarios(efficiency, [{ raw: {}, rows }, { raw: {}, rows }], []).rows!.differs).toBe(false);
  });

  it('differences: a zero reference, text, missing or overflowing values give a reason, never NaN or Infinity', () => {
    expect(difference(0, 5)).toEqual({ absolute: 5, relative: 'zeroReference' });
    expect(difference(0, 0)).toEqual({ absolute: 0, relative: 0 });
    expect(difference(-4, -2)).toEqual({ absolute: 2, relative: 0.5 });
    expect(difference('high', 'low')).toEqual({ absolute: 'notNumber', relative: 'notNumber' });
    expect(difference(null, 1)).toEqual({ absolute: 'missing', relative: 'missing' });
    expect(difference(-1.7e308, 1.7e308)).toEqual({ absolute: 'tooLarge', relative: 'tooLarge' });
    expect(difference(5e-324, 1e308).relative).toBe('tooLarge');
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.constant(null), fc.string()), fc.oneof(fc.double(), fc.constant(null), fc.string()), (a, b) => {
        const d = difference(a, b);
        for (const part of [d.absolute, d.relative]) if (typeof part === 'number') expect(Number.isFinite(part)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
