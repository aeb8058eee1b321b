import type { ArrayNamespace, DType, NDArray } from '@sciport/array-api';
import { asarray, packedMap } from '@sciport/array-api';
import { NotSupportedError, InvalidArgumentError } from '@sciport/dispatch-core';
import type { Cluster } from '../cluster.js';
import { XP } from '../runtime/task-names.js';
import { inputRef } from '../runtime/template.js';
import type { Block } from './block.js';
import { ChunkedArray, isChunked } from './chunked-array.js';
import { fromHost, rechunkArray, submitTask } from './core.js';
import { blockIndices, blockShape, normalizeChunks, numBlocks, offsets, flatIndex, withAxis } from './grid.js';
import { asChunked, host, normalizeAxis, probeArray, isScalar } from './ops/common.js';
import { binary, elementwise, unary } from './ops/elementwise.js';
import { matmul, matrixTranspose, tensordot } from './ops/linalg.js';
import {
  broadcastTo,
  concat,
  expandDims,
  flip,
  moveaxis,
  permuteDims,
  reshape,
  roll,
  squeeze,
  squeezeAxes,
  stack,
  tile,
  unstack,
} from './ops/manipulate.js';
import { mapAlongAxes } from './ops/map-axes.js';
import { mean, std, treeReduce, variance } from './ops/reduce.js';
import { itemsize } from './probe.js';

type C = ChunkedArray;

const UNARY = [
  'abs', 'acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'bitwiseInvert', 'ceil', 'conj', 'cos', 'cosh', 'exp',
  'expm1', 'floor', 'imag', 'isfinite', 'isinf', 'isnan', 'log', 'log1p', 'log2', 'log10', 'logicalNot', 'negative',
  'positive', 'real', 'reciprocal', 'round', 'sign', 'signbit', 'sin', 'sinh', 'square', 'sqrt', 'tan', 'tanh', 'trunc',
] as const;

const BINARY = [
  'add', 'atan2', 'bitwiseAnd', 'bitwiseLeftShift', 'bitwiseOr', 'bitwiseRightShift', 'bitwiseXor', 'copysign', 'divide',
  'equal', 'floorDivide', 'greater', 'greaterEqual', 'hypot', 'less', 'lessEqual', 'logaddexp', 'logicalAnd', 'logicalOr',
  'logicalXor', 'maximum', 'minimum', 'multiply', 'nextafter', 'notEqual', 'pow', 'remainder', 'subtract',
] as const;

function dtypeOf(v: unknown): unknown {
  return isChunked(v) ? v.dtype : v;
}

function dataDependent(name: string): never {
  throw new NotSupportedError(`${name} has a data-dependent output shape, which chunked arrays do not support.`, {
    hint: `Gather first: ${name}(await x.toHost()).`,
  });
}

/** Blocks computed on the workers from nothing (zeros, ones, full, empty). */
function filled(cluster: Cluster, shape: readonly number[], fill: unknown, dtypeOption: DType | undefined, chunksHint?: readonly (readonly number[])[]): C {
  const probe = host.full([0], fill, dtypeOption === undefined ? {} : { dtype: dtypeOption }) as NDArray;
  const dtype = probe.dtype as DType;
  const chunks = chunksHint ? packedMap(chunksHint, (c) => [...c]) : normalizeChunks('auto', shape, itemsize(dtype));
  const blocks: Block[] = [];
  for (const idx of blockIndices(numBlocks(chunks))) {
    const bs = blockShape(chunks, idx);
    blocks.push(submitTask(cluster, XP, [], { op: 'full', args: [bs, fill, { dtype }] }, bs, dtype));
  }
  return new ChunkedArray(cluster, dtype, shape, chunks, blocks);
}

function shapeList(shape: number | readonly number[]): number[] {
  return typeof shape === 'number' ? [shape] : [...shape];
}

