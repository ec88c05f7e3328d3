/**
 * C10.1 Customer tiering with upgrade and downgrade rules (methodology chapter 10.1).
 *
 * Variant: three dimensions combined with the E1 weighted score (50/25/25 illustrative):
 * - contribution, from one of three sources: `measures` = E1 equal-weight mean of this year's
 *   spend, orders and profit, each min–max rescaled to 1–5 across the customers; `rfm` = mean of
 *   the E6 quintile scores computed here from days since the last order, orders and this year's
 *   spend (needs ≥ 5 customers); `rfmScores` = mean of R, F and M typed from the RFM scorer (C08.1);
 * - strategic value and growth potential as typed (1–5).
 * Tier by rank: sorted by composite, highest first (ties in table order); the customer at
 * position i of N is VIP if i/N ≤ VIP share, potential if i/N ≤ VIP + potential share, else
 * basic; customers with equal composites all take the tier of the first of them.
 * `growth = (S_this − S_last)/S_last` (S_last = 0 → "new", no ratio). Movement flags follow the
 * tier, so every flag is an action the rules allow: growth ≥ upgrade threshold → upgrade
 * candidate (a VIP cannot move up: "growing VIP"); growth ≤ −downgrade threshold → downgrade
 * warning with the retention offer (a basic customer cannot move down: "declining basic", to
 * check with the churn score, C10.3).
 */
import { defineCalculator, dropNonFinite, need, round9, type Issue } from '../kit/calculator';
import type { RawRow } from '../kit/rows';
import { scoreRfm, RFM_MIN_CUSTOMERS } from './engines/rfm';
import { minMaxRescaleAll, weightedScore } from './engines/weighted-score';

export const contributionSources = ['measures', 'rfm', 'rfmScores'] as const;
export type ContributionSource = (typeof contributionSources)[number];
export const tiers = ['vip', 'potential', 'basic'] as const;
export type Tier = (typeof tiers)[number];
export type MovementFlag = 'upgradeCandidate' | 'growingVip' | 'downgradeWarning' | 'decliningBasic';

const MAX_MONEY = 1e12;
const rating = { kind: 'number', min: 1, max: 5 } as const;
const rfmScore = { kind: 'count', min: 1, max: 5, optional: true } as const;

export const customerColumns = {
  name: { kind: 'text', maxLength: 64, optional: true },
  spendLastYear: { kind: 'money', min: 0, max: MAX_MONEY, optional: true },
  spendThisYear: { kind: 'money', min: 0, max: MAX_MONEY },
  orders: { kind: 'count', min: 0, max: 1e9, optional: true },
  profit: { kind: 'money', min: -MAX_MONEY, max: MAX_MONEY, optional: true },
  strategic: rating,
  growthPotential: rating,
  recencyDays: { kind: 'count', min: 0, max: 1e5, optional: true },
  r: rfmScore,
  f: rfmScore,
  m: rfmScore,
} as const;
export type CustomerColumns = typeof customerColumns;

export interface CustomerResult {
  /** 0-based table row. */
  row: number;
  contribution: number;
  composite: number;
  /** 1-based position in the ranking. */
  rank: number;
  tier: Tier;
  /** Spend growth as a fraction; null when last year's spend is empty or 0. */
  growth: number | null;
  isNew: boolean;
  flag: MovementFlag | null;
}

export interface CustomerTiersResults {
  customers: CustomerResult[];
  /** Rows in rank order. */
  ranking: number[];
  tierCounts: Record<Tier, number>;
  tierRevenue: Record<Tier, number>;
  totalRevenue: number;
  upgradeCandidates: number[];
  downgradeWarnings: number[];
  /** Scatter: composite against spend growth (customers with a growth figure). */
  scatter: { row: number; composite: number; growth: number }[];
}

export function blankCustomerRow(): RawRow<CustomerColumns> {
  return { name: '', spendLastYear: '', spendThisYear: '', orders: '', profit: '', strategic: '3', growthPotential: '3', recencyDays: '', r: '', f: '', m: '' };
}

const customer = (name: string, last: string, now: string, orders: string, profit: string, strategic: string, growthPotential: string, recencyDays = ''): RawRow<CustomerColumns> =>
  ({ name, spendLastYear: last, spendThisYear: now, orders, profit, strategic, growthPotential, recencyDays, r: '', f: '', m: '' });

/**
 * Chapter 10's ten accounts. The chapter shows spend, contribution, ratings and growth; the orders,
 * profit and last year's spend here reproduce every figure it shows (contribution and composite
 * to 2 decimals, growth to 0.1 point).
 */
