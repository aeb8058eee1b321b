import type { BoundaryMode } from '@sciport/ndimage';
import { type CoefficientExtension, coefficientExtension } from '@sciport/ndimage/backend-kit';
import { DOUBLE_FLOAT } from './filter-wgsl.js';

/**
 * WGSL shared by the spline kernels (prefilter, sampling). Values are double-float32 (a
 * vec2 (hi, lo) standing for hi + lo, see filter-wgsl.ts), so coefficients, coordinates
 * and weights carry about 48 bits, as the host's float64 arithmetic carries 53: results
 * round once to float32 and agree with the host's, and a coordinate that SciPy places
 * exactly on a sample or an edge stays there (float32 alone would move it by an ulp,
 * which changes an order-0 pick or a 'constant' edge test).
 */

/** A float64 constant as a WGSL double-float32 literal (bit-exact hi and lo). */
export function dfLiteral(v: number): string {
  const hi = Math.fround(v);
  const lo = Math.fround(v - hi);
  return `vec2<f32>(${f32Bits(hi)}, ${f32Bits(lo)})`;
}

function f32Bits(v: number): string {
  const view = new DataView(new ArrayBuffer(4));
  view.setFloat32(0, v);
  return `bitcast<f32>(0x${view.getUint32(0).toString(16)}u)`;
}

/** Double-float helpers beyond filter-wgsl's: subtraction, floor, comparisons, NaN. */
export const SPLINE_DOUBLE_FLOAT = `${DOUBLE_FLOAT}
fn dfSub(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> { return dfAdd(a, -b); }
fn df(a: f32) -> vec2<f32> { return vec2<f32>(a, 0.0); }
fn dfFloor(a: vec2<f32>) -> vec2<f32> {
  let f = floor(a.x);
  if (f == a.x) { return twoSum(f, floor(a.y)); }
  return vec2<f32>(f, 0.0);
}
fn dfLess(a: vec2<f32>, b: vec2<f32>) -> bool { return a.x < b.x || (a.x == b.x && a.y < b.y); }
fn dfLessEq(a: vec2<f32>, b: vec2<f32>) -> bool { return a.x < b.x || (a.x == b.x && a.y <= b.y); }
fn isNan(v: f32) -> bool { return (bitcast<u32>(v) & 0x7fffffffu) > 0x7f800000u; }
fn dfRound(a: vec2<f32>) -> f32 { return select(a.x, a.x + a.y, isFinite(a.x)); }
/**
 * ⌊x + ½⌋ as the host computes it: x + ½ is rounded to float64 first, so a sum within half a
 * float64 ulp below an integer N becomes N (0.49999999999999994 + 0.5 is 1 in float64).
 */
fn evenFloor(x: vec2<f32>) -> vec2<f32> {
  let s = dfAdd(x, vec2<f32>(0.5, 0.0));
  let f = dfFloor(s);
  let next = dfAdd(f, vec2<f32>(1.0, 0.0));
  let gap = dfSub(next, s);
  var e = frexp(s.x).exp;
  // just below a positive power of two the float64 spacing is half that above it
  if (s.x == next.x && next.x > 0.0 && frexp(next.x).fract == 0.5) { e = e - 1; }
  if (dfLessEq(gap, vec2<f32>(ldexp(1.0, e - 54), 0.0))) { return next; }
  return f;
}
`;

/** Expression builders for double-float WGSL. */
const add = (a: string, b: string) => `dfAdd(${a}, ${b})`;
const sub = (a: string, b: string) => `dfSub(${a}, ${b})`;
const mul = (a: string, b: string) => `dfMul(${a}, ${b})`;
const k = dfLiteral;

/**
 * WGSL `fn weights<order>(x) -> array<vec2<f32>, 6>` (entries 0 … order used): the B-spline weights of the
 * coefficients x reads (see @sciport/ndimage's spline-weights.ts: Unser 1999, eq. 4, the
 * same polynomials in the same Horner form at the distance t to the middle knot, the last
 * weight 1 minus the others), and `fn start<order>(x) -> i32`, the first coefficient.
 */
