/**
 * Chart.js plugins an island adds through `ChartSpec.plugins` (called when the chart is drawn).
 * Each island imports only the plugins it draws.
 */
import type { Plugin } from 'chart.js';

/**
 * Draws the nine-cell grid under the bubbles: dashed lines at the cut-offs and each cell's name
 * (`name(attractivenessLevel, abilityLevel)`, levels 1–3) in its top-left corner.
 */
export function nineCellPlugin(cuts: readonly [number, number], name: (a: 1 | 2 | 3, b: 1 | 2 | 3) => string, color: string): Plugin {
  return {
    id: 'nineCell',
    beforeDatasetsDraw: (c) => {
      const { ctx: g, chartArea: area, scales } = c;
      const x = scales['x']!;
      const y = scales['y']!;
      const xs = [area.left, ...cuts.map((v) => x.getPixelForValue(v)), area.right];
      const ys = [area.bottom, ...cuts.map((v) => y.getPixelForValue(v)), area.top];
      g.save();
      g.strokeStyle = color;
      g.fillStyle = color;
      g.globalAlpha = 0.5;
      g.setLineDash([4, 4]);
      for (let i = 1; i <= 2; i++) {
        g.beginPath();
        g.moveTo(xs[i]!, area.top);
        g.lineTo(xs[i]!, area.bottom);
        g.moveTo(area.left, ys[i]!);
        g.lineTo(area.right, ys[i]!);
        g.stroke();
      }
      g.globalAlpha = 0.75;
      g.font = '11px system-ui, sans-serif';
      g.textBaseline = 'top';
      for (const a of [1, 2, 3] as const) {
        for (const b of [1, 2, 3] as const) {
          const text = name(a, b);
          const left = xs[b - 1]! + 4;
          const top = ys[a]! + 3;
          const room = xs[b]! - xs[b - 1]! - 8;
          g.fillText(text, left, top, Math.max(room, 10));
        }
      }
      g.restore();
    },
  };
}
