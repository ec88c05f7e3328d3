/**
 * The one module that imports Chart.js, loaded with a dynamic import the first time a chart is
 * drawn, so pages without charts never download it.
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
import type { ChartPalette } from '../../components/calculator/ChartFigure';

Chart.register(BarController, BarElement, BubbleController, CategoryScale, LinearScale, LineController, LineElement, PointElement, ScatterController);

export { Chart };

/**
 * Colours for paper, whatever the screen theme: the light theme's (calculator.css `:root` and
 * Starlight's light greys), which print.css also forces on the page. Here rather than in
 * ChartFigure: only a page that has drawn a chart needs them, and it has this chunk by then.
 */
const PRINT_SERIES = ['#1d5fa8', '#c2410c', '#4b5563', '#15803d', '#7e22ce', '#a16207'];
export const printPalette: ChartPalette = {
  text: '#353841',
  grid: 'rgba(100, 116, 139, 0.3)',
  series: PRINT_SERIES,
  fill: PRINT_SERIES.map((c) => `${c}40`),
  alert: '#b91c1c',
};
/** The size (CSS pixels) a chart is drawn at for paper; print.css scales it to the page width. */
export const PRINT_SIZE = { width: 720, height: 320 };
