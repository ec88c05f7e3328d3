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

Chart.register(BarController, BarElement, BubbleController, CategoryScale, LinearScale, LineController, LineElement, PointElement, ScatterController);

export { Chart };
