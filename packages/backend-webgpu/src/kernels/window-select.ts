import type { Extension } from '@sciport/ndimage/backend-kit';
import { DTYPE_INFO, type GPUDType } from '../dtypes.js';
import { GPUArray } from '../gpu-array.js';
import { Batch } from '../program/batch.js';
import { Params } from '../program/params.js';
import { entryHeader, type Program } from '../program/program.js';
import { PARAMS_DECL, storageDecl } from '../program/wgsl.js';
import { mapIndexWgsl } from './filter-wgsl.js';

/**
 * Order statistics over a window of a C-contiguous array, one output element per invocation:
 *   y[i] = select over t of x[map(i + δ_t)]
 * for the taps t of the window (a footprint's true elements in C order, as the host keeps
 * them), each with its offset δ_t from the output element; `map` extends every axis by the
 * boundary mode, and a coordinate outside in constant mode reads cval (already in x's dtype).
 *
 * - min / max scan the taps in order and keep a later value only when it is strictly smaller
 *   (larger): SciPy's scan of a footprint, so where a NaN lands follows its comparisons.
 * - rank gathers the window into private memory and selects with Hoare's FIND (Hoare 1961,
 *   "Algorithm 65: Find"), as SciPy's n-D rank filter does, so NaN input lands where it does
 *   there. Only windows of at most MAX_RANK_WINDOW elements are gathered.
 *
 * Values move as stored words, so nothing is changed on the way (a GPU may flush subnormal
 * float32 values to zero in float arithmetic). i32 and u32 compare as integers (bool is stored
 * as 0/1, whose min and max are logical and/or); float32 compares by its bits, in IEEE order:
 * NaN compares false with everything, −0 equals +0, and subnormals order exactly. The rank, the dtype, the mode and the reduction are compiled
 * in; the shape, the taps, the rank and cval are parameters.
 */

/**
 * The largest window the rank selection gathers per invocation (private memory: registers,
 * or the L1-cached local memory a GPU spills dynamically indexed arrays to). 64 holds the
 * 3×3×3 and 4×4×4 boxes as well as every 2-D window up to 8×8.
 */
export const MAX_RANK_WINDOW = 64;

/**
 * min / max keep the first of equal values (SciPy's footprint scan) unless `latest`, which keeps
 * the last (SciPy's 1-D passes, Harter's deque, replace on ≤ / ≥): it decides between −0 and +0.
 */
export type WindowReduction =
  | { readonly kind: 'min' | 'max'; readonly latest?: boolean }
  | { readonly kind: 'rank'; readonly rank: number };

const WG = 256;
/** Params words before the shape: n, the input's offset, cval (as stored), the tap count, the rank. */
const HEADER = 5;

function reductionKey(r: WindowReduction): string {
  return r.kind === 'rank' ? 'rank' : `${r.kind}${r.latest === true ? ':latest' : ''}`;
}

/** Hoare's FIND over w[0..P[3]), for the element of rank P[4] (0 = smallest). */
function hoareFind(): string {
  return `  var lo: i32 = 0;
  var hi: i32 = i32(P[3]) - 1;
  var k: i32 = i32(P[4]);
  loop {
    if (lo == hi) { break; }
    let pivot = w[lo];
    var i = lo - 1;
    var j = hi + 1;
    loop {
      loop { j = j - 1; if (!lt(pivot, w[j])) { break; } }
      loop { i = i + 1; if (!lt(w[i], pivot)) { break; } }
      if (i >= j) { break; }
      let t = w[i];
      w[i] = w[j];
      w[j] = t;
    }
    let left = j - lo + 1;
    if (k < left) { hi = j; } else { k = k - left; lo = j + 1; }
  }
  Y[gid] = w[lo];`;
}

/** `lt(a, b)`: a < b for the stored words of `dtype`. */
function lessThan(dtype: GPUDType, T: string): string {
  if (dtype !== 'float32') return `fn lt(a: ${T}, b: ${T}) -> bool { return a < b; }\nfn le(a: ${T}, b: ${T}) -> bool { return a <= b; }`;
  return `fn isNan(b: u32) -> bool { return (b & 0x7fffffffu) > 0x7f800000u; }
fn orderKey(b: u32) -> u32 { return select(b | 0x80000000u, ~b, (b & 0x80000000u) != 0u); }
fn lt(a: u32, b: u32) -> bool {
  if (isNan(a) || isNan(b) || ((a | b) & 0x7fffffffu) == 0u) { return false; }
  return orderKey(a) < orderKey(b);
}
fn le(a: u32, b: u32) -> bool {
  if (isNan(a) || isNan(b)) { return false; }
  return ((a | b) & 0x7fffffffu) == 0u || orderKey(a) <= orderKey(b);
}`;
}

