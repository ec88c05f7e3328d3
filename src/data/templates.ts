/**
 * Templates readers download from the chapters, in both languages, built at build time into
 * `/templates/<id>.csv` and `.md` (English) and `/zh-cn/templates/<id>.csv` and `.md` (Chinese).
 * Each template is a table: typed columns, an example row that shows how to fill it in, blank rows.
 * Every chapter's checklist is a template too (`checklist-NN`), made from `checklists.ts`.
 */
import { CHECKLISTS } from './checklists';

export type Bilingual = { en: string; zh: string };

export interface Template {
  id: string;
  title: Bilingual;
  description: Bilingual;
  /** Chapters that link to the template. */
  chapters: number[];
  columns: Bilingual[];
  /** Example or pre-filled rows, one cell per column; a cell may be empty. */
  rows: { en: string[]; zh: string[] }[];
  /** Empty rows added after the example rows, ready to fill in. */
  blankRows: number;
}

const col = (en: string, zh: string): Bilingual => ({ en, zh });

const FIXED: Template[] = [
  {
    id: 'risk-register',
    title: { en: 'Risk register', zh: '风险清单库' },
    description: {
      en: 'One row per risk, written as cause → event → consequence. Score = probability level × impact level (each 1–5).',
      zh: '每行记录一项风险，按“原因→事件→后果”描述。风险分＝概率等级×影响等级（各1–5级）。',
    },
    chapters: [13],
    columns: [
      col('ID', '编号'),
      col('Risk (cause → event → consequence)', '风险（原因→事件→后果）'),
      col('Category', '类别'),
      col('Owner', '责任人'),
      col('Probability level (1–5)', '概率等级（1–5）'),
      col('Impact level (1–5)', '影响等级（1–5）'),
      col('Score (probability × impact)', '风险分（概率×影响）'),
      col('Key risk indicator', '关键风险指标'),
      col('Blue / yellow / red thresholds', '蓝／黄／红预警阈值'),
      col('Response', '应对策略'),
      col('Status', '状态'),
      col('Last reviewed', '最近评审日期'),
    ],
    rows: [
      {
        en: ['R01', 'Single raw-material supplier → price jumps 50% → margin on the main line turns negative', 'Supply chain', 'Purchasing lead', '2', '5', '10', 'Spot price of the material', 'Rise of 10% / 20% / 30% over the plan price', 'Qualify a second supplier; price clause in contracts', 'Open', '2026-01-15'],
        zh: ['R01', '原材料单一供应商→价格上涨50%→主力产品线利润转负', '供应链', '采购负责人', '2', '5', '10', '该原材料现货价格', '较计划价上涨10%／20%／30%', '认证第二家供应商；合同加入调价条款', '处理中', '2026-01-15'],
      },
    ],
    blankRows: 9,
  },
  {
    id: 'kpi-dictionary',
    title: { en: 'KPI dictionary', zh: 'KPI字典' },
    description: {
      en: 'One row per KPI on the KPI tree: one definition, one owner, one data source, a phased target and a direction.',
      zh: 'KPI树上的每个指标一行：统一的定义、唯一的责任人、唯一的数据来源、分月目标和指标方向。',
    },
    chapters: [1, 9, 14],
    columns: [
      col('KPI', '指标'),
      col('Definition', '定义'),
      col('Formula', '计算公式'),
      col('Unit', '单位'),
      col('Direction (higher or lower is better)', '方向（越高越好或越低越好）'),
      col('Owner', '责任人'),
      col('Data source', '数据来源'),
      col('Refresh', '更新频率'),
      col('Annual target', '全年目标'),
      col('Phasing (share per month)', '分月比例'),
      col('Green / amber / red rule', '红黄绿判定规则'),
    ],
    rows: [
      {
        en: ['New customers', 'Customers placing a first order in the period', 'count of first orders', 'customers', 'Higher is better', 'Sales director', 'CRM, closed-won opportunities', 'Weekly', '400', 'Equal, 1/12 a month', 'Pace-adjusted attainment: green 100% or more, amber 90% to below 100%, red below 90%'],
        zh: ['新增客户数', '本期首次下单的客户数', '首单数量', '家', '越高越好', '销售总监', 'CRM中已成交商机', '每周', '400', '平均分配，每月1/12', '进度达成率：100%及以上为绿，90%至不足100%为黄，低于90%为红'],
      },
    ],
    blankRows: 9,
  },
  {
    id: 'partner-scorecard',
    title: { en: 'Channel partner scorecard', zh: '渠道伙伴评分卡' },
    description: {
      en: 'Score each candidate partner 1–5 on the four qualification criteria; weights are yours to agree (equal in the example).',
      zh: '按四项资质标准给每个候选伙伴打1–5分；权重由团队商定（示例中取相等权重）。',
    },
    chapters: [6],
    columns: [
      col('Partner', '合作伙伴'),
      col('Region', '区域'),
      col('Financial strength (1–5)', '资金实力（1–5）'),
      col('Market coverage (1–5)', '市场覆盖（1–5）'),
      col('Team professionalism (1–5)', '团队专业度（1–5）'),
      col('Service capability (1–5)', '服务能力（1–5）'),
      col('Weighted score', '加权得分'),
      col('Evidence and notes', '依据与备注'),
      col('Decision', '结论'),
    ],
    rows: [
      {
        en: ['Example Trading Co.', 'East', '4', '3', '4', '5', '4.00', 'Turnover 80 million; 120 outlets; 60% of sales staff certified; 24-hour after-sales response', 'Sign for one year, review at six months'],
        zh: ['示例贸易公司', '华东', '4', '3', '4', '5', '4.00', '年营业额8,000万元；网点120个；60%的销售人员持证；售后24小时响应', '签约一年，半年后复评'],
      },
    ],
    blankRows: 9,
  },
  {
    id: 'positioning-statement',
    title: { en: 'Positioning statement', zh: '定位陈述' },
    description: {
      en: 'Fill in one row per target segment, then read the statement aloud: if a competitor could sign it, it is not yet a position.',
      zh: '每个目标细分市场填写一行，再把整句话读出来：如果竞争对手也能签字认可，说明定位还没有形成。',
    },
    chapters: [3, 7],
    columns: [
      col('Target segment (persona)', '目标人群（画像）'),
      col('Need or job to be done', '需求或待完成的任务'),
      col('Brand', '品牌'),
      col('Category', '品类'),
      col('Point of difference', '差异点'),
      col('Reason to believe', '支撑理由'),
      col('Main alternative', '主要替代选择'),
      col('Statement', '定位陈述'),
    ],
    rows: [
      {
        en: ['Women 25–45, middle-to-high income', 'Visible anti-ageing results without a clinic visit', 'Example Brand', 'premium skincare', 'shows measurable results in four weeks', 'clinical test on 200 users', 'Clinic treatments', 'For women 25–45 with middle-to-high income, Example Brand is the premium skincare that shows measurable results in four weeks, because a clinical test on 200 users proved it.'],
        zh: ['25–45岁中高收入女性', '不去医美机构也能看到抗衰效果', '示例品牌', '高端护肤品', '四周见到可测量的效果', '200名用户参与的临床测试', '医美项目', '对25–45岁中高收入女性来说，在高端护肤品中，示例品牌能让人四周见到可测量的效果，因为200名用户参与的临床测试证明了这一点。'],
      },
    ],
    blankRows: 4,
  },
  {
    id: 'sop-skeleton',
    title: { en: 'SOP skeleton', zh: 'SOP框架' },
    description: {
      en: 'The sections every standard operating procedure needs, in order, with what goes in each.',
      zh: '每份标准作业程序都应具备的部分，按顺序排列，并说明每部分写什么。',
    },
    chapters: [11],
    columns: [col('Section', '部分'), col('What to write', '填写内容'), col('Your text', '你的内容'), col('Owner', '责任人')],
    rows: [
      { en: ['Purpose', 'Why the process exists and the result it must deliver', '', ''], zh: ['目的', '流程为什么存在、必须交付什么结果', '', ''] },
      { en: ['Scope', 'Where it starts and ends; what it does not cover', '', ''], zh: ['范围', '从哪里开始、到哪里结束；不包括哪些内容', '', ''] },
      { en: ['Level', 'Strategic, tactical or operational', '', ''], zh: ['层级', '战略级、战术级或操作级', '', ''] },
      { en: ['Roles', 'Process owner and who does each step', '', ''], zh: ['角色', '流程负责人及每一步的执行人', '', ''] },
      { en: ['Inputs', 'What must be ready before the first step', '', ''], zh: ['输入', '第一步开始前必须备好的东西', '', ''] },
      { en: ['Steps', 'Numbered steps: who, what, time limit', '', ''], zh: ['步骤', '按编号列出：谁、做什么、时限', '', ''] },
      { en: ['Compliance checkpoints', 'Mandatory checks built into the steps, such as legal review', '', ''], zh: ['合规检查点', '嵌入步骤的强制检查，例如法务审核', '', ''] },
      { en: ['Outputs', 'What the process hands on, and to whom', '', ''], zh: ['输出', '流程交付什么、交给谁', '', ''] },
      { en: ['Metrics', 'Cycle time, first-pass yield, rework rate and their baselines', '', ''], zh: ['指标', '周期时间、一次通过率、返工率及其基准值', '', ''] },
      { en: ['Checklist and forms', 'The checklist and digital form that carry the steps', '', ''], zh: ['检查清单与表单', '承载各步骤的检查清单和数字化表单', '', ''] },
      { en: ['Version and review date', 'Version number, approver, next quarterly review', '', ''], zh: ['版本与评审日期', '版本号、审批人、下一次季度评审日期', '', ''] },
    ],
    blankRows: 0,
  },
  {
    id: 'action-log',
    title: { en: 'Corrective action log', zh: '整改台账' },
    description: {
      en: 'One log for every corrective action. An action closes only when its effect is verified.',
      zh: '所有纠偏措施统一记在一张台账里。措施只有在效果得到验证后才算关闭。',
    },
    chapters: [13, 14],
    columns: [
      col('ID', '编号'),
      col('Issue', '问题'),
      col('Root cause', '根本原因'),
      col('Action', '措施'),
      col('Owner', '责任人'),
      col('Due date', '完成期限'),
      col('Expected effect on the KPI', '预期对KPI的影响'),
      col('Status', '状态'),
      col('Verified effect', '验证后的实际效果'),
      col('Closed on', '关闭日期'),
    ],
    rows: [
      {
        en: ['A01', 'North region revenue 20% below plan', 'Promotion calendar not shared with distributors', 'Share the calendar monthly; agree stock levels before each promotion', 'Regional manager', '2026-03-31', 'Gap halved within one quarter', 'Open', '', ''],
        zh: ['A01', '北方大区营收低于计划20%', '促销日历没有同步给经销商', '每月同步促销日历；每次促销前商定库存水平', '大区经理', '2026-03-31', '一个季度内缺口减半', '处理中', '', ''],
      },
    ],
    blankRows: 9,
  },
];

