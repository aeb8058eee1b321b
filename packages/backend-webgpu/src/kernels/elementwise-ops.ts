import { DtypeError } from '@sciport/dispatch-core';
import { type GPUDType, isComplex, promoteTypes } from '../dtypes.js';
import type { MapSpec } from './map.js';

/**
 * The elementwise functions of the Array API as WGSL expressions, per dtype. Each entry
 * turns the input dtypes into a MapSpec (the dtype inputs are cast to, the result dtype,
 * the expression and any helper functions) that the map kernel compiles.
 *
 * WGSL lets an implementation assume floats are never NaN or infinite, so NaN and
 * infinity tests look at the bits instead of comparing values.
 */

// Infinity and NaN come from private variables: WGSL rejects them in constant expressions.
const F32_HELPERS = `
var<private> F32_INF_BITS: u32 = 0x7f800000u;
var<private> F32_NAN_BITS: u32 = 0x7fc00000u;
fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn has_sign_bit(x: f32) -> bool { return (bitcast<u32>(x) >> 31u) == 1u; }
`;

const COMPLEX_HELPERS = `
fn c_mul(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> { return vec2<f32>(a.x * b.x - a.y * b.y, a.x * b.y + a.y * b.x); }
// Smith's algorithm (CACM 1962): avoids overflow in |b|².
fn c_div(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> {
  if (abs(b.x) >= abs(b.y)) {
    if (b.x == 0.0 && b.y == 0.0) { return vec2<f32>(a.x / 0.0, a.y / 0.0); }
    let r = b.y / b.x; let d = b.x + b.y * r;
    return vec2<f32>((a.x + a.y * r) / d, (a.y - a.x * r) / d);
  }
  let r = b.x / b.y; let d = b.x * r + b.y;
  return vec2<f32>((a.x * r + a.y) / d, (a.y * r - a.x) / d);
}
fn c_abs(z: vec2<f32>) -> f32 { return hypot_f(z.x, z.y); }
fn c_exp(z: vec2<f32>) -> vec2<f32> { let e = exp_f(z.x); let sc = sincos_f(z.y); return vec2<f32>(e * sc.y, e * sc.x); }
// The argument keeps the sign of a zero imaginary part: log(-2 - 0i) = log 2 - iπ.
fn c_log(z: vec2<f32>) -> vec2<f32> { return vec2<f32>(log_f(c_abs(z)), atan2_f(z.y, z.x)); }
// 1 + z without a complex addition, which would turn an imaginary -0 into +0.
fn c_log1p(z: vec2<f32>) -> vec2<f32> { return c_log(vec2<f32>(z.x + 1.0, z.y)); }
// Principal square root (branch cut on the negative real axis).
fn c_sqrt(z: vec2<f32>) -> vec2<f32> {
  let r = c_abs(z);
  if (r == 0.0) { return vec2<f32>(0.0, z.y); }
  let t = sqrt((r + abs(z.x)) * 0.5);
  if (z.x >= 0.0) { return vec2<f32>(t, z.y / (2.0 * t)); }
  let s = select(1.0, -1.0, has_sign_bit(z.y));
  return vec2<f32>(abs(z.y) / (2.0 * t), s * t);
}
fn c_sin(z: vec2<f32>) -> vec2<f32> { let sc = sincos_f(z.x); return vec2<f32>(sc.x * cosh_f(z.y), sc.y * sinh_f(z.y)); }
fn c_cos(z: vec2<f32>) -> vec2<f32> { let sc = sincos_f(z.x); return vec2<f32>(sc.y * cosh_f(z.y), -sc.x * sinh_f(z.y)); }
fn c_sinh(z: vec2<f32>) -> vec2<f32> { let sc = sincos_f(z.y); return vec2<f32>(sinh_f(z.x) * sc.y, cosh_f(z.x) * sc.x); }
fn c_cosh(z: vec2<f32>) -> vec2<f32> { let sc = sincos_f(z.y); return vec2<f32>(cosh_f(z.x) * sc.y, sinh_f(z.x) * sc.x); }
// tanh(x + iy) by Kahan's formulas ("Branch Cuts for Complex Elementary Functions", 1987;
// the approach C99 Annex G's rationale gives): with t = tan y, β = 1 + t², s = sinh x and
// ρ = √(1 + s²), tanh z = (βρs + it) / (1 + βs²). Quotients of sinh and cosh would overflow
// to inf/inf; for |x| ≥ 11, tanh z is sign(x) + i·4 sin y cos y e^(−2|x|) to f32 precision.
fn c_tanh(z: vec2<f32>) -> vec2<f32> {
  if (abs(z.x) >= 11.0) {
    let e = exp_f(-abs(z.x));
    let sc = sincos_f(z.y);
    return vec2<f32>(copysign_f(1.0, z.x), 4.0 * sc.x * sc.y * e * e);
  }
  let t = tan_f(z.y);
  let beta = 1.0 + t * t;
  let s = sinh_f(z.x);
  let rho = sqrt(1.0 + s * s);
  let d = 1.0 + beta * s * s;
  return vec2<f32>(beta * rho * s / d, t / d);
}
// tan z = −i tanh(iz).
fn c_tan(z: vec2<f32>) -> vec2<f32> { let w = c_tanh(vec2<f32>(-z.y, z.x)); return vec2<f32>(w.y, -w.x); }
fn c_pow(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> {
  if (b.x == 0.0 && b.y == 0.0) { return vec2<f32>(1.0, 0.0); }
  if (a.x == 0.0 && a.y == 0.0) { return vec2<f32>(0.0, 0.0); }
  return c_exp(c_mul(b, c_log(a)));
}
`;

