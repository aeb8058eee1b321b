/**
 * watershedIft: the watershed from markers by the image foresting transform (Falcão,
 * Stolfi & Lotufo, "The image foresting transform: theory, algorithms, and applications",
 * IEEE PAMI 26, 2004), with SciPy's queue discipline so that ties resolve as in SciPy:
 * one FIFO/LIFO list per path cost (0…max of the uint8/uint16 input); marker elements
 * start at cost 0, object markers (> 0) at the front and background markers (< 0) at the
 * back; an element takes the label of the neighbour that offers it a lower cost
 * max(cost, |Δvalue|) and is queued at the front (at the back for negative labels).
 * As SciPy's C code, neighbours are the structure's offsets applied to the flat C-order
 * index, kept when they land inside the array: along the last axis they continue on the
 * next or previous row.
 */
import { asarray, dtypeInfo, type NDArray, readOptions } from '@sciport/array-api';
import { DtypeError, InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import { readInput } from './filter-io.js';
import { labelOutput, storeLabels } from './label-output.js';
import { WATERSHED_KEYS, type WatershedOptions } from './measurement-options.js';
import { quantize } from './output.js';
import { readPlane } from './planes.js';
import { neighbourDeltas, readStructure } from './structure-argument.js';

export function watershedIftHost(input: unknown, markers: unknown, options?: WatershedOptions): NDArray {
  const x = readInput(input);
  const o = readOptions(options, WATERSHED_KEYS, 'watershedIft');
  if (x.dtype !== 'uint8' && x.dtype !== 'uint16') {
    throw new DtypeError(`watershedIft takes uint8 or uint16 input, got ${x.dtype}.`, {
      argument: 'input',
      hint: 'Scale the image to 0…255 (or 0…65535) and pass it as uint8 (uint16).',
    });
  }
  const mask = readStructure(o.structure, x.ndim, false);
  const m = asarray(markers);
  if (m.ndim !== x.ndim || m.shape.some((n, i) => n !== x.shape[i])) {
    throw new ShapeError(`'markers' has shape [${m.shape.join(', ')}], the input [${x.shape.join(', ')}].`, {
      argument: 'markers',
      hint: 'Give one marker value per input element (0: not a marker).',
    });
  }
  if (dtypeInfo(m.dtype).kind !== 'signed integer') {
    throw new DtypeError(`'markers' must be signed integers, got ${m.dtype}.`, { argument: 'markers', hint: 'Pass e.g. int32 markers.' });
  }
  if (typeof o.output === 'string') {
    // SciPy ignores a dtype name here (its labels keep the markers' dtype): refuse it rather than ignore it
    throw new InvalidArgumentError("watershedIft's 'output' is a preallocated array, not a dtype name.", {
      argument: 'output',
      hint: 'Leave output unset for the markers’ dtype, or pass an integer array of the input’s shape.',
    });
  }
  const target = labelOutput(o.output, x.shape, m.dtype, true);
  if (dtypeInfo(target.array.dtype).kind !== 'signed integer') {
    throw new DtypeError(`'output' must be a signed integer dtype, got ${target.array.dtype}.`, { argument: 'output', hint: 'Use e.g. "int32".' });
  }
  const marks = readPlane(m);
  // labels as the output holds them (SciPy reads them back from the output)
  const labels = marks.slice();
  quantize(labels, target.array.dtype);
  propagate(readPlane(x), marks, labels, flatOffsets(mask, x.shape));
  let low = 0;
  let high = 0;
  for (const l of labels) [low, high] = [Math.min(low, l), Math.max(high, l)];
  storeLabels(target, labels, low, high);
  return target.array;
}

/** The structure's neighbour offsets in flat C-order index steps (the centre left out). */
function flatOffsets(mask: Uint8Array, shape: readonly number[]): Int32Array {
  const strides = shape.map((_, d) => shape.slice(d + 1).reduce((a, b) => a * b, 1));
  const offsets = neighbourDeltas(mask, shape.length).map((delta) => delta.reduce((s, c, d) => s + c * strides[d], 0));
  return Int32Array.from(offsets.filter((k) => k !== 0));
}

/** The IFT on the flat image: `labels` (initially the markers as the output stores them) are overwritten in place. */
function propagate(image: Float64Array, marks: Float64Array, labels: Float64Array, offsets: Int32Array): void {
  const size = image.length;
  let maxValue = 0;
  for (const v of image) maxValue = Math.max(maxValue, v);
  const NONE = -1;
  const cost = new Int32Array(size);
  const done = new Uint8Array(size);
  const next = new Int32Array(size).fill(NONE);
  const prev = new Int32Array(size).fill(NONE);
  const first = new Int32Array(maxValue + 1).fill(NONE);
  const last = new Int32Array(maxValue + 1).fill(NONE);

  const pushFront = (level: number, p: number) => {
    next[p] = first[level];
    prev[p] = NONE;
    if (first[level] !== NONE) prev[first[level]] = p;
    first[level] = p;
    if (last[level] === NONE) last[level] = p;
  };
  const pushBack = (level: number, p: number) => {
    prev[p] = last[level];
    next[p] = NONE;
    if (last[level] !== NONE) next[last[level]] = p;
    last[level] = p;
    if (first[level] === NONE) first[level] = p;
  };

  for (let i = 0; i < size; i++) {
    if (marks[i] === 0) {
      cost[i] = maxValue + 1;
      continue;
    }
    cost[i] = 0;
    // SciPy's order: the first marker opens the queue, then objects in front, background behind
    if (first[0] === NONE || marks[i] < 0) pushBack(0, i);
    else pushFront(0, i);
  }

  for (let level = 0; level <= maxValue; level++) {
    while (first[level] !== NONE) {
      const v = first[level];
      first[level] = next[v];
      if (first[level] !== NONE) prev[first[level]] = NONE;
      next[v] = prev[v] = NONE;
      done[v] = 1;
      for (let h = 0; h < offsets.length; h++) {
        const p = v + offsets[h];
        if (p < 0 || p >= size || done[p]) continue;
        const offered = Math.max(cost[v], Math.abs(image[p] - image[v]));
        const old = cost[p];
        if (offered >= old) continue;
        cost[p] = offered;
        labels[p] = labels[v];
        // unlink p from its queue; as SciPy, only an element linked to another counts as queued
        if (next[p] !== NONE || prev[p] !== NONE) {
          const a = prev[p];
          const b = next[p];
          if (first[old] === p) first[old] = b;
          if (last[old] === p) last[old] = a;
          if (a !== NONE) next[a] = b;
          if (b !== NONE) prev[b] = a;
        }
        if (labels[p] < 0) pushBack(offered, p);
        else pushFront(offered, p);
      }
    }
  }
}
