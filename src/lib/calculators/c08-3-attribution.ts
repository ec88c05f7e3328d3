/**
 * C08.3 Multi-touch attribution (methodology chapter 8.1).
 *
 * Variant: each path row is an ordered list of channels (`Search>Social>Email`), the days before
 * conversion of each touch (`14>7>0`), its conversions and value. Five models, side by side:
 * last touch, first touch, linear (1/k per touch), time decay (weight 2^(−days/half-life),
 * normalised to 1 per path) and position-based (first/middle/last shares, standard 40/20/40; two
 * touches split first and last in the ratio of their shares; one touch takes 100%). A channel
 * touched more than once in a path adds its shares. Channel names match ignoring case and width.
 * ROI per channel per model = (credited value − spend) ÷ spend when a spend is given (guard 0).
 * Spend is typed as `Search=5000; Social=3000` (one text field, since the channels come from the
 * paths). Bounded: at most 5,000 paths of at most 50 touches.
 */
import { defineCalculator, dropNonFinite, need, round9, type Issue } from '../kit/calculator';
import { parseNumber } from '../kit/parse-number';
import type { RawRow, RowRead } from '../kit/rows';

export const attributionModels = ['lastTouch', 'firstTouch', 'linear', 'timeDecay', 'positionBased'] as const;
export type AttributionModel = (typeof attributionModels)[number];

export const MAX_PATHS = 5000;
export const MAX_TOUCHES = 50;
const PATH_TEXT_LENGTH = 400;
const SPEND_TEXT_LENGTH = 600;

/** Splits `Search > Social→Email` into trimmed names; separators `>`, `＞`, `→`. */
export function splitPath(text: string): string[] {
  return text.normalize('NFKC').split(/\s*(?:>|→)\s*/).map((s) => s.trim());
}

/** Channel identity: case- and width-insensitive. */
const channelKey = (name: string) => name.normalize('NFKC').trim().toLowerCase();

/** Shares of one path's credit per touch under a model. `days` is needed for time decay only. */
export function touchShares(model: AttributionModel, k: number, days: readonly number[] | null, halfLife: number, position: { first: number; middle: number; last: number }): number[] | null {
  if (k === 0) return [];
  const shares = new Array<number>(k).fill(0);
  switch (model) {
    case 'lastTouch':
      shares[k - 1] = 1;
      return shares;
    case 'firstTouch':
      shares[0] = 1;
      return shares;
    case 'linear':
      return shares.fill(1 / k);
    case 'timeDecay': {
      if (!days || days.length !== k || !(halfLife > 0)) return null;
      // 2^(−d/h) relative to the most recent touch, so a long path cannot underflow to all zeros.
      const minDays = Math.min(...days);
      const weights = days.map((d) => 2 ** (-(d - minDays) / halfLife));
      const sum = weights.reduce((a, b) => a + b, 0);
      return weights.map((w) => w / sum);
    }
    case 'positionBased': {
      if (k === 1) return [1];
      if (k === 2) {
        const ends = position.first + position.last;
        if (!(ends > 0)) return [0.5, 0.5];
        return [position.first / ends, position.last / ends];
      }
      shares[0] = position.first;
      shares[k - 1] = position.last;
      for (let i = 1; i < k - 1; i++) shares[i] = position.middle / (k - 2);
      return shares;
    }
  }
}

export interface ChannelCredit {
  channel: string;
  /** Credited conversions and value per model. */
  conversions: Record<AttributionModel, number>;
  value: Record<AttributionModel, number>;
  spend?: number;
  /** (credited value − spend) ÷ spend per model. */
  roi?: Record<AttributionModel, number>;
}

export interface AttributionResults {
  channels: ChannelCredit[];
  /** Models that could be computed (position-based needs shares adding to 100%; time decay a half-life and days). */
  models: AttributionModel[];
  totalConversions: number;
  totalValue: number;
  pathsUsed: number;
  /** Paths without usable days: time decay leaves them out. */
  pathsWithoutDays: number;
  /** Grouped bar chart: value per channel under each model. */
  chart: { channel: string; values: Record<AttributionModel, number> }[];
  /** Largest spread of credited value between models, per channel (max − min). */
  spread: { channel: string; min: number; max: number }[];
}

export const pathColumns = {
  path: { kind: 'text', maxLength: PATH_TEXT_LENGTH },
  days: { kind: 'text', maxLength: PATH_TEXT_LENGTH, optional: true },
  conversions: { kind: 'count', min: 0, max: 1e9 },
  value: { kind: 'money', min: 0, max: 1e12 },
} as const;
export type PathColumns = typeof pathColumns;

