/**
 * A footprint moving one step along the last axis: which of its elements' values stay,
 * leave and enter. Rank filters that keep their window's values between neighbouring
 * outputs (a sliding histogram, a sorted window) update them by these offsets alone.
 */

export interface FootprintSteps {
  /** Offsets into the padded plane of the footprint's elements, from the window's first element (C order). */
  readonly window: Int32Array;
  /** Offsets, from the window's first element, of the values that leave when it moves one step. */
  readonly leave: Int32Array;
  /** Offsets, from the same first element (the step included), of the values that enter. */
  readonly enter: Int32Array;
}

/**
 * The steps of the footprint `mask` of full-rank shape `fshape` over a padded plane of
 * strides `pstride`: (…, c) enters when (…, c + 1) is not in the footprint, and leaves
 * when (…, c − 1) is not, so each run along the last axis contributes one of each.
 */
export function footprintSteps(fshape: readonly number[], mask: Uint8Array, pstride: readonly number[]): FootprintSteps {
  const nd = fshape.length;
  const width = fshape[nd - 1];
  const all: number[] = [];
  const entering: number[] = [];
  const leaving: number[] = [];
  const idx = new Array<number>(nd).fill(0);
  for (let k = 0; k < mask.length; k++) {
    if (mask[k] === 1) {
      let off = 0;
      for (let d = 0; d < nd; d++) off += idx[d] * pstride[d];
      const column = idx[nd - 1];
      all.push(off);
      if (column === width - 1 || mask[k + 1] !== 1) entering.push(off + 1);
      if (column === 0 || mask[k - 1] !== 1) leaving.push(off);
    }
    for (let d = nd - 1; d >= 0; d--) {
      if (++idx[d] < fshape[d]) break;
      idx[d] = 0;
    }
  }
  return { window: Int32Array.from(all), leave: Int32Array.from(leaving), enter: Int32Array.from(entering) };
}