/** tril/triu per block: the diagonal offset k moves with each block's position. */
function triangle(op: 'tril' | 'triu', x: C, k = 0): C {
  if (x.ndim < 2) throw new InvalidArgumentError(`${op} needs at least 2 dimensions, got ${x.ndim}.`, { argument: 'x' });
  const r = x.ndim - 2;
  const rows = offsets(x.chunks[r]);
  const cols = offsets(x.chunks[r + 1]);
  const grid = numBlocks(x.chunks);
  const blocks: Block[] = [];
  for (const idx of blockIndices(grid)) {
    const kk = k + rows[idx[r]] - cols[idx[r + 1]];
    blocks.push(submitTask(x.cluster, XP, [x.blocks[flatIndex(idx, grid)]], { op, args: [inputRef(0), { k: kk }] }, blockShape(x.chunks, idx), x.dtype));
  }
  return new ChunkedArray(x.cluster, x.dtype, x.shape, x.chunks, blocks);
}

function axisOp(x: C, axis: number, op: string, options: Record<string, unknown>): C {
  const ax = normalizeAxis(axis, x.ndim);
  const opts = { ...options, axis: ax };
  return mapAlongAxes(x, [ax], {
    fn: XP,
    params: { op, args: [inputRef(0), opts] },
    probe: (p) => host[op](p, opts) as NDArray,
  });
}

function defaultAxis(x: C, axis: number | undefined, name: string): number {
  if (axis !== undefined) return axis;
  if (x.ndim === 1) return 0;
  throw new InvalidArgumentError(`${name} needs an axis for a ${x.ndim}-D array.`, { argument: 'axis' });
}

