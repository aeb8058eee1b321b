/**
 * The fast Hankel transform of SciPy (`scipy.fft.fht`, `ifht`, `fhtoffset`): Hamilton's
 * FFTLog algorithm (A. J. S. Hamilton, "Uncorrelated modes of the non-linear power
 * spectrum", MNRAS 312, 257 (2000), appendix B; astro-ph/9905191). A periodic sequence
 * on a logarithmic grid is transformed by a real FFT, a multiplication with the
 * coefficients u_m = (k_c r_c)^(-i 2π m/(n Δ)) U_μ(q + i 2π m/(n Δ)),
 * U_μ(x) = 2^x Γ((μ+1+x)/2) / Γ((μ+1-x)/2), an inverse real FFT and a reversal.
 * The power-law bias q, the offset ln(k_c r_c) and the singular-transform fixes follow
 * SciPy's definitions so results agree with SciPy to rounding.
 */
import { asarray, isComplexDtype, type NDArray, shapeSize } from '@sciport/array-api';
import { DtypeError, InvalidArgumentError } from '@sciport/dispatch-core';
import { readInput, toOutput } from '../buffers.js';
import { realBackwardAlongAxis, realForwardAlongAxis } from '../kernels/index.js';
import { checkFinite, FHT_KEYS, type FHTOffsetOptions, type FHTOptions, readOptions } from '../options.js';
import { loggamma, poch } from './loggamma.js';

const LN_2 = Math.LN2;

const warned = new Set<string>();

/** SciPy warns (RuntimeWarning, shown once per call site by default); we warn once per message. */
function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  (globalThis as { console?: { warn(text: string): void } }).console?.warn(`sciport.fft: ${message}`);
}

/** The n/2+1 complex FFTLog coefficients (interleaved), as SciPy's `fhtcoeff`. */
export function fhtCoefficients(n: number, dln: number, mu: number, offset: number, bias: number, inverse: boolean): Float64Array {
  const q = bias;
  const xp = (mu + 1 + q) / 2;
  const xm = (mu + 1 - q) / 2;
  const count = (n >> 1) + 1;
  // np.linspace(0, π (n//2) / (n dln), n//2 + 1): k·step, the last point exactly the stop
  const stop = (Math.PI * (n >> 1)) / (n * dln);
  const step = count > 1 ? stop / (count - 1) : 0;
  const phase = 2 * (LN_2 - offset);
  const u = new Float64Array(2 * count);
  for (let k = 0; k < count; k++) {
    const y = count > 1 && k === count - 1 ? stop : k * step;
    const [mr, mi] = loggamma(xm, y);
    const [pr, pi] = loggamma(xp, y);
    const re = pr - mr + LN_2 * q;
    const im = pi + mi + y * phase;
    const e = Math.exp(re);
    u[2 * k] = e * Math.cos(im);
    u[2 * k + 1] = e * Math.sin(im);
    if (im === 0) u[2 * k + 1] = 0; // exp(re + 0i) is real (also when e is infinite)
  }
  if (n % 2 === 0) u[2 * count - 1] = 0; // the Nyquist coefficient is real
  if (!Number.isFinite(u[0]) || !Number.isFinite(u[1])) {
    // u_0 = 2^q Γ(xp)/Γ(xm) = 2^q poch(xm, xp - xm), exact at the poles
    u[0] = 2 ** q * poch(xm, xp - xm);
    u[1] = 0;
  }
  // singular transform (u_0 infinite) or singular inverse (u_0 zero): SciPy replaces the
  // zero-frequency coefficient so that a (possibly correct) transform still comes out
  if (!inverse && (Math.abs(u[0]) === Number.POSITIVE_INFINITY || Math.abs(u[1]) === Number.POSITIVE_INFINITY)) {
    warnOnce('singular transform; consider changing the bias');
    u[0] = 0;
    u[1] = 0;
  } else if (inverse && u[0] === 0 && u[1] === 0) {
    warnOnce('singular inverse transform; consider changing the bias');
    u[0] = Number.POSITIVE_INFINITY;
    u[1] = 0;
  }
  return u;
}

/** a / b for complex numbers with Smith's algorithm, as NumPy divides (same rounding, same infinities). */
function divideInPlace(data: Float64Array, p: number, br: number, bi: number): void {
  const ar = data[p];
  const ai = data[p + 1];
  const absR = Math.abs(br);
  const absI = Math.abs(bi);
  if (absR >= absI) {
    if (absR === 0 && absI === 0) {
      data[p] = ar / absR;
      data[p + 1] = ai / absR;
      return;
    }
    const rat = bi / br;
    const scl = 1 / (br + bi * rat);
    data[p] = (ar + ai * rat) * scl;
    data[p + 1] = (ai - ar * rat) * scl;
  } else {
    const rat = br / bi;
    const scl = 1 / (bi + br * rat);
    data[p] = (ar * rat + ai) * scl;
    data[p + 1] = (ai * rat - ar) * scl;
  }
}

/** Multiplies every line along the last axis element-wise by `factor[j]`. */
function scaleLastAxis(data: Float64Array, factor: Float64Array, divide = false): void {
  const n = factor.length;
  for (let base = 0; base < data.length; base += n) {
    if (divide) for (let j = 0; j < n; j++) data[base + j] /= factor[j];
    else for (let j = 0; j < n; j++) data[base + j] *= factor[j];
  }
}

