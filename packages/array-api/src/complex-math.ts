/**
 * Complex scalar functions. Each writes its result to `out[0]` (re) and `out[1]` (im).
 * Special values follow C99 Annex G, which the Array API standard adopts for complex
 * input. Formulas for the inverse functions are Kahan's ("Branch Cuts for Complex
 * Elementary Functions", 1987), which keep the branch cuts on the right side of ±0.
 */

export type ComplexFn1 = (re: number, im: number, out: Float64Array) => void;

const isInf = (v: number) => v === Infinity || v === -Infinity;
const copysign = (mag: number, sgn: number) => (sgn < 0 || Object.is(sgn, -0) ? -Math.abs(mag) : Math.abs(mag));

export function cmul(ar: number, ai: number, br: number, bi: number, out: Float64Array): void {
  const ac = ar * br;
  const bd = ai * bi;
  const ad = ar * bi;
  const bc = ai * br;
  let re = ac - bd;
  let im = ad + bc;
  if (Number.isNaN(re) && Number.isNaN(im)) {
    // C99 G.5.1: recover infinities lost to inf·0 or inf−inf.
    let recalc = false;
    if (isInf(ar) || isInf(ai)) {
      ar = copysign(isInf(ar) ? 1 : 0, ar);
      ai = copysign(isInf(ai) ? 1 : 0, ai);
      if (Number.isNaN(br)) br = copysign(0, br);
      if (Number.isNaN(bi)) bi = copysign(0, bi);
      recalc = true;
    }
    if (isInf(br) || isInf(bi)) {
      br = copysign(isInf(br) ? 1 : 0, br);
      bi = copysign(isInf(bi) ? 1 : 0, bi);
      if (Number.isNaN(ar)) ar = copysign(0, ar);
      if (Number.isNaN(ai)) ai = copysign(0, ai);
      recalc = true;
    }
    if (!recalc && (isInf(ac) || isInf(bd) || isInf(ad) || isInf(bc))) {
      if (Number.isNaN(ar)) ar = copysign(0, ar);
      if (Number.isNaN(ai)) ai = copysign(0, ai);
      if (Number.isNaN(br)) br = copysign(0, br);
      if (Number.isNaN(bi)) bi = copysign(0, bi);
      recalc = true;
    }
    if (recalc) {
      re = Infinity * (ar * br - ai * bi);
      im = Infinity * (ar * bi + ai * br);
    }
  }
  out[0] = re;
  out[1] = im;
}

/** Division by Smith's algorithm (R. L. Smith, CACM 1962) with C99 G.5.1 recovery. */
export function cdiv(ar: number, ai: number, br: number, bi: number, out: Float64Array): void {
  let re: number;
  let im: number;
  if (Math.abs(br) >= Math.abs(bi)) {
    if (br === 0 && bi === 0) {
      re = ar / Math.abs(br);
      im = ai / Math.abs(br);
    } else {
      const r = bi / br;
      const d = br + bi * r;
      re = (ar + ai * r) / d;
      im = (ai - ar * r) / d;
      if (r === 0) {
        // Avoid inf·0 = NaN when r underflows.
        re = (ar + bi * (ai / br)) / d;
        im = (ai - bi * (ar / br)) / d;
      }
    }
  } else {
    const r = br / bi;
    const d = bi + br * r;
    re = (ar * r + ai) / d;
    im = (ai * r - ar) / d;
  }
  if (Number.isNaN(re) && Number.isNaN(im)) {
    if (br === 0 && bi === 0 && (!Number.isNaN(ar) || !Number.isNaN(ai))) {
      re = copysign(Infinity, br) * ar;
      im = copysign(Infinity, br) * ai;
    } else if ((isInf(ar) || isInf(ai)) && Number.isFinite(br) && Number.isFinite(bi)) {
      const a = copysign(isInf(ar) ? 1 : 0, ar);
      const b = copysign(isInf(ai) ? 1 : 0, ai);
      re = Infinity * (a * br + b * bi);
      im = Infinity * (b * br - a * bi);
    } else if ((isInf(br) || isInf(bi)) && Number.isFinite(ar) && Number.isFinite(ai)) {
      const c = copysign(isInf(br) ? 1 : 0, br);
      const d = copysign(isInf(bi) ? 1 : 0, bi);
      re = 0 * (ar * c + ai * d);
      im = 0 * (ai * c - ar * d);
    }
  }
  out[0] = re;
  out[1] = im;
}