export type SpendRead = { ok: true; spend: Map<string, { name: string; amount: number }> } | { ok: false; code: 'badEntry' | 'duplicate'; entry: string };

/** Reads `Search=5000; Social: 3,000` (entries split by `;` or new lines; `=` or `:` before the amount). */
export function readChannelSpend(text: string): SpendRead {
  const spend = new Map<string, { name: string; amount: number }>();
  for (const part of text.normalize('NFKC').split(/[;\n]/)) {
    const entry = part.trim();
    if (entry === '') continue;
    const m = /^(.+?)\s*[=:]\s*(.+)$/.exec(entry);
    if (!m) return { ok: false, code: 'badEntry', entry };
    const amount = parseNumber(m[2]!);
    if (!amount.ok || amount.hadPercentSign || amount.value < 0) return { ok: false, code: 'badEntry', entry };
    const key = channelKey(m[1]!);
    if (spend.has(key)) return { ok: false, code: 'duplicate', entry };
    spend.set(key, { name: m[1]!.trim(), amount: amount.value });
  }
  return { ok: true, spend };
}

const path = (p: string, days: string, conversions: string, value: string): RawRow<PathColumns> => ({ path: p, days, conversions, value });

/** Chapter 8 worked example: one path, Search 14 days, Social 7 days, Email on the day, value 100. */
export const exampleAttributionRows: RawRow<PathColumns>[] = [path('Search>Social>Email', '14>7>0', '1', '100')];

/** Illustrative paths of one month. */
export const defaultAttributionRows: RawRow<PathColumns>[] = [
  path('Search>Social>Email', '14>7>0', '40', '12000'),
  path('Social>Search', '10>1', '55', '15400'),
  path('Email', '0', '30', '6600'),
  path('Display>Social>Search>Email', '21>12>3>0', '25', '9500'),
  path('Search', '0', '80', '20000'),
  path('Social>Email>Email', '9>4>0', '20', '5200'),
];

export const blankAttributionRow = (): RawRow<PathColumns> => path('', '', '', '');

