/**
 * Saves text as a file on the reader's device. CSV gets a byte-order mark so spreadsheet programs
 * read Chinese labels as UTF-8. Used by the calculator frame, the row tables and the plan page.
 */
export function download(filename: string, text: string, type = 'text/csv;charset=utf-8') {
  const blob = new Blob([type.startsWith('text/csv') ? '\uFEFF' : '', text], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