// sin/cos with Cody–Waite reduction by π/2 and Cephes' minimax polynomials (S. Moshier,
// Cephes sinf/cosf): WGSL only promises 2^-11 absolute error for the built-ins.
// Domain guards give NumPy's NaN/±inf where WGSL leaves the built-ins indeterminate.
const FLOAT_MATH = `
fn sincos_f(x: f32) -> vec2<f32> {
  let j = round(x * 0.636619772367581);
  let r = ((x - j * 1.5703125) - j * 4.837512969970703125e-4) - j * 7.54978995489188216e-8;
  let z = r * r;
  let s = r + r * z * (-1.6666654611e-1 + z * (8.3321608736e-3 + z * -1.9515295891e-4));
  let c = 1.0 - 0.5 * z + z * z * (4.166664568298827e-2 + z * (-1.388731625493765e-3 + z * 2.443315711809948e-5));
  let q = i32(j - 4.0 * floor(j * 0.25));
  if (q == 0) { return vec2<f32>(s, c); }
  if (q == 1) { return vec2<f32>(c, -s); }
  if (q == 2) { return vec2<f32>(-s, -c); }
  return vec2<f32>(-c, s);
}
fn sin_f(x: f32) -> f32 { if (is_inf(x)) { return bitcast<f32>(F32_NAN_BITS); } return sincos_f(x).x; }
fn cos_f(x: f32) -> f32 { if (is_inf(x)) { return bitcast<f32>(F32_NAN_BITS); } return sincos_f(x).y; }
fn tan_f(x: f32) -> f32 { let v = sincos_f(x); return v.x / v.y; }
// sinh/tanh through expm1: the built-ins may cancel catastrophically near 0.
fn sinh_f(x: f32) -> f32 {
  let a = abs(x);
  if (a > 88.0) { return select(bitcast<f32>(F32_INF_BITS), -bitcast<f32>(F32_INF_BITS), x < 0.0); }
  let e = expm1_f(a);
  let r = 0.5 * (e + e / (e + 1.0));
  return select(r, -r, x < 0.0);
}
fn tanh_f(x: f32) -> f32 {
  let a = abs(x);
  if (a > 20.0) { return select(1.0, -1.0, x < 0.0); }
  let e = expm1_f(-2.0 * a);
  let r = -e / (e + 2.0);
  return select(r, -r, x < 0.0);
}
// Natural log of a positive finite x: frexp, then Cephes' logf polynomial on
// [√½, √2) (the WGSL built-in only promises 2^-21 absolute error near 1).
fn log_poly(m: f32, e: i32) -> f32 {
  let z = m * m;
  var y = ((((((((7.0376836292e-2 * m - 1.1514610310e-1) * m + 1.1676998740e-1) * m - 1.2420140846e-1) * m
    + 1.4249322787e-1) * m - 1.6668057665e-1) * m + 2.0000714765e-1) * m - 2.4999993993e-1) * m + 3.3333331174e-1) * m * z;
  let fe = f32(e);
  y = y - 2.12194440e-4 * fe;
  y = y - 0.5 * z;
  return m + y + 0.693359375 * fe;
}
fn log_pos(x0: f32) -> f32 {
  var x = x0;
  var e = 0;
  if ((bitcast<u32>(x) & 0x7f800000u) == 0u) { x = x * 8388608.0; e = -23; }
  let bits = bitcast<u32>(x);
  e = e + i32((bits >> 23u) & 0xffu) - 126;
  var m = bitcast<f32>((bits & 0x007fffffu) | 0x3f000000u);
  if (m < 0.70710678118654752) { e = e - 1; m = m + m - 1.0; } else { m = m - 1.0; }
  return log_poly(m, e);
}
fn log_f(x: f32) -> f32 {
  if (x < 0.0 || is_nan(x)) { return bitcast<f32>(F32_NAN_BITS); }
  if (x == 0.0) { return -bitcast<f32>(F32_INF_BITS); }
  if (is_inf(x)) { return x; }
  return log_pos(x);
}
fn log2_f(x: f32) -> f32 { return log_f(x) * 1.4426950408889634; }
fn sqrt_f(x: f32) -> f32 {
  if (x < 0.0 || is_nan(x)) { return bitcast<f32>(F32_NAN_BITS); }
  if (is_inf(x)) { return x; }
  return sqrt(x);
}
fn asin_f(x: f32) -> f32 { if (abs(x) > 1.0 || is_nan(x)) { return bitcast<f32>(F32_NAN_BITS); } return asin(x); }
// Half-angle form acos x = 2·atan(√((1 − x)/(1 + x))): 1 − x and 1 + x are exact where acos
// is near 0 or π, and no π/2 − asin x cancellation (the built-in is off by 7e-5 at 0 on SwiftShader).
fn acos_f(x: f32) -> f32 {
  if (abs(x) > 1.0 || is_nan(x)) { return bitcast<f32>(F32_NAN_BITS); }
  return 2.0 * atan2_f(sqrt(1.0 - x), sqrt(1.0 + x));
}
fn acosh_f(x: f32) -> f32 { if (x < 1.0 || is_nan(x)) { return bitcast<f32>(F32_NAN_BITS); } return log_f(x + sqrt(x - 1.0) * sqrt(x + 1.0)); }
fn asinh_f(x: f32) -> f32 {
  let a = abs(x);
  if (is_inf(a) || is_nan(a)) { return x; }
  let r = select(log1p_f(a + a * a / (1.0 + sqrt(1.0 + a * a))), log_f(a) + 0.6931471805599453, a > 1e18);
  return select(r, -r, x < 0.0);
}
fn atanh_f(x: f32) -> f32 {
  let a = abs(x);
  if (a > 1.0 || is_nan(x)) { return bitcast<f32>(F32_NAN_BITS); }
  if (a == 1.0) { return select(bitcast<f32>(F32_INF_BITS), -bitcast<f32>(F32_INF_BITS), x < 0.0); }
  let r = 0.5 * log1p_f(2.0 * a / (1.0 - a));
  return select(r, -r, x < 0.0);
}
// Near 0 the polynomial takes x itself (1 + x would round); compilers may fold the
// textbook (1 + x) − 1 trick away.
fn log1p_f(x: f32) -> f32 {
  if (x > -0.29289321881 && x < 0.41421356237) { return log_poly(x, 0); }
  let u = 1.0 + x;
  if (u < 0.0 || is_nan(x)) { return bitcast<f32>(F32_NAN_BITS); }
  if (u == 0.0) { return -bitcast<f32>(F32_INF_BITS); }
  if (is_inf(u)) { return u; }
  return log_pos(u);
}
// The exp and cosh built-ins give +inf for NaN on some drivers (SwiftShader).
fn exp_f(x: f32) -> f32 { if (is_nan(x)) { return x; } return exp(x); }
fn cosh_f(x: f32) -> f32 { if (is_nan(x)) { return x; } return cosh(x); }
fn expm1_f(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  let u = exp(x);
  if (u == 1.0) { return x; }
  let um1 = u - 1.0;
  if (um1 == -1.0) { return -1.0; }
  if (is_inf(u)) { return u; }
  return um1 * x / log_pos(u);
}
fn is_odd_integer_f(y: f32) -> bool { return trunc(y) == y && abs(y) % 2.0 == 1.0; }
// C99 Annex F.9.4.4's special values, which NumPy follows: pow(x, ±0) = 1 and pow(1, y) = 1
// even for NaN, pow(−1, ±inf) = 1, an odd integral y keeps the sign of a zero or infinite x.
fn pow_f(x: f32, y: f32) -> f32 {
  if (y == 0.0 || x == 1.0) { return 1.0; }
  if (is_nan(x) || is_nan(y)) { return bitcast<f32>(F32_NAN_BITS); }
  let inf = bitcast<f32>(F32_INF_BITS);
  let odd = is_odd_integer_f(y);
  if (x == 0.0) {
    if (y < 0.0) { return select(inf, copysign_f(inf, x), odd); }
    return select(0.0, x, odd);
  }
  if (is_inf(y)) {
    let ax = abs(x);
    if (ax == 1.0) { return 1.0; }
    return select(0.0, inf, (ax > 1.0) == (y > 0.0));
  }
  if (is_inf(x)) {
    let m = select(0.0, inf, y > 0.0);
    return select(m, -m, x < 0.0 && odd);
  }
  if (x > 0.0) { return exp2(y * log2(x)); }
  // Negative base: defined for integral exponents only.
  if (trunc(y) != y) { return bitcast<f32>(F32_NAN_BITS); }
  let m = exp2(y * log2(-x));
  return select(m, -m, odd);
}
// C99 Annex F.9.1.4: NaN propagates, a zero y keeps its sign, and a zero x counts as negative
// when its sign bit is set (atan2(+0, −0) = π); the built-in sees neither.
fn atan2_f(y: f32, x: f32) -> f32 {
  if (is_nan(x) || is_nan(y)) { return bitcast<f32>(F32_NAN_BITS); }
  let pi = 3.14159265358979;
  if (y == 0.0) { return select(y, copysign_f(pi, y), has_sign_bit(x)); }
  if (is_inf(y)) {
    let a = select(0.5 * pi, select(0.25 * pi, 0.75 * pi, x < 0.0), is_inf(x));
    return copysign_f(a, y);
  }
  if (x == 0.0) { return copysign_f(0.5 * pi, y); }
  if (is_inf(x)) { return copysign_f(select(0.0, pi, x < 0.0), y); }
  return atan2(y, x);
}
// C99 Annex F.9.4.3: an infinite argument gives +inf even when the other is NaN. Scaling by
// the larger magnitude avoids overflow and underflow in x² + y².
fn hypot_f(x: f32, y: f32) -> f32 {
  if (is_inf(x) || is_inf(y)) { return bitcast<f32>(F32_INF_BITS); }
  if (is_nan(x) || is_nan(y)) { return bitcast<f32>(F32_NAN_BITS); }
  let m = max(abs(x), abs(y));
  if (m == 0.0) { return 0.0; }
  return m * length(vec2<f32>(x, y) / m);
}
fn copysign_f(x: f32, y: f32) -> f32 {
  return bitcast<f32>((bitcast<u32>(x) & 0x7fffffffu) | (bitcast<u32>(y) & 0x80000000u));
}
fn logaddexp_f(x: f32, y: f32) -> f32 {
  if (is_nan(x) || is_nan(y)) { return bitcast<f32>(F32_NAN_BITS); }
  if (x == y) { return x + 0.69314718056; }
  let m = max(x, y);
  return m + log1p_f(exp_f(-abs(x - y)));
}
fn nextafter_f(x: f32, y: f32) -> f32 {
  if (is_nan(x) || is_nan(y)) { return x + y; }
  if (x == y) { return y; }
  if (x == 0.0) { return select(bitcast<f32>(1u), bitcast<f32>(0x80000001u), y < 0.0); }
  let b = bitcast<u32>(x);
  let away = (x < y) == (x > 0.0);
  return bitcast<f32>(select(b - 1u, b + 1u, away));
}
// C's fmod: the result has the dividend's sign; the special values are guarded so that they
// do not depend on how the compiler lowers %.
fn fmod_f(a: f32, b: f32) -> f32 {
  if (is_nan(a) || is_nan(b) || is_inf(a) || b == 0.0) { return bitcast<f32>(F32_NAN_BITS); }
  if (is_inf(b)) { return a; }
  return a % b;
}
// Floored division as NumPy's divmod defines it (npymath): the remainder takes the divisor's
// sign, a zero remainder too, and the quotient (a − remainder) / b is rounded to the integer it
// should be. Returns (quotient, remainder).
fn divmod_f(a: f32, b: f32) -> vec2<f32> {
  let nan = bitcast<f32>(F32_NAN_BITS);
  if (b == 0.0) { return vec2<f32>(a / b, nan); }
  var r = fmod_f(a, b);
  if (is_nan(r)) { return vec2<f32>(nan, nan); }
  var q = (a - r) / b;
  if (r == 0.0) {
    r = copysign_f(0.0, b);
  } else if ((b < 0.0) != (r < 0.0)) {
    r = r + b;
    q = q - 1.0;
  }
  if (q == 0.0) { return vec2<f32>(copysign_f(0.0, a / b), r); }
  var fq = floor(q);
  if (q - fq > 0.5) { fq = fq + 1.0; }
  return vec2<f32>(fq, r);
}
// NaN is unequal to everything; WGSL's != is an ordered comparison on some drivers.
fn not_equal_f(x: f32, y: f32) -> bool { return x != y || is_nan(x) || is_nan(y); }
`;

