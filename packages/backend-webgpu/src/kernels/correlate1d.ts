import { type Extension, symmetryOf } from '@sciport/ndimage/backend-kit';
import { DOUBLE_FLOAT, mapIndexWgsl, splitValue } from './filter-wgsl.js';
import { GPUArray } from '../gpu-array.js';
import { Batch } from '../program/batch.js';
import { Params } from '../program/params.js';
import { entryHeader, type Program } from '../program/program.js';
import { PARAMS_DECL, storageDecl } from '../program/wgsl.js';

/**
 * 1-D correlation of a C-contiguous float32 array along one axis:
 *   y[.., j, ..] = Σ_k w[k] · x[.., map(j + k − before), ..]
 * where `map` extends the axis by the boundary mode exactly as @sciport/ndimage's mapIndex
 * (constant mode reads cval). The host sums in float64 and rounds once; to give the same
 * float32 result, the sum is carried in double-float32 arithmetic (a value as an unevaluated
 * sum hi + lo, with Knuth's TwoSum and Dekker's TwoProduct: Dekker, "A floating-point
 * technique for extending the available precision", Numer. Math. 18, 1971), the weights
 * and cval travel as hi/lo pairs, and (anti)symmetric weights add (subtract) mirrored pairs
 * first, as SciPy does, so a derivative kernel gives exactly 0 on constant data. Non-finite
 * data takes the plain float32 sum (the error terms of inf would be NaN).
 * The weights' count, symmetry and the mode are compiled in; the axis length, the stride of
 * the axis (the product of the later axes), `before`, cval and the weights are parameters.
 */

const WG = 256;
/** Params words before the weights. */
const HEADER = 8;

function correlateProgram(taps: number, symmetry: number, mode: Extension): Program {
  const half = Math.floor(taps / 2);
  const body =
    symmetry === 0
      ? `  for (var k: i32 = 0; k < ${taps}; k = k + 1) {
    let w = weight(k);
    let v = sample(j + k - before, len, base, inner);
    acc = dfAdd(acc, dfMul(w, v));
    plain = plain + w.x * v.x;
  }`
      : `  let c = j + ${half} - before;
  let centre = sample(c, len, base, inner);
  acc = dfMul(weight(${half}), centre);
  plain = acc.x;
  for (var k: i32 = 0; k < ${half}; k = k + 1) {
    let a = sample(c - ${half} + k, len, base, inner);
    let b = sample(c + ${half} - k, len, base, inner);
    let pair = dfAdd(a, ${symmetry > 0 ? 'b' : '-b'});
    let w = weight(k);
    acc = dfAdd(acc, dfMul(w, pair));
    plain = plain + w.x * pair.x;
  }`;
  return {
    key: `correlate1d:${taps}:${symmetry}:${mode}`,
    workgroupSize: WG,
    source: () => `${PARAMS_DECL}
${storageDecl(1, 'X', 'float32', 'read')}
${storageDecl(2, 'Y', 'float32', 'read_write')}
${mapIndexWgsl(mode)}
${DOUBLE_FLOAT}
fn weight(k: i32) -> vec2<f32> {
  let at = ${HEADER}u + 2u * u32(k);
  return vec2<f32>(bitcast<f32>(P[at]), bitcast<f32>(P[at + 1u]));
}
fn sample(cc: i32, len: i32, base: u32, inner: u32) -> vec2<f32> {
  let m = mapIndex(cc, len);
  if (m < 0) { return vec2<f32>(bitcast<f32>(P[4]), bitcast<f32>(P[5])); }
  return vec2<f32>(X[base + u32(m) * inner], 0.0);
}
${entryHeader(WG)}
  if (gid >= P[0]) { return; }
  let len = i32(P[1]);
  let inner = P[2];
  let before = bitcast<i32>(P[3]);
  let j = i32((gid / inner) % P[1]);
  let base = gid - u32(j) * inner + P[6];
  var acc = vec2<f32>(0.0, 0.0);
  var plain: f32 = 0.0;
${body}
  Y[gid] = select(plain, acc.x + acc.y, isFinite(plain));
}
`,
  };
}

export interface Correlate1dPass {
  readonly axis: number;
  /** The weights in correlation order (already reversed for convolution). */
  readonly weights: ArrayLike<number>;
  /** How many samples the window reaches before the centre (⌊len/2⌋ + origin). */
  readonly before: number;
  readonly mode: Extension;
  readonly cval: number;
}

/** One pass over `x` (C-contiguous float32): a new float32 GPUArray of x's shape. */
export function correlate1dPass(x: GPUArray, p: Correlate1dPass): GPUArray {
  x.check();
  const y = GPUArray.empty(x.shape, 'float32', x.storage.runtime);
  const n = y.size;
  if (n === 0) return y;
  let inner = 1;
  for (let d = p.axis + 1; d < x.shape.length; d++) inner *= x.shape[d];
  const params = new Params().u(n).u(x.shape[p.axis]).u(inner).i(p.before);
  splitValue(params, p.cval).u(x.offset).u(0);
  for (let k = 0; k < p.weights.length; k++) splitValue(params, p.weights[k]);
  const batch = new Batch(y.storage.runtime);
  const program = correlateProgram(p.weights.length, symmetryOf(Float64Array.from(p.weights)), p.mode);
  batch.dispatch(program, params, [x.buffer, y.buffer], Math.ceil(n / WG));
  batch.submit();
  return y;
}
