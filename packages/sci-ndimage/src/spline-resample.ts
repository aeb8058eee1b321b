/**
 * Separable resampling (zoom, shift, an affine transform with a diagonal matrix): each
 * output coordinate along an axis depends on its own index only, so the weights and
 * coefficient offsets (boundary folding included) are computed once per output index and
 * axis, as SciPy's zoom_shift does, not once per output value; each value is then one
 * tensor-product sum (spline-sum.ts).
 */
import { locateAxis, type SplineGrid } from './spline-grid.js';
import { sum1, sum2, sum3, sumN } from './spline-sum.js';

/** The taps of every output index along one axis. */
interface AxisTaps {
  readonly length: number;
  /** `length × (order + 1)` weights. */
  readonly weights: Float64Array;
  /** `length × (order + 1)` element offsets into the coefficients. */
  readonly offsets: Int32Array;
  /** 1 where the result is cval ('constant' outside the input). */
  readonly outside: Uint8Array;
}

function axisTaps(grid: SplineGrid, axis: number, coordinates: Float64Array): AxisTaps {
  const taps = grid.order + 1;
  const m = coordinates.length;
  const weights = new Float64Array(m * taps);
  const offsets = new Int32Array(m * taps);
  const outside = new Uint8Array(m);
  locateAxis(grid, axis, coordinates, 0, m, weights, offsets, outside);
  return { length: m, weights, offsets, outside };
}

/**
 * The grid's spline at the outer product of `coordinates` (one list per input axis): a
 * plane of shape [coordinates[0].length, …], in C order (written to `out`, returned);
 * cval where a coordinate is outside in 'constant' mode.
 */
export function resampleSeparable(
  grid: SplineGrid,
  coordinates: readonly Float64Array[],
  cval: number,
  out: Float64Array = new Float64Array(coordinates.reduce((p, c) => p * c.length, 1)),
): Float64Array {
  const taps = grid.order + 1;
  const tables = coordinates.map((c, axis) => axisTaps(grid, axis, c));
  if (out.length === 0) return out;
  const c = grid.coef;
  if (tables.length === 1) {
    const [t0] = tables;
    for (let i = 0; i < t0.length; i++) out[i] = t0.outside[i] ? cval : sum1(c, taps, t0.weights, t0.offsets, i * taps);
  } else if (tables.length === 2 && taps === 2) {
    resampleLinear2(c, tables[0], tables[1], cval, out);
  } else if (tables.length === 2) {
    const [t0, t1] = tables;
    let p = 0;
    for (let i = 0; i < t0.length; i++) {
      if (t0.outside[i]) {
        out.fill(cval, p, p + t1.length);
        p += t1.length;
        continue;
      }
      for (let j = 0; j < t1.length; j++, p++) {
        out[p] = t1.outside[j] ? cval : sum2(c, taps, t0.weights, t0.offsets, i * taps, t1.weights, t1.offsets, j * taps);
      }
    }
  } else if (tables.length === 3 && taps === 2) {
    resampleLinear3(c, tables[0], tables[1], tables[2], cval, out);
  } else if (tables.length === 3) {
    const [t0, t1, t2] = tables;
    let p = 0;
    for (let i = 0; i < t0.length; i++) {
      for (let j = 0; j < t1.length; j++) {
        if (t0.outside[i] || t1.outside[j]) {
          out.fill(cval, p, p + t2.length);
          p += t2.length;
          continue;
        }
        for (let k = 0; k < t2.length; k++, p++) {
          out[p] = t2.outside[k]
            ? cval
            : sum3(c, taps, t0.weights, t0.offsets, i * taps, t1.weights, t1.offsets, j * taps, t2.weights, t2.offsets, k * taps);
        }
      }
    }
  } else {
    resampleAnyRank(grid, tables, cval, out);
  }
  return out;
}

/**
 * resampleSeparable for order 1 in 2-D: a row's two taps read once per row, each value
 * the four terms of sum2 in its order.
 */
