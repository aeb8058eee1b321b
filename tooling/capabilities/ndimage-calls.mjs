// The sample calls of sciport.ndimage: every function on a 4×6 array, its positional
// arguments made from the names in its table row.
import { asarray, zeros } from '@sciport/array-api';
import { NDIMAGE_DOMAIN, NDIMAGE_FUNCTIONS, NDIMAGE_MULTIMETHODS } from '@sciport/ndimage';
import { gridSample } from './samples.mjs';

/** A valid value for each positional argument name of the table's rows. */
const ARGUMENTS = {
  weights: (row) => (row.axes === 'axis' ? [1, 2, 1] : [[0, 1, 0], [1, 2, 1]]),
  size: () => 3,
  sigma: () => 1,
  rank: () => 4,
  percentile: () => 50,
  // SciPy's own second-derivative and derivative callbacks, built from correlate1d.
  derivative2: () => (input, axis, output, mode, cval) =>
    NDIMAGE_MULTIMETHODS.correlate1d(input, [1, -2, 1], { axis, output, mode, cval }),
  derivative: () => (input, axis, output, mode, cval) =>
    NDIMAGE_MULTIMETHODS.correlate1d(input, [-1, 0, 1], { axis, output, mode, cval }),
  // interpolation: a half-sample shift as a mapping, three points, a shear, …
  mapping: () => (coordinates) => coordinates.map((c) => c - 0.5),
  coordinates: () => [
    [0.5, 1.5, 2],
    [1, 2.5, 4],
  ],
  matrix: () => [
    [1, 0.2],
    [0, 0.9],
  ],
  shift: () => 0.5,
  zoom: () => 2,
  angle: () => 30,
  // the generic filters' callbacks: a window's mean, a line copied, zeros of the windows' dtype
  function: (row) => GENERIC_CALLBACKS[row.name],
  filterSize: () => 3,
  iterations: () => 2,
  // measurements: three labelled regions (and background), two of them asked for
  labels: () => [
    [1, 1, 0, 2, 2, 2],
    [1, 1, 0, 0, 2, 2],
    [0, 0, 3, 3, 0, 0],
    [0, 3, 3, 3, 0, 0],
  ],
  index: () => [1, 3],
  min: () => 0,
  max: () => 6,
  bins: () => 3,
  func: () => (values) => Array.from(values.toTypedArray(), Number).reduce((a, b) => a + b, 0),
  outDtype: () => 'float64',
  default: () => 0,
  markers: () =>
    asarray(
      [
        [1, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 2],
      ],
      { dtype: 'int32' },
    ),
};

const GENERIC_CALLBACKS = {
  genericFilter: (values) => values.reduce((a, b) => a + b, 0) / values.length,
  genericFilter1d: (lineIn, lineOut) => lineOut.set(lineIn.subarray(1, 1 + lineOut.length)),
  vectorizedFilter: (windows, { axis }) => zeros(windows.shape.slice(0, windows.ndim - axis.length), { dtype: windows.dtype }),
};

/** Functions over several axes that need a window (SciPy has no default size there). */
const needsSize = (row) => row.axes === 'axes' && ['rank', 'generic', 'grey-morphology'].includes(row.kind);

function argumentsOf(row) {
  const args = row.args.map((name) => {
    const make = ARGUMENTS[name];
    if (make === undefined) throw new Error(`tooling/capabilities/ndimage-calls.mjs: add a sample value for '${name}' (${row.name})`);
    return make(row);
  });
  if (needsSize(row)) args.push({ size: 3 });
  return args;
}

// generateBinaryStructure(rank, connectivity) takes no array: listed under the table
const dispatched = NDIMAGE_FUNCTIONS.filter((row) => row.dispatch?.length !== 0);

export const ndimageCalls = {
  domain: NDIMAGE_DOMAIN,
  calls: dispatched.map((row) => {
    const fn = NDIMAGE_MULTIMETHODS[row.name];
    const args = argumentsOf(row);
    return { name: row.name, fn, sample: gridSample, invoke: (x) => fn(x, ...args) };
  }),
  undispatched: NDIMAGE_FUNCTIONS.filter((row) => row.dispatch?.length === 0).map((row) => row.name),
};
