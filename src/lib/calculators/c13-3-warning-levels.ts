/**
 * C13.3 Red / yellow / blue early-warning classifier (methodology chapter 13.2).
 *
 * Variant: each indicator's blue, yellow and red thresholds go through the E7 band classifier in
 * the indicator's direction (higher is worse: a level is reached at `value ≥ threshold`; lower is
 * worse: at `value < threshold`); thresholds out of order for the direction are refused on their
 * row. Decision rights: blue → the indicator owner monitors (suggested); yellow → a regional
 * manager may launch the response (the playbook's rule); red → escalate within the escalation
 * window, 2 hours by the playbook's rule: `deadline = detection time + window`. A red warning not
 * marked as escalated is overdue once the "as of" time passes its deadline.
 *
 * Times are typed as `YYYY-MM-DD HH:MM` or `HH:MM` (same day), read as wall-clock minutes with
 * no time zone; they are plain numbers here and formatted by the UI.
 */
import { defineCalculator, type Issue } from '../kit/calculator';
import { parseNumber } from '../kit/parse-number';
import type { RawRow } from '../kit/rows';
import { classifyBand, type BandScale } from './engines/bands';

export const indicatorTypes = ['leading', 'lagging'] as const;
export const worseDirections = ['higherIsWorse', 'lowerIsWorse'] as const;
export type WorseDirection = (typeof worseDirections)[number];
export const warningLevels = ['none', 'blue', 'yellow', 'red'] as const;
export type WarningLevel = (typeof warningLevels)[number];
export const yesNo = ['no', 'yes'] as const;
export type DecisionRight = 'none' | 'ownerMonitors' | 'regionalManager' | 'escalate';

const rights: Record<WarningLevel, DecisionRight> = { none: 'none', blue: 'ownerMonitors', yellow: 'regionalManager', red: 'escalate' };
const MINUTES_PER_DAY = 1440;

/** A wall-clock time: `day` = days since 1970-01-01 (null for a time without a date). */
export interface ClockTime {
  day: number | null;
  minute: number;
}

/**
 * Reads `YYYY-MM-DD HH:MM` (also `T` or full-width characters) or `HH:MM`. Returns null for
 * anything else, including impossible dates and times.
 */
export function parseClock(text: string): ClockTime | null {
  const t = text.normalize('NFKC').trim();
  const m = /^(?:(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\s+|T))?(\d{1,2}):(\d{2})$/.exec(t);
  if (!m) return null;
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  if (hour > 23 || minute > 59) return null;
  let day: number | null = null;
  if (m[1] !== undefined) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    const ms = Date.UTC(y, mo - 1, d);
    const check = new Date(ms);
    if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
    day = ms / 86_400_000;
  }
  return { day, minute: hour * 60 + minute };
}

/** Adds minutes to a clock time; a time without a date counts the days it rolls over. */
export function addMinutes(time: ClockTime, minutes: number): ClockTime & { dayOffset: number } {
  const total = time.minute + minutes;
  const dayOffset = Math.floor(total / MINUTES_PER_DAY);
  const minute = total - dayOffset * MINUTES_PER_DAY;
  return { day: time.day === null ? null : time.day + dayOffset, minute, dayOffset };
}

const absolute = (t: ClockTime) => (t.day ?? 0) * MINUTES_PER_DAY + t.minute;

export const indicatorColumns = {
  name: { kind: 'text', maxLength: 64, optional: true },
  type: { kind: 'choice', options: indicatorTypes },
  direction: { kind: 'choice', options: worseDirections },
  blue: { kind: 'number', min: -1e12, max: 1e12 },
  yellow: { kind: 'number', min: -1e12, max: 1e12 },
  red: { kind: 'number', min: -1e12, max: 1e12 },
  current: { kind: 'number', min: -1e12, max: 1e12 },
  detectedAt: { kind: 'text', maxLength: 32, optional: true },
  escalated: { kind: 'choice', options: yesNo },
  /** Earlier values, oldest first, separated by semicolons or spaces (for the history chart). */
  history: { kind: 'text', maxLength: 200, optional: true },
} as const;
export type IndicatorColumns = typeof indicatorColumns;

/** Most earlier values kept for the history chart. */
export const MAX_HISTORY = 60;

/**
 * Reads earlier values separated by semicolons or spaces (commas are thousands separators);
 * null when any part is not a number or there are more than `MAX_HISTORY`.
 */
export function parseHistory(text: string): number[] | null {
  const parts = text.normalize('NFKC').split(/[;\s]+/).filter((p) => p !== '');
  if (parts.length > MAX_HISTORY) return null;
  const out: number[] = [];
  for (const part of parts) {
    const read = parseNumber(part);
    if (!read.ok || read.hadPercentSign) return null;
    out.push(read.value);
  }
  return out;
}

export interface IndicatorResult {
  /** 0-based table row. */
  row: number;
  level: WarningLevel;
  /** 0 none … 3 red. */
  severity: number;
  rights: DecisionRight;
  /** Red only, with a readable detection time. */
  deadline?: ClockTime & { dayOffset: number };
  overdue?: boolean;
  /** Minutes left to the deadline (negative when past), red with an "as of" time. */
  minutesLeft?: number;
  /** History chart: earlier values then the current one, with the three threshold lines. */
  history: number[];
  thresholds: { blue: number; yellow: number; red: number };
}

export interface WarningResults {
  indicators: IndicatorResult[];
  counts: Record<WarningLevel, number>;
  /** Rows ordered red first, then yellow, blue, none. */
  reviewOrder: number[];
  overdueCount: number;
}

