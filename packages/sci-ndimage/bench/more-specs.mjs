/**
 * Bench specs for the functions the main list in ndimage.bench.mjs does not time: grey and
 * the remaining binary morphology, the chamfer distance, the remaining interpolation, the
 * generic (callback) filters, the Fourier filters and the labelled measurements.
 *
 * Besides the main list's fields a spec may have `argsOf(x, raw)`: the positional arguments
 * made from the prepared input `x` (and the raw random input), for arguments shaped like the
 * input (labels, coordinates, markers); `setup`: Python run once per case before timing, with
 * `x` (prepared), `x0` (raw), `a`, `blobs`, `ndi` and `np` in scope, defining what `scipy`
 * uses; `sizes`: the size classes it runs at (callbacks into Python cost microseconds per
 * window, so the generic filters run at the small classes only). Arguments that are arrays
 * reach Python as null: `setup` builds SciPy's own.
 */
import { max } from '@sciport/array-api';

/** Labels of the blobs of `x` and the sequence index 1…n of every label (SciPy: np.arange(1, n + 1)). */
function labelsOf(ndi, blobs, x) {
  const [labels, count] = ndi.label(blobs(x));
  return [labels, Array.from({ length: count }, (_, i) => i + 1)];
}
const LABELS_SETUP = 'lab, n = ndi.label(blobs(x0)); idx = np.arange(1, n + 1)';

/** Every 997th element a marker 1, 2, … (int32), as SciPy's setup builds it. */
function markersLike(NDArray, x) {
  const data = new Int32Array(x.size);
  for (let k = 0, m = 1; k < x.size; k += 997) data[k] = m++;
  return new NDArray(data, [...x.shape], 'int32');
}
const MARKERS_SETUP = 'm = np.zeros(x.shape, np.int32); m.flat[::997] = np.arange(1, len(m.flat[::997]) + 1)';

/** Every 97th element of the blobs: seeds to propagate inside them. */
function seedsIn(NDArray, mask) {
  const data = new Uint8Array(mask.size);
  for (let k = 0; k < mask.size; k += 97) data[k] = mask.data[k];
  return new NDArray(data, [...mask.shape], 'bool');
}

