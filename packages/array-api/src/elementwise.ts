/**
 * Elementwise functions of the Array API standard. Real special cases (NaN, ±0, ±inf)
 * follow IEEE 754 as JS `Math` does, with the standard's exceptions handled in
 * real-math.ts; complex ones follow C99 Annex G (complex-math.ts).
 */
import * as C from './complex-math.js';
import { type DType, dtypeInfo, realDtypeOf } from './dtypes.js';
import {
  ALL,
  defineBinary,
  defineUnary,
  dtypeClass,
  FLOATING,
  floatResult,
  INTEGER_OR_BOOL,
  NUMERIC,
  REAL_ALL,
  REAL_FLOATING,
  REAL_NUMERIC,
} from './elementwise-core.js';
import type { NumFn2 } from './kernels.js';
import * as R from './real-math.js';

const same = (d: DType) => d;
const toBool = (_d: DType): DType => 'bool';
const is32 = (d: DType) => d === 'int32' || d === 'uint32';
const isInt = (d: DType) => dtypeClass(d) === 'integer';
const isBoolOrInt = (d: DType) => d === 'bool' || isInt(d);

/** Wraps a real function for the complex domain's real-output slot. */
function floatUnary(name: string, f: (v: number) => number, c?: C.ComplexFn1) {
  return defineUnary({
    name,
    accepts: c ? NUMERIC.concat(['bool']) : REAL_ALL,
    out: floatResult,
    compute: (d) => (dtypeInfo(d).isBigInt ? 'float64' : d),
    num: () => f,
    cplx: c ? () => c : undefined,
  });
}

// ------------------------------------------------------------------ arithmetic

export const add = defineBinary({
  name: 'add',
  fast: 'add',
  accepts: ALL,
  out: same,
  num: () => (a, b) => a + b,
  big: () => (a, b) => a + b,
  cplx: () => (ar, ai, br, bi, o) => {
    o[0] = ar + br;
    o[1] = ai + bi;
  },
});

export const subtract = defineBinary({
  name: 'subtract',
  fast: 'subtract',
  accepts: NUMERIC,
  out: same,
  num: () => (a, b) => a - b,
  big: () => (a, b) => a - b,
  cplx: () => (ar, ai, br, bi, o) => {
    o[0] = ar - br;
    o[1] = ai - bi;
  },
});

export const multiply = defineBinary({
  name: 'multiply',
  fast: 'multiply',
  accepts: ALL,
  out: same,
  // 32-bit integer products exceed 2^53; Math.imul wraps exactly like C.
  num: (d): NumFn2 => (is32(d) ? (a, b) => Math.imul(a, b) : (a, b) => a * b),
  big: () => (a, b) => a * b,
  cplx: () => C.cmul,
});

export const divide = defineBinary({
  name: 'divide',
  fast: 'divide',
  accepts: NUMERIC.concat(['bool']),
  out: floatResult,
  compute: (d) => (isBoolOrInt(d) ? 'float64' : d),
  num: () => (a, b) => a / b,
  cplx: () => C.cdiv,
});

export const floorDivide = defineBinary({
  name: 'floorDivide',
  accepts: REAL_NUMERIC,
  out: same,
  num: (d) => (isInt(d) ? R.floorDivideInt : R.floorDivideFloat),
  big: () => (a, b) => {
    if (b === 0n) return 0n;
    const q = a / b;
    return (a % b !== 0n) && ((a < 0n) !== (b < 0n)) ? q - 1n : q;
  },
});

export const remainder = defineBinary({
  name: 'remainder',
  accepts: REAL_NUMERIC,
  out: same,
  num: (d) => (isInt(d) ? R.remainderInt : R.remainderFloat),
  big: () => (a, b) => {
    if (b === 0n) return 0n;
    const m = a % b;
    return m !== 0n && (m < 0n) !== (b < 0n) ? m + b : m;
  },
});

export const pow = defineBinary({
  name: 'pow',
  accepts: NUMERIC,
  out: same,
  num: (d) => (isInt(d) ? R.powInt32 : R.powFloat),
  big: () => (a, b) => {
    if (b < 0n) {
      if (a === 1n) return 1n;
      if (a === -1n) return b % 2n === 0n ? 1n : -1n;
      throw new RangeError('Integers to negative integer powers are not allowed.');
    }
    return a ** b;
  },
  cplx: () => C.cpow,
});

