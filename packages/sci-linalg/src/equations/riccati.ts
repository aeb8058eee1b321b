/**
 * `solveContinuousAre` and `solveDiscreteAre`: the stabilizing solutions of the algebraic
 * Riccati equations. SciPy takes the stable deflating subspace of an extended pencil by
 * ordered QZ; these solvers (written before this package had `ordqz`) compute the same
 * (unique) stabilizing solution by iterations on the Hamiltonian / symplectic structure:
 *
 * - continuous: the matrix sign function of H = [[A, −G], [−Q, −Aᴴ]] (G = B R⁻¹ Bᴴ) by
 *   Newton's iteration with determinant scaling (Byers, "Solving the algebraic Riccati
 *   equation with the matrix sign function", Linear Algebra Appl. 85, 1987); the stable
 *   invariant subspace [I; X] is the null space of sign(H) + I, solved in least squares;
 * - discrete: the structure-preserving doubling algorithm (Chu, Fan & Lin, "A
 *   structure-preserving doubling algorithm for discrete-time algebraic Riccati equations",
 *   Linear Algebra Appl. 396, 2005): Hₖ → X quadratically.
 *
 * E and S are eliminated first (A ← E⁻¹A, B ← E⁻¹B; A ← A − B R⁻¹ Sᴴ, Q ← Q − S R⁻¹ Sᴴ;
 * X = E⁻ᴴ Y E⁻¹). Everything runs in double precision: SciPy answers in float64 / complex128.
 */
import { isComplexDtype, type NDArray } from '@sciport/array-api';
import { checkBoolean } from '@sciport/array-api/kit';
import { ShapeError } from '@sciport/dispatch-core';
import { LinAlgError } from '../errors.js';
import { luFactorOf, luSolveInPlace, normFro, type Op, product, type Rect, square } from '../matfun/dense.js';
import type { AreOptions } from '../matfun-options.js';
import { readFunctionOptions } from '../options.js';
import { allocateFloat, type Float, fromData, type LapackDtype } from '../stack.js';
import { matrixOf, readOperand, stacksOf } from './operands.js';

type D = 'float64' | 'complex128';

const lanesOf = (d: D) => (d === 'complex128' ? 2 : 1);

function eye(d: D, n: number): Rect {
  const data = allocateFloat(d, n * n);
  for (let i = 0; i < n; i++) data[lanesOf(d) * (i * n + i)] = 1;
  return { data, rows: n, cols: n };
}

const mul = (d: D, a: Rect, b: Rect, opA: Op = 'N', opB: Op = 'N'): Rect => product(d, a, opA, b, opB);

/** αa + βb. */
function lin(a: Rect, b: Rect, alpha = 1, beta = 1): Rect {
  const data = a.data.slice();
  for (let p = 0; p < data.length; p++) data[p] = alpha * a.data[p] + beta * b.data[p];
  return { data, rows: a.rows, cols: a.cols };
}

/** a⁻¹ b for square a (LU); a LinAlgError naming `what` when a is singular. */
function solve(d: D, a: Rect, b: Rect, what: string): Rect {
  const f = square(d, a.rows);
  const factors = luFactorOf(f, a.data);
  if (factors.singular) {
    throw new LinAlgError(`${what} is singular.`, { argument: 'a', hint: 'The Riccati equation has no stabilizing solution for these matrices.' });
  }
  return { data: luSolveInPlace(f, factors, b.data.slice(), b.cols), rows: b.rows, cols: b.cols };
}

/** (x + xᴴ) / 2. */
function hermitianPart(d: D, x: Rect): Rect {
  return lin(x, mul(d, x, eye(d, x.rows), 'H'), 0.5, 0.5);
}

/** Block matrix [[a, b], [c, e]] of four n×n blocks. */
function blocks(d: D, a: Rect, b: Rect, c: Rect, e: Rect): Rect {
  const n = a.rows;
  const l = lanesOf(d);
  const data = allocateFloat(d, 4 * n * n);
  const put = (x: Rect, r0: number, c0: number) => {
    for (let i = 0; i < n; i++) data.set(x.data.subarray(l * i * n, l * (i + 1) * n), l * ((r0 + i) * 2 * n + c0));
  };
  put(a, 0, 0);
  put(b, 0, n);
  put(c, n, 0);
  put(e, n, n);
  return { data, rows: 2 * n, cols: 2 * n };
}

