/**
 * @sciport/ndimage — scipy.ndimage for TypeScript. Skeleton: the functions below are planned,
 * in SciPy's names (camelCase), and will be declared as multimethods in domain
 * `sciport.ndimage` with their default CPU implementations here.
 */
export const DOMAIN = 'sciport.ndimage';

/** The SciPy functions this package will provide first, in sciport's camelCase names. */
export const PLANNED_FUNCTIONS: readonly string[] = Object.freeze(['gaussianFilter', 'uniformFilter', 'medianFilter', 'convolve', 'correlate', 'sobel', 'laplace', 'zoom', 'shift', 'rotate', 'affineTransform', 'mapCoordinates', 'label', 'binaryErosion', 'binaryDilation', 'distanceTransformEdt']);

/** scipy's snake_case name of a sciport function (`gaussianFilter` → `gaussian_filter`). */
export function scipyName(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
