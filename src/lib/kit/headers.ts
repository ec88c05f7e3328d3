/** Header and choice text compared loosely: width, case, spacing, dashes, brackets, `%`, `_` ignored. */
export const normaliseHeader = (h: string) =>
  h.normalize('NFKC').trim().toLowerCase().replace(/[\s_\-\u2010-\u2015\u2212()（）\[\]【】%:：]/g, '');
