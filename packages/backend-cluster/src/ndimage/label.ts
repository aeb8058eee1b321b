/**
 * `label` on chunked arrays, never gathered: connected components found block by block, then
 * joined across blocks, then numbered as SciPy numbers them (in C order of each component's
 * first element).
 *
 * 1. Each block is labelled on its own (the host function), and lists where each of its labels
 *    first appears, as a global C-order index (label-tasks.ts).
 * 2. Block labels are made unique by a base per block (the labels of the blocks before it).
 *    Each block's task reads its labels extended by one element from every neighbour — across
 *    faces, edges and corners, since the structure may connect elements diagonally across a
 *    block corner — and lists the pairs of labels the structure connects across the block's
 *    border.
 * 3. On the submitting thread, a union-find over all block labels joins those pairs; each
 *    component's first element is the smallest first index of its block labels, and components
 *    are numbered in the order of their first elements (SciPy's order).
 * 4. Each block maps its labels through a lookup table to the global numbers.
 * The submitting thread reads only a number per block label and the pairs along borders.
 *
 * The result is [labels, count]: the labels a chunked array returned at once, whose blocks exist
 * when step 4 has run, and the count a Promise (the number of components is known only then).
 */
import { asarray, type DType, dtypeInfo, NDArray, packedMap } from '@sciport/array-api';
import { InvalidArgumentError, NotSupportedError, ShapeError } from '@sciport/dispatch-core';
import { generateBinaryStructure, NDIMAGE_MULTIMETHODS } from '@sciport/ndimage';
import { Block } from '../chunked/block.js';
import { ChunkedArray, isChunked } from '../chunked/chunked-array.js';
import { submitTask, submitUnplanned } from '../chunked/core.js';
import { deferredArray } from '../chunked/deferred.js';
import { blockIndices, blockShape, type Chunks, numBlocks, offsets } from '../chunked/grid.js';
import { chunkedNamespace } from '../chunked/namespace.js';
import { probeArray, withoutBackend } from '../chunked/ops/common.js';
import { type AxisHalo, haloedBlockPlan } from '../chunked/ops/halo.js';
import { LABEL_BLOCK, LABEL_BORDERS, RELABEL } from '../runtime/task-names.js';
import type { LabelBlockParams, LabelBordersParams } from './label-tasks.js';

/** The structure as task parameters, and its offsets in the later half (each connected pair once). */
interface Connectivity {
  readonly param: LabelBlockParams['structure'];
  readonly forward: number[][];
}

function connectivity(structure: unknown, ndim: number): Connectivity {
  if (isChunked(structure)) {
    throw new NotSupportedError('label on chunked arrays takes the structure as a host array or nested lists.', {
      argument: 'structure',
      hint: 'Pass the structure as a host array (it has 3 elements per axis).',
    });
  }
  const given = structure !== undefined && structure !== null;
  const s = given ? asarray(structure as never) : (generateBinaryStructure(ndim, 1) as NDArray);
  const values = packedMap(Array.from(s.toTypedArray() as ArrayLike<number | bigint>), (v) => (Number(v) !== 0 ? 1 : 0));
  const forward: number[][] = [];
  values.forEach((v, k) => {
    if (v === 0) return;
    // k in base 3, most significant digit first: the offset −1, 0 or +1 per axis
    const o = new Array<number>(ndim);
    for (let d = ndim - 1, r = k; d >= 0; d--, r = Math.floor(r / 3)) o[d] = (r % 3) - 1;
    const first = o.find((c) => c !== 0);
    if (first === 1) forward.push(o);
  });
  return { param: given ? { shape: [...s.shape], values } : null, forward };
}

/** Union-find over block labels 1…n, sets joined under their smaller member. */
function unionFind(n: number): { parent: Int32Array; find: (k: number) => number; union: (a: number, b: number) => void } {
  const parent = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) parent[i] = i;
  const find = (k: number): number => {
    while (parent[k] !== k) {
      parent[k] = parent[parent[k]];
      k = parent[k];
    }
    return k;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra < rb) parent[rb] = ra;
    else if (rb < ra) parent[ra] = rb;
  };
  return { parent, find, union };
}