function splineWeightsWgsl(order: number): string {
  const head = `fn weights${order}(x: vec2<f32>) -> array<vec2<f32>, 6> {\n  var w: array<vec2<f32>, 6>;\n`;
  const startFloor = order % 2 === 1 ? 'dfFloor(x)' : 'evenFloor(x)';
  const start = `fn start${order}(x: vec2<f32>) -> i32 { return i32(${startFloor}.x + ${startFloor}.y) - ${order >> 1}; }\n`;
  const complete = (): string => {
    let s = `  var last = ${k(1)};\n`;
    for (let j = 0; j < order; j++) s += `  last = dfSub(last, w[${j}]);\n`;
    return `${s}  w[${order}] = last;\n`;
  };
  let body: string;
  switch (order) {
    case 0:
      body = `  w[0] = ${k(1)};\n`;
      break;
    case 1:
      body = `  let t = dfSub(x, dfFloor(x));\n  w[0] = ${sub(k(1), 't')};\n  w[1] = ${sub(k(1), 'w[0]')};\n`;
      break;
    case 2:
      body = `  let t = dfSub(x, evenFloor(x));
  w[1] = ${sub(k(0.75), mul('t', 't'))};
  let v = ${sub(k(0.5), 't')};
  w[0] = ${mul(mul(k(0.5), 'v'), 'v')};
  w[2] = ${sub(sub(k(1), 'w[0]'), 'w[1]')};
`;
      break;
    case 3: {
      const cubic = (v: string) => mul(add(mul(mul(mul(v, v), sub(v, k(2))), k(3)), k(4)), k(1 / 6));
      body = `  let t = dfSub(x, dfFloor(x));
  let u = ${sub(k(1), 't')};
  w[1] = ${cubic('t')};
  w[2] = ${cubic('u')};
  w[0] = ${mul(mul(mul('u', 'u'), 'u'), k(1 / 6))};
  w[3] = ${sub(sub(sub(k(1), 'w[0]'), 'w[1]'), 'w[2]')};
`;
      break;
    }
    case 4: {
      const quartic = (v: string) => add(mul(v, add(mul(v, sub(mul(mul(v, sub(k(5), v)), k(1 / 6)), k(1.25))), k(5 / 24))), k(55 / 96));
      body = `  let t = dfSub(x, evenFloor(x));
  let u = ${sub(k(1), 't')};
  let t2 = ${mul('t', 't')};
  w[2] = ${add(mul('t2', sub(mul('t2', k(0.25)), k(0.625))), k(115 / 192))};
  let y = ${add(k(1), 't')};
  w[1] = ${quartic('y')};
  w[3] = ${quartic('u')};
  let v = ${sub(k(0.5), 't')};
  let v2 = ${mul('v', 'v')};
  w[0] = ${mul(mul('v2', 'v2'), k(1 / 24))};
${complete()}`;
      break;
    }
    default: {
      const centre = (v: string, v2: string) => add(mul(v2, sub(mul(v2, sub(k(0.25), mul(v, k(1 / 12)))), k(0.5))), k(0.55));
      const outer = (v: string) =>
        add(mul(v, add(mul(v, sub(mul(v, add(mul(v, sub(mul(v, k(1 / 24)), k(0.375))), k(1.25))), k(1.75))), k(0.625))), k(0.425));
      body = `  let t = dfSub(x, dfFloor(x));
  let u = ${sub(k(1), 't')};
  let t2 = ${mul('t', 't')};
  w[2] = ${centre('t', 't2')};
  let u2 = ${mul('u', 'u')};
  w[3] = ${centre('u', 'u2')};
  let y = ${add('t', k(1))};
  w[1] = ${outer('y')};
  let z = ${add('u', k(1))};
  w[4] = ${outer('z')};
  w[0] = ${mul(mul(mul('u', 'u2'), 'u2'), k(1 / 120))};
${complete()}`;
    }
  }
  return `${start}${head}${body}  return w;\n}`;
}

/** The boundary modes by number, as the sampling kernel reads them from its params. */
export const MODE_CODES: Readonly<Record<BoundaryMode, number>> = {
  constant: 0,
  nearest: 1,
  reflect: 2,
  mirror: 3,
  wrap: 4,
  'grid-constant': 5,
  'grid-mirror': 6,
  'grid-wrap': 7,
};

/** The coefficient extensions by number. */
export const EXTENSION_CODES: Readonly<Record<CoefficientExtension, number>> = { mirror: 0, reflect: 1, periodic: 2, clamp: 3, cval: 4 };

/** The extension code of `mode`. */
export function extensionCode(mode: BoundaryMode): number {
  return EXTENSION_CODES[coefficientExtension(mode)];
}

/**
 * WGSL `fn foldCoordinate(cc, n, mode) -> Folded`: where coordinate cc of an axis of n
 * coefficients reads, or `outside` (the result is cval), as @sciport/ndimage's
 * mapCoordinate (SciPy's map_coordinate): whole periods are removed as integer multiples
 * of the period, so a folded coordinate lands where the host's does. `mode` is a MODE_CODES
 * number (a parameter, so one pipeline serves every mode).
 */