function blockOf(d: D, x: Rect, r0: number, c0: number, n: number): Rect {
  const l = lanesOf(d);
  const data = allocateFloat(d, n * n);
  for (let i = 0; i < n; i++) data.set(x.data.subarray(l * ((r0 + i) * x.cols + c0), l * ((r0 + i) * x.cols + c0 + n)), l * i * n);
  return { data, rows: n, cols: n };
}

/** |det| of the LU factors' U, as a power 1/(2n) (Byers' scaling), computed by logs. */
function detScale(d: D, lu: Float, n: number): number {
  let logSum = 0;
  const l = lanesOf(d);
  for (let i = 0; i < n; i++) logSum += Math.log(l === 1 ? Math.abs(lu[i * n + i]) : Math.hypot(lu[2 * (i * n + i)], lu[2 * (i * n + i) + 1]));
  return Math.exp(logSum / n);
}

/** sign(H) by scaled Newton iteration; a LinAlgError when an eigenvalue is (numerically) on the imaginary axis. */
function signOf(d: D, h: Rect): Rect {
  const size = h.rows;
  const f = square(d, size);
  let w = h;
  for (let k = 0; k < 100; k++) {
    const factors = luFactorOf(f, w.data);
    if (factors.singular) break;
    const c = detScale(d, factors.lu, size);
    const inverse: Rect = { data: luSolveInPlace(f, factors, eye(d, size).data), rows: size, cols: size };
    const next = lin(w, inverse, 0.5 / c, 0.5 * c);
    const change = normFro(lin(next, w, 1, -1).data);
    w = next;
    if (change <= 1e3 * size * 2 ** -52 * normFro(w.data)) return w;
  }
  throw new LinAlgError('Failed to find a finite solution: the Hamiltonian matrix has eigenvalues on (or close to) the imaginary axis.', {
    argument: 'a',
    hint: 'Check that (a, b) is stabilizable and (q, a) detectable.',
  });
}

interface Problem {
  readonly d: D;
  readonly n: number;
  a: Rect;
  b: Rect;
  q: Rect;
  readonly r: Rect;
  readonly e: Rect | null;
  readonly s: Rect | null;
}

/** A, G = B R⁻¹ Bᴴ and Q after eliminating E and S. */
function reduce(p: Problem): { a: Rect; g: Rect; q: Rect } {
  const { d } = p;
  let { a, b, q } = p;
  if (p.e !== null) {
    a = solve(d, p.e, a, 'e');
    b = solve(d, p.e, b, 'e');
  }
  const rInvBh = solve(d, p.r, mul(d, b, eye(d, b.rows), 'H'), 'r');
  if (p.s !== null) {
    const rInvSh = solve(d, p.r, mul(d, p.s, eye(d, p.n), 'H'), 'r');
    a = lin(a, mul(d, b, rInvSh), 1, -1);
    q = lin(q, mul(d, p.s, rInvSh), 1, -1);
  }
  return { a, g: mul(d, b, rInvBh), q };
}

/** X = E⁻ᴴ Y E⁻¹ (or Y), made exactly Hermitian as SciPy does. */
function restore(p: Problem, y: Rect): Rect {
  const { d } = p;
  let x = y;
  if (p.e !== null) {
    const eh = mul(d, p.e, eye(d, p.n), 'H');
    // E⁻ᴴ Y E⁻¹ = (E⁻ᴴ (E⁻ᴴ Yᴴ)ᴴ) for Hermitian Y
    const left = solve(d, eh, y, 'e');
    x = mul(d, solve(d, eh, mul(d, left, eye(d, p.n), 'H'), 'e'), eye(d, p.n), 'H');
  }
  return hermitianPart(d, x);
}

