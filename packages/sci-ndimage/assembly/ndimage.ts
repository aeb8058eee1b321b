/**
 * WebAssembly SIMD (f64x2) kernels of @sciport/ndimage's linear and min/max filters —
 * AssemblyScript, compiled by build.mjs.
 *
 * Everything is computed in float64, as SciPy's C filters do (their line buffers are
 * doubles, float32 data included), and every output adds its terms in SciPy's order:
 * SIMD lanes are different outputs, never parts of one sum, so results match the
 * TypeScript kernels bit for bit.
 *
 * 1-D passes work on blocks of LANES = 8 lines at once: the block is copied into a
 * buffer of rows (row r holds element r of the 8 lines, the boundary extension included),
 * a kernel filters the rows with four f64x2 vectors per row (four independent chains of
 * additions), and the result is stored back. Along an axis that is not the last one the
 * 8 lines are neighbours in memory, so a row is 64 contiguous bytes; along the last axis
 * the lines are gathered element by element (a transpose).
 *
 * Memory is managed by the caller (src/wasm/runtime.ts); pointers are byte offsets.
 */

const LANES: i32 = 8;
const ROW: i32 = LANES * 8; // bytes per row of a block

export function heapBase(): usize {
  return __heap_base;
}

// ---- blocks of lines -------------------------------------------------------------------

/**
 * Copies the lines of a block into rows [before, before + n) of `ext`. Line l starts at
 * element starts[l] of `src` (int32 table); its elements are `stride` apart. When
 * `adjacent` is set the 8 lines start at starts[0] + 0 … 7.
 */
function gather(ext: usize, src: usize, starts: usize, n: i32, stride: i32, before: i32, adjacent: bool): void {
  let e = ext + <usize>(before * ROW);
  const step = <usize>stride << 3;
  if (adjacent) {
    let s = src + (<usize>load<i32>(starts) << 3);
    for (let r = 0; r < n; r++) {
      v128.store(e, v128.load(s));
      v128.store(e, v128.load(s, 16), 16);
      v128.store(e, v128.load(s, 32), 32);
      v128.store(e, v128.load(s, 48), 48);
      s += step;
      e += ROW;
    }
    return;
  }
  for (let l = 0; l < LANES; l++) {
    let s = src + (<usize>load<i32>(starts + (<usize>l << 2)) << 3);
    let d = ext + <usize>(before * ROW) + (<usize>l << 3);
    for (let r = 0; r < n; r++) {
      store<f64>(d, load<f64>(s));
      s += step;
      d += ROW;
    }
  }
}

/** Stores the first `count` lines of the block rows `out` back (the inverse of a gather of lines that are not neighbours), rounded to float32 when `round32`. */
function scatter(dst: usize, out: usize, starts: usize, count: i32, n: i32, stride: i32, round32: bool): void {
  const step = <usize>stride << 3;
  for (let l = 0; l < count; l++) {
    let d = dst + (<usize>load<i32>(starts + (<usize>l << 2)) << 3);
    let o = out + (<usize>l << 3);
    for (let r = 0; r < n; r++) {
      let v = load<f64>(o);
      if (round32) v = <f64>(<f32>v);
      store<f64>(d, v);
      d += step;
      o += ROW;
    }
  }
}

/** Stores one row of 8 results (rounded to float32 when `round32`). */
// @inline
function putRow(o: usize, a0: v128, a1: v128, a2: v128, a3: v128, round32: bool): void {
  v128.store(o, roundRow(a0, round32));
  v128.store(o, roundRow(a1, round32), 16);
  v128.store(o, roundRow(a2, round32), 32);
  v128.store(o, roundRow(a3, round32), 48);
}

// @inline
function roundRow(v: v128, round32: bool): v128 {
  return round32 ? f64x2.promote_low_f32x4(f32x4.demote_f64x2_zero(v)) : v;
}

/**
 * Fills the extension rows of `ext` (before the line and after it): sources[j] is the
 * line element row j copies, or −1 for the fill value `cval` (the mapping of the
 * boundary mode, computed by the caller).
 */
function extend(ext: usize, n: i32, before: i32, after: i32, sources: usize, cval: f64): void {
  const fill = f64x2.splat(cval);
  for (let j = 0; j < before + after; j++) {
    const k = load<i32>(sources + (<usize>j << 2));
    const row = j < before ? j : n + j;
    const d = ext + <usize>(row * ROW);
    if (k < 0) {
      v128.store(d, fill);
      v128.store(d, fill, 16);
      v128.store(d, fill, 32);
      v128.store(d, fill, 48);
    } else {
      const s = ext + <usize>((before + k) * ROW);
      v128.store(d, v128.load(s));
      v128.store(d, v128.load(s, 16), 16);
      v128.store(d, v128.load(s, 32), 32);
      v128.store(d, v128.load(s, 48), 48);
    }
  }
}

// ---- line kernels (ext rows → out rows) ------------------------------------------------

const PLAIN = 0;
const SYMMETRIC = 1;
const ANTISYMMETRIC = 2;
const UNIFORM = 3;
const MINIMUM = 4;
const MAXIMUM = 5;