/** Step 1: each block labelled on its own; its block labels (kept on the cluster) and first indices (read here). */
function labelBlocks(x: ChunkedArray, structure: Connectivity['param']): { local: ChunkedArray; firsts: Promise<Float64Array[]> } {
  const offs = packedMap(x.chunks, offsets);
  const blocks: Block[] = [];
  const firsts: Promise<Float64Array>[] = [];
  let i = 0;
  for (const idx of blockIndices(numBlocks(x.chunks))) {
    const params: LabelBlockParams = { structure, start: packedMap(idx, (k, d) => offs[d][k]), shape: x.shape };
    const refs = submitUnplanned(x.cluster, LABEL_BLOCK, [x.blocks[i++]], params);
    blocks.push(new Block(refs.then((r) => r[0]), x.cluster.executor, blockShape(x.chunks, idx)));
    firsts.push(
      refs.then(async ([, list]) => {
        const chunk = await x.cluster.get(list);
        x.cluster.executor.release(list);
        return Float64Array.from(chunk.data as Float64Array);
      }),
    );
  }
  return { local: new ChunkedArray(x.cluster, 'int32', x.shape, x.chunks, blocks), firsts: Promise.all(firsts) };
}

/** Step 2: the pairs of (unique) block labels connected across block borders, from every block. */
async function borderPairs(local: ChunkedArray, bases: readonly number[], forward: readonly number[][]): Promise<Int32Array[]> {
  if (local.blocks.length <= 1 || forward.length === 0) return [];
  const halo: AxisHalo[] = packedMap(local.shape, () => ({ before: 1, after: 1, edge: 'clip' }));
  const offs = packedMap(local.chunks, offsets);
  const lists: Promise<Int32Array>[] = [];
  for (const idx of blockIndices(numBlocks(local.chunks))) {
    const plan = haloedBlockPlan(local, halo, offs, offs, idx);
    const params: LabelBordersParams = {
      halo: { shape: plan.haloShape, pieces: plan.pieces },
      bases: packedMap(plan.inputFlat, (flat) => bases[flat]),
      crop: plan.crop,
      own: blockShape(local.chunks, idx),
      offsets: forward,
    };
    lists.push(
      submitUnplanned(local.cluster, LABEL_BORDERS, plan.inputs, params).then(async ([ref]) => {
        const chunk = await local.cluster.get(ref);
        local.cluster.executor.release(ref);
        return Int32Array.from(chunk.data as Int32Array);
      }),
    );
  }
  return Promise.all(lists);
}

/** Step 3: the global number of every block label (0 for background), and the count. */
function globalNumbers(firsts: readonly Float64Array[], pairs: readonly Int32Array[]): { numbers: Int32Array; count: number } {
  const n = firsts.reduce((a, f) => a + f.length, 0);
  const first = new Float64Array(n + 1);
  let k = 1;
  for (const f of firsts) {
    first.set(f, k);
    k += f.length;
  }
  const sets = unionFind(n);
  for (const list of pairs) for (let i = 0; i < list.length; i += 2) sets.union(list[i], list[i + 1]);
  const earliest = new Map<number, number>();
  for (let l = 1; l <= n; l++) {
    const root = sets.find(l);
    const seen = earliest.get(root);
    if (seen === undefined || first[l] < seen) earliest.set(root, first[l]);
  }
  const order = [...earliest.keys()].sort((a, b) => (earliest.get(a) as number) - (earliest.get(b) as number));
  const numberOf = new Map(packedMap(order, (root, i) => [root, i + 1] as [number, number]));
  const numbers = new Int32Array(n + 1);
  for (let l = 1; l <= n; l++) numbers[l] = numberOf.get(sets.find(l)) as number;
  return { numbers, count: order.length };
}

/** Step 4: each block's labels through its slice of the numbering. */
function relabel(local: ChunkedArray, numbers: Int32Array, bases: readonly number[], counts: readonly number[]): ChunkedArray {
  const blocks = packedMap(local.blocks, (b, i) => {
    const table = new Int32Array(counts[i] + 1);
    table.set(numbers.subarray(bases[i] + 1, bases[i] + 1 + counts[i]), 1);
    const ref = local.cluster.put({ dtype: 'int32', shape: [table.length], data: table });
    const lut = new Block(Promise.resolve(ref), local.cluster.executor, [table.length]);
    return submitTask(local.cluster, RELABEL, [b, lut], {}, b.shape, 'int32');
  });
  return new ChunkedArray(local.cluster, 'int32', local.shape, local.chunks, blocks);
}

