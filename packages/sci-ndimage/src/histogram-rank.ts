/**
 * Rank filters of 8-bit integer images by a sliding histogram: T. S. Huang, G. J. Yang
 * and G. Y. Tang, "A fast two-dimensional median filtering algorithm" (IEEE Trans. ASSP,
 * 1979), generalised to any footprint. Along a row of outputs the window moves by one
 * element: the footprint elements with no right neighbour in the footprint enter, those
 * with no left neighbour leave, and the element of the wanted rank is found through a
 * two-level histogram (16 coarse bins of 16, as in S. Perreault and P. Hébert, "Median
 * filtering in constant time", IEEE Trans. Image Processing, 2007): at most 16 + 16
 * steps, however far the answer moved. Integer values make the rank-th element unique,
 * so the results are those of any selection (SciPy's Hoare FIND included).
 */
import { forEachRow } from './footprint-pass.js';
import { footprintSteps } from './footprint-steps.js';

/** Values in [0, 256) after adding `shift` (0 for uint8, 128 for int8); coarse bins of 16. */
const BINS = 256;
const COARSE_SHIFT = 4;

/**
 * The rank-`rank` element of the footprint's window around every output of `shape`,
 * reading the padded plane (values + shift in [0, 256)). `mask` and `fshape` describe the
 * full-rank footprint (C order), `pstride` the padded plane's strides.
 */
export function histogramRank(
  padded: Float64Array,
  pstride: readonly number[],
  shape: readonly number[],
  fshape: readonly number[],
  mask: Uint8Array,
  rank: number,
  shift: number,
): Float64Array {
  const { window, enter, leave } = footprintSteps(fshape, mask, pstride);
  // the shifted values as small integers: histogram indices without a conversion per use
  const values = new Int32Array(padded.length);
  for (let i = 0; i < padded.length; i++) values[i] = padded[i] + shift;
  const histogram = new Int32Array(BINS);
  const coarse = new Int32Array(BINS >> COARSE_SHIFT);
  const out = new Float64Array(shape.reduce((a, b) => a * b, 1));
  forEachRow(shape, pstride, (base, k, n) => {
    histogram.fill(0);
    coarse.fill(0);
    for (let t = 0; t < window.length; t++) {
      const v = values[base + window[t]];
      histogram[v]++;
      coarse[v >> COARSE_SHIFT]++;
    }
    for (let j = 0; ; j++) {
      // the coarse bin holding the rank, then the bin within it
      let below = 0;
      let c = 0;
      while (below + coarse[c] <= rank) below += coarse[c++];
      let bin = c << COARSE_SHIFT;
      while (below + histogram[bin] <= rank) below += histogram[bin++];
      out[k + j] = bin - shift;
      if (j + 1 === n) break;
      const b = base + j;
      for (let t = 0; t < leave.length; t++) {
        const v = values[b + leave[t]];
        histogram[v]--;
        coarse[v >> COARSE_SHIFT]--;
      }
      for (let t = 0; t < enter.length; t++) {
        const v = values[b + enter[t]];
        histogram[v]++;
        coarse[v >> COARSE_SHIFT]++;
      }
    }
  });
  return out;
}
