/**
 * Run-based two-pass labelling (L. He, Y. Chao and K. Suzuki, "A run-based two-scan
 * labeling algorithm", IEEE Trans. Image Processing 17(5), 2008), for any rank: the
 * elements of each line along the last axis are grouped into runs of foreground, and only
 * runs are joined (union-find over run numbers), so the work grows with the number of
 * runs rather than of elements. It needs a structure that connects neighbours along the
 * last axis (else a run need not be connected); every structure of SciPy's
 * generate_binary_structure does.
 *
 * Runs are numbered in C order and a set is represented by its smallest run, so the
 * components are counted in the C order of their first element, as SciPy numbers them.
 */
import { neighbourDeltas } from './structure-argument.js';

/** Earlier lines a run can touch: the line offset of one outer step, and the column steps that reach it. */
interface LineGroup {
  /** The step over the axes before the last. */
  readonly outer: readonly number[];
  /** Line-index offset of that step. */
  readonly lineOffset: number;
  /** Column steps (−1, 0, 1) of the structure's neighbours in that line. */
  readonly steps: readonly number[];
  readonly low: number;
  readonly high: number;
  /** Steps cover low…high without a gap (the overlap test is then exact). */
  readonly contiguous: boolean;
}

/** The earlier lines of a structure `mask` (3×…×3, C order), or null when it does not join neighbours along the last axis. */
function lineGroups(mask: Uint8Array, shape: readonly number[]): LineGroup[] | null {
  const rank = shape.length;
  const deltas = neighbourDeltas(mask, rank);
  const inLine = deltas.some((d) => d[rank - 1] === -1 && d.slice(0, -1).every((v) => v === 0));
  if (!inLine) return null;
  const groups = new Map<string, { outer: number[]; steps: number[] }>();
  for (const d of deltas) {
    const outer = d.slice(0, -1);
    // earlier lines only: the first non-zero outer step is −1
    const first = outer.find((v) => v !== 0);
    if (first !== -1) continue;
    const key = outer.join();
    if (!groups.has(key)) groups.set(key, { outer, steps: [] });
    groups.get(key)?.steps.push(d[rank - 1]);
  }
  // line-index strides over the outer axes
  const lineStride = new Array<number>(rank - 1).fill(1);
  for (let d = rank - 3; d >= 0; d--) lineStride[d] = lineStride[d + 1] * shape[d + 1];
  return [...groups.values()].map(({ outer, steps }) => {
    const low = Math.min(...steps);
    const high = Math.max(...steps);
    return {
      outer,
      lineOffset: outer.reduce((acc, v, d) => acc + v * lineStride[d], 0),
      steps,
      low,
      high,
      contiguous: steps.length === high - low + 1,
    };
  });
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/**
 * Labels of the foreground (`fg`, 1 = foreground, C order over `shape`, rank ≥ 1) under
 * the structure `mask`, written into `labels` (zero-filled, the same length); the number
 * of components, or null when the structure needs the element-wise labeller.
 */
export function labelRuns(fg: Uint8Array, shape: readonly number[], mask: Uint8Array, labels: Int32Array): number | null {
  const groups = lineGroups(mask, shape);
  if (groups === null) return null;
  const rank = shape.length;
  const length = shape[rank - 1];
  const size = fg.length;
  if (size === 0) return 0;
  const lines = size / length;
  let capacity = Math.max(1024, lines * 2, size >> 4);
  let colStart: Int32Array<ArrayBuffer> = new Int32Array(capacity);
  let colEnd: Int32Array<ArrayBuffer> = new Int32Array(capacity);
  let parent: Int32Array<ArrayBuffer> = new Int32Array(capacity);
  // runs of line L: firstRun[L] … firstRun[L + 1] − 1
  const firstRun = new Int32Array(lines + 1);
  const outer = new Array<number>(rank - 1).fill(0);
  const groupCount = groups.length;
  const pointer = new Int32Array(groupCount);
  const neighbourEnd = new Int32Array(groupCount);
  const low = Int32Array.from(groups, (g) => g.low);
  const high = Int32Array.from(groups, (g) => g.high);
  // four elements at a time where the bytes allow it (long runs and gaps are skipped by words)
  const quads = fg.byteOffset % 4 === 0 ? new Int32Array(fg.buffer, fg.byteOffset, fg.length >> 2) : null;
  let runs = 0;
  for (let line = 0, base = 0; line < lines; line++, base += length) {
    firstRun[line] = runs;
    // the earlier lines inside the array, as run ranges
    for (let g = 0; g < groupCount; g++) {
      const group = groups[g];
      let inside = true;
      for (let d = 0; d < rank - 1; d++) {
        const c = outer[d] + group.outer[d];
        if (c < 0 || c >= shape[d]) {
          inside = false;
          break;
        }
      }
      const other = line + group.lineOffset;
      pointer[g] = inside ? firstRun[other] : 0;
      neighbourEnd[g] = inside ? firstRun[other + 1] : 0;
    }
    let j = 0;
    while (j < length) {
      if (fg[base + j] === 0) {
        j = quads === null ? j + 1 : skipBackground(fg, quads, base, j + 1, length);
        continue;
      }
      const s = j;
      j = quads === null ? runEnd(fg, base, j + 1, length) : skipForeground(fg, quads, base, j + 1, length);
      const e = j - 1;
      if (runs === capacity) {
        capacity *= 2;
        colStart = grow(colStart);
        colEnd = grow(colEnd);
        parent = grow(parent);
      }
      const r = runs++;
      colStart[r] = s;
      colEnd[r] = e;
      parent[r] = r;
      let root = r;
      for (let g = 0; g < groupCount; g++) {
        const end = neighbourEnd[g];
        let q = pointer[g];
        // runs ending before this one's reach cannot touch this or any later run of the line
        const from = s + low[g];
        while (q < end && colEnd[q] < from) q++;
        pointer[g] = q;
        for (const to = e + high[g]; q < end && colStart[q] <= to; q++) {
          if (!groups[g].contiguous && !stepsTouch(groups[g].steps, s, e, colStart[q], colEnd[q])) continue;
          // the root of q's set (path halving)
          let other = q;
          while (parent[other] !== other) {
            const up = parent[parent[other]];
            parent[other] = up;
            other = up;
          }
          if (other === root) continue;
          // join under the smaller run number
          if (other < root) {
            parent[root] = other;
            root = other;
          } else parent[other] = root;
        }
      }
    }
    for (let d = rank - 2; d >= 0; d--) {
      if (++outer[d] < shape[d]) break;
      outer[d] = 0;
    }
  }
  firstRun[lines] = runs;
  // final labels: a root (its own parent, the smallest run of its set) opens a label, and
  // every other run's parent is an earlier run, already labelled
  const final = new Int32Array(runs);
  let count = 0;
  for (let r = 0; r < runs; r++) final[r] = parent[r] === r ? ++count : final[parent[r]];
  for (let line = 0, base = 0; line < lines; line++, base += length) {
    for (let r = firstRun[line]; r < firstRun[line + 1]; r++) {
      const value = final[r];
      const start = base + colStart[r];
      const stop = base + colEnd[r];
      if (stop - start >= 32) labels.fill(value, start, stop + 1);
      else for (let k = start; k <= stop; k++) labels[k] = value;
    }
  }
  return count;
}

/** The first index ≥ j (below `length`) of the line at `base` whose element is background, or `length`. */
function runEnd(fg: Uint8Array, base: number, j: number, length: number): number {
  while (j < length && fg[base + j] !== 0) j++;
  return j;
}

/** runEnd by whole words where `quads` (fg's bytes four at a time) has four foreground bytes. */
function skipForeground(fg: Uint8Array, quads: Int32Array, base: number, j: number, length: number): number {
  while (j < length && fg[base + j] !== 0) {
    j++;
    if (((base + j) & 3) !== 0) continue;
    for (;;) {
      if (j + 4 > length) break;
      const v = quads[(base + j) >> 2];
      // no zero byte (Mycroft's test)
      if (((v - 0x01010101) & ~v & 0x80808080) !== 0) break;
      j += 4;
    }
  }
  return j;
}

/** The first index ≥ j (below `length`) of a foreground element, skipping whole zero words. */
function skipBackground(fg: Uint8Array, quads: Int32Array, base: number, j: number, length: number): number {
  while (j < length && fg[base + j] === 0) {
    j++;
    if (((base + j) & 3) !== 0) continue;
    while (j + 4 <= length && quads[(base + j) >> 2] === 0) j += 4;
  }
  return j;
}

/** Whether a run s…e touches the run s2…e2 of a neighbour line by one of `steps`. */
function stepsTouch(steps: readonly number[], s: number, e: number, s2: number, e2: number): boolean {
  for (const t of steps) if (s + t <= e2 && e + t >= s2) return true;
  return false;
}
