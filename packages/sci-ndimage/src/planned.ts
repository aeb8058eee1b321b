/**
 * The functions of SciPy 1.17's `scipy.ndimage` (75 in `__all__`) this package does not
 * implement yet, in sciport's camelCase names. None is declared as a multimethod until it
 * is implemented and tested.
 */
export const PLANNED_FUNCTIONS: readonly string[] = Object.freeze([
  'affineTransform',
  'centerOfMass',
  'extrema',
  'findObjects',
  'fourierEllipsoid',
  'fourierGaussian',
  'fourierShift',
  'fourierUniform',
  'genericFilter',
  'genericFilter1d',
  'geometricTransform',
  'histogram',
  'label',
  'labeledComprehension',
  'mapCoordinates',
  'maximum',
  'maximumPosition',
  'mean',
  'median',
  'minimum',
  'minimumPosition',
  'rotate',
  'shift',
  'splineFilter',
  'splineFilter1d',
  'standardDeviation',
  'sum',
  'sumLabels',
  'valueIndices',
  'variance',
  'vectorizedFilter',
  'watershedIft',
  'zoom',
]);

/** SciPy's snake_case name of a sciport function (`gaussianFilter1d` → `gaussian_filter1d`). */
export function scipyName(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