export const FOLD_COORDINATE_WGSL = `struct Folded { x: vec2<f32>, outside: bool }
/** trunc(a / p) for a ≥ 0, exact: the f32 quotient corrected by the remainder. */
fn truncDiv(a: vec2<f32>, p: f32) -> f32 {
  var q = floor(a.x / p);
  let r = dfSub(a, twoProd(q, p));
  if (dfLess(r, df(0.0))) { q = q - 1.0; } else if (!dfLess(r, df(p))) { q = q + 1.0; }
  return q;
}
fn foldMirror(cc: vec2<f32>, n: f32) -> vec2<f32> {
  let p = 2.0 * n - 2.0;
  if (dfLess(cc, df(0.0))) {
    let r = dfAdd(cc, twoProd(p, truncDiv(-cc, p)));
    if (dfLessEq(r, df(1.0 - n))) { return dfAdd(r, df(p)); }
    return -r;
  }
  let r = dfSub(cc, twoProd(p, truncDiv(cc, p)));
  if (!dfLess(r, df(n))) { return dfSub(df(p), r); }
  return r;
}
fn foldReflect(cc: vec2<f32>, n: f32) -> vec2<f32> {
  let p = 2.0 * n;
  if (dfLess(cc, df(0.0))) {
    var r = cc;
    if (dfLess(cc, df(-p))) { r = dfAdd(cc, twoProd(p, truncDiv(-cc, p))); }
    if (dfLess(r, df(-n))) { return dfAdd(r, df(p)); }
    // a coordinate just below 0 stays just above −1, as SciPy's
    var m = -r;
    if (dfLess(${k(-1e-15)}, r)) { m = ${k(1e-15)}; }
    return dfSub(m, df(1.0));
  }
  let r = dfSub(cc, twoProd(p, truncDiv(cc, p)));
  if (!dfLess(r, df(n))) { return dfSub(dfSub(df(p), r), df(1.0)); }
  return r;
}
fn foldWrap(cc: vec2<f32>, n: f32) -> vec2<f32> {
  let p = n - 1.0;
  if (dfLess(cc, df(0.0))) { return dfAdd(cc, twoProd(p, truncDiv(-cc, p) + 1.0)); }
  return dfSub(cc, twoProd(p, truncDiv(cc, p)));
}
fn foldGridWrap(cc: vec2<f32>, n: f32) -> vec2<f32> {
  if (dfLess(cc, df(0.0))) {
    let a = dfSub(df(-1.0), cc);
    var q = 0.0;
    if (!dfLess(a, df(0.0))) { q = truncDiv(a, n); }
    return dfAdd(cc, twoProd(n, q + 1.0));
  }
  return dfSub(cc, twoProd(n, truncDiv(cc, n)));
}
fn foldCoordinate(cc: vec2<f32>, n: f32, mode: u32) -> Folded {
  // 'nearest' and 'grid-constant' keep every coordinate
  if (mode == 1u || mode == 5u) { return Folded(cc, false); }
  if (!dfLess(cc, df(0.0)) && dfLessEq(cc, df(n - 1.0))) { return Folded(cc, false); }
  if (mode == 0u) { return Folded(cc, true); }
  if (n <= 1.0) { return Folded(df(0.0), false); }
  switch (mode) {
    case 3u: { return Folded(foldMirror(cc, n), false); }
    case 2u, 6u: { return Folded(foldReflect(cc, n), false); }
    case 4u: { return Folded(foldWrap(cc, n), false); }
    default: { return Folded(foldGridWrap(cc, n), false); }
  }
}`;

/**
 * WGSL `fn foldIndex(k, n, extension) -> i32`: coefficient index k of an axis of n folded
 * into [0, n) by the extension (an EXTENSION_CODES number; @sciport/ndimage's foldIndex),
 * or −1: the tap reads cval.
 */
export const FOLD_INDEX_WGSL = `fn modulo(k: i32, p: i32) -> i32 { var r = k % p; if (r < 0) { r = r + p; } return r; }
fn foldIndex(k: i32, n: i32, extension: u32) -> i32 {
  if (k >= 0 && k < n) { return k; }
  if (extension == 4u) { return -1; }
  if (n == 1) { return 0; }
  switch (extension) {
    case 3u: { if (k < 0) { return 0; } return n - 1; }
    case 2u: { return modulo(k, n); }
    case 1u: { let r = modulo(k, 2 * n); return select(2 * n - 1 - r, r, r < n); }
    default: { let r = modulo(k, 2 * n - 2); return select(2 * n - 2 - r, r, r < n); }
  }
}`;

/** The most taps along one axis (order 5). */
export const MAX_TAPS = 6;

/** WGSL `fn splineWeights(order, x)` and `fn splineStart(order, x)` for a spline order given as a parameter. */
export const SPLINE_WEIGHTS_WGSL = `${[0, 1, 2, 3, 4, 5].map(splineWeightsWgsl).join('\n')}
fn splineWeights(order: u32, x: vec2<f32>) -> array<vec2<f32>, 6> {
  switch (order) {
    case 0u: { return weights0(x); }
    case 1u: { return weights1(x); }
    case 2u: { return weights2(x); }
    case 3u: { return weights3(x); }
    case 4u: { return weights4(x); }
    default: { return weights5(x); }
  }
}
fn splineStart(order: u32, x: vec2<f32>) -> i32 {
  switch (order) {
    case 0u: { return start0(x); }
    case 1u: { return start1(x); }
    case 2u: { return start2(x); }
    case 3u: { return start3(x); }
    case 4u: { return start4(x); }
    default: { return start5(x); }
  }
}`;
