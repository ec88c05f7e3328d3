/**
 * Every calculator the methodology defines, by its methodology id.
 * Pages may only reference ids listed here; `implemented` marks the ones with a
 * module and island today (an MDX `<Calculator id>` for any other id fails the build).
 */
export const CALCULATOR_IDS = [
  'C01.1', 'C01.2', 'C02.1', 'C02.2', 'C02.3', 'C03.1', 'C03.2', 'C03.3',
  'C04.1', 'C04.2', 'C04.3', 'C05.1', 'C05.2', 'C05.3', 'C06.1', 'C06.2',
  'C07.1', 'C07.2', 'C08.1', 'C08.2', 'C08.3', 'C09.1', 'C09.2', 'C10.1',
  'C10.2', 'C10.3', 'C11.1', 'C11.2', 'C12.1', 'C12.2', 'C12.3', 'C13.1',
  'C13.2', 'C13.3', 'C14.1', 'C14.2',
] as const;

export type CalculatorId = (typeof CALCULATOR_IDS)[number];

export function isCalculatorId(value: string): value is CalculatorId {
  return (CALCULATOR_IDS as readonly string[]).includes(value);
}

/** Chapter slugs, in methodology order; the sidebar and the home page list them. */
export const CHAPTERS = [
  { number: 1, slug: '01-strategy', phase: 'analyse' },
  { number: 2, slug: '02-environment', phase: 'analyse' },
  { number: 3, slug: '03-segmentation', phase: 'analyse' },
  { number: 4, slug: '04-product', phase: 'decide' },
  { number: 5, slug: '05-pricing', phase: 'decide' },
  { number: 6, slug: '06-channels', phase: 'decide' },
  { number: 7, slug: '07-brand', phase: 'decide' },
  { number: 8, slug: '08-digital', phase: 'execute' },
  { number: 9, slug: '09-sales', phase: 'execute' },
  { number: 10, slug: '10-customers', phase: 'execute' },
  { number: 11, slug: '11-operations', phase: 'execute' },
  { number: 12, slug: '12-budget', phase: 'control' },
  { number: 13, slug: '13-risk', phase: 'control' },
  { number: 14, slug: '14-monitoring', phase: 'control' },
] as const;

export type ChapterPhase = (typeof CHAPTERS)[number]['phase'];
