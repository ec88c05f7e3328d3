/** Short lists of names for notices (link notice, CSV import), so a live region never gets a wall of text. */
import { interpolate } from '../../lib/kit/format';

/** Names for a notice: each once, the first three, then "and N more", each cut to `maxLength` characters. */
export function shortList(names: readonly string[], andMore: string, max = 3, maxLength = 32, separator = ', '): string {
  const unique = [...new Set(names.map((n) => (n.length > maxLength ? `${n.slice(0, maxLength - 1)}…` : n)))];
  const shown = unique.slice(0, max).join(separator);
  return unique.length > max ? interpolate(andMore, { names: shown, count: unique.length - max }) : shown;
}
