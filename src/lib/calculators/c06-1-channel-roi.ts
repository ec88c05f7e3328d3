/**
 * C06.1 Channel ROI, CAC and LTV comparison (methodology chapter 6.1).
 *
 * Variant: per channel, ROAS = revenue ÷ spend (the seed's "sales per unit of cost"),
 * ROI = (revenue × gross margin − spend) ÷ spend, CAC = spend ÷ new customers; LTV = E5's finite
 * CLV over the horizon with margin received at the start of each year and retention cost 0
 * (m = order value × orders per year × gross margin); payback months = CAC ÷ (m ÷ 12), without
 * retention decay. Two separate rankings, as the seed asks: by sales per unit cost and by LTV
 * (equal values share a rank). Bubble chart: x = ROI, y = LTV/CAC, radius ∝ √spend.
 */
import { defineCalculator, dropNonFinite, need, round9, type Issue } from '../kit/calculator';
import { MAX_FIELD_LENGTH } from '../kit/fields';
import type { RawRow, RowRead } from '../kit/rows';
import { MAX_CLV_HORIZON, finiteClv, periodMargin } from './engines/clv';
import { competitionRanks, setFinite } from './engines/ranking';

const MAX_MONEY = 1e12;
const money = { kind: 'money', min: 0, max: MAX_MONEY } as const;

export const channelColumns = {
  name: { kind: 'text', maxLength: MAX_FIELD_LENGTH, optional: true },
  spend: money,
  revenue: money,
  grossMargin: { kind: 'percent', min: 0, max: 1 },
  newCustomers: { kind: 'count', min: 0, max: 1e9 },
  orderValue: money,
  ordersPerYear: { kind: 'number', min: 0, max: 10_000 },
  retention: { kind: 'percent', min: 0, max: 1 },
} as const;
export type ChannelColumns = typeof channelColumns;

export interface ChannelResult {
  /** 0-based table row. */
  row: number;
  name: string;
  /** Sales per unit of cost. */
  roas?: number;
  roi?: number;
  cac?: number;
  /** Yearly margin per customer m (E5). */
  marginPerCustomer?: number;
  ltv?: number;
  /** LTV cumulative by year 1…horizon. */
  ltvByYear?: number[];
  ltvToCac?: number;
  paybackMonths?: number;
  /** 1 = best; equal values share a rank. */
  salesRank?: number;
  ltvRank?: number;
}

export interface ChannelBubble {
  row: number;
  /** ROI */
  x: number;
  /** LTV/CAC */
  y: number;
  /** √(spend ÷ largest spend), 0–1. */
  relativeRadius: number;
}

export interface ChannelRoiResults {
  channels: ChannelResult[];
  /** Rows best first by sales per unit cost, and by LTV. */
  rankingBySales: number[];
  rankingByLtv: number[];
  /** True when one channel leads both rankings. */
  sameLeader: boolean;
  totalSpend: number;
  totalRevenue: number;
  totalNewCustomers: number;
  /** Across all complete channels. */
  overallRoas: number;
  overallCac: number;
  bubbles: ChannelBubble[];
}

const row = (name: string, spend: string, revenue: string, grossMargin: string, newCustomers: string, orderValue: string, ordersPerYear: string, retention: string): RawRow<ChannelColumns> =>
  ({ name, spend, revenue, grossMargin, newCustomers, orderValue, ordersPerYear, retention });

/** Chapter 6 worked example (household appliances): direct sales, distribution, e-commerce. */
export const exampleChannelRows: RawRow<ChannelColumns>[] = [
  row('Direct sales', '600000', '1800000', '40', '150', '8000', '2', '85'),
  row('Distribution', '400000', '2000000', '25', '500', '4000', '2', '75'),
  row('E-commerce', '300000', '900000', '45', '3000', '300', '3', '55'),
];

/** Illustrative starting figures (the seed's three channel types). */
export const defaultChannelRows: RawRow<ChannelColumns>[] = [
  row('Direct sales', '500000', '1500000', '35', '120', '6000', '2', '80'),
  row('Distribution', '350000', '1600000', '25', '400', '3500', '2', '70'),
  row('E-commerce', '250000', '800000', '40', '2500', '250', '3', '50'),
];

export const blankChannelRow = (): RawRow<ChannelColumns> => row('', '', '', '', '', '', '', '');

