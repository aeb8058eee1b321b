import { asarray, readOptions } from '@sciport/array-api';
import { describe } from '@sciport/array-api/kit';
import { DtypeError, InvalidArgumentError, NotSupportedError, ShapeError } from '@sciport/dispatch-core';
import type { BinaryMorphologyOptions } from '@sciport/ndimage';
import {
  BINARY_MORPHOLOGY_KEYS,
  checkAxes,
  checkBorderValue,
  checkIterations,
  checkOriginRange,
  checkOriginValue,
  fullRankWindow,
  perAxis,
  structureFor,
} from '@sciport/ndimage/backend-kit';
import { release } from '../fft/functions.js';
import type { GPUArray } from '../gpu-array.js';
import { isGPUArray } from '../gpu-array.js';
import { toDevice } from '../host-interop.js';
import { binaryErosion } from '../kernels/binary-erosion.js';
import { copyAs } from '../namespace/convert.js';
import { checkArray } from '../namespace/core.js';
import { tapOffsets } from './min-max.js';

/**
 * binaryErosion and binaryDilation on GPU arrays (any real dtype, nonzero = true; the result
 * is a bool GPU array), with the host's checks in the host's order. Iterations run on the
 * device: a count, or (iterations < 1) until a pass changes nothing, the test made on the
 * device (see kernels/binary-erosion.ts).
 */

/**
 * The most passes of a structure without its centre: such passes need not reach a fixed point
 * (SciPy then loops forever), and each is a step of a loop on the device. Until-stable
 * iteration stops there; a larger count is declined.
 */
const MAX_UNCENTRED_PASSES = 1 << 16;

/** x (any real GPU array) as a fresh C-contiguous bool array at offset 0 (nonzero = true). */
export function truthArray(x: GPUArray): GPUArray {
  return copyAs(x, 'bool');
}

/** The input checked as the host's binary morphology checks it. */
export function binaryInput(input: unknown, fn: string): GPUArray {
  const x = checkArray(input, 'input');
  if (x.dtype === 'complex64') {
    throw new DtypeError(`${fn} does not take complex input (${x.dtype}).`, {
      argument: 'input',
      hint: 'Pass a real or bool array (nonzero elements are true).',
    });
  }
  return x;
}

/** Refuses a mask (a GPU array, or host data) whose shape is not the input's. */
function checkMask(value: unknown, shape: readonly number[]): void {
  if (value === undefined || value === null) return;
  const m = isGPUArray(value) ? value : asarray(value);
  if (m.shape.length !== shape.length || m.shape.some((n, i) => n !== shape[i])) {
    throw new ShapeError(`'mask' has shape [${m.shape.join(', ')}], the input [${shape.join(', ')}].`, {
      argument: 'mask',
      hint: 'Give a mask of the input’s shape.',
    });
  }
}

/** The checked mask as a bool GPU array (host data is uploaded; nonzero = may change). */
function maskArray(value: unknown): GPUArray | null {
  if (value === undefined || value === null) return null;
  if (isGPUArray(value)) return truthArray(value);
  const m = toDevice(value as never, { downcast: true });
  try {
    return truthArray(m);
  } finally {
    m.dispose();
  }
}

/** The GPU returns a new bool array: `output` may be unset or 'bool'. */
export function checkBinaryOutput(output: unknown, shape: readonly number[]): void {
  if (output === undefined || output === null || output === 'bool') return;
  const outShape = (output as { shape?: unknown } | null)?.shape;
  if (Array.isArray(outShape)) {
    if (outShape.length !== shape.length || outShape.some((n, i) => n !== shape[i])) {
      throw new ShapeError(`'output' has shape [${outShape.join(', ')}], the input [${shape.join(', ')}].`, {
        argument: 'output',
        hint: 'Preallocate the output with the input’s shape.',
      });
    }
    throw new NotSupportedError('Binary morphology on the GPU returns a new bool GPUArray; it does not fill an output array.', {
      argument: 'output',
      hint: "Leave 'output' unset and use the returned GPUArray.",
    });
  }
  throw new DtypeError(`'output' of a binary operation must be an NDArray or 'bool', got ${describe(output)}.`, {
    argument: 'output',
    hint: 'Leave output unset for a new bool array.',
  });
}

/** Erosion or dilation of `input` with binaryErosion's options (checked in the host's order). */
export function binaryMorphologyGPU(fn: string, input: unknown, options: BinaryMorphologyOptions | undefined, dilate: boolean): GPUArray {
  const o = readOptions(options, BINARY_MORPHOLOGY_KEYS, fn);
  const x = binaryInput(input, fn);
  const axes = checkAxes(o.axes, x.ndim);
  const structure = structureFor(o.structure, axes.length);
  const iterations = checkIterations(o.iterations);
  checkMask(o.mask, x.shape);
  const borderValue = checkBorderValue(o.borderValue);
  let origins = perAxis(o.origin, axes.length, 'origin', checkOriginValue);
  checkBinaryOutput(o.output, x.shape);
  if (o.bruteForce !== undefined && typeof o.bruteForce !== 'boolean') {
    throw new InvalidArgumentError(`'bruteForce' must be a boolean, got ${describe(o.bruteForce)}.`, {
      argument: 'bruteForce',
      hint: 'Give true or false (the result is the same either way).',
    });
  }
  let taps = structure.mask;
  if (dilate) {
    // SciPy's dilation: the eroding rule on the mirrored structure, origin mirrored too
    // (one less along even-length axes; origin i pairs with structure dimension i, as SciPy)
    taps = structure.mask.slice().reverse();
    origins = origins.map((v, i) => -v - (structure.shape[i] % 2 === 0 ? 1 : 0));
  }
  const { shape, origins: full } = fullRankWindow(x.ndim, axes, structure.shape, origins);
  for (let d = 0; d < shape.length; d++) checkOriginRange(full[d], shape[d]);
  const before = shape.map((s, d) => Math.floor(s / 2) + full[d]);
  const offsets = tapOffsets(shape, before, (k) => taps[k] === 1);
  const centred = offsets.some((offset) => offset.every((v) => v === 0));
  if (!centred && iterations > MAX_UNCENTRED_PASSES) {
    throw new NotSupportedError(
      `${fn} on the GPU repeats a structure without its centre at most ${MAX_UNCENTRED_PASSES} times: such passes need not reach a fixed point.`,
      { argument: 'iterations', hint: 'Give a structure holding its centre, fewer iterations, or run it on the host: await x.toHost().' },
    );
  }
  // a pass that changes nothing is final; with the centre in the structure every pass after the
  // first only erodes (dilates), so there are at most as many passes as elements
  const passes = iterations < 1 ? (centred ? 0 : MAX_UNCENTRED_PASSES) : centred ? Math.min(iterations, x.size + 1) : iterations;
  const mask = maskArray(o.mask);
  const truth = truthArray(x);
  try {
    return binaryErosion(truth, { offsets, borderValue, dilate, passes, mask });
  } finally {
    truth.dispose();
    mask?.dispose();
    release(x);
  }
}

export function binaryErosionGPU(input: unknown, options?: BinaryMorphologyOptions): GPUArray {
  return binaryMorphologyGPU('binaryErosion', input, options, false);
}

export function binaryDilationGPU(input: unknown, options?: BinaryMorphologyOptions): GPUArray {
  return binaryMorphologyGPU('binaryDilation', input, options, true);
}
