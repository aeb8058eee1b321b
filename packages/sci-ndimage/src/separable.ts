/**
 * Separable filters (uniform, gaussian, and min/max over boxes) as SciPy runs them: one
 * 1-D pass per filtered axis, each pass's result stored in the output's dtype before
 * the next pass reads it (so integer outputs are truncated after every pass).
 */
import type { NDArray } from '@sciport/array-api';
import { finishComplex, finishReal } from './filter-io.js';
import { type LineExtension, type LineKernel, linePass } from './line-pass.js';
import { type OutputTarget, partDtype, quantize } from './output.js';
import { readPlane } from './planes.js';
import { filterParts } from './real-parts.js';

export interface Pass {
  readonly axis: number;
  /** The line extension for fill value `cval`. */
  readonly extension: (cval: number) => LineExtension;
  readonly kernel: LineKernel;
}

/** Runs `passes` over `x` into `target`; no pass copies the input (cast to the output's dtype). */
export function runSeparable(x: NDArray, target: OutputTarget, cval: readonly [number, number], passes: readonly Pass[]): NDArray {
  const part = partDtype(target.dtype);
  const run = (plane: Float64Array, _w: Float64Array | null, c: number): Float64Array => {
    let p = passes.length === 0 ? plane.slice() : plane;
    for (const pass of passes) {
      p = linePass(p, x.shape, pass.axis, pass.extension(c), pass.kernel);
      quantize(p, part);
    }
    return p;
  };
  if (target.dtype === 'complex64' || target.dtype === 'complex128') {
    return finishComplex(target, filterParts(x, null, null, cval, target.dtype, run));
  }
  return finishReal(target, run(readPlane(x), null, cval[0]));
}
