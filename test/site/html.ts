/** Small helpers for reading the built site: pages, their text, links and ids. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) {
        if (name !== 'pagefind' && name !== '_astro') walk(p);
      } else if (name.endsWith('.html')) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

/** The page's URL path (`/zh-cn/chapters/05-pricing/`) from its file in `dir`. */
export function urlPathOf(dir: string, file: string, base = '/'): string {
  const rel = file.slice(dir.length).replace(/index\.html$/, '');
  return (base.endsWith('/') ? base.slice(0, -1) : base) + rel;
}

const decode = (s: string) =>
  s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)));

/** Visible text of the main content: tags, scripts and styles removed, entities decoded. */
export function mainText(html: string): string {
  const main = /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? html;
  return decode(main.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<style[\s\S]*?<\/style>/g, ' ').replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
}

export const read = (file: string) => readFileSync(file, 'utf8');
