/**
 * A doughnut of shares: the same figure as `ChartFigure` (caption, chart, the numbers as a
 * table), drawn as SVG by `ShareDonut`, so it is server-rendered, follows the theme without a
 * redraw and needs no Chart.js. Its own module: only the islands that draw a doughnut load it.
 */
import { useEffect, useState } from 'preact/hooks';
import { ChartTableDetails, type ChartFigureProps, type ChartPalette } from './ChartFigure';
import { ShareDonut } from './ShareDonut';
import type { ChartBuilder } from '../../lib/kit/chart-config';

const SERIES = [1, 2, 3, 4, 5, 6, 7];

/** Colours as CSS variables: right for SVG, which resolves them itself (and on the server). */
const cssPalette: ChartPalette = {
  text: 'var(--sl-color-gray-2)',
  grid: 'var(--mpp-grid)',
  series: SERIES.map((i) => `var(--mpp-series-${i})`),
  fill: SERIES.map((i) => `var(--mpp-series-${i})`),
  alert: 'var(--mpp-alert)',
};

/** `config` builds a Chart.js `doughnut` (or `pie`) configuration: labels, one dataset, its colours. */
export function DonutFigure({ ctx, id, title, description, config, table }: Omit<ChartFigureProps, 'config' | 'dataKey'> & { config: ChartBuilder | null | undefined | false; dataKey?: string }) {
  // Drawn on the server too; "ready" once live, like a Chart.js figure once drawn.
  const [state, setState] = useState<'idle' | 'ready'>('idle');
  useEffect(() => setState('ready'), []);
  const donut = config ? config(cssPalette) : null;
  const dataset = donut?.data.datasets[0];
  const colors = dataset?.backgroundColor;
  return (
    <figure class="calc-chart" data-chart={id} data-chart-state={state}>
      <figcaption>{title}</figcaption>
      <ShareDonut
        label={`${title}. ${description}`}
        formatShare={(f) => ctx.format.percent(f, 1)}
        slices={(donut?.data.labels ?? []).map((label, i) => ({
          label: String(label),
          value: Number(dataset?.data[i] ?? 0),
          color: Array.isArray(colors) ? String(colors[i]) : undefined,
        }))}
      />
      <ChartTableDetails ctx={ctx} title={title} table={table} />
    </figure>
  );
}
