// Which backend runs which multimethod for which dtypes, found by running each one: a
// backend's manifest says what it claims; a cell is filled only when the call, made on a
// small array of that dtype and kind, runs and agrees with the host result. The conformance
// suites then check the claimed functions in depth against SciPy's fixtures.
import { asarray, DTYPES } from '@sciport/array-api';
import { DEFAULT_BACKEND } from '@sciport/dispatch-core';
import { FFT_DOMAIN, FFT_FUNCTIONS, FFT_MULTIMETHODS } from '@sciport/fft';

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

/** Extra positional arguments of a row (fht's dln and mu). */
function argsOf(row) {
  return row.kind === 'hankel' ? [0.1, 0.5] : [];
}

/**
 * `kinds`: { name, backend, toKind(host) → array of that kind | undefined } for each backend to
 * probe; the default (host) implementation is always probed.
 */
export async function collectCapabilities(kinds) {
  const columns = [{ name: DEFAULT_BACKEND, backend: undefined, toKind: (x) => x }, ...kinds];
  const rows = [];
  for (const row of FFT_FUNCTIONS) {
    const fn = FFT_MULTIMETHODS[row.name];
    const cells = {};
    for (const column of columns) {
      const claims = column.backend === undefined || column.backend.functions.some((e) => e.id === fn.id);
      const dtypes = [];
      if (claims) {
        for (const dtype of DTYPES) {
          const verdict = await probe(fn, argsOf(row), sample(dtype), column.toKind);
          if (verdict === true) dtypes.push(dtype);
        }
      }
      cells[column.name] = { claims, dtypes };
    }
    rows.push({ name: row.name, cells });
  }
  return { domains: [{ domain: FFT_DOMAIN, columns: columns.map((c) => c.name), rows }] };
}

