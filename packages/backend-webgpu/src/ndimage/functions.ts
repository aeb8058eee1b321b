import type { GPUArray } from '../gpu-array.js';
import { convolveGPU, correlateGPU } from './correlate.js';
import { laplaceGPU, prewittGPU, sobelGPU } from './derivatives.js';
import type { GPUDType } from '../dtypes.js';
import { convolve1dGPU, correlate1dGPU, gaussianFilter1dGPU, gaussianFilterGPU, uniformFilter1dGPU, uniformFilterGPU } from './filters.js';
import {
  blackTophatGPU,
  greyClosingGPU,
  greyOpeningGPU,
  morphologicalGradientGPU,
  morphologicalLaplaceGPU,
  whiteTophatGPU,
} from './grey-compositions.js';
import { greyDilationGPU, greyErosionGPU } from './grey-morphology.js';
import { binaryClosingGPU, binaryFillHolesGPU, binaryHitOrMissGPU, binaryOpeningGPU, binaryPropagationGPU } from './binary-compositions.js';
import { binaryDilationGPU, binaryErosionGPU } from './binary-morphology.js';
import { gaussianGradientMagnitudeGPU, gaussianLaplaceGPU } from './gaussian-derivatives.js';
import { medianFilterGPU, percentileFilterGPU, rankFilterGPU } from './rank-filters.js';
import { affineTransformGPU, mapCoordinatesGPU, rotateGPU, shiftGPU, zoomGPU } from './interpolation.js';
import { splineFilter1dGPU, splineFilterGPU } from './spline-filters.js';
import { maximumFilter1dGPU, maximumFilterGPU, minimumFilter1dGPU, minimumFilterGPU, SELECTION_DTYPES } from './min-max.js';

/** The GPU implementation of each ndimage function this backend runs, by name (its manifest claims exactly these). */
export const GPU_NDIMAGE: Readonly<Record<string, (...args: never[]) => GPUArray>> = {
  correlate1d: correlate1dGPU,
  convolve1d: convolve1dGPU,
  correlate: correlateGPU,
  convolve: convolveGPU,
  uniformFilter1d: uniformFilter1dGPU,
  uniformFilter: uniformFilterGPU,
  gaussianFilter1d: gaussianFilter1dGPU,
  gaussianFilter: gaussianFilterGPU,
  sobel: sobelGPU,
  prewitt: prewittGPU,
  laplace: laplaceGPU,
  minimumFilter1d: minimumFilter1dGPU,
  maximumFilter1d: maximumFilter1dGPU,
  minimumFilter: minimumFilterGPU,
  maximumFilter: maximumFilterGPU,
  gaussianLaplace: gaussianLaplaceGPU,
  gaussianGradientMagnitude: gaussianGradientMagnitudeGPU,
  medianFilter: medianFilterGPU,
  rankFilter: rankFilterGPU,
  percentileFilter: percentileFilterGPU,
  greyErosion: greyErosionGPU,
  greyDilation: greyDilationGPU,
  greyOpening: greyOpeningGPU,
  greyClosing: greyClosingGPU,
  morphologicalGradient: morphologicalGradientGPU,
  morphologicalLaplace: morphologicalLaplaceGPU,
  whiteTophat: whiteTophatGPU,
  blackTophat: blackTophatGPU,
  binaryErosion: binaryErosionGPU,
  binaryDilation: binaryDilationGPU,
  binaryOpening: binaryOpeningGPU,
  binaryClosing: binaryClosingGPU,
  binaryHitOrMiss: binaryHitOrMissGPU,
  binaryPropagation: binaryPropagationGPU,
  binaryFillHoles: binaryFillHolesGPU,
  splineFilter1d: splineFilter1dGPU,
  splineFilter: splineFilterGPU,
  mapCoordinates: mapCoordinatesGPU,
  affineTransform: affineTransformGPU,
  shift: shiftGPU,
  zoom: zoomGPU,
  rotate: rotateGPU,
};

/** The GPU dtypes the linear filters take (complex64 is refused after the option checks, so bad options meet the host's errors first). */
const LINEAR_DTYPES: readonly GPUDType[] = ['float32', 'complex64'];

/**
 * The input dtypes each function of GPU_NDIMAGE takes on the GPU (the linear filters' when not
 * listed); complex64 passes where the function refuses it with the host's error.
 */
export const GPU_NDIMAGE_DTYPES: Readonly<Record<string, readonly GPUDType[]>> = {
  minimumFilter1d: [...SELECTION_DTYPES, 'complex64'],
  maximumFilter1d: [...SELECTION_DTYPES, 'complex64'],
  minimumFilter: [...SELECTION_DTYPES, 'complex64'],
  maximumFilter: [...SELECTION_DTYPES, 'complex64'],
  medianFilter: [...SELECTION_DTYPES, 'complex64'],
  rankFilter: [...SELECTION_DTYPES, 'complex64'],
  percentileFilter: [...SELECTION_DTYPES, 'complex64'],
  greyErosion: [...SELECTION_DTYPES, 'complex64'],
  greyDilation: [...SELECTION_DTYPES, 'complex64'],
  greyOpening: [...SELECTION_DTYPES, 'complex64'],
  greyClosing: [...SELECTION_DTYPES, 'complex64'],
  morphologicalGradient: [...SELECTION_DTYPES, 'complex64'],
  morphologicalLaplace: [...SELECTION_DTYPES, 'complex64'],
  whiteTophat: [...SELECTION_DTYPES, 'complex64'],
  blackTophat: [...SELECTION_DTYPES, 'complex64'],
  // binary morphology: nonzero elements of any real array are true
  binaryErosion: [...SELECTION_DTYPES, 'complex64'],
  binaryDilation: [...SELECTION_DTYPES, 'complex64'],
  binaryOpening: [...SELECTION_DTYPES, 'complex64'],
  binaryClosing: [...SELECTION_DTYPES, 'complex64'],
  binaryHitOrMiss: [...SELECTION_DTYPES, 'complex64'],
  binaryPropagation: [...SELECTION_DTYPES, 'complex64'],
  binaryFillHoles: [...SELECTION_DTYPES, 'complex64'],
};

/** The dtypes `name` takes on the GPU. */
export function gpuNdimageDtypes(name: string): readonly GPUDType[] {
  return GPU_NDIMAGE_DTYPES[name] ?? LINEAR_DTYPES;
}
