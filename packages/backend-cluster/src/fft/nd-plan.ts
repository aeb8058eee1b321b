import { InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';

/** One 1-D pass of an n-D transform: which 1-D multimethod, along which axis, to what length. */
export interface AxisPass {
  readonly name: string;
  readonly axis: number;
  /** Output length along the axis (`null`: the 1-D transform's default). */
  readonly n: number | null;
}

function describe(v: unknown): string {
  return Array.isArray(v) ? `[${v.join(', ')}]` : String(v);
}

function intList(value: unknown, name: string): number[] {
  const list = typeof value === 'number' ? [value] : Array.isArray(value) ? [...value] : undefined;
  if (list === undefined || list.some((v) => typeof v !== 'number' || !Number.isInteger(v))) {
    throw new InvalidArgumentError(`${name} must be an integer or a list of integers, got ${describe(value)}.`, {
      argument: name,
      hint: `Pass ${name} as whole numbers.`,
    });
  }
  return list as number[];
}

/**
 * SciPy's `_init_nd_shape_and_axes` (as @sciport/fft applies it, with the same errors):
 * `axes` defaults to all axes, or to the last `s.length` axes; `s[i] = -1` keeps the size;
 * an explicit empty `axes` ignores `s`. Entries of `shape` are null where the 1-D transform
 * picks its own default length (s not given).
 */
export function ndShapeAndAxes(
  inShape: readonly number[],
  s: unknown,
  axes: unknown,
): { axes: number[]; shape: (number | null)[] } {
  const ndim = inShape.length;
  const noShape = s === undefined || s === null;
  const noAxes = axes === undefined || axes === null;
  let axisList: number[] = [];
  if (!noAxes) {
    axisList = intList(axes, 'axes').map((a) => {
      if (a >= ndim || a < -ndim) {
        throw new InvalidArgumentError(`axes ${describe(axes)} exceeds the dimensionality of the input (${ndim}).`, {
          argument: 'axes',
          hint: `Use axes in [${-ndim}, ${ndim - 1}].`,
        });
      }
      return a < 0 ? a + ndim : a;
    });
    if (new Set(axisList).size !== axisList.length) {
      throw new InvalidArgumentError(`All axes must be unique, got ${describe(axes)}.`, {
        argument: 'axes',
        hint: 'Name each axis at most once.',
      });
    }
  }
  if (noShape) {
    if (noAxes) axisList = inShape.map((_, i) => i);
    return { axes: axisList, shape: axisList.map(() => null) };
  }
  const sList = intList(s, 's');
  if (axisList.length > 0 && axisList.length !== sList.length) {
    throw new InvalidArgumentError(`When given, axes and s must have the same length (s has ${sList.length}, axes ${axisList.length}).`, {
      argument: 's',
      hint: 'Give one output length per transformed axis.',
    });
  }
  if (noAxes) {
    if (sList.length > ndim) {
      throw new InvalidArgumentError(`s ${describe(s)} requires more axes than the input has (${ndim}).`, {
        argument: 's',
        hint: 'Give at most one length per axis of x.',
      });
    }
    axisList = [];
    for (let a = ndim - sList.length; a < ndim; a++) axisList.push(a);
  }
  const shape = axisList.map((a, i) => (sList[i] === -1 ? inShape[a] : sList[i]));
  if (shape.some((v) => v < 1)) {
    throw new InvalidArgumentError(`Invalid number of data points ${describe(shape)} specified.`, {
      argument: 's',
      hint: 'Every output length must be at least 1 (or -1 to keep the input size).',
    });
  }
  return { axes: axisList, shape };
}

/** Largest number of elements one host array holds: every block, and `toHost()`, must fit. */
export const MAX_ELEMENTS = 2 ** 31 - 1;

export function checkSize(shape: readonly number[], argument: string): void {
  const size = shape.reduce((a, b) => a * b, 1);
  if (size > MAX_ELEMENTS) {
    throw new ShapeError(`The transform would need ${size} elements ([${shape.join(', ')}]), more than the ${MAX_ELEMENTS} an array can hold.`, {
      argument,
      hint: `Choose a smaller ${argument}.`,
    });
  }
}

export type NdKind = 'c2c' | 'r2c' | 'c2r' | 'r2r';

/**
 * Split an n-D transform into 1-D passes. Complex and real-to-real transforms are separable in
 * any order: axes that are already whole in the current chunking go first (no rechunk).
 * rfftn transforms the last axis first (real → half spectrum) and then the others (complex);
 * irfftn does the others first and ends with the real inverse on the last axis. hfftn and
 * ihfftn follow the same pattern (hfft = inverse of ihfft; ihfftn = ifft over the other axes
 * of ihfft along the last one).
 */
export function planPasses(
  kind: NdKind,
  oneD: string,
  others: string,
  axes: readonly number[],
  shape: readonly (number | null)[],
  wholeAxes: ReadonlySet<number>,
): AxisPass[] {
  const pairs = axes.map((axis, i) => ({ axis, n: shape[i] }));
  if (kind === 'c2c' || kind === 'r2r') {
    const first = pairs.filter((p) => wholeAxes.has(p.axis));
    const rest = pairs.filter((p) => !wholeAxes.has(p.axis)).reverse();
    return [...first, ...rest].map((p) => ({ name: oneD, axis: p.axis, n: p.n }));
  }
  const last = pairs[pairs.length - 1];
  const rest = pairs.slice(0, -1).map((p) => ({ name: others, axis: p.axis, n: p.n }));
  if (kind === 'r2c') return [{ name: oneD, axis: last.axis, n: last.n }, ...rest];
  return [...rest, { name: oneD, axis: last.axis, n: last.n }];
}
