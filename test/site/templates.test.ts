/**
 * Downloadable templates: every template exists in both languages as CSV (UTF-8 with BOM, opens in a
 * spreadsheet with the right columns) and Markdown, and every chapter links the templates it uses.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHAPTERS } from '~/catalog';
import { TEMPLATES, templatesForChapter, type TemplateLang } from '~/data/templates';
import { CHECKLISTS } from '~/data/checklists';

/** RFC 4180 reader: quoted fields, doubled quotes, CRLF or LF line ends. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell), rows.push(row), (row = []), (cell = '');
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) row.push(cell), rows.push(row);
  return rows;
}

const dir = (lang: TemplateLang) => `dist/${lang === 'zh' ? 'zh-cn/' : ''}templates`;

describe.each(['en', 'zh'] as const)('%s templates', (lang) => {
  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s.csv opens with the right columns', (_id, t) => {
    const bytes = readFileSync(`${dir(lang)}/${t.id}.csv`);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(t.columns.map((c) => c[lang]));
    expect(rows.length).toBe(1 + t.rows.length + t.blankRows);
    for (const row of rows) expect(row).toHaveLength(t.columns.length);
    expect(rows.slice(1, 1 + t.rows.length)).toEqual(t.rows.map((r) => r[lang]));
    expect(text).toMatch(/\r\n$/);
    for (const cell of rows.flat()) expect(cell, cell).not.toMatch(/^[=+\-@]/);
  });

  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s.md has the title and the table', (_id, t) => {
    const md = readFileSync(`${dir(lang)}/${t.id}.md`, 'utf8');
    expect(md.startsWith(`# ${t.title[lang]}\n`)).toBe(true);
    const tableLines = md.split('\n').filter((l) => l.startsWith('|'));
    expect(tableLines[0]).toBe(`| ${t.columns.map((c) => c[lang]).join(' | ')} |`);
    expect(tableLines).toHaveLength(2 + t.rows.length + t.blankRows);
  });

  it('a checklist template for every chapter, item for item', () => {
    for (const { number } of CHAPTERS) {
      const rows = parseCsv(readFileSync(`${dir(lang)}/checklist-${String(number).padStart(2, '0')}.csv`, 'utf8').slice(1));
      expect(rows.slice(1).map((r) => r[1])).toEqual(CHECKLISTS[number]!.map((i) => i[lang]));
    }
  });

  it('the six named templates exist', () => {
    for (const id of ['risk-register', 'kpi-dictionary', 'partner-scorecard', 'positioning-statement', 'sop-skeleton', 'action-log']) {
      expect(existsSync(`${dir(lang)}/${id}.csv`), id).toBe(true);
    }
  });

  it.each(CHAPTERS.map((c) => [c.number, c.slug] as const))('chapter %i links its templates', (number, slug) => {
    const html = readFileSync(`dist/${lang === 'zh' ? 'zh-cn/' : ''}chapters/${slug}/index.html`, 'utf8');
    for (const t of templatesForChapter(number)) {
      for (const ext of ['csv', 'md']) expect(html).toContain(`href="/${lang === 'zh' ? 'zh-cn/' : ''}templates/${t.id}.${ext}"`);
    }
  });
});

describe('templates under a sub-path build', () => {
  it.runIf(existsSync('dist-sub/index.html'))('dist-sub links them under the base', () => {
    const html = readFileSync('dist-sub/chapters/13-risk/index.html', 'utf8');
    expect(html).toContain('href="/playbook/templates/risk-register.csv"');
    expect(existsSync('dist-sub/templates/risk-register.csv')).toBe(true);
    expect(existsSync('dist-sub/zh-cn/templates/risk-register.md')).toBe(true);
  });
});
