/**
 * @sciport/linalg — scipy.linalg for TypeScript. Skeleton: the functions below are planned,
 * in SciPy's names (camelCase), and will be declared as multimethods in domain
 * `sciport.linalg` with their default CPU implementations here.
 */
export const DOMAIN = 'sciport.linalg';

/** The SciPy functions this package will provide first, in sciport's camelCase names. */
export const PLANNED_FUNCTIONS: readonly string[] = Object.freeze(['solve', 'inv', 'det', 'lu', 'luFactor', 'luSolve', 'cholesky', 'choFactor', 'choSolve', 'qr', 'svd', 'eig', 'eigh', 'norm', 'lstsq', 'pinv', 'expm', 'solveTriangular']);

/** scipy's snake_case name of a sciport function (`gaussianFilter` → `gaussian_filter`). */
export function scipyName(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
