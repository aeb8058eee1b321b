/**
 * The full spectrum of real input from its half, as pocketfft's `c2c_sym` gives it for
 * SciPy's fft/fftn of real input: the spectrum X of real data satisfies X[k] = conj(X[-k])
 * over all transformed axes (indices mod each length), so only the indices 0..n/2 along one
 * axis (the real axis) are computed and the rest are conjugates of those, at the index
 * reversed on every transformed axis. The mirrored values are exact conjugates, as SciPy's
 * are.
 *
 * Where index k along the real axis is its own mirror (k = 0, and k = n/2 for even n), the
 * half holds both a value and its mirror partner. pocketfft then writes conj(X[I]) over
 * X[-I] for every I in C order, so the later of the two in C order becomes the conjugate
 * of the earlier, and a value that is its own partner is conjugated; this does the same, so
 * the signs of zeros and the last bits match SciPy's.
 */

import { cStrides, packedMap } from '@sciport/array-api';

/** The indices along the real axis that are their own mirror image: 0, and n/2 for even n. */
function selfMirrored(n: number): number[] {
  return n % 2 === 0 && n > 1 ? [0, n >> 1] : [0];
}

/** Per axis of `shape`: whether its index is reversed in the mirror image. */
function reversedFlags(shape: readonly number[], how: Completion): boolean[] {
  return packedMap(shape, (_, d) => how.reversed.includes(d));
}

/** Where a box of a half spectrum, or of the full one, lies along the real axis. */
export interface SpectrumPart {
  /** Interleaved complex values, C-contiguous (complex128, or complex64 in a cluster's chunk). */
  readonly data: Float64Array | Float32Array;
  readonly shape: readonly number[];
  /** Index along the real axis of the part's first value. */
  readonly start: number;
}

export interface Completion {
  /** The axis holding indices 0..n/2 in the half. */
  readonly realAxis: number;
  /** Length of the real axis in the full spectrum. */
  readonly n: number;
  /** The other transformed axes, whole in both parts: their index is reversed (i → -i mod length). */
  readonly reversed: readonly number[];
  /** Every value is multiplied by `scale` … */
  readonly scale: number;
  /** … and conjugated with `conj` (the backward transform of real input is the forward one's conjugate). */
  readonly conj: boolean;
}

/**
 * Write `out`, a box of the full spectrum, from `half`, a box of the half spectrum: its values
 * where `out` lies in 0..n/2 along the real axis, their conjugates at the reversed index
 * beyond. Both boxes span the same indices on every axis but the real one. `out` may be
 * `half` itself (scaling or conjugating the half in place), but must not overlap it otherwise.
 */
export function completeSpectrum(half: SpectrumPart, out: SpectrumPart, how: Completion): void {
  const { realAxis, n, scale } = how;
  const m = (n >> 1) + 1;
  const shape = out.shape;
  const hs = cStrides(half.shape);
  const os = cStrides(shape);
  const reversed = reversedFlags(shape, how);
  const len = shape[realAxis];
  const hStep = 2 * hs[realAxis];
  const oStep = 2 * os[realAxis];
  // Indices along the real axis of out's values from the half as they are, then mirrored ones.
  const ownEnd = Math.max(0, Math.min(len, m - out.start));
  const ownIm = how.conj ? -scale : scale;
  const mirrorIm = -ownIm;
  // Contiguous along the real axis, unscaled: the own values are one copy per line.
  const copyOwn = scale === 1 && !how.conj && hStep === 2 && oStep === 2;
  const src = half.data;
  const dst = out.data;
  const selves = selfMirrored(n);
  const fixAt = [0, 0];
  const fixRe = [0, 0];
  const fixIm = [0, 0];
  let lines = 1;
  for (let d = 0; d < shape.length; d++) if (d !== realAxis) lines *= shape[d];
  if (len === 0 || lines === 0) return;
  const inPlace = src === dst && half.start === out.start && ownEnd === len;
  if (inPlace && copyOwn && !selves.some((j) => j >= out.start && j < out.start + len)) return;
  // In place, lines in reverse C order: the later line of a mirror pair (see above) then reads
  // its partner before the partner's own turn rescales or conjugates it. Otherwise in C order,
  // which for a mirror image reads the half's lines newest first: the half was just written
  // line by line in C order, so its last lines are the likeliest still in cache.
  const backward = src === dst;
  const step = backward ? -1 : 1;
  const idx = packedMap(shape, (v, d) => (d === realAxis || !backward ? 0 : v - 1));
  for (let line = 0; line < lines; line++) {
    let own = 0;
    let mirror = 0;
    let o = 0;
    for (let d = 0; d < shape.length; d++) {
      if (d === realAxis) continue;
      own += idx[d] * hs[d];
      mirror += (reversed[d] ? (shape[d] - idx[d]) % shape[d] : idx[d]) * hs[d];
      o += idx[d] * os[d];
    }
    // Values of self-mirrored indices that pocketfft overwrites, read before the line is written.
    let fixes = 0;
    if (ownEnd > 0) {
      const order = orderAgainstPartner(idx, shape, reversed, realAxis);
      for (const j of selves) {
        const t = j - out.start;
        if (t < 0 || t >= ownEnd || order < 0) continue;
        // the later of a pair: the conjugate of its partner's value; its own partner: conjugated
        const from = 2 * ((order === 0 ? own : mirror) + (j - half.start) * hs[realAxis]);
        fixAt[fixes] = 2 * o + t * oStep;
        fixRe[fixes] = src[from] * scale;
        fixIm[fixes] = src[from + 1] * mirrorIm;
        fixes++;
      }
    }
    // out index t is real-axis index j = out.start + t: from half index j, or n - j mirrored
    let p = 2 * o;
    let s = 2 * own + (out.start - half.start) * hStep;
    if (copyOwn) {
      // (a subarray per line costs more than the copy of a short run: none for a mirror-only box)
      if (ownEnd > 0 && (src !== dst || s !== p)) dst.set(src.subarray(s, s + 2 * ownEnd), p);
    } else {
      scaledRun(src, s, hStep, dst, p, oStep, ownEnd, scale, ownIm);
    }
    p += ownEnd * oStep;
    s = 2 * mirror + (n - out.start - ownEnd - half.start) * hStep;
    scaledRun(src, s, -hStep, dst, p, oStep, len - ownEnd, scale, mirrorIm);
    for (let f = 0; f < fixes; f++) {
      dst[fixAt[f]] = fixRe[f];
      dst[fixAt[f] + 1] = fixIm[f];
    }
    for (let d = shape.length - 1; d >= 0; d--) {
      if (d === realAxis) continue;
      idx[d] += step;
      if (idx[d] >= 0 && idx[d] < shape[d]) break;
      idx[d] = backward ? shape[d] - 1 : 0;
    }
  }
}