const INT_MATH = `
fn pow_i(b0: i32, e0: i32) -> i32 {
  if (e0 < 0) { return select(select(0, select(1, -1, (e0 & 1) == 1), b0 == -1), 1, b0 == 1); }
  var r = 1; var b = b0; var e = e0;
  loop { if (e == 0) { break; } if ((e & 1) == 1) { r = r * b; } b = b * b; e = e >> 1u; }
  return r;
}
fn pow_u(b0: u32, e0: u32) -> u32 {
  var r = 1u; var b = b0; var e = e0;
  loop { if (e == 0u) { break; } if ((e & 1u) == 1u) { r = r * b; } b = b * b; e = e >> 1u; }
  return r;
}
fn floordiv_i(a: i32, b: i32) -> i32 {
  if (b == 0) { return 0; }
  let q = a / b;
  return select(q, q - 1, (a % b != 0) && ((a < 0) != (b < 0)));
}
fn remainder_i(a: i32, b: i32) -> i32 {
  if (b == 0) { return 0; }
  var r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) { r = r + b; }
  return r;
}
`;

const HELPERS = F32_HELPERS + COMPLEX_HELPERS + FLOAT_MATH + INT_MATH;

export type UnaryName =
  | 'abs'
  | 'acos'
  | 'acosh'
  | 'asin'
  | 'asinh'
  | 'atan'
  | 'atanh'
  | 'bitwiseInvert'
  | 'ceil'
  | 'conj'
  | 'cos'
  | 'cosh'
  | 'exp'
  | 'expm1'
  | 'floor'
  | 'imag'
  | 'isfinite'
  | 'isinf'
  | 'isnan'
  | 'log'
  | 'log1p'
  | 'log2'
  | 'log10'
  | 'logicalNot'
  | 'negative'
  | 'positive'
  | 'real'
  | 'reciprocal'
  | 'round'
  | 'sign'
  | 'signbit'
  | 'sin'
  | 'sinh'
  | 'square'
  | 'sqrt'
  | 'tan'
  | 'tanh'
  | 'trunc';

