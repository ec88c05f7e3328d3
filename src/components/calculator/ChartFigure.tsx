/**
 * A chart with its accessible twin: a labelled canvas (role="img") plus the same numbers as a
 * table. Chart.js is imported on first draw only; colours come from the theme's CSS variables
 * and follow Starlight's light/dark switch.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ChartConfiguration } from 'chart.js';
import type { FieldContext } from './Fields';

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

function readPalette(): ChartPalette {
  const style = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const series = [1, 2, 3, 4, 5, 6].map((i) => v(`--mpp-series-${i}`, '#1f77b4'));
  return {
    text: v('--sl-color-gray-2', '#333'),
    grid: v('--mpp-grid', 'rgba(128,128,128,0.25)'),
    series,
    fill: series.map((c) => (/^#[0-9a-f]{6}$/i.test(c) ? `${c}40` : c)),
    alert: v('--mpp-alert', '#c0392b'),
  };
}

export function ChartFigure({ ctx, id, title, description, config, table, dataKey }: ChartFigureProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<{ destroy(): void } | null>(null);
  const [state, setState] = useState<'idle' | 'ready' | 'failed'>('idle');
  const [theme, setTheme] = useState('');

  useEffect(() => {
    const root = document.documentElement;
    setTheme(root.dataset['theme'] ?? '');
    const observer = new MutationObserver(() => setTheme(root.dataset['theme'] ?? ''));
    observer.observe(root, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    let cancelled = false;
    const canvas = canvasRef.current;
    if (!canvas || !config) {
      chartRef.current?.destroy();
      chartRef.current = null;
      return;
    }
    import('../../lib/kit/chart-setup')
      .then(({ Chart }) => {
        if (cancelled) return;
        const palette = readPalette();
        const cfg = config(palette);
        const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
        cfg.options = {
          responsive: true,
          maintainAspectRatio: false,
          ...(reduceMotion ? { animation: false } : {}),
          ...cfg.options,
          plugins: { ...cfg.options?.plugins, legend: { labels: { color: palette.text }, ...cfg.options?.plugins?.legend } },
        };
        Chart.defaults.color = palette.text;
        Chart.defaults.borderColor = palette.grid;
        chartRef.current?.destroy();
        chartRef.current = new Chart(canvas, cfg);
        setState('ready');
      })
      .catch(() => !cancelled && setState('failed'));
    return () => {
      cancelled = true;
    };
    // `config` is a fresh closure each render; `dataKey` says when its data really changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dataKey, theme]);

  useEffect(() => () => chartRef.current?.destroy(), []);

  return (
    <figure class="calc-chart" data-chart={id} data-chart-state={state}>
      <figcaption>{title}</figcaption>
      <div class="calc-chart-canvas">
        <canvas ref={canvasRef} role="img" aria-label={`${title}. ${description}`} />
        {state === 'idle' && config ? <p class="calc-chart-status">{ctx.ui.kit.chartLoading}</p> : null}
        {state === 'failed' ? <p class="calc-chart-status">{ctx.ui.kit.chartFailed}</p> : null}
      </div>
      <details class="calc-chart-table">
        <summary>{ctx.ui.kit.showTable}</summary>
        <div class="calc-table-scroll">
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
