import type { ArrayNamespace, DType } from '@sciport/array-api';
import { asarray, type NDArray, packedMap } from '@sciport/array-api';
import {
  broadcastShapes,
  checkArrayList,
  checkBoolean,
  checkCondition,
  checkCount,
  checkDType,
  checkInteger,
  checkMatrixRank,
  checkMeshgridArrays,
  checkSearchsortedRank,
  cumulativeAxis,
  diffAxis,
  meshgridArgs,
  normalizeAxis,
  readOptions,
  STANDARD_CONSTANTS,
  sortAxis,
  takeAlongAxisAxis,
  takeAxis,
  vecdotAxis,
} from '@sciport/array-api/kit';
import { NotSupportedError } from '@sciport/dispatch-core';
import type { Cluster } from '../cluster.js';
import { XP } from '../runtime/task-names.js';
import { inputRef } from '../runtime/template.js';
import type { Block } from './block.js';
import { ChunkedArray, isChunked } from './chunked-array.js';
import { fromHost, rechunkArray, submitTask } from './core.js';
import { blockIndices, blockShape, checkChunkedShape, flatIndex, normalizeChunks, numBlocks, offsets, withAxis } from './grid.js';
import { asChunked, host, isScalar, probeArray } from './ops/common.js';
import { binary, elementwise, unary } from './ops/elementwise.js';
import { matmul, matrixTranspose, tensordot } from './ops/linalg.js';
import {
  broadcastTo,
  concat,
  expandDims,
  flip,
  moveaxis,
  permuteDims,
  repeatAlong,
  reshape,
  roll,
  squeeze,
  dropAxes,
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

/** The option keys of the creation functions (as the host namespace's). */
const CREATION_KEYS = ['dtype', 'device'];
const REDUCE_KEYS = ['axis', 'keepdims'];

function dataDependent(name: string): never {
  throw new NotSupportedError(`${name} has a data-dependent output shape, which chunked arrays do not support.`, {
    argument: 'x',
    hint: `Gather first: ${name}(await x.toHost()).`,
  });
}

/** Blocks computed on the workers from nothing (zeros, ones, full, empty). */
function filled(cluster: Cluster, shape: readonly number[], fill: unknown, dtypeOption: unknown, chunksHint?: readonly (readonly number[])[]): C {
  // The host function checks the fill value and the dtype, with its wording.
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

/** tril/triu per block: the diagonal offset k moves with each block's position. */
function triangle(op: 'tril' | 'triu', x: C, k: number): C {
  checkMatrixRank(x.ndim, op);
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

/** An operation along one whole axis (already normalised), run by the host function on each block. */
function axisOp(x: C, ax: number, op: string, options: Record<string, unknown>): C {
  const opts = { ...options, axis: ax };
  return mapAlongAxes(x, [ax], {
    fn: XP,
    params: { op, args: [inputRef(0), opts] },
    probe: (p) => host[op](p, opts) as NDArray,
  });
}

/** Build the ArrayNamespace for chunked arrays on one cluster. */
function buildNamespace(cluster: Cluster): ArrayNamespace<C> {
  const take = (v: unknown, argument = 'x') => asChunked(v, cluster, argument);
  const split = (x: NDArray) => fromHost(x, cluster, normalizeChunks('auto', x.shape, itemsize(x.dtype)));
  const reduceOptions = (o: object | undefined, fn: string, keys = REDUCE_KEYS): Record<string, unknown> & { keepdims: boolean } => {
    const options: Record<string, unknown> = readOptions(o as Record<string, unknown> | undefined, keys, fn);
    return { ...options, keepdims: checkBoolean(options.keepdims, 'keepdims', false) };
  };
  const reduction = (fn: string, spec: { partial: string; combine: string }, keys = REDUCE_KEYS) => (x: unknown, o?: object) => {
    const options = reduceOptions(o, fn, keys);
    const a = take(x);
    const extra = options.dtype === undefined ? {} : { dtype: checkDType(options.dtype) };
    return treeReduce(a, { ...spec, extra }, options.axis, options.keepdims);
  };
  /** emptyLike, zerosLike, onesLike (a fixed fill) and fullLike (fill undefined: the fill is the second argument). */
  const like = (fn: string, fill: number | undefined) =>
    (x: unknown, ...rest: unknown[]) => {
      const a = take(x);
      const given = fill === undefined;
      // The host function checks the fill value, with its wording, before the options.
      if (given) host.full([0], rest[0]);
      const o = readOptions((given ? rest[1] : rest[0]) as Record<string, unknown> | undefined, CREATION_KEYS, fn);
      return filled(cluster, a.shape, given ? rest[0] : fill, o.dtype === undefined ? a.dtype : checkDType(o.dtype), a.chunks);
    };
  /** empty, zeros, ones (a fixed fill) and full (fill undefined: the fill is the second argument). */
  const creation = (fn: string, fill: number | undefined) =>
    (shape: unknown, ...rest: unknown[]) => {
      const given = fill === undefined;
      if (given) host.full([0], rest[0]);
      const o = readOptions((given ? rest[1] : rest[0]) as Record<string, unknown> | undefined, CREATION_KEYS, fn);
      const dtype = o.dtype === undefined ? undefined : checkDType(o.dtype);
      const s = checkChunkedShape(shape, 'shape');
      return filled(cluster, s, given ? rest[0] : fill, given ? dtype : (dtype ?? 'float64'));
    };

  const ns: Record<string, unknown> = {
    kind: 'chunked',
    ...STANDARD_CONSTANTS,

    // ----- creation: small or structured arrays are built on the host and split; constant
    // fills are built on the workers, block by block.
    asarray(obj: unknown, options?: { dtype?: DType; copy?: boolean; shape?: number | readonly number[]; device?: unknown }) {
      const o = readOptions(options, ['dtype', 'shape', 'copy', 'device'], 'asarray');
      if (o.dtype !== undefined) checkDType(o.dtype);
      if (isChunked(obj)) {
        if (o.dtype !== undefined && o.dtype !== obj.dtype) return ns_.astype(take(obj, 'obj'), o.dtype);
        return take(obj, 'obj');
      }
      return split(asarray(obj as never, o as never) as NDArray);
    },
    arange: (start: unknown, stop?: unknown, step?: unknown, options?: object) => split(host.arange(start, stop, step, options) as NDArray),
    linspace: (start: unknown, stop: unknown, num: unknown, options?: object) => split(host.linspace(start, stop, num, options) as NDArray),
    eye: (nRows: unknown, nCols?: unknown, options?: object) => split(host.eye(nRows, nCols, options) as NDArray),
    empty: creation('empty', 0),
    zeros: creation('zeros', 0),
    ones: creation('ones', 1),
    full: creation('full', undefined),
    emptyLike: like('emptyLike', 0),
    zerosLike: like('zerosLike', 0),
    onesLike: like('onesLike', 1),
    fullLike: like('fullLike', undefined),
    meshgrid(...args: unknown[]) {
      const { arrays: inputs, indexing } = meshgridArgs(args);
      const arrays = packedMap(inputs, (a, i) => take(a, `arrays[${i}]`));
      checkMeshgridArrays(packedMap(arrays, (a) => a.ndim));
      const xy = indexing === 'xy' && arrays.length >= 2;
      const shape = packedMap(arrays, (a) => a.size);
      if (xy) [shape[0], shape[1]] = [shape[1], shape[0]];
      return packedMap(arrays, (a, i) => {
        const position = xy && i < 2 ? 1 - i : i;
        const view = packedMap(shape, (_, d) => (d === position ? -1 : 1));
        return broadcastTo(reshape(a, view), shape);
      });
    },
    tril(x: unknown, o?: { k?: number }) {
      const k = checkInteger(readOptions(o, ['k'], 'tril').k, 'k', 0);
      return triangle('tril', take(x), k);
    },
    triu(x: unknown, o?: { k?: number }) {
      const k = checkInteger(readOptions(o, ['k'], 'triu').k, 'k', 0);
      return triangle('triu', take(x), k);
    },

    // ----- data types (answered by the host namespace on dtypes)
    astype(x: unknown, dtype: DType, options?: { copy?: boolean; device?: unknown }) {
      const copy = checkBoolean(readOptions(options, ['copy', 'device'], 'astype').copy, 'copy', true);
      const a = take(x);
      checkDType(dtype);
      if (a.dtype === dtype && !copy) return a;
      return elementwise('astype', [a], [inputRef(0), dtype]);
    },
    canCast: (from: unknown, to: unknown) => host.canCast(dtypeOf(from), checkDType(to, 'to')),
    finfo: (t: unknown) => host.finfo(dtypeOf(t)),
    iinfo: (t: unknown) => host.iinfo(dtypeOf(t)),
    isdtype: (dtype: unknown, kind: unknown) => host.isdtype(dtype, kind),
    resultType: (...xs: unknown[]) => host.resultType(...packedMap(xs, dtypeOf)),

    clip(x: unknown, min?: unknown, max?: unknown) {
      const arrays: unknown[] = [take(x)];
      const slot = (v: unknown, name: string) => {
        if (v === null || v === undefined || isScalar(v)) return v ?? null;
        arrays.push(take(v, name));
        return inputRef(arrays.length - 1);
      };
      return elementwise('clip', arrays, [inputRef(0), slot(min, 'min'), slot(max, 'max')]);
    },
    where(condition: unknown, x1: unknown, x2: unknown) {
      const c = take(condition, 'condition');
      checkCondition(c.dtype);
      const arrays: unknown[] = [c];
      const slot = (v: unknown, name: string) => {
        if (isScalar(v)) return v;
        arrays.push(take(v, name));
        return inputRef(arrays.length - 1);
      };
      return elementwise('where', arrays, [inputRef(0), slot(x1, 'x1'), slot(x2, 'x2')], cluster);
    },

    // ----- indexing
    take(x: unknown, indices: unknown, options?: { axis?: number }) {
      const o = readOptions(options, ['axis'], 'take');
      const a = take(x);
      const idx = take(indices, 'indices');
      const ax = takeAxis(a.ndim, o.axis);
      if (idx.ndim !== 1) {
        throw new NotSupportedError('Chunked take needs 1-D indices.', { argument: 'indices', hint: 'Flatten them with reshape(indices, [-1]).' });
      }
      const whole = rechunkArray(idx, [[idx.shape[0]]]);
      return mapAlongAxes(a, [ax], {
        fn: XP,
        params: { op: 'take', args: [inputRef(0), inputRef(1), { axis: ax }] },
        probe: (p) => host.take(p, probeArray([idx.shape[0]], idx.dtype), { axis: ax }) as NDArray,
        extra: [whole.blocks[0]],
      });
    },
    takeAlongAxis(x: unknown, indices: unknown, options?: { axis?: number }) {
      const o = readOptions(options, ['axis'], 'takeAlongAxis');
      const a = take(x);
      const idx = take(indices, 'indices');
      const ax = takeAlongAxisAxis(a.ndim, idx.ndim, o.axis);
      if (idx.shape.some((n, d) => d !== ax && n !== a.shape[d])) {
        throw new NotSupportedError('Chunked takeAlongAxis needs indices of the shape of x except along axis.', {
          argument: 'indices',
          hint: 'Broadcast them first with broadcastTo.',
        });
      }
      // The host function checks the dtype of the indices, with its wording.
      host.takeAlongAxis(probeArray(packedMap(a.shape, () => 1), a.dtype), probeArray(packedMap(a.shape, () => 0), idx.dtype), { axis: ax });
      const xw = rechunkArray(a, packedMap(a.chunks, (c, d) => (d === ax ? [a.shape[d]] : [...c])));
      const iw = rechunkArray(idx, packedMap(xw.chunks, (c, d) => (d === ax ? [idx.shape[d]] : [...c])));
      const dtype = a.dtype;
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
    matmul: (x1: unknown, x2: unknown) => matmul(take(x1, 'x1'), take(x2, 'x2')),
    matrixTranspose: (x: unknown) => matrixTranspose(take(x)),
    tensordot(x1: unknown, x2: unknown, options?: { axes?: unknown }) {
      const o = readOptions(options, ['axes'], 'tensordot');
      return tensordot(take(x1, 'x1'), take(x2, 'x2'), o.axes ?? 2);
    },
    vecdot(x1: unknown, x2: unknown, options?: { axis?: number }) {
      const o = readOptions(options, ['axis'], 'vecdot');
      const a = take(x1, 'x1');
      const b = take(x2, 'x2');
      // Counted from the end, so it holds in the broadcast shape of the product.
      const ax = vecdotAxis(a.shape, b.shape, o.axis);
      // The host function checks the dtypes, with its wording.
      host.vecdot(probeArray([1], a.dtype), probeArray([1], b.dtype));
      const complex = host.isdtype(a.dtype, 'complex floating');
      const prod = binary('multiply')(complex ? unary('conj')(a) : a, b);
      return treeReduce(prod, { partial: 'sum', combine: 'add' }, [prod.ndim + ax], false);
    },

    // ----- manipulation
    broadcastArrays(...arrays: unknown[]) {
      const xs = packedMap(arrays, (a, i) => take(a, `arrays[${i}]`));
      const shape = broadcastShapes(...packedMap(xs, (a) => a.shape));
      return packedMap(xs, (a) => broadcastTo(a, shape));
    },
    broadcastTo(x: unknown, shape: unknown) {
      const target = checkChunkedShape(shape, 'shape');
      return broadcastTo(take(x), target);
    },
    concat(arrays: unknown, options?: { axis?: number | null }) {
      const o = readOptions(options, ['axis'], 'concat');
      const xs = packedMap(checkArrayList(arrays, 'concat'), (a, i) => take(a, `arrays[${i}]`));
      return concat(xs, o.axis === undefined ? 0 : o.axis);
    },
    expandDims: (x: unknown, axis?: unknown) => expandDims(take(x), axis ?? 0),
    flip(x: unknown, o?: { axis?: unknown }) {
      const axis = readOptions(o, ['axis'], 'flip').axis;
      return flip(take(x), axis);
    },
    moveaxis: (x: unknown, source: unknown, destination: unknown) => moveaxis(take(x), source, destination),
    permuteDims: (x: unknown, axes: unknown) => permuteDims(take(x), axes),
    repeat(x: unknown, repeats: unknown, options?: { axis?: number | null }) {
      const o = readOptions(options, ['axis'], 'repeat');
      const a = take(x);
      if (typeof repeats !== 'number') {
        throw new NotSupportedError('Chunked repeat takes an integer count.', { argument: 'repeats', hint: 'Gather first for per-element counts.' });
      }
      const count = checkCount(repeats, 'repeats');
      const src = o.axis === null || o.axis === undefined ? reshape(a, [-1]) : a;
      return repeatAlong(src, count, normalizeAxis(o.axis ?? 0, src.ndim));
    },
    reshape(x: unknown, shape: unknown, options?: { copy?: boolean }) {
      // Blocks are never shared with the input's memory: every reshape is a copy, so copy: false cannot be honoured.
      const copy = readOptions(options, ['copy'], 'reshape').copy;
      if (copy !== undefined) checkBoolean(copy, 'copy', true);
      if (copy === false) {
        throw new NotSupportedError('Chunked reshape always copies its blocks.', { argument: 'copy', hint: 'Leave copy unset.' });
      }
      return reshape(take(x), shape);
    },
    roll(x: unknown, shift: unknown, o?: { axis?: unknown }) {
      const axis = readOptions(o, ['axis'], 'roll').axis;
      return roll(take(x), shift, axis);
    },
    squeeze: (x: unknown, axis: unknown) => squeeze(take(x), axis),
    stack(arrays: unknown, options?: { axis?: number }) {
      const o = readOptions(options, ['axis'], 'stack');
      const xs = packedMap(checkArrayList(arrays, 'stack'), (a, i) => take(a, `arrays[${i}]`));
      return stack(xs, o.axis ?? 0);
    },
    tile: (x: unknown, repetitions: unknown) => tile(take(x), repetitions),
    unstack(x: unknown, o?: { axis?: number }) {
      const axis = readOptions(o, ['axis'], 'unstack').axis;
      return unstack(take(x), axis ?? 0);
    },

    // ----- searching
    argmax: (x: unknown, o?: object) => argReduce('argmax', x, o),
    argmin: (x: unknown, o?: object) => argReduce('argmin', x, o),
    countNonzero: reduction('countNonzero', { partial: 'countNonzero', combine: 'add' }),
    nonzero: () => dataDependent('nonzero'),
    searchsorted(x1: unknown, x2: unknown, options?: { side?: 'left' | 'right'; sorter?: unknown }) {
      const o = readOptions(options, ['side', 'sorter'], 'searchsorted');
      const a = take(x1, 'x1');
      checkSearchsortedRank(a.ndim);
      const sorter = o.sorter === undefined ? undefined : take(o.sorter, 'sorter');
      const sorted = rechunkArray(a, [[a.shape[0]]]);
      const v = isScalar(x2) ? split(asarray(x2 as never, { dtype: a.dtype } as never) as NDArray) : take(x2, 'x2');
      const extra = [sorted.blocks[0]];
      const opts: Record<string, unknown> = { side: o.side ?? 'left' };
      if (sorter !== undefined) {
        extra.push(rechunkArray(sorter, [[sorter.shape[0]]]).blocks[0]);
        opts.sorter = inputRef(2);
      }
      // The host function checks side, the dtypes and the sorter, with its wording.
      const probeOpts = { ...opts, sorter: sorter === undefined ? undefined : probeArray([a.shape[0]], sorter.dtype) };
      const probe = host.searchsorted(probeArray([a.shape[0]], a.dtype), probeArray(packedMap(v.shape, () => 0), v.dtype), probeOpts) as NDArray;
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
    argsort: (x: unknown, o?: object) => sortAlong('argsort', x, o),
    sort: (x: unknown, o?: object) => sortAlong('sort', x, o),

    // ----- statistical (tree reductions)
    cumulativeProd: (x: unknown, o?: object) => cumulative('cumulativeProd', x, o),
    cumulativeSum: (x: unknown, o?: object) => cumulative('cumulativeSum', x, o),
    max: reduction('max', { partial: 'max', combine: 'maximum' }),
    min: reduction('min', { partial: 'min', combine: 'minimum' }),
    sum: reduction('sum', { partial: 'sum', combine: 'add' }, ['axis', 'dtype', 'keepdims']),
    prod: reduction('prod', { partial: 'prod', combine: 'multiply' }, ['axis', 'dtype', 'keepdims']),
    mean(x: unknown, o?: object) {
      const options = reduceOptions(o, 'mean');
      return mean(take(x), options.axis, options.keepdims);
    },
    var: (x: unknown, o?: object) => spread(variance, 'var', x, o),
    std: (x: unknown, o?: object) => spread(std, 'std', x, o),

    // ----- utility
    all: reduction('all', { partial: 'all', combine: 'logicalAnd' }),
    any: reduction('any', { partial: 'any', combine: 'logicalOr' }),
    diff(x: unknown, options?: { axis?: number; n?: number; prepend?: unknown; append?: unknown }) {
      const o = readOptions(options, ['axis', 'n', 'prepend', 'append'], 'diff');
      const a = take(x);
      const ax = diffAxis(a.ndim, o.axis);
      const n = checkCount(o.n ?? 1, 'n');
      const edge = (v: unknown, name: string): C | undefined => {
        if (v === undefined) return undefined;
        if (isScalar(v)) return filled(cluster, withAxis(a.shape, ax, 1), v, a.dtype);
        const e = take(v, name);
        return e.ndim === 0 ? broadcastTo(e, withAxis(a.shape, ax, 1)) : e.ndim === a.ndim ? e : expandDims(e, ax);
      };
      const parts = [edge(o.prepend, 'prepend'), a, edge(o.append, 'append')].filter((p): p is C => p !== undefined);
      const joined = parts.length === 1 ? a : concat(parts, ax);
      return axisOp(joined, ax, 'diff', { n });
    },
  };

  function argReduce(op: 'argmax' | 'argmin', input: unknown, options: object | undefined): C {
    const o = reduceOptions(options, op);
    const x = take(input);
    if (o.axis === null || o.axis === undefined) {
      const flat = axisOp(reshape(x, [-1]), 0, op, { keepdims: true });
      return o.keepdims ? reshape(flat, packedMap(x.shape, () => 1)) : dropAxes(flat, [0]);
    }
    const ax = normalizeAxis(o.axis, x.ndim);
    const r = axisOp(x, ax, op, { keepdims: true });
    return o.keepdims ? r : dropAxes(r, [ax]);
  }

  function sortAlong(op: 'sort' | 'argsort', input: unknown, options: object | undefined): C {
    const o = readOptions(options as Record<string, unknown> | undefined, ['axis', 'descending', 'stable'], op);
    const x = take(input);
    return axisOp(x, sortAxis(x.ndim, o.axis), op, o);
  }

  function cumulative(op: 'cumulativeSum' | 'cumulativeProd', input: unknown, options: object | undefined): C {
    const o = readOptions(options as Record<string, unknown> | undefined, ['axis', 'dtype', 'includeInitial'], op);
    const x = take(input);
    if (o.dtype !== undefined) checkDType(o.dtype);
    const axis = cumulativeAxis(x.ndim, o.axis, op);
    return axisOp(x.ndim === 0 ? reshape(x, [1]) : x, axis, op, o);
  }

  function spread(fn: typeof variance, name: 'var' | 'std', input: unknown, options: object | undefined): C {
    const o = reduceOptions(options, name, ['axis', 'keepdims', 'correction']);
    const x = take(input);
    return fn(x, o.axis, o.keepdims, o.correction as number | undefined);
  }

  for (const name of UNARY) ns[name] = unary(name, () => cluster);
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

