import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  allocate,
  approvalLevel,
  blankBudgetRow,
  budgetAllocator,
  greedyMarginal,
  solveMarginalExact,
  syntheticAllocation,
  type AllocLine,
  type BudgetColumns,
} from '~/lib/calculators/c12-1-budget-allocator';
import { readFields } from '~/lib/kit/fields';
import { readRows, type RawRow } from '~/lib/kit/rows';
import { toUnits } from '~/lib/kit/rounding';

type Fields = typeof budgetAllocator.defaults;

function run(overrides: Partial<Fields> = {}, rows: RawRow<BudgetColumns>[] = budgetAllocator.exampleRows!) {
  const read = readFields(budgetAllocator.fields, { ...budgetAllocator.example, ...overrides });
  const out = budgetAllocator.compute(read.values, readRows(budgetAllocator.table!, rows));
  return { ...out, fieldErrors: read.errors };
}

/** A line whose four criteria all equal `s`, so its E1 score is `s` whatever the weights. */
function line(s: number, extra: Partial<RawRow<BudgetColumns>> = {}): RawRow<BudgetColumns> {
  const v = String(s);
  return { ...blankBudgetRow(), name: `S${v}`, fit: v, roi: v, potential: v, urgency: v, ...extra };
}

const cents = (x: number) => toUnits(x);
const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

describe('C12.1 budget allocator — worked example (method 1)', () => {
  it('reproduces λ = 100,000; A 400,000 (capped), B 300,000, C 200,000; all CFO', () => {
    // B_alloc = 1,000,000 × (1 − 10%) = 900,000. Scores 5/3/2 (every criterion equal).
    // Σ clamp(λ·S) = min(5λ, 400,000) + 3λ + max(2λ, 50,000) = 900,000 → 400,000 + 5λ = 900,000 → λ = 100,000.
    const { results: r, issues } = run();
    expect(r.allocatable).toBe(900000);
    expect(r.reserve).toBe(100000);
    expect(r.lambda).toBeCloseTo(100000, 6);
    expect(r.lines!.map((l) => l.amount)).toEqual([400000, 300000, 200000]);
    expect(r.lines!.map((l) => l.clamped)).toEqual(['cap', null, null]);
    // Approval = first limit ≥ amount: ≤ 100,000 manager, ≤ 1,000,000 CFO.
    expect(r.lines!.map((l) => l.approval)).toEqual(['cfo', 'cfo', 'cfo']);
    expect(r.approvalCounts).toEqual({ manager: 0, cfo: 3, ceo: 0 });
    const shares = r.lines!.map((l) => l.share!);
    [4 / 9, 3 / 9, 2 / 9].forEach((x, i) => expect(shares[i]).toBeCloseTo(x, 12));
    expect(r.returnedToReserve).toBe(0);
    expect(issues).toEqual([]);
  });

  it('computes each line score with the E1 weighted mean', () => {
    // Weights 30/30/25/15: (30·5 + 30·4 + 25·4 + 15·3)/100 = 4.15.
    const { results } = run({}, [line(3), line(3, { fit: '5', roi: '4', potential: '4', urgency: '3' })]);
    expect(results.scores![1]).toBeCloseTo(4.15, 12);
  });

  it('runs the rule check on shares of B_alloc (exactly at the tolerance passes)', () => {
    // Method 1, no bounds: cash 3.5, growth 3.25 + 3.25 → cash 35% (+5 pp), growth 65%, R&D 0%.
    const rows = [line(3.5, { role: 'cash' }), line(3.25, { role: 'growth' }), line(3.25, { role: 'growth' })];
    const rules = run({}, rows).results.rules!;
    const cash = rules.find((x) => x.rule === 'cash')!;
    expect(cash.share).toBeCloseTo(0.35, 12);
    expect(cash.deviation).toBeCloseTo(0.05, 12);
    expect(cash.pass).toBe(true);
    expect(rules.find((x) => x.rule === 'growth')!.pass).toBe(false);
    expect(rules.find((x) => x.rule === 'rd')!.share).toBe(0);
    expect(run({ tolerance: '4.99' }, rows).results.rules!.find((x) => x.rule === 'cash')!.pass).toBe(false);
  });

  it('counts an innovation Star in the 20% bucket, not the 70% Stars + Cash Cows', () => {
    const rows = [line(4, { bcg: 'star', innovation: 'yes' }), line(3, { bcg: 'cashCow' }), line(3, { bcg: 'dog' })];
    const rules = run({}, rows).results.rules!;
    // 900,000 split 4:3:3 → 360,000 / 270,000 / 270,000.
    expect(rules.find((x) => x.rule === 'innovation')!.share).toBeCloseTo(0.4, 12);
    expect(rules.find((x) => x.rule === 'core')!.share).toBeCloseTo(0.3, 12);
  });
});