export const exampleCustomerRows: RawRow<CustomerColumns>[] = [
  customer('A', '3000000', '3380000', '60', '520000', '5', '4'),
  customer('B', '2200000', '2100000', '49', '249000', '4', '3'),
  customer('C', '1100000', '1500000', '50', '156000', '3', '5'),
  customer('D', '1000000', '900000', '26', '107000', '4', '2'),
  customer('E', '560000', '650000', '16', '77000', '2', '4'),
  customer('F', '400000', '520000', '13', '62000', '3', '3'),
  customer('G', '390000', '300000', '9', '39000', '2', '2'),
  customer('H', '200000', '220000', '5', '29000', '1', '3'),
  customer('I', '159900', '150000', '4', '14000', '2', '1'),
  customer('J', '120000', '80000', '2', '4000', '1', '2'),
];

const defaultCustomerRows: RawRow<CustomerColumns>[] = [
  customer('North Retail', '800000', '950000', '24', '120000', '4', '3', '12'),
  customer('Eastern Foods', '450000', '420000', '15', '50000', '3', '4', '30'),
  customer('Metro Supplies', '300000', '400000', '18', '45000', '2', '5', '8'),
  customer('Lakeside Co', '250000', '180000', '6', '15000', '3', '2', '95'),
  customer('Harbour Trading', '120000', '130000', '5', '12000', '2', '2', '40'),
];

