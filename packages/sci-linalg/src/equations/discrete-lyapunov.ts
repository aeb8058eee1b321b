/**
 * `solveDiscreteLyapunov`: X with A X Aᴴ − X + Q = 0, by SciPy's two methods. 'direct'
 * solves the n²×n² system (I − A ⊗ Ā) vec(X) = vec(Q) by LU; 'bilinear' maps the equation
 * to a continuous Lyapunov equation Bᴴ X + X B = −C with B = (Aᴴ − I)(Aᴴ + I)⁻¹ and
 * C = 2 (A + I)⁻¹ Q (Aᴴ + I)⁻¹ (Gajic & Qureshi, Lyapunov Matrix Equation in System
 * Stability and Control, 1995), solved by Bartels–Stewart. SciPy forms both with a float64
 * identity, so the result is float64 / complex128 whatever the input precision.
 */
import type { NDArray } from '@sciport/array-api';
import { describe } from '@sciport/array-api/kit';
import { InvalidArgumentError } from '@sciport/dispatch-core';
import { LinAlgError } from '../errors.js';
import { combine, identity, luFactorOf, luSolveInPlace, matmul, type Square, square, transpose } from '../matfun/dense.js';
import type { DiscreteLyapunovOptions } from '../matfun-options.js';
import { readFunctionOptions } from '../options.js';
import { allocateFloat, type Float, fromData, isComplex, type LapackDtype, lapackDtype } from '../stack.js';
import { checkOrder, matrixOf, readOperand, stacksOf } from './operands.js';
import { continuousLyapunovOf } from './sylvester.js';

function checkMethod(value: unknown, n: number): 'direct' | 'bilinear' {
  // SciPy's default: direct below order 10, bilinear from there
  if (value === undefined || value === null) return n >= 10 ? 'bilinear' : 'direct';
  const lower = typeof value === 'string' ? value.toLowerCase() : '';
  if (lower === 'direct' || lower === 'bilinear') return lower;
  throw new InvalidArgumentError(`solveDiscreteLyapunov: unknown solver ${describe(value)}.`, {
    argument: 'method',
    hint: "Use 'direct' or 'bilinear' (or leave it unset).",
  });
}

function singular(what: string): LinAlgError {
  return new LinAlgError(`solveDiscreteLyapunov: ${what} is singular.`, {
    argument: 'a',
    hint: 'The equation has no unique solution for this a (an eigenvalue pair λᵢλ̄ⱼ = 1, or an eigenvalue −1 for the bilinear method).',
  });
}

/** (I − A ⊗ Ā) vec(X) = vec(Q), vec by rows as NumPy's flatten. */
function direct(f: Square, a: Float, q: Float): Float {
  const { n, lanes } = f;
  const big = square(f.dtype, n * n);
  const k = identity(big);
  const N = n * n;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      for (let p = 0; p < n; p++) {
        for (let r = 0; r < n; r++) {
          // −a[i, p]·conj(a[j, r]) at row (i, j), column (p, r)
          const at = lanes * ((i * n + j) * N + p * n + r);
          const x = lanes * (i * n + p);
          const y = lanes * (j * n + r);
          if (lanes === 1) k[at] -= a[x] * a[y];
          else {
            k[at] -= a[x] * a[y] + a[x + 1] * a[y + 1];
            k[at + 1] -= a[x + 1] * a[y] - a[x] * a[y + 1];
          }
        }
      }
    }
  }
  const factors = luFactorOf(big, k);
  if (factors.singular) throw singular('I − kron(a, conj(a))');
  return luSolveInPlace(big, factors, q.slice(), 1);
}

/** The inverse of M, or a LinAlgError naming `what`. */
function inverse(f: Square, m: Float, what: string): Float {
  const factors = luFactorOf(f, m);
  if (factors.singular) throw singular(what);
  return luSolveInPlace(f, factors, identity(f));
}

function bilinear(f: Square, a: Float, q: Float): Float {
  const eye = identity(f);
  const ah = transpose(f, a, true);
  const ahPlusIInv = inverse(f, combine(f, [[1, ah], [1, eye]]), 'aᴴ + I');
  const b = matmul(f, combine(f, [[1, ah], [-1, eye]]), ahPlusIInv);
  const aPlusIInv = inverse(f, combine(f, [[1, a], [1, eye]]), 'a + I');
  const c = combine(f, [[-2, matmul(f, matmul(f, aPlusIInv, q), ahPlusIInv)]]);
  return continuousLyapunovOf(f.dtype, transpose(f, b, true), c, f.n);
}

/**
 * SciPy's `solve_discrete_lyapunov(a, q, method)`: X with a X aᴴ − X + q = 0 for a and q
 * ([..., N, N], batches broadcast), float64 or complex128.
 */
export function solveDiscreteLyapunovHost(a: unknown, q: unknown, options?: DiscreteLyapunovOptions): NDArray {
  const fn = 'solveDiscreteLyapunov';
  const o = readFunctionOptions(options, fn);
  const A = readOperand(a, 'a', fn, { square: true, checkFinite: true });
  const Q = readOperand(q, 'q', fn, { square: true, checkFinite: true });
  const n = A.shape[A.ndim - 1];
  checkOrder(Q.shape[Q.ndim - 1], n, 'q', fn, 'a and q must have the same shape');
  const method = checkMethod(o.method, n);
  const dtype: LapackDtype = lapackDtype(A.dtype, Q.dtype, 'float64');
  const { stacks, batch, count } = stacksOf([[A, 'a'], [Q, 'q']], dtype, fn);
  const f = square(dtype, n);
  const out = allocateFloat(dtype, count * n * n);
  for (let s = 0; s < count && n > 0; s++) {
    const [sa, sq] = [matrixOf(stacks[0], s), matrixOf(stacks[1], s)];
    out.set(method === 'direct' ? direct(f, sa, sq) : bilinear(f, sa, sq), s * (isComplex(dtype) ? 2 : 1) * n * n);
  }
  return fromData(out, [...batch, n, n], dtype);
}
