/**
 * A radar (spider) chart drawn as SVG, written once for every radar in the playbook (five forces,
 * partner scorecards, KPI scorecards). Chart.js's radar would grow the shared chart chunk; this is
 * server-rendered, follows the theme through CSS variables, and carries its figures in a data
 * table (the same markup as `ChartFigure`'s) for readers who cannot see the drawing.
 */
import type { FieldContext } from './Fields';
import { ChartTableDetails } from './ChartFigure';

export interface RadarSeries {
  label: string;
  /** One value per axis, in axis order; a missing value is drawn at the centre. */
  values: readonly (number | null | undefined)[];
}

export interface RadarChartProps {
  ctx: FieldContext;
  id: string;
  title: string;
  description: string;
  /** Axis labels, clockwise from the top. */
  axes: readonly string[];
  /** One or two series (more are drawn, but stop being readable). */
  series: readonly RadarSeries[];
  /** Value range of every axis: `min` at the centre, `max` on the outer ring. */
  min: number;
  max: number;
  /** Number of concentric grid rings (default 4). */
  rings?: number;
  format: (value: number) => string;
}

// Wide enough for axis labels of a dozen Chinese characters or two English words either side.
const WIDTH = 460;
const HEIGHT = 320;
const CX = WIDTH / 2;
const CY = HEIGHT / 2;
const RADIUS = 110;

export function RadarChart({ ctx, id, title, description, axes, series, min, max, rings = 4, format }: RadarChartProps) {
  const angle = (i: number) => (i / Math.max(axes.length, 1)) * Math.PI * 2;
  const point = (i: number, fraction: number) => {
    const r = RADIUS * Math.min(1, Math.max(0, fraction));
    return [CX + r * Math.sin(angle(i)), CY - r * Math.cos(angle(i))] as const;
  };
  const fraction = (v: number | null | undefined) => (v == null || !Number.isFinite(v) || max === min ? 0 : (v - min) / (max - min));
  const polygon = (fractions: readonly number[]) => fractions.map((fr, i) => point(i, fr).map((n) => n.toFixed(2)).join(',')).join(' ');
  const colour = (i: number) => `var(--mpp-series-${(i % 7) + 1})`;
  const drawable = axes.length >= 3;
  const cellText = (v: number | null | undefined) => (v == null || !Number.isFinite(v) ? ctx.ui.kit.notAvailable : format(v));

  return (
    <figure class="calc-chart calc-radar" data-chart={id} data-chart-state="ready">
      <figcaption>{title}</figcaption>
      {series.length > 1 ? (
        <ul class="calc-legend">
          {series.map((s, i) => (
            <li key={s.label}>
              <span class="calc-swatch" style={{ background: colour(i) }} aria-hidden="true" />
              {s.label}
            </li>
          ))}
        </ul>
      ) : null}
      {drawable ? (
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${title}. ${description}`} width={WIDTH} height={HEIGHT} style={{ maxWidth: '100%', height: 'auto' }}>
          {Array.from({ length: rings }, (_, k) => (
            <polygon key={k} points={polygon(axes.map(() => (k + 1) / rings))} fill="none" style={{ stroke: 'var(--sl-color-gray-5)' }} />
          ))}
          {axes.map((label, i) => {
            const [x, y] = point(i, 1);
            const dx = Math.sin(angle(i));
            const dy = -Math.cos(angle(i));
            return (
              <g key={label}>
                <line x1={CX} y1={CY} x2={x} y2={y} style={{ stroke: 'var(--sl-color-gray-5)' }} />
                <text
                  x={x + dx * 14}
                  y={y + dy * 14 + 4}
                  text-anchor={Math.abs(dx) < 0.2 ? 'middle' : dx > 0 ? 'start' : 'end'}
                  font-size="12"
                  style={{ fill: 'var(--sl-color-gray-2)' }}
                >
                  {label}
                </text>
              </g>
            );
          })}
          {series.map((s, k) => (
            <g key={s.label}>
              <polygon points={polygon(axes.map((_, i) => fraction(s.values[i])))} style={{ fill: colour(k), fillOpacity: 0.18, stroke: colour(k) }} stroke-width="2" />
              {axes.map((axis, i) => {
                const v = s.values[i];
                if (v == null || !Number.isFinite(v)) return null;
                const [x, y] = point(i, fraction(v));
                return (
                  <circle key={axis} cx={x} cy={y} r="4" style={{ fill: colour(k) }}>
                    <title>{`${s.label} · ${axis}: ${format(v)}`}</title>
                  </circle>
                );
              })}
            </g>
          ))}
        </svg>
      ) : null}
      <ChartTableDetails
        ctx={ctx}
        title={title}
        table={{
          columns: [title, ...series.map((s) => s.label)],
          rows: axes.map((axis, i) => [axis, ...series.map((s) => cellText(s.values[i]))]),
        }}
      />
    </figure>
  );
}