/** Output j = ext[j + s − 1]·w[s − 1] + Σ over k < s − 1 of ext[j + k]·w[k], in that order. */
function plainCorrelation(ext: usize, out: usize, stride: usize, round32: bool, n: i32, w: usize, size: i32): void {
  const last = size - 1;
  const wl = v128.load64_splat(w + (<usize>last << 3));
  for (let j = 0; j < n; j++) {
    let e = ext + <usize>((j + last) * ROW);
    let a0 = f64x2.mul(v128.load(e), wl);
    let a1 = f64x2.mul(v128.load(e, 16), wl);
    let a2 = f64x2.mul(v128.load(e, 32), wl);
    let a3 = f64x2.mul(v128.load(e, 48), wl);
    e = ext + <usize>(j * ROW);
    for (let k = 0; k < last; k++) {
      const wk = v128.load64_splat(w + (<usize>k << 3));
      a0 = f64x2.add(a0, f64x2.mul(v128.load(e), wk));
      a1 = f64x2.add(a1, f64x2.mul(v128.load(e, 16), wk));
      a2 = f64x2.add(a2, f64x2.mul(v128.load(e, 32), wk));
      a3 = f64x2.add(a3, f64x2.mul(v128.load(e, 48), wk));
      e += ROW;
    }
    putRow(out + <usize>j * stride, a0, a1, a2, a3, round32);
  }
}

/**
 * Odd-length (anti)symmetric weights, SciPy's folding: output j = ext[c]·w[h] + Σ from
 * the outermost pair in of (ext[c − k] ± ext[c + k])·w[h − k], c = j + h.
 */
function pairedCorrelation(ext: usize, out: usize, stride: usize, round32: bool, n: i32, w: usize, size: i32, anti: bool): void {
  const half = (size - 1) >> 1;
  const centre = v128.load64_splat(w + (<usize>half << 3));
  for (let j = 0; j < n; j++) {
    const c = ext + <usize>((j + half) * ROW);
    let a0 = f64x2.mul(v128.load(c), centre);
    let a1 = f64x2.mul(v128.load(c, 16), centre);
    let a2 = f64x2.mul(v128.load(c, 32), centre);
    let a3 = f64x2.mul(v128.load(c, 48), centre);
    for (let k = half; k > 0; k--) {
      const wk = v128.load64_splat(w + (<usize>(half - k) << 3));
      const lo = c - <usize>(k * ROW);
      const hi = c + <usize>(k * ROW);
      if (anti) {
        a0 = f64x2.add(a0, f64x2.mul(f64x2.sub(v128.load(lo), v128.load(hi)), wk));
        a1 = f64x2.add(a1, f64x2.mul(f64x2.sub(v128.load(lo, 16), v128.load(hi, 16)), wk));
        a2 = f64x2.add(a2, f64x2.mul(f64x2.sub(v128.load(lo, 32), v128.load(hi, 32)), wk));
        a3 = f64x2.add(a3, f64x2.mul(f64x2.sub(v128.load(lo, 48), v128.load(hi, 48)), wk));
      } else {
        a0 = f64x2.add(a0, f64x2.mul(f64x2.add(v128.load(lo), v128.load(hi)), wk));
        a1 = f64x2.add(a1, f64x2.mul(f64x2.add(v128.load(lo, 16), v128.load(hi, 16)), wk));
        a2 = f64x2.add(a2, f64x2.mul(f64x2.add(v128.load(lo, 32), v128.load(hi, 32)), wk));
        a3 = f64x2.add(a3, f64x2.mul(f64x2.add(v128.load(lo, 48), v128.load(hi, 48)), wk));
      }
    }
    putRow(out + <usize>j * stride, a0, a1, a2, a3, round32);
  }
}

/** SciPy's running sum: sum of the first window from 0, then + (entering − leaving); each output sum / size. */
function uniformLines(ext: usize, out: usize, stride: usize, round32: bool, n: i32, size: i32): void {
  const div = f64x2.splat(<f64>size);
  let s0 = f64x2.splat(0);
  let s1 = s0;
  let s2 = s0;
  let s3 = s0;
  let e = ext;
  for (let k = 0; k < size; k++) {
    s0 = f64x2.add(s0, v128.load(e));
    s1 = f64x2.add(s1, v128.load(e, 16));
    s2 = f64x2.add(s2, v128.load(e, 32));
    s3 = f64x2.add(s3, v128.load(e, 48));
    e += ROW;
  }
  let o = out;
  putRow(o, f64x2.div(s0, div), f64x2.div(s1, div), f64x2.div(s2, div), f64x2.div(s3, div), round32);
  let leaving = ext;
  for (let j = 1; j < n; j++) {
    o += stride;
    s0 = f64x2.add(s0, f64x2.sub(v128.load(e), v128.load(leaving)));
    s1 = f64x2.add(s1, f64x2.sub(v128.load(e, 16), v128.load(leaving, 16)));
    s2 = f64x2.add(s2, f64x2.sub(v128.load(e, 32), v128.load(leaving, 32)));
    s3 = f64x2.add(s3, f64x2.sub(v128.load(e, 48), v128.load(leaving, 48)));
    putRow(o, f64x2.div(s0, div), f64x2.div(s1, div), f64x2.div(s2, div), f64x2.div(s3, div), round32);
    e += ROW;
    leaving += ROW;
  }
}

/**
 * `a` wins over `b`: a ≤ b for the minimum (a ≥ b for the maximum), lane by lane. Ties go
 * to `a`, NaN never wins (the data has none when this runs).
 */
// @inline
function wins(a: v128, b: v128, isMax: bool): v128 {
  return isMax ? f64x2.ge(a, b) : f64x2.le(a, b);
}

// @inline
function winsStrictly(a: v128, b: v128, isMax: bool): v128 {
  return isMax ? f64x2.gt(a, b) : f64x2.lt(a, b);
}

