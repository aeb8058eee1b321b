/**
 * The four morphology multimethods every opening, closing, tophat, gradient and
 * propagation is composed of (declared here, below the compositions that call them).
 */
import { binaryDilationHost, binaryErosionHost } from './binary-morphology.js';
import type { OptionsFilter } from './filter-signatures.js';
import { greyDilationHost, greyErosionHost } from './grey-morphology.js';
import type { BinaryMorphologyOptions, GreyMorphologyOptions } from './morphology-options.js';
import { declareFilter } from './table-declarations.js';

export const binaryErosion = declareFilter<OptionsFilter<BinaryMorphologyOptions>>('binaryErosion', binaryErosionHost);
export const binaryDilation = declareFilter<OptionsFilter<BinaryMorphologyOptions>>('binaryDilation', binaryDilationHost);
export const greyErosion = declareFilter<OptionsFilter<GreyMorphologyOptions>>('greyErosion', greyErosionHost);
export const greyDilation = declareFilter<OptionsFilter<GreyMorphologyOptions>>('greyDilation', greyDilationHost);
