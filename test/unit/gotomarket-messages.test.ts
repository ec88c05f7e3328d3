import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { channelRoi } from '~/lib/calculators/c06-1-channel-roi';
import { partnerScorecard } from '~/lib/calculators/c06-2-partner-scorecard';
import { brandHealth } from '~/lib/calculators/c07-1-brand-health';
import { imcCampaignMetrics } from '~/lib/calculators/c07-2-imc-metrics';
import { rfmScorer } from '~/lib/calculators/c08-1-rfm';
import { funnelAb } from '~/lib/calculators/c08-2-funnel-ab';
import { attribution } from '~/lib/calculators/c08-3-attribution';
import { tieredCommission } from '~/lib/calculators/c09-1-commission';
import { kpiScorecard } from '~/lib/calculators/c09-2-kpi-scorecard';
import type { CalculatorDefinition } from '~/lib/kit/calculator';
import { readFields, type FieldSpecs } from '~/lib/kit/fields';
import { readRows } from '~/lib/kit/rows';
import { strings } from '~/i18n';

const calculators: CalculatorDefinition<FieldSpecs, any, FieldSpecs>[] = [
  channelRoi, partnerScorecard, brandHealth, imcCampaignMetrics, rfmScorer, funnelAb, attribution, tieredCommission, kpiScorecard,
] as never;

/** Inputs that reach many guards: zeros, blanks, text, huge and negative numbers. */
const probes = ['0', '', 'abc', '1e15', '-5', '100', '1', '3'];

describe('go-to-market calculators: every message they emit has English and Chinese text', () => {
  const en = strings.en.messages as Record<string, string>;
  const zh = strings['zh-CN'].messages as Record<string, string>;

  it.each(calculators.map((c) => [c.id, c] as const))('%s', (_id, calc) => {
    const seen = new Set<string>();
    const runWith = (fields: Record<string, string>, rows: Record<string, string>[]) => {
      const read = readFields(calc.fields, fields as never);
      const out = calc.compute(read.values, calc.table ? readRows(calc.table, rows as never) : []);
      for (const issue of out.issues) seen.add(issue.code);
    };
    const baseRows = (calc.exampleRows ?? []) as Record<string, string>[];
    for (const start of [calc.defaults, calc.example] as Record<string, string>[]) {
      runWith(start, baseRows);
      runWith(start, (calc.defaultRows ?? []) as Record<string, string>[]);
      runWith(start, []);
      for (const key of Object.keys(calc.fields)) for (const p of probes) runWith({ ...start, [key]: p }, baseRows);
      if (calc.table) {
        for (const col of Object.keys(calc.table.columns)) {
          for (const p of probes) runWith(start, baseRows.map((r, i) => (i === 0 ? { ...r, [col]: p } : r)));
        }
      }
    }
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...Object.keys(calc.fields)), fc.constantFrom(...probes)), (over) => {
        runWith({ ...(calc.example as Record<string, string>), ...over }, baseRows);
      }),
      { numRuns: 100 },
    );
    for (const code of seen) {
      expect(en[code], `${code} (en)`).toBeTypeOf('string');
      expect(zh[code], `${code} (zh-CN)`).toBeTypeOf('string');
    }
    expect(seen.size).toBeGreaterThan(2);
  });
});
