/**
 * Small builders for the Chart.js configurations islands hand to `ChartFigure`: series coloured
 * from the theme's palette (one distinct colour per series unless told otherwise), axes with
 * formatted ticks and titles, and tooltips in the reader's number format. Types only from
 * Chart.js: this module is in every island's bundle, Chart.js itself is not.
 */
import type { ChartConfiguration, ChartDataset, Plugin } from 'chart.js';
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

/** Resolves a series colour; by default series `i` takes palette colour `i`. */
export function colorOf(palette: ChartPalette, color: SeriesColor | undefined, index: number): string | string[] {
  if (typeof color === 'function') return color(palette);
  if (color === 'alert') return palette.alert;
  if (color === 'grid') return palette.grid;
  const i = color ?? index;
  return palette.series[i % palette.series.length]!;
}

function axis(a: Axis | undefined, stacked: boolean | undefined, linear: boolean, position?: 'right') {
  if (!a && !stacked && !linear && !position) return undefined;
  return {
    ...(linear ? { type: 'linear' as const } : {}),
    ...(position ? { position, grid: { drawOnChartArea: false } } : {}),
    ...(a?.title ? { title: { display: true, text: a.title } } : {}),
    ...(a?.min !== undefined ? { min: a.min } : {}),
    ...(a?.max !== undefined ? { max: a.max } : {}),
    ...(a?.beginAtZero ? { beginAtZero: true } : {}),
    ...(stacked || a?.stacked ? { stacked: true } : {}),
    ...(a?.format ? { ticks: { callback: (v: number | string) => a.format!(Number(v)) } } : {}),
    // Category ticks: never rotate into a clipped label, never skip one.
    ...(a?.category ? { ticks: { autoSkip: false, maxRotation: 0 } } : {}),
  };
}

/**
 * A cartesian chart (line, bar, scatter or bubble) from series, axes and formats. Lines without
 * category labels use x/y points on linear axes.
 */
export function chart(type: 'line' | 'bar' | 'scatter' | 'bubble', spec: ChartSpec): ChartBuilder {
  return (palette) => {
    const linearX = !spec.labels && !spec.horizontal && type !== 'bar';
    const valueAxis = spec.horizontal ? 'x' : 'y';
    const format = (spec.horizontal ? spec.x : spec.y)?.format ?? ((v: number) => String(v));
    const format2 = spec.y2?.format ?? format;
    const datasets = spec.series.map((s, i) => {
      const color = colorOf(palette, s.color, i);
      const own = s.type ?? type;
      const isLine = own === 'line';
      return {
        ...(s.type && s.type !== type ? { type: s.type } : {}),
        label: s.label,
        data: s.data,
        borderColor: color,
        backgroundColor: own === 'bubble' ? (typeof s.color === 'function' ? color : palette.fill[(typeof s.color === 'number' ? s.color : i) % palette.fill.length]) : color,
        ...(isLine ? { pointRadius: s.points ?? 0, borderWidth: 2 } : own === 'scatter' ? { pointRadius: s.points ?? 5 } : {}),
        ...(s.dash ? { borderDash: [6, 4] } : {}),
        ...(s.secondAxis ? { yAxisID: 'y2' } : {}),
        ...s.extra,
      } as ChartDataset;
    });
    const scales: Record<string, unknown> = {};
    const x = axis(spec.x, spec.stacked, linearX);
    const y = axis(spec.y, spec.stacked, false);
    if (x) scales['x'] = x;
    if (y) scales['y'] = y;
    if (spec.y2) scales['y2'] = axis(spec.y2, false, false, 'right');
    const tooltip =
      spec.tooltip ??
      ((item: TooltipItem) => {
        const value = item.parsed[valueAxis] ?? 0;
        const text = item.dataset.label === undefined ? '' : `${item.dataset.label}: `;
        const onSecond = spec.series[item.datasetIndex]?.secondAxis;
        const at = linearX && spec.x?.format && item.parsed.x != null ? ` @ ${spec.x.format(item.parsed.x)}` : item.label && spec.labels ? ` (${item.label})` : '';
        return `${text}${(onSecond ? format2 : format)(value)}${at}`;
      });
    return {
      type,
      ...(spec.plugins ? { plugins: spec.plugins(palette) } : {}),
      data: { ...(spec.labels ? { labels: spec.labels.map((l) => (spec.wrapLabels ? wrapLabel(l, spec.wrapLabels) : l)) } : {}), datasets },
      options: {
        // x/y points are already in Chart.js's internal form, except a bubble's radius, which must be parsed.
        ...(linearX && type !== 'bubble' ? { parsing: false as const } : {}),
        ...(spec.horizontal ? { indexAxis: 'y' as const } : {}),
        scales,
        plugins: { tooltip: { callbacks: { label: tooltip as never } } },
      },
    } as ChartConfiguration;
  };
}

/** Whether two series need separate axes: their largest values differ by more than ten times. */
export function needsSecondAxis(a: readonly number[], b: readonly number[]): boolean {
  const max = (values: readonly number[]) => Math.max(0, ...values.map((v) => Math.abs(v)).filter(Number.isFinite));
  const ma = max(a);
  const mb = max(b);
  if (ma === 0 || mb === 0) return false;
  return Math.max(ma, mb) / Math.min(ma, mb) > 10;
}

/** Splits a label into lines of at most `width` characters at spaces (Chart.js draws an array as lines). */
export function wrapLabel(text: string, width: number): string | string[] {
  if (text.length <= width) return text;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  // A label without spaces (Chinese) is cut into pieces of `width` characters.
  return lines.flatMap((l) => (l.length > width ? l.match(new RegExp(`.{1,${width}}`, 'gu')) ?? [l] : [l]));
}

/**
 * Draws the nine-cell grid under the bubbles: dashed lines at the cut-offs and each cell's name
 * (`name(attractivenessLevel, abilityLevel)`, levels 1–3) in its top-left corner.
 */
export function nineCellPlugin(cuts: readonly [number, number], name: (a: 1 | 2 | 3, b: 1 | 2 | 3) => string, color: string): Plugin {
  return {
    id: 'nineCell',
    beforeDatasetsDraw: (c) => {
      const { ctx: g, chartArea: area, scales } = c;
      const x = scales['x']!;
      const y = scales['y']!;
      const xs = [area.left, ...cuts.map((v) => x.getPixelForValue(v)), area.right];
      const ys = [area.bottom, ...cuts.map((v) => y.getPixelForValue(v)), area.top];
      g.save();
      g.strokeStyle = color;
      g.fillStyle = color;
      g.globalAlpha = 0.5;
      g.setLineDash([4, 4]);
      for (let i = 1; i <= 2; i++) {
        g.beginPath();
        g.moveTo(xs[i]!, area.top);
        g.lineTo(xs[i]!, area.bottom);
        g.moveTo(area.left, ys[i]!);
        g.lineTo(area.right, ys[i]!);
        g.stroke();
      }
      g.globalAlpha = 0.75;
      g.font = '11px system-ui, sans-serif';
      g.textBaseline = 'top';
      for (const a of [1, 2, 3] as const) {
        for (const b of [1, 2, 3] as const) {
          const text = name(a, b);
          const left = xs[b - 1]! + 4;
          const top = ys[a]! + 3;
          const room = xs[b]! - xs[b - 1]! - 8;
          g.fillText(text, left, top, Math.max(room, 10));
        }
      }
      g.restore();
    },
  };
}
