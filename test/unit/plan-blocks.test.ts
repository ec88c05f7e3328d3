/**
 * The My plan blocks (src/lib/plan/blocks/): each computes its calculator's stored scenario with the
 * calculator's own module and picks the plan's figures; presented in the reader's language and
 * currency; exported as Markdown and CSV (text defused, pipes escaped). Figures worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { strings } from '~/i18n';
import { createFormatter } from '~/lib/kit/format';
import { encodeRows } from '~/lib/kit/url-state';
import { riskColumns } from '~/lib/calculators/c13-1-risk-matrix';
import c031 from '~/lib/plan/blocks/c03-1';
import c011 from '~/lib/plan/blocks/c01-1';
import c051 from '~/lib/plan/blocks/c05-1';
import c061 from '~/lib/plan/blocks/c06-1';
import c121 from '~/lib/plan/blocks/c12-1';
import c141 from '~/lib/plan/blocks/c14-1';
import c131 from '~/lib/plan/blocks/c13-1';
import c133 from '~/lib/plan/blocks/c13-3';
import { presentBlock, PLAN_BLOCK_IDS } from '~/lib/plan/present';
import { toMarkdown, toPlanCsv, type PlanDocument } from '~/lib/plan/plan-export';
import type { BlockSummary, Cell } from '~/lib/plan/summary';
import { computeScenario } from '~/lib/kit/scenario-compute';
import { costPlus } from '~/lib/calculators/c05-1-cost-plus';
import { riskMatrix } from '~/lib/calculators/c13-1-risk-matrix';

const scenario = (raw: Record<string, string>, rows: string | null = null) => ({ raw, rows });
const value = (summary: BlockSummary, key: string) => {
  const cell = summary.figures.find((f) => f.key === key)?.cell;
  return cell && 'value' in cell ? cell.value : undefined;
};
const risk = (name: string, probability: string, impact: string) => ({ name, category: 'other', probability, probabilityLevel: '', impact, impactLevel: '', owner: '' });

describe('computeScenario: a stored scenario read as the calculator reads it', () => {
  it('keeps typed text, refuses what a link would refuse, and computes the rest', () => {
    const out = computeScenario(costPlus, { raw: { material: '30', basis: 'bogus', unknown: 'x', labour: 'abc' }, rows: null });
    expect(out.raw.material).toBe('30');
    expect(out.raw.basis).toBe(costPlus.defaults.basis);
    expect('unknown' in out.raw).toBe(false);
    expect(out.raw.labour).toBe('abc');
    expect(out.read.errors.labour).toBeDefined();
    expect(out.output.results.price).toBeUndefined();
    expect(out.output.results.fixedCostPerUnit).toBe(12);
  });

  it('unreadable rows fall back to the default rows; readable ones are kept as typed', () => {
    expect(computeScenario(riskMatrix, { raw: {}, rows: '{not json' }).rows).toEqual(riskMatrix.defaultRows);
    const rows = encodeRows(riskColumns, [risk('A', 'x', '5')]);
    const out = computeScenario(riskMatrix, { raw: {}, rows });
    expect(out.rows).toEqual([risk('A', 'x', '5')]);
    expect(out.rowReads[0]!.errors.probability).toBeDefined();
  });
});

describe('plan blocks', () => {
  it('price and break-even (C05.1): material 30 → full cost 54, price 67.5, break-even 2,353 units', () => {
    const s = c051({ scenario: scenario({ material: '30' }), defaultNames: [] });
    expect(value(s, 'price')).toBeCloseTo(67.5, 9);
    expect(value(s, 'breakEvenUnits')).toBe(2353);
    expect(value(s, 'unitContribution')).toBeCloseTo(25.5, 9);
    expect(s.hasErrors).toBe(false);
  });

  it('market size (C03.1), top-down: 2,000,000,000 × 40% × 5% → SAM 800,000,000, SOM 40,000,000', () => {
    const s = c031({ scenario: scenario({ method: 'topDown', categoryValue: '2000000000', segmentShare: '100', serviceable: '40', obtainable: '5', growth: '10', horizon: '2' }), defaultNames: [] });
    expect(value(s, 'tam')).toBeCloseTo(2e9, 3);
    expect(value(s, 'sam')).toBeCloseTo(8e8, 3);
    expect(value(s, 'som')).toBeCloseTo(4e7, 3);
    expect(value(s, 'somAtHorizon')).toBeCloseTo(4e7 * 1.21, 3);
    expect(s.figures.find((f) => f.key === 'somAtHorizon')!.params).toEqual({ years: 2 });
  });

  it('top risks (C13.1): ranked, named as typed, unnamed rows as "Row n", expected loss on the revenue', () => {
    const rows = encodeRows(riskColumns, [risk('Minor', '10', '1'), risk('', '50', '8'), risk('Port strike', '70', '16')]);
    const s = c131({ scenario: scenario({ revenue: '50000000' }, rows), defaultNames: [] });
    expect(s.columns).toEqual(['name', 'score', 'band', 'expectedLoss']);
    expect(s.rows[0]).toEqual([{ kind: 'text', value: 'Port strike' }, { kind: 'integer', value: 16 }, { kind: 'choice', value: 'high' }, { kind: 'money', value: expect.closeTo(5_600_000, 3) }]);
    expect(s.rows[1]![0]).toEqual({ kind: 'row', value: 2 });
    expect(value(s, 'totalExpectedLoss')).toBeCloseTo(5_600_000 + 0.5 * 0.08 * 5e7 + 0.1 * 0.01 * 5e7, 3);
    // Without a revenue there is no loss to show.
    const noRevenue = c131({ scenario: scenario({}, rows), defaultNames: [] });
    expect(noRevenue.columns).not.toContain('expectedLoss');
    expect(noRevenue.figures).toEqual([]);
  });

  it('default rows carry the reader’s-language names, as the calculators show them', () => {
    const names = strings['zh-CN'].calculators['C12.1'].defaultLines;
    const s = c121({ scenario: scenario({ totalBudget: '10000000', reserve: '10' }), defaultNames: names });
    const shown = s.rows.map((r) => (r[0]!.kind === 'text' ? r[0]!.value : ''));
    expect(shown.every((n) => names.includes(n))).toBe(true);
    expect(s.hasErrors).toBe(false);
    expect(value(s, 'allocatable')).toBeCloseTo(9_000_000, 3);
    expect(value(s, 'reserve')).toBeGreaterThanOrEqual(1_000_000);
    // Largest amounts first.
    const amounts = s.rows.map((r) => (r[1] as { value: number }).value);
    expect([...amounts].sort((a, b) => b - a)).toEqual(amounts);
    expect(s.rows.length + s.moreRows).toBe(6);
  });

  it('every block computes its calculator’s defaults without errors, every figure finite', () => {
    const blocks = { 'C03.1': c031, 'C01.1': c011, 'C05.1': c051, 'C06.1': c061, 'C12.1': c121, 'C14.1': c141, 'C13.1': c131, 'C13.3': c133 };
    expect(Object.keys(blocks).sort()).toEqual([...PLAN_BLOCK_IDS].sort());
    for (const [id, summarise] of Object.entries(blocks)) {
      const s = summarise({ scenario: scenario({}), defaultNames: [] });
      expect(s.hasErrors, id).toBe(false);
      expect(s.figures.length + s.rows.length, id).toBeGreaterThan(0);
      const cells: Cell[] = [...s.figures.map((f) => f.cell), ...s.rows.flat()];
      for (const cell of cells) if ('value' in cell && typeof cell.value === 'number') expect(Number.isFinite(cell.value), id).toBe(true);
    }
  });

  it('bad input is reported, not shown as a figure', () => {
    const s = c051({ scenario: scenario({ material: '１２x' }), defaultNames: [] });
    expect(s.hasErrors).toBe(true);
    expect(value(s, 'price')).toBeUndefined();
  });
});

describe('plan presentation and exports', () => {
  const s = strings['zh-CN'].plan;
  const f = createFormatter('zh-CN', 'CNY');
  const rows = encodeRows(riskColumns, [risk('=HYPERLINK("x")|pipe', '70', '16')]);
  const risks = presentBlock('C13.1', c131({ scenario: scenario({ revenue: '50000000' }, rows), defaultNames: [] }), {
    f,
    s,
    calculator: '风险概率影响矩阵',
    scenario: '基准',
    choices: strings['zh-CN'].calculators['C13.1'].results.bands,
  });
  const price = presentBlock('C05.1', c051({ scenario: scenario({ material: '30' }), defaultNames: [] }), { f, s, calculator: '成本加成定价与盈亏平衡', scenario: '激进', choices: {} });
  const unused = presentBlock('C06.1', null, { f, s, calculator: '渠道投入产出与客户终身价值', scenario: null, choices: {} });
  const doc: PlanDocument = {
    title: s.markdownTitle,
    currencyNote: 'CNY',
    phases: [
      { heading: '决策', parts: [{ kind: 'text', heading: s.positioning, text: '' }, { kind: 'block', block: price, next: '' }, { kind: 'block', block: unused, next: '先用计算器。' }] },
      { heading: '控制', parts: [{ kind: 'block', block: risks, next: '' }] },
    ],
  };

  it('formats in the reader’s language and currency, with the choice labels', () => {
    expect(price.figures.find((x) => x.label === s.blocks['C05.1'].figures.price)!.cell.text).toBe('¥67.50');
    expect(risks.head).toEqual(['风险', '得分', '等级', '预期损失']);
    expect(risks.rows[0]!.map((c) => c.text)).toEqual(['=HYPERLINK("x")|pipe', '16', '高', '¥5,600,000.00']);
  });

  it('Markdown: headings in order, source scenario, next steps, table cells escaped', () => {
    const md = toMarkdown(doc, s);
    expect(md.indexOf('## 决策')).toBeLessThan(md.indexOf('## 控制'));
    expect(md).toContain(`*${s.notWritten}*`);
    expect(md).toContain('来源：“成本加成定价与盈亏平衡”，方案“激进”。');
    expect(md).toContain('- 价格: ¥67.50'.replace(': ', ': '));
    expect(md).toContain('尚未填写：先用计算器。');
    expect(md).toContain('| =HYPERLINK("x")\\|pipe | 16 | 高 | ¥5,600,000.00 |');
  });

  it('CSV: plain numbers, the scenario on each line, formula text defused', () => {
    const csv = toPlanCsv(doc, s);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('部分,项目,数值,方案');
    expect(lines).toContain('价格与盈亏平衡,价格,67.5,激进');
    expect(csv).toContain(`"'=HYPERLINK(""x"")|pipe — 预期损失",5600000,基准`);
    expect(csv).not.toContain('渠道投入产出');
  });
});
