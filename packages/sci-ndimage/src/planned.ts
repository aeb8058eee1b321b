/**
 * The functions of SciPy 1.17's `scipy.ndimage` (75 in `__all__`) this package does not
 * implement yet, in sciport's camelCase names. None is declared as a multimethod until it
 * is implemented and tested.
 */
export const PLANNED_FUNCTIONS: readonly string[] = Object.freeze([
]);

/** SciPy's snake_case name of a sciport function (`gaussianFilter1d` → `gaussian_filter1d`). */
export function scipyName(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