export function cabs(re: number, im: number): number {
  return Math.hypot(re, im);
}

/** Principal square root (C99 csqrt special cases; scaled to avoid overflow). */
export function csqrt(x: number, y: number, out: Float64Array): void {
  if (isInf(y)) {
    out[0] = Infinity;
    out[1] = y;
    return;
  }
  if (Number.isNaN(x)) {
    out[0] = x;
    out[1] = Number.isNaN(y) ? y : NaN;
    return;
  }
  if (isInf(x)) {
    if (x > 0) {
      out[0] = x;
      out[1] = Number.isNaN(y) ? y : copysign(0, y);
    } else {
      out[0] = Number.isNaN(y) ? NaN : 0;
      out[1] = Number.isNaN(y) ? Infinity : copysign(Infinity, y);
      if (Number.isNaN(y)) {
        out[0] = NaN;
        out[1] = Infinity; // sign of imaginary part unspecified
      }
    }
    return;
  }
  if (Number.isNaN(y)) {
    out[0] = NaN;
    out[1] = NaN;
    return;
  }
  if (x === 0 && y === 0) {
    out[0] = 0;
    out[1] = y;
    return;
  }
  // t = sqrt((|x| + |z|) / 2), computed with scaling.
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  let t: number;
  if (ax >= 1e300 || ay >= 1e300) t = 2 * Math.sqrt((ax / 4 + Math.hypot(x / 4, y / 4)) / 2);
  else t = Math.sqrt((ax + Math.hypot(x, y)) / 2);
  if (x >= 0) {
    out[0] = t;
    out[1] = y / (2 * t);
  } else {
    out[0] = ay / (2 * t);
    out[1] = copysign(t, y);
  }
}

export function cexp(x: number, y: number, out: Float64Array): void {
  if (isInf(x)) {
    if (x < 0 && !Number.isFinite(y)) {
      out[0] = 0;
      out[1] = 0;
      return;
    }
    if (x > 0 && !Number.isFinite(y)) {
      out[0] = Infinity;
      out[1] = NaN;
      return;
    }
    if (y === 0) {
      out[0] = x > 0 ? Infinity : 0;
      out[1] = y;
      return;
    }
  }
  if (Number.isNaN(x) && y === 0) {
    out[0] = NaN;
    out[1] = y;
    return;
  }
  if (y === 0) {
    out[0] = Math.exp(x);
    out[1] = y;
    return;
  }
  // Scale to avoid overflow of exp(x) when cos/sin are small.
  if (x > 709) {
    const e = Math.exp(x / 2);
    out[0] = e * Math.cos(y) * e;
    out[1] = e * Math.sin(y) * e;
    return;
  }
  const e = Math.exp(x);
  out[0] = e * Math.cos(y);
  out[1] = e * Math.sin(y);
}

export function clog(x: number, y: number, out: Float64Array): void {
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  let re: number;
  const big = Math.max(ax, ay);
  const small = Math.min(ax, ay);
  if (big > 0.5 && big < 2 && Number.isFinite(small)) {
    // |z| near 1: log|z| = ½·log1p((big−1)(big+1) + small²), avoiding cancellation.
    re = 0.5 * Math.log1p((big - 1) * (big + 1) + small * small);
  } else {
    re = Math.log(Math.hypot(x, y));
  }
  out[0] = re;
  out[1] = Math.atan2(y, x);
}

export function clog1p(x: number, y: number, out: Float64Array): void {
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  if (ax < 0.5 && ay < 0.5) {
    // log|1+z| = ½·log1p(2x + x² + y²), accurate for small z.
    out[0] = 0.5 * Math.log1p(x * (2 + x) + y * y);
    out[1] = Math.atan2(y, 1 + x);
    return;
  }
  clog(1 + x, y, out);
}

