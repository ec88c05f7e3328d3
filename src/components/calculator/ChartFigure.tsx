/**
 * A chart with its accessible twin: a labelled canvas (role="img") plus the same numbers as a
 * table. Chart.js is imported on first draw only; colours come from the theme's CSS variables
 * and follow Starlight's light/dark switch. The legend (which toggles series) and the hover
 * tooltip are HTML, so Chart.js's legend and tooltip plugins stay out of the bundle; a
 * `doughnut` configuration is drawn as SVG by `ShareDonut`, server-side included.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Chart as ChartInstance, ChartConfiguration, ChartEvent } from 'chart.js';
import type { FieldContext } from './Fields';
import { ShareDonut } from './ShareDonut';

export interface ChartPalette {
  text: string;
  grid: string;
  series: string[];
  /** Translucent fill for each series colour. */
  fill: string[];
  alert: string;
}

export interface ChartTable {
  columns: string[];
  rows: string[][];
}

interface ChartFigureProps {
  ctx: FieldContext;
  id: string;
  title: string;
  description: string;
  /** Builds the Chart.js configuration; called again when data or theme change. */
  config: ((palette: ChartPalette) => ChartConfiguration) | null;
  table: ChartTable;
  /** Serialised data, so the chart is rebuilt only when the numbers change. */
  dataKey: string;
}

const SERIES = [1, 2, 3, 4, 5, 6];

/** Colours as CSS variables: right for SVG, which resolves them itself (and on the server). */
const cssPalette: ChartPalette = {
  text: 'var(--sl-color-gray-2)',
  grid: 'var(--mpp-grid)',
  series: SERIES.map((i) => `var(--mpp-series-${i})`),
  fill: SERIES.map((i) => `var(--mpp-series-${i})`),
  alert: 'var(--mpp-alert)',
};

type ChartModule = typeof import('../../lib/kit/chart-setup');
/** Chart.js once loaded (with the print palette), so a print can redraw synchronously in `beforeprint`. */
let loaded: ChartModule | null = null;

/** Colours resolved from the current theme: a canvas cannot read CSS variables. */
function readPalette(): ChartPalette {
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
function swatchColor(chart: ChartInstance, index: number, palette: ChartPalette): string {
  const dataset = chart.data.datasets[index]!;
  return String((Array.isArray(dataset.borderColor) ? dataset.borderColor[0] : dataset.borderColor) ?? dataset.backgroundColor ?? palette.series[index % 6]);
}

interface LegendEntry {
  label: string;
  color: string;
  hidden: boolean;
}

interface Tip {
  x: number;
  y: number;
  lines: string[];
}

type LabelCallback = (item: unknown) => string | string[];

/** Text for the hovered points, through the config's `plugins.tooltip.callbacks.label` when given. */
function tooltipLines(chart: ChartInstance, event: ChartEvent, callback: LabelCallback | undefined): Tip | null {
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
    if (callback) {
      const out = callback(item);
      return Array.isArray(out) ? out.join(' ') : out;
    }
    const y = parsed['y'] ?? parsed['x'];
    return `${dataset.label ?? ''}: ${label ? `${label} ` : ''}${typeof y === 'number' ? y.toLocaleString() : ''}`;
  });
  const { x, y } = hits[0]!.element.getProps(['x', 'y'], true) as { x: number; y: number };
  return { x, y, lines };
}

