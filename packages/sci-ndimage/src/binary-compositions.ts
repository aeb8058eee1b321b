/**
 * The binary operations SciPy composes from erosion and dilation — opening, closing,
 * hit-or-miss, propagation, hole filling — written once against the input's array
 * namespace and this package's multimethods, so they run on every array kind whose
 * backend implements binaryErosion/binaryDilation.
 */
import { type ArrayNamespace, arrayNamespace, readOptions } from '@sciport/array-api';
import { DtypeError, ShapeError } from '@sciport/dispatch-core';
import { deliverOutput } from './composition-output.js';
import {
  BINARY_FILL_HOLES_KEYS,
  BINARY_HIT_OR_MISS_KEYS,
  BINARY_MORPHOLOGY_KEYS,
  BINARY_PROPAGATION_KEYS,
  type BinaryFillHolesOptions,
  type BinaryHitOrMissOptions,
  type BinaryMorphologyOptions,
  type BinaryPropagationOptions,
} from './morphology-options.js';
import { binaryDilation, binaryErosion } from './morphology-primitives.js';

type Xp = ArrayNamespace<unknown>;

/** The input's namespace and the input as bool (nonzero = true) in it. */
function namespaceOf(input: unknown): { xp: Xp; x: unknown } {
  const xp = arrayNamespace(input) as Xp;
  const x = xp.asarray(input);
  const dtype = (x as { dtype: string }).dtype;
  if (dtype === 'complex64' || dtype === 'complex128') {
    throw new DtypeError(`Binary morphology does not take complex input (${dtype}).`, {
      argument: 'input',
      hint: 'Pass a real or bool array (nonzero elements are true).',
    });
  }
  return { xp, x: asBool(xp, x) };
}

function asBool(xp: Xp, a: unknown): unknown {
  return (a as { dtype: string }).dtype === 'bool' ? a : xp.astype(a, 'bool');
}

/** Erosion then dilation with the same options (SciPy's binary_opening). */
export function binaryOpeningComposed(input: unknown, options?: BinaryMorphologyOptions): unknown {
  const o = readOptions(options, BINARY_MORPHOLOGY_KEYS, 'binaryOpening');
  const eroded = binaryErosion(input as never, { ...o, output: undefined });
  return binaryDilation(eroded as never, o);
}

/** Dilation then erosion with the same options (SciPy's binary_closing). */
export function binaryClosingComposed(input: unknown, options?: BinaryMorphologyOptions): unknown {
  const o = readOptions(options, BINARY_MORPHOLOGY_KEYS, 'binaryClosing');
  const dilated = binaryDilation(input as never, { ...o, output: undefined });
  return binaryErosion(dilated as never, o);
}

/**
 * Where structure1 fits the foreground and structure2 (default: structure1's complement)
 * fits the background: erosion of the input by structure1 AND erosion of its complement
 * by structure2, elements beyond the edges counting as background, as SciPy.
 */
export function binaryHitOrMissComposed(input: unknown, options?: BinaryHitOrMissOptions): unknown {
  const o = readOptions(options, BINARY_HIT_OR_MISS_KEYS, 'binaryHitOrMiss');
  const { xp, x } = namespaceOf(input);
  const count = axesCount((x as { ndim: number }).ndim, o.axes);
  checkStructureRank(xp, o.structure1, count, 'structure1');
  checkStructureRank(xp, o.structure2, count, 'structure2');
  const hit = binaryErosion(x as never, { structure: o.structure1, origin: o.origin1, axes: o.axes, backend: o.backend });
  let structure2 = o.structure2;
  if (structure2 === undefined || structure2 === null) {
    const s1 = o.structure1 === undefined || o.structure1 === null ? null : asBool(xp, xp.asarray(o.structure1));
    // SciPy's default structure2 is the complement of structure1 (of the default cross when none is given)
    structure2 = s1 === null ? null : xp.logicalNot(s1);
    if (s1 === null) structure2 = xp.logicalNot(defaultStructure(xp, x, o.axes));
  }
  const origin2 = o.origin2 === undefined || o.origin2 === null ? o.origin1 : o.origin2;
  const miss = binaryErosion(xp.logicalNot(x) as never, { structure: structure2, origin: origin2, borderValue: 1, axes: o.axes, backend: o.backend });
  return deliverOutput(xp, xp.logicalAnd(hit, miss), o.output);
}

/** How many axes `axes` filters (the erosion checks its values). */
function axesCount(ndim: number, axes: unknown): number {
  return axes === undefined || axes === null ? ndim : Array.isArray(axes) ? axes.length : 1;
}

/** hit-or-miss's structures are checked here so that the error names structure1 / structure2. */
function checkStructureRank(xp: Xp, value: unknown, count: number, argument: string): void {
  if (value === undefined || value === null) return;
  const ndim = (xp.asarray(value) as { ndim: number }).ndim;
  if (ndim !== count) {
    throw new ShapeError(`'${argument}' has ${ndim} dimensions for ${count} filtered axes.`, {
      argument,
      hint: 'Give the structure one dimension per filtered axis (see axes).',
    });
  }
}

/** The connectivity-1 structure over the filtered axes, in `xp`'s kind. */
function defaultStructure(xp: Xp, x: unknown, axes: unknown): unknown {
  const count = axesCount((x as { ndim: number }).ndim, axes);
  const shape = new Array<number>(count).fill(3);
  const values = Array.from({ length: 3 ** count }, (_, k) => {
    let steps = 0;
    for (let r = k, d = 0; d < count; d++, r = Math.floor(r / 3)) steps += r % 3 === 1 ? 0 : 1;
    return steps <= 1;
  });
  return xp.reshape(xp.asarray(values, { dtype: 'bool' }), shape);
}

/** Dilation repeated until nothing changes, within the mask (SciPy's binary_propagation). */
export function binaryPropagationComposed(input: unknown, options?: BinaryPropagationOptions): unknown {
  const o = readOptions(options, BINARY_PROPAGATION_KEYS, 'binaryPropagation');
  return binaryDilation(input as never, { ...o, iterations: -1 });
}

/**
 * The complement of the background reachable from the edges: propagation from outside
 * (border value 1) into the input's complement, negated (SciPy's binary_fill_holes).
 */
export function binaryFillHolesComposed(input: unknown, options?: BinaryFillHolesOptions): unknown {
  const o = readOptions(options, BINARY_FILL_HOLES_KEYS, 'binaryFillHoles');
  const { xp, x } = namespaceOf(input);
  const background = xp.logicalNot(x);
  const seed = xp.zeros((x as { shape: number[] }).shape, { dtype: 'bool' });
  const reached = binaryDilation(seed as never, {
    structure: o.structure,
    iterations: -1,
    mask: background,
    borderValue: 1,
    origin: o.origin,
    axes: o.axes,
    backend: o.backend,
  });
  return deliverOutput(xp, xp.logicalNot(reached), o.output);
}