describe('C12.1 guards', () => {
  it('refuses weights that sum to 0 and still scores nothing', () => {
    const { results, issues } = run({ wFit: '0', wRoi: '0', wPotential: '0', wUrgency: '0' });
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c12_1.weightsZero', field: 'wFit', severity: 'error' }));
    expect(results.lines).toBeUndefined();
    expect(results.scores).toEqual([undefined, undefined, undefined]);
    expect(results.allocatable).toBe(900000); // other results kept
  });

  it('flags a floor above the ceiling on its row and allocates the other lines', () => {
    const rows = [line(5, { floor: '500', cap: '400' }), line(3), line(2)];
    const { results, issues } = run({}, rows);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c12_1.floorAboveCap', row: 0, column: 'cap' }));
    expect(results.lines!.map((l) => l.row)).toEqual([1, 2]);
    expect(results.lines!.map((l) => l.amount)).toEqual([540000, 360000]);
  });

  it('reports floors that exceed B_alloc as infeasible', () => {
    const rows = [line(5, { floor: '500000' }), line(3, { floor: '500000' })];
    const { results, issues } = run({}, rows);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c12_1.floorsExceedBudget', params: { floors: { money: 1000000 }, budget: { money: 900000 } } }));
    expect(results.lines).toBeUndefined();
  });

  it('returns the rest to the reserve when every line hits its ceiling', () => {
    const rows = [line(5, { cap: '100000' }), line(3, { cap: '150000.50' })];
    const { results: r, issues } = run({}, rows);
    expect(r.lines!.map((l) => l.amount)).toEqual([100000, 150000.5]);
    expect(r.returnedToReserve).toBe(649999.5);
    expect(r.reserveTotal).toBe(749999.5);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c12_1.capsBelowBudget', severity: 'warning' }));
  });

  it('leaves out a row with an unreadable cell and says so', () => {
    const rows = [line(5), line(3, { fit: 'abc' }), line(2)];
    const { results: r, issues } = run({}, rows);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c12_1.rowExcluded', row: 1 }));
    expect(r.scores![1]).toBeUndefined();
    expect(r.lines!.map((l) => l.amount)).toEqual([642857.14, 257142.86]); // 900,000 × 5/7, × 2/7
  });

  it('orders the approval limits and picks the first limit at or above the amount', () => {
    expect(approvalLevel(100000, 100000, 1000000)).toBe('manager');
    expect(approvalLevel(100000.01, 100000, 1000000)).toBe('cfo');
    expect(approvalLevel(1000000, 100000, 1000000)).toBe('cfo');
    expect(approvalLevel(1000000.01, 100000, 1000000)).toBe('ceo');
    const { results, issues } = run({ managerLimit: '2000000' });
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c12_1.limitsOrder', field: 'cfoLimit' }));
    expect(results.lines![0]!.approval).toBeUndefined();
    expect(results.lines![0]!.amount).toBe(400000);
  });

  it('warns when the whole budget is held in reserve and skips the rule check', () => {
    const { results, issues } = run({ reserve: '100' });
    expect(results.allocatable).toBe(0);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c12_1.allReserved', field: 'reserve' }));
    // Floors (C: 50,000) exceed B_alloc = 0.
    expect(codes(issues)).toContain('c12_1.floorsExceedBudget');
    const free = run({ reserve: '100' }, [line(5), line(3)]);
    expect(free.results.lines!.map((l) => l.amount)).toEqual([0, 0]);
    expect(codes(free.issues)).toContain('c12_1.noRuleCheck');
  });

  it('reports each unreadable field and keeps the rest', () => {
    const { fieldErrors, results } = run({ totalBudget: '1,000,000x', wRoi: '-1' });
    expect(fieldErrors.totalBudget).toEqual({ code: 'parse.notANumber' });
    expect(fieldErrors.wRoi).toEqual({ code: 'range.min', params: { min: 0 } });
    expect(results.allocatable).toBeUndefined();
    expect(results.scores).toEqual([undefined, undefined, undefined]);
  });
});

