/**
 * label: connected components of the non-zero elements under a structuring element, in
 * any rank. Two-pass labelling with union-find (Wu, Otoo & Suzuki, "Optimizing two-pass
 * connected-component labeling algorithms", Pattern Anal. Appl. 12, 2009): the first pass
 * gives each element the provisional label of a connected element already visited (the
 * structure's neighbours that precede it in C order) and records equivalences; the second
 * resolves them. Provisional labels are created in C order and a set is represented by
 * its smallest label, so the final labels count the components in the C order of their
 * first element, as SciPy numbers them. Structures that join neighbours along the last
 * axis (every generated one) run on runs of elements instead (label-runs.ts); this
 * element-wise labeller takes the others.
 */
import { isComplexDtype, type NDArray, readOptions } from '@sciport/array-api';
import { cStrides } from '@sciport/array-api/kit';
import { DtypeError } from '@sciport/dispatch-core';
import { foregroundBytes } from './binary-morphology.js';
import { readInput } from './filter-io.js';
import { labelOutput, storeLabels } from './label-output.js';
import { LABEL_KEYS, type LabelOptions } from './measurement-options.js';
import { labelRuns } from './label-runs.js';
import { neighbourDeltas, readStructure } from './structure-argument.js';

/** SciPy's result: [labels, count], or only the count when `output` is a preallocated array. */
export function labelHost(input: unknown, options?: LabelOptions): [NDArray, number] | number {
  const x = readInput(input);
  const o = readOptions(options, LABEL_KEYS, 'label');
  if (isComplexDtype(x.dtype)) {
    throw new DtypeError(`label does not take complex input (${x.dtype}).`, { argument: 'input', hint: 'Label a real or boolean image.' });
  }
  const mask = readStructure(o.structure, x.ndim, true);
  const target = labelOutput(o.output, x.shape, 'int32', false);
  const foreground = foregroundBytes(x);
  const out = target.array;
  // an int32 output takes the labels in place (every count fits); others get them converted
  const direct = out.dtype === 'int32' && out.isContiguous;
  const labels = direct ? (out.data as Int32Array).subarray(out.offset, out.offset + out.size) : new Int32Array(foreground.length);
  // a fresh output is zero already; the caller's may hold anything
  if (direct && target.preallocated) labels.fill(0);
  let count: number;
  if (x.ndim === 0) {
    labels[0] = foreground[0];
    count = foreground[0];
  } else {
    // runs when the structure joins neighbours along the last axis (every generated one does)
    count = labelRuns(foreground, x.shape, mask, labels) ?? labelPlane(foreground, x.shape, mask, labels);
  }
  if (!direct) storeLabels(target, labels, 0, count);
  return target.preallocated ? count : [target.array, count];
}

/** Per-line neighbour offsets: those of the structure's earlier half that stay inside the array for this line. */
interface LineNeighbours {
  /** Flat offsets (negative: earlier elements). */
  readonly offsets: Int32Array;
  /** Their step along the last axis (−1, 0, 1), to check each element against the line's ends. */
  readonly steps: Int32Array;
  count: number;
}

/**
 * Labels, element by element, of the foreground (1 = foreground, C order over `shape`,
 * rank ≥ 1) where the structure `mask` connects elements, written into `labels`
 * (zero-filled); returns the number of components.
 */
export function labelPlane(foreground: Uint8Array, shape: readonly number[], mask: Uint8Array, labels: Int32Array): number {
  const size = foreground.length;
  if (size === 0) return 0;
  const rank = shape.length;
  const strides = cStrides(shape);
  // the neighbours visited before an element: the first non-zero coordinate step is −1
  const earlier = neighbourDeltas(mask, rank).filter((d) => d[d.findIndex((v) => v !== 0)] === -1);
  const line: LineNeighbours = { offsets: new Int32Array(earlier.length), steps: new Int32Array(earlier.length), count: 0 };
  const length = shape[rank - 1];
  const provisional = new Int32Array(size);
  // parent[k] ≤ k always (sets are joined under their smaller label)
  let parent = new Int32Array(1024);
  let next = 1;
  const outer = new Array<number>(rank - 1).fill(0);

  const find = (k: number): number => {
    while (parent[k] !== k) {
      parent[k] = parent[parent[k]];
      k = parent[k];
    }
    return k;
  };

  for (let start = 0; start < size; start += length) {
    lineNeighbours(earlier, outer, shape, strides, line);
    for (let j = 0, i = start; j < length; j++, i++) {
      if (foreground[i] === 0) continue;
      let current = 0;
      for (let n = 0; n < line.count; n++) {
        const jj = j + line.steps[n];
        if (jj < 0 || jj >= length) continue;
        const l = provisional[i + line.offsets[n]];
        if (l === 0) continue;
        const root = find(l);
        if (current === 0) current = root;
        else if (root !== current) {
          // join under the smaller label
          if (root < current) {
            parent[current] = root;
            current = root;
          } else parent[root] = current;
        }
      }
      if (current === 0) {
        if (next === parent.length) {
          const grown = new Int32Array(parent.length * 2);
          grown.set(parent);
          parent = grown;
        }
        parent[next] = next;
        current = next++;
      }
      provisional[i] = current;
    }
    // advance the outer coordinates (all but the last axis) in C order
    for (let d = rank - 2; d >= 0; d--) {
      if (++outer[d] < shape[d]) break;
      outer[d] = 0;
    }
  }
  // final labels: roots numbered in increasing order (the C order of their first elements)
  const final = new Int32Array(next);
  let count = 0;
  for (let k = 1; k < next; k++) final[k] = parent[k] === k ? ++count : final[parent[k]];
  for (let i = 0; i < size; i++) labels[i] = final[provisional[i]];
  return count;
}

function lineNeighbours(deltas: readonly number[][], outer: readonly number[], shape: readonly number[], strides: readonly number[], line: LineNeighbours): void {
  const last = shape.length - 1;
  line.count = 0;
  for (const delta of deltas) {
    let inside = true;
    let offset = delta[last];
    for (let d = 0; d < last; d++) {
      const c = outer[d] + delta[d];
      if (c < 0 || c >= shape[d]) {
        inside = false;
        break;
      }
      offset += delta[d] * strides[d];
    }
    if (!inside) continue;
    line.offsets[line.count] = offset;
    line.steps[line.count] = delta[last];
    line.count++;
  }
}
