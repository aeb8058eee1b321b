/**
 * The cluster's strategies for @sciport/ndimage's morphology: the primitives by halo exchange
 * (morphology.ts, convergence.ts), the compositions as @sciport/ndimage writes them (they call
 * the primitives through dispatch and the chunked namespace for the rest).
 */
import { NDIMAGE_COMPOSITIONS, type NdimageFunction } from '@sciport/ndimage';
import { convergeMorphology } from './convergence.js';
import { labelStrategy } from './label.js';
import { MORPHOLOGY_PRIMITIVES, morphologyStrategy } from './morphology.js';

/** The strategy for a morphology row or label; undefined for the rows the cluster has none for (structures, distances, …). */
export function morphologyStrategyFor(row: NdimageFunction): ((...args: any[]) => unknown) | undefined {
  if (row.name === 'label') return labelStrategy;
  if (MORPHOLOGY_PRIMITIVES.has(row.name)) return morphologyStrategy(row, (x, options, dtype) => convergeMorphology(row.name, x, options, dtype));
  return NDIMAGE_COMPOSITIONS[row.name];
}
