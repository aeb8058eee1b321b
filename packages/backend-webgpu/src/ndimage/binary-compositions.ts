import { asarray, NDArray, readOptions } from '@sciport/array-api';
import { ShapeError } from '@sciport/dispatch-core';
import type { BinaryFillHolesOptions, BinaryHitOrMissOptions, BinaryMorphologyOptions, BinaryPropagationOptions } from '@sciport/ndimage';
import {
  BINARY_FILL_HOLES_KEYS,
  BINARY_HIT_OR_MISS_KEYS,
  BINARY_MORPHOLOGY_KEYS,
  BINARY_PROPAGATION_KEYS,
  checkAxes,
  structureFor,
} from '@sciport/ndimage/backend-kit';
import { release } from '../fft/functions.js';
import type { GPUArray } from '../gpu-array.js';
import { binarySpec, unarySpec } from '../kernels/elementwise-ops.js';
import { runMap } from '../kernels/map.js';
import { zeros } from '../namespace/creation.js';
import { binaryDilationGPU, binaryErosionGPU, binaryInput, checkBinaryOutput, truthArray } from './binary-morphology.js';

/**
 * The binary operations SciPy composes from erosion and dilation — opening, closing,
 * hit-or-miss, propagation, hole filling — on GPU arrays. Propagation and hole filling dilate
 * until nothing changes, on the device. Every intermediate is a GPU array disposed as soon
 * as it is used; the result is a new bool GPU array.
 */

/** `second(first)`, `first` disposed. */
function chain(first: GPUArray, second: (y: GPUArray) => GPUArray): GPUArray {
  try {
    return second(first);
  } finally {
    first.dispose();
  }
}

function logicalNot(x: GPUArray): GPUArray {
  return runMap(unarySpec('logicalNot', 'bool'), [x], x.shape);
}

/** Erosion then dilation with the same options (SciPy's binary_opening). */
export function binaryOpeningGPU(input: unknown, options?: BinaryMorphologyOptions): GPUArray {
  const o = readOptions(options, BINARY_MORPHOLOGY_KEYS, 'binaryOpening');
  return chain(binaryErosionGPU(input, { ...o, output: undefined }), (eroded) => binaryDilationGPU(eroded, o));
}

/** Dilation then erosion with the same options (SciPy's binary_closing). */
export function binaryClosingGPU(input: unknown, options?: BinaryMorphologyOptions): GPUArray {
  const o = readOptions(options, BINARY_MORPHOLOGY_KEYS, 'binaryClosing');
  return chain(binaryDilationGPU(input, { ...o, output: undefined }), (dilated) => binaryErosionGPU(dilated, o));
}

/** hit-or-miss's structures are checked first, so that the error names structure1 / structure2. */
function checkStructureRank(value: unknown, count: number, argument: string): void {
  if (value === undefined || value === null) return;
  const ndim = asarray(value).ndim;
  if (ndim !== count) {
    throw new ShapeError(`'${argument}' has ${ndim} dimensions for ${count} filtered axes.`, {
      argument,
      hint: 'Give the structure one dimension per filtered axis (see axes).',
    });
  }
}

/**
 * Where structure1 fits the foreground and structure2 (default: structure1's complement, of
 * the connectivity-1 structure when none is given) fits the background: erosion of the input
 * by structure1 AND erosion of its complement by structure2, elements beyond the edges
 * counting as background, as SciPy.
 */
export function binaryHitOrMissGPU(input: unknown, options?: BinaryHitOrMissOptions): GPUArray {
  const o = readOptions(options, BINARY_HIT_OR_MISS_KEYS, 'binaryHitOrMiss');
  const x = binaryInput(input, 'binaryHitOrMiss');
  const count = checkAxes(o.axes, x.ndim).length;
  checkStructureRank(o.structure1, count, 'structure1');
  checkStructureRank(o.structure2, count, 'structure2');
  checkBinaryOutput(o.output, x.shape);
  let structure2 = o.structure2;
  if (structure2 === undefined || structure2 === null) {
    const s1 = structureFor(o.structure1, count, 'structure1');
    structure2 = new NDArray(Uint8Array.from(s1.mask, (v) => 1 - v), [...s1.shape], 'bool');
  }
  const origin2 = o.origin2 === undefined || o.origin2 === null ? o.origin1 : o.origin2;
  const truth = truthArray(x);
  try {
    const hit = binaryErosionGPU(truth, { structure: o.structure1, origin: o.origin1, axes: o.axes });
    return chain(hit, (h) =>
      chain(logicalNot(truth), (background) =>
        chain(binaryErosionGPU(background, { structure: structure2, origin: origin2, borderValue: 1, axes: o.axes }), (miss) =>
          runMap(binarySpec('logicalAnd', 'bool', 'bool'), [h, miss], x.shape),
        ),
      ),
    );
  } finally {
    truth.dispose();
    release(x);
  }
}

/** Dilation repeated until nothing changes, within the mask (SciPy's binary_propagation). */
export function binaryPropagationGPU(input: unknown, options?: BinaryPropagationOptions): GPUArray {
  const o = readOptions(options, BINARY_PROPAGATION_KEYS, 'binaryPropagation');
  return binaryDilationGPU(input, { ...o, iterations: -1 });
}

/**
 * The complement of the background reachable from the edges: propagation from outside
 * (border value 1) into the input's complement, negated (SciPy's binary_fill_holes).
 */
export function binaryFillHolesGPU(input: unknown, options?: BinaryFillHolesOptions): GPUArray {
  const o = readOptions(options, BINARY_FILL_HOLES_KEYS, 'binaryFillHoles');
  const x = binaryInput(input, 'binaryFillHoles');
  checkBinaryOutput(o.output, x.shape);
  const truth = truthArray(x);
  try {
    return chain(logicalNot(truth), (background) =>
      chain(zeros(x.shape, { dtype: 'bool' }), (seed) =>
        chain(
          binaryDilationGPU(seed, { structure: o.structure, iterations: -1, mask: background, borderValue: 1, origin: o.origin, axes: o.axes }),
          logicalNot,
        ),
      ),
    );
  } finally {
    truth.dispose();
    release(x);
  }
}
