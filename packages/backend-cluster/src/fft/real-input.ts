/**
 * fft2/fftn/ifft2/ifftn of real chunked input, the way the host computes them (@sciport/fft's
 * spectrumOfReal, pocketfft's c2c_sym for SciPy), so the values agree to the bit:
 *
 * 1. the real FFT along the real axis (its n/2+1 values), each task writing its result in the
 *    bands of the real axis that pass 2 reads;
 * 2. per band, the complex FFTs along the other transformed axes (whole in each task), then
 *    the band's values and, as a second output block, their mirror image in the other half of
 *    the spectrum (conjugates at reversed indices; see complete-spectrum-task.ts).
 *
 * Against a complex FFT of every axis this halves the arithmetic of the other axes and the
 * bytes pass 2 reads: fft2 of 4096² moves about a third less memory.
 */
import { type DType, packedMap } from '@sciport/array-api';
import { checkNorm, normScale, realAxisOf } from '@sciport/fft/backend-kit';
import type { Block } from '../chunked/block.js';
import { ChunkedArray } from '../chunked/chunked-array.js';
import { regionPlan, submitTaskOutputs } from '../chunked/core.js';
import { blockIndices, blockShape, type Chunks, flatIndex, numBlocks, offsets, withAxis } from '../chunked/grid.js';
import { COMPLETE_SPECTRUM } from '../runtime/task-names.js';
import { inputRef } from '../runtime/template.js';
import type { CompleteSpectrumParams } from './complete-spectrum-task.js';
import { alongAxis } from './along-axis.js';
import { passLayout } from './nd-plan.js';

/**
 * The spectrum of real `x` over `axes` (at least two), of shape `shape` (`x`'s, with the
 * transformed axes at their output lengths), forward or backward; `options` are the
 * transform's other options (norm, workers, …).
 */
export function spectrumOfReal(
  x: ChunkedArray,
  axes: readonly number[],
  shape: readonly number[],
  options: Record<string, unknown>,
  forward: boolean,
): ChunkedArray {
  const realAxis = realAxisOf(axes);
  const others = axes.filter((a) => a !== realAxis);
  const n = shape[realAxis];
  const count = axes.reduce((p, a) => p * shape[a], 1);
  const scale = normScale(checkNorm(options.norm), forward, count);
  // Both passes unscaled and forward; the completion scales (and conjugates for a backward
  // transform) once, as the host does.
  const unscaled = { ...options, norm: 'backward' };
  let grid: Chunks | undefined;
  const layout = passLayout(undefined, realAxis, new Set(others), x.cluster.parallelism, (next) => {
    grid = next;
  });
  const half = alongAxis(x, 'rfft', realAxis, { ...unscaled, axis: realAxis, n }, [], layout);
  const taskGrid = grid as Chunks;
  const dtype = half.dtype as DType;
  const offs = packedMap(taskGrid, offsets);
  const bands = taskGrid[realAxis];
  const mirrors = packedMap(bands, (_, i) => mirrorRange(offs[realAxis][i], offs[realAxis][i + 1], n));
  const taskBlocks: Block[][] = [];
  for (const idx of blockIndices(numBlocks(taskGrid))) {
    const plan = regionPlan(
      half,
      packedMap(idx, (i, d) => offs[d][i]),
      packedMap(idx, (i, d) => offs[d][i + 1]),
    );
    const own = packedMap(blockShape(taskGrid, idx), (v, d) => (others.includes(d) ? shape[d] : v));
    const mirror = mirrors[idx[realAxis]];
    const call = {
      id: 'sciport.fft.fftn',
      args: [inputRef(0), { ...unscaled, axes: others, s: packedMap(others, (a) => shape[a]) }],
      ...('block' in plan ? {} : { gather: { count: plan.inputs.length, dtype, shape: plan.extent, pieces: plan.pieces } }),
    };
    const params: CompleteSpectrumParams = {
      call,
      completion: { realAxis, n, reversed: others, scale, conj: !forward },
      start: offs[realAxis][idx[realAxis]],
      ...(mirror.length > 0 ? { mirror } : {}),
    };
    const planned = [{ dtype, shape: own }];
    if (mirror.length > 0) planned.push({ dtype, shape: withAxis(own, realAxis, mirror.length) });
    taskBlocks.push(submitTaskOutputs(x.cluster, COMPLETE_SPECTRUM, 'block' in plan ? [plan.block] : plan.inputs, params, planned));
  }
  half.dispose();
  return assembleOutput(x, dtype, shape, taskGrid, taskBlocks, { realAxis, others, mirrors });
}

/**
 * Where the mirror image of the band [a, b) of the half spectrum lies in the other half: the
 * indices j in [n/2+1, n) with n - j in the band (n - j runs over 1 … ceil(n/2) - 1 there).
 */
function mirrorRange(a: number, b: number, n: number): { start: number; length: number } {
  const start = n + 1 - Math.min(b, n - (n >> 1));
  const stop = n + 1 - Math.max(a, 1);
  return { start, length: Math.max(0, stop - start) };
}

/**
 * The result's grid and blocks: along the real axis the bands of the half, then their non-empty
 * mirror images in ascending order (the last band's first); the other transformed axes whole.
 */
function assembleOutput(
  x: ChunkedArray,
  dtype: DType,
  shape: readonly number[],
  taskGrid: Chunks,
  taskBlocks: Block[][],
  plan: { realAxis: number; others: readonly number[]; mirrors: readonly { length: number }[] },
): ChunkedArray {
  const { realAxis, others, mirrors } = plan;
  // Output blocks along the real axis: [band, slot] (slot 0 the band itself, 1 its mirror image)
  const along: [number, number][] = packedMap(taskGrid[realAxis], (_, i) => [i, 0]);
  for (let i = mirrors.length - 1; i >= 0; i--) if (mirrors[i].length > 0) along.push([i, 1]);
  const chunks = packedMap(taskGrid, (c, d) => {
    if (d === realAxis) return packedMap(along, ([i, slot]) => (slot === 0 ? c[i] : mirrors[i].length));
    return others.includes(d) ? [shape[d]] : [...c];
  });
  const taskCounts = numBlocks(taskGrid);
  const blocks = packedMap([...blockIndices(numBlocks(chunks))], (idx) => {
    const [band, slot] = along[idx[realAxis]];
    return taskBlocks[flatIndex(
      withAxis(idx, realAxis, band),
      taskCounts,
    )][slot];
  });
  return new ChunkedArray(x.cluster, dtype, shape, chunks, blocks);
}
