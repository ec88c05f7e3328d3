/**
 * Every calculator the methodology defines, by its methodology id.
 * Pages may only reference ids listed here (an MDX `<Calculator id>` for any other id fails the
 * build); the registry (src/lib/calculators/registry.ts) must hold a module for each.
 */
export const CALCULATOR_IDS = [
  'C01.1', 'C01.2', 'C02.1', 'C02.2', 'C02.3', 'C03.1', 'C03.2', 'C03.3',
  'C04.1', 'C04.2', 'C04.3', 'C05.1', 'C05.2', 'C05.3', 'C06.1', 'C06.2',
  'C07.1', 'C07.2', 'C08.1', 'C08.2', 'C08.3', 'C09.1', 'C09.2', 'C10.1',
  'C10.2', 'C10.3', 'C11.1', 'C11.2', 'C12.1', 'C12.2', 'C12.3', 'C13.1',
  'C13.2', 'C13.3', 'C14.1', 'C14.2',
] as const;

export type CalculatorId = (typeof CALCULATOR_IDS)[number];

export function isCalculatorId(value: string): value is CalculatorId {
  return (CALCULATOR_IDS as readonly string[]).includes(value);
}

/** Chapters in methodology order, with the outline's titles; the home page and links use them. */
export const CHAPTERS = [
  { number: 1, slug: '01-strategy', phase: 'analyse', en: 'Market planning overview and strategic positioning', zh: '市场规划概述与战略定位' },
  { number: 2, slug: '02-environment', phase: 'analyse', en: 'Market environment analysis and trend assessment', zh: '市场环境分析与趋势研判' },
  { number: 3, slug: '03-segmentation', phase: 'analyse', en: 'Target market selection and positioning strategy', zh: '目标市场选择与定位策略' },
  { number: 4, slug: '04-product', phase: 'decide', en: 'Product strategy and portfolio optimization', zh: '产品策略与组合优化' },
  { number: 5, slug: '05-pricing', phase: 'decide', en: 'Pricing strategy and value management', zh: '价格策略与价值管理' },
  { number: 6, slug: '06-channels', phase: 'decide', en: 'Channel building and network layout', zh: '渠道建设与网络布局' },
  { number: 7, slug: '07-brand', phase: 'decide', en: 'Brand building and communication strategy', zh: '品牌建设与传播策略' },
  { number: 8, slug: '08-digital', phase: 'execute', en: 'Building the digital marketing system', zh: '数字化营销体系建设' },
  { number: 9, slug: '09-sales', phase: 'execute', en: 'Sales team management and incentives', zh: '销售团队管理与激励' },
  { number: 10, slug: '10-customers', phase: 'execute', en: 'Deepening customer relationship management', zh: '客户关系管理深化' },
  { number: 11, slug: '11-operations', phase: 'execute', en: 'Operations process optimization and standardization', zh: '运营流程优化与标准化' },
  { number: 12, slug: '12-budget', phase: 'control', en: 'Resource allocation and budget management', zh: '资源配置与预算管理' },
  { number: 13, slug: '13-risk', phase: 'control', en: 'Risk management and contingency plans', zh: '风险管理与应急预案' },
  { number: 14, slug: '14-monitoring', phase: 'control', en: 'Execution monitoring and continuous improvement', zh: '执行监控与持续改进' },
] as const;

export type ChapterPhase = (typeof CHAPTERS)[number]['phase'];

export const PHASES = {
  analyse: { en: 'Analyse', zh: '分析' },
  decide: { en: 'Decide', zh: '决策' },
  execute: { en: 'Execute', zh: '执行' },
  control: { en: 'Control', zh: '控制' },
} as const;
