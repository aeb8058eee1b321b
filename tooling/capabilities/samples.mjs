// The small host arrays the capability probes run on, with values every dtype holds exactly.
import { asarray } from '@sciport/array-api';

/** A 4×6 array of small positive integers (alternating flags for bool). */
export function gridSample(dtype) {
  const values = Array.from({ length: 4 }, (_, i) =>
    Array.from({ length: 6 }, (_, j) => (dtype === 'bool' ? (i + j) % 2 === 0 : ((i * 7 + j * 3) % 5) + 1)),
  );
  return asarray(values, { dtype });
}

/**
 * A 4×4 symmetric, strictly diagonally dominant matrix (so positive definite: every
 * solver and factorisation applies), of small integers.
 */
export function matrixSample(dtype) {
  const values = Array.from({ length: 4 }, (_, i) =>
    Array.from({ length: 4 }, (_, j) => {
      if (dtype === 'bool') return i === j;
      return i === j ? 20 : ((i + j) * 3) % 5;
    }),
  );
  return asarray(values, { dtype });
}

/** The first row of `matrixSample`, for the constructors that take a vector. */
export function vectorSample(dtype) {
  return asarray(matrixSample(dtype).toArray()[0], { dtype });
}

/**
 * A positive definite tridiagonal matrix in band storage: the diagonal and the first
 * sub-diagonal (the lower form of solvehBanded/choleskyBanded, and of solveBanded with
 * (l, u) = (1, 0)).
 */
export function bandSample(dtype) {
  const values = [
    [20, 20, 20, 20],
    [1, 2, 3, 0],
  ];
  return asarray(dtype === 'bool' ? values.map((r) => r.map((v) => v !== 0)) : values, { dtype });
}
