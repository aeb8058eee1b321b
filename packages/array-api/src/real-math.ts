/** Real scalar helpers whose IEEE/standard semantics JS `Math` does not give directly. */

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);
const u32hi = new Uint32Array(f64.buffer);
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
// Index of the high word of a float64 on this platform's endianness.
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** Sign bit, including for −0 and negative NaN. */
export function signbit(v: number): boolean {
  f64[0] = v;
  return (u32hi[HI] & 0x80000000) !== 0;
}

export function copysign(mag: number, sgn: number): number {
  const neg = signbit(sgn);
  f64[0] = mag;
  u32hi[HI] = neg ? u32hi[HI] | 0x80000000 : u32hi[HI] & 0x7fffffff;
  return f64[0];
}

/** Round half to even (the standard's `round`). */
export function roundHalfEven(v: number): number {
  if (!Number.isFinite(v)) return v;
  const r = Math.round(v);
  // Math.round rounds .5 up; fix ties to even. Keep the sign of zero.
  if (Math.abs(v - Math.trunc(v)) === 0.5 && r % 2 !== 0) return copysign(r - 1, v);
  return r === 0 ? copysign(0, v) : r;
}

/** Python/NumPy `%`: result has the sign of the divisor. */
export function remainderFloat(a: number, b: number): number {
  if (b === 0 || !Number.isFinite(a) || Number.isNaN(b)) return NaN;
  if (!Number.isFinite(b)) {
    // NumPy: x % ±inf is x when signs agree (or x is 0), else ±inf... follow fmod + sign fix.
    if (a === 0) return copysign(0, b);
    return (a < 0) === (b < 0) ? a : b;
  }
  let m = a % b;
  if (m !== 0 && m < 0 !== b < 0) m += b;
  return m === 0 ? copysign(0, b) : m;
}

/** NumPy's floor_divide for floats: floor((a − a mod b) / b), matching divmod. */
export function floorDivideFloat(a: number, b: number): number {
  if (b === 0) return a === 0 || Number.isNaN(a) ? NaN : a / b;
  if (!Number.isFinite(a) || Number.isNaN(b)) return NaN;
  // The standard (not NumPy, which gives −1 for −5 // inf) says ±0 here.
  if (!Number.isFinite(b)) return copysign(0, a / b);
  const mod = a % b;
  let div = (a - mod) / b;
  if (mod !== 0 && b < 0 !== mod < 0) div -= 1;
  if (div === 0) return copysign(0, a / b);
  const fl = Math.floor(div);
  return div - fl > 0.5 ? fl + 1 : fl;
}

export function floorDivideInt(a: number, b: number): number {
  if (b === 0) return 0;
  return Math.floor(a / b);
}

export function remainderInt(a: number, b: number): number {
  if (b === 0) return 0;
  const m = a % b;
  return m !== 0 && m < 0 !== b < 0 ? m + b : m;
}

/** pow with the standard's special cases that differ from JS (1**NaN, (−1)**±inf). */
export function powFloat(a: number, b: number): number {
  if (a === 1) return 1;
  if (a === -1 && (b === Infinity || b === -Infinity)) return 1;
  return a ** b;
}

/** log(exp(a) + exp(b)) without overflow. */
export function logaddexp(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
  if (a === b) return a + Math.LN2;
  const m = Math.max(a, b);
  if (m === Infinity) return Infinity;
  const d = -Math.abs(a - b);
  return m + Math.log1p(Math.exp(d));
}

export function nextafter64(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
  if (a === b) return b;
  if (a === 0) return copysign(Number.MIN_VALUE, b);
  f64[0] = a;
  if (a < b === a > 0) u64[0] += 1n;
  else u64[0] -= 1n;
  return f64[0];
}

export function nextafter32(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
  if (a === b) return b;
  if (a === 0) {
    u32[0] = 1;
    return copysign(f32[0], b);
  }
  f32[0] = a;
  if (a < b === a > 0) u32[0] += 1;
  else u32[0] -= 1;
  return f32[0];
}

/** Integer power by squaring with 32-bit wrap-around (NumPy's integer `**`). */
export function powInt32(a: number, b: number): number {
  if (b < 0) {
    if (a === 1) return 1;
    if (a === -1) return b % 2 === 0 ? 1 : -1;
    throw new RangeError('Integers to negative integer powers are not allowed.');
  }
  let r = 1;
  let base = a | 0;
  let e = b;
  while (e > 0) {
    if (e & 1) r = Math.imul(r, base);
    base = Math.imul(base, base);
    e = Math.floor(e / 2);
  }
  return r;
}
