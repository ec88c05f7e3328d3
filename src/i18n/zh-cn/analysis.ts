/** 分析与产品计算器（第 1、2、4 章）的简体中文文字。 */
import type { analysisCalculators as en, analysisMessages as enMessages } from '../en/analysis';
import type { Widen } from '../types';

export const analysisMessages: Widen<typeof enMessages> = {
  // C01.1
  'c01_1.phasingZero': '四个季度的权重之和为 0：请至少给一个季度设置权重。',
  'c01_1.departmentsZero': '各部门权重之和为 0：请至少给一个部门设置权重。',
  'c01_1.departmentSkipped': '该行权重有误，修正前不参与部门分解。',
  'c01_1.capRelative': '按相对增长口径，市场份额在第 {year} 年达到 100%，此后按 100% 封顶。',
  'c01_1.capPoints': '按百分点口径，市场份额在第 {year} 年达到 100%，此后按 100% 封顶。',
  'c01_1.zeroShareRelative': '当前份额为 0 时，按相对增长口径份额始终为 0（0 × 1.05 = 0）；规划新进入市场请使用百分点口径。',
  'c01_1.tooExtreme': '在这些输入下，部分结果过大或过小，无法计算，已略去。',
};

export const analysisCalculators: Widen<typeof en> = {
  'C01.1': {
    title: '市占率目标分解',
    intro: '把市场份额目标分解为逐年收入目标、季度里程碑和部门目标，并同时给出“市占率年增 5%”的两种理解。',
    variant: '两种口径并列计算：相对增长（份额每年 × 1.05）与百分点（份额每年 + 5 个百分点）；所选口径决定收入、季度和部门目标。份额最高按 100% 封顶。',
    rule: '把战略目标拆解为可量化的 KPI 并落实到各部门；本手册的示例 KPI 是“市占率年增 5%”，但没有说明是哪种口径。按季度设置并追踪里程碑。',
    fields: {
      marketSize: '当前市场规模（每年）',
      marketGrowth: '市场年增长率',
      currentShare: '当前市场份额',
      shareGain: '份额年增幅',
      reading: '决定收入目标的增幅口径',
      horizon: '规划期（年）',
      q1: '第一季度分解权重',
      q2: '第二季度分解权重',
      q3: '第三季度分解权重',
      q4: '第四季度分解权重',
    },
    hints: {
      shareGain: '填 5 表示每年 × 1.05（相对增长）或每年 + 5 个百分点，取决于所选口径。',
      q1: '任意数值均可：每个季度分得“本季度权重 ÷ 四个季度权重之和”。',
    },
    choices: { relative: '相对增长（每年 × 1.05）', points: '百分点（每年 + 5 个百分点）' },
    columns: { name: '部门', weight: '权重' },
    tableCaption: '部门分解（选填）',
    defaultDepartments: ['直销', '线上', '大客户'],
    results: {
      year: '年份',
      today: '当前',
      marketSize: '市场规模',
      shareRelative: '份额（相对增长口径）',
      sharePoints: '份额（百分点口径）',
      revenueRelative: '收入目标（相对增长口径）',
      revenuePoints: '收入目标（百分点口径）',
      firstYearGrowthRelative: '第 1 年所需收入增长（相对增长口径）',
      firstYearGrowthPoints: '第 1 年所需收入增长（百分点口径）',
      finalRevenue: '最后一年收入目标',
      quarter: '季度',
      quarterN: '第{n}季度',
      milestone: '季度里程碑',
      department: '部门',
      departmentShare: '目标占比',
      departmentTarget: '部门目标',
      capYear: '份额在第 {year} 年达到 100%',
    },
    formulas: [
      'M_t = M₀ × (1 + g)^t',
      '相对增长：s_t = min(100%, s₀ × (1 + k)^t)；百分点：s_t = min(100%, s₀ + k × t)',
      '收入目标 Rev_t = M_t × s_t',
      '季度：Rev_t × w_q ÷ Σw；部门：Rev_t × v_d ÷ Σv',
    ],
    charts: {
      shareTitle: '两种口径下的份额路径',
      shareDescription: '逐年目标市场份额：相对增长口径（每年 × 1.05）与百分点口径（每年 + 5 个百分点）对比。',
      quartersTitle: '季度里程碑',
      quartersDescription: '按所选口径，规划期内每个季度的收入里程碑。',
    },
  },
};