/** Build the ArrayNamespace for chunked arrays on one cluster. */
function buildNamespace(cluster: Cluster): ArrayNamespace<C> {
  const ns: Record<string, unknown> = {
    kind: 'chunked',
    e: Math.E,
    pi: Math.PI,
    inf: Number.POSITIVE_INFINITY,
    nan: Number.NaN,
    newaxis: null,

    // ----- creation: small or structured arrays are built on the host and split; constant
    // fills are built on the workers, block by block.
    asarray(obj: unknown, options: { dtype?: DType; copy?: boolean; shape?: number | readonly number[] } = {}) {
      if (isChunked(obj)) {
        if (options.dtype !== undefined && options.dtype !== obj.dtype) return ns_.astype(obj, options.dtype);
        return obj;
      }
      const x = asarray(obj as any, options as any) as NDArray;
      return fromHost(x, cluster, normalizeChunks('auto', x.shape, itemsize(x.dtype)));
    },
    arange(start: number, stop?: number | null, step?: number, options?: object) {
      const x = host.arange(start, stop, step, options) as NDArray;
      return fromHost(x, cluster, normalizeChunks('auto', x.shape, itemsize(x.dtype)));
    },
    linspace(start: number, stop: number, num: number, options?: object) {
      const x = host.linspace(start, stop, num, options) as NDArray;
      return fromHost(x, cluster, normalizeChunks('auto', x.shape, itemsize(x.dtype)));
    },
    eye(nRows: number, nCols?: number | null, options?: object) {
      const x = host.eye(nRows, nCols, options) as NDArray;
      return fromHost(x, cluster, normalizeChunks('auto', x.shape, itemsize(x.dtype)));
    },
    empty: (shape: number | readonly number[], o: { dtype?: DType } = {}) => filled(cluster, shapeList(shape), 0, o.dtype ?? 'float64'),
    zeros: (shape: number | readonly number[], o: { dtype?: DType } = {}) => filled(cluster, shapeList(shape), 0, o.dtype ?? 'float64'),
    ones: (shape: number | readonly number[], o: { dtype?: DType } = {}) => filled(cluster, shapeList(shape), 1, o.dtype ?? 'float64'),
    full: (shape: number | readonly number[], v: number | bigint | boolean, o: { dtype?: DType } = {}) => filled(cluster, shapeList(shape), v, o.dtype),
    emptyLike: (x: C, o: { dtype?: DType } = {}) => filled(cluster, x.shape, 0, o.dtype ?? x.dtype, x.chunks),
    zerosLike: (x: C, o: { dtype?: DType } = {}) => filled(cluster, x.shape, 0, o.dtype ?? x.dtype, x.chunks),
    onesLike: (x: C, o: { dtype?: DType } = {}) => filled(cluster, x.shape, 1, o.dtype ?? x.dtype, x.chunks),
    fullLike: (x: C, v: number | bigint | boolean, o: { dtype?: DType } = {}) => filled(cluster, x.shape, v, o.dtype ?? x.dtype, x.chunks),
    meshgrid(...args: unknown[]) {
      const last = args[args.length - 1];
      const options = last !== undefined && !isChunked(last) && typeof last === 'object' && last !== null && !('dtype' in (last as object)) ? (args.pop() as { indexing?: 'xy' | 'ij' }) : {};
      const arrays = packedMap(args, (a, i) => asChunked(a, cluster, `arrays[${i}]`));
      const lengths = packedMap(arrays, (a) => a.size);
      const xy = (options.indexing ?? 'xy') === 'xy' && arrays.length >= 2;
      const shape = [...lengths];
      if (xy) [shape[0], shape[1]] = [shape[1], shape[0]];
      return packedMap(arrays, (a, i) => {
        const position = xy && i < 2 ? 1 - i : i;
        const view = packedMap(shape, (_, d) => (d === position ? -1 : 1));
        return broadcastTo(reshape(a, view), shape);
      });
    },
    tril: (x: C, o: { k?: number } = {}) => triangle('tril', x, o.k),
    triu: (x: C, o: { k?: number } = {}) => triangle('triu', x, o.k),

    // ----- data types (answered by the host namespace on dtypes)
    astype(x: C, dtype: DType, options: { copy?: boolean } = {}) {
      if (x.dtype === dtype && options.copy !== true) return x;
      return elementwise('astype', [x], [inputRef(0), dtype]);
    },
    canCast: (from: unknown, to: DType) => host.canCast(dtypeOf(from), to),
    finfo: (t: unknown) => host.finfo(dtypeOf(t)),
    iinfo: (t: unknown) => host.iinfo(dtypeOf(t)),
    isdtype: (dtype: DType, kind: unknown) => host.isdtype(dtype, kind),
    resultType: (...xs: unknown[]) => host.resultType(...packedMap(xs, dtypeOf)),

    clip(x: C, min?: unknown, max?: unknown) {
      const arrays: unknown[] = [x];
      const slot = (v: unknown) => {
        if (v === null || v === undefined || isScalar(v)) return v ?? null;
        arrays.push(v);
        return inputRef(arrays.length - 1);
      };
      const template = [inputRef(0), slot(min), slot(max)];
      return elementwise('clip', arrays, template);
    },
    where(condition: unknown, x1: unknown, x2: unknown) {
      const arrays: unknown[] = [];
      const slot = (v: unknown) => {
        if (isScalar(v)) return v;
        arrays.push(v);
        return inputRef(arrays.length - 1);
      };
      return elementwise('where', arrays, [slot(condition), slot(x1), slot(x2)], cluster);
    },

    // ----- indexing
    take(x: C, indices: unknown, options: { axis?: number } = {}) {
      const axis = defaultAxis(x, options.axis, 'take');
      const idx = asChunked(indices, cluster, 'indices');
      if (idx.ndim !== 1) throw new InvalidArgumentError('take needs 1-D indices.', { argument: 'indices' });
      const whole = rechunkArray(idx, [[idx.shape[0]]]);
      const ax = normalizeAxis(axis, x.ndim);
      return mapAlongAxes(x, [ax], {
        fn: XP,
        params: { op: 'take', args: [inputRef(0), inputRef(1), { axis: ax }] },
        probe: (p) => host.take(p, probeArray([idx.shape[0]], idx.dtype), { axis: ax }) as NDArray,
        extra: [whole.blocks[0]],
      });
    },
    takeAlongAxis(x: C, indices: C, options: { axis?: number } = {}) {
      const ax = normalizeAxis(options.axis ?? -1, x.ndim);
      const idx = asChunked(indices, cluster, 'indices');
      if (idx.ndim !== x.ndim || idx.shape.some((n, d) => d !== ax && n !== x.shape[d])) {
        throw new InvalidArgumentError('takeAlongAxis: indices must have the shape of x except along axis.', { argument: 'indices' });
      }
      const xw = rechunkArray(x, packedMap(x.chunks, (c, d) => (d === ax ? [x.shape[d]] : [...c])));
      const iw = rechunkArray(idx, packedMap(xw.chunks, (c, d) => (d === ax ? [idx.shape[d]] : [...c])));
      const dtype = x.dtype;
      const grid = numBlocks(xw.chunks);
      const blocks: Block[] = [];
      for (const b of blockIndices(grid)) {
        const f = flatIndex(b, grid);
        blocks.push(submitTask(cluster, XP, [xw.blocks[f], iw.blocks[f]], { op: 'takeAlongAxis', args: [inputRef(0), inputRef(1), { axis: ax }] }, blockShape(iw.chunks, b), dtype));
      }
      return new ChunkedArray(cluster, dtype, idx.shape, iw.chunks, blocks);
    },

    arrayNamespaceInfo() {
      const info = host.arrayNamespaceInfo();
      return {
        ...info,
        capabilities: () => ({ ...info.capabilities(), 'boolean indexing': false, 'data-dependent shapes': false }),
        defaultDevice: () => cluster,
        devices: () => [cluster],
      };
    },

    // ----- linear algebra
    matmul: (a: unknown, b: unknown) => matmul(asChunked(a, cluster, 'x1'), asChunked(b, cluster, 'x2')),
    matrixTranspose: (x: C) => matrixTranspose(x),
    tensordot: (a: C, b: C, o: { axes?: number | readonly [readonly number[], readonly number[]] } = {}) => tensordot(a, b, o.axes),
    vecdot(a: C, b: C, o: { axis?: number } = {}) {
      const complex = host.isdtype(a.dtype, 'complex floating');
      const prod = binary('multiply')(complex ? unary('conj')(a) : a, b);
      return treeReduce(prod, { partial: 'sum', combine: 'add' }, [normalizeAxis(o.axis ?? -1, prod.ndim)], false);
    },

    // ----- manipulation
    broadcastArrays(...arrays: C[]) {
      const shape = arrays.reduce<number[]>((s, a) => {
        const nd = Math.max(s.length, a.ndim);
        return Array.from({ length: nd }, (_, d) => {
          const x = s[d - (nd - s.length)] ?? 1;
          const y = a.shape[d - (nd - a.ndim)] ?? 1;
          return x === 1 ? y : x;
        });
      }, []);
      return packedMap(arrays, (a) => broadcastTo(a, shape));
    },
    broadcastTo: (x: C, shape: number | readonly number[]) => broadcastTo(x, shape),
    concat: (arrays: readonly C[], o: { axis?: number | null } = {}) => concat(packedMap(arrays, (a, i) => asChunked(a, cluster, `arrays[${i}]`)), o.axis === undefined ? 0 : o.axis),
    expandDims: (x: C, axis?: number | readonly number[]) => expandDims(x, axis),
    flip: (x: C, o: { axis?: number | readonly number[] | null } = {}) => flip(x, o.axis),
    moveaxis: (x: C, s: number | readonly number[], d: number | readonly number[]) => moveaxis(x, s, d),
    permuteDims: (x: C, axes: readonly number[]) => permuteDims(x, axes),
    repeat(x: C, repeats: unknown, o: { axis?: number | null } = {}) {
      if (typeof repeats !== 'number') {
        throw new NotSupportedError('Chunked repeat takes an integer count.', { argument: 'repeats', hint: 'Gather first for per-element counts.' });
      }
      const src = o.axis === null || o.axis === undefined ? reshape(x, [-1]) : x;
      const ax = normalizeAxis(o.axis ?? 0, src.ndim);
      return mapAlongAxes(src, [ax], {
        fn: XP,
        params: { op: 'repeat', args: [inputRef(0), repeats, { axis: ax }] },
        probe: (p) => host.repeat(p, repeats, { axis: ax }) as NDArray,
      });
    },
    reshape: (x: C, shape: number | readonly number[]) => reshape(x, shape),
    roll: (x: C, shift: number | readonly number[], o: { axis?: number | readonly number[] | null } = {}) => roll(x, shift, o.axis),
    squeeze: (x: C, axis: number | readonly number[]) => squeeze(x, axis),
    stack: (arrays: readonly C[], o: { axis?: number } = {}) => stack(packedMap(arrays, (a, i) => asChunked(a, cluster, `arrays[${i}]`)), o.axis ?? 0),
    tile: (x: C, reps: readonly number[]) => tile(x, reps),
    unstack: (x: C, o: { axis?: number } = {}) => unstack(x, o.axis ?? 0),

    // ----- searching
    argmax: (x: C, o: { axis?: number | null; keepdims?: boolean } = {}) => argReduce('argmax', x, o),
    argmin: (x: C, o: { axis?: number | null; keepdims?: boolean } = {}) => argReduce('argmin', x, o),
    countNonzero: (x: C, o: { axis?: number | readonly number[] | null; keepdims?: boolean } = {}) =>
      treeReduce(x, { partial: 'countNonzero', combine: 'add' }, o.axis, o.keepdims),
    nonzero: () => dataDependent('nonzero'),
    searchsorted(x1: C, x2: unknown, o: { side?: 'left' | 'right'; sorter?: C } = {}) {
      const sorted = rechunkArray(x1, [[x1.shape[0]]]);
      const v = asChunked(isScalar(x2) ? asarray(x2 as any, { dtype: x1.dtype } as any) : x2, cluster, 'x2');
      const extra = [sorted.blocks[0]];
      const opts: Record<string, unknown> = { side: o.side ?? 'left' };
      if (o.sorter !== undefined) {
        extra.push(rechunkArray(o.sorter, [[o.sorter.shape[0]]]).blocks[0]);
        opts.sorter = inputRef(2);
      }
      const probeOpts = { ...opts, sorter: o.sorter === undefined ? undefined : probeArray([x1.shape[0]], o.sorter.dtype) };
      const probe = host.searchsorted(probeArray([x1.shape[0]], x1.dtype), probeArray(packedMap(v.shape, () => 0), v.dtype), probeOpts) as NDArray;
      const grid = numBlocks(v.chunks);
      const blocks: Block[] = [];
      for (const idx of blockIndices(grid)) {
        blocks.push(
          submitTask(cluster, XP, [v.blocks[flatIndex(idx, grid)], ...extra], { op: 'searchsorted', args: [inputRef(1), inputRef(0), opts] }, blockShape(v.chunks, idx), probe.dtype as DType),
        );
      }
      return new ChunkedArray(cluster, probe.dtype as DType, v.shape, v.chunks, blocks);
    },

    // ----- sets
    uniqueAll: () => dataDependent('uniqueAll'),
    uniqueCounts: () => dataDependent('uniqueCounts'),
    uniqueInverse: () => dataDependent('uniqueInverse'),
    uniqueValues: () => dataDependent('uniqueValues'),

    // ----- sorting (along a whole axis)
    argsort: (x: C, o: { axis?: number; descending?: boolean; stable?: boolean } = {}) => axisOp(x, o.axis ?? -1, 'argsort', o),
    sort: (x: C, o: { axis?: number; descending?: boolean; stable?: boolean } = {}) => axisOp(x, o.axis ?? -1, 'sort', o),

    // ----- statistical (tree reductions)
    cumulativeProd: (x: C, o: { axis?: number; dtype?: DType; includeInitial?: boolean } = {}) =>
      axisOp(x, defaultAxis(x, o.axis, 'cumulativeProd'), 'cumulativeProd', o),
    cumulativeSum: (x: C, o: { axis?: number; dtype?: DType; includeInitial?: boolean } = {}) =>
      axisOp(x, defaultAxis(x, o.axis, 'cumulativeSum'), 'cumulativeSum', o),
    max: (x: C, o: { axis?: number | readonly number[] | null; keepdims?: boolean } = {}) => treeReduce(x, { partial: 'max', combine: 'maximum' }, o.axis, o.keepdims),
    min: (x: C, o: { axis?: number | readonly number[] | null; keepdims?: boolean } = {}) => treeReduce(x, { partial: 'min', combine: 'minimum' }, o.axis, o.keepdims),
    sum: (x: C, o: { axis?: number | readonly number[] | null; keepdims?: boolean; dtype?: DType } = {}) =>
      treeReduce(x, { partial: 'sum', combine: 'add', extra: o.dtype === undefined ? {} : { dtype: o.dtype } }, o.axis, o.keepdims),
    prod: (x: C, o: { axis?: number | readonly number[] | null; keepdims?: boolean; dtype?: DType } = {}) =>
      treeReduce(x, { partial: 'prod', combine: 'multiply', extra: o.dtype === undefined ? {} : { dtype: o.dtype } }, o.axis, o.keepdims),
    mean: (x: C, o: { axis?: number | readonly number[] | null; keepdims?: boolean } = {}) => mean(x, o.axis, o.keepdims),
    var: (x: C, o: { axis?: number | readonly number[] | null; keepdims?: boolean; correction?: number } = {}) => variance(x, o.axis, o.keepdims, o.correction),
    std: (x: C, o: { axis?: number | readonly number[] | null; keepdims?: boolean; correction?: number } = {}) => std(x, o.axis, o.keepdims, o.correction),

    // ----- utility
    all: (x: C, o: { axis?: number | readonly number[] | null; keepdims?: boolean } = {}) => treeReduce(x, { partial: 'all', combine: 'logicalAnd' }, o.axis, o.keepdims),
    any: (x: C, o: { axis?: number | readonly number[] | null; keepdims?: boolean } = {}) => treeReduce(x, { partial: 'any', combine: 'logicalOr' }, o.axis, o.keepdims),
    diff(x: C, o: { axis?: number; n?: number; prepend?: unknown; append?: unknown } = {}) {
      const ax = normalizeAxis(o.axis ?? -1, x.ndim);
      const edge = (v: unknown, name: string): C | undefined => {
        if (v === undefined || v === null) return undefined;
        if (isScalar(v)) return filled(cluster, withAxis(x.shape, ax, 1), v, x.dtype);
        return asChunked(v, cluster, name);
      };
      const parts = [edge(o.prepend, 'prepend'), x, edge(o.append, 'append')].filter((p): p is C => p !== undefined);
      const joined = parts.length === 1 ? x : concat(parts, ax);
      return axisOp(joined, ax, 'diff', { n: o.n ?? 1 });
    },
  };

  function argReduce(op: 'argmax' | 'argmin', x: C, o: { axis?: number | null; keepdims?: boolean }): C {
    if (o.axis === null || o.axis === undefined) {
      const flat = axisOp(reshape(x, [-1]), 0, op, { keepdims: true });
      return o.keepdims ? reshape(flat, packedMap(x.shape, () => 1)) : squeezeAxes(flat, [0]);
    }
    const ax = normalizeAxis(o.axis, x.ndim);
    const r = axisOp(x, ax, op, { keepdims: true });
    return o.keepdims ? r : squeezeAxes(r, [ax]);
  }

  for (const name of UNARY) ns[name] = unary(name);
  for (const name of BINARY) ns[name] = binary(name, () => cluster);
  const ns_ = ns as unknown as ArrayNamespace<C>;
  return ns_;
}

const namespaces = new WeakMap<Cluster, ArrayNamespace<C>>();

/** The ArrayNamespace of chunked arrays on `cluster` (what `arrayNamespace(x)` returns for them). */
export function chunkedNamespace(cluster: Cluster): ArrayNamespace<C> {
  let ns = namespaces.get(cluster);
  if (ns === undefined) namespaces.set(cluster, (ns = buildNamespace(cluster)));
  return ns;
}

