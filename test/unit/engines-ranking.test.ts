import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { competitionRanks, setFinite } from '~/lib/calculators/engines/ranking';

describe('ranking helper', () => {
  it('gives "1, 1, 3" ranks, best first, skipping missing values', () => {
    expect(competitionRanks([3, 5, 3, undefined, 1])).toEqual({ rank: [2, 1, 2, undefined, 4], order: [1, 0, 2, 4] });
    expect(competitionRanks([3, 5, 1], false)).toEqual({ rank: [2, 3, 1], order: [2, 0, 1] });
    expect(competitionRanks([0.1 + 0.2, 0.3]).rank).toEqual([1, 1]); // equal after rounding to 9 decimals
  });

  it('sets only finite values', () => {
    const target: { a?: number } = {};
    expect(setFinite(target, 'a', 1 / 0)).toBe(false);
    expect(target).toEqual({});
    expect(setFinite(target, 'a', 2)).toBe(true);
    expect(target).toEqual({ a: 2 });
  });

  it('property: ranks start at 1, never exceed the count, and follow the values', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: -50, max: 50 }), { nil: undefined })), (values) => {
        const { rank, order } = competitionRanks(values);
        expect(order).toHaveLength(values.filter((v) => v !== undefined).length);
        for (let k = 1; k < order.length; k++) {
          expect(values[order[k]!]!).toBeLessThanOrEqual(values[order[k - 1]!]!);
          expect(rank[order[k]!]!).toBeGreaterThanOrEqual(rank[order[k - 1]!]!);
        }
        if (order.length) expect(rank[order[0]!]).toBe(1);
      }),
    );
  });
});
