// One probe: a call on an array of a backend's kind, read back and compared with the same
// call on the host array. Results may be arrays of any kind, tuples or lists of them, or
// plain numbers and flags (lu's (P, L, U), label's (labels, count), det's scalar…), a Map
// (valueIndices), or Promises of any of these (a chunked label's count, its measurements).

const SINGLE = new Set(['float16', 'float32', 'complex64']);

/** Every number of a result, flattened in order, with the dtypes of its arrays. */
async function flatten(result, into = { values: [], dtypes: [] }) {
  if (result === null || result === undefined) return into;
  if (typeof result === 'number' || typeof result === 'bigint') into.values.push(Number(result));
  else if (typeof result === 'boolean') into.values.push(result ? 1 : 0);
  else if (Array.isArray(result)) for (const part of result) await flatten(part, into);
  else if (result instanceof Map) for (const entry of result) await flatten(entry, into);
  // a backend without synchronous readback may give a result (or part of one) as a Promise
  else if (typeof result.then === 'function') await flatten(await result, into);
  else {
    const host = typeof result.toHost === 'function' ? await result.toHost() : result;
    into.dtypes.push(host.dtype);
    for (const v of host.toTypedArray()) into.values.push(Number(v));
  }
  return into;
}

/** Disposes the device/chunked arrays of a result (host arrays have no dispose). */
function dispose(result) {
  if (Array.isArray(result)) result.forEach(dispose);
  else result?.dispose?.();
}

/** Largest |a - b| relative to the largest |b| (at least 1). */
function relativeError(a, b) {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  let scale = 0;
  let worst = 0;
  for (let i = 0; i < b.length; i++) {
    if (Number.isNaN(a[i]) !== Number.isNaN(b[i])) return Number.POSITIVE_INFINITY;
    if (Number.isNaN(b[i])) continue;
    scale = Math.max(scale, Math.abs(b[i]));
    worst = Math.max(worst, a[i] === b[i] ? 0 : Math.abs(a[i] - b[i]));
  }
  return worst / Math.max(scale, 1);
}

/**
 * Runs `call.invoke(x, host)` on the host sample and on `toKind(host)`; true when both run and
 * agree (1e-4 relative in single precision, 1e-12 in double), else why not.
 */
export async function probe(call, host, toKind) {
  let reference;
  try {
    reference = await flatten(call.invoke(host, host));
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
  let result;
  try {
    result = call.invoke(input, host);
    const read = await flatten(result);
    const single = SINGLE.has(host.dtype) || read.dtypes.some((d) => SINGLE.has(d));
    const error = relativeError(read.values, reference.values);
    return error <= (single ? 1e-4 : 1e-12) ? true : `differs from the host by ${error.toExponential(1)}`;
  } catch (error) {
    return `${error.name}: ${error.message.split('\n')[0]}`;
  } finally {
    dispose(result);
    if (input !== host) input?.dispose?.();
  }
}
