import type { Extension } from '@sciport/ndimage/backend-kit';
import { GPUArray } from '../gpu-array.js';
import { Batch } from '../program/batch.js';
import { Params } from '../program/params.js';
import { entryHeader, type Program } from '../program/program.js';
import { PARAMS_DECL, storageDecl } from '../program/wgsl.js';
import { mapIndexWgsl } from './filter-wgsl.js';

/**
 * Grey erosion / dilation with a non-flat structuring element on a C-contiguous float32 or
 * int32 array, in SciPy's arithmetic: over the taps t (the structure's elements under the
 * footprint, C order), the first value is x + a₀ kept in float64, every later one is
 * x + a_t stored in the input's dtype (a_t itself first converted to it), and the extreme
 * (strictly smaller for erosion, larger for dilation) is stored in the input's dtype.
 *
 * float64 is carried exactly enough to compare: for float32, the first sum is a
 * double-float32 pair (Knuth's TwoSum) and a float32 v is below hi + lo when v < hi, or v = hi
 * and lo > 0; for int32, a₀ splits into its integer part and the sign of its fraction, which
 * turns each comparison with the float64 sum into an integer one (v < R + f with f ∈ (0, 1)
 * is v ≤ R). Integer sums wrap as SciPy's stores do; where x + a₀ leaves the int32 range
 * the float64 value is not followed (the caller says so).
 */

const WG = 256;
/** Params words before the shape: n, the input's offset, cval (as stored), the tap count. */
const HEADER = 4;

function greyNonFlatProgram(ndim: number, dtype: 'float32' | 'int32', mode: Extension, dilate: boolean): Program {
  const T = dtype === 'float32' ? 'f32' : 'i32';
  const tapBase = HEADER + ndim;
  const words = ndim + 2;
  const gather: string[] = [];
  for (let d = 0; d < ndim; d++) {
    gather.push(`  let m${d} = mapIndex(idx[${d}] + bitcast<i32>(P[at + ${d}u]), i32(P[${HEADER + d}]));`);
    gather.push(`  inside = inside && m${d} >= 0;`);
    gather.push(`  addr = addr * i32(P[${HEADER + d}]) + m${d};`);
  }
  const unravel: string[] = [];
  for (let d = ndim - 1; d >= 0; d--) unravel.push(`  let i${d} = i32(rem % P[${HEADER + d}]); rem = rem / P[${HEADER + d}];`);
  const n1 = Math.max(ndim, 1);
  const idx = `array<i32, ${n1}>(${ndim === 0 ? '0' : Array.from({ length: ndim }, (_, d) => `i${d}`).join(', ')})`;
  const body =
    dtype === 'float32'
      ? `  let a0 = added(0u);
  let s = twoSum(sample(0u, idx), a0.x);
  var best = twoSum(s.x, s.y + a0.y);
  if (!isFinite(best.x)) { best = vec2<f32>(s.x, 0.0); }
  for (var t: u32 = 1u; t < P[3]; t = t + 1u) {
    let v = sample(t, idx) + added(t).x;
    if (${dilate ? 'v > best.x || (v == best.x && best.y < 0.0)' : 'v < best.x || (v == best.x && best.y > 0.0)'}) { best = vec2<f32>(v, 0.0); }
  }
  Y[gid] = best.x;`
      : `  let a0 = added(0u);
  var best = sample(0u, idx) + a0.x;
  // the sign of the fraction of the float64 first sum (0 once a later value wins)
  var frac = a0.y;
  for (var t: u32 = 1u; t < P[3]; t = t + 1u) {
    let v = sample(t, idx) + added(t).x;
    let better = ${dilate ? 'select((v > best), (v >= best), (frac < 0))' : 'select((v < best), (v <= best), (frac > 0))'};
    if (better) { best = v; frac = 0; }
  }
  // the float64 first sum truncated toward zero, as C stores it
  if (best > 0 && frac < 0) { best = best - 1; }
  if (best < 0 && frac > 0) { best = best + 1; }
  Y[gid] = best;`;
  return {
    key: `greyNonFlat:${ndim}:${dtype}:${mode}:${dilate ? 'dilate' : 'erode'}`,
    workgroupSize: WG,
    source: () => `${PARAMS_DECL}
${storageDecl(1, 'X', dtype, 'read')}
${storageDecl(2, 'Y', dtype, 'read_write')}
${mapIndexWgsl(mode)}
fn twoSum(a: f32, b: f32) -> vec2<f32> {
  let s = a + b;
  let bb = s - a;
  return vec2<f32>(s, (a - (s - bb)) + (b - bb));
}
fn isFinite(v: f32) -> bool { return (bitcast<u32>(v) & 0x7f800000u) != 0x7f800000u; }
fn added(t: u32) -> vec2<${T}> {
  let at = ${tapBase}u + t * ${words}u + ${ndim}u;
  return vec2<${T}>(bitcast<${T}>(P[at]), bitcast<${T}>(P[at + 1u]));
}
fn sample(t: u32, idx: array<i32, ${n1}>) -> ${T} {
  let at = ${tapBase}u + t * ${words}u;
  var inside = true;
  var addr: i32 = 0;
${gather.join('\n')}
  if (inside) { return X[P[1] + u32(addr)]; }
  return bitcast<${T}>(P[2]);
}
${entryHeader(WG)}
  if (gid >= P[0]) { return; }
  var rem = gid;
${unravel.join('\n')}
  let idx = ${idx};
${body}
}
`,
  };
}

export interface NonFlatWindow {
  /** Per tap, its offset from the output element along every axis (at least one tap). */
  readonly offsets: readonly (readonly number[])[];
  /** Per tap, the value added (the structure's value, negated for erosion). */
  readonly added: readonly number[];
  readonly mode: Extension;
  /** The fill value, already stored in x's dtype. */
  readonly cval: number;
  readonly dilate: boolean;
}

/** The two words of tap t's added value: float32 (value, 0) or the first's (hi, lo); int32 its stored value, or the first's (integer part, sign of the fraction). */
function addedWords(params: Params, dtype: 'float32' | 'int32', a: number, first: boolean): void {
  if (dtype === 'float32') {
    const hi = Math.fround(a);
    params.f(hi).f(first && Number.isFinite(hi) ? a - hi : 0);
    return;
  }
  const whole = Math.trunc(a);
  params.i(whole).i(first ? Math.sign(a - whole) : 0);
}

/** Erode or dilate `x` (C-contiguous float32 or int32) by a non-flat window: a new array of x's shape and dtype. */
export function greyNonFlat(x: GPUArray, w: NonFlatWindow): GPUArray {
  x.check();
  const dtype = x.dtype as 'float32' | 'int32';
  const y = GPUArray.empty(x.shape, dtype, x.storage.runtime);
  const n = y.size;
  if (n === 0) return y;
  const params = new Params().u(n).u(x.offset);
  if (dtype === 'float32') params.f(w.cval);
  else params.i(w.cval);
  params.u(w.offsets.length).many(x.shape);
  w.offsets.forEach((offset, t) => {
    params.many(offset, true);
    addedWords(params, dtype, w.added[t], t === 0);
  });
  const batch = new Batch(y.storage.runtime);
  batch.dispatch(greyNonFlatProgram(x.ndim, dtype, w.mode, w.dilate), params, [x.buffer, y.buffer], Math.ceil(n / WG));
  batch.submit();
  return y;
}
