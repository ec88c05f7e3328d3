/**
 * How the glossary is ordered, grouped and cross-referenced, shared by the glossary component and
 * the route middleware that lists the letter groups under "On this page".
 *
 * - English terms are grouped A–Z by their first letter.
 * - Chinese terms are sorted in pinyin order (ICU's `co-pinyin` collation) and grouped by the pinyin
 *   initial of their first character. ICU gives no "initial letter" API, so the initial is found by
 *   comparing the character with the first character of each letter in pinyin order (阿 is the first
 *   A syllable, 八 the first B, …). Terms that start with Latin letters (KPI, RFM) use that letter.
 * - The chapters listed under a term are the chapters whose source actually links to `glossary/#<id>`,
 *   so the list cannot drift from the text.
 */
import glossary from './glossary.json';

export type GlossaryEntry = (typeof glossary)[number];
export type GlossaryLang = 'en' | 'zh';

const DIGITS = '0–9';
const PINYIN_LETTERS = 'ABCDEFGHJKLMNOPQRSTWXYZ';
const PINYIN_FIRSTS = '阿八嚓哒妸发旮哈讥咔垃妈拏噢妑七呥仨他屲夕丫帀';

const collators = {
  en: new Intl.Collator('en', { sensitivity: 'base', numeric: true }),
  zh: new Intl.Collator('zh-CN-u-co-pinyin', { numeric: true }),
};

/** The index letter a term is filed under; '0–9' for a term that starts with a digit (360-degree feedback). */
export function indexLetter(term: string, lang: GlossaryLang): string {
  const first = term.trim().charAt(0);
  if (/[0-9]/.test(first)) return DIGITS;
  if (/[a-z]/i.test(first)) return first.toUpperCase();
  if (lang === 'zh' && /\p{Script=Han}/u.test(first)) {
    let letter = '#';
    for (let i = 0; i < PINYIN_FIRSTS.length; i++) {
      if (collators.zh.compare(first, PINYIN_FIRSTS[i]!) >= 0) letter = PINYIN_LETTERS[i]!;
    }
    return letter;
  }
  return '#';
}

export interface LetterGroup {
  letter: string;
  /** Anchor id of the group heading, e.g. `letter-b`. */
  id: string;
  entries: GlossaryEntry[];
}

/** The glossary in index order, grouped by letter (A–Z in English, pinyin initials in Chinese). */
export function letterGroups(lang: GlossaryLang, entries: GlossaryEntry[] = glossary): LetterGroup[] {
  const sorted = [...entries].sort((a, b) => collators[lang].compare(a[lang].term, b[lang].term));
  const groups: LetterGroup[] = [];
  for (const entry of sorted) {
    const letter = indexLetter(entry[lang].term, lang);
    let group = groups.find((g) => g.letter === letter);
    if (!group) {
      const slug = letter === DIGITS ? 'digits' : letter === '#' ? 'other' : letter.toLowerCase();
      group = { letter, id: `letter-${slug}`, entries: [] };
      groups.push(group);
    }
    group.entries.push(entry);
  }
  const rank = (letter: string) => (letter === DIGITS ? 0 : letter === '#' ? 2 : 1);
  return groups.sort((a, b) => rank(a.letter) - rank(b.letter) || a.letter.localeCompare(b.letter));
}

/** Term id → sorted chapter numbers whose text links to `glossary/#<id>`. */
export function chaptersLinkingTo(chapters: { chapter: number; body: string }[]): Map<string, number[]> {
  const found = new Map<string, Set<number>>();
  for (const { chapter, body } of chapters) {
    for (const match of body.matchAll(/glossary\/#([a-z0-9-]+)/g)) {
      const id = match[1]!;
      if (!found.has(id)) found.set(id, new Set());
      found.get(id)!.add(chapter);
    }
  }
  return new Map([...found].map(([id, set]) => [id, [...set].sort((a, b) => a - b)]));
}