export function moreSpecs({ ndi, NDArray, blobs, FLOATS, WITH_U8, BLOB }) {
  const labelled = (fn, scipy) => ({
    fn,
    argsOf: (x) => labelsOf(ndi, blobs, x),
    setup: LABELS_SETUP,
    scipy,
    dtypes: FLOATS,
  });
  const grey = (fn, scipyName) => ({ fn, args: () => [], options: { size: 3 }, scipy: `ndi.${scipyName}(x, 3)`, dtypes: WITH_U8 });
  const onBlobs = (fn, scipy) => ({ fn, prepare: blobs, pre: 'blobs(x)', args: () => [], options: {}, scipy, dtypes: BLOB });
  return [
    grey('greyErosion', 'grey_erosion'),
    grey('greyDilation', 'grey_dilation'),
    grey('greyOpening', 'grey_opening'),
    grey('greyClosing', 'grey_closing'),
    grey('morphologicalGradient', 'morphological_gradient'),
    grey('morphologicalLaplace', 'morphological_laplace'),
    grey('whiteTophat', 'white_tophat'),
    grey('blackTophat', 'black_tophat'),
    onBlobs('binaryOpening', 'ndi.binary_opening(x)'),
    onBlobs('binaryClosing', 'ndi.binary_closing(x)'),
    onBlobs('binaryHitOrMiss', 'ndi.binary_hit_or_miss(x)'),
    onBlobs('binaryFillHoles', 'ndi.binary_fill_holes(x)'),
    onBlobs('distanceTransformCdt', 'ndi.distance_transform_cdt(x)'),
    {
      fn: 'binaryPropagation',
      prepare: (x) => seedsIn(NDArray, blobs(x)),
      pre: 'blobs(x)',
      argsOf: (_seeds, raw) => [{ mask: blobs(raw) }],
      setup: 'mask = x.copy(); x = np.zeros_like(mask); x.flat[::97] = mask.flat[::97]',
      scipy: 'ndi.binary_propagation(x, mask=mask)',
      dtypes: BLOB,
    },
    { fn: 'splineFilter1d', args: () => [], options: {}, scipy: 'ndi.spline_filter1d(x)', dtypes: FLOATS },
    {
      fn: 'mapCoordinates',
      label: 'mapCoordinates order 1',
      argsOf: (x) => {
        const { shape } = x;
        const coords = new Float64Array(shape.length * x.size);
        const idx = new Array(shape.length).fill(0);
        for (let k = 0; k < x.size; k++) {
          for (let d = 0; d < shape.length; d++) coords[d * x.size + k] = idx[d] + 0.3;
          for (let d = shape.length - 1; d >= 0; d--) {
            if (++idx[d] < shape[d]) break;
            idx[d] = 0;
          }
        }
        return [new NDArray(coords, [shape.length, ...shape], 'float64')];
      },
      options: { order: 1 },
      setup: 'coords = np.indices(x.shape, dtype=float) + 0.3',
      scipy: 'ndi.map_coordinates(x, coords, order=1)',
      dtypes: FLOATS,
    },
    { fn: 'rotate', label: 'rotate 30° order 3', args: () => [30], options: { reshape: false }, scipy: 'ndi.rotate(x, 30, reshape=False)', dtypes: FLOATS },
    {
      fn: 'geometricTransform',
      label: 'geometricTransform shift order 1',
      args: () => [(c) => c.map((v, d) => (d === 0 ? v + 0.3 : v))],
      options: { order: 1 },
      scipy: 'ndi.geometric_transform(x, lambda c: (c[0] + 0.3,) + tuple(c[1:]), order=1)',
      dtypes: FLOATS,
      sizes: ['256²', '64³'],
    },
    {
      fn: 'genericFilter',
      label: 'genericFilter mean 3',
      args: () => [(values) => values.reduce((s, v) => s + v, 0) / values.length],
      options: { size: 3 },
      scipy: 'ndi.generic_filter(x, lambda v: v.sum() / v.size, 3)',
      dtypes: FLOATS,
      sizes: ['256²'],
    },
    {
      fn: 'genericFilter1d',
      label: 'genericFilter1d difference',
      args: () => [
        (lineIn, lineOut) => {
          for (let j = 0; j < lineOut.length; j++) lineOut[j] = lineIn[j + 2] - lineIn[j];
        },
        3,
      ],
      options: {},
      scipy: 'ndi.generic_filter1d(x, lambda i, o: np.subtract(i[2:], i[:-2], out=o), 3)',
      dtypes: FLOATS,
    },
    {
      fn: 'vectorizedFilter',
      label: 'vectorizedFilter max 3',
      args: () => [(windows, { axis }) => max(windows, { axis })],
      options: { size: 3 },
      scipy: 'ndi.vectorized_filter(x, np.max, size=3)',
      dtypes: FLOATS,
    },
    { fn: 'fourierGaussian', args: () => [2], options: {}, scipy: 'ndi.fourier_gaussian(x, 2)', dtypes: FLOATS },
    { fn: 'fourierUniform', args: () => [5], options: {}, scipy: 'ndi.fourier_uniform(x, 5)', dtypes: FLOATS },
    { fn: 'fourierEllipsoid', args: () => [5], options: {}, scipy: 'ndi.fourier_ellipsoid(x, 5)', dtypes: FLOATS },
    { fn: 'fourierShift', args: () => [3], options: {}, scipy: 'ndi.fourier_shift(x, 3)', dtypes: FLOATS },
    labelled('sum', 'ndi.sum(x, lab, idx)'),
    labelled('sumLabels', 'ndi.sum_labels(x, lab, idx)'),
    labelled('mean', 'ndi.mean(x, lab, idx)'),
    labelled('variance', 'ndi.variance(x, lab, idx)'),
    labelled('standardDeviation', 'ndi.standard_deviation(x, lab, idx)'),
    labelled('minimum', 'ndi.minimum(x, lab, idx)'),
    labelled('maximum', 'ndi.maximum(x, lab, idx)'),
    labelled('median', 'ndi.median(x, lab, idx)'),
    labelled('minimumPosition', 'ndi.minimum_position(x, lab, idx)'),
    labelled('maximumPosition', 'ndi.maximum_position(x, lab, idx)'),
    labelled('extrema', 'ndi.extrema(x, lab, idx)'),
    labelled('centerOfMass', 'ndi.center_of_mass(x, lab, idx)'),
    {
      fn: 'histogram',
      argsOf: (x) => [0, 1, 16, ...labelsOf(ndi, blobs, x)],
      setup: LABELS_SETUP,
      scipy: 'ndi.histogram(x, 0, 1, 16, lab, idx)',
      dtypes: FLOATS,
    },
    {
      fn: 'labeledComprehension',
      label: 'labeledComprehension mean',
      argsOf: (x) => [
        ...labelsOf(ndi, blobs, x),
        (values) => {
          let s = 0;
          for (const v of values.data) s += v;
          return s / values.size;
        },
        'float64',
        0,
      ],
      setup: LABELS_SETUP,
      scipy: 'ndi.labeled_comprehension(x, lab, idx, np.mean, float, 0)',
      dtypes: FLOATS,
    },
    {
      fn: 'findObjects',
      prepare: (x) => ndi.label(blobs(x))[0],
      pre: 'ndi.label(blobs(x))[0]',
      args: () => [],
      options: {},
      scipy: 'ndi.find_objects(x)',
      dtypes: BLOB,
    },
    {
      fn: 'valueIndices',
      prepare: (x) => ndi.label(blobs(x))[0],
      pre: 'ndi.label(blobs(x))[0]',
      args: () => [],
      options: {},
      scipy: 'ndi.value_indices(x)',
      dtypes: BLOB,
    },
    {
      fn: 'watershedIft',
      argsOf: (x) => [markersLike(NDArray, x)],
      setup: MARKERS_SETUP,
      scipy: 'ndi.watershed_ift(x, m)',
      dtypes: ['uint8'],
    },
  ];
}
