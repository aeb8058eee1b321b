/**
 * The complex Schur form A = Z T Zᴴ (T upper triangular) the Schur-based matrix functions
 * work on, obtained as SciPy obtains it: for real A, the real Schur form turned complex by
 * rsf2csf's rotations; for complex A, the complex Schur form.
 */
import { schurFactors } from '../equations/operands.js';
import { realToComplexSchur } from '../rsf2csf.js';
import { complexOf } from '../schur.js';
import type { Float } from '../stack.js';
import { type Square, square } from './dense.js';
import { toComplex } from './real-result.js';

export interface ComplexSchur {
  /** The complex type of A's precision, and T, Z in it. */
  readonly fc: Square;
  readonly t: Float;
  readonly z: Float;
  /** For real A: whether an eigenvalue is real and negative (a 1×1 block of the real Schur form below zero). */
  readonly negativeReal: boolean;
  /** For real A: whether the real Schur form had 2×2 blocks (complex-conjugate eigenvalues), so T is genuinely complex. */
  readonly complexPairs: boolean;
}

export function complexSchurOf(f: Square, a: Float): ComplexSchur {
  const fc = square(complexOf(f.dtype), f.n);
  const { t, z, w } = schurFactors(f.dtype, a, f.n, 'A');
  if (f.lanes === 2) return { fc, t, z, negativeReal: false, complexPairs: true };
  let negativeReal = false;
  let complexPairs = false;
  for (let i = 0; i < f.n; i++) {
    if (w[2 * i + 1] === 0 && w[2 * i] < 0) negativeReal = true;
    if (w[2 * i + 1] !== 0) complexPairs = true;
  }
  const tc = toComplex(t);
  const zc = toComplex(z);
  realToComplexSchur(tc, zc, 0, f.n);
  return { fc, t: tc, z: zc, negativeReal, complexPairs };
}