export function cexpm1(x: number, y: number, out: Float64Array): void {
  if (Math.abs(x) < 1 && Math.abs(y) < 1) {
    const s = Math.sin(y / 2);
    out[0] = Math.expm1(x) * Math.cos(y) - 2 * s * s;
    out[1] = Math.exp(x) * Math.sin(y);
    return;
  }
  cexp(x, y, out);
  out[0] -= 1;
}

export function csinh(x: number, y: number, out: Float64Array): void {
  if (y === 0) {
    // Covers x finite, ±inf (±inf + i0) and NaN (NaN + i0), as C99 G.6.2.5 lists.
    out[0] = Math.sinh(x);
    out[1] = y;
    return;
  }
  if (isInf(x) && y === 0) {
    out[0] = x;
    out[1] = y;
    return;
  }
  if (x === 0 && !Number.isFinite(y)) {
    out[0] = x;
    out[1] = NaN;
    return;
  }
  if (isInf(x) && !Number.isFinite(y)) {
    out[0] = x;
    out[1] = NaN;
    return;
  }
  out[0] = Math.sinh(x) * Math.cos(y);
  out[1] = Math.cosh(x) * Math.sin(y);
}

export function ccosh(x: number, y: number, out: Float64Array): void {
  if (y === 0 && Number.isNaN(x)) {
    out[0] = x;
    out[1] = y;
    return;
  }
  if (y === 0 && Number.isFinite(x)) {
    out[0] = Math.cosh(x);
    out[1] = Math.sinh(x) * y;
    return;
  }
  if (isInf(x) && y === 0) {
    out[0] = Infinity;
    out[1] = copysign(0, (x > 0 ? 1 : -1) * (Object.is(y, -0) ? -1 : 1));
    return;
  }
  if (x === 0 && !Number.isFinite(y)) {
    out[0] = NaN;
    out[1] = 0;
    return;
  }
  if (isInf(x) && !Number.isFinite(y)) {
    out[0] = Infinity;
    out[1] = NaN;
    return;
  }
  out[0] = Math.cosh(x) * Math.cos(y);
  out[1] = Math.sinh(x) * Math.sin(y);
}

/** tanh by Kahan's formula (stable for large |Re z|). */
export function ctanh(x: number, y: number, out: Float64Array): void {
  if (Number.isNaN(x)) {
    out[0] = x;
    out[1] = y === 0 ? y : NaN;
    return;
  }
  if (isInf(x)) {
    out[0] = copysign(1, x);
    out[1] = Number.isFinite(y) ? copysign(0, Math.sin(2 * y)) : copysign(0, y);
    return;
  }
  if (!Number.isFinite(y)) {
    out[0] = x === 0 ? x : NaN;
    out[1] = NaN;
    return;
  }
  if (Math.abs(x) > 22) {
    const e = Math.exp(-Math.abs(x));
    out[0] = copysign(1, x);
    out[1] = 4 * Math.sin(y) * Math.cos(y) * e * e;
    return;
  }
  const t = Math.tan(y);
  const b = 1 + t * t;
  const s = Math.sinh(x);
  const rho = Math.sqrt(1 + s * s);
  const d = 1 + b * s * s;
  out[0] = (b * s * rho) / d;
  out[1] = t / d;
}

// Trig functions through the hyperbolic identities sin z = −i sinh(iz) etc.
export function csin(x: number, y: number, out: Float64Array): void {
  csinh(-y, x, out);
  const re = out[1];
  out[1] = -out[0];
  out[0] = re;
}
export function ccos(x: number, y: number, out: Float64Array): void {
  ccosh(-y, x, out);
}
export function ctan(x: number, y: number, out: Float64Array): void {
  ctanh(-y, x, out);
  const re = out[1];
  out[1] = -out[0];
  out[0] = re;
}

const tmpA = new Float64Array(2);
const tmpB = new Float64Array(2);

