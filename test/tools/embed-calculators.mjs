#!/usr/bin/env node
/**
 * Replaces `{/* calculator: Cxx.y *\/}` markers in chapter pages with live `<Calculator id>`
 * embeds for the given ids, adding the import once. Used when a calculator's island lands:
 *   node test/tools/embed-calculators.mjs C05.1 C05.2
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const ids = process.argv.slice(2);
const IMPORT = "import Calculator from '~/components/user/Calculator.astro';";
for (const dir of ['content/docs/chapters', 'content/docs/zh-cn/chapters']) {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.mdx'))) {
    const path = `${dir}/${file}`;
    let text = readFileSync(path, 'utf8');
    let changed = false;
    for (const id of ids) {
      const marker = `{/* calculator: ${id} */}`;
      if (text.includes(marker)) {
        text = text.replace(marker, `<Calculator id="${id}" />`);
        changed = true;
      }
    }
    if (changed && !text.includes(IMPORT)) {
      // After the last import line that follows the frontmatter.
      const end = text.indexOf('\n---', 4) + 4;
      const lines = text.slice(end).split('\n');
      let last = -1;
      lines.forEach((l, i) => { if (l.startsWith('import ') && (last === i - 1 || last === -1 && i <= 2)) last = i; });
      lines.splice(last + 1, 0, IMPORT);
      text = text.slice(0, end) + lines.join('\n');
    }
    if (changed) {
      writeFileSync(path, text);
      console.log(`embedded in ${path}`);
    }
  }
}
