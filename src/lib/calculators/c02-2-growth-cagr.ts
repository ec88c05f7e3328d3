/**
 * C02.2 Growth and CAGR projector (methodology chapter 2.1 and 2.3; formulas E4).
 *
 * Two directions: from a start value, an end value and years to the CAGR
 * `(V_end/V_start)^(1/years) − 1` (guards V_start ≤ 0, V_end < 0, years ≤ 0); or from a base value,
 * a CAGR and years to the projection `V_t = V₀(1 + r)^t`, each year computed from V₀, with an
 * optional comparison rate as a second series. Doubling time `ln 2 / ln(1 + r)` (r ≤ 0: never
 * doubles). Presets from the playbook: 26% a year (IDC, global AI investment) and 12% a year
 * (China's mother-and-baby market); 17% is the new-energy-vehicle substitution *share* — a level,
 * not a growth rate, so it is offered as a reference figure, never as a rate.
 */
import { defineCalculator, dropNonFinite, need, type Issue } from '../kit/calculator';
import { cagr, doublingTime, growthFactor, projectSeries } from './engines/growth';

export const growthModes = ['project', 'cagr'] as const;
export type GrowthMode = (typeof growthModes)[number];

/** Longest projection offered; bounds the table and the loop. */
export const MAX_YEARS = 100;

/** Preset figures from the playbook, as typed text for the rate field. */
export const growthPresets = [
  { key: 'aiInvestment', kind: 'rate', value: '26' },
  { key: 'motherBaby', kind: 'rate', value: '12' },
  { key: 'evSubstitution', kind: 'level', value: '17' },
] as const;
export type GrowthPresetKey = (typeof growthPresets)[number]['key'];

export interface ProjectionYear {
  year: number;
  value: number;
  /** At the comparison rate, when one is given. */
  comparison?: number;
}

export interface GrowthResults {
  /** CAGR direction. */
  cagr: number;
  /** V_end ÷ V_start */
  totalFactor: number;
  cagrDoublingYears: number;
  /** Projection direction. */
  projection: ProjectionYear[];
  finalValue: number;
  /** (1 + r)^years */
  growthFactor: number;
  doublingYears: number;
  comparisonFinal: number;
  comparisonFactor: number;
  comparisonDoublingYears: number;
}

const value = { kind: 'number', min: 0 } as const;
const rate = { kind: 'percent', min: -1, max: 10 } as const;

export const growthCagr = defineCalculator({
  id: 'C02.2',
  fields: {
    mode: { kind: 'choice', options: growthModes },
    base: value,
    rate,
    years: { kind: 'count', min: 1, max: MAX_YEARS },
    comparisonRate: { ...rate, optional: true },
    startValue: value,
    endValue: value,
    spanYears: { kind: 'number', above: 0, max: 1000 },
  },
  defaults: {
    mode: 'project', base: '1000', rate: '12', years: '5', comparisonRate: '',
    startValue: '100', endValue: '150', spanYears: '4',
  },
  // Chapter 2: an index of 100 at the IDC 26% against 12%; and 80 → 100 over three years.
  example: {
    mode: 'project', base: '100', rate: '26', years: '5', comparisonRate: '12',
    startValue: '80', endValue: '100', spanYears: '3',
  },
  compute(values) {
    const r: Partial<GrowthResults> = {};
    const issues: Issue[] = [];

    if (values.mode === 'cagr') {
      const c = need(values, 'startValue', 'endValue', 'spanYears');
      if (c) {
        const out = cagr(c.startValue, c.endValue, c.spanYears);
        if (out.ok) {
          r.cagr = out.value;
          r.totalFactor = c.endValue / c.startValue;
          const d = doublingTime(out.value);
          if (d.ok) r.cagrDoublingYears = d.value;
          else issues.push({ severity: 'info', code: 'c02_2.neverDoubles' });
        } else {
          const field = out.guard === 'startNotPositive' ? 'startValue' : out.guard === 'endNegative' ? 'endValue' : 'spanYears';
          issues.push({ severity: 'error', field, code: `c02_2.${out.guard}` });
        }
      }
    }

    if (values.mode === 'project') {
      const p = need(values, 'base', 'rate', 'years');
      if (p) {
        const series = projectSeries(p.base, p.rate, p.years);
        const comparison = values.comparisonRate != null ? projectSeries(p.base, values.comparisonRate, p.years) : null;
        if (series) {
          r.projection = series.map((v, t) => (comparison ? { year: t, value: v, comparison: comparison[t]! } : { year: t, value: v }));
          r.finalValue = series[series.length - 1]!;
        } else {
          issues.push({ severity: 'warning', field: 'years', code: 'c02_2.tooExtreme' });
        }
        const factor = growthFactor(p.rate, p.years);
        if (factor !== null) r.growthFactor = factor;
        const d = doublingTime(p.rate);
        if (d.ok) r.doublingYears = d.value;
        else issues.push({ severity: 'info', field: 'rate', code: 'c02_2.neverDoubles' });
        if (comparison && values.comparisonRate != null) {
          r.comparisonFinal = comparison[comparison.length - 1]!;
          const cf = growthFactor(values.comparisonRate, p.years);
          if (cf !== null) r.comparisonFactor = cf;
          const cd = doublingTime(values.comparisonRate);
          if (cd.ok) r.comparisonDoublingYears = cd.value;
        }
      }
    }

    if (dropNonFinite(r).length) issues.push({ severity: 'warning', code: 'c02_2.tooExtreme' });
    return { results: r, issues };
  },
});
