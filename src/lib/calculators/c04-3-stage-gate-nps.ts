/**
 * C04.3 Stage-gate concept NPS and development plan (methodology chapter 4.3).
 *
 * NPS from promoter / passive / detractor counts or from pasted 0–10 answers (E3), with a 95%
 * **Wald** interval `NPS ± 1.96·SE`, `SE = 100·√((p_P + p_D − (p_P − p_D)²)/n)`, cut at ±100.
 * Gate verdict, first match: *robust pass* (interval low ≥ threshold), *pass* (NPS ≥ threshold),
 * *borderline* (NPS below but interval high ≥ threshold), *fail* (interval high below); the
 * threshold is inclusive (the playbook's NPS ≥ 40). Sample check against the MVP target (200
 * real users) and the answers needed for a ±E-point interval, `n = 1.96²·Var/(E/100)²` rounded up,
 * with the observed variance and with the worst case Var = 1 (for planning before any data).
 * Development plan: target weeks = target ratio × industry average (70%); sprints
 * `⌈target weeks / sprint length⌉`; flexible headcount `⌈flexible share × team⌉`; the 48-hour
 * decision channel is shown as entered. The playbook promises five gates but names four; the
 * fifth is an editable slot.
 */
import { ceilSafe, defineCalculator, dropNonFinite, need, round9, type Issue } from '../kit/calculator';
import { MAX_FIELD_LENGTH } from '../kit/fields';
import type { RawRow } from '../kit/rows';
import { countScores, npsFromCounts, npsSampleSize, type Nps, type NpsCounts } from './engines/nps';

export const npsInputModes = ['counts', 'scores'] as const;
export type NpsInputMode = (typeof npsInputModes)[number];
export const gateVerdicts = ['robustPass', 'pass', 'borderline', 'fail'] as const;
export type GateVerdict = (typeof gateVerdicts)[number];
/** The four gates the playbook names, in order; the fifth is the reader's. */
export const namedGates = ['conceptScreening', 'businessCase', 'developmentTesting', 'launchValidation'] as const;
export type NamedGate = (typeof namedGates)[number];

/** Most pasted answers accepted. */
export const MAX_ANSWERS = 10_000;

export interface StageGateResults {
  counts: NpsCounts;
  nps: Nps;
  verdict: GateVerdict;
  sampleMet: boolean;
  /** MVP target − n, when short. */
  sampleShortBy: number;
  /** Answers for ±E points at the observed variance (exact and rounded up). */
  sampleNeededExact: number;
  sampleNeeded: number;
  /** Answers for ±E points at the worst case Var = 1. */
  sampleNeededWorstCase: number;
  targetWeeks: number;
  sprints: number;
  flexibleHeads: number;
  decisionHours: number;
  /** The playbook's four named gates, then the reader's fifth (empty name until typed). */
  gates: { key: NamedGate | 'fifth'; name?: string }[];
}

export const scoreColumns = { score: { kind: 'count', min: 0, max: 10 } } as const;
export type ScoreColumns = typeof scoreColumns;

const answers = (counts: [string, number][]): RawRow<ScoreColumns>[] => counts.flatMap(([score, k]) => Array.from({ length: k }, () => ({ score })));

/** The worked example as answers: 100 promoters (9–10), 80 passives (7–8), 20 detractors (0–6). */
export const exampleScoreRows: RawRow<ScoreColumns>[] = answers([['10', 55], ['9', 45], ['8', 50], ['7', 30], ['6', 10], ['5', 6], ['3', 4]]);
/** Illustrative defaults: 20 answers. */
export const defaultScoreRows: RawRow<ScoreColumns>[] = answers([['10', 6], ['9', 4], ['8', 4], ['7', 2], ['6', 2], ['4', 2]]);