describe('C12.1 method 2 — fixed shares by tag', () => {
  it('splits the 30/40/30 mix by score inside each role; an empty bucket stays unassigned', () => {
    // B_alloc 1,000,000: cash 30% → 300,000 split 4:2; growth 40% → 400,000; R&D 30% has no line.
    const rows = [line(4, { role: 'cash' }), line(2, { role: 'cash' }), line(3, { role: 'growth' }), line(5, { role: 'none' })];
    const { results: r, issues } = run({ method: 'shares', preset: 'mix', reserve: '0' }, rows);
    expect(r.lines!.map((l) => l.amount)).toEqual([200000, 100000, 400000, 0]);
    expect(r.lines!.map((l) => l.bucket)).toEqual(['cash', 'cash', 'growth', null]);
    expect(r.unassigned).toBe(300000);
    expect(r.emptyBuckets).toEqual(['rd']);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c12_1.emptyBucket.rd' }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c12_1.noBucket', row: 3 }));
  });

  it('gives 70% to Stars + Cash Cows and 20% to innovation, leaving the seed’s 10% unassigned', () => {
    const rows = [
      line(5, { bcg: 'star', innovation: 'yes' }),
      line(3, { bcg: 'cashCow' }),
      line(2, { bcg: 'star' }),
      line(4, { bcg: 'dog' }),
    ];
    const { results: r } = run({ method: 'shares', preset: 'portfolio', reserve: '0' }, rows);
    // Core 700,000 split 3:2 → 420,000 / 280,000; innovation 200,000; dog 0; unassigned 100,000.
    expect(r.lines!.map((l) => l.amount)).toEqual([200000, 420000, 280000, 0]);
    expect(r.unassigned).toBe(100000);
    const rules = r.rules!;
    expect(rules.find((x) => x.rule === 'core')!.pass).toBe(true);
    expect(rules.find((x) => x.rule === 'innovation')!.pass).toBe(true);
  });

  it('rounds a split to the cent by largest remainder and checks floors and ceilings without enforcing them', () => {
    const rows = [line(3, { role: 'cash', floor: '40' }), line(3, { role: 'cash' }), line(3, { role: 'cash', cap: '30' })];
    const { results: r, issues } = run({ method: 'shares', preset: 'mix', reserve: '0', totalBudget: '100', shareCash: '100', shareGrowth: '0', shareRd: '0' }, rows);
    expect(r.lines!.map((l) => l.amount)).toEqual([33.34, 33.33, 33.33]);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c12_1.belowFloor', row: 0, column: 'floor' }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c12_1.aboveCap', row: 2, column: 'cap' }));
  });

  it('refuses target shares above 100% for the preset in use', () => {
    const { results, issues } = run({ method: 'shares', preset: 'mix', shareRd: '40' }, [line(3, { role: 'cash' }), line(3, { role: 'rd' })]);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c12_1.mixAbove100', field: 'shareRd', severity: 'error' }));
    expect(results.lines).toBeUndefined();
    // The same shares only warn under method 1, where they are rule-check targets.
    const m1 = run({ shareRd: '40' }, [line(3, { role: 'cash' }), line(3, { role: 'rd' })]);
    expect(m1.issues).toContainEqual(expect.objectContaining({ code: 'c12_1.mixAbove100', severity: 'warning' }));
    expect(m1.results.lines).toHaveLength(2);
  });
});

