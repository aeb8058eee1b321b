// Which backend runs which multimethod for which dtypes, found by running each one: a
// backend's manifest says what it claims; a cell is filled only when the call, made on a
// small array of that dtype and kind, runs and agrees with the host result. The conformance
// suites then check the claimed functions in depth against SciPy's fixtures.
import { asarray, DTYPES, zeros } from '@sciport/array-api';
import { DEFAULT_BACKEND } from '@sciport/dispatch-core';
import { FFT_DOMAIN, FFT_FUNCTIONS, FFT_MULTIMETHODS } from '@sciport/fft';
import { NDIMAGE_DOMAIN, NDIMAGE_FUNCTIONS, NDIMAGE_MULTIMETHODS } from '@sciport/ndimage';

const SHAPE = [4, 6];

/** A small host array of `dtype` whose values every dtype holds exactly. */
function sample(dtype) {
  const values = Array.from({ length: SHAPE[0] }, (_, i) =>
    Array.from({ length: SHAPE[1] }, (_, j) => (dtype === 'bool' ? (i + j) % 2 === 0 : ((i * 7 + j * 3) % 5) + 1)),
  );
  return asarray(values, { dtype });
}

/** Largest |a - b| relative to the largest |b|, over interleaved (re, im) values. */
function relativeError(result, reference) {
  const a = Float64Array.from(result.toTypedArray(), Number);
  const b = Float64Array.from(reference.toTypedArray(), Number);
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  let scale = 0;
  let worst = 0;
  for (let i = 0; i < b.length; i++) {
    scale = Math.max(scale, Math.abs(b[i]));
    worst = Math.max(worst, Math.abs(a[i] - b[i]));
  }
  return worst / Math.max(scale, 1);
}

const SINGLE = new Set(['float16', 'float32', 'complex64']);

/**
 * Runs `fn` on `x` through `backend` (a kind's array from `make`), reads the result and
 * compares it with the host's result for the same values. Returns true, or why not.
 */
async function probe(fn, args, host, toKind) {
  let reference;
  try {
    reference = fn(host, ...args);
  } catch (error) {
    return `host: ${error.name}`;
  }
  let input;
  try {
    input = toKind(host);
  } catch (error) {
    return `input: ${error.name}`;
  }
  if (input === undefined) return 'no such array';
  try {
    const result = fn(input, ...args);
    const read = typeof result?.toHost === 'function' ? await result.toHost() : result;
    result?.dispose?.();
    const tolerance = SINGLE.has(host.dtype) || SINGLE.has(read.dtype) ? 1e-4 : 1e-12;
    const error = relativeError(read, reference);
    return error <= tolerance ? true : `differs from the host by ${error.toExponential(1)}`;
  } catch (error) {
    return `${error.name}: ${error.message.split('\n')[0]}`;
  } finally {
    if (input !== host) input?.dispose?.();
  }
}

/** The arguments after the array that make a valid call of each domain's rows. */
const FFT_CALLS = FFT_FUNCTIONS.map((row) => ({
  name: row.name,
  fn: FFT_MULTIMETHODS[row.name],
  // fht's dln and mu.
  args: row.kind === 'hankel' ? [0.1, 0.5] : [],
}));

const NDIMAGE_SAMPLE = {
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
  // The generic filters' callbacks: a window's mean, a line copied, zeros of the windows' dtype.
  function: (row) => NDIMAGE_CALLBACKS[row.name],
  filterSize: () => 3,
  shift: () => 1.5,
};
const NDIMAGE_CALLBACKS = {
  genericFilter: (values) => values.reduce((a, b) => a + b, 0) / values.length,
  genericFilter1d: (lineIn, lineOut) => lineOut.set(lineIn.subarray(1, 1 + lineOut.length)),
  vectorizedFilter: (windows, { axis }) => zeros(windows.shape.slice(0, windows.ndim - axis.length), { dtype: windows.dtype }),
};
/** Functions over several axes that need a window (SciPy has no default size there). */
const NEEDS_SIZE = (row) => row.axes === 'axes' && (row.kind === 'rank' || row.kind === 'generic');
const NDIMAGE_CALLS = NDIMAGE_FUNCTIONS.map((row) => ({
  name: row.name,
  fn: NDIMAGE_MULTIMETHODS[row.name],
  // Rank and generic filters over several axes need a size or footprint (SciPy has no default).
  args: [...row.args.map((a) => NDIMAGE_SAMPLE[a](row)), ...(NEEDS_SIZE(row) ? [{ size: 3 }] : [])],
}));

/** One domain's table: a row per function, a column per backend, dtypes in the cells. */
async function probeDomain(domain, calls, columns) {
  const rows = [];
  for (const call of calls) {
    const cells = {};
    for (const column of columns) {
      const claims = column.backend === undefined || column.backend.functions.some((e) => e.id === call.fn.id);
      const dtypes = [];
      if (claims) {
        for (const dtype of DTYPES) {
          const verdict = await probe(call.fn, call.args, sample(dtype), column.toKind);
          if (verdict === true) dtypes.push(dtype);
        }
      }
      cells[column.name] = { claims, dtypes };
    }
    rows.push({ name: call.name, cells });
  }
  return { domain, columns: columns.map((c) => c.name), rows };
}

/**
 * `kinds`: { name, backend, toKind(host) → array of that kind | undefined } for each backend to
 * probe; the default (host) implementation is always probed.
 */
export async function collectCapabilities(kinds) {
  const columns = [{ name: DEFAULT_BACKEND, backend: undefined, toKind: (x) => x }, ...kinds];
  return {
    domains: [await probeDomain(FFT_DOMAIN, FFT_CALLS, columns), await probeDomain(NDIMAGE_DOMAIN, NDIMAGE_CALLS, columns)],
  };
}
