import { InvalidArgumentError } from '@sciport/dispatch-core';
import { isComplex } from '../dtypes.js';
import type { GPUArray } from '../gpu-array.js';
import { binarySpec, unarySpec } from '../kernels/elementwise-ops.js';
import { runMap } from '../kernels/map.js';
import { type ReduceOp, reduce } from '../kernels/reduce.js';
import { copyAs } from './convert.js';
import { checkBoolean, checkCorrection, normalizeAxes, readOptions } from '@sciport/array-api/kit';
import { broadcastView, checkArray, checkDtypeOption, scalarArray } from './core.js';
import { reshape } from './manipulation.js';

/** Statistical reductions of the GPU namespace (axis, keepdims, dtype, correction). */

export interface ReduceOptions {
  axis?: number | readonly number[] | null;
  keepdims?: boolean;
}

function keepShape(x: GPUArray, axes: readonly number[], keepdims: boolean | undefined): number[] {
  return keepdims ? x.shape.map((s, d) => (axes.includes(d) ? 1 : s)) : x.shape.filter((_, d) => !axes.includes(d));
}

const REDUCE_KEYS = ['axis', 'keepdims'] as const;
const SUM_KEYS = ['axis', 'dtype', 'keepdims'] as const;
const VAR_KEYS = ['axis', 'keepdims', 'correction'] as const;

/** The options of reduction `fn`, checked (unknown keys, keepdims a boolean). */
function reduceOptions<T extends ReduceOptions>(options: T | undefined, known: readonly string[], fn: string): T {
  const o = readOptions(options, known, fn) as T;
  checkBoolean(o.keepdims, 'keepdims', false);
  return o;
}

function run(op: ReduceOp, x: GPUArray, options: ReduceOptions & { dtype?: unknown } = {}): GPUArray {
  const a = checkArray(x);
  const axes = normalizeAxes(options.axis, a.ndim);
  const size = axes.reduce((p, d) => p * a.shape[d], 1);
  if (size === 0 && (op === 'max' || op === 'min')) {
    throw new InvalidArgumentError(`${op} of an empty selection has no identity.`, { argument: 'x', hint: 'Reduce over non-empty axes.' });
  }
  const out = reduce({ x: a, axes, op, dtype: checkDtypeOption(options.dtype) });
  if (!options.keepdims) return out;
  const shaped = reshape(out, keepShape(a, axes, true));
  out.dispose();
  return shaped;
}

export const sum = (x: GPUArray, o?: ReduceOptions & { dtype?: unknown }) => run('sum', x, reduceOptions(o, SUM_KEYS, 'sum'));
export const prod = (x: GPUArray, o?: ReduceOptions & { dtype?: unknown }) => run('prod', x, reduceOptions(o, SUM_KEYS, 'prod'));
export const max = (x: GPUArray, o?: ReduceOptions) => run('max', x, reduceOptions(o, REDUCE_KEYS, 'max'));
export const min = (x: GPUArray, o?: ReduceOptions) => run('min', x, reduceOptions(o, REDUCE_KEYS, 'min'));
export const mean = (x: GPUArray, o?: ReduceOptions) => run('mean', x, reduceOptions(o, REDUCE_KEYS, 'mean'));
export const all = (x: GPUArray, o?: ReduceOptions) => run('all', x, reduceOptions(o, REDUCE_KEYS, 'all'));
export const any = (x: GPUArray, o?: ReduceOptions) => run('any', x, reduceOptions(o, REDUCE_KEYS, 'any'));

/** Count of non-zero elements (int32). */
export function countNonzero(x: GPUArray, o?: ReduceOptions): GPUArray {
  o = reduceOptions(o, REDUCE_KEYS, 'countNonzero');
  const a = checkArray(x);
  const flags = copyAs(a, 'bool');
  try {
    return run('sum', flags, { ...o, dtype: 'int32' });
  } finally {
    flags.dispose();
  }
}

/**
 * Variance with `correction` (NumPy's ddof), two passes for accuracy:
 * mean, then the mean of |x − mean|² scaled by N / (N − correction).
 */
function varianceOf(x: GPUArray, options: (ReduceOptions & { correction?: number }) | undefined, fn: 'var' | 'std'): GPUArray {
  const o = reduceOptions(options, VAR_KEYS, fn);
  const a = checkArray(x);
  if (a.dtype !== 'float32' && a.dtype !== 'float16' && a.dtype !== 'complex64') {
    throw new InvalidArgumentError(`var/std need floating-point input, got ${a.dtype}.`, { argument: 'x', hint: "Use astype(x, 'float32') first." });
  }
  const correction = checkCorrection(o.correction);
  const axes = normalizeAxes(o.axis, a.ndim);
  const n = axes.reduce((p, d) => p * a.shape[d], 1);
  const m = run('mean', a, { axis: o.axis, keepdims: true });
  const mb = broadcastView(m, a.shape);
  const dev = runMap(binarySpec('subtract', a.dtype, m.dtype), [a, mb], a.shape);
  mb.dispose();
  m.dispose();
  const sq = isComplex(dev.dtype)
    ? runMap({ op: 'abs2', compute: ['complex64'], result: 'float32', expr: ([z]) => `dot(${z}, ${z})` }, [dev], dev.shape)
    : runMap(unarySpec('square', dev.dtype), [dev], dev.shape);
  dev.dispose();
  const total = run('sum', sq, { axis: o.axis, keepdims: o.keepdims });
  sq.dispose();
  const scale = scalarArray(1 / Math.max(n - correction, 0), 'float32');
  const sb = broadcastView(scale, total.shape);
  const out = runMap(binarySpec('multiply', total.dtype, 'float32'), [total, sb], total.shape, total.dtype);
  for (const t of [sb, scale, total]) t.dispose();
  return out;
}

export const variance = (x: GPUArray, o?: ReduceOptions & { correction?: number }): GPUArray => varianceOf(x, o, 'var');

export function std(x: GPUArray, o?: ReduceOptions & { correction?: number }): GPUArray {
  const v = varianceOf(x, o, 'std');
  const out = runMap(unarySpec('sqrt', v.dtype), [v], v.shape);
  v.dispose();
  return out;
}