export const negative = defineUnary({
  name: 'negative',
  accepts: NUMERIC,
  out: same,
  num: () => (v) => -v,
  big: () => (v) => -v,
  cplx: () => (re, im, o) => {
    o[0] = -re;
    o[1] = -im;
  },
});

export const positive = defineUnary({
  name: 'positive',
  accepts: NUMERIC,
  out: same,
  num: () => (v) => v,
  big: () => (v) => v,
  cplx: () => (re, im, o) => {
    o[0] = re;
    o[1] = im;
  },
});

export const square = defineUnary({
  name: 'square',
  accepts: NUMERIC,
  out: same,
  num: (d) => (is32(d) ? (v) => Math.imul(v, v) : (v) => v * v),
  big: () => (v) => v * v,
  cplx: () => (re, im, o) => C.cmul(re, im, re, im, o),
});

export const reciprocal = defineUnary({
  name: 'reciprocal',
  accepts: FLOATING,
  out: same,
  num: () => (v) => 1 / v,
  cplx: () => (re, im, o) => C.cdiv(1, 0, re, im, o),
});

export const abs = defineUnary({
  name: 'abs',
  accepts: NUMERIC,
  out: realDtypeOf,
  num: () => Math.abs,
  big: () => (v) => (v < 0n ? -v : v),
  cplx: () => (re, im, o) => {
    o[0] = Math.hypot(re, im);
  },
});

export const sign = defineUnary({
  name: 'sign',
  accepts: NUMERIC,
  out: same,
  num: () => (v) => (v > 0 ? 1 : v < 0 ? -1 : v === 0 ? 0 : Number.NaN),
  big: () => (v) => (v > 0n ? 1n : v < 0n ? -1n : 0n),
  cplx: () => C.csign,
});

// ------------------------------------------------------------------ exponentials, logs, powers

export const exp = floatUnary('exp', Math.exp, C.cexp);
export const expm1 = floatUnary('expm1', Math.expm1, C.cexpm1);
export const log = floatUnary('log', Math.log, C.clog);
export const log1p = floatUnary('log1p', Math.log1p, C.clog1p);
export const log2 = floatUnary('log2', Math.log2, (re, im, o) => {
  C.clog(re, im, o);
  o[0] /= Math.LN2;
  o[1] /= Math.LN2;
});
export const log10 = floatUnary('log10', Math.log10, (re, im, o) => {
  C.clog(re, im, o);
  o[0] /= Math.LN10;
  o[1] /= Math.LN10;
});
export const sqrt = floatUnary('sqrt', Math.sqrt, C.csqrt);

export const logaddexp = defineBinary({
  name: 'logaddexp',
  accepts: REAL_NUMERIC.concat(['bool']),
  out: floatResult,
  compute: (d) => (isBoolOrInt(d) ? 'float64' : d),
  num: () => R.logaddexp,
});

export const hypot = defineBinary({
  name: 'hypot',
  accepts: REAL_FLOATING,
  out: same,
  num: () => Math.hypot,
});

export const atan2 = defineBinary({
  name: 'atan2',
  accepts: REAL_FLOATING,
  out: same,
  num: () => Math.atan2,
});

export const copysign = defineBinary({
  name: 'copysign',
  accepts: REAL_FLOATING,
  out: same,
  num: () => R.copysign,
});

export const nextafter = defineBinary({
  name: 'nextafter',
  accepts: REAL_FLOATING,
  out: same,
  num: (d) => (d === 'float32' ? R.nextafter32 : R.nextafter64),
});

// ------------------------------------------------------------------ trigonometric, hyperbolic

export const sin = floatUnary('sin', Math.sin, C.csin);
export const cos = floatUnary('cos', Math.cos, C.ccos);
export const tan = floatUnary('tan', Math.tan, C.ctan);
export const asin = floatUnary('asin', Math.asin, C.casin);
export const acos = floatUnary('acos', Math.acos, C.cacos);
export const atan = floatUnary('atan', Math.atan, C.catan);
export const sinh = floatUnary('sinh', Math.sinh, C.csinh);
export const cosh = floatUnary('cosh', Math.cosh, C.ccosh);
export const tanh = floatUnary('tanh', Math.tanh, C.ctanh);
export const asinh = floatUnary('asinh', Math.asinh, C.casinh);
export const acosh = floatUnary('acosh', Math.acosh, C.cacosh);
export const atanh = floatUnary('atanh', Math.atanh, C.catanh);