/**
 * Sliding minimum/maximum of `size` in three comparisons per element whatever the size:
 * van Herk ("A fast algorithm for local minimum and maximum filters on rectangular and
 * octagonal kernels", Pattern Recognition Letters 13, 1992) and Gil & Werman ("Computing
 * 2-D min, median, and max filters", IEEE PAMI 15, 1993). The extended line is cut into
 * blocks of `size`; h holds the minima from each element to its block's end, g those from
 * its block's start; window j spans the end of one block and the start of the next, so
 * its minimum is min(h[j], g[j + size − 1]).
 *
 * Ties pick the latest element (g keeps a later equal value, h an earlier one only when
 * strictly better, and g covers the later part of the window) — the element SciPy's
 * ascending-minima scan returns, which matters for −0 against +0.
 */
function vanHerk(ext: usize, out: usize, stride: usize, round32: bool, n: i32, size: i32, isMax: bool, h: usize): void {
  const len = n + size - 1;
  // h: suffix minima within each block, from its last element down
  for (let b = 0; b < len; b += size) {
    const end = min(b + size, len) - 1;
    let p = <usize>(end * ROW);
    let h0 = v128.load(ext + p);
    let h1 = v128.load(ext + p, 16);
    let h2 = v128.load(ext + p, 32);
    let h3 = v128.load(ext + p, 48);
    v128.store(h + p, h0);
    v128.store(h + p, h1, 16);
    v128.store(h + p, h2, 32);
    v128.store(h + p, h3, 48);
    for (let i = end - 1; i >= b; i--) {
      p -= ROW;
      const x0 = v128.load(ext + p);
      const x1 = v128.load(ext + p, 16);
      const x2 = v128.load(ext + p, 32);
      const x3 = v128.load(ext + p, 48);
      h0 = v128.bitselect(x0, h0, winsStrictly(x0, h0, isMax));
      h1 = v128.bitselect(x1, h1, winsStrictly(x1, h1, isMax));
      h2 = v128.bitselect(x2, h2, winsStrictly(x2, h2, isMax));
      h3 = v128.bitselect(x3, h3, winsStrictly(x3, h3, isMax));
      v128.store(h + p, h0);
      v128.store(h + p, h1, 16);
      v128.store(h + p, h2, 32);
      v128.store(h + p, h3, 48);
    }
  }
  // g: prefix minima within each block, carried along as the windows' ends advance
  let g0 = f64x2.splat(0);
  let g1 = g0;
  let g2 = g0;
  let g3 = g0;
  for (let i = 0; i < len; i++) {
    const p = <usize>(i * ROW);
    const x0 = v128.load(ext + p);
    const x1 = v128.load(ext + p, 16);
    const x2 = v128.load(ext + p, 32);
    const x3 = v128.load(ext + p, 48);
    if (i % size === 0) {
      g0 = x0;
      g1 = x1;
      g2 = x2;
      g3 = x3;
    } else {
      g0 = v128.bitselect(x0, g0, wins(x0, g0, isMax));
      g1 = v128.bitselect(x1, g1, wins(x1, g1, isMax));
      g2 = v128.bitselect(x2, g2, wins(x2, g2, isMax));
      g3 = v128.bitselect(x3, g3, wins(x3, g3, isMax));
    }
    const j = i - size + 1;
    if (j < 0) continue;
    const q = h + <usize>(j * ROW);
    const k0 = v128.load(q);
    const k1 = v128.load(q, 16);
    const k2 = v128.load(q, 32);
    const k3 = v128.load(q, 48);
    putRow(
      out + <usize>j * stride,
      v128.bitselect(g0, k0, wins(g0, k0, isMax)),
      v128.bitselect(g1, k1, wins(g1, k1, isMax)),
      v128.bitselect(g2, k2, wins(g2, k2, isMax)),
      v128.bitselect(g3, k3, wins(g3, k3, isMax)),
      round32,
    );
  }
}

/** Whether rows [0, len) of a block hold a NaN. */
function hasNaN(ext: usize, len: i32): bool {
  let acc = i64x2.splat(0);
  let p = ext;
  for (let i = 0; i < len; i++) {
    const x0 = v128.load(p);
    const x1 = v128.load(p, 16);
    const x2 = v128.load(p, 32);
    const x3 = v128.load(p, 48);
    acc = v128.or(acc, v128.or(v128.or(f64x2.ne(x0, x0), f64x2.ne(x1, x1)), v128.or(f64x2.ne(x2, x2), f64x2.ne(x3, x3))));
    p += ROW;
  }
  return v128.any_true(acc);
}

/**
 * Richard Harter's ascending-minima scan ("Sliding window minimum", 2001) on one lane, as
 * SciPy runs it; used for blocks holding a NaN, whose results depend on SciPy's exact
 * sequence of comparisons. `ring` holds 2·size doubles (values, then leaving indices).
 */
