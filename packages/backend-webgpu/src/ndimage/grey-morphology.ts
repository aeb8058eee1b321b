import { type NDArray, readOptions } from '@sciport/array-api';
import { NotSupportedError } from '@sciport/dispatch-core';
import type { GreyMorphologyOptions } from '@sciport/ndimage';
import {
  checkCval,
  checkOriginRange,
  fullRankWindow,
  GREY_MORPHOLOGY_KEYS,
  greyWindow,
  mirrored,
  readNonFlatStructure,
  windowExtension,
} from '@sciport/ndimage/backend-kit';
import { release } from '../fft/functions.js';
import type { GPUArray } from '../gpu-array.js';
import { greyNonFlat } from '../kernels/grey-nonflat.js';
import { contiguous, maximumFilterGPU, minimumFilterGPU, selectionInput, tapOffsets } from './min-max.js';
import { checkGpuOutputAs } from './output.js';

/**
 * greyErosion and greyDilation on GPU arrays, with the host's checks in the host's order. A
 * flat structuring element (`size` or `footprint`) is the minimum / maximum filter; dilation
 * mirrors the footprint and its origin (one less along even-length axes), as SciPy. A non-flat
 * `structure` runs the grey-nonflat kernel on float32 and int32 arrays (SciPy's arithmetic);
 * on uint32 and bool arrays it is declined with the reason.
 */

function greyMorphology(fn: string, input: unknown, options: GreyMorphologyOptions | undefined, dilate: boolean): GPUArray {
  const o = readOptions(options, GREY_MORPHOLOGY_KEYS, fn);
  const x = selectionInput(input, fn);
  const { axes, origins, footprint, structure } = greyWindow(fn, o, x.ndim, dilate);
  if (structure === null) {
    const filter = dilate ? maximumFilterGPU : minimumFilterGPU;
    const window = footprint === null ? { size: o.size } : { footprint: dilate ? mirrored(footprint) : footprint };
    return filter(x, { ...window, output: o.output, mode: o.mode, cval: o.cval, origin: origins, axes: o.axes });
  }
  try {
    return nonFlat(fn, x, o, axes, dilate ? mirrored(structure) : structure, footprint, origins, dilate);
  } finally {
    release(x);
  }
}

function nonFlat(
  fn: string,
  x: GPUArray,
  o: GreyMorphologyOptions,
  axes: readonly number[],
  structure: NDArray,
  footprintArray: NDArray | null,
  origins: readonly number[],
  dilate: boolean,
): GPUArray {
  const { values, mask: fmask, mode } = readNonFlatStructure(o, axes, structure, footprintArray, dilate);
  const cval = checkCval(o.cval, false)[0];
  checkGpuOutputAs(o.output, x.shape, x.dtype);
  const { shape, origins: full } = fullRankWindow(x.ndim, axes, structure.shape, origins);
  for (let d = 0; d < shape.length; d++) checkOriginRange(full[d], shape[d]);
  // the structure's values under the footprint, negated for erosion (SciPy's C code)
  const added = Array.from(values.filter((_, k) => fmask[k] === 1), (v) => (dilate ? v : -v));
  if (x.dtype !== 'float32' && x.dtype !== 'int32') {
    throw new NotSupportedError(`${fn} with a non-flat structure takes float32 or int32 GPU arrays, not ${x.dtype}.`, {
      argument: 'structure',
      hint: "Use a flat footprint, convert with astype(x, 'float32'), or run it on the host: await x.toHost().",
    });
  }
  if (x.dtype === 'int32' && !(Math.abs(added[0] ?? 0) < 2 ** 31)) {
    throw new NotSupportedError(`${fn} on int32 GPU arrays takes structure values within the int32 range.`, {
      argument: 'structure',
      hint: "Convert with astype(x, 'float32'), or run it on the host: await x.toHost().",
    });
  }
  const before = shape.map((s, d) => windowExtension(s, full[d], mode, 0).before);
  const src = contiguous(x);
  try {
    return greyNonFlat(src, {
      offsets: tapOffsets(shape, before, (k) => fmask[k] === 1),
      added,
      mode,
      // the fill value in the input's dtype, as C converts it
      cval: x.dtype === 'float32' ? Math.fround(cval) : Int32Array.of(cval)[0],
      dilate,
    });
  } finally {
    src.dispose();
  }
}

export function greyErosionGPU(input: unknown, options?: GreyMorphologyOptions): GPUArray {
  return greyMorphology('greyErosion', input, options, false);
}

export function greyDilationGPU(input: unknown, options?: GreyMorphologyOptions): GPUArray {
  return greyMorphology('greyDilation', input, options, true);
}
