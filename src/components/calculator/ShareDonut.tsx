/**
 * A doughnut of shares drawn as SVG: server-rendered (readable without JavaScript), coloured by
 * the theme's CSS variables so it follows light/dark without a redraw, and cheap (Chart.js's
 * doughnut would cost 3.5 KB gzip on the shared chart chunk).
 */
export interface DonutSlice {
  label: string;
  value: number;
  /** A CSS colour; defaults to the theme's series colours. */
  color?: string | undefined;
}

const TAU = Math.PI * 2;

function arcPath(cx: number, cy: number, r: number, inner: number, start: number, end: number): string {
  // A full circle cannot be one arc: split it in two.
  if (end - start >= TAU - 1e-9) {
    return `${arcPath(cx, cy, r, inner, start, start + Math.PI)} ${arcPath(cx, cy, r, inner, start + Math.PI, end)}`;
  }
  const large = end - start > Math.PI ? 1 : 0;
  const p = (radius: number, angle: number) => `${(cx + radius * Math.sin(angle)).toFixed(3)} ${(cy - radius * Math.cos(angle)).toFixed(3)}`;
  return `M ${p(r, start)} A ${r} ${r} 0 ${large} 1 ${p(r, end)} L ${p(inner, end)} A ${inner} ${inner} 0 ${large} 0 ${p(inner, start)} Z`;
}

export function ShareDonut({ slices, label, formatShare }: { slices: DonutSlice[]; label: string; formatShare: (fraction: number) => string }) {
  const positive = slices.filter((s) => Number.isFinite(s.value) && s.value > 0);
  const total = positive.reduce((sum, s) => sum + s.value, 0);
  let angle = 0;
  return (
    <div class="calc-donut">
      <svg viewBox="0 0 200 200" role="img" aria-label={label} width="200" height="200">
        {total > 0 ? (
          positive.map((slice, i) => {
            const start = angle;
            angle += (slice.value / total) * TAU;
            return (
              <path key={slice.label} d={arcPath(100, 100, 95, 55, start, angle)} style={{ fill: slice.color ?? `var(--mpp-series-${(i % 7) + 1})` }}>
                <title>{`${slice.label}: ${formatShare(slice.value / total)}`}</title>
              </path>
            );
          })
        ) : (
          <circle cx="100" cy="100" r="75" fill="none" style={{ stroke: 'var(--sl-color-gray-5)' }} stroke-width="40" />
        )}
      </svg>
      <ul class="calc-legend">
        {positive.map((slice, i) => (
          <li key={slice.label}>
            <span class="calc-swatch" style={{ background: slice.color ?? `var(--mpp-series-${(i % 7) + 1})` }} aria-hidden="true" />
            {slice.label} <span class="calc-detail">{formatShare(slice.value / total)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