export function blankIndicatorRow(): RawRow<IndicatorColumns> {
  return { name: '', type: 'leading', direction: 'higherIsWorse', blue: '', yellow: '', red: '', current: '', detectedAt: '', escalated: 'no', history: '' };
}

const indicator = (name: string, type: 'leading' | 'lagging', direction: WorseDirection, blue: string, yellow: string, red: string, current: string, detectedAt = '', history = ''): RawRow<IndicatorColumns> =>
  ({ name, type, direction, blue, yellow, red, current, detectedAt, escalated: 'no', history });

/** Chapter 13's Monday-morning dashboard. */
export const exampleIndicatorRows: RawRow<IndicatorColumns>[] = [
  indicator('Complaint growth, month on month (%)', 'leading', 'higherIsWorse', '10', '20', '30', '24'),
  indicator('Key-supplier on-time delivery (%)', 'leading', 'lowerIsWorse', '95', '90', '85', '83', '09:40'),
  indicator('Market-share decline (points per quarter)', 'lagging', 'higherIsWorse', '0.5', '1', '2', '0.6'),
];

const defaultIndicatorRows: RawRow<IndicatorColumns>[] = [
  indicator('Complaint growth, month on month (%)', 'leading', 'higherIsWorse', '10', '20', '30', '8', '', '4; 6; 5; 7'),
  // A red warning already escalated: its deadline shows, and the default is never overdue whatever the time now.
  { ...indicator('Order backlog (days)', 'leading', 'higherIsWorse', '5', '8', '12', '13', '08:30', '4; 5; 7; 9'), escalated: 'yes' },
  indicator('Market share (%)', 'lagging', 'lowerIsWorse', '22', '20', '18', '21.5', '', '23; 22.8; 22.1; 21.9'),
];

export const warningLevelsCalculator = defineCalculator({
  id: 'C13.3',
  fields: {
    escalationHours: { kind: 'number', above: 0, max: 720 },
    asOf: { kind: 'text', maxLength: 32, optional: true },
  },
  defaults: { escalationHours: '2', asOf: '' },
  example: { escalationHours: '2', asOf: '10:15' },
  table: { columns: indicatorColumns, minRows: 1, maxRows: 200 },
  defaultRows: defaultIndicatorRows,
  exampleRows: exampleIndicatorRows,
  compute(values, rows) {
    const issues: Issue[] = [];
    const indicators: IndicatorResult[] = [];

    let asOf: ClockTime | null = null;
    if (values.asOf) {
      asOf = parseClock(values.asOf);
      if (!asOf) issues.push({ severity: 'error', field: 'asOf', code: 'c13_3.badTime' });
    }
    const windowMinutes = values.escalationHours != null ? Math.round(values.escalationHours * 60) : null;

    rows.forEach((read, i) => {
      const v = read.values;
      const { direction, blue, yellow, red, current } = v;
      if (direction === undefined || blue === undefined || yellow === undefined || red === undefined || current === undefined) {
        issues.push({ severity: 'warning', row: i, code: 'c13_3.rowExcluded' });
        return;
      }
      const scale: BandScale<WarningLevel> = { direction, bands: warningLevels, thresholds: [blue, yellow, red] };
      const band = classifyBand(current, scale);
      if (!band.ok) {
        issues.push({ severity: 'error', row: i, column: 'yellow', code: direction === 'higherIsWorse' ? 'c13_3.thresholdsNotAscending' : 'c13_3.thresholdsNotDescending' });
        return;
      }
      const earlier = v.history ? parseHistory(v.history) : [];
      if (earlier === null) issues.push({ severity: 'warning', row: i, column: 'history', code: 'c13_3.badHistory', params: { max: MAX_HISTORY } });
      const out: IndicatorResult = {
        row: i,
        level: band.band,
        severity: band.severity,
        rights: rights[band.band],
        history: [...(earlier ?? []), current],
        thresholds: { blue, yellow, red },
      };
      indicators.push(out);
      if (band.band !== 'red') return;

      const detected = v.detectedAt ? parseClock(v.detectedAt) : null;
      if (v.detectedAt && !detected) {
        issues.push({ severity: 'error', row: i, column: 'detectedAt', code: 'c13_3.badTime' });
        return;
      }
      if (!detected) {
        issues.push({ severity: 'warning', row: i, column: 'detectedAt', code: 'c13_3.noDetectionTime' });
        return;
      }
      if (windowMinutes === null) return;
      out.deadline = addMinutes(detected, windowMinutes);
      if (!asOf) return;
      if ((asOf.day === null) !== (detected.day === null)) {
        issues.push({ severity: 'info', row: i, column: 'detectedAt', code: 'c13_3.mixedTimes' });
        return;
      }
      out.minutesLeft = absolute(out.deadline) + (out.deadline.day === null ? out.deadline.dayOffset * MINUTES_PER_DAY : 0) - absolute(asOf);
      out.overdue = v.escalated !== 'yes' && out.minutesLeft < 0;
      if (out.overdue) issues.push({ severity: 'warning', row: i, code: 'c13_3.overdue' });
    });

    const counts: Record<WarningLevel, number> = { none: 0, blue: 0, yellow: 0, red: 0 };
    for (const x of indicators) counts[x.level]++;
    const reviewOrder = [...indicators].sort((a, b) => b.severity - a.severity || a.row - b.row).map((x) => x.row);
    const overdueCount = indicators.filter((x) => x.overdue).length;
    return { results: { indicators, counts, reviewOrder, overdueCount } satisfies WarningResults, issues };
  },
});
