/**
 * Structuring elements: SciPy's generate_binary_structure and iterate_structure, and the
 * reading of a user's structure (any dtype, nonzero = true) shared by the morphology.
 */
import { asarray, checkAllocatable, NDArray, readOptions } from '@sciport/array-api';
import { describe } from '@sciport/array-api/kit';
import { InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import { erodePlane } from './binary-erosion.js';
import { ITERATE_STRUCTURE_KEYS, GENERATE_STRUCTURE_KEYS, type IterateStructureOptions } from './morphology-options.js';
import { checkOriginValue } from './options.js';
import { perAxis } from './per-axis.js';
import { readPlane } from './planes.js';

/** A boolean structure: its shape and its elements in C order (0/1). */
export interface BinaryStructure {
  readonly shape: readonly number[];
  readonly mask: Uint8Array;
}

/** The 3×…×3 structure whose elements lie within `connectivity` unit steps of the centre. */
export function structureOf(rank: number, connectivity: number): BinaryStructure {
  const shape = new Array<number>(rank).fill(3);
  const size = 3 ** rank;
  const mask = new Uint8Array(size);
  for (let k = 0; k < size; k++) {
    let steps = 0;
    for (let r = k, d = 0; d < rank; d++, r = Math.floor(r / 3)) steps += r % 3 === 1 ? 0 : 1;
    mask[k] = steps <= connectivity ? 1 : 0;
  }
  return { shape, mask };
}

/** A user's structure (`argument` names it in errors): nonzero elements are true; it must not be empty. */
export function readBinaryStructure(value: unknown, argument = 'structure'): BinaryStructure {
  const s = asarray(value);
  if (s.size === 0) {
    throw new InvalidArgumentError(`'${argument}' is empty (shape [${s.shape.join(', ')}]).`, {
      argument,
      hint: 'Give at least one element along every dimension.',
    });
  }
  const re = readPlane(s, 0);
  const im = readPlane(s, 1);
  return { shape: s.shape, mask: Uint8Array.from(re, (v, k) => (v !== 0 || im[k] !== 0 ? 1 : 0)) };
}

/** The structure as a bool NDArray. */
export function structureArray(s: BinaryStructure): NDArray {
  return new NDArray(s.mask.slice(), [...s.shape], 'bool');
}

export function generateBinaryStructureHost(rank: number, connectivity: number, options?: object): NDArray {
  readOptions(options, GENERATE_STRUCTURE_KEYS, 'generateBinaryStructure');
  if (typeof rank !== 'number' || !Number.isInteger(rank)) {
    throw new InvalidArgumentError(`'rank' must be an integer, got ${describe(rank)}.`, {
      argument: 'rank',
      hint: 'Give the number of dimensions, e.g. 2.',
    });
  }
  if (typeof connectivity !== 'number' || Number.isNaN(connectivity)) {
    throw new InvalidArgumentError(`'connectivity' must be a number, got ${describe(connectivity)}.`, {
      argument: 'connectivity',
      hint: 'Give 1 for the nearest neighbours, up to rank for all of them.',
    });
  }
  // as SciPy: rank < 1 is a 0-d true, connectivity < 1 counts as 1
  if (rank < 1) return new NDArray(Uint8Array.of(1), [], 'bool');
  return structureArray(structureOf(rank, Math.max(1, connectivity)));
}

/**
 * The structure dilated by itself `iterations − 1` times, as SciPy: below 2 iterations a
 * copy of the structure (its dtype kept, origin not returned); otherwise a bool structure,
 * and `[structure, origin × iterations]` when an origin is given.
 */
export function iterateStructureHost(
  structure: unknown,
  iterations: number,
  options?: IterateStructureOptions,
): NDArray | [NDArray, number[]] {
  const o = readOptions(options, ITERATE_STRUCTURE_KEYS, 'iterateStructure');
  const s = asarray(structure);
  if (typeof iterations !== 'number' || !Number.isInteger(iterations)) {
    throw new InvalidArgumentError(`'iterations' must be an integer, got ${describe(iterations)}.`, {
      argument: 'iterations',
      hint: 'Give how many times the structure is dilated by itself plus one, e.g. 2.',
    });
  }
  const origin = o.origin === undefined || o.origin === null ? null : perAxis(o.origin, s.ndim, 'origin', checkOriginValue);
  if (iterations < 2) return asarray(s, { copy: true });
  if (s.ndim === 0) {
    throw new ShapeError('iterateStructure needs a structure with at least one dimension.', {
      argument: 'structure',
      hint: 'Pass e.g. generateBinaryStructure(2, 1).',
    });
  }
  const { mask, shape } = readBinaryStructure(s);
  const ni = iterations - 1;
  const outShape = shape.map((n) => n + ni * (n - 1));
  checkAllocatable(outShape, 'iterations');
  // the structure placed at its centre after ni dilations, then dilated ni times by itself
  const values = new Uint8Array(outShape.reduce((a, b) => a * b, 1));
  const outStride = outShape.map((_, d) => outShape.slice(d + 1).reduce((a, b) => a * b, 1));
  const idx = new Array<number>(shape.length).fill(0);
  for (let k = 0; k < mask.length; k++) {
    values[idx.reduce((acc, j, d) => acc + (j + ni * Math.floor(shape[d] / 2)) * outStride[d], 0)] = mask[k];
    for (let d = shape.length - 1; d >= 0; d--) {
      if (++idx[d] < shape[d]) break;
      idx[d] = 0;
    }
  }
  // binary_dilation mirrors the structure and its origin (0, less one along even axes)
  const dilated = erodePlane(values, {
    shape: outShape,
    fshape: shape,
    structure: mask.slice().reverse(),
    origins: shape.map((n) => (n % 2 === 0 ? -1 : 0)),
    borderValue: 0,
    invert: true,
    iterations: ni,
    mask: null,
    bruteForce: false,
  });
  const out = new NDArray(dilated, outShape, 'bool');
  return origin === null ? out : [out, origin.map((v) => iterations * v)];
}