const checklistTemplates: Template[] = Object.entries(CHECKLISTS).map(([chapter, items]) => {
  const n = Number(chapter);
  return {
    id: `checklist-${String(n).padStart(2, '0')}`,
    title: { en: `Chapter ${n} checklist`, zh: `第${n}章检查清单` },
    description: {
      en: `The checklist of chapter ${n}: mark each item done, name an owner and a date.`,
      zh: `第${n}章的检查清单：逐项标记是否完成，并写明责任人和日期。`,
    },
    chapters: [n],
    columns: [col('Done (yes/no)', '完成（是／否）'), col('Item', '检查项'), col('Owner', '责任人'), col('Due date', '完成期限'), col('Notes', '备注')],
    rows: items.map((item) => ({ en: ['', item.en, '', '', ''], zh: ['', item.zh, '', '', ''] })),
    blankRows: 0,
  };
});

export const TEMPLATES: Template[] = [...FIXED, ...checklistTemplates];

export type TemplateLang = 'en' | 'zh';

/** Site-absolute path of a template file, before the base is added. */
export const templatePath = (id: string, lang: TemplateLang, format: 'csv' | 'md') => `${lang === 'zh' ? '/zh-cn' : ''}/templates/${id}.${format}`;

/** Templates a chapter links to, its own checklist last. */
export const templatesForChapter = (chapter: number) => TEMPLATES.filter((t) => t.chapters.includes(chapter));