/** SciPy's `_fhtq` along the last axis of `data` (of `shape`): rfft, multiply by u (or divide by conj u), irfft, reverse. */
function fhtq(data: Float64Array, shape: readonly number[], u: Float64Array, inverse: boolean): Float64Array {
  const axis = shape.length - 1;
  const n = shape[axis];
  const m = (n >> 1) + 1;
  const halfShape = [...shape];
  halfShape[axis] = m;
  const s = new Float64Array(2 * shapeSize(halfShape));
  const d = new Float64Array(data.length);
  if (d.length === 0) return d;
  realForwardAlongAxis(data, shape, axis, s, 1);
  for (let base = 0; base < s.length; base += 2 * m) {
    for (let k = 0; k < m; k++) {
      const p = base + 2 * k;
      if (!inverse) {
        const ar = s[p];
        const ai = s[p + 1];
        s[p] = ar * u[2 * k] - ai * u[2 * k + 1];
        s[p + 1] = ar * u[2 * k + 1] + ai * u[2 * k];
      } else {
        divideInPlace(s, p, u[2 * k], -u[2 * k + 1]);
      }
    }
  }
  realBackwardAlongAxis(s, halfShape, axis, n, d, 1 / n);
  for (let base = 0; base < d.length; base += n) d.subarray(base, base + n).reverse();
  return d;
}

function prepare(a: unknown, fn: string): NDArray {
  const x = asarray(a);
  if (isComplexDtype(x.dtype)) {
    throw new DtypeError(`${fn} needs a real array, got ${x.dtype}.`, {
      argument: 'a',
      hint: 'Transform the real and imaginary parts separately.',
    });
  }
  if (x.ndim === 0 || x.shape[x.ndim - 1] < 1) {
    throw new InvalidArgumentError(`${fn} needs at least one point along the last axis of a (shape [${x.shape.join(', ')}]).`, {
      argument: 'a',
      hint: 'Pass a non-empty array; fht transforms along its last axis.',
    });
  }
  return x;
}

function transform(a: unknown, dln: unknown, mu: unknown, options: FHTOptions | undefined, inverse: boolean): NDArray {
  const fn = inverse ? 'ifht' : 'fht';
  const o = readOptions(options, FHT_KEYS, fn);
  const d = checkFinite(dln, 'dln');
  if (d === 0) {
    throw new InvalidArgumentError(`${fn}: dln must not be zero.`, { argument: 'dln', hint: 'Pass the logarithmic spacing of the grid.' });
  }
  const order = checkFinite(mu, 'mu');
  const offset = checkFinite(o.offset, 'offset', 0);
  const bias = checkFinite(o.bias, 'bias', 0);
  const x = prepare(a, fn);
  const n = x.shape[x.ndim - 1];
  // NumPy promotion in SciPy: the bias factors are float64, so only an unbiased float32 transform stays float32
  const single = x.dtype === 'float32' && bias === 0;
  let work = readInput(x, x.shape, { complex: false });
  const jc = (n - 1) / 2;
  if (bias !== 0) {
    const f = new Float64Array(n);
    for (let j = 0; j < n; j++) f[j] = inverse ? Math.exp(bias * ((j - jc) * d + offset)) : Math.exp(-bias * (j - jc) * d);
    scaleLastAxis(work, f);
  }
  const u = fhtCoefficients(n, d, order, offset, bias, inverse);
  work = fhtq(work, x.shape, u, inverse);
  if (bias !== 0) {
    const f = new Float64Array(n);
    for (let j = 0; j < n; j++) f[j] = inverse ? Math.exp(-bias * (j - jc) * d) : Math.exp(-bias * ((j - jc) * d + offset));
    scaleLastAxis(work, f, inverse);
  }
  return toOutput(work, x.shape, false, single);
}

/** Host implementation of `fht` (fast Hankel transform along the last axis). */
export function fhtHost(a: unknown, dln: number, mu: number, options?: FHTOptions): NDArray {
  return transform(a, dln, mu, options, false);
}

/** Host implementation of `ifht` (inverse fast Hankel transform along the last axis). */
export function ifhtHost(a: unknown, dln: number, mu: number, options?: FHTOptions): NDArray {
  return transform(a, dln, mu, options, true);
}

/** NumPy's round: half to even. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * `fhtoffset(dln, mu, { initial, bias })`: the offset closest to `initial` that fulfils
 * FFTLog's low-ringing condition (Hamilton 2000, eq. B4).
 */
export function fhtoffset(dln: number, mu: number, options: FHTOffsetOptions = {}): number {
  const o = readOptions(options, ['initial', 'bias'], 'fhtoffset');
  const d = checkFinite(dln, 'dln');
  if (d === 0) {
    throw new InvalidArgumentError('fhtoffset: dln must not be zero.', { argument: 'dln', hint: 'Pass the logarithmic spacing of the grid.' });
  }
  const order = checkFinite(mu, 'mu');
  const lnkr = checkFinite(o.initial, 'initial', 0);
  const q = checkFinite(o.bias, 'bias', 0);
  const xp = (order + 1 + q) / 2;
  const xm = (order + 1 - q) / 2;
  const y = Math.PI / (2 * d);
  const zp = loggamma(xp, y);
  const zm = loggamma(xm, y);
  const arg = (LN_2 - lnkr) / d + (zp[1] + zm[1]) / Math.PI;
  return lnkr + (arg - roundHalfEven(arg)) * d;
}
