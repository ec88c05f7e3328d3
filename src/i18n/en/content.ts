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
};