describe('C12.1 method 3 — marginal return', () => {
  const resp = (a: number, b: number) => ({ saturation: String(a), scale: String(b) });

  it('splits evenly between identical curves and reports return and marginal return', () => {
    // Two lines a = 1,000,000, b = 500,000; B_alloc 1,000,000 → 500,000 each (1,000 steps alternate).
    // f(500,000) = 1,000,000·(1 − e^−1) = 632,120.56; f′ = (a/b)e^−1 = 0.7358.
    const rows = [line(3, resp(1e6, 5e5)), line(3, resp(1e6, 5e5))];
    const { results: r } = run({ method: 'marginal', reserve: '0' }, rows);
    expect(r.lines!.map((l) => l.amount)).toEqual([500000, 500000]);
    expect(r.lines![0]!.predictedReturn).toBeCloseTo(632120.56, 2);
    expect(r.lines![0]!.marginalReturn).toBeCloseTo(0.7358, 4);
    expect(r.predictedReturnTotal).toBeCloseTo(1264241.12, 2);
    expect(r.step).toBe(1000);
    expect(r.steps).toBe(1000);
    expect(r.curves![0]!.points).toHaveLength(21);
  });

  it('matches the exact optimum within Δ per line on the default lines', () => {
    const { results: r } = run({ ...budgetAllocator.defaults, method: 'marginal' }, budgetAllocator.defaultRows!);
    const lines = budgetAllocator.defaultRows!.map((row) => ({
      a: Number(row.saturation), b: Number(row.scale) * 100, lo: toUnits(Number(row.floor || 0)), hi: row.cap ? toUnits(Number(row.cap)) : Infinity,
    }));
    const exact = solveMarginalExact(lines.map((l) => l.a), lines.map((l) => l.b), lines.map((l) => l.lo), lines.map((l) => l.hi), toUnits(r.allocatable!));
    r.lines!.forEach((l, i) => expect(Math.abs(l.amount - exact.x[i]! / 100)).toBeLessThanOrEqual(r.step!));
    // Marginal returns end up nearly equal (within one step's change of slope).
    const slopes = r.lines!.map((l) => l.marginalReturn!);
    expect(Math.max(...slopes) / Math.min(...slopes)).toBeLessThan(1.01);
  });

  it('needs a positive scale and a saturation return on every line', () => {
    const rows = [line(3, resp(1e6, 0)), line(3, { saturation: '', scale: '1000' }), line(3, resp(1e6, 5e5))];
    const { results: r, issues } = run({ method: 'marginal' }, rows);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c12_1.scaleNotPositive', row: 0, column: 'scale' }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c12_1.needSaturation', row: 1, column: 'saturation' }));
    expect(r.lines!.map((l) => l.row)).toEqual([2]);
    expect(r.lines![0]!.amount).toBe(900000);
    // Method 1 ignores the response columns.
    expect(run({}, rows).results.lines).toHaveLength(3);
  });

  it('warns when a curve saturates within a few steps (the step method is coarse there)', () => {
    const rows = [line(3, resp(1e6, 1000)), line(3, resp(1e6, 5e5))];
    const { issues } = run({ method: 'marginal' }, rows);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'c12_1.coarseStep', row: 0, severity: 'info' }));
  });

  it('stops at ceilings and returns what is left to the reserve', () => {
    const rows = [line(3, { ...resp(1e6, 5e5), cap: '100000' }), line(3, { ...resp(1e6, 5e5), cap: '250000' })];
    const { results: r, issues } = run({ method: 'marginal' }, rows);
    expect(r.lines!.map((l) => l.amount)).toEqual([100000, 250000]);
    expect(r.returnedToReserve).toBe(550000);
    expect(codes(issues)).toContain('c12_1.capsBelowBudget');
  });
});

