/**
 * "The playbook's rule" under every calculator links to the chapter section that states it
 * (issue 10): in both languages, on the calculator's own page and wherever a chapter embeds it,
 * every rule link leads to an existing heading of the right chapter, in the page's language,
 * whose number is the one src/data/rule-sections.ts names.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHAPTERS } from '~/catalog';
import { calculatorPagePath } from '~/data/calculator-pages';
import { RULE_SECTIONS } from '~/data/rule-sections';
import { CALCULATOR_IDS } from '~/catalog';
import { htmlFiles, read, urlPathOf } from './html';

const DIST = 'dist';
const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** Each rule link of a page: the calculator it sits in, its address and its text. */
function ruleLinks(html: string): { id: string; href: string; text: string }[] {
  const out: { id: string; href: string; text: string }[] = [];
  for (const section of html.split(/(?=<section[^>]*data-calculator=")/).slice(1)) {
    const id = /data-calculator="([^"]+)"/.exec(section)![1]!;
    for (const m of section.matchAll(/<a href="([^"]+)" data-rule-link(?:="[^"]*")?>([\s\S]*?)<\/a>/g)) out.push({ id, href: decode(m[1]!), text: decode(m[2]!) });
  }
  return out;
}

/** The heading with `fragment` as its id in the page at `path`, as text (undefined if none). */
function headingAt(path: string, fragment: string): string | undefined {
  const file = `${DIST}${path}index.html`;
  if (!existsSync(file)) return undefined;
  const html = read(file);
  const m = new RegExp(`<h2[^>]* id="${fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>([\\s\\S]*?)</h2>`).exec(html);
  return m ? decode(m[1]!.replace(/<[^>]+>/g, '')).trim() : undefined;
}

describe('rule links', () => {
  it.each([...CALCULATOR_IDS].flatMap((id) => (['en', 'zh'] as const).map((lang) => [id, lang] as const)))(
    '%s (%s): the calculator page links its rule to the chapter section that states it',
    (id, lang) => {
      const links = ruleLinks(read(`${DIST}${calculatorPagePath(id, lang)}index.html`)).filter((l) => l.id === id);
      expect(links, `${id} ${lang}: one rule link`).toHaveLength(1);
      const { href, text } = links[0]!;
      const chapter = CHAPTERS[Number(id.slice(1, 3)) - 1]!;
      const [path, fragment] = href.split('#') as [string, string | undefined];
      expect(path).toBe(`${lang === 'zh' ? '/zh-cn' : ''}/chapters/${chapter.slug}/`);
      expect(fragment, href).toBeTruthy();
      const heading = headingAt(path, fragment!);
      expect(heading, `${href} is an existing section heading`).toBeDefined();
      expect(heading!.startsWith(`${RULE_SECTIONS[id]} `), `${href}: ${heading}`).toBe(true);
      expect(text).toBe(heading);
    },
  );

  it('every rule link on every page resolves to an existing section heading', () => {
    let count = 0;
    for (const file of htmlFiles(DIST)) {
      const page = urlPathOf(DIST, file);
      for (const { id, href } of ruleLinks(read(file))) {
        const [path, fragment] = href.split('#') as [string, string | undefined];
        expect(headingAt(path, fragment ?? ''), `${page} ${id}: ${href}`).toBeDefined();
        const chinesePage = page.startsWith('/zh-cn/') || page.startsWith('/embed/zh-cn/');
        expect(path.startsWith('/zh-cn/'), `${page} ${id}: ${href} is in the page's language`).toBe(chinesePage);
        count++;
      }
    }
    // Each calculator has its own page, a chapter embed and an embed view, in two languages.
    expect(count).toBeGreaterThanOrEqual(CALCULATOR_IDS.length * 2);
  });
});
