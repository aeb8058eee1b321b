/** Linear algebra functions of the Array API standard (matmul, tensordot, vecdot). */
import { DtypeError } from '@sciport/dispatch-core';
import { broadcastView } from './broadcasting.js';
import { allocate, type DType, dtypeInfo } from './dtypes.js';
import { conj, multiply } from './elementwise.js';
import { dtypeClass } from './elementwise-core.js';
import { gemm as realGemm, type RealMatrixData } from './gemm/gemm.js';
import { castTo, toNDArray } from './kernels.js';
import { matmulShapes } from './kit/matmul-shapes.js';
import { tensordotAxes } from './kit/tensordot-axes.js';
import { vecdotAxis } from './kit/vecdot-axis.js';
import { shapeSize } from './layout.js';
import { reshape } from './manipulation.js';
import { contiguousData, type NDArray, trustedArray } from './ndarray.js';
import { promoteTypes } from './promotion.js';
import { sum } from './reductions.js';
import { readOptions } from './options.js';

function checkNumeric(d: DType, argument: string, name: string): void {
  if (d === 'bool') {
    throw new DtypeError(`${name} needs numeric input; '${argument}' is bool.`, {
      argument,
      hint: "Convert with astype(x, 'float64').",
    });
  }
}

/** Matrix product with NumPy's rules: 1-D operands are promoted and the added axis removed. */
export function matmul(x1: NDArray, x2: NDArray): NDArray {
  let a = toNDArray(x1, 'x1');
  let b = toNDArray(x2, 'x2');
  checkNumeric(a.dtype, 'x1', 'matmul');
  checkNumeric(b.dtype, 'x2', 'matmul');
  const { batch, m, k, n, shape } = matmulShapes(a.shape, b.shape);
  if (a.ndim === 1) a = reshape(a, [1, k]);
  if (b.ndim === 1) b = reshape(b, [k, 1]);
  const dtype = promoteTypes(a.dtype, b.dtype);
  const av = contiguousData(broadcastView(castTo(a, dtype), [...batch, m, k], 'x1'), false);
  const bv = contiguousData(broadcastView(castTo(b, dtype), [...batch, k, n], 'x2'), false);
  const nb = shapeSize(batch);
  const out = allocate(dtype, nb * m * n);
  const info = dtypeInfo(dtype);
  for (let t = 0; t < nb; t++) {
    if (info.lanes === 2) gemmComplex(av as Float64Array, bv as Float64Array, out as Float64Array, t * m * k, t * k * n, t * m * n, m, k, n);
    else if (info.isBigInt) gemmBig(av as BigInt64Array, bv as BigInt64Array, out as BigInt64Array, t * m * k, t * k * n, t * m * n, m, k, n);
    else if (dtypeClass(dtype) === 'integer' && info.itemsize === 4) {
      gemmInt32(av as Int32Array, bv as Int32Array, out as Int32Array, t * m * k, t * k * n, t * m * n, m, k, n);
    } else if (dtype === 'float64' || dtype === 'float32') {
      // the packed WebAssembly SIMD kernel (TypeScript loops for small products)
      realGemm(false, false, m, n, k, 1, av as RealMatrixData, t * m * k, k, bv as RealMatrixData, t * k * n, n, 0, out as RealMatrixData, t * m * n, n);
    } else {
      // small ints: accumulate in double, round once on store.
      const acc = new Float64Array(m * n);
      gemm(av as Float64Array, bv as Float64Array, acc, t * m * k, t * k * n, 0, m, k, n);
      (out as Float64Array).set(acc, t * m * n);
    }
  }
  return trustedArray(out, shape, dtype);
}

/** C[m×n] = A[m×k]·B[k×n] in i-k-j order (unit-stride inner loop). */
function gemm(A: ArrayLike<number>, B: ArrayLike<number>, C: Float64Array, ao: number, bo: number, co: number, m: number, k: number, n: number): void {
  for (let i = 0; i < m; i++) {
    const crow = co + i * n;
    for (let p = 0; p < k; p++) {
      const aip = A[ao + i * k + p];
      const brow = bo + p * n;
      for (let j = 0; j < n; j++) C[crow + j] += aip * B[brow + j];
    }
  }
}

function gemmInt32(A: Int32Array, B: Int32Array, C: Int32Array, ao: number, bo: number, co: number, m: number, k: number, n: number): void {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s = (s + Math.imul(A[ao + i * k + p], B[bo + p * n + j])) | 0;
      C[co + i * n + j] = s;
    }
  }
}

function gemmBig(A: BigInt64Array, B: BigInt64Array, C: BigInt64Array, ao: number, bo: number, co: number, m: number, k: number, n: number): void {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0n;
      for (let p = 0; p < k; p++) s += A[ao + i * k + p] * B[bo + p * n + j];
      C[co + i * n + j] = s;
    }
  }
}

function gemmComplex(A: Float64Array, B: Float64Array, C: Float64Array, ao: number, bo: number, co: number, m: number, k: number, n: number): void {
  const acc = new Float64Array(2 * n);
  for (let i = 0; i < m; i++) {
    acc.fill(0);
    for (let p = 0; p < k; p++) {
      const ar = A[2 * (ao + i * k + p)];
      const ai = A[2 * (ao + i * k + p) + 1];
      const brow = 2 * (bo + p * n);
      for (let j = 0; j < n; j++) {
        const br = B[brow + 2 * j];
        const bi = B[brow + 2 * j + 1];
        acc[2 * j] += ar * br - ai * bi;
        acc[2 * j + 1] += ar * bi + ai * br;
      }
    }
    C.set(acc, 2 * (co + i * n));
  }
}

/** Sum over axis of conj(x1)·x2, broadcasting the other axes. */
export function vecdot(x1: NDArray, x2: NDArray, options?: { axis?: number }): NDArray {
  options = readOptions(options, ['axis'], 'vecdot');
  const a = toNDArray(x1, 'x1');
  const b = toNDArray(x2, 'x2');
  checkNumeric(a.dtype, 'x1', 'vecdot');
  checkNumeric(b.dtype, 'x2', 'vecdot');
  const axis = vecdotAxis(a.shape, b.shape, options?.axis);
  const dtype = promoteTypes(a.dtype, b.dtype);
  const prod = multiply(conj(castTo(a, dtype)), castTo(b, dtype));
  return sum(prod, { axis, dtype });
}

export function tensordot(
  x1: NDArray,
  x2: NDArray,
  options?: { axes?: number | readonly [readonly number[], readonly number[]] },
): NDArray {
  options = readOptions(options, ['axes'], 'tensordot');
  const a = toNDArray(x1, 'x1');
  const b = toNDArray(x2, 'x2');
  checkNumeric(a.dtype, 'x1', 'tensordot');
  checkNumeric(b.dtype, 'x2', 'tensordot');
  const [axA, axB] = tensordotAxes(options?.axes, a.shape, b.shape);
  const freeA = a.shape.map((_, i) => i).filter((i) => !axA.includes(i));
  const freeB = b.shape.map((_, i) => i).filter((i) => !axB.includes(i));
  const kk = shapeSize(axA.map((i) => a.shape[i]));
  const am = reshape(a.transpose(...freeA, ...axA), [shapeSize(freeA.map((i) => a.shape[i])), kk]);
  const bm = reshape(b.transpose(...axB, ...freeB), [kk, shapeSize(freeB.map((i) => b.shape[i]))]);
  const r = matmul(am, bm);
  return reshape(r, [...freeA.map((i) => a.shape[i]), ...freeB.map((i) => b.shape[i])]);
}