function harterLane(ext: usize, out: usize, stride: usize, round32: bool, n: i32, size: i32, isMax: bool, ring: usize): void {
  const values = ring;
  const deaths = ring + (<usize>size << 3);
  let front = 0;
  let back = 0;
  store<f64>(values, load<f64>(ext));
  store<f64>(deaths, <f64>size);
  for (let i = 1; i < size + n - 1; i++) {
    const v = load<f64>(ext + <usize>(i * ROW));
    if (load<f64>(deaths + (<usize>front << 3)) === <f64>i) front = front + 1 === size ? 0 : front + 1;
    if (better(v, load<f64>(values + (<usize>front << 3)), isMax)) {
      store<f64>(values + (<usize>front << 3), v);
      store<f64>(deaths + (<usize>front << 3), <f64>(i + size));
      back = front;
    } else {
      while (better(v, load<f64>(values + (<usize>back << 3)), isMax)) back = back === 0 ? size - 1 : back - 1;
      back = back + 1 === size ? 0 : back + 1;
      store<f64>(values + (<usize>back << 3), v);
      store<f64>(deaths + (<usize>back << 3), <f64>(i + size));
    }
    if (i >= size - 1) {
      const v = load<f64>(values + (<usize>front << 3));
      store<f64>(out + <usize>(i - size + 1) * stride, round32 ? <f64>(<f32>v) : v);
    }
  }
}

// @inline
function better(a: f64, b: f64, isMax: bool): bool {
  return isMax ? a >= b : a <= b;
}

function minMaxLines(ext: usize, out: usize, stride: usize, round32: bool, n: i32, size: i32, isMax: bool, tmp: usize): void {
  if (size === 1) {
    for (let j = 0; j < n; j++) {
      const e = ext + <usize>(j * ROW);
      putRow(out + <usize>j * stride, v128.load(e), v128.load(e, 16), v128.load(e, 32), v128.load(e, 48), round32);
    }
    return;
  }
  if (!hasNaN(ext, n + size - 1)) {
    vanHerk(ext, out, stride, round32, n, size, isMax, tmp);
    return;
  }
  for (let l = 0; l < LANES; l++) harterLane(ext + (<usize>l << 3), out + (<usize>l << 3), stride, round32, n, size, isMax, tmp);
}

// ---- correlation along contiguous lines -------------------------------------------------

/**
 * Correlation along the last axis: each line is copied with its extension into `ext`
 * (n + before + after doubles) and its outputs, eight neighbours at a time, are written
 * straight back into the line. Same sums, same order, as the block kernels above.
 */
function correlateLines(
  plane: usize,
  lines: i32,
  n: i32,
  before: i32,
  after: i32,
  sources: usize,
  cval: f64,
  kind: i32,
  w: usize,
  size: i32,
  ext: usize,
  round32: bool,
): void {
  for (let line = 0; line < lines; line++) {
    const p = plane + (<usize>(line * n) << 3);
    memory.copy(ext + (<usize>before << 3), p, <usize>n << 3);
    for (let j = 0; j < before + after; j++) {
      const k = load<i32>(sources + (<usize>j << 2));
      const at = j < before ? j : n + j;
      store<f64>(ext + (<usize>at << 3), k < 0 ? cval : load<f64>(ext + (<usize>(before + k) << 3)));
    }
    if (kind === PLAIN) plainAlong(ext, p, n, w, size, round32);
    else pairedAlong(ext, p, n, w, size, kind === ANTISYMMETRIC, round32);
  }
}

function plainAlong(ext: usize, out: usize, n: i32, w: usize, size: i32, round32: bool): void {
  const last = size - 1;
  const wlast = load<f64>(w + (<usize>last << 3));
  const wl = f64x2.splat(wlast);
  let j = 0;
  for (; j + 8 <= n; j += 8) {
    let e = ext + (<usize>(j + last) << 3);
    let a0 = f64x2.mul(v128.load(e), wl);
    let a1 = f64x2.mul(v128.load(e, 16), wl);
    let a2 = f64x2.mul(v128.load(e, 32), wl);
    let a3 = f64x2.mul(v128.load(e, 48), wl);
    e = ext + (<usize>j << 3);
    for (let k = 0; k < last; k++) {
      const wk = v128.load64_splat(w + (<usize>k << 3));
      a0 = f64x2.add(a0, f64x2.mul(v128.load(e), wk));
      a1 = f64x2.add(a1, f64x2.mul(v128.load(e, 16), wk));
      a2 = f64x2.add(a2, f64x2.mul(v128.load(e, 32), wk));
      a3 = f64x2.add(a3, f64x2.mul(v128.load(e, 48), wk));
      e += 8;
    }
    putRow(out + (<usize>j << 3), a0, a1, a2, a3, round32);
  }
  for (; j < n; j++) {
    let acc = load<f64>(ext + (<usize>(j + last) << 3)) * wlast;
    for (let k = 0; k < last; k++) acc += load<f64>(ext + (<usize>(j + k) << 3)) * load<f64>(w + (<usize>k << 3));
    store<f64>(out + (<usize>j << 3), round32 ? <f64>(<f32>acc) : acc);
  }
}