function resampleLinear2(c: Float64Array, t0: AxisTaps, t1: AxisTaps, cval: number, out: Float64Array): void {
  const w1 = t1.weights;
  const o1 = t1.offsets;
  const away = t1.outside;
  const n = t1.length;
  let p = 0;
  for (let i = 0; i < t0.length; i++) {
    if (t0.outside[i]) {
      out.fill(cval, p, p + n);
      p += n;
      continue;
    }
    const r0 = t0.offsets[2 * i];
    const r1 = t0.offsets[2 * i + 1];
    const v0 = t0.weights[2 * i];
    const v1 = t0.weights[2 * i + 1];
    for (let j = 0; j < n; j++, p++) {
      if (away[j]) {
        out[p] = cval;
        continue;
      }
      const k0 = o1[2 * j];
      const k1 = o1[2 * j + 1];
      const u0 = w1[2 * j];
      const u1 = w1[2 * j + 1];
      let t = 0;
      t += c[r0 + k0] * v0 * u0;
      t += c[r0 + k1] * v0 * u1;
      t += c[r1 + k0] * v1 * u0;
      t += c[r1 + k1] * v1 * u1;
      out[p] = t;
    }
  }
}

/**
 * resampleSeparable for order 1 in 3-D: the four row offsets and the weights of the two
 * outer axes read once per output line, each value the eight terms of sum3 in its order.
 */
function resampleLinear3(c: Float64Array, t0: AxisTaps, t1: AxisTaps, t2: AxisTaps, cval: number, out: Float64Array): void {
  const w2 = t2.weights;
  const o2 = t2.offsets;
  const away = t2.outside;
  const n = t2.length;
  let p = 0;
  for (let i = 0; i < t0.length; i++) {
    const r0 = t0.offsets[2 * i];
    const r1 = t0.offsets[2 * i + 1];
    const a0 = t0.weights[2 * i];
    const a1 = t0.weights[2 * i + 1];
    for (let j = 0; j < t1.length; j++) {
      if (t0.outside[i] || t1.outside[j]) {
        out.fill(cval, p, p + n);
        p += n;
        continue;
      }
      const m0 = t1.offsets[2 * j];
      const m1 = t1.offsets[2 * j + 1];
      const b0 = t1.weights[2 * j];
      const b1 = t1.weights[2 * j + 1];
      const row00 = r0 + m0;
      const row01 = r0 + m1;
      const row10 = r1 + m0;
      const row11 = r1 + m1;
      for (let k = 0; k < n; k++, p++) {
        if (away[k]) {
          out[p] = cval;
          continue;
        }
        const k0 = o2[2 * k];
        const k1 = o2[2 * k + 1];
        const u0 = w2[2 * k];
        const u1 = w2[2 * k + 1];
        let t = 0;
        t += c[row00 + k0] * a0 * b0 * u0;
        t += c[row00 + k1] * a0 * b0 * u1;
        t += c[row01 + k0] * a0 * b1 * u0;
        t += c[row01 + k1] * a0 * b1 * u1;
        t += c[row10 + k0] * a1 * b0 * u0;
        t += c[row10 + k1] * a1 * b0 * u1;
        t += c[row11 + k0] * a1 * b1 * u0;
        t += c[row11 + k1] * a1 * b1 * u1;
        out[p] = t;
      }
    }
  }
}

/** resampleSeparable for four or more axes. */
function resampleAnyRank(grid: SplineGrid, tables: readonly AxisTaps[], cval: number, out: Float64Array): void {
  const taps = grid.order + 1;
  const nd = tables.length;
  const weights = tables.map((t) => t.weights);
  const offsets = tables.map((t) => t.offsets);
  const index = new Int32Array(nd);
  const at = new Int32Array(nd);
  const tap = new Int32Array(nd);
  for (let p = 0; p < out.length; p++) {
    let outside = false;
    for (let d = 0; d < nd; d++) {
      outside ||= tables[d].outside[index[d]] === 1;
      at[d] = index[d] * taps;
    }
    out[p] = outside ? cval : sumN(grid.coef, taps, weights, offsets, at, tap);
    for (let d = nd - 1; d >= 0; d--) {
      if (++index[d] < tables[d].length) break;
      index[d] = 0;
    }
  }
}
