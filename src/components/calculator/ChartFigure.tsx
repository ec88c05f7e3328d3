/**
 * A chart with its accessible twin: a labelled canvas (role="img") plus the same numbers as a
 * table. Chart.js is imported on first draw only; colours come from the theme's CSS variables
 * and follow Starlight's light/dark switch. The legend (which toggles series) and the hover
 * tooltip are HTML, so Chart.js's legend and tooltip plugins stay out of the bundle; a
 * `doughnut` configuration is drawn as SVG by `ShareDonut`, server-side included.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Chart as ChartInstance, ChartConfiguration } from 'chart.js';
import type { Tip } from '../../lib/kit/chart-setup';
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
  config: ((palette: ChartPalette) => ChartConfiguration) | null | undefined | false;
  table: ChartTable;
  /** Serialised data, so the chart is rebuilt only when the numbers change. */
  dataKey: string;
}

const SERIES = [1, 2, 3, 4, 5, 6, 7];

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

interface LegendEntry {
  label: string;
  color: string;
  hidden: boolean;
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
  const repaintLegend = ({ swatchColor }: ChartModule, chart: ChartInstance, palette: ChartPalette) => {
    legendRef.current?.querySelectorAll<HTMLElement>('.calc-swatch').forEach((swatch, i) => {
      if (i < chart.data.datasets.length) swatch.style.background = swatchColor(chart, i, palette);
    });
  };

  /** Draws (or redraws) the chart with the latest configuration; see `drawChart`. */
  const draw = (module: ChartModule, palette: ChartPalette, print: boolean, keepHidden: boolean) => {
    const canvas = canvasRef.current;
    const build = configRef.current;
    if (!canvas || !build) return;
    const chart = module.drawChart(canvas, build(palette), palette, print, keepHidden, chartRef.current, setTip);
    chartRef.current = chart;
    return chart;
  };

  // Chart.js (the heaviest code on the page) is fetched when the chart comes near the viewport,
  // not when the island hydrates: islands hydrate early (on idle) so typing is never lost.
  const [near, setNear] = useState(false);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (near || !canvas) return;
    if (typeof IntersectionObserver === 'undefined') return setNear(true);
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin: '200px' });
    observer.observe(canvas.closest('figure') ?? canvas);
    const beforePrint = () => setNear(true);
    window.addEventListener('beforeprint', beforePrint);
    return () => {
      observer.disconnect();
      window.removeEventListener('beforeprint', beforePrint);
    };
  }, [near, isDonut]);

  useEffect(() => {
    let cancelled = false;
    const canvas = canvasRef.current;
    if (!canvas || !config || isDonut) {
      chartRef.current?.destroy();
      chartRef.current = null;
      if (isDonut) setState('ready');
      return;
    }
    if (!near) return;
    import('../../lib/kit/chart-setup')
      .then((module) => {
        if (cancelled) return;
        loaded = module;
        const palette = module.readPalette();
        const chart = draw(module, palette, false, false);
        if (!chart) return;
        setLegend(
          chart.data.datasets.map((dataset, i) => ({
            label: dataset.label ?? '',
            color: module.swatchColor(chart, i, palette),
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
  }, [dataKey, theme, near]);

  // Printing: the canvas keeps what it drew, so redraw synchronously for paper (light palette,
  // fixed size, no animation) before the page is laid out for print, and back for the screen after.
  useEffect(() => {
    const redraw = (print: boolean) => {
      if (!loaded || !chartRef.current) return;
      const palette = print ? loaded.printPalette : loaded.readPalette();
      const chart = draw(loaded, palette, print, true);
      if (chart) repaintLegend(loaded, chart, palette);
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
