/**
 * Further reading per chapter: the standard works behind each chapter's methods, as plain citations
 * (nothing is loaded from another site). `why` says in one line what the work is for, in both languages.
 */
export interface Reading {
  authors: string;
  title: string;
  /** Publisher, or journal with issue. */
  publisher: string;
  year: number;
  why: { en: string; zh: string };
}

const porterStrategy: Reading = {
  authors: 'Michael E. Porter',
  title: 'Competitive Strategy: Techniques for Analyzing Industries and Competitors',
  publisher: 'Free Press',
  year: 1980,
  why: { en: 'the five forces and generic strategies', zh: '五力模型与基本竞争战略' },
};
const kaplanNorton: Reading = {
  authors: 'Robert S. Kaplan and David P. Norton',
  title: 'The Balanced Scorecard: Translating Strategy into Action',
  publisher: 'Harvard Business School Press',
  year: 1996,
  why: { en: 'linking strategy to measures and targets', zh: '把战略与衡量指标和目标连接起来' },
};
const kotlerKeller: Reading = {
  authors: 'Philip Kotler and Kevin Lane Keller',
  title: 'Marketing Management, 15th edition',
  publisher: 'Pearson',
  year: 2016,
  why: { en: 'segmentation, targeting, positioning and the marketing plan', zh: '市场细分、目标市场选择、定位与营销计划' },
};
const hughes: Reading = {
  authors: 'Arthur M. Hughes',
  title: 'Strategic Database Marketing, 4th edition',
  publisher: 'McGraw-Hill',
  year: 2012,
  why: { en: 'RFM analysis and customer lifetime value', zh: 'RFM分析与客户生命周期价值' },
};
const reichheldNps: Reading = {
  authors: 'Frederick F. Reichheld',
  title: 'The One Number You Need to Grow (Harvard Business Review, December 2003)',
  publisher: 'Harvard Business School Publishing',
  year: 2003,
  why: { en: 'the origin of the net promoter score', zh: '净推荐值（NPS）的出处' },
};
const wheeler: Reading = {
  authors: 'Donald J. Wheeler',
  title: 'Understanding Variation: The Key to Managing Chaos, 2nd edition',
  publisher: 'SPC Press',
  year: 2000,
  why: { en: 'XmR control charts for management data', zh: '用XmR控制图解读经营数据' },
};

