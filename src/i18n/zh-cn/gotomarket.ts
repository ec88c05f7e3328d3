/** 渠道、品牌、数字化与销售计算器（第 6–9 章）的简体中文文字。 */
import type { gotomarketCalculators as en, gotomarketMessages as enMessages } from '../en/gotomarket';
import type { Widen } from '../types';

export const gotomarketMessages: Widen<typeof enMessages> = {
  'c06_1.noChannels': '请至少添加一个渠道。',
  'c06_1.rowIncomplete': '该渠道有单元格无法读取，依赖这些单元格的结果已略去。',
  'c06_1.zeroSpend': '投入为 0，无法计算该渠道的单位成本销售额、ROI 和获客成本。',
  'c06_1.noNewCustomers': '没有新客户，因此该渠道没有单客获客成本（CAC）。',
  'c06_1.noMargin': '每位客户的年毛利不大于 0：该渠道永远收不回获客成本。',
  'c06_1.zeroCac': '单客获客成本为 0，无法计算 LTV/CAC。',
  'c06_1.leadersDiffer': '没有一个渠道在本手册的两项标准上同时领先：请权衡单位成本销售额与客户终身价值，而不是只看其中一个排名。',
  'c06_1.tooExtreme': '在这些输入下，部分结果过大或过小，无法计算，已略去。',
};

export const gotomarketCalculators: Widen<typeof en> = {
  'C06.1': {
    title: '渠道投入产出、获客成本与客户终身价值对比',
    intro: '比较各渠道：每单位投入当下带来多少销售，以及赢得的客户在整个生命周期内值多少。',
    variant: '客户终身价值按期初收取毛利、在测算年限内折现，不计维系成本。回收期（月）用获客成本除以一个月的毛利，不考虑留存衰减。两项标准各出一个排名。',
    rule: '根据历史数据或行业基准预测各渠道的投入产出，优先发展单位成本销售额高、客户终身价值明显较高的渠道（6.1）。',
    formulas: [
      '单位成本销售额（ROAS）= 收入 ÷ 投入',
      'ROI =（收入 × 毛利率 − 投入）÷ 投入',
      '获客成本 CAC = 投入 ÷ 新客户数',
      '每位客户年毛利 m = 客单价 × 年购买次数 × 毛利率',
      'LTV = Σ m × 留存率^t ÷（1 + 折现率）^t，t = 0 … 年限 − 1',
      '回收期（月）= CAC ÷（m ÷ 12）；LTV/CAC = LTV ÷ CAC',
    ],
    fields: { discountRate: '年折现率', horizon: '测算年限（年）' },
    hints: { discountRate: '用于对客户终身价值中的未来毛利折现。', horizon: '整数年，1–100。' },
    tableCaption: '渠道（1–200 行）',
    columns: {
      name: '渠道',
      spend: '投入',
      revenue: '归属收入',
      grossMargin: '毛利率',
      newCustomers: '新客户数',
      orderValue: '客单价',
      ordersPerYear: '年购买次数',
      retention: '年留存率',
    },
    results: {
      roas: '单位成本销售额',
      roi: 'ROI',
      cac: '获客成本（CAC）',
      marginPerCustomer: '每位客户年毛利',
      ltv: '客户终身价值（LTV）',
      ltvToCac: 'LTV/CAC',
      paybackMonths: '回收期（月）',
      salesRank: '单位成本销售额排名',
      ltvRank: 'LTV 排名',
      totalSpend: '总投入',
      totalRevenue: '总收入',
      totalNewCustomers: '新客户总数',
      overallRoas: '整体单位成本销售额',
      overallCac: '整体获客成本',
      sameLeader: '同一渠道在两个排名中都领先',
    },
    charts: {
      bubbleTitle: '各渠道 ROI 与 LTV/CAC',
      bubbleDescription: '每个气泡代表一个渠道：越靠右，当期投入回报越高；越靠上，每位获取客户的长期价值越高；气泡大小对应投入。',
      x: 'ROI',
      y: 'LTV/CAC',
      size: '投入',
    },
  },
};