// ------------------------------------------------------------------ rounding

function rounding(name: string, f: (v: number) => number) {
  // Integers are already whole: return them unchanged (NumPy 2 keeps the dtype).
  return defineUnary({
    name,
    accepts: REAL_NUMERIC.concat(['bool']),
    out: same,
    num: (d) => (isBoolOrInt(d) ? (v) => v : f),
    big: () => (v) => v,
  });
}
export const ceil = rounding('ceil', Math.ceil);
export const floor = rounding('floor', Math.floor);
export const trunc = rounding('trunc', Math.trunc);
export const round = defineUnary({
  name: 'round',
  accepts: NUMERIC,
  out: same,
  num: (d) => (isInt(d) ? (v) => v : R.roundHalfEven),
  big: () => (v) => v,
  cplx: () => (re, im, o) => {
    o[0] = R.roundHalfEven(re);
    o[1] = R.roundHalfEven(im);
  },
});

// ------------------------------------------------------------------ complex parts

export const real = defineUnary({
  name: 'real',
  accepts: NUMERIC,
  out: realDtypeOf,
  num: () => (v) => v,
  big: () => (v) => v,
  cplx: () => (re, _im, o) => {
    o[0] = re;
  },
});
export const imag = defineUnary({
  name: 'imag',
  accepts: NUMERIC,
  out: realDtypeOf,
  num: () => () => 0,
  big: () => () => 0n,
  cplx: () => (_re, im, o) => {
    o[0] = im;
  },
});
export const conj = defineUnary({
  name: 'conj',
  accepts: NUMERIC,
  out: same,
  num: () => (v) => v,
  big: () => (v) => v,
  cplx: () => (re, im, o) => {
    o[0] = re;
    o[1] = -im;
  },
});

// ------------------------------------------------------------------ classification

export const isnan = defineUnary({
  name: 'isnan',
  accepts: ALL,
  out: toBool,
  num: () => (v) => Number.isNaN(v),
  big: () => () => false,
  cplx: () => (re, im, o) => {
    o[0] = Number.isNaN(re) || Number.isNaN(im) ? 1 : 0;
  },
});
export const isinf = defineUnary({
  name: 'isinf',
  accepts: ALL,
  out: toBool,
  num: () => (v) => v === Infinity || v === -Infinity,
  big: () => () => false,
  cplx: () => (re, im, o) => {
    o[0] = Math.abs(re) === Infinity || Math.abs(im) === Infinity ? 1 : 0;
  },
});
export const isfinite = defineUnary({
  name: 'isfinite',
  accepts: ALL,
  out: toBool,
  num: () => Number.isFinite,
  big: () => () => true,
  cplx: () => (re, im, o) => {
    o[0] = Number.isFinite(re) && Number.isFinite(im) ? 1 : 0;
  },
});
export const signbit = defineUnary({
  name: 'signbit',
  accepts: REAL_FLOATING,
  out: toBool,
  num: () => R.signbit,
});

// ------------------------------------------------------------------ comparison

function comparison(name: string, f: NumFn2, g: (a: bigint, b: bigint) => boolean, accepts = REAL_ALL) {
  return defineBinary({ name, accepts, out: toBool, num: () => f, big: () => g });
}
export const less = comparison('less', (a, b) => a < b, (a, b) => a < b);
export const lessEqual = comparison('lessEqual', (a, b) => a <= b, (a, b) => a <= b);
export const greater = comparison('greater', (a, b) => a > b, (a, b) => a > b);
export const greaterEqual = comparison('greaterEqual', (a, b) => a >= b, (a, b) => a >= b);
export const equal = defineBinary({
  name: 'equal',
  accepts: ALL,
  out: toBool,
  num: () => (a, b) => a === b,
  big: () => (a, b) => a === b,
  cplx: () => (ar, ai, br, bi, o) => {
    o[0] = ar === br && ai === bi ? 1 : 0;
  },
});
export const notEqual = defineBinary({
  name: 'notEqual',
  accepts: ALL,
  out: toBool,
  num: () => (a, b) => a !== b,
  big: () => (a, b) => a !== b,
  cplx: () => (ar, ai, br, bi, o) => {
    o[0] = ar !== br || ai !== bi ? 1 : 0;
  },
});

