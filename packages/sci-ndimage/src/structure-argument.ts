/**
 * The `structure` argument of label and watershedIft: a 3×…×3 boolean-like array (any
 * non-zero value is true, as SciPy's conversion to bool) with the input's rank, or the
 * default face connectivity.
 */
import { asarray, isComplexDtype } from '@sciport/array-api';
import { DtypeError, InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import { defaultStructure } from './default-structure.js';
import { readPlane } from './planes.js';

/** The structure as 3^rank 0/1 values in C order. `symmetric`: refuse one that is not (label's rule). */
export function readStructure(structure: unknown, rank: number, symmetric: boolean): Uint8Array {
  if (structure === undefined || structure === null) return defaultStructure(rank);
  const s = asarray(structure);
  if (isComplexDtype(s.dtype)) {
    throw new DtypeError(`'structure' must be boolean-like, got ${s.dtype}.`, { argument: 'structure', hint: 'Pass true/false or 0/1 values.' });
  }
  if (s.ndim !== rank) {
    throw new ShapeError(`'structure' has ${s.ndim} dimensions, the input ${rank}.`, {
      argument: 'structure',
      hint: 'Give the structure one dimension per input axis (e.g. a 3×3 array for an image).',
    });
  }
  if (s.shape.some((n) => n !== 3)) {
    throw new ShapeError(`'structure' has shape [${s.shape.join(', ')}]; every dimension must be 3.`, {
      argument: 'structure',
      hint: 'Give a 3×…×3 array (the centre and its neighbours).',
    });
  }
  const mask = Uint8Array.from(readPlane(s), (v) => (v !== 0 ? 1 : 0));
  // point symmetry: element k and element size-1-k (the mirrored offset) agree
  if (symmetric && mask.some((v, k) => v !== mask[mask.length - 1 - k])) {
    throw new InvalidArgumentError("'structure' is not symmetric about its centre.", {
      argument: 'structure',
      hint: 'Connectivity is symmetric: include each neighbour offset together with its opposite.',
    });
  }
  return mask;
}

/** The offsets (one coordinate delta per axis, each −1, 0 or 1) of the true elements other than the centre, in C order. */
export function neighbourDeltas(mask: Uint8Array, rank: number): number[][] {
  const deltas: number[][] = [];
  const centre = (mask.length - 1) / 2;
  for (let k = 0; k < mask.length; k++) {
    if (mask[k] === 0 || k === centre) continue;
    const delta = new Array<number>(rank);
    for (let rest = k, d = rank - 1; d >= 0; d--, rest = Math.floor(rest / 3)) delta[d] = (rest % 3) - 1;
    deltas.push(delta);
  }
  return deltas;
}
