/**
 * What each calculator's own page (/calculators/<id>/) and the calculators index say about it, in
 * both languages: its name, a one-line purpose and when to reach for it. Written from the
 * methodology outline (../shared/methodology.md, "### Cxx.y"). Typed by catalog id, so a calculator
 * without its text fails the type check (and test/site/calculator-pages.test.ts).
 */
import type { CalculatorId } from '../catalog';

export interface Bilingual {
  en: string;
  zh: string;
}

export interface CalculatorPageText {
  name: Bilingual;
  purpose: Bilingual;
  whenToUse: Bilingual;
}

export const CALCULATOR_PAGES: Record<CalculatorId, CalculatorPageText> = {
  'C01.1': {
    name: { en: 'Market-share target cascade', zh: '市占率目标分解' },
    purpose: {
      en: 'Turns a market-share goal into yearly revenue targets, quarterly milestones and department targets.',
      zh: '把市场份额目标分解为逐年收入目标、季度里程碑和部门指标。',
    },
    whenToUse: {
      en: 'When you set the strategic plan and need the share goal expressed as revenue each year, quarter and team is accountable for.',
      zh: '制定战略规划时使用：把份额目标换算成每年、每季度、每个团队要承担的收入。',
    },
  },
  'C01.2': {
    name: { en: 'Milestone tracker', zh: '阶段里程碑追踪' },
    purpose: {
      en: 'Tracks quarterly targets against actuals, with year-to-date attainment, a run-rate forecast and the pace still needed.',
      zh: '对照季度目标跟踪实际完成，给出年累计达成率、按进度推算的全年预测和剩余季度所需完成额。',
    },
    whenToUse: {
      en: 'At every quarterly review, to see whether the year is on track and what the remaining quarters must deliver.',
      zh: '每次季度复盘时使用，判断全年是否在轨，以及剩余季度需要完成多少。',
    },
  },
  'C02.1': {
    name: { en: 'Market concentration: CR-n and HHI', zh: '行业集中度（CR-n 与 HHI）' },
    purpose: {
      en: 'Measures how concentrated a market is from the firms’ shares: CR-n, the HHI and the equivalent number of equal firms.',
      zh: '根据各企业份额测算市场集中程度：CR-n、赫芬达尔指数（HHI）及等效企业数。',
    },
    whenToUse: {
      en: 'When you assess the competitive landscape before entering or expanding in a market; CR5 above 60% calls for a close study of rivals.',
      zh: '进入或扩张某一市场前评估竞争格局时使用；CR5 超过 60% 时需深入研究主要对手。',
    },
  },
  'C02.2': {
    name: { en: 'Growth and CAGR projector', zh: '增长率与复合增长测算' },
    purpose: {
      en: 'Computes a compound annual growth rate from two values, or projects a value forward at a given rate, with the doubling time.',
      zh: '由起止数值计算年复合增长率，或按给定增长率向前推算，并给出翻倍所需年数。',
    },
    whenToUse: {
      en: 'When you judge a market trend or need a multi-year projection for sizing and targets.',
      zh: '研判市场趋势，或为规模测算和目标设定做多年预测时使用。',
    },
  },
  'C02.3': {
    name: { en: 'Environment and competitive-forces scorer', zh: 'PEST 与竞争力量评分' },
    purpose: {
      en: 'Scores PEST factors into net opportunities and threats per dimension and rates the five competitive forces.',
      zh: '对 PEST 因素打分，得出各维度的净机会或净威胁，并评估五种竞争力量的强度。',
    },
    whenToUse: {
      en: 'During the environment scan, to turn a list of factors into a weighted view of where the pressure comes from.',
      zh: '开展环境扫描时使用，把零散的因素清单变成有权重的判断，看清压力来自哪里。',
    },
  },
  'C03.1': {
    name: { en: 'Segment sizing: TAM / SAM / SOM', zh: '细分市场规模测算（TAM / SAM / SOM）' },
    purpose: {
      en: 'Sizes a segment from population, filters, penetration, frequency and price into TAM, SAM and SOM, with a projection and a sensitivity tornado.',
      zh: '由人口、筛选比例、渗透率、购买频次和价格测算细分市场的 TAM、SAM 和 SOM，并给出逐年预测和敏感性龙卷风图。',
    },
    whenToUse: {
      en: 'When you evaluate a candidate segment and need to know how big the obtainable market is and which assumption matters most.',
      zh: '评估候选细分市场时使用，了解可获得市场有多大、哪个假设影响最大。',
    },
  },
  'C03.2': {
    name: { en: 'Segment attractiveness and selection matrix', zh: '目标市场评估与选择' },
    purpose: {
      en: 'Scores segments on size, growth, competition and fit, ranks them and places them on an attractiveness versus ability-to-win matrix.',
      zh: '从规模、增长、竞争和资源匹配度为细分市场打分排序，并放入“市场吸引力—竞争能力”矩阵。',
    },
    whenToUse: {
      en: 'When you choose which segments to target and need a transparent, weighted comparison rather than a gut call.',
      zh: '选择目标细分市场时使用，用透明的加权比较代替凭感觉拍板。',
    },
  },
  'C03.3': {
    name: { en: 'Data-driven segmentation (k-means)', zh: '聚类细分（k-means）' },
    purpose: {
      en: 'Groups customers or survey respondents into clusters with k-means, with cluster profiles, an elbow chart and the silhouette score.',
      zh: '用 k-means 把客户或调研样本分群，给出各群画像、肘部图和轮廓系数。',
    },
    whenToUse: {
      en: 'When you have customer or survey data and want segments that come from the data rather than from assumptions.',
      zh: '手头有客户或调研数据、希望细分结果来自数据而非假设时使用。',
    },
  },
  'C04.1': {
    name: { en: 'BCG matrix and resource check', zh: '波士顿矩阵与资源配置' },
    purpose: {
      en: 'Places products in the BCG matrix by growth and relative share and checks that Stars and Cash Cows receive 70% of resources.',
      zh: '按市场增长率和相对市场份额把产品放入波士顿矩阵，并检查明星和现金牛产品是否获得 70% 的资源。',
    },
    whenToUse: {
      en: 'At the portfolio review, to decide which products to fund, fix or exit.',
      zh: '产品组合评审时使用，决定哪些产品加大投入、限期改进或退出。',
    },
  },
  'C04.2': {
    name: { en: 'Contribution-margin screen and 30/40/30 mix', zh: '边际贡献筛选与组合配比' },
    purpose: {
      en: 'Screens product lines by contribution-margin rate and checks the portfolio margin and the 30/40/30 mix of cash, growth and R&D lines.',
      zh: '按边际贡献率筛选产品线，并检查组合整体贡献率以及现金流、增长、前瞻研发 30/40/30 的配比。',
    },
    whenToUse: {
      en: 'When you prune or rebalance the product line-up and need to know which lines earn their place.',
      zh: '精简或调整产品线时使用，判断哪些产品线值得保留。',
    },
  },
  'C04.3': {
    name: { en: 'Stage-gate concept NPS and development plan', zh: '阶段门径 NPS 与开发周期' },
    purpose: {
      en: 'Computes a concept test’s NPS with its confidence interval, gives the gate verdict and checks the development timeline.',
      zh: '计算概念测试的 NPS 及其置信区间，给出门径评审结论，并检查开发周期。',
    },
    whenToUse: {
      en: 'At a stage gate, when a new product concept must prove customer interest before more money goes in.',
      zh: '新产品概念在阶段门径评审、需要先证明客户兴趣再追加投入时使用。',
    },
  },
  'C05.1': {
    name: { en: 'Cost-plus price and break-even', zh: '成本加成定价与盈亏平衡' },
    purpose: {
      en: 'Builds a price from full unit cost, then shows the contribution margin, break-even volume, target-profit volume and margin of safety.',
      zh: '由单位完全成本推出价格，并给出边际贡献、盈亏平衡销量、目标利润销量和安全边际。',
    },
    whenToUse: {
      en: 'When you set or check a price that must cover full cost plus the target profit.',
      zh: '制定或复核一个必须覆盖完全成本并实现目标利润的价格时使用。',
    },
  },
  'C05.2': {
    name: { en: 'Price elasticity and optimal price', zh: '价格弹性测试与最优定价' },
    purpose: {
      en: 'Reads an A/B price test: elasticity, its significance, revenue and contribution per arm, and the price that maximizes profit.',
      zh: '解读 A/B 价格测试：价格弹性及其显著性、各组收入与边际贡献，以及利润最大化的价格。',
    },
    whenToUse: {
      en: 'Before a full price change, after a small price test, to see how demand reacts and which price pays best.',
      zh: '全面调价之前、完成小范围价格测试之后使用，看清需求反应和最优价格。',
    },
  },
  'C05.3': {
    name: { en: 'Discount and price-adjustment planner', zh: '折扣促销与调价机制' },
    purpose: {
      en: 'Shows the volume a price cut must win, checks volume-discount tiers, indexes contract prices and tests a good–better–best line-up.',
      zh: '测算降价需要多少销量增长来弥补，检查数量折扣阶梯，计算合同价格联动，并检验高中低档价格设置。',
    },
    whenToUse: {
      en: 'When you plan a promotion, a discount scheme or a price adjustment clause.',
      zh: '策划促销、设计折扣方案或拟定调价条款时使用。',
    },
  },
  'C06.1': {
    name: { en: 'Channel ROI, CAC and LTV comparison', zh: '渠道投入产出与客户终身价值' },
    purpose: {
      en: 'Compares channels on sales per unit of cost, ROI, acquisition cost, customer lifetime value and payback.',
      zh: '从单位投入产出、投资回报率、获客成本、客户终身价值和回本周期比较各渠道。',
    },
    whenToUse: {
      en: 'When you decide where to build or expand channels and how to split the channel budget.',
      zh: '决定在哪些渠道建设或扩张、如何分配渠道预算时使用。',
    },
  },
  'C06.2': {
    name: { en: 'Partner scorecard and tiered rebate', zh: '渠道伙伴评估与阶梯返利' },
    purpose: {
      en: 'Scores and ranks channel partners on weighted criteria and computes their tiered rebate from target attainment.',
      zh: '按加权指标为渠道伙伴打分排名，并根据目标达成率计算阶梯返利。',
    },
    whenToUse: {
      en: 'When you select partners or run the quarterly and annual partner review.',
      zh: '甄选渠道伙伴或开展季度、年度伙伴考核时使用。',
    },
  },
  'C07.1': {
    name: { en: 'Brand health tracker', zh: '品牌健康度追踪' },
    purpose: {
      en: 'Tracks unaided recall and NPS across survey waves, with confidence intervals and a test of whether the change is real.',
      zh: '跨调研波次跟踪无提示回忆率和 NPS，给出置信区间，并检验变化是否真实显著。',
    },
    whenToUse: {
      en: 'After each brand survey wave, to tell a real change in awareness or loyalty from sampling noise.',
      zh: '每一波品牌调研后使用，区分知名度或忠诚度的真实变化与抽样误差。',
    },
  },
  'C07.2': {
    name: { en: 'IMC campaign metrics', zh: '整合营销传播效果' },
    purpose: {
      en: 'Computes CTR, conversion rate, CPM, CPC, CPA and ROAS per channel and suggests where to move budget.',
      zh: '按渠道计算点击率、转化率、千次展示成本、单次点击成本、单次转化成本和广告支出回报，并提示预算调整方向。',
    },
    whenToUse: {
      en: 'During and after a campaign, to optimize the media mix on conversion and click-through data.',
      zh: '传播活动进行中和结束后使用，依据转化和点击数据优化媒介组合。',
    },
  },
  'C08.1': {
    name: { en: 'RFM scorer', zh: 'RFM 客户价值分层' },
    purpose: {
      en: 'Scores customers on recency, frequency and monetary value, assigns segments and shows each segment’s share of revenue.',
      zh: '按最近一次消费、消费频次和消费金额为客户打分，划分客户群，并显示各群的收入占比。',
    },
    whenToUse: {
      en: 'When you segment an existing customer base for targeted campaigns or as the input to customer tiering.',
      zh: '为精准营销细分现有客户，或为客户分级准备输入数据时使用。',
    },
  },
  'C08.2': {
    name: { en: 'Funnel, uplift and A/B sample size', zh: '转化漏斗与提升检验' },
    purpose: {
      en: 'Finds the biggest drop-off in a conversion funnel, sizes an A/B test and checks whether an observed uplift is significant.',
      zh: '找出转化漏斗中流失最大的环节，测算 A/B 测试所需样本量，并检验观察到的提升是否显著。',
    },
    whenToUse: {
      en: 'When you plan or read a digital experiment, or look for the funnel step to fix first.',
      zh: '策划或解读数字化实验，或寻找最该优先改进的漏斗环节时使用。',
    },
  },
  'C08.3': {
    name: { en: 'Multi-touch attribution', zh: '多触点归因' },
    purpose: {
      en: 'Credits conversions and value to channels under last-touch, first-touch, linear, time-decay and position-based models.',
      zh: '按末次触点、首次触点、线性、时间衰减和位置加权等模型，把转化和价值分配给各渠道。',
    },
    whenToUse: {
      en: 'When customers touch several channels before buying and you need a fair view of each channel’s contribution.',
      zh: '客户购买前接触多个渠道、需要公平评估各渠道贡献时使用。',
    },
  },
  'C09.1': {
    name: { en: 'Tiered commission and team bonus', zh: '阶梯提成与团队奖金' },
    purpose: {
      en: 'Computes a salesperson’s tiered commission, effective and marginal rates, and the team bonus when the team goal is met.',
      zh: '计算销售人员的阶梯提成、实际提成率和边际提成率，以及团队目标达成时的团队奖金。',
    },
    whenToUse: {
      en: 'When you design or check a sales incentive plan, or explain a payout to the team.',
      zh: '设计或核对销售激励方案，或向团队解释奖金计算时使用。',
    },
  },
  'C09.2': {
    name: { en: 'KPI weighted scorecard with 360° feedback', zh: '销售绩效考核评分' },
    purpose: {
      en: 'Scores a salesperson on weighted hard and soft KPIs with caps, checks the weight rules and adds a 360° composite.',
      zh: '按硬指标和软指标的权重及封顶规则为销售人员评分，检查权重规则，并合成 360 度评价。',
    },
    whenToUse: {
      en: 'At the performance review, to turn targets and feedback into one defensible score.',
      zh: '绩效考核时使用，把目标完成情况和多方反馈汇总成一个有据可依的分数。',
    },
  },
  'C10.1': {
    name: { en: 'Customer tiering with upgrade and downgrade rules', zh: '客户分级与升降级' },
    purpose: {
      en: 'Scores customers on value, strategic importance and growth potential, assigns VIP, potential or basic tiers and flags upgrades and downgrades.',
      zh: '从价值、战略重要性和成长潜力为客户评分，划分为 VIP、潜力和基础客户，并提示升级与降级。',
    },
    whenToUse: {
      en: 'At the quarterly customer review, to decide who gets which level of service.',
      zh: '每季度客户盘点时使用，决定不同客户享受哪一级服务。',
    },
  },
  'C10.2': {
    name: { en: 'Customer lifetime value', zh: '客户生命周期价值' },
    purpose: {
      en: 'Computes discounted customer lifetime value from order value, frequency, margin and retention, with CLV/CAC and the payback year.',
      zh: '由客单价、购买频次、毛利率和留存率计算折现后的客户生命周期价值，并给出 CLV/CAC 和回本年份。',
    },
    whenToUse: {
      en: 'When you decide how much a customer is worth acquiring or keeping, or compare acquisition channels.',
      zh: '判断获取或留住一位客户值得投入多少，或比较获客渠道时使用。',
    },
  },
  'C10.3': {
    name: { en: 'Churn early-warning score', zh: '流失预警评分' },
    purpose: {
      en: 'Combines twelve warning indicators into a churn-risk score, a risk band and the win-back step to take.',
      zh: '把十二项预警指标合成客户流失风险分，划分风险等级，并给出对应的挽回措施。',
    },
    whenToUse: {
      en: 'Regularly for key accounts, to spot customers drifting away while there is still time to act.',
      zh: '定期用于重点客户，趁仍有时间采取行动时发现正在流失的客户。',
    },
  },
  'C11.1': {
    name: { en: 'Process time and quality metrics', zh: '流程时效与质量评估' },
    purpose: {
      en: 'Measures a process’s lead time, cycle efficiency, non-value-added share, first-pass and rolled yield, rework and slowest step.',
      zh: '测量流程的总周期、流程周期效率、非增值占比、一次通过率、累计直通率、返工率和最慢环节。',
    },
    whenToUse: {
      en: 'When you diagnose a process before improving it, and again afterwards to prove the gain.',
      zh: '改进流程前做诊断时使用，改进后再用一次以证明成效。',
    },
  },
  'C11.2': {
    name: { en: 'Before/after cost–benefit and ROI', zh: '流程优化成本效益' },
    purpose: {
      en: 'Compares cost per task before and after a process change and gives the monthly saving, ROI and payback month.',
      zh: '比较流程改进前后的单任务成本，给出每月节约、投资回报率和回本月份。',
    },
    whenToUse: {
      en: 'When you build the business case for a process or tooling change, or check one after roll-out.',
      zh: '为流程或工具改进论证投入，或在推行后复核效果时使用。',
    },
  },
  'C12.1': {
    name: { en: 'Budget allocator', zh: '预算分配器' },
    purpose: {
      en: 'Allocates a budget across lines by priority score, fixed shares or marginal return, within floors and ceilings, with approval levels and rule checks.',
      zh: '按优先级得分、固定比例或边际回报在下限与上限之间分配预算，并给出审批层级和规则检查。',
    },
    whenToUse: {
      en: 'When you set the annual or cycle budget and need an allocation you can explain and defend.',
      zh: '编制年度或周期预算、需要一个说得清、站得住的分配方案时使用。',
    },
  },
  'C12.2': {
    name: { en: 'Budget-vs-actual variance monitor', zh: '预算执行偏差监控' },
    purpose: {
      en: 'Compares spend to date with the phased budget, flags overspend above 10% and forecasts the year-end variance.',
      zh: '将累计支出与分期预算对比，对超支 10% 以上发出预警，并预测年末偏差。',
    },
    whenToUse: {
      en: 'At each monthly or quarterly budget review, to find the lines that need an explanation and a fix.',
      zh: '每月或每季度预算执行复盘时使用，找出需要说明原因并纠偏的科目。',
    },
  },
  'C12.3': {
    name: { en: 'Resource efficiency and reallocation', zh: '资源使用效率与闭环调整' },
    purpose: {
      en: 'Ranks budget lines by ROI, utilization and cost saving and suggests shifting money from the weakest quartile to the strongest.',
      zh: '按投资回报率、利用率和成本节约率为预算科目排名，并建议把资金从表现最差的四分位转向最好的四分位。',
    },
    whenToUse: {
      en: 'At the end of a cycle, to feed what worked into the next allocation.',
      zh: '一个周期结束时使用，把有效的做法带入下一轮预算分配。',
    },
  },
  'C13.1': {
    name: { en: '5 × 5 risk matrix', zh: '风险概率影响矩阵' },
    purpose: {
      en: 'Rates each risk’s probability and impact on five levels, scores and bands it, and ranks the register by score and expected loss.',
      zh: '按五级标准评定每项风险的发生概率和影响程度，计算分值并分级，再按分值和预期损失对风险清单排序。',
    },
    whenToUse: {
      en: 'When you build or refresh the risk register and must decide which risks need a plan first.',
      zh: '建立或更新风险清单、需要决定哪些风险优先制定预案时使用。',
    },
  },
  'C13.2': {
    name: { en: 'Raw-material stress test', zh: '原材料价格压力测试' },
    purpose: {
      en: 'Tests a raw-material price shock (default +50%) against margin, profit and break-even, with pass-through, elasticity and cash runway.',
      zh: '测试原材料价格冲击（默认上涨 50%）对毛利、利润和盈亏平衡的影响，并考虑价格传导、需求弹性和现金可支撑时间。',
    },
    whenToUse: {
      en: 'When input costs are volatile, to know how large a shock the business can absorb and how long cash lasts.',
      zh: '原材料成本波动较大时使用，了解企业能承受多大冲击、现金能支撑多久。',
    },
  },
  'C13.3': {
    name: { en: 'Red / yellow / blue early-warning classifier', zh: '红黄蓝三级预警' },
    purpose: {
      en: 'Classifies warning indicators as blue, yellow or red, says who may act, and tracks the two-hour escalation clock for red.',
      zh: '把预警指标判定为蓝色、黄色或红色预警，明确谁有权处置，并跟踪红色预警 2 小时内上报的时限。',
    },
    whenToUse: {
      en: 'When you run the early-warning dashboard and need consistent levels and decision rights.',
      zh: '运行预警看板、需要统一预警级别和决策权限时使用。',
    },
  },
  'C14.1': {
    name: { en: 'KPI attainment and RAG dashboard', zh: 'KPI 达成看板' },
    purpose: {
      en: 'Shows each KPI’s attainment, pace-adjusted attainment, run-rate forecast and red, amber or green status.',
      zh: '显示每项 KPI 的达成率、按时间进度调整后的达成率、按当前速度推算的预测值，以及红黄绿状态。',
    },
    whenToUse: {
      en: 'At every progress review, to see which KPIs are off pace before the period ends.',
      zh: '每次进度检查时使用，在周期结束前发现落后于进度的 KPI。',
    },
  },
  'C14.2': {
    name: { en: 'XmR control chart', zh: '过程控制图（XmR）' },
    purpose: {
      en: 'Draws an XmR control chart with limits from a baseline period and flags points beyond the limits and runs of eight.',
      zh: '绘制 XmR 控制图，控制限取自基准期，并标出超出控制限的点和连续 8 点位于同一侧的情况。',
    },
    whenToUse: {
      en: 'When you track a KPI over time and need to tell a real change after an improvement from ordinary variation.',
      zh: '长期跟踪某项 KPI、需要区分改进带来的真实变化与正常波动时使用。',
    },
  },
};

/** A calculator's URL segment: `C05.1` → `c05-1`. */
export const calculatorSlug = (id: string): string => id.toLowerCase().replace('.', '-');

/** The site-absolute path (without the base) of a calculator's own page in one language. */
export const calculatorPagePath = (id: string, lang: 'en' | 'zh'): string =>
  `${lang === 'zh' ? '/zh-cn' : ''}/calculators/${calculatorSlug(id)}/`;

/** The chapter a calculator belongs to, from its id (`C05.1` → chapter 5). */
export const chapterNumberOf = (id: string): number => Number(id.slice(1, 3));