function care(p: Problem): Rect {
  const { d, n } = p;
  const { a, g, q } = reduce(p);
  const h = blocks(d, a, lin(g, g, -1, 0), lin(q, q, -1, 0), lin(mul(d, a, eye(d, n), 'H'), a, -1, 0));
  const w = signOf(d, h);
  // [W12; W22 + I] X = −[W11 + I; W21], by the normal equations Mᴴ M X = Mᴴ r
  const i = eye(d, n);
  const m = stack(d, blockOf(d, w, 0, n, n), lin(blockOf(d, w, n, n, n), i));
  const rhs = stack(d, lin(blockOf(d, w, 0, 0, n), i, -1, -1), lin(blockOf(d, w, n, 0, n), i, -1, 0));
  const y = solve(d, mul(d, m, m, 'H'), mul(d, m, rhs, 'H'), 'the stable invariant subspace basis');
  return restore(p, y);
}

function stack(d: D, top: Rect, bottom: Rect): Rect {
  const data = allocateFloat(d, (top.rows + bottom.rows) * top.cols);
  data.set(top.data, 0);
  data.set(bottom.data, top.data.length);
  return { data, rows: top.rows + bottom.rows, cols: top.cols };
}

function dare(p: Problem): Rect {
  const { d, n } = p;
  let { a, g, q: h } = reduce(p);
  const i = eye(d, n);
  for (let k = 0; k < 100; k++) {
    // W = I + G H; A ← A W⁻¹ A, G ← G + A W⁻¹ G Aᴴ, H ← H + Aᴴ H W⁻¹ A
    const w = lin(i, mul(d, g, h));
    const wInvA = solve(d, w, a, 'I + G H');
    const wInvGAh = solve(d, w, mul(d, g, a, 'N', 'H'), 'I + G H');
    const nextH = lin(h, mul(d, mul(d, a, h, 'H'), wInvA));
    const nextG = lin(g, mul(d, a, wInvGAh));
    a = mul(d, a, wInvA);
    const change = normFro(lin(nextH, h, 1, -1).data);
    [g, h] = [nextG, nextH];
    if (!Number.isFinite(change)) break;
    if (change <= 1e2 * n * 2 ** -52 * normFro(h.data)) return restore(p, h);
  }
  throw new LinAlgError('Failed to find a finite solution: the doubling iteration did not converge.', {
    argument: 'a',
    hint: 'Check that (a, b) is stabilizable and (q, a) detectable (no eigenvalue of the symplectic pencil on the unit circle).',
  });
}

/** The ARE operands, checked as SciPy's `_are_validate_args` checks them. */
function readProblem(fn: string, args: readonly unknown[], options: AreOptions | undefined): { problems: Problem[]; batch: number[]; d: D; n: number } {
  const o = readFunctionOptions(options, fn);
  checkBoolean(o.balanced, 'balanced', true);
  const names = ['a', 'b', 'q', 'r'] as const;
  const given = names.map((name, k) => readOperand(args[k], name, fn, { square: name !== 'b', checkFinite: true }));
  const e = o.e === undefined || o.e === null ? null : readOperand(o.e, 'e', fn, { square: true, checkFinite: true });
  const s = o.s === undefined || o.s === null ? null : readOperand(o.s, 's', fn, { square: false, checkFinite: true });
  const [A, B, Q, R] = given;
  const n = A.shape[A.ndim - 1];
  const m = B.shape[B.ndim - 1];
  const expect = (x: NDArray, rows: number, cols: number, name: string, what: string) => {
    if (x.shape[x.ndim - 2] !== rows || x.shape[x.ndim - 1] !== cols) {
      throw new ShapeError(`${fn}: ${what}.`, { argument: name, hint: 'a, q, e: n×n; b, s: n×m; r: m×m.' });
    }
  };
  expect(B, n, m, 'b', 'Matrix a and b should have the same number of rows');
  expect(Q, n, n, 'q', 'Matrix a and q should have the same shape');
  expect(R, m, m, 'r', 'Matrix b and r should have the same number of cols');
  if (e !== null) expect(e, n, n, 'e', 'Matrix a and e should have the same shape');
  if (s !== null) expect(s, n, m, 's', 'Matrix b and s should have the same shape');
  const all: [NDArray, string][] = [[A, 'a'], [B, 'b'], [Q, 'q'], [R, 'r']];
  if (e !== null) all.push([e, 'e']);
  if (s !== null) all.push([s, 's']);
  const d: D = all.some(([x]) => isComplexDtype(x.dtype)) ? 'complex128' : 'float64';
  const { stacks, batch, count } = stacksOf(all, d as LapackDtype, fn);
  const rect = (k: number, i: number, rows: number, cols: number): Rect => ({ data: matrixOf(stacks[k], i), rows, cols });
  const problems: Problem[] = [];
  for (let i = 0; i < count; i++) {
    const p: Problem = {
      d,
      n,
      a: rect(0, i, n, n),
      b: rect(1, i, n, m),
      q: rect(2, i, n, n),
      r: rect(3, i, m, m),
      e: e === null ? null : rect(4, i, n, n),
      s: s === null ? null : rect(e === null ? 4 : 5, i, n, m),
    };
    checkHermitian(p.q, d, 'q', fn);
    checkHermitian(p.r, d, 'r', fn);
    problems.push(p);
  }
  return { problems, batch, d, n };
}