function pairedAlong(ext: usize, out: usize, n: i32, w: usize, size: i32, anti: bool, round32: bool): void {
  const half = (size - 1) >> 1;
  const wc = load<f64>(w + (<usize>half << 3));
  const centre = f64x2.splat(wc);
  let j = 0;
  for (; j + 8 <= n; j += 8) {
    const c = ext + (<usize>(j + half) << 3);
    let a0 = f64x2.mul(v128.load(c), centre);
    let a1 = f64x2.mul(v128.load(c, 16), centre);
    let a2 = f64x2.mul(v128.load(c, 32), centre);
    let a3 = f64x2.mul(v128.load(c, 48), centre);
    for (let k = half; k > 0; k--) {
      const wk = v128.load64_splat(w + (<usize>(half - k) << 3));
      const lo = c - (<usize>k << 3);
      const hi = c + (<usize>k << 3);
      if (anti) {
        a0 = f64x2.add(a0, f64x2.mul(f64x2.sub(v128.load(lo), v128.load(hi)), wk));
        a1 = f64x2.add(a1, f64x2.mul(f64x2.sub(v128.load(lo, 16), v128.load(hi, 16)), wk));
        a2 = f64x2.add(a2, f64x2.mul(f64x2.sub(v128.load(lo, 32), v128.load(hi, 32)), wk));
        a3 = f64x2.add(a3, f64x2.mul(f64x2.sub(v128.load(lo, 48), v128.load(hi, 48)), wk));
      } else {
        a0 = f64x2.add(a0, f64x2.mul(f64x2.add(v128.load(lo), v128.load(hi)), wk));
        a1 = f64x2.add(a1, f64x2.mul(f64x2.add(v128.load(lo, 16), v128.load(hi, 16)), wk));
        a2 = f64x2.add(a2, f64x2.mul(f64x2.add(v128.load(lo, 32), v128.load(hi, 32)), wk));
        a3 = f64x2.add(a3, f64x2.mul(f64x2.add(v128.load(lo, 48), v128.load(hi, 48)), wk));
      }
    }
    putRow(out + (<usize>j << 3), a0, a1, a2, a3, round32);
  }
  for (; j < n; j++) {
    const c = ext + (<usize>(j + half) << 3);
    let acc = load<f64>(c) * wc;
    for (let k = half; k > 0; k--) {
      const lo = load<f64>(c - (<usize>k << 3));
      const hi = load<f64>(c + (<usize>k << 3));
      acc += (anti ? lo - hi : lo + hi) * load<f64>(w + (<usize>(half - k) << 3));
    }
    store<f64>(out + (<usize>j << 3), round32 ? <f64>(<f32>acc) : acc);
  }
}

// ---- one pass over every line of a plane -----------------------------------------------

/**
 * Filters `plane` (C order, `outer` × `n` × `inner` doubles, n along the filtered axis) in
 * place along its middle axis: blocks of 8 lines are gathered into `ext` ((before + n +
 * after) rows), extended, filtered into `out` (n rows) and stored back.
 *
 * kind: PLAIN, SYMMETRIC, ANTISYMMETRIC (weights `w`, `size` of them), UNIFORM, MINIMUM or
 * MAXIMUM (a window of `size`). `tmp` holds (before + n + after) rows for min/max, `starts`
 * 8 int32. `round32`: store the results rounded to float32 (a float32 output between passes).
 */
export function linePass(
  plane: usize,
  outer: i32,
  n: i32,
  inner: i32,
  before: i32,
  after: i32,
  sources: usize,
  cval: f64,
  kind: i32,
  w: usize,
  size: i32,
  ext: usize,
  out: usize,
  tmp: usize,
  starts: usize,
  round32: bool,
): void {
  if (inner === 1 && kind <= ANTISYMMETRIC) {
    correlateLines(plane, outer, n, before, after, sources, cval, kind, w, size, ext, round32);
    return;
  }
  const total = outer * inner;
  for (let first = 0; first < total; first += LANES) {
    const count = min(LANES, total - first);
    const o = first / inner;
    const i = first % inner;
    const adjacent = count === LANES && i + LANES <= inner;
    for (let l = 0; l < LANES; l++) {
      const line = first + (l < count ? l : 0);
      const lo = line / inner;
      store<i32>(starts + (<usize>l << 2), lo * n * inner + (line - lo * inner));
    }
    if (adjacent) store<i32>(starts, o * n * inner + i);
    gather(ext, plane, starts, n, inner, before, adjacent);
    extend(ext, n, before, after, sources, cval);
    // neighbouring lines: results go straight to the plane (the block is in ext already);
    // gathered lines: into `out`, stored back by scatter
    const dst = adjacent ? plane + (<usize>load<i32>(starts) << 3) : out;
    const stride: usize = adjacent ? <usize>inner << 3 : ROW;
    const r32 = adjacent && round32;
    if (kind === PLAIN) plainCorrelation(ext, dst, stride, r32, n, w, size);
    else if (kind === SYMMETRIC) pairedCorrelation(ext, dst, stride, r32, n, w, size, false);
    else if (kind === ANTISYMMETRIC) pairedCorrelation(ext, dst, stride, r32, n, w, size, true);
    else if (kind === UNIFORM) uniformLines(ext, dst, stride, r32, n, size);
    else if (kind === MINIMUM || kind === MAXIMUM) minMaxLines(ext, dst, stride, r32, n, size, kind === MAXIMUM, tmp);
    if (!adjacent) scatter(plane, out, starts, count, n, inner, round32);
  }
}

// ---- n-D correlation over a padded plane -----------------------------------------------

/**
 * Rows of n-D correlation: output row r (n elements, at out + r·n) sums, for each of its
 * outputs j, weights[t]·padded[bases[r] + j + offsets[t]] over t in order from 0 (SciPy's
 * order). Eight neighbouring outputs are summed side by side in four f64x2 vectors.
 */