/** `count` complex values from src (step `from`) to dst (step `to`), times (re, im). */
function scaledRun(src: Float64Array | Float32Array, s: number, from: number, dst: Float64Array | Float32Array, p: number, to: number, count: number, re: number, im: number): void {
  for (let t = 0; t < count; t++, s += from, p += to) {
    dst[p] = src[s] * re;
    dst[p + 1] = src[s + 1] * im;
  }
}

/**
 * Whether the line at `idx` comes before (-1), after (1) or is (0) its mirror partner, the
 * line at the index reversed on the reversed axes, in C order.
 */
function orderAgainstPartner(idx: readonly number[], shape: readonly number[], reversed: readonly boolean[], realAxis: number): number {
  for (let d = 0; d < shape.length; d++) {
    if (d === realAxis || !reversed[d]) continue;
    const partner = (shape[d] - idx[d]) % shape[d];
    if (idx[d] !== partner) return idx[d] < partner ? -1 : 1;
  }
  return 0;
}

/**
 * completeSpectrum without a second buffer, for a real axis that is the last axis: `data`
 * holds the half spectrum, C-contiguous (n/2+1 values per line), in its first part, and
 * becomes the full spectrum of `shape`. Lines are moved to their full-length places from the
 * last to the first, so every line is read before anything is written over it: a line's own
 * values move up (an overlapping copy), and its mirror values come from its partner line,
 * already moved if it comes later, still in place if earlier. Values the same as
 * completeSpectrum's, bit for bit.
 */
export function expandSpectrum(data: Float64Array, shape: readonly number[], how: Completion): void {
  const { realAxis, n, scale } = how;
  if (realAxis !== shape.length - 1) throw new RangeError('expandSpectrum needs the real axis last.');
  const m = (n >> 1) + 1;
  const nd = shape.length;
  let lines = 1;
  for (let d = 0; d < nd - 1; d++) lines *= shape[d];
  if (lines === 0 || n === 0) return;
  const reversed = reversedFlags(shape, how);
  // line index strides: C order over every axis but the (last) real one
  const lineStride = cStrides(shape.slice(0, -1));
  const selves = selfMirrored(n);
  const fixAt = [0, 0];
  const fixRe = [0, 0];
  const fixIm = [0, 0];
  const idx = packedMap(shape, (v, d) => (d === realAxis ? 0 : v - 1));
  for (let line = lines - 1; line >= 0; line--) {
    let partner = 0;
    for (let d = 0; d < nd - 1; d++) partner += (reversed[d] ? (shape[d] - idx[d]) % shape[d] : idx[d]) * lineStride[d];
    // where the partner's half values are now: moved to its full line if it comes later
    const partnerAt = 2 * (partner > line ? partner * n : partner * m);
    const ownAt = 2 * line * m;
    const to = 2 * line * n;
    let fixes = 0;
    const order = orderAgainstPartner(idx, shape, reversed, realAxis);
    if (order >= 0) {
      for (const j of selves) {
        const from = (order === 0 ? ownAt : partnerAt) + 2 * j;
        fixAt[fixes] = to + 2 * j;
        fixRe[fixes] = data[from];
        fixIm[fixes] = -data[from + 1];
        fixes++;
      }
    }
    if (to !== ownAt) data.copyWithin(to, ownAt, ownAt + 2 * m);
    // the partner's values, read after the move when the partner is this very line
    const source = partner === line ? to : partnerAt;
    scaledRun(data, source + 2 * (n - m), -2, data, to + 2 * m, 2, n - m, 1, -1);
    for (let f = 0; f < fixes; f++) {
      data[fixAt[f]] = fixRe[f];
      data[fixAt[f] + 1] = fixIm[f];
    }
    for (let d = nd - 2; d >= 0; d--) {
      if (--idx[d] >= 0) break;
      idx[d] = shape[d] - 1;
    }
  }
  if (scale !== 1 || how.conj) scaledRun(data, 0, 2, data, 0, 2, lines * n, scale, how.conj ? -scale : scale);
}