function windowSelectProgram(ndim: number, dtype: GPUDType, mode: Extension, reduction: WindowReduction): Program {
  // float32 travels as its bits
  const words: GPUDType = dtype === 'float32' ? 'uint32' : dtype;
  const T = DTYPE_INFO[words].storage;
  const tapBase = HEADER + ndim;
  const unravel: string[] = [];
  for (let d = ndim - 1; d >= 0; d--) unravel.push(`  let i${d} = i32(rem % P[${HEADER + d}]); rem = rem / P[${HEADER + d}];`);
  const gather: string[] = [];
  for (let d = 0; d < ndim; d++) {
    gather.push(`  let m${d} = mapIndex(idx[${d}] + bitcast<i32>(P[at + ${d}u]), i32(P[${HEADER + d}]));`);
    gather.push(`  inside = inside && m${d} >= 0;`);
    gather.push(`  addr = addr * i32(P[${HEADER + d}]) + m${d};`);
  }
  const sampleFn = `fn sample(t: u32, idx: array<i32, ${Math.max(ndim, 1)}>) -> ${T} {
  let at = ${tapBase}u + t * ${ndim}u;
  var inside = true;
  var addr: i32 = 0;
${gather.join('\n')}
  if (inside) { return X[P[1] + u32(addr)]; }
  return bitcast<${T}>(P[2]);
}`;
  const idx = `array<i32, ${Math.max(ndim, 1)}>(${ndim === 0 ? '0' : Array.from({ length: ndim }, (_, d) => `i${d}`).join(', ')})`;
  let body: string;
  if (reduction.kind === 'rank') {
    body = `  var w: array<${T}, ${MAX_RANK_WINDOW}>;
  for (var t: u32 = 0u; t < P[3]; t = t + 1u) { w[t] = sample(t, idx); }
${hoareFind()}`;
  } else {
    const cmp = reduction.latest === true ? 'le' : 'lt';
    const better = reduction.kind === 'min' ? `${cmp}(v, best)` : `${cmp}(best, v)`;
    body = `  var best = sample(0u, idx);
  for (var t: u32 = 1u; t < P[3]; t = t + 1u) {
    let v = sample(t, idx);
    if (${better}) { best = v; }
  }
  Y[gid] = best;`;
  }
  return {
    key: `windowSelect:${ndim}:${dtype}:${mode}:${reductionKey(reduction)}`,
    workgroupSize: WG,
    source: () => `${PARAMS_DECL}
${storageDecl(1, 'X', words, 'read')}
${storageDecl(2, 'Y', words, 'read_write')}
${mapIndexWgsl(mode)}
${lessThan(dtype, T)}
${sampleFn}
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

export interface SelectionWindow {
  /** Per tap, its offset from the output element along every axis (at least one tap). */
  readonly offsets: readonly (readonly number[])[];
  readonly mode: Extension;
  /** The value read outside the array in constant mode, already converted to x's dtype. */
  readonly cval: number;
  readonly reduction: WindowReduction;
}

/** The stored bits of `value` in a `dtype` GPU buffer. */
function storedBits(value: number, dtype: GPUDType): number {
  if (dtype === 'float32') return new Uint32Array(Float32Array.of(value).buffer)[0];
  return value >>> 0;
}

/** Select over the window around every element of `x` (C-contiguous): a new array of x's shape and dtype. */
export function windowSelect(x: GPUArray, w: SelectionWindow): GPUArray {
  x.check();
  const y = GPUArray.empty(x.shape, x.dtype, x.storage.runtime);
  const n = y.size;
  if (n === 0) return y;
  const taps = w.offsets.length;
  const rank = w.reduction.kind === 'rank' ? w.reduction.rank : 0;
  const params = new Params().u(n).u(x.offset).u(storedBits(w.cval, x.dtype)).u(taps).u(rank).many(x.shape);
  for (const offset of w.offsets) params.many(offset, true);
  const batch = new Batch(y.storage.runtime);
  batch.dispatch(windowSelectProgram(x.ndim, x.dtype, w.mode, w.reduction), params, [x.buffer, y.buffer], Math.ceil(n / WG));
  batch.submit();
  return y;
}
