import { powRounded, type SplineBoundary, splinePoles } from '@sciport/ndimage/backend-kit';
import type { GPUArray } from '../gpu-array.js';
import { Batch } from '../program/batch.js';
import { Params } from '../program/params.js';
import { entryHeader, type Program } from '../program/program.js';
import { PARAMS_DECL } from '../program/wgsl.js';
import { splitValue } from './filter-wgsl.js';
import { SPLINE_DOUBLE_FLOAT } from './spline-wgsl.js';

/**
 * The B-spline prefilter along one axis of a C-contiguous array of double-float32
 * coefficients (a complex64-sized buffer whose pairs are hi, lo), in place: the inverse of
 * the sampled B-spline as one causal and one anticausal first-order recursion per pole z
 * (Unser, Aldroubi & Eden, "Fast B-spline transforms for continuous image representation
 * and interpolation", IEEE PAMI 13(3), 1991; Unser, "Splines: a perfect fit for signal and
 * image processing", IEEE Signal Process. Mag. 16(6), 1999):
 *
 *   c⁺[k] = s[k] + z·c⁺[k−1],   c⁻[k] = z·(c⁻[k+1] − c⁺[k]),   after a gain Π(1−z)(1−1/z),
 *
 * each started from the value the extended line gives (whole-sample symmetric 'mirror',
 * half-sample symmetric 'reflect', periodic 'wrap'), with SciPy's initialisation and order
 * of operations as @sciport/ndimage's spline-prefilter.ts has them. The recursions are
 * sequential along a line, so one invocation filters one line; lines run side by side.
 * Constants that depend on the line length only (powers of z, the reciprocals of the
 * starting sums' denominators) are the host's float64 values, passed as hi/lo pairs.
 */

const WG = 64;
/** Params words before the per-pole constants: lines, n, inner, gain (hi, lo). */
const HEADER = 5;
/** Params words per pole: z, then three constants of the boundary (hi, lo each). */
const POLE_WORDS = 8;

function prefilterProgram(poles: number, boundary: SplineBoundary, roundFirst: boolean): Program {
  const c = (k: number) => `P[${HEADER}u + q * ${POLE_WORDS}u + ${2 * k}u]`;
  const constant = (k: number) => `vec2<f32>(bitcast<f32>(${c(k)}), bitcast<f32>(P[${HEADER}u + q * ${POLE_WORDS}u + ${2 * k + 1}u]))`;
  let causalStart: string;
  let anticausalStart: string;
  switch (boundary) {
    case 'mirror':
      // c⁺[0] = Σ_{k<n−1} z^k (s[k] + z^{n−1} s[n−1−k]) / (1 − z^{2n−2}), the k = 0 and k = n−1 terms first
      causalStart = `    let zn1 = ${constant(1)};
    var acc = dfAdd(C[at(0)], dfMul(zn1, C[at(n - 1)]));
    var zk = z;
    for (var k: i32 = 1; k < n - 1; k = k + 1) {
      acc = dfAdd(acc, dfMul(zk, dfAdd(C[at(k)], dfMul(zn1, C[at(n - 1 - k)]))));
      zk = dfMul(zk, z);
    }
    C[at(0)] = dfMul(acc, ${constant(2)});`;
      anticausalStart = `    C[at(n - 1)] = dfMul(dfAdd(dfMul(z, C[at(n - 2)]), C[at(n - 1)]), ${constant(3)});`;
      break;
    case 'reflect':
      // SciPy accumulates in s[0]'s slot, so the last term reads the partial sum (kept, for SciPy's digits)
      causalStart = `    let zn = ${constant(1)};
    var acc = dfAdd(C[at(0)], dfMul(zn, C[at(n - 1)]));
    var zk = z;
    for (var k: i32 = 1; k < n - 1; k = k + 1) {
      acc = dfAdd(acc, dfMul(zk, dfAdd(C[at(k)], dfMul(zn, C[at(n - 1 - k)]))));
      zk = dfMul(zk, z);
    }
    acc = dfAdd(acc, dfMul(zk, dfAdd(C[at(n - 1)], dfMul(zn, acc))));
    C[at(0)] = dfAdd(C[at(0)], dfMul(acc, ${constant(2)}));`;
      anticausalStart = `    C[at(n - 1)] = dfMul(C[at(n - 1)], ${constant(3)});`;
      break;
    default:
      causalStart = `    var acc = C[at(0)];
    var zk = z;
    for (var k: i32 = 1; k < n; k = k + 1) {
      acc = dfAdd(acc, dfMul(zk, C[at(n - k)]));
      zk = dfMul(zk, z);
    }
    C[at(0)] = dfMul(acc, ${constant(1)});`;
      anticausalStart = `    var acc2 = C[at(n - 1)];
    var zk2 = z;
    for (var k: i32 = 0; k < n - 1; k = k + 1) {
      acc2 = dfAdd(acc2, dfMul(zk2, C[at(k)]));
      zk2 = dfMul(zk2, z);
    }
    C[at(n - 1)] = dfMul(acc2, ${constant(2)});`;
  }
  return {
    key: `splinePrefilter:${poles}:${boundary}:${roundFirst}`,
    workgroupSize: WG,
    source: () => `${PARAMS_DECL}
@group(0) @binding(1) var<storage, read_write> C: array<vec2<f32>>;
${SPLINE_DOUBLE_FLOAT}
var<private> base: u32;
var<private> inner: u32;
fn at(k: i32) -> u32 { return base + u32(k) * inner; }
${entryHeader(WG)}
  if (gid >= P[0]) { return; }
  let n = i32(P[1]);
  inner = P[2];
  base = (gid / inner) * u32(n) * inner + gid % inner;
  let gain = vec2<f32>(bitcast<f32>(P[3]), bitcast<f32>(P[4]));
  for (var k: i32 = 0; k < n; k = k + 1) {
    var s = C[at(k)];
    ${roundFirst ? 's = df(s.x + s.y);' : ''}
    C[at(k)] = dfMul(s, gain);
  }
  for (var q: u32 = 0u; q < ${poles}u; q = q + 1u) {
    let z = ${constant(0)};
${causalStart}
    for (var k: i32 = 1; k < n; k = k + 1) { C[at(k)] = dfAdd(C[at(k)], dfMul(z, C[at(k - 1)])); }
${anticausalStart}
    for (var k: i32 = n - 2; k >= 0; k = k - 1) { C[at(k)] = dfMul(z, dfSub(C[at(k + 1)], C[at(k)])); }
  }
}
`,
  };
}

