/**
 * The recurrence of LAPACK's larft (forward, columnwise), shared by every blocked routine that
 * gathers reflectors into the compact WY form I − V T Vᴴ (Schreiber & Van Loan, 1989):
 * T[i, i] = τᵢ and T[0:i, i] = −τᵢ · T[0:i, 0:i] · zᵢ, with zᵢ = V[:, 0:i]ᴴ vᵢ. Each caller
 * computes the inner products its own way (one matrix product, or loops over its layout);
 * T is upper triangular, row-major at `to` in `mem` with leading dimension `ldt` (real numbers),
 * real (lanes = 1) or complex interleaved (lanes = 2). Entries below the diagonal are not written.
 */
export function fillTriangularFactor(
  mem: Float64Array | Float32Array,
  to: number,
  ldt: number,
  k: number,
  lanes: number,
  /** τᵢ's real and imaginary parts */
  tauRe: (i: number) => number,
  tauIm: (i: number) => number,
  /** writes zᵢ (i entries, `lanes` numbers each) into z */
  innerProducts: (i: number, z: Float64Array) => void,
): void {
  const z = new Float64Array(lanes * k);
  for (let i = 0; i < k; i++) {
    const tr = tauRe(i);
    const ti = lanes === 2 ? tauIm(i) : 0;
    mem[to + i * ldt + lanes * i] = tr;
    if (lanes === 2) mem[to + i * ldt + lanes * i + 1] = ti;
    if (tr === 0 && ti === 0) continue;
    innerProducts(i, z);
    for (let l = 0; l < i; l++) {
      let sr = 0;
      let si = 0;
      for (let q = l; q < i; q++) {
        const p = to + l * ldt + lanes * q;
        if (lanes === 1) sr += mem[p] * z[q];
        else {
          sr += mem[p] * z[2 * q] - mem[p + 1] * z[2 * q + 1];
          si += mem[p] * z[2 * q + 1] + mem[p + 1] * z[2 * q];
        }
      }
      const p = to + l * ldt + lanes * i;
      mem[p] = -(tr * sr - ti * si);
      if (lanes === 2) mem[p + 1] = -(tr * si + ti * sr);
    }
  }
}
