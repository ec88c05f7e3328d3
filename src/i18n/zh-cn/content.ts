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
};