export const customerTiers = defineCalculator({
  id: 'C10.1',
  fields: {
    source: { kind: 'choice', options: contributionSources },
    wContribution: { kind: 'number', min: 0, max: 1000 },
    wStrategic: { kind: 'number', min: 0, max: 1000 },
    wGrowth: { kind: 'number', min: 0, max: 1000 },
    vipShare: { kind: 'percent', min: 0, max: 1 },
    potentialShare: { kind: 'percent', min: 0, max: 1 },
    upgradeAt: { kind: 'percent', min: 0, max: 100 },
    downgradeAt: { kind: 'percent', min: 0, max: 1 },
  },
  defaults: { source: 'rfm', wContribution: '50', wStrategic: '25', wGrowth: '25', vipShare: '20', potentialShare: '30', upgradeAt: '30', downgradeAt: '20' },
  example: { source: 'measures', wContribution: '50', wStrategic: '25', wGrowth: '25', vipShare: '20', potentialShare: '30', upgradeAt: '30', downgradeAt: '20' },
  table: { columns: customerColumns, minRows: 1, maxRows: 1000 },
  defaultRows: defaultCustomerRows,
  exampleRows: exampleCustomerRows,
  compute(values, rows) {
    const r: Partial<CustomerTiersResults> = {};
    const issues: Issue[] = [];
    const source = values.source;
    if (source === undefined) return { results: r, issues };

    // Rows usable for the chosen contribution source; each excluded row is reported once.
    const needed: Record<ContributionSource, (keyof CustomerColumns)[]> = {
      measures: ['spendThisYear', 'orders', 'profit', 'strategic', 'growthPotential'],
      rfm: ['spendThisYear', 'orders', 'recencyDays', 'strategic', 'growthPotential'],
      rfmScores: ['spendThisYear', 'r', 'f', 'm', 'strategic', 'growthPotential'],
    };
    const usable = rows
      .map((read, row) => ({ row, v: read.values, errors: read.errors }))
      .filter(({ row, v, errors }) => {
        const missing = needed[source].filter((k) => v[k] == null);
        if (missing.length > 0 || errors.spendLastYear !== undefined) {
          issues.push({ severity: 'warning', row, column: missing[0] ?? 'spendLastYear', code: 'c10_1.rowExcluded' });
          return false;
        }
        return true;
      });
    const n = usable.length;
    if (n === 0) {
      issues.push({ severity: 'error', code: 'c10_1.noCustomers' });
      return { results: r, issues };
    }

    let contribution: number[] | undefined;
    if (source === 'measures') {
      const spend = minMaxRescaleAll(usable.map((u) => u.v.spendThisYear!), true);
      const orders = minMaxRescaleAll(usable.map((u) => u.v.orders!), true);
      const profit = minMaxRescaleAll(usable.map((u) => u.v.profit!), true);
      contribution = usable.map((_, i) => weightedScore([spend[i]!, orders[i]!, profit[i]!], [1, 1, 1])!);
    } else if (source === 'rfm') {
      const scored = scoreRfm(usable.map((u) => ({ recencyDays: u.v.recencyDays!, frequency: u.v.orders!, monetary: u.v.spendThisYear! })), 5);
      if (!scored.ok) {
        issues.push({ severity: 'error', code: scored.reason === 'tooFewCustomers' ? 'c10_1.rfmTooFew' : 'c10_1.tooExtreme', params: { min: RFM_MIN_CUSTOMERS } });
        return { results: r, issues };
      }
      if (scored.smallSample) issues.push({ severity: 'info', code: 'c10_1.rfmSmallSample' });
      contribution = scored.total.map((t) => t / 3);
    } else {
      contribution = usable.map((u) => (u.v.r! + u.v.f! + u.v.m!) / 3);
    }

    const weights = need(values, 'wContribution', 'wStrategic', 'wGrowth');
    const shares = need(values, 'vipShare', 'potentialShare');
    if (shares && round9(shares.vipShare + shares.potentialShare) > 1) {
      issues.push({ severity: 'error', field: 'potentialShare', code: 'c10_1.sharesAbove100' });
    }
    if (!weights || !shares || round9(shares.vipShare + shares.potentialShare) > 1) return finish(r, issues);
    const w = [weights.wContribution, weights.wStrategic, weights.wGrowth];
    if (round9(w[0]! + w[1]! + w[2]!) === 0) {
      issues.push({ severity: 'error', field: 'wContribution', code: 'c10_1.weightsZero' });
      return finish(r, issues);
    }
    const composite = usable.map((u, i) => weightedScore([contribution![i]!, u.v.strategic!, u.v.growthPotential!], w)!);

    // Rank: highest composite first, ties in table order; equal composites share the first one's tier.
    const order = usable.map((_, i) => i).sort((a, b) => round9(composite[b]!) - round9(composite[a]!) || a - b);
    const tierAt = (position: number): Tier => {
      const q = round9(position / n);
      if (q <= round9(shares.vipShare)) return 'vip';
      if (q <= round9(shares.vipShare + shares.potentialShare)) return 'potential';
      return 'basic';
    };
    const tierOf = new Array<Tier>(n);
    const rankOf = new Array<number>(n);
    order.forEach((i, k) => {
      rankOf[i] = k + 1;
      const previous = k > 0 ? order[k - 1]! : -1;
      tierOf[i] = previous >= 0 && round9(composite[previous]!) === round9(composite[i]!) ? tierOf[previous]! : tierAt(k + 1);
    });

    const up = values.upgradeAt;
    const down = values.downgradeAt;
    const customers: CustomerResult[] = usable.map((u, i) => {
      const last = u.v.spendLastYear ?? null;
      const isNew = last !== null && round9(last) === 0;
      const growth = last !== null && !isNew ? (u.v.spendThisYear! - last) / last : null;
      let flag: MovementFlag | null = null;
      if (growth !== null && up != null && round9(growth) >= round9(up)) flag = tierOf[i] === 'vip' ? 'growingVip' : 'upgradeCandidate';
      else if (growth !== null && down != null && round9(growth) <= round9(-down)) flag = tierOf[i] === 'basic' ? 'decliningBasic' : 'downgradeWarning';
      return { row: u.row, contribution: contribution![i]!, composite: composite[i]!, rank: rankOf[i]!, tier: tierOf[i]!, growth, isNew, flag };
    });

    r.customers = customers;
    r.ranking = order.map((i) => usable[i]!.row);
    const tierCounts: Record<Tier, number> = { vip: 0, potential: 0, basic: 0 };
    const tierRevenue: Record<Tier, number> = { vip: 0, potential: 0, basic: 0 };
    customers.forEach((c, i) => {
      tierCounts[c.tier]++;
      tierRevenue[c.tier] += usable[i]!.v.spendThisYear!;
    });
    r.tierCounts = tierCounts;
    r.tierRevenue = tierRevenue;
    r.totalRevenue = tierRevenue.vip + tierRevenue.potential + tierRevenue.basic;
    r.upgradeCandidates = customers.filter((c) => c.flag === 'upgradeCandidate').map((c) => c.row);
    r.downgradeWarnings = customers.filter((c) => c.flag === 'downgradeWarning').map((c) => c.row);
    r.scatter = customers.filter((c) => c.growth !== null).map((c) => ({ row: c.row, composite: c.composite, growth: c.growth! }));
    if (customers.some((c) => c.isNew)) issues.push({ severity: 'info', code: 'c10_1.newCustomers', params: { count: customers.filter((c) => c.isNew).length } });
    return finish(r, issues);
  },
});

function finish(r: Partial<CustomerTiersResults>, issues: Issue[]) {
  if (dropNonFinite(r).length) issues.push({ severity: 'warning', code: 'c10_1.tooExtreme' });
  return { results: r, issues };
}