export type BinaryName =
  | 'add'
  | 'atan2'
  | 'bitwiseAnd'
  | 'bitwiseLeftShift'
  | 'bitwiseOr'
  | 'bitwiseRightShift'
  | 'bitwiseXor'
  | 'copysign'
  | 'divide'
  | 'equal'
  | 'floorDivide'
  | 'greater'
  | 'greaterEqual'
  | 'hypot'
  | 'less'
  | 'lessEqual'
  | 'logaddexp'
  | 'logicalAnd'
  | 'logicalOr'
  | 'logicalXor'
  | 'maximum'
  | 'minimum'
  | 'multiply'
  | 'nextafter'
  | 'notEqual'
  | 'pow'
  | 'remainder'
  | 'subtract';

function refuse(name: string, dtype: GPUDType, hint = 'Convert the input with astype() first.'): never {
  throw new DtypeError(`${name} is not defined for ${dtype} input on the GPU.`, { argument: 'x', hint });
}

const floatOf = (d: GPUDType): GPUDType => (d === 'float16' || d === 'float32' ? d : 'float32');
const isFloatReal = (d: GPUDType) => d === 'float32' || d === 'float16';

/** A spec whose expression runs on f32 even for f16 input (the helpers are f32). */
function viaF32(op: string, d: GPUDType, result: GPUDType, expr: (a: string[]) => string): MapSpec {
  return {
    op,
    compute: [d],
    result,
    expr: (a) => {
      const out = expr(d === 'float16' ? [`f32(${a[0]})`] : [...a]);
      return d === 'float16' && result === 'float16' ? `f16(${out})` : out;
    },
    helpers: HELPERS,
  };
}

