/**
 * The one module that imports Chart.js, loaded with a dynamic import the first time a chart is
 * drawn, so pages without charts never download it. What `ChartFigure` does only once Chart.js
 * is here (reading the theme's colours, drawing, the hover tooltip's text) lives here too, so
 * the calculator kit every island loads stays small.
 *
 * Only cartesian charts are registered (line, bar, scatter, bubble, with linear and category
 * scales): that keeps the shared chunk under its 55 KB gzip budget (measured with
 * `npm run budget`: these parts ≈ 52.4 KB; adding doughnut +3.5 KB, tooltip +4.8 KB, legend
 * +3 KB). Legends and tooltips are drawn as HTML by `ChartFigure`, and doughnuts as SVG by
 * `ShareDonut`, which also render without JavaScript.
 */
import {
  BarController,
  BarElement,
  BubbleController,
  CategoryScale,
  Chart,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
} from 'chart.js';
import type { ChartConfiguration, ChartEvent } from 'chart.js';
import type { ChartPalette } from '../../components/calculator/ChartFigure';

Chart.register(BarController, BarElement, BubbleController, CategoryScale, LinearScale, LineController, LineElement, PointElement, ScatterController);

export { Chart };

/**
 * Colours for paper, whatever the screen theme: the light theme's (calculator.css `:root` and
 * Starlight's light greys), which print.css also forces on the page. Here rather than in
 * ChartFigure: only a page that has drawn a chart needs them, and it has this chunk by then.
 */
const PRINT_SERIES = ['#0072b2', '#b26b00', '#007a5e', '#b0488a', '#333f4f', '#7a6a00', '#3f97c9'];
export const printPalette: ChartPalette = {
  text: '#353841',
  grid: 'rgba(100, 116, 139, 0.3)',
  series: PRINT_SERIES,
  fill: PRINT_SERIES.map((c) => `${c}40`),
  alert: '#c2410c',
};
/** The size (CSS pixels) a chart is drawn at for paper; print.css scales it to the page width. */
export const PRINT_SIZE = { width: 720, height: 320 };

const SERIES = [1, 2, 3, 4, 5, 6, 7];

/** Colours resolved from the current theme: a canvas cannot read CSS variables. */
export function readPalette(): ChartPalette {
  const style = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const series = SERIES.map((i) => v(`--mpp-series-${i}`, '#1f77b4'));
  return {
    text: v('--sl-color-gray-2', '#333'),
    grid: v('--mpp-grid', 'rgba(128,128,128,0.25)'),
    series,
    fill: series.map((c) => (/^#[0-9a-f]{6}$/i.test(c) ? `${c}40` : c)),
    alert: v('--mpp-alert', '#c0392b'),
  };
}

/** The colour a dataset is drawn in, for its legend swatch. */
export function swatchColor(chart: Chart, index: number, palette: ChartPalette): string {
  const dataset = chart.data.datasets[index]!;
  return String((Array.isArray(dataset.borderColor) ? dataset.borderColor[0] : dataset.borderColor) ?? dataset.backgroundColor ?? palette.series[index % palette.series.length]);
}

/** The hover tooltip `ChartFigure` shows as HTML. */
export interface Tip {
  x: number;
  y: number;
  lines: string[];
}

type LabelCallback = (item: unknown) => string | string[];

/**
 * Text for the hovered points, through the config's `plugins.tooltip.callbacks.label` when given.
 * Islands write a line as "label: value"; `separator` is the page language's own (kit strings'
 * `labelSeparator`: "：" in Chinese).
 */
function tooltipLines(chart: Chart, event: ChartEvent, callback: LabelCallback | undefined, separator: string): Tip | null {
  if (!event.native) return null;
  const type = (chart.config as { type?: string }).type;
  const mode = type === 'bar' ? 'index' : 'nearest';
  const hits = chart.getElementsAtEventForMode(event.native, mode, { intersect: type === 'scatter' || type === 'bubble' }, false);
  if (hits.length === 0) return null;
  const lines = hits.slice(0, 6).map(({ datasetIndex, index }) => {
    const dataset = chart.data.datasets[datasetIndex]!;
    const raw = dataset.data[index];
    // Same shape as Chart.js's parsed values: {x, y} (category charts: x is the index).
    const parsed = (typeof raw === 'number' ? { x: index, y: raw } : { ...(raw as object) }) as Record<string, number>;
    const label = String(chart.data.labels?.[index] ?? '');
    const item = { chart, dataset, datasetIndex, dataIndex: index, parsed, raw, label };
    let line: string;
    if (callback) {
      const out = callback(item);
      line = Array.isArray(out) ? out.join(' ') : out;
    } else {
      const y = parsed['y'] ?? parsed['x'];
      line = `${dataset.label ?? ''}: ${label ? `${label} ` : ''}${typeof y === 'number' ? y.toLocaleString() : ''}`;
    }
    return separator === ': ' ? line : line.replaceAll(': ', separator);
  });
  const { x, y } = hits[0]!.element.getProps(['x', 'y'], true) as { x: number; y: number };
  return { x, y, lines };
}

/**
 * Draws `cfg` on `canvas`, replacing `previous`; for print, at paper size in the print palette,
 * without animation. A print redraw (`keepHidden`) keeps the series the reader switched off.
 */
export function drawChart(
  canvas: HTMLCanvasElement,
  cfg: ChartConfiguration,
  palette: ChartPalette,
  print: boolean,
  keepHidden: boolean,
  previous: Chart | null,
  onTip: (tip: Tip | null) => void,
  separator = ': ',
): Chart {
  const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  const labelCallback = (cfg.options?.plugins as { tooltip?: { callbacks?: { label?: LabelCallback } } } | undefined)?.tooltip?.callbacks?.label;
  cfg.options = {
    responsive: true,
    maintainAspectRatio: false,
    ...(reduceMotion ? { animation: false } : {}),
    ...cfg.options,
    ...(print ? { responsive: false, animation: false, devicePixelRatio: 2 } : {}),
    onHover: (event, _elements, chart) => onTip(tooltipLines(chart, event, labelCallback, separator)),
  };
  if (keepHidden && previous) cfg.data.datasets.forEach((dataset, i) => i < previous.data.datasets.length && (dataset.hidden = !previous.isDatasetVisible(i)));
  Chart.defaults.color = palette.text;
  Chart.defaults.borderColor = palette.grid;
  previous?.destroy();
  const chart = new Chart(canvas, cfg);
  if (print) chart.resize(PRINT_SIZE.width, PRINT_SIZE.height);
  return chart;
}
