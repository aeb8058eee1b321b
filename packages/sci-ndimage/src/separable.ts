/**
 * Separable filters (uniform, gaussian, and min/max over boxes) as SciPy runs them: one
 * 1-D pass per filtered axis, each pass's result stored in the output's dtype before
 * the next pass reads it (so integer outputs are truncated after every pass).
 */
import type { NDArray } from '@sciport/array-api';
import { finishComplex, finishReal } from './filter-io.js';
import { type LineExtension, type LineKernel, linePass } from './line-pass.js';
import { type OutputTarget, partDtype, quantize } from './output.js';
import { float64Storage, readPlaneInto } from './planes.js';
import { filterParts } from './real-parts.js';
import { separableInWasm, type WasmPass } from './wasm/line-passes.js';

export interface Pass {
  readonly axis: number;
  /** The line extension for fill value `cval`. */
  readonly extension: (cval: number) => LineExtension;
  readonly kernel: LineKernel;
}

/** Runs `passes` over `x` into `target`; no pass copies the input (cast to the output's dtype). */
export function runSeparable(x: NDArray, target: OutputTarget, cval: readonly [number, number], passes: readonly Pass[]): NDArray {
  const part = partDtype(target.dtype);
  if (target.dtype === 'complex64' || target.dtype === 'complex128') {
    // the parts' planes are shared between filters: the first pass writes a new plane
    const run = (plane: Float64Array, _w: Float64Array | null, c: number): Float64Array => {
      let p = passes.length === 0 ? plane.slice() : plane;
      for (const pass of passes) {
        p = linePass(p, x.shape, pass.axis, pass.extension(c), pass.kernel, p === plane ? undefined : p);
        quantize(p, part);
      }
      return p;
    };
    return finishComplex(target, filterParts(x, null, null, cval, target.dtype, run));
  }
  const wasmPasses = passes.map((p) => (p.kernel.spec ? { axis: p.axis, extension: p.extension(cval[0]), spec: p.kernel.spec } : null));
  if (wasmPasses.every((p): p is WasmPass => p !== null)) {
    const result = separableInWasm(x, target, wasmPasses);
    if (result !== null) return result;
  }
  // Real data: every pass runs in place on one plane (a line is read into its buffer
  // before its results are stored), the output's own storage when it is C-ordered float64.
  const direct = writableStorage(x, target.array);
  const plane = direct ?? new Float64Array(x.size);
  readPlaneInto(x, plane);
  for (const pass of passes) {
    linePass(plane, x.shape, pass.axis, pass.extension(cval[0]), pass.kernel, plane);
    quantize(plane, part);
  }
  return direct ? target.array : finishReal(target, plane);
}

/**
 * The output's float64 storage, when the filter can work in it: it is C-ordered float64,
 * and it is either separate from the input's memory or exactly the input itself.
 */
function writableStorage(x: NDArray, output: NDArray): Float64Array | null {
  const storage = float64Storage(output);
  if (storage === null) return null;
  const sameMemory = (x.data as Float64Array).buffer === (output.data as Float64Array).buffer;
  if (!sameMemory) return storage;
  const exactAlias = x.data === output.data && x.dtype === 'float64' && x.isContiguous && x.offset === output.offset;
  return exactAlias ? storage : null;
}