const FLOAT_UNARY: Partial<Record<UnaryName, (a: string) => string>> = {
  acos: (a) => `acos_f(${a})`,
  acosh: (a) => `acosh_f(${a})`,
  asin: (a) => `asin_f(${a})`,
  asinh: (a) => `asinh_f(${a})`,
  atan: (a) => `atan(${a})`,
  atanh: (a) => `atanh_f(${a})`,
  cos: (a) => `cos_f(${a})`,
  cosh: (a) => `cosh_f(${a})`,
  exp: (a) => `exp_f(${a})`,
  expm1: (a) => `expm1_f(${a})`,
  log: (a) => `log_f(${a})`,
  log1p: (a) => `log1p_f(${a})`,
  log2: (a) => `log2_f(${a})`,
  log10: (a) => `(log_f(${a}) * 0.4342944819032518)`,
  sin: (a) => `sin_f(${a})`,
  sinh: (a) => `sinh_f(${a})`,
  sqrt: (a) => `sqrt_f(${a})`,
  tan: (a) => `tan_f(${a})`,
  tanh: (a) => `tanh_f(${a})`,
  reciprocal: (a) => `(1.0 / ${a})`,
};

const COMPLEX_UNARY: Partial<Record<UnaryName, (a: string) => string>> = {
  exp: (a) => `c_exp(${a})`,
  log: (a) => `c_log(${a})`,
  sqrt: (a) => `c_sqrt(${a})`,
  sin: (a) => `c_sin(${a})`,
  cos: (a) => `c_cos(${a})`,
  sinh: (a) => `c_sinh(${a})`,
  cosh: (a) => `c_cosh(${a})`,
  tan: (a) => `c_tan(${a})`,
  tanh: (a) => `c_tanh(${a})`,
  reciprocal: (a) => `c_div(vec2<f32>(1.0, 0.0), ${a})`,
  expm1: (a) => `(c_exp(${a}) - vec2<f32>(1.0, 0.0))`,
  log1p: (a) => `c_log1p(${a})`,
  log2: (a) => `(c_log(${a}) * 1.44269504089)`,
  log10: (a) => `(c_log(${a}) * 0.43429448190)`,
};

