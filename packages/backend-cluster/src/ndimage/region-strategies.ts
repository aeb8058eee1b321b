/**
 * The cluster's strategies for @sciport/ndimage's morphology, labelling and measurements: the
 * morphology primitives by halo exchange (morphology.ts, convergence.ts), the compositions as
 * @sciport/ndimage writes them (they call the primitives through dispatch and the chunked
 * namespace for the rest), label (label.ts), findObjects (find-objects.ts) and the labelled
 * measurements (measure.ts, histogram.ts).
 */
import { NDIMAGE_COMPOSITIONS, type NdimageFunction } from '@sciport/ndimage';
import { convergeMorphology } from './convergence.js';
import { findObjectsStrategy } from './find-objects.js';
import { histogramStrategy } from './histogram.js';
import { labelStrategy } from './label.js';
import { MEASUREMENTS, measurementStrategy } from './measure.js';
import { MORPHOLOGY_PRIMITIVES, morphologyStrategy } from './morphology.js';

/** The strategy for a morphology row or label; undefined for the rows the cluster has none for (structures, distances, …). */
export function regionStrategyFor(row: NdimageFunction): ((...args: any[]) => unknown) | undefined {
  if (row.name === 'label') return labelStrategy;
  if (row.name === 'findObjects') return findObjectsStrategy;
  if (MEASUREMENTS.has(row.name)) return measurementStrategy(row.name);
  if (row.name === 'histogram') return histogramStrategy;
  if (MORPHOLOGY_PRIMITIVES.has(row.name)) return morphologyStrategy(row, (x, options, dtype) => convergeMorphology(row.name, x, options, dtype));
  return NDIMAGE_COMPOSITIONS[row.name];
}