export function ChartFigure({ ctx, id, title, description, config, table, dataKey }: ChartFigureProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<ChartInstance | null>(null);
  const [state, setState] = useState<'idle' | 'ready' | 'failed'>('idle');
  const [theme, setTheme] = useState('');
  const [legend, setLegend] = useState<LegendEntry[]>([]);
  const [tip, setTip] = useState<Tip | null>(null);
  const donut = config ? config(cssPalette) : null;
  const donutType = (donut as { type?: string } | null)?.type;
  const isDonut = donutType === 'doughnut' || donutType === 'pie';

  useEffect(() => {
    const root = document.documentElement;
    setTheme(root.dataset['theme'] ?? '');
    const observer = new MutationObserver(() => setTheme(root.dataset['theme'] ?? ''));
    observer.observe(root, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, []);

  // The latest configuration, for the print redraw (which runs outside a render).
  const configRef = useRef(config);
  configRef.current = config;

  const legendRef = useRef<HTMLUListElement>(null);

  /** The legend's swatches follow a print redraw at once (a re-render would come after the print). */
  const repaintLegend = (chart: ChartInstance, palette: ChartPalette) => {
    legendRef.current?.querySelectorAll<HTMLElement>('.calc-swatch').forEach((swatch, i) => {
      if (i < chart.data.datasets.length) swatch.style.background = swatchColor(chart, i, palette);
    });
  };

  /** Draws (or redraws) the chart; for print, at paper size in the print palette, without animation. */
  const draw = ({ Chart, PRINT_SIZE }: ChartModule, palette: ChartPalette, print: boolean, keepHidden: boolean) => {
    const canvas = canvasRef.current;
    const build = configRef.current;
    if (!canvas || !build) return;
    const cfg = build(palette);
    const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const labelCallback = (cfg.options?.plugins as { tooltip?: { callbacks?: { label?: LabelCallback } } } | undefined)?.tooltip?.callbacks?.label;
    cfg.options = {
      responsive: true,
      maintainAspectRatio: false,
      ...(reduceMotion ? { animation: false } : {}),
      ...cfg.options,
      ...(print ? { responsive: false, animation: false, devicePixelRatio: 2 } : {}),
      onHover: (event, _elements, chart) => setTip(tooltipLines(chart, event, labelCallback)),
    };
    const previous = chartRef.current;
    // A print redraw keeps the series the reader switched off in the legend.
    if (keepHidden && previous) cfg.data.datasets.forEach((dataset, i) => i < previous.data.datasets.length && (dataset.hidden = !previous.isDatasetVisible(i)));
    Chart.defaults.color = palette.text;
    Chart.defaults.borderColor = palette.grid;
    previous?.destroy();
    const chart = new Chart(canvas, cfg);
    if (print) chart.resize(PRINT_SIZE.width, PRINT_SIZE.height);
    chartRef.current = chart;
    return chart;
  };

  useEffect(() => {
    let cancelled = false;
    const canvas = canvasRef.current;
    if (!canvas || !config || isDonut) {
      chartRef.current?.destroy();
      chartRef.current = null;
      if (isDonut) setState('ready');
      return;
    }
    import('../../lib/kit/chart-setup')
      .then((module) => {
        if (cancelled) return;
        loaded = module;
        const palette = readPalette();
        const chart = draw(module, palette, false, false);
        if (!chart) return;
        setLegend(
          chart.data.datasets.map((dataset, i) => ({
            label: dataset.label ?? '',
            color: swatchColor(chart, i, palette),
            hidden: !chart.isDatasetVisible(i),
          })),
        );
        setTip(null);
        setState('ready');
      })
      .catch(() => !cancelled && setState('failed'));
    return () => {
      cancelled = true;
    };
    // `config` is a fresh closure each render; `dataKey` says when its data really changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dataKey, theme]);

  // Printing: the canvas keeps what it drew, so redraw synchronously for paper (light palette,
  // fixed size, no animation) before the page is laid out for print, and back for the screen after.
  useEffect(() => {
    const redraw = (print: boolean) => {
      if (!loaded || !chartRef.current) return;
      const palette = print ? loaded.printPalette : readPalette();
      const chart = draw(loaded, palette, print, true);
      if (chart) repaintLegend(chart, palette);
    };
    const before = () => redraw(true);
    const after = () => redraw(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
    // `draw` reads only refs, so the first one serves for the island's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => () => chartRef.current?.destroy(), []);

  const toggle = (index: number) => {
    const chart = chartRef.current;
    if (!chart) return;
    chart.setDatasetVisibility(index, !chart.isDatasetVisible(index));
    chart.update();
    setLegend((prev) => prev.map((entry, i) => (i === index ? { ...entry, hidden: !chart.isDatasetVisible(i) } : entry)));
  };

  return (
    <figure class="calc-chart" data-chart={id} data-chart-state={state}>
      <figcaption>{title}</figcaption>
      {isDonut && donut ? (
        <ShareDonut
          label={`${title}. ${description}`}
          formatShare={(f) => ctx.format.percent(f, 1)}
          slices={(donut.data.labels ?? []).map((label, i) => {
            const dataset = donut.data.datasets[0];
            const colors = dataset?.backgroundColor;
            return { label: String(label), value: Number(dataset?.data[i] ?? 0), color: Array.isArray(colors) ? String(colors[i]) : undefined };
          })}
        />
      ) : (
        <>
          {legend.length > 1 ? (
            <ul class="calc-legend" ref={legendRef}>
              {legend.map((entry, i) => (
                <li key={entry.label}>
                  <button type="button" class="calc-legend-item" aria-pressed={!entry.hidden} onClick={() => toggle(i)}>
                    <span class="calc-swatch" style={{ background: entry.color }} aria-hidden="true" />
                    {entry.label}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          <div class="calc-chart-canvas" onMouseLeave={() => setTip(null)}>
            <canvas ref={canvasRef} role="img" aria-label={`${title}. ${description}`} />
            {state === 'idle' && config ? <p class="calc-chart-status">{ctx.ui.kit.chartLoading}</p> : null}
            {state === 'failed' ? <p class="calc-chart-status">{ctx.ui.kit.chartFailed}</p> : null}
            {tip ? (
              <div class="calc-tooltip" style={{ left: `${tip.x}px`, top: `${tip.y}px` }} aria-hidden="true">
                {tip.lines.map((line) => <div key={line}>{line}</div>)}
              </div>
            ) : null}
          </div>
        </>
      )}
      <details class="calc-chart-table">
        <summary>{ctx.ui.kit.showTable}</summary>
        <div class="calc-table-scroll" tabIndex={0}>
          <table>
            <caption class="sr-only">{title}</caption>
            <thead>
              <tr>{table.columns.map((c) => <th scope="col" key={c}>{c}</th>)}</tr>
            </thead>
            <tbody>
              {table.rows.map((row, r) => (
                <tr key={r}>{row.map((cell, c) => (c === 0 ? <th scope="row" key={c}>{cell}</th> : <td key={c}>{cell}</td>))}</tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
