/**
 * n-D filters over an arbitrary footprint (correlate, and min/max with a footprint that is
 * not a full box). The input is padded once by the boundary mode along every axis (each
 * padded coordinate mapped as SciPy maps it; constant mode fills cval wherever any
 * coordinate is outside), then every output element visits the footprint's elements at
 * precomputed offsets into the padded plane, in C order as SciPy does.
 */
import { type Extension, mapIndex } from './modes.js';

/**
 * The input padded for a window of `fshape` shifted by `origins`, with the padded strides;
 * written into `into` when given (of the padded size), e.g. memory of the wasm kernels.
 */
export function padPlane<P extends Float64Array | Float32Array | Uint8Array | Int8Array = Float64Array>(
  src: Float64Array | Float32Array | Uint8Array | Int8Array,
  shape: readonly number[],
  fshape: readonly number[],
  origins: readonly number[],
  mode: Extension,
  cval: number,
  into?: P,
): { padded: P; pshape: number[]; pstride: number[] } {
  const nd = shape.length;
  const pshape = shape.map((n, d) => n + fshape[d] - 1);
  const pstride = strides(pshape);
  const sstride = strides(shape);
  // per axis: padded coordinate → source offset, or -1 outside (constant mode)
  const maps = pshape.map((len, d) => {
    const centre = Math.floor(fshape[d] / 2) + origins[d];
    const m = new Int32Array(len);
    for (let p = 0; p < len; p++) {
      const k = mapIndex(p - centre, shape[d], mode);
      m[p] = k < 0 ? -1 : k * sstride[d];
    }
    return m;
  });
  const padded = into ?? (new Float64Array(pshape.reduce((a, b) => a * b, 1)) as P);
  if (padded.length === 0) return { padded, pshape, pstride };
  if (nd === 0) {
    padded[0] = src[0];
    return { padded, pshape, pstride };
  }
  // row by row along the last axis: the other axes fix the row's source offset once, the
  // row's interior is one copy, and only its ends are mapped element by element
  const last = nd - 1;
  const lastMap = maps[last];
  const width = pshape[last];
  const inside = shape[last];
  const start = Math.floor(fshape[last] / 2) + origins[last];
  let k = 0;
  forEachRowIndex(pshape, (idx) => {
    let row = 0;
    for (let d = 0; d < last; d++) {
      const m = maps[d][idx[d]];
      if (m < 0) {
        row = -1;
        break;
      }
      row += m;
    }
    if (row < 0) {
      padded.fill(cval, k, k + width);
    } else {
      for (let p = 0; p < start; p++) padded[k + p] = lastMap[p] < 0 ? cval : src[row + lastMap[p]];
      padded.set(src.subarray(row, row + inside), k + start);
      for (let p = start + inside; p < width; p++) padded[k + p] = lastMap[p] < 0 ? cval : src[row + lastMap[p]];
    }
    k += width;
  });
  return { padded, pshape, pstride };
}

/** Calls `visit(idx)` for each row of `shape` along its last axis, in C order (`idx[last]` is 0). */
function forEachRowIndex(shape: readonly number[], visit: (idx: readonly number[]) => void): void {
  const nd = shape.length;
  const idx = new Array<number>(nd).fill(0);
  for (;;) {
    visit(idx);
    let d = nd - 2;
    for (; d >= 0; d--) {
      if (++idx[d] < shape[d]) break;
      idx[d] = 0;
    }
    if (d < 0) return;
  }
}

/** C-order strides of `shape` in elements. */
export function strides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    s[d] = acc;
    acc *= shape[d];
  }
  return s;
}

/** Offsets into the padded plane of the selected footprint elements (C order). */
export function footprintOffsets(fshape: readonly number[], selected: (k: number) => boolean, pstride: readonly number[]): Int32Array {
  const nd = fshape.length;
  const fsize = fshape.reduce((a, b) => a * b, 1);
  const list: number[] = [];
  const idx = new Array<number>(nd).fill(0);
  for (let k = 0; k < fsize; k++) {
    if (selected(k)) {
      let off = 0;
      for (let d = 0; d < nd; d++) off += idx[d] * pstride[d];
      list.push(off);
    }
    for (let d = nd - 1; d >= 0; d--) {
      if (++idx[d] < fshape[d]) break;
      idx[d] = 0;
    }
  }
  return Int32Array.from(list);
}

/**
 * For each row of outputs along the last axis (C order over `shape`), `visit(base, k, n)`:
 * the offset of the row's first window in the padded plane, the index of its first
 * output, and its length (the next windows follow at base + 1, base + 2, …).
 */
export function forEachRow(shape: readonly number[], pstride: readonly number[], visit: (base: number, k: number, n: number) => void): void {
  const size = shape.reduce((a, b) => a * b, 1);
  if (size === 0) return;
  const nd = shape.length;
  if (nd === 0) {
    visit(0, 0, 1);
    return;
  }
  const n = shape[nd - 1];
  let k = 0;
  forEachRowIndex(shape, (idx) => {
    let base = 0;
    for (let d = 0; d < nd - 1; d++) base += idx[d] * pstride[d];
    visit(base, k, n);
    k += n;
  });
}

/**
 * For each output element (C order over `shape`), `visit(base)` with the offset of its
 * window's first element in the padded plane; returns the plane of visit's results.
 */
export function forEachWindow(shape: readonly number[], pstride: readonly number[], visit: (base: number) => number): Float64Array {
  const out = new Float64Array(shape.reduce((a, b) => a * b, 1));
  forEachRow(shape, pstride, (base, k, n) => {
    for (let j = 0; j < n; j++) out[k + j] = visit(base + j);
  });
  return out;
}

/**
 * A window (weights or footprint) over `axes` of an `ndim`-dimensional input, made full-rank:
 * its dimensions span the filtered axes in increasing order, as SciPy's, while `origins` follow
 * `axes` as given; the other axes get size 1 and origin 0.
 */
export function fullRankWindow(
  ndim: number,
  axes: readonly number[],
  windowShape: readonly number[],
  origins: readonly number[],
): { shape: number[]; origins: number[] } {
  const shape = new Array<number>(ndim).fill(1);
  [...axes].sort((a, b) => a - b).forEach((a, i) => {
    shape[a] = windowShape[i];
  });
  const full = new Array<number>(ndim).fill(0);
  axes.forEach((a, i) => {
    full[a] = origins[i];
  });
  return { shape, origins: full };
}