export const stageGateNps = defineCalculator({
  id: 'C04.3',
  fields: {
    inputMode: { kind: 'choice', options: npsInputModes },
    promoters: { kind: 'count', min: 0 },
    passives: { kind: 'count', min: 0 },
    detractors: { kind: 'count', min: 0 },
    gateThreshold: { kind: 'number', min: -100, max: 100 },
    mvpTarget: { kind: 'count', min: 1, max: 1e9 },
    margin: { kind: 'number', above: 0, max: 200 },
    industryWeeks: { kind: 'number', above: 0, max: 10_000 },
    targetRatio: { kind: 'percent', above: 0, max: 10 },
    sprintWeeks: { kind: 'number', above: 0, max: 520 },
    teamSize: { kind: 'count', min: 0, max: 1e7 },
    flexibleShare: { kind: 'percent', min: 0, max: 1 },
    decisionHours: { kind: 'number', min: 0, max: 10_000 },
    fifthGate: { kind: 'text', maxLength: MAX_FIELD_LENGTH, optional: true },
  },
  defaults: {
    inputMode: 'counts', promoters: '60', passives: '25', detractors: '15', gateThreshold: '40', mvpTarget: '200',
    margin: '5', industryWeeks: '52', targetRatio: '70', sprintWeeks: '2', teamSize: '12', flexibleShare: '15',
    decisionHours: '48', fifthGate: '',
  },
  // Methodology E3 / chapter 4: n = 200, 100 P / 80 passive / 20 D; 40-week industry average; team of 20.
  example: {
    inputMode: 'counts', promoters: '100', passives: '80', detractors: '20', gateThreshold: '40', mvpTarget: '200',
    margin: '5', industryWeeks: '40', targetRatio: '70', sprintWeeks: '2', teamSize: '20', flexibleShare: '15',
    decisionHours: '48', fifthGate: '',
  },
  table: { columns: scoreColumns, minRows: 0, maxRows: MAX_ANSWERS },
  defaultRows: defaultScoreRows,
  exampleRows: exampleScoreRows,
  compute(values, rows) {
    const r: Partial<StageGateResults> = {};
    const issues: Issue[] = [];

    // Counts, typed or from the pasted answers (a bad answer is reported on its row and left out).
    let counts: NpsCounts | undefined;
    if (values.inputMode === 'counts') {
      const c = need(values, 'promoters', 'passives', 'detractors');
      if (c) counts = { promoters: c.promoters, passives: c.passives, detractors: c.detractors };
    } else if (values.inputMode === 'scores') {
      const scores: number[] = [];
      rows.forEach((read, i) => {
        if (read.values.score === undefined) issues.push({ severity: 'warning', row: i, column: 'score', code: 'c04_3.answerSkipped' });
        else scores.push(read.values.score);
      });
      const counted = countScores(scores);
      if (counted.ok) counts = counted.counts;
    }

    if (counts) {
      r.counts = counts;
      const out = npsFromCounts(counts);
      if (!out.ok) {
        issues.push(values.inputMode === 'counts' ? { severity: 'error', field: 'promoters', code: 'c04_3.noResponses' } : { severity: 'error', code: 'c04_3.noResponses' });
      } else {
        const { ok: _ok, ...nps } = out;
        r.nps = nps;
        if (nps.clamped) issues.push({ severity: 'info', code: 'c04_3.intervalCut' });
        if (round9(nps.variance) === 0) issues.push({ severity: 'warning', code: 'c04_3.noSpread' });

        const threshold = values.gateThreshold;
        if (threshold !== undefined) {
          const t = round9(threshold);
          r.verdict = round9(nps.low) >= t ? 'robustPass' : round9(nps.nps) >= t ? 'pass' : round9(nps.high) >= t ? 'borderline' : 'fail';
        }
        if (values.mvpTarget !== undefined) {
          r.sampleMet = nps.n >= values.mvpTarget;
          if (!r.sampleMet) {
            r.sampleShortBy = values.mvpTarget - nps.n;
            issues.push({ severity: 'warning', code: 'c04_3.belowMvpTarget', params: { n: nps.n, target: values.mvpTarget } });
          }
        }
        if (values.margin !== undefined) {
          const size = npsSampleSize(nps.variance, values.margin);
          if (size.ok) {
            r.sampleNeededExact = size.exact;
            r.sampleNeeded = size.n;
          }
        }
      }
    }
    if (values.margin !== undefined) {
      const worst = npsSampleSize(1, values.margin);
      if (worst.ok) r.sampleNeededWorstCase = worst.n;
    }

    // Development plan.
    const plan = need(values, 'industryWeeks', 'targetRatio');
    if (plan) {
      r.targetWeeks = plan.industryWeeks * plan.targetRatio;
      if (values.sprintWeeks !== undefined) r.sprints = ceilSafe(r.targetWeeks / values.sprintWeeks);
      if (round9(plan.targetRatio) > 1) issues.push({ severity: 'info', field: 'targetRatio', code: 'c04_3.slowerThanIndustry' });
    }
    const team = need(values, 'teamSize', 'flexibleShare');
    if (team) r.flexibleHeads = ceilSafe(team.flexibleShare * team.teamSize);
    if (values.decisionHours !== undefined) r.decisionHours = values.decisionHours;

    const fifth = values.fifthGate;
    r.gates = [...namedGates.map((key) => ({ key })), fifth ? { key: 'fifth' as const, name: fifth } : { key: 'fifth' as const }];

    if (dropNonFinite(r).length) issues.push({ severity: 'warning', code: 'c04_3.tooExtreme' });
    return { results: r, issues };
  },
});