/** acos (Kahan): ξ = 2·atan2(Re√(1−z), Re√(1+z)), η = asinh(Im(conj(√(1+z))·√(1−z))). */
export function cacos(x: number, y: number, out: Float64Array): void {
  if (Number.isNaN(x) || Number.isNaN(y)) {
    if (isInf(x)) {
      out[0] = NaN;
      out[1] = Infinity;
    } else if (isInf(y)) {
      out[0] = NaN;
      out[1] = -y;
    } else if (x === 0 && Number.isNaN(y)) {
      out[0] = Math.PI / 2;
      out[1] = NaN;
    } else {
      out[0] = NaN;
      out[1] = NaN;
    }
    return;
  }
  if (isInf(x) || isInf(y)) {
    // Large |z|: acos z = −i·log(z + i√(1−z²)) ≈ atan2(|y|, x) − i·sign(y)·∞.
    out[0] = isInf(x) && isInf(y) ? (x > 0 ? Math.PI / 4 : (3 * Math.PI) / 4) : isInf(x) ? (x > 0 ? 0 : Math.PI) : Math.PI / 2;
    out[1] = Object.is(y, -0) || y < 0 ? Infinity : -Infinity;
    return;
  }
  csqrt(1 - x, -y, tmpA);
  csqrt(1 + x, y, tmpB);
  out[0] = 2 * Math.atan2(tmpA[0], tmpB[0]);
  // Im(conj(b)·a) = b_re·a_im − b_im·a_re
  out[1] = Math.asinh(tmpB[0] * tmpA[1] - tmpB[1] * tmpA[0]);
}

/** asin (Kahan): ξ = atan2(Re z, Re(√(1−z)·√(1+z))), η = asinh(Im(conj(√(1−z))·√(1+z))). */
export function casin(x: number, y: number, out: Float64Array): void {
  // asin z = −i·asinh(iz)
  casinh(-y, x, out);
  const re = out[1];
  out[1] = -out[0];
  out[0] = re;
}

export function casinh(x: number, y: number, out: Float64Array): void {
  if (Number.isNaN(x) || Number.isNaN(y)) {
    if (isInf(x)) {
      out[0] = x;
      out[1] = NaN;
    } else if (isInf(y)) {
      out[0] = Infinity;
      out[1] = NaN;
    } else if (y === 0) {
      out[0] = NaN;
      out[1] = y;
    } else {
      out[0] = NaN;
      out[1] = NaN;
    }
    return;
  }
  if (isInf(x) || isInf(y)) {
    out[0] = copysign(Infinity, x);
    out[1] = isInf(x) && isInf(y) ? copysign(Math.PI / 4, y) : isInf(x) ? copysign(0, y) : copysign(Math.PI / 2, y);
    return;
  }
  // asinh z = −i·asin(iz); asin by Kahan with w = iz = (−y, x).
  const wr = -y;
  const wi = x;
  csqrt(1 - wr, -wi, tmpA);
  csqrt(1 + wr, wi, tmpB);
  const ar = Math.atan2(wr, tmpA[0] * tmpB[0] - tmpA[1] * tmpB[1]);
  const ai = Math.asinh(tmpA[0] * tmpB[1] - tmpA[1] * tmpB[0]);
  // −i·(ar + i·ai) = ai − i·ar
  out[0] = ai;
  out[1] = -ar;
}

/** acosh (Kahan): ξ = asinh(Re(conj(√(z−1))·√(z+1))), η = 2·atan2(Im√(z−1), Re√(z+1)). */
export function cacosh(x: number, y: number, out: Float64Array): void {
  if (Number.isNaN(x) || Number.isNaN(y) || isInf(x) || isInf(y)) {
    cacos(x, y, out);
    // acosh z = ±i·acos z with the sign chosen so Re ≥ 0.
    const re = out[0];
    const im = out[1];
    out[0] = Number.isNaN(im) ? Math.abs(im) : Math.abs(im);
    out[1] = Number.isNaN(re) ? re : copysign(re, y);
    if (isInf(x) || isInf(y)) out[0] = Infinity;
    return;
  }
  csqrt(x - 1, y, tmpA);
  csqrt(x + 1, y, tmpB);
  out[0] = Math.asinh(tmpA[0] * tmpB[0] + tmpA[1] * tmpB[1]);
  out[1] = 2 * Math.atan2(tmpA[1], tmpB[0]);
}