export function correlateRows(
  padded: usize,
  out: usize,
  bases: usize,
  rows: i32,
  n: i32,
  offsets: usize,
  weights: usize,
  count: i32,
  round32: bool,
): void {
  for (let r = 0; r < rows; r++) {
    const base = padded + (<usize>load<i32>(bases + (<usize>r << 2)) << 3);
    const o = out + (<usize>(r * n) << 3);
    let j = 0;
    for (; j + 8 <= n; j += 8) {
      const b = base + (<usize>j << 3);
      let a0 = f64x2.splat(0);
      let a1 = a0;
      let a2 = a0;
      let a3 = a0;
      for (let t = 0; t < count; t++) {
        const wt = v128.load64_splat(weights + (<usize>t << 3));
        const p = b + (<usize>load<i32>(offsets + (<usize>t << 2)) << 3);
        a0 = f64x2.add(a0, f64x2.mul(wt, v128.load(p)));
        a1 = f64x2.add(a1, f64x2.mul(wt, v128.load(p, 16)));
        a2 = f64x2.add(a2, f64x2.mul(wt, v128.load(p, 32)));
        a3 = f64x2.add(a3, f64x2.mul(wt, v128.load(p, 48)));
      }
      const q = o + (<usize>j << 3);
      v128.store(q, roundRow(a0, round32));
      v128.store(q, roundRow(a1, round32), 16);
      v128.store(q, roundRow(a2, round32), 32);
      v128.store(q, roundRow(a3, round32), 48);
    }
    for (; j < n; j++) {
      const b = base + (<usize>j << 3);
      let acc: f64 = 0;
      for (let t = 0; t < count; t++) {
        acc += load<f64>(weights + (<usize>t << 3)) * load<f64>(b + (<usize>load<i32>(offsets + (<usize>t << 2)) << 3));
      }
      store<f64>(o + (<usize>j << 3), round32 ? <f64>(<f32>acc) : acc);
    }
  }
}

/** Rounds `count` doubles at `p` to float32 values (a float32 output's storage), in place. */
export function roundToFloat32(p: usize, count: i32): void {
  let i = 0;
  for (; i + 2 <= count; i += 2) {
    const q = p + (<usize>i << 3);
    v128.store(q, f64x2.promote_low_f32x4(f32x4.demote_f64x2_zero(v128.load(q))));
  }
  if (i < count) {
    const q = p + (<usize>i << 3);
    store<f64>(q, <f64>(<f32>load<f64>(q)));
  }
}

// ---- rank filters: a sorted window slid along the last axis ------------------------------

/**
 * Rank filter of rows of outputs over a padded plane whose values are totally ordered (no
 * NaN, no −0: then equal values are identical and the rank-th value is the same whatever
 * selects it, SciPy's Hoare FIND included). Output row r (n elements, at out + r·n)
 * starts its window at padded + bases[r]; `window` holds the footprint's s offsets,
 * `leave`/`enter` the h offsets whose values leave/enter the window when it moves one
 * step along the last axis (enter's already include that step).
 *
 * The window is kept sorted: the first one by insertion, each next one by removing the
 * sorted leaving values and merging in the sorted entering ones — a sliding sorted window
 * (as in T. S. Huang's running median, with the histogram replaced by a sorted array that
 * holds any values). Removal and merge are branch-free (selects), so random data costs
 * no mispredicted branches: about 2·s steps per output instead of a selection's
 * data-dependent partitioning.
 *
 * When every run of the footprint along the last axis has the same length `span` (a
 * box: the width), the values leaving at a step are those that entered `span` steps
 * before: their sorted copies are kept in a ring of `span` slots and sorted only once.
 * `span` 0: the leaving values are gathered and sorted at each step.
 *
 * `scratch` holds 2·(s + 1) + (max(span, 1) + 1)·(h + 1) doubles.
 */
export function rankRows(
  padded: usize,
  out: usize,
  bases: usize,
  rows: i32,
  n: i32,
  window: usize,
  s: i32,
  enter: usize,
  leave: usize,
  h: i32,
  rank: i32,
  span: i32,
  scratch: usize,
): void {
  const sorted = scratch;
  const spare = sorted + (<usize>(s + 1) << 3);
  const gone = spare + (<usize>(s + 1) << 3);
  const ring = gone + (<usize>(h + 1) << 3);
  const slotBytes = <usize>(h + 1) << 3;
  const kept = s - h;
  const at = <usize>rank << 3;
  for (let r = 0; r < rows; r++) {
    const base = padded + (<usize>load<i32>(bases + (<usize>r << 2)) << 3);
    const o = out + (<usize>(r * n) << 3);
    gatherSorted(sorted, base, window, s);
    let j = 0;
    for (;;) {
      store<f64>(o + (<usize>j << 3), load<f64>(sorted + at));
      if (++j === n) break;
      const b = base + (<usize>(j - 1) << 3);
      // the entering values' slot of the ring (the one slot when there is no ring), which
      // holds the values that leave now when they entered `span` steps ago
      const come = span > 0 ? ring + <usize>(j % span) * slotBytes : ring;
      let leaving = come;
      if (span === 0 || j <= span) {
        gatherSorted(gone, b, leave, h);
        leaving = gone;
      }
      // a sentinel ends the branch-free removal without a bounds test: a NaN equals no value
      store<f64>(leaving + (<usize>h << 3), NaN);
      // drop the leaving values (each equals one element, in order): every element is
      // written, and the write position advances past those that stay
      let w = 0;
      let p = 0;
      for (let i = 0; i < s; i++) {
        const v = load<f64>(sorted + (<usize>i << 3));
        store<f64>(spare + (<usize>w << 3), v);
        const drop = <i32>(v === load<f64>(leaving + (<usize>p << 3)));
        w += 1 - drop;
        p += drop;
      }
      // merge the entering values in; sentinels again: a kept NaN (never ≤) or an
      // entering +∞ (always ≥) is never taken
      store<f64>(spare + (<usize>kept << 3), NaN);
      gatherSorted(come, b, enter, h);
      store<f64>(come + (<usize>h << 3), Infinity);
      let i = 0;
      let q = 0;
      for (let k = 0; k < s; k++) {
        const a = load<f64>(spare + (<usize>i << 3));
        const e = load<f64>(come + (<usize>q << 3));
        const takeEntering = <i32>!(a <= e);
        store<f64>(sorted + (<usize>k << 3), select<f64>(e, a, takeEntering));
        q += takeEntering;
        i += 1 - takeEntering;
      }
    }
  }
}

