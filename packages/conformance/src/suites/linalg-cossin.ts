/**
 * `cossin`'s U and Vᴴ are unique only up to the bases of the singular subspaces of the
 * blocks (a sign or phase per column, more where angles repeat). Before the linalg suite
 * compares [U, CS, Vᴴ] with SciPy's, they are checked for what defines them — unitary,
 * block diagonal at p and q, and U·CS·Vᴴ = X — and then taken as SciPy's, so that the
 * comparison is of CS (or theta), which is unique.
 */
import { NDArray } from '@sciport/array-api';

type Data = Float64Array | Float32Array;

interface Matrices {
  readonly data: Data;
  readonly lanes: number;
  readonly n: number;
  readonly count: number;
}

function matrices(x: NDArray): Matrices {
  const n = x.shape[x.ndim - 1];
  return { data: x.toTypedArray() as Data, lanes: x.dtype.startsWith('complex') ? 2 : 1, n, count: n === 0 ? 0 : x.size / (n * n) };
}

/** Element (i, j) of matrix s as [re, im]. */
function at(x: Matrices, s: number, i: number, j: number): [number, number] {
  const p = x.lanes * (s * x.n * x.n + i * x.n + j);
  return [x.data[p], x.lanes === 2 ? x.data[p + 1] : 0];
}

/** max over the stack of |XᴴX − I|. */
function unitarityError(x: Matrices): number {
  let worst = 0;
  for (let s = 0; s < x.count; s++) {
    for (let a = 0; a < x.n; a++) {
      for (let b = a; b < x.n; b++) {
        let re = 0;
        let im = 0;
        for (let i = 0; i < x.n; i++) {
          const [ar, ai] = at(x, s, i, a);
          const [br, bi] = at(x, s, i, b);
          re += ar * br + ai * bi;
          im += ar * bi - ai * br;
        }
        worst = Math.max(worst, Math.hypot(re - (a === b ? 1 : 0), im));
      }
    }
  }
  return worst;
}

/** max |entry| outside the two diagonal blocks split at k. */
function offBlockError(x: Matrices, k: number): number {
  let worst = 0;
  for (let s = 0; s < x.count; s++) {
    for (let i = 0; i < x.n; i++) {
      for (let j = 0; j < x.n; j++) {
        if (i < k === j < k) continue;
        worst = Math.max(worst, Math.hypot(...at(x, s, i, j)));
      }
    }
  }
  return worst;
}

/** max |U·CS·Vᴴ − X| over the stack (CS real). */
function reconstructionError(u: Matrices, cs: Matrices, vh: Matrices, x: Matrices): number {
  let worst = 0;
  const n = x.n;
  for (let s = 0; s < x.count; s++) {
    for (let i = 0; i < n; i++) {
      // row i of U·CS, then its product with Vᴴ
      const row = new Float64Array(2 * n);
      for (let k = 0; k < n; k++) {
        const [ur, ui] = at(u, s, i, k);
        for (let j = 0; j < n; j++) {
          const c = at(cs, s, k, j)[0];
          row[2 * j] += ur * c;
          row[2 * j + 1] += ui * c;
        }
      }
      for (let j = 0; j < n; j++) {
        let re = 0;
        let im = 0;
        for (let k = 0; k < n; k++) {
          const [vr, vi] = at(vh, s, k, j);
          re += row[2 * k] * vr - row[2 * k + 1] * vi;
          im += row[2 * k] * vi + row[2 * k + 1] * vr;
        }
        const [xr, xi] = at(x, s, i, j);
        worst = Math.max(worst, Math.hypot(re - xr, im - xi));
      }
    }
  }
  return worst;
}

/** The whole matrix from the blocks [x11, x12, x21, x22] (2-D). */
export function assembleBlocks(blocks: readonly NDArray[]): NDArray {
  const [x11, , x21] = blocks;
  const p = x11.shape[0];
  const q = x11.shape[1];
  const m = p + x21.shape[0];
  const complex = blocks.some((b) => b.dtype.startsWith('complex'));
  const lanes = complex ? 2 : 1;
  const out = new Float64Array(m * m * lanes);
  blocks.forEach((b, k) => {
    const r0 = k < 2 ? 0 : p;
    const c0 = k % 2 === 0 ? 0 : q;
    const bl = b.dtype.startsWith('complex') ? 2 : 1;
    const d = b.toTypedArray();
    const cols = b.shape[1];
    for (let i = 0; i < b.shape[0]; i++) {
      for (let j = 0; j < cols; j++) {
        out[lanes * ((r0 + i) * m + c0 + j)] = Number(d[bl * (i * cols + j)]);
        if (bl === 2) out[lanes * ((r0 + i) * m + c0 + j) + 1] = Number(d[bl * (i * cols + j) + 1]);
      }
    }
  });
  return new NDArray(out, [m, m], complex ? 'complex128' : 'float64');
}

const same = (x: NDArray, y: NDArray) => x.dtype === y.dtype && x.shape.length === y.shape.length && x.shape.every((d, i) => d === y.shape[i]);

/**
 * `actual` with its U and Vᴴ (or U1, U2, V1ᴴ, V2ᴴ with `separate`) replaced by `expected`'s
 * once they pass the checks above, or a failure message. Shapes or dtypes that differ are
 * left for the ordinary comparison to report.
 */
export function alignCossin(actual: unknown, expected: unknown, x: NDArray, p: number, q: number, tol: number): unknown {
  if (!Array.isArray(actual) || !Array.isArray(expected) || actual.length !== 3) return actual;
  if (Array.isArray(actual[0])) {
    // separate: [[U1, U2], theta, [V1ᴴ, V2ᴴ]]
    const factors = [...(actual[0] as NDArray[]), ...(actual[2] as NDArray[])];
    const wanted = [...(expected[0] as NDArray[]), ...(expected[2] as NDArray[])];
    for (let k = 0; k < 4; k++) {
      if (!same(factors[k], wanted[k])) return actual;
      if (factors[k].size > 0 && unitarityError(matrices(factors[k])) > tol) return `cossin factor ${k} is not unitary`;
    }
    return [[wanted[0], wanted[1]], actual[1], [wanted[2], wanted[3]]];
  }
  const [u, cs, vh] = actual as NDArray[];
  const [eu, , evh] = expected as NDArray[];
  if (!same(u, eu) || !same(vh, evh)) return actual;
  const m = matrices(cs);
  if (u.size > 0) {
    const e = Math.max(unitarityError(matrices(u)), offBlockError(matrices(u), p));
    if (e > tol) return `U is not unitary and block diagonal at p = ${p} (error ${e})`;
  }
  if (vh.size > 0) {
    const e = Math.max(unitarityError(matrices(vh)), offBlockError(matrices(vh), q));
    if (e > tol) return `Vᴴ is not unitary and block diagonal at q = ${q} (error ${e})`;
  }
  if (u.size > 0 && vh.size > 0) {
    const e = reconstructionError(matrices(u), m, matrices(vh), matrices(x));
    if (e > tol) return `U·CS·Vᴴ differs from X by ${e}`;
  }
  return [eu, cs, evh];
}
