// Runs each operation on each backend's array kind and records its time and its
// difference from the host result. A call a backend does not implement is refused by
// dispatch with the reason (never silently run on the host); the table shows that reason.

const ROUNDS = 3;

/** The first array of a result (label returns [labels, count]). */
const firstArray = (result) => (Array.isArray(result) ? result[0] : result);

/** max |a − b| / max |b| over the raw values (complex values interleaved alike). */
function relativeDifference(a, b) {
  const x = a.toTypedArray();
  const y = b.toTypedArray();
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < y.length; i++) {
    diff = Math.max(diff, Math.abs(Number(x[i]) - Number(y[i])));
    scale = Math.max(scale, Math.abs(Number(y[i])));
  }
  return scale === 0 ? diff : diff / scale;
}

/** Median wall time of `ROUNDS` runs after one warm-up, the result read back to host each time. */
async function timeOn(backend, operation) {
  const x = backend.upload(operation.input);
  // Other array arguments go to the same kind of array (a GPU solve needs b on the GPU too).
  const extra = (operation.extra ?? []).map((e) => backend.upload(e));
  let host;
  const times = [];
  for (let round = 0; round <= ROUNDS; round++) {
    const start = performance.now();
    const result = firstArray(operation.run(x, ...extra));
    host = await backend.toHost(result);
    if (round > 0) times.push(performance.now() - start);
    if (result !== host) result.dispose?.();
  }
  for (const [value, original] of [[x, operation.input], ...extra.map((e, i) => [e, operation.extra[i]])]) if (value !== original) value.dispose?.();
  times.sort((p, q) => p - q);
  return { ms: times[Math.floor(times.length / 2)], host };
}

/** One row per operation: for each backend { ms, difference } or { refused: reason }. */
export async function sideBySide(operations, backends) {
  const rows = [];
  for (const operation of operations) {
    const cells = {};
    let reference;
    for (const backend of backends) {
      try {
        const { ms, host } = await timeOn(backend, operation);
        reference ??= host; // backends[0] is the host
        cells[backend.name] = { ms, difference: relativeDifference(host, reference) };
      } catch (error) {
        cells[backend.name] = { refused: error.message.split('\n')[0] };
      }
    }
    rows.push({ operation, cells, reference });
  }
  return rows;
}
