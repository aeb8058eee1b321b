/**
 * Real matrix product C ← β·C + α·op(A)·op(B) on row-major matrices held in JavaScript typed
 * arrays: BLAS's dgemm/sgemm contract. Runs on the WebAssembly SIMD kernel (runtime.ts) when
 * it is loaded and the product is large enough to repay copying the operands into its
 * memory; otherwise on TypeScript loops that form each sum in double and round once on store.
 */
import { type WasmGemm, wasmGemm } from './runtime.js';

export type RealMatrixData = Float64Array | Float32Array;

/** Below this many multiply-adds (about 4×4×4) the wasm call and copies cost more than the kernel gains (measured). */
const WASM_MIN_WORK = 64;

/**
 * C[m×n] ← β·C + α·op(A)·op(B) with op(A) m×k and op(B) k×n; element (i, j) of a stored
 * matrix X is X[xo + i·ldx + j]; `ta`/`tb` multiply by the transpose. β = 0 overwrites C
 * without reading it (as in BLAS). A, B and C hold the same float type.
 */
export function gemm(
  ta: boolean,
  tb: boolean,
  m: number,
  n: number,
  k: number,
  alpha: number,
  a: RealMatrixData,
  ao: number,
  lda: number,
  b: RealMatrixData,
  bo: number,
  ldb: number,
  beta: number,
  c: RealMatrixData,
  co: number,
  ldc: number,
): void {
  if (m === 0 || n === 0) return;
  const sameType = a.constructor === c.constructor && b.constructor === c.constructor;
  const kernel = sameType && m * n * k >= WASM_MIN_WORK ? wasmGemm() : null;
  if (kernel !== null && gemmWasm(kernel, ta, tb, m, n, k, alpha, a, ao, lda, b, bo, ldb, beta, c, co, ldc)) return;
  gemmLoops(ta, tb, m, n, k, alpha, a, ao, lda, b, bo, ldb, beta, c, co, ldc);
}

/** Copies a stored rows×cols matrix (leading dimension ld) to/from a packed one. */
function copyMatrix(src: RealMatrixData, so: number, sld: number, dst: RealMatrixData, d0: number, dld: number, rows: number, cols: number): void {
  if (sld === cols && dld === cols) {
    dst.set(src.subarray(so, so + rows * cols), d0);
    return;
  }
  for (let i = 0; i < rows; i++) dst.set(src.subarray(so + i * sld, so + i * sld + cols), d0 + i * dld);
}

function gemmWasm(
  kernel: WasmGemm,
  ta: boolean,
  tb: boolean,
  m: number,
  n: number,
  k: number,
  alpha: number,
  a: RealMatrixData,
  ao: number,
  lda: number,
  b: RealMatrixData,
  bo: number,
  ldb: number,
  beta: number,
  c: RealMatrixData,
  co: number,
  ldc: number,
): boolean {
  const single = c instanceof Float32Array;
  const size = single ? 4 : 8;
  const [ar, ac] = ta ? [k, m] : [m, k];
  const [br, bc] = tb ? [n, k] : [k, n];
  const base = kernel.alloc(size * (ar * ac + br * bc + m * n) + 128);
  if (base === null) return false;
  try {
    const pa = base;
    const pb = Math.ceil((pa + size * ar * ac) / 64) * 64;
    const pc = Math.ceil((pb + size * br * bc) / 64) * 64;
    const mem = single ? kernel.f32() : kernel.f64();
    copyMatrix(a, ao, lda, mem, pa / size, ac, ar, ac);
    copyMatrix(b, bo, ldb, mem, pb / size, bc, br, bc);
    if (beta !== 0) copyMatrix(c, co, ldc, mem, pc / size, n, m, n);
    (single ? kernel.sgemm : kernel.dgemm)(ta ? 1 : 0, tb ? 1 : 0, m, n, k, alpha, pa, ac, pb, bc, beta, pc, n);
    copyMatrix(mem, pc / size, n, c, co, ldc, m, n);
  } finally {
    kernel.release(base);
  }
  return true;
}

/** The TypeScript path: one row of C at a time, i-p-j order, sums in double. */
function gemmLoops(
  ta: boolean,
  tb: boolean,
  m: number,
  n: number,
  k: number,
  alpha: number,
  a: RealMatrixData,
  ao: number,
  lda: number,
  b: RealMatrixData,
  bo: number,
  ldb: number,
  beta: number,
  c: RealMatrixData,
  co: number,
  ldc: number,
): void {
  const row = new Float64Array(n);
  // op(X)(i, j) = X[xo + i·rs + j·cs]
  const [ars, acs] = ta ? [1, lda] : [lda, 1];
  const [brs, bcs] = tb ? [1, ldb] : [ldb, 1];
  for (let i = 0; i < m; i++) {
    row.fill(0);
    for (let p = 0; p < k; p++) {
      const x = alpha * a[ao + i * ars + p * acs];
      const bp = bo + p * brs;
      if (bcs === 1) for (let j = 0; j < n; j++) row[j] += x * b[bp + j];
      else for (let j = 0; j < n; j++) row[j] += x * b[bp + j * bcs];
    }
    const cr = co + i * ldc;
    if (beta === 0) c.set(row, cr);
    else for (let j = 0; j < n; j++) c[cr + j] = beta * c[cr + j] + row[j];
  }
}
