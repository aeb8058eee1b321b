import { packedMap } from '@sciport/array-api';
import { type Chunks, withAxis } from '../chunked/grid.js';
import { chunksWithWholeAxes, type MapLayout } from '../chunked/ops/map-axes.js';

/** One 1-D pass of an n-D transform: which 1-D multimethod, along which axis, to what length. */
export interface AxisPass {
  readonly name: string;
  readonly axis: number;
  /** Output length along the axis (`null`: the 1-D transform's default). */
  readonly n: number | null;
}

export type NdKind = 'c2c' | 'r2c' | 'c2r' | 'r2r';

/**
 * Split an n-D transform into 1-D passes. Complex and real-to-real transforms are separable in
 * any order: axes that are already whole in the current chunking go first (no rechunk).
 * rfftn transforms the last axis first (real → half spectrum) and then the others (complex);
 * irfftn does the others first and ends with the real inverse on the last axis. hfftn and
 * ihfftn follow the same pattern (hfft = inverse of ihfft; ihfftn = ifft over the other axes
 * of ihfft along the last one).
 */
export function planPasses(
  kind: NdKind,
  oneD: string,
  others: string,
  axes: readonly number[],
  shape: readonly (number | null | undefined)[],
  wholeAxes: ReadonlySet<number>,
): AxisPass[] {
  const pairs = packedMap(axes, (axis, i) => ({ axis, n: shape[i] ?? null }));
  if (kind === 'c2c' || kind === 'r2r') {
    const first = pairs.filter((p) => wholeAxes.has(p.axis));
    const rest = pairs.filter((p) => !wholeAxes.has(p.axis)).reverse();
    return packedMap([...first, ...rest], (p) => ({ name: oneD, axis: p.axis, n: p.n }));
  }
  const last = pairs[pairs.length - 1];
  const rest = packedMap(pairs.slice(0, -1), (p) => ({ name: others, axis: p.axis, n: p.n }));
  if (kind === 'r2c') return [{ name: oneD, axis: last.axis, n: last.n }, ...rest];
  return [...rest, { name: oneD, axis: last.axis, n: last.n }];
}

/**
 * The layout of one pass of an n-D transform: the task grid the pass before planned for it and,
 * unless it is the last pass, its output split along its axis into the bands the grid of the
 * next pass (whole on `nextAxes`) has there (see MapLayout: the next pass then gathers whole blocks). The next pass's grid
 * is planned on this pass's output and handed to `planned`.
 */
export function passLayout(
  grid: Chunks | undefined,
  axis: number,
  nextAxes: ReadonlySet<number> | undefined,
  parallelism: number,
  planned: (next: Chunks) => void,
): MapLayout {
  if (nextAxes === undefined) return { grid };
  return {
    grid,
    output: (shape, taskChunks) => {
      const next = chunksWithWholeAxes({ shape, chunks: taskChunks, parallelism }, nextAxes);
      planned(next);
      return withAxis(taskChunks, axis, next[axis]);
    },
  };
}