/** SciPy's test: ‖M − Mᴴ‖₁ ≤ 100·spacing(‖M‖₁). */
function checkHermitian(x: Rect, d: D, name: string, fn: string): void {
  const diff = lin(x, mul(d, x, eye(d, x.rows), 'H'), 1, -1);
  const norm = (y: Rect) => {
    let best = 0;
    const l = lanesOf(d);
    for (let j = 0; j < y.cols; j++) {
      let sum = 0;
      for (let i = 0; i < y.rows; i++) sum += l === 1 ? Math.abs(y.data[i * y.cols + j]) : Math.hypot(y.data[2 * (i * y.cols + j)], y.data[2 * (i * y.cols + j) + 1]);
      best = Math.max(best, sum);
    }
    return best;
  };
  const scale = norm(x);
  const spacing = scale === 0 ? Number.MIN_VALUE : 2 ** (Math.floor(Math.log2(scale)) - 52);
  if (norm(diff) > 100 * spacing) {
    throw new ShapeError(`${fn}: Matrix ${name} should be symmetric/hermitian.`, { argument: name, hint: `Pass a symmetric (Hermitian) ${name}.` });
  }
}

function solveAre(fn: string, kind: 'care' | 'dare', args: readonly unknown[], options: AreOptions | undefined): NDArray {
  const { problems, batch, d, n } = readProblem(fn, args, options);
  const out = allocateFloat(d, problems.length * n * n);
  for (let i = 0; i < problems.length; i++) out.set((kind === 'care' ? care(problems[i]) : dare(problems[i])).data, i * lanesOf(d) * n * n);
  return fromData(out, [...batch, n, n], d);
}

/** SciPy's `solve_continuous_are(a, b, q, r, e, s, balanced)`: the stabilizing X of Aᴴ X E + Eᴴ X A − (Eᴴ X B + S) R⁻¹ (Bᴴ X E + Sᴴ) + Q = 0. */
export function solveContinuousAreHost(a: unknown, b: unknown, q: unknown, r: unknown, options?: AreOptions): NDArray {
  return solveAre('solveContinuousAre', 'care', [a, b, q, r], options);
}

/** SciPy's `solve_discrete_are(a, b, q, r, e, s, balanced)`: the stabilizing X of Aᴴ X A − Eᴴ X E − (Aᴴ X B + S)(R + Bᴴ X B)⁻¹(Bᴴ X A + Sᴴ) + Q = 0. */
export function solveDiscreteAreHost(a: unknown, b: unknown, q: unknown, r: unknown, options?: AreOptions): NDArray {
  return solveAre('solveDiscreteAre', 'dare', [a, b, q, r], options);
}
