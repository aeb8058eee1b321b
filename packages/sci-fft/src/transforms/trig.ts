/**
 * Host implementations of the real-to-real transforms: dct, idct, dst, idst (types 1–4)
 * and their n-D forms (SciPy's `_r2r` / `_r2rn`). Real input keeps its precision
 * (float32 → float32, everything else → float64); complex input transforms the real
 * and imaginary parts separately, as SciPy does.
 */
import { asarray, isComplexDtype, type NDArray, shapeSize } from '@sciport/array-api';
import { InvalidArgumentError } from '@sciport/dispatch-core';
import { isSinglePrecision, newResult, readInput, readOnlyInput, toOutput } from '../buffers.js';
import { r2rAlongAxis, r2rPlan } from '../kernels/index.js';
import {
  checkNorm,
  checkOrthogonalize,
  checkOverwrite,
  checkType,
  checkWorkers,
  DCT_KEYS,
  DCTN_KEYS,
  type DCTNOptions,
  type DCTOptions,
  type FFTNorm,
  type RealTransformType,
  readOptions,
} from '../options.js';
import { checkAxisLength, checkLengthOption, checkResultSize, initShapeAndAxes, normalizeAxis } from '../shape-axes.js';

type Kind = 'dct' | 'dst';

interface R2RAxisOptions {
  readonly kind: Kind;
  readonly type: RealTransformType;
  readonly norm: FFTNorm;
  readonly orthogonalize: boolean;
  readonly inverse: boolean;
}

function transformOptions(kind: Kind, inverse: boolean, o: Partial<DCTOptions | DCTNOptions>): R2RAxisOptions {
  checkOverwrite(o.overwriteX);
  checkWorkers(o.workers);
  const type = checkType(o.type);
  const norm = checkNorm(o.norm);
  const orthogonalize = checkOrthogonalize(o.orthogonalize, norm);
  return { kind, type, norm, orthogonalize, inverse };
}

function checkDct1Length(t: R2RAxisOptions, n: number, fromOption: boolean, fn: string): void {
  if (t.kind === 'dct' && t.type === 1 && n < 2) {
    throw new InvalidArgumentError(`${fn}: the type-1 DCT needs at least 2 points, got ${n}.`, {
      argument: fromOption ? (fn.endsWith('n') ? 's' : 'n') : 'x',
      hint: 'Use a longer input (or n/s >= 2), or another DCT type.',
    });
  }
}

/**
 * DCT/DST along each of `axes` into the C-contiguous real buffer `data` of `shape`: the
 * first axis reads `src` (same shape, only read), the others work in place.
 */
function r2rAlongAxes(data: Float64Array, src: Float64Array, shape: readonly number[], axes: readonly number[], t: R2RAxisOptions): void {
  if (data.length === 0) return;
  axes.forEach((axis, i) => {
    const plan = r2rPlan(t.kind, t.type, shape[axis], { norm: t.norm, orthogonalize: t.orthogonalize, inverse: t.inverse });
    r2rAlongAxis(data, shape, axis, plan, i === 0 ? src : data);
  });
}

/**
 * The transform of `a` resized to `shape`: real input is transformed from where it lies
 * (float64, C-contiguous) or from a converted copy into the output; complex input has its
 * real and imaginary parts transformed separately, as SciPy does.
 */
function trigTransform(a: NDArray, shape: readonly number[], axes: readonly number[], t: R2RAxisOptions): NDArray {
  const single = isSinglePrecision(a.dtype);
  if (!isComplexDtype(a.dtype)) {
    const data = newResult(shapeSize(shape));
    r2rAlongAxes(data, readOnlyInput(a, shape, false), shape, axes, t);
    return toOutput(data, shape, false, single);
  }
  const re = readInput(a, shape, { complex: false, part: 're' });
  const im = readInput(a, shape, { complex: false, part: 'im' });
  r2rAlongAxes(re, re, shape, axes, t);
  r2rAlongAxes(im, im, shape, axes, t);
  const data = newResult(2 * re.length);
  for (let i = 0; i < re.length; i++) {
    data[2 * i] = re[i];
    data[2 * i + 1] = im[i];
  }
  return toOutput(data, shape, true, single);
}

export function trigTransform1d(kind: Kind, inverse: boolean, fn: string, x: unknown, options: DCTOptions | undefined): NDArray {
  const o = readOptions(options, DCT_KEYS, fn);
  const t = transformOptions(kind, inverse, o);
  const a = asarray(x);
  const axis = normalizeAxis(o.axis ?? -1, a.ndim);
  const nOption = checkLengthOption(o.n);
  const n = nOption ?? a.shape[axis];
  checkAxisLength(n, axis);
  checkDct1Length(t, n, nOption !== undefined, fn);
  const shape = [...a.shape];
  shape[axis] = n;
  checkResultSize(shape, 'n', isComplexDtype(a.dtype));
  return trigTransform(a, shape, [axis], t);
}

/** n-D DCT/DST over `axes`; as in SciPy an empty `axes` list returns the input unchanged. */
export function trigTransformNd(kind: Kind, inverse: boolean, fn: string, x: unknown, options: DCTNOptions | undefined): NDArray {
  const o = readOptions(options, DCTN_KEYS, fn);
  const t = transformOptions(kind, inverse, o);
  const a = asarray(x);
  const { shape, axes } = initShapeAndAxes(a.shape, o.s, o.axes);
  if (axes.length === 0) return a;
  for (const n of shape) checkDct1Length(t, n, o.s !== undefined && o.s !== null, fn);
  const full = [...a.shape];
  axes.forEach((axis, i) => {
    full[axis] = shape[i];
  });
  checkResultSize(full, 's', isComplexDtype(a.dtype));
  return trigTransform(a, full, axes, t);
}

export const dctHost = (x: unknown, options?: DCTOptions): NDArray => trigTransform1d('dct', false, 'dct', x, options);
export const idctHost = (x: unknown, options?: DCTOptions): NDArray => trigTransform1d('dct', true, 'idct', x, options);
export const dstHost = (x: unknown, options?: DCTOptions): NDArray => trigTransform1d('dst', false, 'dst', x, options);
export const idstHost = (x: unknown, options?: DCTOptions): NDArray => trigTransform1d('dst', true, 'idst', x, options);
export const dctnHost = (x: unknown, options?: DCTNOptions): NDArray => trigTransformNd('dct', false, 'dctn', x, options);
export const idctnHost = (x: unknown, options?: DCTNOptions): NDArray => trigTransformNd('dct', true, 'idctn', x, options);
export const dstnHost = (x: unknown, options?: DCTNOptions): NDArray => trigTransformNd('dst', false, 'dstn', x, options);
export const idstnHost = (x: unknown, options?: DCTNOptions): NDArray => trigTransformNd('dst', true, 'idstn', x, options);
