import type { Extension } from '@sciport/ndimage/backend-kit';
import type { Params } from '../program/params.js';

/**
 * WGSL shared by the linear filter kernels: the boundary modes' index map (as
 * @sciport/ndimage's mapIndex) and double-float32 arithmetic, a value as the unevaluated sum
 * hi + lo (Knuth's TwoSum; Dekker's TwoProduct, "A floating-point technique for extending
 * the available precision", Numer. Math. 18, 1971), so sums round once as the host's
 * float64 sums do.
 */

/** WGSL of the mode's index map: an index in [0, len), or −1 for "read cval". */
export function mapIndexWgsl(mode: Extension): string {
  let outside: string;
  switch (mode) {
    case 'constant':
      outside = 'return -1;';
      break;
    case 'nearest':
      outside = 'if (len <= 1) { return 0; } return select(len - 1, 0, cc < 0);';
      break;
    case 'wrap':
      outside = 'if (len <= 1) { return 0; } var r = cc % len; if (r < 0) { r = r + len; } return r;';
      break;
    case 'reflect':
      outside =
        'if (len <= 1) { return 0; } let period = 2 * len; var r = cc % period; if (r < 0) { r = r + period; } return select(period - 1 - r, r, r < len);';
      break;
    case 'mirror':
      outside = 'if (len <= 1) { return 0; } let period = 2 * len - 2; var r = cc % period; if (r < 0) { r = r + period; } return select(period - r, r, r < len);';
      break;
  }
  return `fn mapIndex(cc: i32, len: i32) -> i32 {
  if (cc >= 0 && cc < len) { return cc; }
  ${outside}
}`;
}

/** Double-float32 helpers: a vec2 (hi, lo) stands for hi + lo. */
export const DOUBLE_FLOAT = `
fn twoSum(a: f32, b: f32) -> vec2<f32> {
  let s = a + b;
  let bb = s - a;
  return vec2<f32>(s, (a - (s - bb)) + (b - bb));
}
fn splitHalf(a: f32) -> vec2<f32> {
  let t = 4097.0 * a;
  let hi = t - (t - a);
  return vec2<f32>(hi, a - hi);
}
fn twoProd(a: f32, b: f32) -> vec2<f32> {
  let p = a * b;
  let sa = splitHalf(a);
  let sb = splitHalf(b);
  return vec2<f32>(p, ((sa.x * sb.x - p) + sa.x * sb.y + sa.y * sb.x) + sa.y * sb.y);
}
fn dfAdd(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> {
  let s = twoSum(a.x, b.x);
  return twoSum(s.x, s.y + a.y + b.y);
}
fn dfMul(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> {
  let p = twoProd(a.x, b.x);
  return twoSum(p.x, p.y + a.x * b.y + a.y * b.x);
}
fn isFinite(v: f32) -> bool { return (bitcast<u32>(v) & 0x7f800000u) != 0x7f800000u; }
`;

/** A float64 value as float32 hi + lo. */
export function splitValue(params: Params, v: number): Params {
  const hi = Math.fround(v);
  return params.f(hi).f(Number.isFinite(hi) ? v - hi : 0);
}
