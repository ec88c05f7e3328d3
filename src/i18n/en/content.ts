/** Strings of the content components (glossary index, saved checklists, templates, chapter links), in English. */
export const contentStrings = {
  chapterRef: 'Chapter {n}',
  chapterShort: 'Ch. {n}',
  glossary: {
    indexLabel: 'Index',
    filterLabel: 'Filter the glossary',
    filterHint: 'Type part of a term or its definition.',
    filterCount: '{count} of {total} terms shown',
    noMatch: 'No term matches “{query}”.',
    usedIn: 'Used in',
    notLinked: 'Not yet linked from a chapter',
  },
  checklist: {
    progress: '{done} of {total} done',
    reset: 'Clear ticks',
    print: 'Print checklist',
    saved: 'Your ticks are kept in this browser only.',
    blocked: 'This browser does not allow saving, so ticks last until you leave the page.',
  },
  templates: {
    intro: 'Templates for this chapter, ready to fill in:',
    csv: 'CSV for spreadsheets',
    markdown: 'Markdown',
  },
  calculatorPage: {
    /** The page title: the calculator's name. */
    title: '{name} calculator',
    description: '{purpose} Free calculator from the Market Planning Playbook (in Chinese: {otherName}).',
    otherName: 'In Chinese: {name}',
    purpose: 'What it does',
    whenToUse: 'When to use it',
    formula: 'Formula',
    variant: 'Variant',
    rule: 'The playbook’s rule',
    calculator: 'The calculator',
    inChapter: 'In the playbook',
    inChapterText: 'This calculator belongs to {chapter}, where it sits next to the worked example.',
    inChapterNotEmbedded: 'This calculator belongs to {chapter}.',
    allCalculators: 'All calculators',
  },
  calculatorIndex: {
    id: 'ID',
    calculator: 'Calculator',
    purpose: 'What it does',
    /** After the name of a calculator without a page yet, spacing and brackets included. */
    filterLabel: 'Filter the calculators',
    filterHint: 'Type part of a name, a purpose or an id such as C05.1.',
    filterCount: '{count} of {total} calculators shown',
    noMatch: 'No calculator matches “{query}”.',
  },
};
