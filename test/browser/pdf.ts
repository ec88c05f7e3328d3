/**
 * Reads the text of a PDF, page by page, with pdf.js (through `unpdf`), so the print tests need
 * no system package. Lines end where pdf.js reports an end of line. The text is NFKC-normalised:
 * CJK fonts map some glyphs to compatibility code points (Kangxi radical ⽑ for 毛), so compare
 * it with expected text normalised the same way (`nfkc`).
 */
import { readFileSync } from 'node:fs';
import { getDocumentProxy } from 'unpdf';

export async function pdfPages(file: string): Promise<string[]> {
  const pdf = await getDocumentProxy(new Uint8Array(readFileSync(file)));
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    let text = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      text += item.str;
      if (item.hasEOL) text += '\n';
    }
    pages.push(nfkc(text));
  }
  await pdf.loadingTask.destroy();
  return pages;
}

export const nfkc = (text: string) => text.normalize('NFKC');
