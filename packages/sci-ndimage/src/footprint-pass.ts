/**
 * n-D filters over an arbitrary footprint (correlate, and min/max with a footprint that is
 * not a full box). The input is padded once by the boundary mode along every axis (each
 * padded coordinate mapped as SciPy maps it; constant mode fills cval wherever any
 * coordinate is outside), then every output element visits the footprint's elements at
 * precomputed offsets into the padded plane, in C order as SciPy does.
 */
import { type Extension, mapIndex } from './modes.js';

/** The input padded for a window of `fshape` shifted by `origins`, with the padded strides. */
export function padPlane(
  src: Float64Array,
  shape: readonly number[],
  fshape: readonly number[],
  origins: readonly number[],
  mode: Extension,
  cval: number,
): { padded: Float64Array; pshape: number[]; pstride: number[] } {
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
  const size = pshape.reduce((a, b) => a * b, 1);
  const padded = new Float64Array(size);
  const idx = new Array<number>(nd).fill(0);
  for (let k = 0; k < size; k++) {
    let p = 0;
    for (let d = 0; d < nd; d++) {
      const m = maps[d][idx[d]];
      if (m < 0) {
        p = -1;
        break;
      }
      p += m;
    }
    padded[k] = p < 0 ? cval : src[p];
    for (let d = nd - 1; d >= 0; d--) {
      if (++idx[d] < pshape[d]) break;
      idx[d] = 0;
    }
  }
  return { padded, pshape, pstride };
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
 * For each output element (C order over `shape`), `visit(base)` with the offset of its
 * window's first element in the padded plane; returns the plane of visit's results.
 */
export function forEachWindow(shape: readonly number[], pstride: readonly number[], visit: (base: number) => number): Float64Array {
  const nd = shape.length;
  const size = shape.reduce((a, b) => a * b, 1);
  const out = new Float64Array(size);
  if (size === 0) return out;
  const idx = new Array<number>(nd).fill(0);
  let base = 0;
  for (let k = 0; k < size; k++) {
    out[k] = visit(base);
    for (let d = nd - 1; d >= 0; d--) {
      if (++idx[d] < shape[d]) {
        base += pstride[d];
        break;
      }
      base -= (shape[d] - 1) * pstride[d];
      idx[d] = 0;
    }
  }
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