/** The `count` values at base + offsets[t], sorted ascending into `dst` (insertion sort: the sets are small). */
function gatherSorted(dst: usize, base: usize, offsets: usize, count: i32): void {
  for (let t = 0; t < count; t++) {
    const v = load<f64>(base + (<usize>load<i32>(offsets + (<usize>t << 2)) << 3));
    let k = t;
    while (k > 0) {
      const u = load<f64>(dst + (<usize>(k - 1) << 3));
      if (u <= v) break;
      store<f64>(dst + (<usize>k << 3), u);
      k--;
    }
    store<f64>(dst + (<usize>k << 3), v);
  }
}

// ---- 3×3 median, a vector of neighbouring outputs at once -----------------------------------

/**
 * Medians of the 3×3 windows of a padded plane of T (u8, i8, f32 or f64): output row r
 * (n ≥ 16 / sizeof<T>() elements, at out + r·n) has its first window's top-left element at
 * padded + bases[r] (in elements), and the window's rows are `rowStride` elements apart.
 * Each window's median is the median of the largest column minimum, the median of the
 * column medians and the smallest column maximum (A. W. Paeth, "Median finding on a 3×3
 * grid", Graphics Gems, 1990), computed with lane minima and maxima for a vector of
 * neighbouring outputs at once. Floats must be totally ordered (no NaN, no −0): the
 * median is then unique, and the result any selection's (SciPy's too).
 */
function median3x3<T>(padded: usize, out: usize, bases: usize, rows: i32, n: i32, rowStride: i32): void {
  const lanes = 16 / <i32>sizeof<T>();
  const shift = <usize>alignof<T>();
  const stride = <usize>rowStride << shift;
  for (let r = 0; r < rows; r++) {
    const top = padded + (<usize>load<i32>(bases + (<usize>r << 2)) << shift);
    const o = out + (<usize>(r * n) << shift);
    // blocks of `lanes`; the last one overlaps the one before rather than running past the row
    for (let j = 0; j < n; j += lanes) {
      const at = <usize>min(j, n - lanes) << shift;
      const p = top + at;
      // column c of the windows: rows a, b, e at p + c, sorted lane by lane into lo ≤ mid ≤ hi
      let maxLo = i8x16.splat(0);
      let minHi = maxLo;
      let mid0 = maxLo;
      let mid1 = maxLo;
      let mid2 = maxLo;
      for (let c = 0; c < 3; c++) {
        const q = p + (<usize>c << shift);
        const a = v128.load(q);
        const b = v128.load(q + stride);
        const e = v128.load(q + 2 * stride);
        const low = v128.min<T>(a, b);
        const high = v128.max<T>(a, b);
        const lo = v128.min<T>(low, e);
        const hi = v128.max<T>(high, e);
        const mid = v128.max<T>(low, v128.min<T>(high, e));
        if (c === 0) {
          maxLo = lo;
          minHi = hi;
          mid0 = mid;
        } else {
          maxLo = v128.max<T>(maxLo, lo);
          minHi = v128.min<T>(minHi, hi);
          if (c === 1) mid1 = mid;
          else mid2 = mid;
        }
      }
      v128.store(o + at, median3<T>(maxLo, median3<T>(mid0, mid1, mid2), minHi));
    }
  }
}

// @inline
function median3<T>(a: v128, b: v128, c: v128): v128 {
  return v128.max<T>(v128.min<T>(a, b), v128.min<T>(v128.max<T>(a, b), c));
}

/** median3x3 over bytes: `signed` int8, else uint8 (sixteen outputs at once). */
export function median3x3Bytes(padded: usize, out: usize, bases: usize, rows: i32, n: i32, rowStride: i32, signed: bool): void {
  if (signed) median3x3<i8>(padded, out, bases, rows, n, rowStride);
  else median3x3<u8>(padded, out, bases, rows, n, rowStride);
}

/** median3x3 over floats: `single` float32 (four outputs at once), else float64 (two). */
export function median3x3Floats(padded: usize, out: usize, bases: usize, rows: i32, n: i32, rowStride: i32, single: bool): void {
  if (single) median3x3<f32>(padded, out, bases, rows, n, rowStride);
  else median3x3<f64>(padded, out, bases, rows, n, rowStride);
}

// ---- rank filters by a selection network, a vector of neighbouring outputs at once ---------

/**
 * The rank-`rank` element of each window of a padded plane of T (u8, i8, f32 or f64) by a
 * comparator network: output row r (n ≥ 16 / sizeof<T>() elements, at out + r·n) has its
 * first window at padded + bases[r] (in elements), the window's s elements at `offsets`;
 * `network` holds `count` comparators (i, j), i < j, each leaving the minimum on wire i
 * and the maximum on wire j, after which wire `rank` holds the answer. Each wire is a
 * vector: 16 / sizeof<T>() neighbouring outputs go through the network at once. `wires`
 * holds s vectors. Floats must be totally ordered (no NaN, no −0), so that the lanes'
 * minima and maxima are exact comparisons.
 */
