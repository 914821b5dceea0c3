// Chart.js with only the pieces Tenfold draws (line and radar). Imported through `loadChart`
// (chart.ts) only, so it is a chunk of its own, loaded when the first chart is drawn.
import {
  Chart,
  Filler,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  RadarController,
  RadialLinearScale,
  Tooltip,
} from 'chart.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, RadarController, RadialLinearScale, Filler, Legend, Tooltip);

export { Chart };
