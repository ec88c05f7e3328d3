/**
 * How islands describe a chart for `ChartFigure`: `chart(type, spec)` names series, axes, formats
 * and tooltips; the Chart.js configuration is built from it only when the chart is drawn
 * (`chart-build.ts`, loaded with Chart.js), so this module, in every island's bundle, stays tiny.
 * Types only from Chart.js.
 */
import type { ChartConfiguration, Plugin } from 'chart.js';
import type { ChartPalette } from '../../components/calculator/ChartFigure';

export type NumberFormat = (value: number) => string;
export type ChartBuilder = (palette: ChartPalette) => ChartConfiguration;

export interface Axis {
  title?: string | undefined;
  format?: NumberFormat | undefined;
  min?: number | undefined;
  max?: number | undefined;
  beginAtZero?: boolean | undefined;
  stacked?: boolean | undefined;
  /** Category labels are never cut: long ones wrap or are drawn whole (for horizontal bars). */
  category?: boolean | undefined;
}

/** A colour: a palette index, the alert colour, or one colour per point. */
export type SeriesColor = number | 'alert' | 'grid' | ((palette: ChartPalette) => string | string[]);

export interface Series {
  label: string;
  data: readonly (number | null)[] | readonly { x: number; y: number; r?: number }[] | readonly [number, number][];
  color?: SeriesColor | undefined;
  /** Draw as a dashed line. */
  dash?: boolean | undefined;
  /** Point radius (lines default to none, scatter to 5). */
  points?: number | undefined;
  /** Mix a scatter into a line chart (markers), or a line into a bar chart. */
  type?: 'line' | 'scatter' | 'bar' | 'bubble' | undefined;
  /** Draw on the second value axis (right-hand side). */
  secondAxis?: boolean | undefined;
  /** Any other Chart.js dataset option (e.g. `pointStyle`, `grouped`, `spanGaps`). */
  extra?: Record<string, unknown> | undefined;
}

export interface ChartSpec {
  /** Category labels (bar charts and lines over categories); none for x/y data. */
  labels?: readonly string[] | undefined;
  series: readonly Series[];
  x?: Axis | undefined;
  y?: Axis | undefined;
  /** The second value axis, for series whose magnitude differs by more than ten times. */
  y2?: Axis | undefined;
  /** Bars along the y axis (rankings, tornado): the value axis is then x. */
  horizontal?: boolean | undefined;
  stacked?: boolean | undefined;
  /** Wraps category labels longer than this many characters onto several lines (never clipped). */
  wrapLabels?: number | undefined;
  /** The tooltip line of one hovered point; default "Series: value". */
  tooltip?: ((item: TooltipItem) => string) | undefined;
  plugins?: ((palette: ChartPalette) => Plugin[]) | undefined;
}

/** What a tooltip callback is given (the parts of Chart.js's item the islands use). */
export interface TooltipItem {
  datasetIndex: number;
  dataIndex: number;
  label: string;
  dataset: { label?: string | undefined };
  parsed: { x?: number | null; y?: number | null };
}

/** A cartesian chart (line, bar, scatter or bubble), built into a Chart.js configuration when drawn. */
export interface CartesianChart {
  kind: 'cartesian';
  type: 'line' | 'bar' | 'scatter' | 'bubble';
  spec: ChartSpec;
}

/**
 * A cartesian chart from series, axes and formats (see `buildCartesian`). Lines without
 * category labels use x/y points on linear axes.
 */
export function chart(type: CartesianChart['type'], spec: ChartSpec): CartesianChart {
  return { kind: 'cartesian', type, spec };
}

/** Whether two series need separate axes: their largest values differ by more than ten times. */
export function needsSecondAxis(a: readonly number[], b: readonly number[]): boolean {
  const max = (values: readonly number[]) => Math.max(0, ...values.map((v) => Math.abs(v)).filter(Number.isFinite));
  const ma = max(a);
  const mb = max(b);
  if (ma === 0 || mb === 0) return false;
  return Math.max(ma, mb) / Math.min(ma, mb) > 10;
}
