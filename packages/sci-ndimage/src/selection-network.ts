/**
 * Comparator networks that select one rank: K. E. Batcher's odd–even merge sort ("Sorting
 * networks and their applications", AFIPS 1968) on the next power of two of wires, cut
 * to the wires in use and pruned to the comparators the wanted rank depends on. A
 * comparator (i, j), i < j, leaves the smaller value on wire i, the larger on wire j.
 */

/**
 * The comparators, in order, after which wire `rank` of `wires` inputs holds the value
 * of that rank (0 = smallest), as pairs [i0, j0, i1, j1, …].
 */
export function selectionNetwork(wires: number, rank: number): Int32Array {
  let size = 1;
  while (size < wires) size *= 2;
  const all: number[] = [];
  // Batcher's odd–even merge sort, iteratively: merges of sorted runs of length `run`
  for (let p = 1; p < size; p *= 2) {
    for (let k = p; k >= 1; k = Math.floor(k / 2)) {
      for (let j = k % p; j + k < size; j += 2 * k) {
        for (let i = 0; i < Math.min(k, size - j - k); i++) {
          const a = i + j;
          const b = i + j + k;
          // a comparator within one merge; wires past the inputs hold +∞ and never move
          if (Math.floor(a / (2 * p)) === Math.floor(b / (2 * p)) && b < wires) all.push(a, b);
        }
      }
    }
  }
  // keep, from the last comparator back, those that touch a wire the answer depends on
  const needed = new Uint8Array(wires);
  needed[rank] = 1;
  const kept: number[] = [];
  for (let c = all.length - 2; c >= 0; c -= 2) {
    const a = all[c];
    const b = all[c + 1];
    if (needed[a] || needed[b]) {
      needed[a] = 1;
      needed[b] = 1;
      kept.push(b, a);
    }
  }
  return Int32Array.from(kept.reverse());
}
