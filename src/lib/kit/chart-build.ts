/**
 * Builds the Chart.js configuration of a `chart(type, spec)` description: series coloured from the
 * theme's palette (one distinct colour per series unless told otherwise), axes with formatted
 * ticks and titles, and tooltips in the reader's number format. Loaded with Chart.js when a chart
 * is first drawn (see ChartFigure), not with the islands.
 */
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import type { ChartPalette } from '../../components/calculator/ChartFigure';
import type { Axis, CartesianChart, SeriesColor, TooltipItem } from './chart-config';

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

/** The Chart.js configuration of a cartesian chart, in `palette`. */
export function buildCartesian({ type, spec }: CartesianChart, palette: ChartPalette): ChartConfiguration {
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