/** The host's check that `dtype` holds labels 0…count (SciPy: insufficient bit-depth). */
function checkHolds(dtype: DType, count: number): void {
  const info = dtypeInfo(dtype);
  const bits = 8 * info.itemsize;
  const max = info.kind === 'signed integer' ? 2 ** (bits - 1) - 1 : info.kind === 'unsigned integer' ? 2 ** bits - 1 : dtype === 'float32' ? 2 ** 24 : 2 ** 53;
  if (count > max) {
    throw new InvalidArgumentError(`${dtype} cannot hold the labels 0…${count}.`, {
      argument: 'output',
      hint: 'Use a wider dtype such as "int32" (the default).',
    });
  }
}

async function labelPlan(x: ChunkedArray, c: Connectivity, dtype: DType): Promise<{ labels: ChunkedArray; count: number }> {
  const { local, firsts: pending } = labelBlocks(x, c.param);
  try {
    const firsts = await pending;
    const counts = packedMap(firsts, (f) => f.length);
    // block i's labels become bases[i] + 1 … bases[i] + counts[i]
    const bases: number[] = [];
    let base = 0;
    for (const k of counts) {
      bases.push(base);
      base += k;
    }
    const pairs = await borderPairs(local, bases, c.forward);
    const { numbers, count } = globalNumbers(firsts, pairs);
    checkHolds(dtype, count);
    const labels = relabel(local, numbers, bases, counts);
    if (dtype === 'int32') return { labels, count };
    const cast = (chunkedNamespace(x.cluster) as unknown as { astype: (a: ChunkedArray, d: DType) => ChunkedArray }).astype(labels, dtype);
    labels.dispose();
    return { labels: cast, count };
  } finally {
    local.dispose();
  }
}

/**
 * The cluster's label: [labels (chunked, on x's grid), Promise of the count]; with a preallocated
 * host `output` array, as SciPy, only the count: its Promise resolves once the labels are in it.
 */
export function labelStrategy(input: unknown, rawOptions?: unknown): [ChunkedArray, Promise<number>] | Promise<number> {
  const x = input as ChunkedArray;
  const options = (withoutBackend(rawOptions) ?? {}) as { structure?: unknown; output?: unknown };
  const host = NDIMAGE_MULTIMETHODS.label.default as (...args: unknown[]) => [NDArray, number];
  const target = options.output instanceof NDArray ? options.output : undefined;
  if (target !== undefined && !sameShape(target.shape, x.shape)) {
    throw new ShapeError(`'output' has shape [${target.shape.join(', ')}], the input [${x.shape.join(', ')}].`, {
      argument: 'output',
      hint: 'Preallocate the output with the input’s shape.',
    });
  }
  // the host refuses bad arguments here, with its own errors, and gives the result's dtype
  const probeOptions = target === undefined ? options : { ...options, output: target.dtype };
  const [probe] = host(probeArray(packedMap(x.shape, (n) => Math.min(n, 1)), x.dtype), probeOptions);
  const dtype = probe.dtype as DType;
  const c = connectivity(options.structure, x.ndim);
  if (target !== undefined) return fillOutput(x, c, target);
  const plan = labelPlan(x, c, dtype);
  const count = plan.then((p) => p.count);
  count.catch(() => {});
  const chunks: Chunks = packedMap(x.chunks, (k) => [...k]);
  return [deferredArray(x.cluster, dtype, x.shape, chunks, plan.then((p) => p.labels)), count];
}

/** label into a host array: the labels gathered into it (after the host's check that its dtype holds them). */
async function fillOutput(x: ChunkedArray, c: Connectivity, target: NDArray): Promise<number> {
  const { labels, count } = await labelPlan(x, c, 'int32');
  try {
    checkHolds(target.dtype, count);
    target.assign(await labels.toHost());
    return count;
  } finally {
    labels.dispose();
  }
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((n, d) => n === b[d]);
}