/** atanh z = ½·(log1p(z) − log1p(−z)). */
export function catanh(x: number, y: number, out: Float64Array): void {
  if (Number.isNaN(x) || Number.isNaN(y)) {
    if (isInf(x) || isInf(y)) {
      out[0] = copysign(0, x);
      out[1] = isInf(y) ? copysign(Math.PI / 2, y) : NaN;
    } else if (x === 0) {
      out[0] = x;
      out[1] = NaN;
    } else {
      out[0] = NaN;
      out[1] = NaN;
    }
    return;
  }
  if (isInf(x) || isInf(y)) {
    out[0] = copysign(0, x);
    out[1] = copysign(Math.PI / 2, y);
    return;
  }
  if (x === 1 && y === 0) {
    out[0] = Infinity;
    out[1] = y;
    return;
  }
  if (x === -1 && y === 0) {
    out[0] = -Infinity;
    out[1] = y;
    return;
  }
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  if (ax > 1e150 || ay > 1e150) {
    // 1/z dominates: atanh z ≈ 1/z ± iπ/2.
    cdiv(1, 0, x, y, out);
    out[1] = copysign(Math.PI / 2, y);
    return;
  }
  // Kahan's form: Re = ¼·log1p(4x / ((1−x)² + y²)) keeps the sign of x (odd in x) and is
  // accurate for small x; Im = ½·atan2(2y, (1−x)(1+x) − y²) keeps the sign of y on the cuts.
  out[0] = 0.25 * Math.log1p((4 * x) / ((1 - x) * (1 - x) + y * y));
  out[1] = 0.5 * Math.atan2(2 * y, (1 - x) * (1 + x) - y * y);
}

export function catan(x: number, y: number, out: Float64Array): void {
  // atan z = −i·atanh(iz)
  catanh(-y, x, out);
  const re = out[1];
  out[1] = -out[0];
  out[0] = re;
}

/** z^w = exp(w·log z), with exact small cases (w = 0, z = 0). */
export function cpow(ar: number, ai: number, br: number, bi: number, out: Float64Array): void {
  if (br === 0 && bi === 0) {
    out[0] = 1;
    out[1] = 0;
    return;
  }
  if (ar === 0 && ai === 0 && bi === 0 && br > 0) {
    out[0] = 0;
    out[1] = 0;
    return;
  }
  if (ai === 0 && bi === 0 && ar >= 0) {
    out[0] = ar ** br;
    out[1] = 0;
    return;
  }
  // Small integer exponents by repeated multiplication (as NumPy does) for accuracy.
  if (bi === 0 && Number.isInteger(br) && Math.abs(br) <= 100) {
    let n = Math.abs(br);
    let rr = 1;
    let ri = 0;
    let pr = ar;
    let pi = ai;
    while (n > 0) {
      if (n & 1) {
        const t = rr * pr - ri * pi;
        ri = rr * pi + ri * pr;
        rr = t;
      }
      const t = pr * pr - pi * pi;
      pi = 2 * pr * pi;
      pr = t;
      n >>= 1;
    }
    if (br < 0) cdiv(1, 0, rr, ri, out);
    else {
      out[0] = rr;
      out[1] = ri;
    }
    return;
  }
  clog(ar, ai, tmpA);
  const lr = tmpA[0];
  const li = tmpA[1];
  cexp(br * lr - bi * li, br * li + bi * lr, out);
}

/** z/|z| (0 for 0; NaN parts propagate). */
export function csign(x: number, y: number, out: Float64Array): void {
  if (Number.isNaN(x) || Number.isNaN(y)) {
    out[0] = NaN;
    out[1] = NaN;
    return;
  }
  if (x === 0 && y === 0) {
    out[0] = 0;
    out[1] = 0;
    return;
  }
  if (isInf(x) && isInf(y)) {
    // ∞/∞ under the division rules the standard refers to.
    out[0] = NaN;
    out[1] = NaN;
    return;
  }
  if (isInf(x) || isInf(y)) {
    const a = isInf(x) ? copysign(1, x) : 0;
    const b = isInf(y) ? copysign(1, y) : 0;
    const m = Math.hypot(a, b);
    out[0] = a / m;
    out[1] = b / m;
    return;
  }
  const m = Math.hypot(x, y);
  out[0] = x / m;
  out[1] = y / m;
}
