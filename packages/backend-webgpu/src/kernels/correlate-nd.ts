import type { Extension } from '@sciport/ndimage/backend-kit';
import { GPUArray } from '../gpu-array.js';
import { Batch } from '../program/batch.js';
import { Params } from '../program/params.js';
import { entryHeader, type Program } from '../program/program.js';
import { PARAMS_DECL, storageDecl } from '../program/wgsl.js';
import { DOUBLE_FLOAT, mapIndexWgsl, splitValue } from './filter-wgsl.js';

/**
 * n-D correlation of a C-contiguous float32 array with a dense window:
 *   y[i] = Σ_t w_t · x[map(i + δ_t)]
 * over the taps t of the window (its nonzero weights, in C order, as the host keeps them),
 * each with its offset δ_t from the output element (the window position minus its centre
 * and origin); `map` extends every axis by the boundary mode, and a coordinate outside in
 * constant mode reads cval. Sums are double-float32 (see filter-wgsl.ts) in the host's
 * order. The rank, the number of taps and the mode are compiled in; the shape, cval, the
 * offsets and the weights are parameters.
 */

const WG = 256;
/** Params words before the shape: n, the input's offset, cval (hi, lo). */
const HEADER = 4;

function correlateNdProgram(ndim: number, taps: number, mode: Extension): Program {
  const tapBase = HEADER + ndim;
  const words = ndim + 2;
  const unravel: string[] = [];
  for (let d = ndim - 1; d >= 0; d--) unravel.push(`  let i${d} = i32(rem % P[${HEADER + d}]); rem = rem / P[${HEADER + d}];`);
  const gather: string[] = [];
  for (let d = 0; d < ndim; d++) {
    gather.push(`    let m${d} = mapIndex(i${d} + bitcast<i32>(P[at + ${d}u]), i32(P[${HEADER + d}]));`);
    gather.push(`    inside = inside && m${d} >= 0;`);
    gather.push(`    addr = addr * i32(P[${HEADER + d}]) + m${d};`);
  }
  return {
    key: `correlateNd:${ndim}:${taps}:${mode}`,
    workgroupSize: WG,
    source: () => `${PARAMS_DECL}
${storageDecl(1, 'X', 'float32', 'read')}
${storageDecl(2, 'Y', 'float32', 'read_write')}
${mapIndexWgsl(mode)}
${DOUBLE_FLOAT}
${entryHeader(WG)}
  if (gid >= P[0]) { return; }
  var rem = gid;
${unravel.join('\n')}
  let cval = vec2<f32>(bitcast<f32>(P[2]), bitcast<f32>(P[3]));
  var acc = vec2<f32>(0.0, 0.0);
  var plain: f32 = 0.0;
  for (var t: u32 = 0u; t < ${taps}u; t = t + 1u) {
    let at = ${tapBase}u + t * ${words}u;
    var inside = true;
    var addr: i32 = 0;
${gather.join('\n')}
    var v = cval;
    if (inside) { v = vec2<f32>(X[P[1] + u32(addr)], 0.0); }
    let w = vec2<f32>(bitcast<f32>(P[at + ${ndim}u]), bitcast<f32>(P[at + ${ndim + 1}u]));
    acc = dfAdd(acc, dfMul(w, v));
    plain = plain + w.x * v.x;
  }
  Y[gid] = select(plain, acc.x + acc.y, isFinite(plain));
}
`,
  };
}

export interface CorrelateNdWindow {
  /** Per tap, its offset from the output element along every axis. */
  readonly offsets: readonly (readonly number[])[];
  readonly weights: readonly number[];
  readonly mode: Extension;
  readonly cval: number;
}

/** Correlate `x` (C-contiguous float32) with the window: a new float32 GPUArray of x's shape. */
export function correlateNd(x: GPUArray, w: CorrelateNdWindow): GPUArray {
  x.check();
  const y = GPUArray.empty(x.shape, 'float32', x.storage.runtime);
  const n = y.size;
  if (n === 0) return y;
  const params = new Params().u(n).u(x.offset);
  splitValue(params, w.cval).many(x.shape);
  w.offsets.forEach((offset, t) => {
    params.many(offset, true);
    splitValue(params, w.weights[t]);
  });
  const batch = new Batch(y.storage.runtime);
  batch.dispatch(correlateNdProgram(x.ndim, w.weights.length, w.mode), params, [x.buffer, y.buffer], Math.ceil(n / WG));
  batch.submit();
  return y;
}