describe('C12.1 benchmark support', () => {
  it('allocates 20 and 200 synthetic lines with every method, in plain numbers', () => {
    for (const n of [20, 200]) {
      for (const method of ['score', 'shares', 'marginal'] as const) {
        const input = syntheticAllocation(n, method);
        const out = allocate(input);
        expect(out.ok).toBe(true);
        if (!out.ok) continue;
        const allocated = out.amounts.reduce((s, x) => s + cents(x), 0) + cents(out.returned) + cents(out.unassigned);
        expect(allocated).toBe(cents(input.allocatable));
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

const lineArb = fc.record({
  score: fc.double({ min: 1, max: 5, noNaN: true }),
  floorCents: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5_000_000 })),
  capCents: fc.option(fc.integer({ min: 0, max: 50_000_000 }), { nil: null }),
});

function toLines(raw: { score: number; floorCents: number; capCents: number | null }[]): AllocLine[] {
  return raw.map((l) => ({
    score: l.score,
    floor: l.floorCents / 100,
    cap: l.capCents === null ? null : Math.max(l.floorCents, l.capCents) / 100,
    bcg: 'none',
    role: 'none',
    innovation: false,
  }));
}

const shares = { core: 0.7, innovation: 0.2, cash: 0.3, growth: 0.4, rd: 0.3 };

describe('C12.1 properties', () => {
  it('method 1: amounts add up to B_alloc to the cent, respect floors and ceilings, and stay proportional to scores', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 2, maxLength: 40 }), fc.integer({ min: 0, max: 10_000_000_000 }), (raw, allocCents) => {
        const lines = toLines(raw);
        const out = allocate({ allocatable: allocCents / 100, method: 'score', preset: 'mix', shares, lines });
        const floorSum = raw.reduce((s, l) => s + l.floorCents, 0);
        if (floorSum > allocCents) {
          expect(out).toEqual({ ok: false, code: 'floorsExceedBudget' });
          return;
        }
        expect(out.ok).toBe(true);
        if (!out.ok) return;
        const amountCents = out.amounts.map(cents);
        amountCents.forEach((c, i) => expect(c / 100).toBe(out.amounts[i])); // whole cents
        expect(amountCents.reduce((a, b) => a + b, 0) + cents(out.returned)).toBe(allocCents);
        lines.forEach((l, i) => {
          expect(amountCents[i]!).toBeGreaterThanOrEqual(cents(l.floor));
          if (l.cap !== null) expect(amountCents[i]!).toBeLessThanOrEqual(cents(l.cap));
        });
        if (out.returned > 0) expect(out.clamped.every((c) => c === 'cap')).toBe(true);
        const free = out.clamped.map((c, i) => (c === null ? i : -1)).filter((i) => i >= 0);
        for (const i of free) {
          for (const j of free) {
            const si = lines[i]!.score;
            const sj = lines[j]!.score;
            // Exact amounts are λ·S; rounding moves each by less than a cent.
            expect(Math.abs(out.exact[i]! * sj - out.exact[j]! * si)).toBeLessThanOrEqual(1e-9 * (out.exact[i]! * sj + 1));
            expect(Math.abs(out.amounts[i]! * sj - out.amounts[j]! * si)).toBeLessThanOrEqual(0.01 * (si + sj) + 1e-9);
          }
        }
        // A line on its floor would want less (λ·S ≤ floor); on its ceiling, more.
        if (out.lambda !== null && out.returned === 0) {
          lines.forEach((l, i) => {
            const want = out.lambda! * l.score;
            if (out.clamped[i] === 'floor') expect(want).toBeLessThanOrEqual(l.floor * (1 + 1e-9) + 1e-6);
            if (out.clamped[i] === 'cap') expect(want).toBeGreaterThanOrEqual(l.cap! * (1 - 1e-9) - 1e-6);
          });
        }
      }),
      { numRuns: 400 },
    );
  });

  it('method 2: line amounts plus the unassigned share add up to B_alloc to the cent', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ score: fc.double({ min: 1, max: 5, noNaN: true }), role: fc.constantFrom('cash', 'growth', 'rd', 'none' as const), bcg: fc.constantFrom('star', 'cashCow', 'questionMark', 'dog', 'none' as const), innovation: fc.boolean() }), { minLength: 2, maxLength: 40 }),
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.constantFrom('mix', 'portfolio' as const),
        (raw, allocCents, preset) => {
          const lines: AllocLine[] = raw.map((l) => ({ ...l, floor: 0, cap: null }));
          const out = allocate({ allocatable: allocCents / 100, method: 'shares', preset, shares, lines });
          expect(out.ok).toBe(true);
          if (!out.ok) return;
          expect(out.amounts.reduce((s, x) => s + cents(x), 0) + cents(out.unassigned)).toBe(allocCents);
          out.amounts.forEach((x, i) => {
            expect(x).toBeGreaterThanOrEqual(0);
            if (out.bucket[i] === null) expect(x).toBe(0);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('method 3: the greedy steps agree with the exact optimum within two steps per line', () => {
    // Curves whose scale b is at least 5% of B_alloc (50 steps); see the coarse-step test below.
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 10_000_000_000 }),
        fc.array(
          fc.record({
            a: fc.integer({ min: 1, max: 10_000_000 }),
            bFraction: fc.double({ min: 0.05, max: 3, noNaN: true }),
            loFraction: fc.double({ min: 0, max: 0.2, noNaN: true }),
            hiFraction: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
          }),
          { minLength: 1, maxLength: 40 },
        ),
        (total, raw) => {
          const a = raw.map((l) => l.a);
          const b = raw.map((l) => l.bFraction * total);
          const lo = raw.map((l) => Math.round((l.loFraction * total) / raw.length));
          const hi = raw.map((l, i) => (l.hiFraction === null ? Infinity : Math.max(lo[i]!, Math.round(l.hiFraction * total))));
          const greedy = greedyMarginal(a, b, lo, hi, total);
          const exact = solveMarginalExact(a, b, lo, hi, total);
          // One step apart, as a rule; a line can end a hair beyond one step when the other lines'
          // shortfalls (each under a step) add up to it (seen: Δ·(1 + 1.000001e-6) on 8 lines), so
          // the bound checked is two steps.
          greedy.x.forEach((x, i) => expect(Math.abs(x - exact.x[i]!)).toBeLessThanOrEqual(2 * greedy.step));
          const given = greedy.x.reduce((s, x) => s + x, 0) + greedy.returned;
          expect(Math.abs(given - total)).toBeLessThanOrEqual(total * 1e-9);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('method 3: through the calculator, amounts add up to the cent and respect bounds', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 2, maxLength: 20 }), fc.integer({ min: 1, max: 1_000_000_000 }), fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 20, maxLength: 20 }), (raw, allocCents, params) => {
        const lines = toLines(raw).map((l, i) => ({ ...l, saturation: params[i]!, scale: params[(i + 7) % 20]! }));
        const out = allocate({ allocatable: allocCents / 100, method: 'marginal', preset: 'mix', shares, lines });
        if (!out.ok) {
          expect(out.code).toBe('floorsExceedBudget');
          return;
        }
        const amountCents = out.amounts.map(cents);
        expect(amountCents.reduce((x, y) => x + y, 0) + cents(out.returned)).toBe(allocCents);
        lines.forEach((l, i) => {
          expect(amountCents[i]!).toBeGreaterThanOrEqual(cents(l.floor));
          if (l.cap !== null) expect(amountCents[i]!).toBeLessThanOrEqual(cents(l.cap));
        });
      }),
      { numRuns: 200 },
    );
  });

  it('any text in any field gives a field error or a value, never an exception or NaN', () => {
    const keys = Object.keys(budgetAllocator.fields) as (keyof Fields)[];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.string({ maxLength: 80 }), fc.constantFrom('score', 'shares', 'marginal'), (key, text, method) => {
        const read = readFields(budgetAllocator.fields, { ...budgetAllocator.defaults, method, [key]: text });
        const out = budgetAllocator.compute(read.values, readRows(budgetAllocator.table!, budgetAllocator.defaultRows!));
        if (read.values[key] === undefined) expect(read.errors[key]).toBeDefined();
        for (const l of out.results.lines ?? []) expect(Number.isFinite(l.amount)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('any text in any cell gives a cell error or a value, never an exception', () => {
    const columns = Object.keys(budgetAllocator.table!.columns) as (keyof BudgetColumns)[];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.constantFrom(...columns), fc.string({ maxLength: 80 }), fc.constantFrom('score', 'shares', 'marginal'), (rowIndex, column, text, method) => {
        const rows = budgetAllocator.defaultRows!.map((r, i) => (i === rowIndex ? { ...r, [column]: text } : r));
        const reads = readRows(budgetAllocator.table!, rows);
        const read = readFields(budgetAllocator.fields, { ...budgetAllocator.defaults, method });
        const out = budgetAllocator.compute(read.values, reads);
        if (reads[rowIndex]!.values[column] === undefined) expect(reads[rowIndex]!.errors[column]).toBeDefined();
        const lines = out.results.lines ?? [];
        const total = lines.reduce((s, l) => s + cents(l.amount), 0) + cents(out.results.returnedToReserve ?? 0) + cents(out.results.unassigned ?? 0);
        if (lines.length) expect(total).toBe(cents(out.results.allocatable!));
      }),
      { numRuns: 300 },
    );
  });
});

describe('kit: toUnits (cents conversion used by the budget splits)', () => {
  it('snaps binary noise to the whole cent and rounds up, down or to nearest otherwise', () => {
    expect(toUnits(0.29)).toBe(29); // 0.29 × 100 = 28.999999999999996
    expect(toUnits(0.29, 'down')).toBe(29);
    expect(toUnits(1.005, 'up')).toBe(101); // 1.005 is stored as 1.00499999999999989…: no snap, rounds up
    expect(toUnits(1.001, 'down')).toBe(100);
    expect(toUnits(395590444533.71, 'up')).toBe(39559044453371); // round9 would push this to …372
    expect(toUnits(12.5, 'nearest', 0)).toBe(13);
  });
});
