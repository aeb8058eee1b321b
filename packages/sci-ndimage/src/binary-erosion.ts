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
import { erodeBits } from './binary-erosion-bits.js';
import { forEachLine } from './padded-lines.js';
import type { ErosionSpec } from './erosion-spec.js';

/** The input padded by the structure's reach, border cells holding `borderValue`. */
interface Padded {
  readonly cells: Uint8Array;
  /** Visits the lines of the last axis: padded index and element index of their first element, and their length. */
  readonly lines: (visit: (p: number, k: number, n: number) => void) => void;
  /** Padded index step along the last axis. */
  readonly step: number;
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
  const start = before.reduce((acc, b, d) => acc + b * pstride[d], 0);
  const step = nd === 0 ? 1 : pstride[nd - 1];
  const lines = (visit: (p: number, k: number, n: number) => void) => forEachLine(shape, pstride, start, visit);
  lines((p, k, n) => {
    for (let j = 0; j < n; j++) cells[p + j * step] = values[k + j] !== 0 ? 1 : 0;
  });
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
  return { cells, lines, step, offsets: Int32Array.from(list), centreIsTrue };
}

/** `list` in a buffer twice as long. */
function grown(list: Int32Array): Int32Array {
  const bigger = new Int32Array(2 * list.length);
  bigger.set(list);
  return bigger;
}

/** Whether the structure holds the element at offset 0 (its centre shifted by the origins). */
function holdsCentre(spec: ErosionSpec): boolean {
  let k = 0;
  for (let d = 0; d < spec.fshape.length; d++) {
    const j = Math.floor(spec.fshape[d] / 2) + spec.origins[d];
    if (j < 0 || j >= spec.fshape[d]) return false;
    k = k * spec.fshape[d] + j;
  }
  return spec.structure[k] === 1;
}

/**
 * The eroded (or, with `invert`, dilated) plane of `values` (nonzero = true). Passes run on packed bits
 * (binary-erosion-bits.ts) while many lines change; when few do (and the structure holds
 * its centre), the change list below takes over from the last two states.
 */
export function erodePlane(values: Uint8Array, spec: ErosionSpec): Uint8Array {
  const size = values.length;
  if (size === 0) return new Uint8Array(0);
  const listable = holdsCentre(spec) && !spec.bruteForce;
  // Until stable, every element changes at most once, so the change list visits each element
  // and offset at most once, while packed passes take as many passes as the longest path a
  // front travels (filling holes from the edges: about the image's width): hand over at once.
  const untilStable = spec.iterations < 1;
  const bits = erodeBits(values, spec, (changedLines, lineCount) => listable && (untilStable || 8 * changedLines < lineCount));
  if (bits?.finished) return bits.values;
  const { cells, lines, step, offsets, centreIsTrue } = pad(bits === null ? values : bits.previous, spec);
  const mask = spec.mask;
  // the value that decides: one false element erodes, one true element dilates
  const stop = spec.invert ? 1 : 0;
  const count = offsets.length;
  // a pass flips cells (values are 0/1): the cells that change are listed, then flipped together
  // change lists start small and grow (most passes change few cells)
  let changed: Int32Array = new Int32Array(Math.min(size, 4096));
  let next: Int32Array = new Int32Array(changed.length);
  let changes = 0;
  const flip = (list: Int32Array, n: number) => {
    for (let i = 0; i < n; i++) cells[list[i]] ^= 1;
  };
  const fullPass = (): number => {
    let n = 0;
    lines((p0, k0, len) => {
      for (let j = 0, p = p0; j < len; j++, p += step) {
        if (mask !== null && mask[k0 + j] === 0) continue;
        let v = 1 - stop;
        for (let t = 0; t < count; t++) {
          if (cells[p + offsets[t]] === stop) {
            v = stop;
            break;
          }
        }
        if (v !== cells[p]) {
          if (n === changed.length) changed = grown(changed);
          changed[n++] = p;
        }
      }
    });
    return n;
  };
  let done = 1;
  if (bits === null) changes = fullPass();
  else {
    // the packed passes' last change, as the list a pass would have made
    done = bits.passes;
    const now = bits.values;
    lines((p0, k0, len) => {
      for (let j = 0; j < len; j++) {
        if (now[k0 + j] === cells[p0 + j * step]) continue;
        if (changes === changed.length) changed = grown(changed);
        changed[changes++] = p0 + j * step;
      }
    });
  }
  // a pass that changed nothing is a fixed point: the later ones would change nothing either
  const more = () => changes > 0 && (spec.iterations < 1 || done < spec.iterations);

  if (more() && centreIsTrue && !spec.bruteForce) {
    // cells that may change (elements inside the mask), and a stamp so a pass examines each once
    const movable = new Uint8Array(cells.length);
    lines((p, k, n) => {
      for (let j = 0; j < n; j++) if (mask === null || mask[k + j] === 1) movable[p + j * step] = 1;
    });
    const stamp = new Uint8Array(cells.length);
    while (more()) {
      flip(changed, changes);
      done++;
      // the pass's tag in 1…255; when it wraps, older tags are cleared
      const tag = (done % 255) + 1;
      if (tag === 1) stamp.fill(0);
      let n = 0;
      for (let i = 0; i < changes; i++) {
        const pc = changed[i];
        for (let t = 0; t < count; t++) {
          // the cells whose structure reaches pc (past the padding: undefined, skipped)
          const p = pc - offsets[t];
          if (movable[p] !== 1 || stamp[p] === tag) continue;
          stamp[p] = tag;
          // passes are monotone (every change is to `stop`), and pc now holds `stop`: p takes it
          if (cells[p] !== stop) {
            if (n === next.length) next = grown(next);
            next[n++] = p;
          }
        }
      }
      [changed, next] = [next, changed];
      changes = n;
    }
  } else {
    while (more()) {
      flip(changed, changes);
      done++;
      changes = fullPass();
    }
  }
  flip(changed, changes);
  const out = new Uint8Array(size);
  lines((p, k, n) => {
    for (let j = 0; j < n; j++) out[k + j] = cells[p + j * step];
  });
  return out;
}