function networkRank<T>(
  padded: usize,
  out: usize,
  bases: usize,
  rows: i32,
  n: i32,
  offsets: usize,
  s: i32,
  network: usize,
  count: i32,
  rank: i32,
  wires: usize,
): void {
  const lanes = 16 / <i32>sizeof<T>();
  const shift = <usize>alignof<T>();
  for (let r = 0; r < rows; r++) {
    const first = padded + (<usize>load<i32>(bases + (<usize>r << 2)) << shift);
    const o = out + (<usize>(r * n) << shift);
    // blocks of `lanes`; the last one overlaps the one before rather than running past the row
    for (let j = 0; j < n; j += lanes) {
      const at = <usize>min(j, n - lanes) << shift;
      const p = first + at;
      for (let t = 0; t < s; t++) v128.store(wires + (<usize>t << 4), v128.load(p + (<usize>load<i32>(offsets + (<usize>t << 2)) << shift)));
      for (let c = 0; c < count; c++) {
        const wi = wires + (<usize>load<i32>(network + (<usize>c << 3)) << 4);
        const wj = wires + (<usize>load<i32>(network + (<usize>c << 3), 4) << 4);
        const a = v128.load(wi);
        const b = v128.load(wj);
        v128.store(wi, v128.min<T>(a, b));
        v128.store(wj, v128.max<T>(a, b));
      }
      v128.store(o + at, v128.load(wires + (<usize>rank << 4)));
    }
  }
}

/** networkRank over bytes: `signed` int8, else uint8 (sixteen outputs at once). */
export function networkRankBytes(
  padded: usize,
  out: usize,
  bases: usize,
  rows: i32,
  n: i32,
  offsets: usize,
  s: i32,
  network: usize,
  count: i32,
  rank: i32,
  wires: usize,
  signed: bool,
): void {
  if (signed) networkRank<i8>(padded, out, bases, rows, n, offsets, s, network, count, rank, wires);
  else networkRank<u8>(padded, out, bases, rows, n, offsets, s, network, count, rank, wires);
}

/** networkRank over floats: `single` float32 (four outputs at once), else float64 (two). */
export function networkRankFloats(
  padded: usize,
  out: usize,
  bases: usize,
  rows: i32,
  n: i32,
  offsets: usize,
  s: i32,
  network: usize,
  count: i32,
  rank: i32,
  wires: usize,
  single: bool,
): void {
  if (single) networkRank<f32>(padded, out, bases, rows, n, offsets, s, network, count, rank, wires);
  else networkRank<f64>(padded, out, bases, rows, n, offsets, s, network, count, rank, wires);
}

// ---- box minimum/maximum of 8-bit images, sixteen outputs at once ---------------------------

/**
 * One axis of a box minimum (maximum when `isMax`) over bytes (`signed`: int8, else
 * uint8): `src` is (outer, n + size − 1, inner) C-ordered, `dst` (outer, n, inner), and
 * dst[o, j, i] = min over k < size of src[o, j + k, i]. Vectors of 16 bytes run along
 * `inner` when it has 16 or more elements, else along j (inner = 1, the last axis).
 * Minima are exact, so the box's passes give the box's minimum in any order; with the
 * input padded once by the boundary mode they equal SciPy's passes, each of which
 * extends the previous pass's result (the extension maps indices per axis alike).
 */
export function boxMinMaxBytes(src: usize, dst: usize, outer: i32, n: i32, inner: i32, size: i32, isMax: bool, signed: bool): void {
  const m = n + size - 1;
  const step = <usize>inner;
  for (let o = 0; o < outer; o++) {
    const s0 = src + <usize>(o * m) * step;
    const d0 = dst + <usize>(o * n) * step;
    if (inner >= 16) {
      for (let j = 0; j < n; j++) {
        const s = s0 + <usize>j * step;
        const d = d0 + <usize>j * step;
        for (let i = 0; i < inner; i += 16) {
          const at = <usize>min(i, inner - 16);
          let acc = v128.load(s + at);
          for (let k = 1; k < size; k++) acc = byteWinner(acc, v128.load(s + at + <usize>k * step), isMax, signed);
          v128.store(d + at, acc);
        }
      }
    } else if (inner === 1 && n >= 16) {
      for (let j = 0; j < n; j += 16) {
        const at = <usize>min(j, n - 16);
        let acc = v128.load(s0 + at);
        for (let k = 1; k < size; k++) acc = byteWinner(acc, v128.load(s0 + at + <usize>k), isMax, signed);
        v128.store(d0 + at, acc);
      }
    } else {
      for (let j = 0; j < n; j++) {
        for (let i = 0; i < inner; i++) {
          const s = s0 + <usize>j * step + <usize>i;
          let acc = byteOf(s, signed);
          for (let k = 1; k < size; k++) {
            const v = byteOf(s + <usize>k * step, signed);
            acc = isMax ? max(acc, v) : min(acc, v);
          }
          store<u8>(d0 + <usize>j * step + <usize>i, <u8>acc);
        }
      }
    }
  }
}

// @inline
function byteWinner(a: v128, b: v128, isMax: bool, signed: bool): v128 {
  if (signed) return isMax ? i8x16.max_s(a, b) : i8x16.min_s(a, b);
  return isMax ? i8x16.max_u(a, b) : i8x16.min_u(a, b);
}

// @inline
function byteOf(p: usize, signed: bool): i32 {
  return signed ? <i32>load<i8>(p) : <i32>load<u8>(p);
}