/** The table of a template in one language: header, example rows, blank rows. */
export function templateTable(t: Template, lang: TemplateLang): string[][] {
  const header = t.columns.map((c) => c[lang]);
  for (const row of t.rows) {
    if (row[lang].length !== header.length) throw new Error(`Template ${t.id} (${lang}): a row has ${row[lang].length} cells for ${header.length} columns.`);
  }
  return [header, ...t.rows.map((r) => r[lang]), ...Array.from({ length: t.blankRows }, () => header.map(() => ''))];
}

const quoteCsv = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Chinese correctly), CRLF line ends,
 * RFC 4180 quoting. A cell that a spreadsheet would run as a formula is refused at build time.
 */
export function templateCsv(t: Template, lang: TemplateLang): string {
  const table = templateTable(t, lang);
  for (const cell of table.flat()) {
    if (/^[=+\-@\t\r]/.test(cell)) throw new Error(`Template ${t.id} (${lang}): the cell "${cell}" would start a spreadsheet formula; reword it.`);
  }
  return '\uFEFF' + table.map((row) => row.map(quoteCsv).join(',')).join('\r\n') + '\r\n';
}

const escapeMd = (cell: string) => cell.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** Markdown: title, description, chapter reference and the table (blank cells stay blank). */
export function templateMarkdown(t: Template, lang: TemplateLang): string {
  const [header, ...rows] = templateTable(t, lang);
  const chapters = t.chapters.map((n) => (lang === 'zh' ? `第${n}章` : `chapter ${n}`)).join(lang === 'zh' ? '、' : ', ');
  const source = lang === 'zh' ? `来源：《市场规划实战手册》${chapters}。` : `From the Market Planning Playbook, ${chapters}.`;
  const line = (cells: string[]) => `| ${cells.map(escapeMd).join(' | ')} |`;
  return [
    `# ${t.title[lang]}`,
    '',
    t.description[lang],
    '',
    source,
    '',
    line(header!),
    `|${header!.map(() => ' --- ').join('|')}|`,
    ...rows.map(line),
    '',
  ].join('\n');
}