export const READING: Record<number, Reading[]> = {
  1: [
    porterStrategy,
    { authors: 'Malcolm McDonald and Hugh Wilson', title: 'Marketing Plans: How to Prepare Them, How to Profit from Them, 8th edition', publisher: 'Wiley', year: 2016, why: { en: 'the market-planning process step by step', zh: '市场规划的完整流程' } },
    kaplanNorton,
  ],
  2: [
    porterStrategy,
    { authors: 'Francis J. Aguilar', title: 'Scanning the Business Environment', publisher: 'Macmillan', year: 1967, why: { en: 'the origin of environmental scanning (PEST)', zh: '环境扫描（PEST）方法的源头' } },
    { authors: 'U.S. Department of Justice and Federal Trade Commission', title: 'Merger Guidelines', publisher: 'U.S. Department of Justice', year: 2023, why: { en: 'the current HHI bands (the 2010 Horizontal Merger Guidelines give the earlier ones)', zh: '现行的HHI分档（2010年《横向并购指南》为旧分档）' } },
  ],
  3: [
    kotlerKeller,
    { authors: 'Al Ries and Jack Trout', title: 'Positioning: The Battle for Your Mind', publisher: 'McGraw-Hill', year: 1981, why: { en: 'positioning as a place in the customer\u2019s mind', zh: '定位即在顾客心智中占据位置' } },
    { authors: 'Wendell R. Smith', title: 'Product Differentiation and Market Segmentation as Alternative Marketing Strategies (Journal of Marketing, vol. 21, no. 1)', publisher: 'American Marketing Association', year: 1956, why: { en: 'the paper that introduced market segmentation', zh: '提出市场细分概念的论文' } },
  ],
  4: [
    { authors: 'Robert G. Cooper', title: 'Winning at New Products: Creating Value Through Innovation, 5th edition', publisher: 'Basic Books', year: 2017, why: { en: 'the Stage-Gate system and its five gates', zh: '门径管理体系及其五个关口' } },
    { authors: 'Bruce D. Henderson', title: 'The Product Portfolio (BCG Perspectives)', publisher: 'Boston Consulting Group', year: 1970, why: { en: 'the growth-share (BCG) matrix', zh: '波士顿矩阵（增长率—份额矩阵）' } },
    reichheldNps,
    { authors: 'Eric Ries', title: 'The Lean Startup', publisher: 'Crown Business', year: 2011, why: { en: 'the minimum viable product', zh: '最小可行产品（MVP）' } },
  ],
  5: [
    { authors: 'Thomas T. Nagle and Georg Müller', title: 'The Strategy and Tactics of Pricing, 6th edition', publisher: 'Routledge', year: 2018, why: { en: 'value-based pricing and price policy', zh: '基于价值的定价与价格政策' } },
    { authors: 'Hermann Simon', title: 'Confessions of the Pricing Man', publisher: 'Springer', year: 2015, why: { en: 'price elasticity and price changes in practice', zh: '价格弹性与调价实务' } },
  ],
  6: [
    { authors: 'Anne T. Coughlan, Erin Anderson, Louis W. Stern and Adel I. El-Ansary', title: 'Marketing Channels, 7th edition', publisher: 'Pearson Prentice Hall', year: 2006, why: { en: 'channel design, partner selection and channel conflict', zh: '渠道设计、伙伴选择与渠道冲突' } },
    { authors: 'V. Kasturi Rangan', title: 'Transforming Your Go-to-Market Strategy', publisher: 'Harvard Business School Press', year: 2006, why: { en: 'designing channels around the customer\u2019s buying path', zh: '围绕客户购买路径设计渠道' } },
  ],
  7: [
    { authors: 'Kevin Lane Keller', title: 'Strategic Brand Management, 4th edition', publisher: 'Pearson', year: 2013, why: { en: 'customer-based brand equity and brand tracking', zh: '基于顾客的品牌资产与品牌追踪' } },
    { authors: 'David A. Aaker', title: 'Managing Brand Equity', publisher: 'Free Press', year: 1991, why: { en: 'awareness, associations and loyalty as brand assets', zh: '知名度、联想与忠诚度作为品牌资产' } },
    { authors: 'Byron Sharp', title: 'How Brands Grow', publisher: 'Oxford University Press', year: 2010, why: { en: 'evidence on reach, penetration and loyalty', zh: '关于覆盖、渗透与忠诚的实证研究' } },
  ],
  8: [
    hughes,
    { authors: 'Ron Kohavi, Diane Tang and Ya Xu', title: 'Trustworthy Online Controlled Experiments: A Practical Guide to A/B Testing', publisher: 'Cambridge University Press', year: 2020, why: { en: 'A/B tests, significance and reporting lift honestly', zh: 'A/B测试、显著性与如实报告提升效果' } },
  ],
  9: [
    { authors: 'Andris A. Zoltners, Prabhakant Sinha and Greggor A. Zoltners', title: 'The Complete Guide to Accelerating Sales Force Performance', publisher: 'AMACOM', year: 2001, why: { en: 'sales force design, territories and incentive plans', zh: '销售队伍设计、区域划分与激励方案' } },
    { authors: 'Neil Rackham', title: 'SPIN Selling', publisher: 'McGraw-Hill', year: 1988, why: { en: 'research-based consultative selling', zh: '基于研究的顾问式销售' } },
  ],
  10: [
    { authors: 'Frederick F. Reichheld', title: 'The Loyalty Effect', publisher: 'Harvard Business School Press', year: 1996, why: { en: 'why retention drives profit', zh: '客户留存为何决定利润' } },
    { authors: 'Clayton M. Christensen, Taddy Hall, Karen Dillon and David S. Duncan', title: 'Competing Against Luck: The Story of Innovation and Customer Choice', publisher: 'Harper Business', year: 2016, why: { en: 'jobs to be done', zh: '待完成的任务（JTBD）' } },
    { authors: 'Sunil Gupta and Donald R. Lehmann', title: 'Managing Customers as Investments', publisher: 'Wharton School Publishing', year: 2005, why: { en: 'customer lifetime value with retention and discounting', zh: '考虑留存率与折现的客户生命周期价值' } },
    hughes,
  ],
  11: [
    { authors: 'James P. Womack and Daniel T. Jones', title: 'Lean Thinking', publisher: 'Simon & Schuster', year: 1996, why: { en: 'value, flow and removing waste', zh: '价值、流动与消除浪费' } },
    { authors: 'Mike Rother and John Shook', title: 'Learning to See', publisher: 'Lean Enterprise Institute', year: 1998, why: { en: 'value-stream maps: processing time versus waiting time', zh: '价值流图：处理时间与等待时间' } },
  ],
  12: [
    { authors: 'Jeremy Hope and Robin Fraser', title: 'Beyond Budgeting', publisher: 'Harvard Business School Press', year: 2003, why: { en: 'flexible resource allocation and rolling forecasts', zh: '弹性资源配置与滚动预测' } },
    { authors: 'Peter A. Pyhrr', title: 'Zero-Base Budgeting', publisher: 'Wiley', year: 1973, why: { en: 'ranking spending requests by priority', zh: '按优先级为支出申请排序' } },
  ],
  13: [
    { authors: 'International Organization for Standardization', title: 'ISO 31000:2018 Risk management: Guidelines', publisher: 'ISO', year: 2018, why: { en: 'the risk-management process and vocabulary', zh: '风险管理流程与术语' } },
    { authors: 'COSO', title: 'Enterprise Risk Management: Integrating with Strategy and Performance', publisher: 'Committee of Sponsoring Organizations of the Treadway Commission', year: 2017, why: { en: 'risk registers, appetite and reporting', zh: '风险清单、风险偏好与风险报告' } },
    { authors: 'Nassim Nicholas Taleb', title: 'The Black Swan', publisher: 'Random House', year: 2007, why: { en: 'rare events with extreme impact', zh: '罕见而影响极大的事件' } },
  ],
  14: [
    wheeler,
    { authors: 'W. Edwards Deming', title: 'Out of the Crisis', publisher: 'MIT Press', year: 1986, why: { en: 'the PDCA cycle and management by facts', zh: 'PDCA循环与用事实管理' } },
    kaplanNorton,
  ],
};