/** z^k by repeated multiplication from z (as the host's loops form it). */
function loopPower(z: number, k: number): number {
  let zk = z;
  for (let i = 1; i < k; i++) zk *= z;
  return zk;
}

/** The three boundary constants of pole z for lines of length n (see the kernel). */
function poleConstants(z: number, n: number, boundary: SplineBoundary): number[] {
  switch (boundary) {
    case 'mirror': {
      const zn1 = powRounded(z, n - 1);
      return [zn1, 1 / (1 - zn1 * zn1), z / (z * z - 1)];
    }
    case 'reflect': {
      const zn = powRounded(z, n);
      return [zn, z / (1 - zn * zn), z / (z - 1)];
    }
    default: {
      const zn = loopPower(z, n);
      return [1 / (1 - zn), z / (zn - 1), 0];
    }
  }
}

/**
 * Filter `coef` (C-contiguous double-float32 pairs of `shape`) in place along `axis` with
 * the order-`order` prefilter; lines shorter than 2 are left as they are. `roundFirst`
 * rounds every sample to float32 first (a pass whose input SciPy stores as float32).
 */
export function prefilterAxisGPU(coef: GPUArray, shape: readonly number[], axis: number, order: number, boundary: SplineBoundary, roundFirst = false): void {
  const n = shape[axis];
  const size = shape.reduce((a, b) => a * b, 1);
  if (order < 2 || n < 2 || size === 0) return;
  let inner = 1;
  for (let d = axis + 1; d < shape.length; d++) inner *= shape[d];
  const lines = size / n;
  const poles = splinePoles(order);
  let gain = 1;
  for (const z of poles) gain *= (1 - z) * (1 - 1 / z);
  const params = new Params().u(lines).u(n).u(inner);
  splitValue(params, gain);
  for (const z of poles) {
    splitValue(params, z);
    for (const v of poleConstants(z, n, boundary)) splitValue(params, v);
  }
  const batch = new Batch(coef.storage.runtime);
  batch.dispatch(prefilterProgram(poles.length, boundary, roundFirst), params, [coef.buffer], Math.ceil(lines / WG));
  batch.submit();
}
