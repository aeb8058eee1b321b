import { readOptions } from '@sciport/array-api';
import type { GreyMorphologyOptions } from '@sciport/ndimage';
import { GREY_MORPHOLOGY_KEYS } from '@sciport/ndimage/backend-kit';
import { release } from '../fft/functions.js';
import type { GPUArray } from '../gpu-array.js';
import { type BinaryName, binarySpec } from '../kernels/elementwise-ops.js';
import { runMap } from '../kernels/map.js';
import { greyDilationGPU, greyErosionGPU } from './grey-morphology.js';
import { selectionInput } from './min-max.js';

/**
 * The grey-scale operations SciPy composes from erosion and dilation — opening, closing, the
 * morphological gradient and Laplace, the white and black top-hats — on GPU arrays, in NumPy's
 * arithmetic (in the input's dtype: integers wrap; bool differences are XOR, as SciPy's
 * top-hats). Every intermediate is a GPU array disposed as soon as it is used. The `output`
 * option goes to the last erosion or dilation, which accepts only the input's dtype.
 */

type Window = Omit<GreyMorphologyOptions, 'output'>;

/** Runs `body` on a plain view of the checked input (so the steps never dispose a transient input), then releases the input. */
function composed(fn: string, input: unknown, options: GreyMorphologyOptions | undefined, body: (x: GPUArray, window: Window, o: GreyMorphologyOptions) => GPUArray): GPUArray {
  const o = readOptions(options, GREY_MORPHOLOGY_KEYS, fn);
  const x = selectionInput(input, fn);
  const { output: _output, ...window } = o;
  const view = x.view(x.shape, x.stride, x.offset);
  try {
    return body(view, window, o);
  } finally {
    view.dispose();
    release(x);
  }
}

/** a op b in their dtype; the operands listed in `dispose` are disposed. */
function elementwise(name: BinaryName, a: GPUArray, b: GPUArray, ...dispose: GPUArray[]): GPUArray {
  try {
    return runMap(binarySpec(name, a.dtype, b.dtype), [a, b], a.shape);
  } finally {
    for (const d of dispose) d.dispose();
  }
}

/** a − b, or a XOR b when both are bool (as SciPy's top-hats). */
function difference(a: GPUArray, b: GPUArray, ...dispose: GPUArray[]): GPUArray {
  return elementwise(a.dtype === 'bool' && b.dtype === 'bool' ? 'logicalXor' : 'subtract', a, b, ...dispose);
}

/** `second(first(x))`, the intermediate disposed. */
function chain(first: GPUArray, second: (y: GPUArray) => GPUArray): GPUArray {
  try {
    return second(first);
  } finally {
    first.dispose();
  }
}

export function greyOpeningGPU(input: unknown, options?: GreyMorphologyOptions): GPUArray {
  return composed('greyOpening', input, options, (x, w, o) => chain(greyErosionGPU(x, w), (e) => greyDilationGPU(e, { ...w, output: o.output })));
}

export function greyClosingGPU(input: unknown, options?: GreyMorphologyOptions): GPUArray {
  return composed('greyClosing', input, options, (x, w, o) => chain(greyDilationGPU(x, w), (d) => greyErosionGPU(d, { ...w, output: o.output })));
}

/** Dilation minus erosion. */
export function morphologicalGradientGPU(input: unknown, options?: GreyMorphologyOptions): GPUArray {
  return composed('morphologicalGradient', input, options, (x, w, o) =>
    chain(greyDilationGPU(x, w), (dilated) => {
      const eroded = greyErosionGPU(x, { ...w, output: o.output });
      return difference(dilated, eroded, eroded);
    }),
  );
}

/** Dilation plus erosion minus twice the input, in SciPy's order of operations. */
export function morphologicalLaplaceGPU(input: unknown, options?: GreyMorphologyOptions): GPUArray {
  return composed('morphologicalLaplace', input, options, (x, w, o) =>
    chain(greyDilationGPU(x, w), (dilated) => {
      const eroded = greyErosionGPU(x, { ...w, output: o.output });
      const sum = elementwise('add', dilated, eroded, eroded);
      const once = elementwise('subtract', sum, x, sum);
      return elementwise('subtract', once, x, once);
    }),
  );
}

/** The input minus its opening. */
export function whiteTophatGPU(input: unknown, options?: GreyMorphologyOptions): GPUArray {
  return composed('whiteTophat', input, options, (x, w, o) =>
    chain(greyErosionGPU(x, w), (e) => {
      const opened = greyDilationGPU(e, { ...w, output: o.output });
      return difference(x, opened, opened);
    }),
  );
}

/** The closing minus the input. */
export function blackTophatGPU(input: unknown, options?: GreyMorphologyOptions): GPUArray {
  return composed('blackTophat', input, options, (x, w, o) =>
    chain(greyDilationGPU(x, w), (d) => {
      const closed = greyErosionGPU(d, { ...w, output: o.output });
      return difference(closed, x, closed);
    }),
  );
}
