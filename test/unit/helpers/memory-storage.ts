import type { KeyValue } from '~/lib/kit/store';

/** localStorage in memory; `quota` = the most characters it holds (keys and values, as browsers count). */
export class MemoryStorage implements KeyValue {
  readonly map = new Map<string, string>();
  constructor(entries: Record<string, string> = {}, private readonly quota = Infinity) {
    for (const [k, v] of Object.entries(entries)) this.map.set(k, v);
  }
  get length() {
    return this.map.size;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    const used = [...this.map].reduce((n, [key, value]) => n + (key === k ? 0 : key.length + value.length), 0);
    if (used + k.length + v.length > this.quota) throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}