// NumPy's maximum/minimum: NaN propagates; on ties the second operand is returned.
export const maximum = defineBinary({
  name: 'maximum',
  accepts: REAL_NUMERIC.concat(['bool']),
  out: same,
  num: () => (a, b) => (a > b || Number.isNaN(a) ? a : b),
  // biome-ignore lint/complexity/useMathMinMax: bigint operands; Math.max takes numbers only
  big: () => (a, b) => (a > b ? a : b),
});
export const minimum = defineBinary({
  name: 'minimum',
  accepts: REAL_NUMERIC.concat(['bool']),
  out: same,
  num: () => (a, b) => (a < b || Number.isNaN(a) ? a : b),
  // biome-ignore lint/complexity/useMathMinMax: bigint operands; Math.min takes numbers only
  big: () => (a, b) => (a < b ? a : b),
});

// ------------------------------------------------------------------ logical

const truthy = (v: number) => v !== 0;
export const logicalAnd = defineBinary({
  name: 'logicalAnd',
  accepts: ['bool'],
  out: toBool,
  num: () => (a, b) => truthy(a) && truthy(b),
});
export const logicalOr = defineBinary({
  name: 'logicalOr',
  accepts: ['bool'],
  out: toBool,
  num: () => (a, b) => truthy(a) || truthy(b),
});
export const logicalXor = defineBinary({
  name: 'logicalXor',
  accepts: ['bool'],
  out: toBool,
  num: () => (a, b) => truthy(a) !== truthy(b),
});
export const logicalNot = defineUnary({
  name: 'logicalNot',
  accepts: ['bool'],
  out: toBool,
  num: () => (v) => v === 0,
});

// ------------------------------------------------------------------ bitwise

export const bitwiseAnd = defineBinary({
  name: 'bitwiseAnd',
  accepts: INTEGER_OR_BOOL,
  out: same,
  num: () => (a, b) => a & b,
  big: () => (a, b) => a & b,
});
export const bitwiseOr = defineBinary({
  name: 'bitwiseOr',
  accepts: INTEGER_OR_BOOL,
  out: same,
  num: () => (a, b) => a | b,
  big: () => (a, b) => a | b,
});
export const bitwiseXor = defineBinary({
  name: 'bitwiseXor',
  accepts: INTEGER_OR_BOOL,
  out: same,
  num: () => (a, b) => a ^ b,
  big: () => (a, b) => a ^ b,
});
export const bitwiseInvert = defineUnary({
  name: 'bitwiseInvert',
  accepts: INTEGER_OR_BOOL,
  out: same,
  num: (d) => (d === 'bool' ? (v) => (v === 0 ? 1 : 0) : (v) => ~v),
  big: () => (v) => ~v,
});
export const bitwiseLeftShift = defineBinary({
  name: 'bitwiseLeftShift',
  accepts: ['integer'],
  out: same,
  // JS masks shift counts to 5 bits; C-style shifts past the width give 0.
  num: (d) => {
    const bits = dtypeInfo(d).itemsize * 8;
    return (a, b) => (b >= bits || b >= 32 ? 0 : a << b);
  },
  big: () => (a, b) => (b >= 64n ? 0n : a << b),
});
export const bitwiseRightShift = defineBinary({
  name: 'bitwiseRightShift',
  accepts: ['integer'],
  out: same,
  num: (d) => {
    const unsigned = dtypeInfo(d).kind === 'unsigned integer';
    return unsigned ? (a, b) => (b >= 32 ? 0 : a >>> b) : (a, b) => (b >= 32 ? (a < 0 ? -1 : 0) : a >> b);
  },
  big: () => (a, b) => a >> (b > 64n ? 64n : b),
});

// ------------------------------------------------------------------ clip


