import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exampleScoreRows, stageGateNps as calc, type ScoreColumns } from '~/lib/calculators/c04-3-stage-gate-nps';
import { isAllFinite } from '~/lib/kit/calculator';
import { readFields } from '~/lib/kit/fields';
import { readRows, type RawRow } from '~/lib/kit/rows';
import { strings } from '~/i18n';

type Raw = typeof calc.defaults;

function run(overrides: Partial<Raw> = {}, rows: RawRow<ScoreColumns>[] = exampleScoreRows, base: Raw = calc.example) {
  const read = readFields(calc.fields, { ...base, ...overrides });
  return { ...calc.compute(read.values, readRows(calc.table!, rows)), fieldErrors: read.errors };
}
const counts = (p: number, m: number, d: number) => ({ promoters: String(p), passives: String(m), detractors: String(d) });

describe('C04.3 stage-gate concept NPS and development plan', () => {
  it('reproduces the methodology and chapter-4 worked example', () => {
    // E3: n = 200, NPS = 100·(100 − 20)/200 = 40.0, 95% Wald interval 40 ± 1.96 × 4.690 = [30.8, 49.2].
    const { results: r, issues } = run();
    expect(r.nps!.n).toBe(200);
    expect(r.nps!.nps.toFixed(1)).toBe('40.0');
    expect(r.nps!.low.toFixed(1)).toBe('30.8');
    expect(r.nps!.high.toFixed(1)).toBe('49.2');
    // NPS ≥ 40 but the lower bound is below 40: pass, not robust.
    expect(r.verdict).toBe('pass');
    // 200 answers meet the MVP target of 200; ±5 points needs ⌈676.12⌉ = 677.
    expect(r.sampleMet).toBe(true);
    expect(r.sampleNeeded).toBe(677);
    expect(r.sampleNeededExact!.toFixed(2)).toBe('676.12');
    // 40 weeks × 70% = 28 weeks → ⌈28 / 2⌉ = 14 sprints; ⌈15% × 20⌉ = 3 heads (0.15 × 20 = 3.0000000000000004 in binary).
    expect(r.targetWeeks).toBeCloseTo(28, 12);
    expect(r.sprints).toBe(14);
    expect(r.flexibleHeads).toBe(3);
    expect(r.decisionHours).toBe(48);
    expect(r.gates!.map((g) => g.key)).toEqual(['conceptScreening', 'businessCase', 'developmentTesting', 'launchValidation', 'fifth']);
    expect(issues).toEqual([]);
  });

  it('pasted 0–10 answers give the same result as the counts', () => {
    const fromScores = run({ inputMode: 'scores' }).results;
    expect(fromScores.counts).toEqual({ promoters: 100, passives: 80, detractors: 20 });
    expect(fromScores.nps).toEqual(run().results.nps);
    // An unreadable answer is reported on its row and left out.
    const bad = run({ inputMode: 'scores' }, [{ score: '9' }, { score: '11' }, { score: 'x' }, { score: '3' }]);
    expect(bad.issues.filter((i) => i.code === 'c04_3.answerSkipped').map((i) => i.row)).toEqual([1, 2]);
    expect(bad.results.counts).toEqual({ promoters: 1, passives: 0, detractors: 1 });
  });

  it('gives each verdict in order, with the threshold inclusive', () => {
    // Robust: 150 P / 40 / 10 of 200 → NPS 70, low ≈ 62 ≥ 40.
    expect(run(counts(150, 40, 10)).results.verdict).toBe('robustPass');
    // Borderline: 95 P / 80 / 25 → NPS 35 < 40, high ≈ 44.6 ≥ 40.
    expect(run(counts(95, 80, 25)).results.verdict).toBe('borderline');
    // Fail: 60 / 80 / 60 → NPS 0, high ≈ 10.7 < 40.
    expect(run(counts(60, 80, 60)).results.verdict).toBe('fail');
    // Threshold on the interval low bound: all promoters → [100, 100] ≥ 100 is robust.
    expect(run({ ...counts(5, 0, 0), gateThreshold: '100' }).results.verdict).toBe('robustPass');
  });

  it('guards no answers, flags a sample below the MVP target, a cut interval and no spread', () => {
    const none = run(counts(0, 0, 0));
    expect(none.issues).toContainEqual(expect.objectContaining({ field: 'promoters', code: 'c04_3.noResponses' }));
    expect(none.results.nps).toBeUndefined();
    expect(none.results.sprints).toBe(14); // the plan still stands
    expect(run({ inputMode: 'scores' }, []).issues).toContainEqual(expect.objectContaining({ code: 'c04_3.noResponses' }));
    const small = run(counts(9, 0, 1));
    expect(small.results.sampleMet).toBe(false);
    expect(small.results.sampleShortBy).toBe(190);
    expect(small.issues).toContainEqual(expect.objectContaining({ code: 'c04_3.belowMvpTarget', params: { n: 10, target: 200 } }));
    expect(small.issues).toContainEqual(expect.objectContaining({ code: 'c04_3.intervalCut' }));
    expect(small.results.nps!.high).toBe(100);
    const same = run(counts(0, 300, 0));
    expect(same.issues).toContainEqual(expect.objectContaining({ code: 'c04_3.noSpread' }));
    expect(same.results.sampleNeeded).toBeUndefined();
    // Worst case Var = 1: 1.96² / 0.05² = 1,536.64 → 1,537, whatever the data.
    expect(same.results.sampleNeededWorstCase).toBe(1537);
  });

  it('rounds sprints and heads up, names the fifth gate and notes a ratio above 100%', () => {
    const { results: r, issues } = run({ industryWeeks: '41', teamSize: '21', fifthGate: 'Post-launch review', targetRatio: '110' });
    expect(r.targetWeeks).toBeCloseTo(45.1, 12);
    expect(r.sprints).toBe(23); // ⌈45.1 / 2⌉
    expect(r.flexibleHeads).toBe(4); // ⌈3.15⌉
    expect(r.gates!.at(-1)).toEqual({ key: 'fifth', name: 'Post-launch review' });
    expect(issues).toContainEqual(expect.objectContaining({ field: 'targetRatio', code: 'c04_3.slowerThanIndustry' }));
    expect(run({ teamSize: '0' }).results.flexibleHeads).toBe(0);
  });

  it('drops results that overflow (values past the field limits) with one message', () => {
    const read = readFields(calc.fields, calc.example);
    const out = calc.compute({ ...read.values, industryWeeks: 1e308, targetRatio: 10 }, []);
    expect(out.issues).toContainEqual(expect.objectContaining({ code: 'c04_3.tooExtreme' }));
    expect(isAllFinite(out.results)).toBe(true);
    expect(out.results.verdict).toBe('pass');
  });

  it('accepts 10,000 pasted answers', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({ score: String(i % 11) }));
    const { results } = run({ inputMode: 'scores' }, many);
    expect(results.nps!.n).toBe(10_000);
  });

  it('defaults differ from the example and compute cleanly', () => {
    expect(calc.defaults).not.toEqual(calc.example);
    const { results, issues } = run({}, calc.defaultRows!, calc.defaults);
    expect(results.nps!.nps).toBeCloseTo(45, 12);
    expect(results.verdict).toBe('pass');
    expect(issues.map((i) => i.code)).toEqual(['c04_3.belowMvpTarget']);
  });
});

