import type { BoundaryMode } from '@sciport/ndimage';
import { GPUArray } from '../gpu-array.js';
import { Batch } from '../program/batch.js';
import { Params } from '../program/params.js';
import { entryHeader, type Program } from '../program/program.js';
import { PARAMS_DECL, storageDecl } from '../program/wgsl.js';
import { splitValue } from './filter-wgsl.js';
import { extensionCode, FOLD_COORDINATE_WGSL, FOLD_INDEX_WGSL, MAX_TAPS, MODE_CODES, SPLINE_DOUBLE_FLOAT, SPLINE_WEIGHTS_WGSL } from './spline-wgsl.js';

/**
 * The spline of double-float32 coefficients (see spline-coefficients.ts) at the input
 * coordinates of every output element, one invocation per output element, as
 * @sciport/ndimage's locateAxis and tensor-product sum: per input axis the coordinate is
 * shifted by the padding, folded by the mode (or marked outside: the result is cval), its
 * B-spline weights are evaluated and its coefficient indices folded by the mode's
 * extension (−1 reads cval); then Σ c·w₀·w₁·… over every tap combination, last axis
 * fastest. Coordinates come from
 *  - 'table': per axis, a list indexed by the output index along that axis (separable
 *    transforms: shift, zoom, a diagonal affine matrix);
 *  - 'affine': offset + matrix · output index, matrix and offset in the params;
 *  - 'points': an array [ndim, count] of coordinates, float32 or double-float32 pairs.
 * Sums are double-float32 and round once; non-finite data takes the float32 sum.
 */

const WG = 64;

export type CoordinateSource =
  | { readonly kind: 'table'; readonly coordinates: readonly Float64Array[] }
  | { readonly kind: 'affine'; readonly matrix: ArrayLike<number>; readonly offset: readonly number[] }
  | { readonly kind: 'points'; readonly coordinates: GPUArray };

export interface SampleSpec {
  /** Per input axis, the spline order (0 along axes that are only indexed, as rotate's others). */
  readonly orders: readonly number[];
  /** Per input axis, the padding before the coefficients (added to the coordinates). */
  readonly pads: readonly number[];
  readonly mode: BoundaryMode;
  readonly cval: number;
  readonly outputShape: readonly number[];
  readonly source: CoordinateSource;
}

/** Params words before the axes: count, ring cval (hi, lo), cval as float32, the points' offset, mode, extension. */
const HEADER = 7;
/** Params words per input axis: coefficients' length, stride, padding (f32), spline order. */
const AXIS_WORDS = 4;

/**
 * The sampling program for `nd` input axes, `outRank` output axes and a coordinate source;
 * the mode, the orders and every size are parameters, so a handful of pipelines serve every
 * call (SwiftShader compiles each in seconds).
 */
function sampleProgram(nd: number, outRank: number, source: string): Program {
  const outAt = HEADER + AXIS_WORDS * nd;
  const sourceAt = outAt + outRank;
  const pair = (w: string) => `vec2<f32>(bitcast<f32>(P[${w}]), bitcast<f32>(P[${w} + 1u]))`;
  let coordinate: string;
  switch (source) {
    case 'table':
      coordinate = `K[P[${sourceAt}u + d] + o[d]]`;
      break;
    case 'affine':
      // offset first, then each column's term in turn (SciPy's order)
      coordinate = `affine(d, o)`;
      break;
    case 'points32':
      coordinate = 'df(K[P[4] + d * P[0] + gid])';
      break;
    default:
      coordinate = 'K[P[4] + d * P[0] + gid]';
  }
  const affineFn =
    source === 'affine'
      ? `fn affine(d: u32, o: array<u32, ${outRank}>) -> vec2<f32> {
  var e = ${pair(`${sourceAt}u + 2u * d`)};
  for (var j: u32 = 0u; j < ${outRank}u; j = j + 1u) {
    e = dfAdd(e, dfMul(df(f32(o[j])), ${pair(`${sourceAt + 2 * nd}u + 2u * (d * ${outRank}u + j)`)}));
  }
  return e;
}`
      : '';
  const coordinateDecl =
    source === 'affine' ? '' : `@group(0) @binding(3) var<storage, read> K: array<${source === 'points32' ? 'f32' : 'vec2<f32>'}>;`;
  return {
    key: `splineSample:${nd}:${outRank}:${source}`,
    workgroupSize: WG,
    source: () => `${PARAMS_DECL}
@group(0) @binding(1) var<storage, read> C: array<vec2<f32>>;
${storageDecl(2, 'Y', 'float32', 'read_write')}
${coordinateDecl}
${SPLINE_DOUBLE_FLOAT}
${FOLD_COORDINATE_WGSL}
${FOLD_INDEX_WGSL}
${SPLINE_WEIGHTS_WGSL}
${affineFn}
${entryHeader(WG)}
  if (gid >= P[0]) { return; }
  var o: array<u32, ${outRank}>;
  var rem = gid;
  for (var j: i32 = ${outRank - 1}; j >= 0; j = j - 1) {
    let m = P[${outAt}u + u32(j)];
    o[j] = rem % m;
    rem = rem / m;
  }
  let mode = P[5];
  let extension = P[6];
  var w: array<array<vec2<f32>, ${MAX_TAPS}>, ${nd}>;
  var idx: array<array<i32, ${MAX_TAPS}>, ${nd}>;
  var taps: array<u32, ${nd}>;
  var outside = false;
  var nanResult = false;
  for (var d: u32 = 0u; d < ${nd}u; d = d + 1u) {
    let at = ${HEADER}u + ${AXIS_WORDS}u * d;
    let n = i32(P[at]);
    let order = P[at + 3u];
    let cc = dfAdd(${coordinate}, df(bitcast<f32>(P[at + 2u])));
    if (!isFinite(cc.x)) {
      // modes that keep every coordinate interpolate a NaN coordinate (NaN); the others give cval
      if (mode == 1u || mode == 5u) { nanResult = true; } else { outside = true; }
    }
    let f = foldCoordinate(cc, f32(n), mode);
    outside = outside || f.outside;
    w[d] = splineWeights(order, f.x);
    let s = splineStart(order, f.x);
    taps[d] = order + 1u;
    for (var k: u32 = 0u; k <= order; k = k + 1u) { idx[d][k] = foldIndex(s + i32(k), n, extension); }
  }
  // NaN from a runtime word (a constant NaN is not a valid WGSL value)
  if (nanResult) { Y[gid] = bitcast<f32>(0x7fc00000u | (P[0] & 0u)); return; }
  if (outside) { Y[gid] = bitcast<f32>(P[3]); return; }
  let ringCval = vec2<f32>(bitcast<f32>(P[1]), bitcast<f32>(P[2]));
  var total = 1u;
  for (var d: u32 = 0u; d < ${nd}u; d = d + 1u) { total = total * taps[d]; }
  var acc = vec2<f32>(0.0, 0.0);
  var plain: f32 = 0.0;
  // every combination of one tap per axis, last axis fastest: ((c·w₀)·w₁)·…
  for (var t: u32 = 0u; t < total; t = t + 1u) {
    var k: array<u32, ${nd}>;
    var r = t;
    for (var d: i32 = ${nd - 1}; d >= 0; d = d - 1) {
      k[d] = r % taps[d];
      r = r / taps[d];
    }
    var valid = true;
    var address: i32 = 0;
    for (var d: u32 = 0u; d < ${nd}u; d = d + 1u) {
      let i = idx[d][k[d]];
      valid = valid && i >= 0;
      address = address + i * i32(P[${HEADER}u + ${AXIS_WORDS}u * d + 1u]);
    }
    var v = ringCval;
    if (valid) { v = C[u32(address)]; }
    // one tap (order 0) of weight 1: the value itself, moved, not multiplied (a GPU may flush subnormals in arithmetic)
    if (total == 1u) { Y[gid] = v.x; return; }
    var term = v;
    var tp = v.x;
    for (var d: u32 = 0u; d < ${nd}u; d = d + 1u) {
      term = dfMul(term, w[d][k[d]]);
      tp = tp * w[d][k[d]].x;
    }
    acc = dfAdd(acc, term);
    plain = plain + tp;
  }
  Y[gid] = select(plain, acc.x + acc.y, isFinite(plain));
}
`,
  };
}

