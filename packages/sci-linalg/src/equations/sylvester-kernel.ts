/**
 * The triangular Sylvester equation R Y + Y L = F for an upper quasi-triangular R (m×m) and
 * a lower quasi-triangular L (n×n) — Schur factors, L the conjugate transpose of one — by
 * Bartels & Stewart's back substitution, as LAPACK's trsyl (with tranb = 'C'): blocks of
 * Y are found from the last block row and column backwards, each from a system of order
 * 1, 2 or 4 (1×1 and 2×2 diagonal blocks of the real Schur form), solved by Gaussian
 * elimination with complete pivoting as dlasy2. A pivot below smin = max(ε·max|R, L|,
 * safe minimum) is replaced by smin, LAPACK's perturbation for (nearly) common eigenvalues
 * of R and −L; `perturbed` reports it (trsyl's info = 1).
 */
import { allocateFloat, type Float, isComplex, type LapackDtype } from '../stack.js';
import { cdiv } from '../kernels/complex.js';

export interface SylvesterSolution {
  readonly y: Float;
  readonly perturbed: boolean;
}

/** [start, size] of each diagonal block; `coupled(k)` says whether rows k and k + 1 share a 2×2 block. */
function blocks(size: number, coupled: (k: number) => boolean): [number, number][] {
  const out: [number, number][] = [];
  for (let k = 0; k < size; ) {
    const s = k + 1 < size && coupled(k) ? 2 : 1;
    out.push([k, s]);
    k += s;
  }
  return out;
}

function maxAbs(x: Float): number {
  let m = 0;
  for (const v of x) m = Math.max(m, Math.abs(v));
  return m;
}

/** Solves the k×k system K y = b (k ≤ 4) in place in b by complete pivoting; pivots below smin become smin. */
function solveSmall(K: Float64Array, b: Float64Array, k: number, smin: number): boolean {
  let perturbed = false;
  const colOrder = Array.from({ length: k }, (_, i) => i);
  for (let s = 0; s < k; s++) {
    let best = -1;
    let pr = s;
    let pc = s;
    for (let i = s; i < k; i++) {
      for (let j = s; j < k; j++) {
        const v = Math.abs(K[i * k + j]);
        if (v > best) [best, pr, pc] = [v, i, j];
      }
    }
    if (pr !== s) {
      for (let j = 0; j < k; j++) [K[s * k + j], K[pr * k + j]] = [K[pr * k + j], K[s * k + j]];
      [b[s], b[pr]] = [b[pr], b[s]];
    }
    if (pc !== s) {
      for (let i = 0; i < k; i++) [K[i * k + s], K[i * k + pc]] = [K[i * k + pc], K[i * k + s]];
      [colOrder[s], colOrder[pc]] = [colOrder[pc], colOrder[s]];
    }
    if (Math.abs(K[s * k + s]) < smin) {
      K[s * k + s] = smin;
      perturbed = true;
    }
    for (let i = s + 1; i < k; i++) {
      const l = K[i * k + s] / K[s * k + s];
      if (l === 0) continue;
      for (let j = s; j < k; j++) K[i * k + j] -= l * K[s * k + j];
      b[i] -= l * b[s];
    }
  }
  const x = new Float64Array(k);
  for (let i = k - 1; i >= 0; i--) {
    let v = b[i];
    for (let j = i + 1; j < k; j++) v -= K[i * k + j] * x[j];
    x[i] = v / K[i * k + i];
  }
  for (let i = 0; i < k; i++) b[colOrder[i]] = x[i];
  return perturbed;
}

/** R Y + Y L = F (see the module comment); R m×m, L n×n, F m×n, all row-major of type `dtype`. */
export function solveQuasiTriangularSylvester(dtype: LapackDtype, r: Float, m: number, l: Float, n: number, f: Float): SylvesterSolution {
  const lanes = isComplex(dtype) ? 2 : 1;
  const single = dtype === 'float32' || dtype === 'complex64';
  const eps = single ? 2 ** -23 : 2 ** -52;
  const safeMin = single ? 1.1754943508222875e-38 : 2.2250738585072014e-308;
  const smin = Math.max(eps * Math.max(maxAbs(r), maxAbs(l)), (safeMin * m * n) / eps);
  const y = allocateFloat(dtype, m * n);
  let perturbed = false;
  if (lanes === 2) {
    for (let i = m - 1; i >= 0; i--) {
      for (let j = n - 1; j >= 0; j--) {
        let [sr, si] = [f[2 * (i * n + j)], f[2 * (i * n + j) + 1]];
        for (let k = i + 1; k < m; k++) {
          const [ar, ai, br, bi] = [r[2 * (i * m + k)], r[2 * (i * m + k) + 1], y[2 * (k * n + j)], y[2 * (k * n + j) + 1]];
          sr -= ar * br - ai * bi;
          si -= ar * bi + ai * br;
        }
        for (let c = j + 1; c < n; c++) {
          const [ar, ai, br, bi] = [y[2 * (i * n + c)], y[2 * (i * n + c) + 1], l[2 * (c * n + j)], l[2 * (c * n + j) + 1]];
          sr -= ar * br - ai * bi;
          si -= ar * bi + ai * br;
        }
        let dr = r[2 * (i * m + i)] + l[2 * (j * n + j)];
        let di = r[2 * (i * m + i) + 1] + l[2 * (j * n + j) + 1];
        if (Math.hypot(dr, di) < smin) {
          [dr, di] = [smin, 0];
          perturbed = true;
        }
        [y[2 * (i * n + j)], y[2 * (i * n + j) + 1]] = cdiv(sr, si, dr, di);
      }
    }
    return { y, perturbed };
  }
  const rowBlocks = blocks(m, (k) => r[(k + 1) * m + k] !== 0);
  const colBlocks = blocks(n, (k) => l[k * n + k + 1] !== 0);
  for (let bi = rowBlocks.length - 1; bi >= 0; bi--) {
    const [i0, p] = rowBlocks[bi];
    for (let bj = colBlocks.length - 1; bj >= 0; bj--) {
      const [j0, q] = colBlocks[bj];
      const rhs = new Float64Array(p * q);
      for (let a = 0; a < p; a++) {
        for (let b = 0; b < q; b++) {
          const i = i0 + a;
          const j = j0 + b;
          let s = f[i * n + j];
          for (let k = i0 + p; k < m; k++) s -= r[i * m + k] * y[k * n + j];
          for (let c = j0 + q; c < n; c++) s -= y[i * n + c] * l[c * n + j];
          rhs[a * q + b] = s;
        }
      }
      // K[(a, b), (c, d)] = R[a, c] δ(b, d) + δ(a, c) L[d, b] over the block
      const k = p * q;
      const K = new Float64Array(k * k);
      for (let a = 0; a < p; a++) {
        for (let b = 0; b < q; b++) {
          for (let c = 0; c < p; c++) {
            for (let d = 0; d < q; d++) {
              let v = 0;
              if (b === d) v += r[(i0 + a) * m + i0 + c];
              if (a === c) v += l[(j0 + d) * n + j0 + b];
              K[(a * q + b) * k + c * q + d] = v;
            }
          }
        }
      }
      if (solveSmall(K, rhs, k, smin)) perturbed = true;
      for (let a = 0; a < p; a++) for (let b = 0; b < q; b++) y[(i0 + a) * n + j0 + b] = rhs[a * q + b];
    }
  }
  return { y, perturbed };
}
