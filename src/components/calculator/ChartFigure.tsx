/**
 * A chart with its accessible twin: a labelled canvas (role="img") plus the same numbers as a
 * table. The drawn chart (`ChartLive`) and Chart.js are imported together when the chart nears
 * the viewport, so this shell is all the kit carries; colours come from the theme's CSS variables
 * and follow Starlight's light/dark switch. The legend (which toggles series) and the hover
 * tooltip are HTML, so Chart.js's legend and tooltip plugins stay out of the bundle. Doughnuts
 * are `DonutFigure`s (SVG, server-side included), imported only by the islands that draw one.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ChartBuilder, CartesianChart } from '../../lib/kit/chart-config';
import type { ChartModule } from './ChartLive';
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

export interface ChartFigureProps {
  ctx: FieldContext;
  id: string;
  title: string;
  description: string;
  /**
   * The chart: `chart(type, spec)` (built when drawn, see chart-build.ts), or a function building
   * the Chart.js configuration (called again when data or theme change).
   */
  config: CartesianChart | ChartBuilder | null | undefined | false;
  table: ChartTable;
  /** Serialised data, so the chart is rebuilt only when the numbers change. */
  dataKey: string;
}

/** The live chart and Chart.js, fetched together the first time a chart nears the viewport. */
const loadLive = () =>
  Promise.all([import('./ChartLive'), import('../../lib/kit/chart-setup'), import('../../lib/kit/chart-build')]).then(([live, setup, build]) => ({
    ChartLive: live.ChartLive,
    module: { ...setup, ...build } as ChartModule,
  }));

export function ChartFigure({ ctx, id, title, description, config, table, dataKey }: ChartFigureProps) {
  const figureRef = useRef<HTMLElement>(null);
  const [state, setState] = useState<'idle' | 'ready' | 'failed'>('idle');
  const [live, setLive] = useState<Awaited<ReturnType<typeof loadLive>> | null>(null);
  const label = `${title}. ${description}`;

  // Chart.js (the heaviest code on the page) is fetched when the chart comes near the viewport,
  // not when the island hydrates: islands hydrate early (on idle) so typing is never lost.
  const [near, setNear] = useState(false);
  useEffect(() => {
    const figure = figureRef.current;
    if (near || !figure) return;
    if (typeof IntersectionObserver === 'undefined') return setNear(true);
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin: '200px' });
    observer.observe(figure);
    const beforePrint = () => setNear(true);
    window.addEventListener('beforeprint', beforePrint);
    return () => {
      observer.disconnect();
      window.removeEventListener('beforeprint', beforePrint);
    };
  }, [near]);

  useEffect(() => {
    if (!near || !config || live) return;
    let cancelled = false;
    loadLive()
      .then((loaded) => !cancelled && setLive(loaded))
      .catch(() => !cancelled && setState('failed'));
    return () => {
      cancelled = true;
    };
  }, [near, !config]);

  return (
    <figure class="calc-chart" data-chart={id} data-chart-state={state} ref={figureRef}>
      <figcaption>{title}</figcaption>
      {live && config && state !== 'failed' ? (
        <live.ChartLive ctx={ctx} module={live.module} config={config} dataKey={dataKey} label={label} onDrawn={() => setState('ready')} onFailed={() => setState('failed')} />
      ) : (
        <div class="calc-chart-canvas">
          <canvas role="img" aria-label={label} />
          {state === 'idle' && config ? <p class="calc-chart-status">{ctx.ui.kit.chartLoading}</p> : null}
          {state === 'failed' ? <p class="calc-chart-status">{ctx.ui.kit.chartFailed}</p> : null}
        </div>
      )}
      <ChartTableDetails ctx={ctx} title={title} table={table} />
    </figure>
  );
}

/** The chart's numbers as a table, behind "Show the chart data as a table". */
export function ChartTableDetails({ ctx, title, table }: { ctx: FieldContext; title: string; table: ChartTable }) {
  return (
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
  );
}