export function unarySpec(name: UnaryName, d: GPUDType): MapSpec {
  const simple = (result: GPUDType, expr: (a: string) => string, compute: GPUDType = d): MapSpec => ({
    op: name,
    compute: [compute],
    result,
    expr: (a) => expr(a[0]),
    helpers: HELPERS,
  });
  const complex = isComplex(d);
  switch (name) {
    case 'positive':
      if (d === 'bool') refuse(name, d);
      return simple(d, (a) => a);
    case 'negative':
      if (d === 'bool') refuse(name, d, 'Use logicalNot for booleans.');
      return simple(d, (a) => (d === 'uint32' ? `(0u - ${a})` : `(-${a})`));
    case 'abs':
      if (complex) return simple('float32', (a) => `c_abs(${a})`);
      if (d === 'bool') refuse(name, d);
      return simple(d, (a) => (d === 'uint32' ? a : `abs(${a})`));
    case 'square':
      if (complex) return simple(d, (a) => `c_mul(${a}, ${a})`);
      if (d === 'bool') refuse(name, d);
      return simple(d, (a) => `(${a} * ${a})`);
    case 'sign':
      if (complex) return simple(d, (a) => `select(${a} / c_abs(${a}), vec2<f32>(0.0), c_abs(${a}) == 0.0)`);
      if (d === 'bool') refuse(name, d);
      if (d === 'uint32') return simple(d, (a) => `select(0u, 1u, ${a} > 0u)`);
      if (d === 'int32') return simple(d, (a) => `sign(${a})`);
      return viaF32(name, d, d, ([a]) => `select(sign(${a}), ${a}, is_nan(${a}))`);
    case 'conj':
      if (complex) return simple(d, (a) => `vec2<f32>(${a}.x, -${a}.y)`);
      if (d === 'bool') refuse(name, d);
      return simple(d, (a) => a);
    case 'real':
      if (complex) return simple('float32', (a) => `${a}.x`);
      if (d === 'bool') refuse(name, d);
      return simple(d, (a) => a);
    case 'imag':
      if (complex) return simple('float32', (a) => `${a}.y`);
      if (d === 'bool') refuse(name, d);
      return simple(d, () => (d === 'uint32' ? '0u' : d === 'int32' ? '0' : `${d === 'float16' ? 'f16' : 'f32'}(0.0)`));
    case 'floor':
    case 'ceil':
    case 'trunc':
    case 'round':
      // Complex round rounds both parts (half to even, like WGSL's round).
      if (complex && name === 'round') return simple(d, (a) => `round(${a})`);
      if (complex || d === 'bool') refuse(name, d);
      if (!isFloatReal(d)) return simple(d, (a) => a);
      return simple(d, (a) => `${name}(${a})`);
    case 'isnan':
    case 'isinf':
    case 'isfinite': {
      if (d === 'bool' || !(complex || isFloatReal(d))) return simple('bool', () => (name === 'isfinite' ? 'true' : 'false'));
      const test = (v: string) =>
        name === 'isnan' ? `is_nan(${v})` : name === 'isinf' ? `is_inf(${v})` : `!(is_nan(${v}) || is_inf(${v}))`;
      if (complex) {
        return simple('bool', (a) =>
          name === 'isfinite' ? `(${test(`${a}.x`)} && ${test(`${a}.y`)})` : `(${test(`${a}.x`)} || ${test(`${a}.y`)})`,
        );
      }
      return viaF32(name, d, 'bool', ([a]) => test(a));
    }
    case 'signbit':
      if (complex || d === 'bool' || !isFloatReal(d)) refuse(name, d);
      return viaF32(name, d, 'bool', ([a]) => `((bitcast<u32>(${a}) >> 31u) == 1u)`);
    case 'logicalNot':
      return simple('bool', (a) => `!${a}`, 'bool');
    case 'bitwiseInvert':
      if (complex || isFloatReal(d)) refuse(name, d, 'bitwiseInvert takes integers or booleans.');
      return simple(d, (a) => (d === 'bool' ? `!${a}` : `~${a}`));
    default: {
      if (complex) {
        const f = COMPLEX_UNARY[name];
        if (!f) refuse(name, d, 'This function is available for real input on the GPU; for complex input compute it on the host.');
        return simple(d, f);
      }
      const f = FLOAT_UNARY[name];
      if (!f) refuse(name, d);
      if (d === 'bool') refuse(name, d);
      const fd = floatOf(d);
      return { ...viaF32(name, fd, fd, ([a]) => f(a)), compute: [fd] };
    }
  }
}

