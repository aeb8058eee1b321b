// `pnpm demo`: scipy.fft, scipy.ndimage and scipy.linalg in TypeScript through the dispatch
// core. Part 1 shows the calls and explain(); part 2 runs the same calls on every backend
// that starts here, side by side with timings; part 3 writes an HTML report with pictures.
// `node tooling/demo/demo.mjs --report <dir>` chooses where the report goes.
import { cpus } from 'node:os';
import { join } from 'node:path';
import { abs, asarray, log1p, matmul, multiply, slice } from '@sciport/array-api';
import { fft2, fftshift } from '@sciport/fft';
import { solve, svd, svdvals } from '@sciport/linalg';
import { gaussianFilter, gaussianGradientMagnitude, label, medianFilter, sobel, zoom } from '@sciport/ndimage';
import { startBackends } from './backends.mjs';
import { formatMs } from './format.mjs';
import { greyPng, labelPng, sampleImage } from './pictures.mjs';
import { writeReport } from './report.mjs';
import { sideBySide } from './side-by-side.mjs';
import { dispatchTour } from './tour.mjs';

const root = new URL('../..', import.meta.url).pathname;
const reportFlag = process.argv.indexOf('--report');
const reportDir = reportFlag > 0 ? process.argv[reportFlag + 1] : join(root, 'demo-report');
const log = (title, text) => console.log(`\n── ${title}\n${text}`);

dispatchTour(log);

// Part 2: one input per kind of call, the same call on each backend's arrays.
const image = sampleImage(256);
const mask = asarray(image.toArray().map((row) => row.map((v) => v > 0.5)));
const n = 200;
const matrix = asarray(Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? n : Math.sin(i * 7 + j * 3)))));
const rhs = asarray(Array.from({ length: n }, (_, i) => Math.cos(i)));
const operations = [
  { module: 'fft', call: 'fft2(image)', input: image, run: (x) => fft2(x) },
  { module: 'ndimage', call: 'gaussianFilter(image, 2)', input: image, run: (x) => gaussianFilter(x, 2) },
  { module: 'ndimage', call: 'sobel(image, { axis: 0 })', input: image, run: (x) => sobel(x, { axis: 0 }) },
  { module: 'ndimage', call: 'medianFilter(image, { size: 3 })', input: image, run: (x) => medianFilter(x, { size: 3 }) },
  { module: 'ndimage', call: 'zoom(image, 0.5)', input: image, run: (x) => zoom(x, 0.5) },
  { module: 'ndimage', call: 'label(image > 0.5)', input: mask, run: (x) => label(x) },
  { module: 'linalg', call: `solve(a, b)  (${n}×${n})`, input: matrix, extra: [rhs], run: (a, b) => solve(a, b) },
  { module: 'linalg', call: `svdvals(a)  (${n}×${n})`, input: matrix, run: (a) => svdvals(a) },
];
const { backends, skipped } = await startBackends();
let rows;
try {
  rows = await sideBySide(operations, backends);
} finally {
  for (const backend of backends) await backend.close();
}
const width = Math.max(...operations.map((o) => o.call.length));
const lines = rows.map(({ operation, cells }) => {
  const text = backends.map((b) => {
    const cell = cells[b.name];
    return (cell.refused ? 'not run' : `${formatMs(cell.ms)} ms`).padStart(10);
  });
  return `${operation.call.padEnd(width)} ${text.join(' ')}`;
});
log(
  'The same calls on each backend (median wall time, result read back to host)',
  [`${''.padEnd(width)} ${backends.map((b) => b.name.padStart(10)).join(' ')}`, ...lines].join('\n'),
);
for (const s of skipped) log('backend not started', s);

// Part 3: what the calls computed, as pictures.
const spectrum = log1p(abs(fftshift(fft2(image))));
const [u, s, vh] = svd(image);
const pictures = [
  { title: 'sample image (256×256)', png: greyPng(image) },
  { title: 'gaussianFilter(image, 2)', png: greyPng(gaussianFilter(image, 2)) },
  { title: 'gaussianGradientMagnitude(image, 1.5)', png: greyPng(gaussianGradientMagnitude(image, 1.5)) },
  { title: 'log(1 + |fftshift(fft2(image))|)', png: greyPng(spectrum) },
  { title: 'label(image > 0.5)', png: labelPng(label(mask)[0]) },
  { title: 'rank-12 approximation from svd(image)', png: greyPng(rankApproximation(u, s, vh, 12)) },
];
const environment = `${new Date().toISOString().slice(0, 10)}, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`;
const path = writeReport(reportDir, { rows, backends, skipped, pictures, environment });
log('HTML report', `${path} (open it in a browser)`);

/** Σ_{i<k} s_i u_i v_iᵀ from svd's factors: (u[:, :k] · s[:k]) @ vh[:k, :]. */
function rankApproximation(u, s, vh, k) {
  return matmul(multiply(u.slice(slice(), slice(0, k)), s.slice(slice(0, k))), vh.slice(slice(0, k), slice()));
}
