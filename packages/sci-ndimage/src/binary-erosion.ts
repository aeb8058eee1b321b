/**
 * Binary erosion and dilation of 0/1 planes, with SciPy's semantics: an element becomes
 * true (erosion) when every element under the structure is true, elements beyond the
 * edges having `borderValue`; dilation is the same rule on the inverted values with the
 * structure mirrored (Serra, "Image Analysis and Mathematical Morphology", 1982). Elements
 * where the mask is false keep their input value.
 *
 * Repeated passes are synchronous (each reads the previous pass's result). When the
 * structure holds its centre the passes are monotone, so after the first one only the
 * neighbours of elements that changed can change: those are re-examined from a change
 * list instead of the whole image (as SciPy does unless `brute_force`); both give the
 * same result.
 */
import { strides } from './footprint-pass.js';
import { paddedPositions } from './padded-positions.js';

export interface ErosionSpec {
  /** The input's shape. */
  readonly shape: readonly number[];
  /** The structure's shape (one entry per input axis). */
  readonly fshape: readonly number[];
  /** The structure, C order, 0/1. */
  readonly structure: Uint8Array;
  /** One origin per input axis (already mirrored for dilation). */
  readonly origins: readonly number[];
  readonly borderValue: 0 | 1;
  /** Dilation: true decides instead of false. */
  readonly invert: boolean;
  /** Number of passes; below 1, until nothing changes. */
  readonly iterations: number;
  /** Elements that may change (null: all). */
  readonly mask: Uint8Array | null;
  /** Re-examine every element in each pass. */
  readonly bruteForce: boolean;
}

/** The input padded by the structure's reach, border cells holding `borderValue`. */
interface Padded {
  readonly cells: Uint8Array;
  /** Padded index of each element, C order. */
  readonly position: Int32Array;
  /** Offsets of the structure's true elements from an element's padded index (the centre first when it is true). */
  readonly offsets: Int32Array;
  readonly centreIsTrue: boolean;
}

function pad(values: Uint8Array, spec: ErosionSpec): Padded {
  const { shape, fshape, origins } = spec;
  const nd = shape.length;
  const before = fshape.map((f, d) => Math.floor(f / 2) + origins[d]);
  const pshape = shape.map((n, d) => n + fshape[d] - 1);
  const pstride = strides(pshape);
  const cells = new Uint8Array(pshape.reduce((a, b) => a * b, 1)).fill(spec.borderValue);
  const position = paddedPositions(shape, pstride, before.reduce((acc, b, d) => acc + b * pstride[d], 0));
  for (let k = 0; k < values.length; k++) cells[position[k]] = values[k];
  const list: number[] = [];
  let centreIsTrue = false;
  const fidx = new Array<number>(nd).fill(0);
  for (let k = 0; k < spec.structure.length; k++) {
    if (spec.structure[k] === 1) {
      const off = fidx.reduce((acc, j, d) => acc + (j - before[d]) * pstride[d], 0);
      if (off === 0) centreIsTrue = true;
      else list.push(off);
    }
    for (let d = nd - 1; d >= 0; d--) {
      if (++fidx[d] < fshape[d]) break;
      fidx[d] = 0;
    }
  }
  if (centreIsTrue) list.unshift(0);
  return { cells, position, offsets: Int32Array.from(list), centreIsTrue };
}

/** The eroded (or, with `invert`, dilated) plane of 0/1 `values`. */
export function erodePlane(values: Uint8Array, spec: ErosionSpec): Uint8Array {
  const size = values.length;
  const out = new Uint8Array(size);
  if (size === 0) return out;
  const { cells, position, offsets, centreIsTrue } = pad(values, spec);
  const mask = spec.mask;
  // the value that decides: one false element erodes, one true element dilates
  const stop = spec.invert ? 1 : 0;
  const pass = 1 - stop;
  const count = offsets.length;
  const evaluate = (p: number): number => {
    for (let t = 0; t < count; t++) if (cells[p + offsets[t]] === stop) return stop;
    return pass;
  };

  // first pass over every element, collecting the changes
  let changes: number[] = [];
  for (let k = 0; k < size; k++) {
    const p = position[k];
    const v = mask !== null && mask[k] === 0 ? cells[p] : evaluate(p);
    out[k] = v;
    if (v !== cells[p]) changes.push(k);
  }
  const more = (done: number) => (spec.iterations < 1 ? changes.length > 0 : done < spec.iterations);
  if (!more(1)) return out;

  if (centreIsTrue && !spec.bruteForce) {
    // the element behind each padded cell (-1 for border cells), and a stamp per pass
    const elementAt = new Int32Array(cells.length).fill(-1);
    for (let k = 0; k < size; k++) elementAt[position[k]] = k;
    const stamp = new Int32Array(size).fill(-1);
    let done = 1;
    while (more(done)) {
      for (const k of changes) cells[position[k]] = out[k];
      const next: number[] = [];
      for (const c of changes) {
        const pc = position[c];
        for (let t = 0; t < count; t++) {
          // cells past the padding read undefined; extra candidates are harmless
          const k = elementAt[pc - offsets[t]];
          if (!(k >= 0) || stamp[k] === done || (mask !== null && mask[k] === 0)) continue;
          stamp[k] = done;
          const v = evaluate(position[k]);
          if (v !== cells[position[k]]) {
            out[k] = v;
            next.push(k);
          }
        }
      }
      changes = next;
      done++;
    }
    return out;
  }

  let done = 1;
  while (more(done)) {
    for (let k = 0; k < size; k++) cells[position[k]] = out[k];
    changes = [];
    for (let k = 0; k < size; k++) {
      if (mask !== null && mask[k] === 0) continue;
      const p = position[k];
      const v = evaluate(p);
      out[k] = v;
      if (v !== cells[p]) changes.push(k);
    }
    done++;
  }
  return out;
}