export function binarySpec(name: BinaryName, a: GPUDType, b: GPUDType): MapSpec {
  const d = promoteTypes(a, b);
  const complex = isComplex(d);
  const spec = (compute: GPUDType, result: GPUDType, expr: (x: string, y: string) => string): MapSpec => ({
    op: name,
    compute: [compute, compute],
    result,
    expr: (v) => expr(v[0], v[1]),
    helpers: HELPERS,
  });
  // Float expression evaluated on f32 values even for f16 inputs (the helpers are f32);
  // `result` is the float compute dtype or bool.
  const real = (result: GPUDType, expr: (x: string, y: string) => string): MapSpec => {
    const fd = floatOf(d === 'bool' ? 'float32' : d);
    const widen = fd === 'float16';
    return spec(fd, result, (x, y) => {
      const out = expr(widen ? `f32(${x})` : x, widen ? `f32(${y})` : y);
      return widen && result === 'float16' ? `f16(${out})` : out;
    });
  };
  const numericOnly = () => {
    if (d === 'bool') refuse(name, d);
  };
  switch (name) {
    case 'add':
      numericOnly();
      return spec(d, d, (x, y) => `(${x} + ${y})`);
    case 'subtract':
      numericOnly();
      return spec(d, d, (x, y) => `(${x} - ${y})`);
    case 'multiply':
      numericOnly();
      return spec(d, d, (x, y) => (complex ? `c_mul(${x}, ${y})` : `(${x} * ${y})`));
    case 'divide': {
      numericOnly();
      if (complex) return spec(d, d, (x, y) => `c_div(${x}, ${y})`);
      const fd = floatOf(d);
      return spec(fd, fd, (x, y) => `(${x} / ${y})`);
    }
    case 'floorDivide':
      numericOnly();
      if (complex) refuse(name, d);
      if (d === 'int32') return spec(d, d, (x, y) => `floordiv_i(${x}, ${y})`);
      if (d === 'uint32') return spec(d, d, (x, y) => `select(${x} / ${y}, 0u, ${y} == 0u)`);
      return real(floatOf(d), (x, y) => `divmod_f(${x}, ${y}).x`);
    case 'remainder':
      numericOnly();
      if (complex) refuse(name, d);
      if (d === 'int32') return spec(d, d, (x, y) => `remainder_i(${x}, ${y})`);
      if (d === 'uint32') return spec(d, d, (x, y) => `select(${x} % ${y}, 0u, ${y} == 0u)`);
      return real(floatOf(d), (x, y) => `divmod_f(${x}, ${y}).y`);
    case 'pow':
      numericOnly();
      if (complex) return spec(d, d, (x, y) => `c_pow(${x}, ${y})`);
      if (d === 'int32') return spec(d, d, (x, y) => `pow_i(${x}, ${y})`);
      if (d === 'uint32') return spec(d, d, (x, y) => `pow_u(${x}, ${y})`);
      return real(floatOf(d), (x, y) => `pow_f(${x}, ${y})`);
    case 'maximum':
    case 'minimum': {
      numericOnly();
      if (complex) refuse(name, d, 'Complex numbers have no order.');
      const fn = name === 'maximum' ? 'max' : 'min';
      if (d === 'int32' || d === 'uint32') return spec(d, d, (x, y) => `${fn}(${x}, ${y})`);
      return real(d, (x, y) => `select(select(${fn}(${x}, ${y}), ${y}, is_nan(${y})), ${x}, is_nan(${x}))`);
    }
    case 'atan2':
    case 'hypot':
    case 'copysign':
    case 'logaddexp':
    case 'nextafter': {
      if (complex) refuse(name, d);
      const fd = floatOf(d === 'bool' ? 'float32' : d);
      const fn = { atan2: 'atan2_f', hypot: 'hypot_f', copysign: 'copysign_f', logaddexp: 'logaddexp_f', nextafter: 'nextafter_f' }[name];
      if (name === 'nextafter' && fd === 'float16') refuse(name, d, 'nextafter on float16 is not implemented; use float32.');
      return real(fd, (x, y) => `${fn}(${x}, ${y})`);
    }
    case 'equal':
      return spec(d, 'bool', (x, y) => (complex ? `all(${x} == ${y})` : `(${x} == ${y})`));
    case 'notEqual':
      if (complex) return spec(d, 'bool', (x, y) => `(not_equal_f(${x}.x, ${y}.x) || not_equal_f(${x}.y, ${y}.y))`);
      if (isFloatReal(d)) return real('bool', (x, y) => `not_equal_f(${x}, ${y})`);
      return spec(d, 'bool', (x, y) => `(${x} != ${y})`);
    case 'less':
    case 'lessEqual':
    case 'greater':
    case 'greaterEqual': {
      if (complex) refuse(name, d, 'Complex numbers have no order.');
      const op = { less: '<', lessEqual: '<=', greater: '>', greaterEqual: '>=' }[name];
      return spec(d, 'bool', (x, y) => `(${x} ${op} ${y})`);
    }
    case 'logicalAnd':
    case 'logicalOr':
    case 'logicalXor': {
      const op = { logicalAnd: '&&', logicalOr: '||', logicalXor: '!=' }[name];
      return spec('bool', 'bool', (x, y) => `(${x} ${op} ${y})`);
    }
    case 'bitwiseAnd':
    case 'bitwiseOr':
    case 'bitwiseXor': {
      if (complex || isFloatReal(d)) refuse(name, d, `${name} takes integers or booleans.`);
      if (d === 'bool') {
        const op = { bitwiseAnd: '&&', bitwiseOr: '||', bitwiseXor: '!=' }[name];
        return spec(d, d, (x, y) => `(${x} ${op} ${y})`);
      }
      const op = { bitwiseAnd: '&', bitwiseOr: '|', bitwiseXor: '^' }[name];
      return spec(d, d, (x, y) => `(${x} ${op} ${y})`);
    }
    case 'bitwiseLeftShift':
    case 'bitwiseRightShift': {
      if (d !== 'int32' && d !== 'uint32') refuse(name, d, `${name} takes integers.`);
      const zero = d === 'int32' ? '0' : '0u';
      if (name === 'bitwiseLeftShift') {
        return spec(d, d, (x, y) => `select(${x} << u32(${y}), ${zero}, u32(${y}) >= 32u)`);
      }
      // Shifting right by ≥ 32 leaves the sign (NumPy).
      const fill = d === 'int32' ? (x: string) => `select(0, -1, ${x} < 0)` : () => '0u';
      return spec(d, d, (x, y) => `select(${x} >> u32(${y}), ${fill(x)}, u32(${y}) >= 32u)`);
    }
  }
}