/** A float64 list as double-float32 pairs. */
function pairs(values: ArrayLike<number>): Float32Array {
  const out = new Float32Array(2 * values.length);
  for (let k = 0; k < values.length; k++) {
    const hi = Math.fround(values[k]);
    out[2 * k] = hi;
    out[2 * k + 1] = Number.isFinite(hi) ? values[k] - hi : 0;
  }
  return out;
}

/** Host coordinates as a double-float32 GPU array (complex64 storage, one pair per value). */
export function uploadPairs(values: ArrayLike<number>, like: GPUArray): GPUArray {
  const out = GPUArray.empty([Math.max(1, values.length)], 'complex64', like.storage.runtime);
  if (values.length > 0) {
    const data = pairs(values);
    like.storage.runtime.device.queue.writeBuffer(out.buffer, 0, data.buffer, data.byteOffset, data.byteLength);
  }
  return out;
}

/**
 * The spline of `coef` (double-float32 pairs, C-contiguous, of the padded shape) at the
 * coordinates of `spec`: a new float32 array of the output shape.
 */
export function sampleSpline(coef: GPUArray, spec: SampleSpec): GPUArray {
  coef.check();
  const rt = coef.storage.runtime;
  const y = GPUArray.empty(spec.outputShape, 'float32', rt);
  const count = y.size;
  if (count === 0) return y;
  const nd = coef.ndim;
  const params = new Params().u(count);
  splitValue(params, spec.cval).f(spec.cval);
  const src = spec.source;
  params.u(src.kind === 'points' ? src.coordinates.offset : 0).u(MODE_CODES[spec.mode]).u(extensionCode(spec.mode));
  let stride = 1;
  const strides = new Array<number>(nd);
  for (let d = nd - 1; d >= 0; d--) {
    strides[d] = stride;
    stride *= coef.shape[d];
  }
  for (let d = 0; d < nd; d++) params.u(coef.shape[d]).u(strides[d]).f(spec.pads[d]).u(spec.orders[d]);
  params.many(spec.outputShape);
  const buffers = [coef.buffer, y.buffer];
  let table: GPUArray | null = null;
  let kind: string = src.kind;
  if (src.kind === 'table') {
    let at = 0;
    for (const c of src.coordinates) {
      params.u(at);
      at += c.length;
    }
    const flat = new Float64Array(at);
    let k = 0;
    for (const c of src.coordinates) {
      flat.set(c, k);
      k += c.length;
    }
    table = uploadPairs(flat, coef);
    buffers.push(table.buffer);
  } else if (src.kind === 'affine') {
    for (const v of src.offset) splitValue(params, v);
    for (let k = 0; k < src.matrix.length; k++) splitValue(params, src.matrix[k]);
  } else {
    kind = src.coordinates.dtype === 'float32' ? 'points32' : 'points64';
    buffers.push(src.coordinates.buffer);
  }
  const batch = new Batch(rt);
  batch.dispatch(sampleProgram(nd, spec.outputShape.length, kind), params, buffers, Math.ceil(count / WG));
  batch.submit();
  table?.dispose();
  return y;
}
