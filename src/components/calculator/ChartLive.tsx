/**
 * The drawn part of a `ChartFigure`: the Chart.js canvas with its HTML legend (which toggles
 * series) and hover tooltip, redrawn when the data or the theme change and, for print, at paper
 * size in the print palette. Loaded with Chart.js when the chart nears the viewport, so the kit
 * every island loads carries only the figure's shell (see ChartFigure).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Chart as ChartInstance, ChartConfiguration } from 'chart.js';
import type { ChartBuilder, CartesianChart } from '../../lib/kit/chart-config';
import type { Tip } from '../../lib/kit/chart-setup';
import type { ChartPalette } from './ChartFigure';
import type { FieldContext } from './Fields';

export type ChartModule = typeof import('../../lib/kit/chart-setup') & typeof import('../../lib/kit/chart-build');

function configOf(module: ChartModule, config: CartesianChart | ChartBuilder, palette: ChartPalette): ChartConfiguration {
  return typeof config === 'function' ? config(palette) : module.buildCartesian(config, palette);
}

interface LegendEntry {
  label: string;
  color: string;
  hidden: boolean;
}

export interface ChartLiveProps {
  ctx: FieldContext;
  /** Chart.js and the configuration builder, already loaded. */
  module: ChartModule;
  config: CartesianChart | ChartBuilder;
  /** Serialised data, so the chart is rebuilt only when the numbers change. */
  dataKey: string;
  label: string;
  onDrawn: () => void;
  onFailed: () => void;
}

export function ChartLive({ ctx, module, config, dataKey, label, onDrawn, onFailed }: ChartLiveProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<ChartInstance | null>(null);
  const legendRef = useRef<HTMLUListElement>(null);
  const [theme, setTheme] = useState('');
  const [legend, setLegend] = useState<LegendEntry[]>([]);
  const [tip, setTip] = useState<Tip | null>(null);

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

  /** Draws (or redraws) the chart with the latest configuration; see `drawChart`. */
  const draw = (palette: ChartPalette, print: boolean, keepHidden: boolean) => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const chart = module.drawChart(canvas, configOf(module, configRef.current, palette), palette, print, keepHidden, chartRef.current, setTip, ctx.ui.kit.labelSeparator);
    chartRef.current = chart;
    return chart;
  };

  useEffect(() => {
    try {
      const palette = module.readPalette();
      const chart = draw(palette, false, false);
      if (!chart) return;
      setLegend(chart.data.datasets.map((dataset, i) => ({ label: dataset.label ?? '', color: module.swatchColor(chart, i, palette), hidden: !chart.isDatasetVisible(i) })));
      setTip(null);
      onDrawn();
    } catch {
      onFailed();
    }
    // `config` is a fresh object each render; `dataKey` says when its data really changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dataKey, theme]);

  // Printing: the canvas keeps what it drew, so redraw synchronously for paper (light palette,
  // fixed size, no animation) before the page is laid out for print, and back for the screen after.
  useEffect(() => {
    const redraw = (print: boolean) => {
      if (!chartRef.current) return;
      const palette = print ? module.printPalette : module.readPalette();
      const chart = draw(palette, print, true);
      // The legend's swatches follow at once (a re-render would come after the print).
      if (chart) legendRef.current?.querySelectorAll<HTMLElement>('.calc-swatch').forEach((swatch, i) => {
        if (i < chart.data.datasets.length) swatch.style.background = module.swatchColor(chart, i, palette);
      });
    };
    const before = () => redraw(true);
    const after = () => redraw(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
    // `draw` reads only refs and the loaded module, so the first one serves for the chart's life.
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
        <canvas ref={canvasRef} role="img" aria-label={label} />
        {tip ? (
          <div class="calc-tooltip" style={{ left: `${tip.x}px`, top: `${tip.y}px` }} aria-hidden="true">
            {tip.lines.map((line) => <div key={line}>{line}</div>)}
          </div>
        ) : null}
      </div>
    </>
  );
}