export const channelRoi = defineCalculator({
  id: 'C06.1',
  fields: {
    discountRate: { kind: 'percent', min: 0, max: 1 },
    horizon: { kind: 'count', min: 1, max: MAX_CLV_HORIZON },
  },
  defaults: { discountRate: '10', horizon: '5' },
  example: { discountRate: '10', horizon: '5' },
  table: { columns: channelColumns, minRows: 1, maxRows: 200 },
  defaultRows: defaultChannelRows,
  exampleRows: exampleChannelRows,
  compute(values, rows: RowRead<ChannelColumns>[]) {
    const issues: Issue[] = [];
    const r: Partial<ChannelRoiResults> = {};
    const clvInputs = need(values, 'discountRate', 'horizon');
    if (rows.length === 0) issues.push({ severity: 'error', code: 'c06_1.noChannels' });

    let totalSpend = 0;
    let totalRevenue = 0;
    let totalNew = 0;
    let complete = 0;
    const channels: ChannelResult[] = rows.map((read, i) => {
      const v = read.values;
      const ch: ChannelResult = { row: i, name: v.name ?? '' };
      if (Object.keys(read.errors).length > 0) issues.push({ severity: 'warning', row: i, code: 'c06_1.rowIncomplete' });

      if (v.spend !== undefined && v.revenue !== undefined) {
        if (round9(v.spend) === 0) {
          issues.push({ severity: 'warning', row: i, column: 'spend', code: 'c06_1.zeroSpend' });
        } else {
          setFinite(ch, 'roas', v.revenue / v.spend);
          if (v.grossMargin !== undefined) setFinite(ch, 'roi', (v.revenue * v.grossMargin - v.spend) / v.spend);
        }
      }
      if (v.spend !== undefined && v.newCustomers !== undefined) {
        if (v.newCustomers === 0) issues.push({ severity: 'warning', row: i, column: 'newCustomers', code: 'c06_1.noNewCustomers' });
        else setFinite(ch, 'cac', v.spend / v.newCustomers);
      }
      if (v.orderValue !== undefined && v.ordersPerYear !== undefined && v.grossMargin !== undefined) {
        const m = setFinite(ch, 'marginPerCustomer', periodMargin(v.orderValue, v.ordersPerYear, v.grossMargin)) ? ch.marginPerCustomer : undefined;
        if (m !== undefined && v.retention !== undefined && clvInputs) {
          const clv = finiteClv(m, v.retention, clvInputs.discountRate, clvInputs.horizon);
          if (clv.ok) {
            ch.ltv = clv.value;
            ch.ltvByYear = clv.cumulative;
          }
        }
        if (m !== undefined && round9(m) <= 0) issues.push({ severity: 'warning', row: i, code: 'c06_1.noMargin' });
      }
      if (ch.ltv !== undefined && ch.cac !== undefined) {
        if (round9(ch.cac) === 0) issues.push({ severity: 'info', row: i, code: 'c06_1.zeroCac' });
        else setFinite(ch, 'ltvToCac', ch.ltv / ch.cac);
      }
      if (ch.cac !== undefined && ch.marginPerCustomer !== undefined && round9(ch.marginPerCustomer) > 0) {
        setFinite(ch, 'paybackMonths', ch.cac / (ch.marginPerCustomer / 12));
      }
      if (v.spend !== undefined && v.revenue !== undefined && v.newCustomers !== undefined) {
        totalSpend += v.spend;
        totalRevenue += v.revenue;
        totalNew += v.newCustomers;
        complete++;
      }
      return ch;
    });
    r.channels = channels;

    const bySales = competitionRanks(channels.map((c) => c.roas));
    const byLtv = competitionRanks(channels.map((c) => c.ltv));
    channels.forEach((c, i) => {
      const salesRank = bySales.rank[i];
      const ltvRank = byLtv.rank[i];
      if (salesRank !== undefined) c.salesRank = salesRank;
      if (ltvRank !== undefined) c.ltvRank = ltvRank;
    });
    r.rankingBySales = bySales.order;
    r.rankingByLtv = byLtv.order;
    const salesLeaders = channels.filter((c) => c.salesRank === 1).map((c) => c.row);
    const ltvLeaders = channels.filter((c) => c.ltvRank === 1).map((c) => c.row);
    r.sameLeader = salesLeaders.some((x) => ltvLeaders.includes(x));
    if (salesLeaders.length > 0 && ltvLeaders.length > 0 && !r.sameLeader) issues.push({ severity: 'info', code: 'c06_1.leadersDiffer' });

    if (complete > 0) {
      r.totalSpend = totalSpend;
      r.totalRevenue = totalRevenue;
      r.totalNewCustomers = totalNew;
      if (round9(totalSpend) > 0) r.overallRoas = totalRevenue / totalSpend;
      if (totalNew > 0) r.overallCac = totalSpend / totalNew;
    }

    const spends = rows.map((read) => read.values.spend);
    const largest = Math.max(0, ...spends.filter((s): s is number => s !== undefined));
    r.bubbles = channels
      .filter((c) => c.roi !== undefined && c.ltvToCac !== undefined)
      .map((c) => ({ row: c.row, x: c.roi!, y: c.ltvToCac!, relativeRadius: largest > 0 ? Math.sqrt(spends[c.row]! / largest) : 1 }));

    if (dropNonFinite(r).length) issues.push({ severity: 'warning', code: 'c06_1.tooExtreme' });
    return { results: r, issues };
  },
});
