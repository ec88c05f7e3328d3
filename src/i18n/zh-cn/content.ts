import type { UiStrings } from '../en';

/** 内容组件（术语表索引、可保存的检查清单、模板、章节链接）的界面文字。 */
export const contentStrings: UiStrings['content'] = {
  chapterRef: '第 {n} 章',
  chapterShort: '第 {n} 章',
  glossary: {
    indexLabel: '索引',
    filterLabel: '筛选术语',
    filterHint: '输入术语或释义中的任意字词。',
    filterCount: '显示 {count} 个术语，共 {total} 个',
    noMatch: '没有与“{query}”匹配的术语。',
    usedIn: '出现于',
    notLinked: '尚无章节链接到此术语',
  },
  checklist: {
    progress: '已完成 {done} 项，共 {total} 项',
    reset: '清除勾选',
    print: '打印清单',
    saved: '勾选状态只保存在本浏览器中。',
    blocked: '本浏览器不允许保存数据，离开页面后勾选状态不会保留。',
  },
  templates: {
    intro: '本章可直接填写的模板：',
    csv: 'CSV（可用电子表格打开）',
    markdown: 'Markdown',
  },
  calculatorPage: {
    title: '{name}计算器',
    description: '{purpose}市场规划实战手册中的免费在线计算器（英文名称：{otherName}）。',
    otherName: '英文名称：{name}',
    purpose: '用途',
    whenToUse: '适用场景',
    formula: '公式',
    variant: '计算口径',
    rule: '手册规则',
    calculator: '计算器',
    inChapter: '所属章节',
    inChapterText: '本计算器属于{chapter}，在该章中紧随实例演算。',
    inChapterNotEmbedded: '本计算器属于{chapter}。',
    allCalculators: '全部计算器',
  },
  calculatorIndex: {
    id: '编号',
    calculator: '计算器',
    purpose: '用途',
    filterLabel: '筛选计算器',
    filterHint: '输入名称、用途中的字词，或编号（如 C05.1）。',
    filterCount: '显示 {count} 个计算器，共 {total} 个',
    noMatch: '没有与“{query}”匹配的计算器。',
  },
};
