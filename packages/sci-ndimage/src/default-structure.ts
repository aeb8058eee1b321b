/**
 * The structuring element labelling and watershed use when none is given: SciPy's
 * `generate_binary_structure(rank, 1)`, the centre and its 2·rank face neighbours.
 * Internal: the public structure helpers belong to morphology.
 */

/** 3^rank booleans (0/1) in C order: 1 where at most one coordinate is off-centre. */
export function defaultStructure(rank: number): Uint8Array {
  const size = 3 ** rank;
  const mask = new Uint8Array(size);
  for (let k = 0; k < size; k++) {
    // count the coordinates (base-3 digits) that are not the centre (1)
    let off = 0;
    for (let rest = k, d = 0; d < rank; d++, rest = Math.floor(rest / 3)) if (rest % 3 !== 1) off++;
    mask[k] = off <= 1 ? 1 : 0;
  }
  return mask;
}
