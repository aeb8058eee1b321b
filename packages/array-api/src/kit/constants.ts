/** The standard's constants, the same in every namespace. */
export const STANDARD_CONSTANTS = {
  e: Math.E,
  pi: Math.PI,
  inf: Number.POSITIVE_INFINITY,
  nan: Number.NaN,
  newaxis: null,
} as const;