export const attribution = defineCalculator({
  id: 'C08.3',
  fields: {
    halfLife: { kind: 'number', above: 0, max: 3650 },
    firstShare: { kind: 'percent', min: 0, max: 1 },
    middleShare: { kind: 'percent', min: 0, max: 1 },
    lastShare: { kind: 'percent', min: 0, max: 1 },
    channelSpend: { kind: 'text', maxLength: SPEND_TEXT_LENGTH, optional: true },
  },
  defaults: { halfLife: '7', firstShare: '40', middleShare: '20', lastShare: '40', channelSpend: 'Search=20000; Social=15000; Email=5000; Display=8000' },
  example: { halfLife: '7', firstShare: '40', middleShare: '20', lastShare: '40', channelSpend: '' },
  table: { columns: pathColumns, minRows: 1, maxRows: MAX_PATHS },
  defaultRows: defaultAttributionRows,
  exampleRows: exampleAttributionRows,
  compute(values, rows: RowRead<PathColumns>[]) {
    const issues: Issue[] = [];
    const r: Partial<AttributionResults> = {};
    let rowIssues = 0;
    const rowIssue = (issue: Issue) => {
      if (++rowIssues <= 50) issues.push(issue);
    };
    if (rows.length === 0) issues.push({ severity: 'error', code: 'c08_3.noPaths' });

    const shares = need(values, 'firstShare', 'middleShare', 'lastShare');
    let position: { first: number; middle: number; last: number } | null = null;
    if (shares) {
      if (round9(shares.firstShare + shares.middleShare + shares.lastShare) !== 1) {
        issues.push({ severity: 'error', field: 'middleShare', code: 'c08_3.sharesNot100', params: { sum: { percent: shares.firstShare + shares.middleShare + shares.lastShare } } });
      } else {
        position = { first: shares.firstShare, middle: shares.middleShare, last: shares.lastShare };
      }
    }
    const halfLife = values.halfLife;

    const order: string[] = [];
    const credit = new Map<string, ChannelCredit>();
    const zero = () => Object.fromEntries(attributionModels.map((m) => [m, 0])) as Record<AttributionModel, number>;
    let totalConversions = 0;
    let totalValue = 0;
    let used = 0;
    let withoutDays = 0;
    rows.forEach((read, i) => {
      const v = read.values;
      if (Object.keys(read.errors).length > 0 || v.path === undefined || v.conversions === undefined || v.value === undefined) {
        rowIssue({ severity: 'warning', row: i, code: 'c08_3.rowSkipped' });
        return;
      }
      const names = splitPath(v.path);
      if (names.some((n) => n === '')) {
        rowIssue({ severity: 'warning', row: i, column: 'path', code: 'c08_3.emptyChannel' });
        return;
      }
      if (names.length > MAX_TOUCHES) {
        rowIssue({ severity: 'warning', row: i, column: 'path', code: 'c08_3.tooManyTouches', params: { max: MAX_TOUCHES } });
        return;
      }
      let days: number[] | null = null;
      const dayText = (v.days ?? '').trim();
      if (dayText !== '') {
        const parts = dayText.normalize('NFKC').split(/\s*(?:>|→|,|;|\s)\s*/).filter((s) => s !== '');
        const parsed = parts.map((p) => parseNumber(p));
        if (parts.length !== names.length) {
          rowIssue({ severity: 'warning', row: i, column: 'days', code: 'c08_3.daysCount', params: { touches: names.length, days: parts.length } });
        } else if (parsed.some((p) => !p.ok || p.hadPercentSign || p.value < 0)) {
          rowIssue({ severity: 'warning', row: i, column: 'days', code: 'c08_3.badDays' });
        } else {
          days = parsed.map((p) => (p.ok ? p.value : 0));
          if (days.some((d, j) => j > 0 && d > days![j - 1]!)) rowIssue({ severity: 'info', row: i, column: 'days', code: 'c08_3.daysNotDescending' });
        }
      }
      if (days === null) withoutDays++;
      used++;
      totalConversions += v.conversions;
      totalValue += v.value;
      const keys = names.map((n) => {
        const key = channelKey(n);
        if (!credit.has(key)) {
          credit.set(key, { channel: n, conversions: zero(), value: zero() });
          order.push(key);
        }
        return key;
      });
      for (const model of attributionModels) {
        if (model === 'positionBased' && !position) continue;
        const s = touchShares(model, names.length, days, halfLife ?? NaN, position ?? { first: 0, middle: 0, last: 0 });
        if (!s) continue;
        s.forEach((share, j) => {
          const c = credit.get(keys[j]!)!;
          c.conversions[model] += share * v.conversions!;
          c.value[model] += share * v.value!;
        });
      }
    });
    if (rowIssues > 50) issues.push({ severity: 'warning', code: 'c08_3.moreRowProblems', params: { count: rowIssues - 50 } });
    if (withoutDays > 0 && used > 0) issues.push({ severity: 'info', code: 'c08_3.timeDecayPartial', params: { count: withoutDays } });

    // Spend and ROI.
    const spendText = values.channelSpend;
    if (spendText) {
      const spend = readChannelSpend(spendText);
      if (!spend.ok) {
        issues.push({ severity: 'error', field: 'channelSpend', code: spend.code === 'duplicate' ? 'c08_3.spendDuplicate' : 'c08_3.spendUnreadable', params: { entry: spend.entry } });
      } else {
        for (const [key, s] of spend.spend) {
          const c = credit.get(key);
          if (!c) {
            issues.push({ severity: 'warning', field: 'channelSpend', code: 'c08_3.spendUnknownChannel', params: { channel: s.name } });
            continue;
          }
          c.spend = s.amount;
          if (round9(s.amount) === 0) {
            issues.push({ severity: 'info', field: 'channelSpend', code: 'c08_3.zeroSpend', params: { channel: s.name } });
            continue;
          }
          c.roi = Object.fromEntries(attributionModels.map((m) => [m, (c.value[m] - s.amount) / s.amount])) as Record<AttributionModel, number>;
        }
      }
    }

    const channels = order.map((k) => credit.get(k)!);
    r.channels = channels;
    r.models = attributionModels.filter((m) => (m !== 'positionBased' || position) && (m !== 'timeDecay' || (halfLife !== undefined && withoutDays < used)));
    r.totalConversions = totalConversions;
    r.totalValue = totalValue;
    r.pathsUsed = used;
    r.pathsWithoutDays = withoutDays;
    r.chart = channels.map((c) => ({ channel: c.channel, values: c.value }));
    r.spread = channels.map((c) => {
      const vs = r.models!.map((m) => c.value[m]);
      return { channel: c.channel, min: Math.min(...vs), max: Math.max(...vs) };
    });

    if (dropNonFinite(r).length) issues.push({ severity: 'warning', code: 'c08_3.tooExtreme' });
    return { results: r, issues };
  },
});
