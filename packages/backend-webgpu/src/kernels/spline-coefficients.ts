import { GPUArray } from '../gpu-array.js';
import { Batch } from '../program/batch.js';
import { Params } from '../program/params.js';
import { entryHeader, type Program } from '../program/program.js';
import { PARAMS_DECL, storageDecl } from '../program/wgsl.js';
import { SPLINE_DOUBLE_FLOAT } from './spline-wgsl.js';

/**
 * The spline kernels' coefficient arrays: double-float32 pairs (hi, lo), held in a
 * complex64 GPUArray of the coefficients' shape. `toCoefficients` makes one from a float32
 * array (any strides), padded by `pads[d]` samples before and after axis d with the edge
 * value ('nearest') or with `padValue` (SciPy pads before prefiltering in 'nearest' and
 * 'grid-constant'); `fromCoefficients` rounds one back to float32.
 */

const WG = 256;

function padProgram(ndim: number, edge: boolean): Program {
  // params: n, x offset, pad value, then per axis: output length, input length, pad, input stride
  const lines: string[] = [];
  for (let d = ndim - 1; d >= 0; d--) {
    const at = 3 + 4 * d;
    lines.push(`  {
    let m = P[${at}u];
    var j = i32(rem % m) - i32(P[${at + 2}u]);
    rem = rem / m;
    let len = i32(P[${at + 1}u]);
    if (j < 0 || j >= len) { inside = false; j = clamp(j, 0, len - 1); }
    addr = addr + j * bitcast<i32>(P[${at + 3}u]);
  }`);
  }
  return {
    key: `splinePad:${ndim}:${edge}`,
    workgroupSize: WG,
    source: () => `${PARAMS_DECL}
${storageDecl(1, 'X', 'float32', 'read')}
@group(0) @binding(2) var<storage, read_write> C: array<vec2<f32>>;
${entryHeader(WG)}
  if (gid >= P[0]) { return; }
  var rem = gid;
  var inside = true;
  var addr = i32(P[1]);
${lines.join('\n')}
  var v = X[u32(addr)];
  ${edge ? '' : 'if (!inside) { v = bitcast<f32>(P[2]); }'}
  C[gid] = vec2<f32>(v, 0.0);
}
`,
  };
}

/** x (float32, any strides) as double-float32 coefficients, padded by `pads` per axis. */
export function toCoefficients(x: GPUArray, pads: readonly number[], edge: boolean, padValue: number): GPUArray {
  x.check();
  const shape = x.shape.map((n, d) => n + 2 * pads[d]);
  const coef = GPUArray.empty(shape, 'complex64', x.storage.runtime);
  if (coef.size === 0 || x.size === 0) return coef;
  const params = new Params().u(coef.size).u(x.offset).f(padValue);
  for (let d = 0; d < x.ndim; d++) params.u(shape[d]).u(x.shape[d]).u(pads[d]).i(x.stride[d]);
  const batch = new Batch(coef.storage.runtime);
  batch.dispatch(padProgram(x.ndim, edge), params, [x.buffer, coef.buffer], Math.ceil(coef.size / WG));
  batch.submit();
  return coef;
}

const ROUND_PROGRAM: Program = {
  key: 'splineRound',
  workgroupSize: WG,
  source: () => `${PARAMS_DECL}
@group(0) @binding(1) var<storage, read> C: array<vec2<f32>>;
${storageDecl(2, 'Y', 'float32', 'read_write')}
${SPLINE_DOUBLE_FLOAT}
${entryHeader(WG)}
  if (gid >= P[0]) { return; }
  Y[gid] = dfRound(C[gid]);
}
`,
};

/** Double-float32 coefficients rounded to a new float32 array of the same shape. */
export function fromCoefficients(coef: GPUArray): GPUArray {
  const y = GPUArray.empty(coef.shape, 'float32', coef.storage.runtime);
  if (y.size === 0) return y;
  const batch = new Batch(y.storage.runtime);
  batch.dispatch(ROUND_PROGRAM, new Params().u(y.size), [coef.buffer, y.buffer], Math.ceil(y.size / WG));
  batch.submit();
  return y;
}
