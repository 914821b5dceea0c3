// Chart.js with only the pieces Tenfold draws (line, radar and the polar-area wheel). Imported through `loadChart`
// (chart.ts) only, so it is a chunk of its own, loaded when the first chart is drawn.
import {
  ArcElement,
  Chart,
  Filler,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  PolarAreaController,
  RadarController,
  RadialLinearScale,
  Tooltip,
} from 'chart.js';

Chart.register(
  LineController,
  LineElement,
  PointElement,
  LinearScale,
  RadarController,
  PolarAreaController,
  ArcElement,
  RadialLinearScale,
  Filler,
  Legend,
  Tooltip,
);

export { Chart };