describe('C04.3 properties (fast-check)', () => {
  it('verdicts follow the interval: robust ⇒ NPS ≥ threshold; fail ⇒ high below it; results finite', () => {
    fc.assert(
      fc.property(fc.nat(2000), fc.nat(2000), fc.nat(2000), fc.integer({ min: -100, max: 100 }), (p, m, d, t) => {
        const { results: r } = run({ ...counts(p, m, d), gateThreshold: String(t) });
        expect(isAllFinite(r)).toBe(true);
        if (!r.nps) return;
        expect(r.nps.low).toBeLessThanOrEqual(r.nps.nps + 1e-9);
        if (r.verdict === 'robustPass') expect(r.nps.nps).toBeGreaterThanOrEqual(t - 1e-9);
        if (r.verdict === 'pass') expect(r.nps.nps).toBeGreaterThanOrEqual(t - 1e-9);
        if (r.verdict === 'borderline') expect(r.nps.nps).toBeLessThan(t);
        if (r.verdict === 'fail') expect(r.nps.high).toBeLessThan(t);
      }),
      { numRuns: 500 },
    );
  });

  it('random text in any field or answer gives a field message or a value, never an exception', () => {
    const keys = Object.keys(calc.fields) as (keyof typeof calc.fields)[];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.string({ maxLength: 80 }), fc.string({ maxLength: 80 }), fc.constantFrom('counts', 'scores'), (key, text, cell, inputMode) => {
        const out = run({ inputMode, [key]: text }, [{ score: '9' }, { score: cell }]);
        const error = out.fieldErrors[key];
        if (error) expect(strings['zh-CN'].messages).toHaveProperty([error.code]);
        for (const issue of out.issues) {
          expect(strings.en.messages).toHaveProperty([issue.code]);
          expect(strings['zh-CN'].messages).toHaveProperty([issue.code]);
        }
        expect(isAllFinite(out.results)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
