import { InvalidArgumentError } from '@sciport/dispatch-core';

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
 * SciPy's `_init_nd_shape_and_axes` for a chunked array: `axes` defaults to all axes (the `2`
 * forms to [-2, -1]), or to the last `s.length` axes; `s[i] = -1` keeps the size.
 * Entries of `shape` are null where the 1-D transform should pick its own default length.
 */
export function ndShapeAndAxes(
  ndim: number,
  inputShape: readonly number[],
  s: unknown,
  axes: unknown,
  twoD: boolean,
): { axes: number[]; shape: (number | null)[] } {
  let axisList: number[];
  const sList = s === undefined || s === null ? undefined : intList(s, 's');
  if (axes === undefined || axes === null) {
    if (twoD) axisList = [-2, -1];
    else if (sList !== undefined) axisList = sList.map((_, i) => i - sList.length);
    else axisList = Array.from({ length: ndim }, (_, i) => i);
  } else {
    axisList = intList(axes, 'axes');
  }
  const norm = axisList.map((a) => {
    if (a < -ndim || a >= ndim) {
      throw new InvalidArgumentError(`axes ${describe(axisList)} out of bounds for an array of dimension ${ndim}.`, {
        argument: 'axes',
        hint: `Use axes in [${-ndim}, ${ndim - 1}].`,
      });
    }
    return a < 0 ? a + ndim : a;
  });
  if (new Set(norm).size !== norm.length) {
    throw new InvalidArgumentError(`All axes must be unique, got ${describe(axisList)}.`, { argument: 'axes' });
  }
  if (sList !== undefined && sList.length !== norm.length) {
    throw new InvalidArgumentError('When given, axes and shape arguments have to be of the same length.', {
      argument: 's',
      hint: `s has ${sList.length} entries for ${norm.length} axes.`,
    });
  }
  const shape = norm.map((a, i) => {
    if (sList === undefined) return null;
    const v = sList[i];
    if (v === -1) return inputShape[a];
    if (v < 1) {
      throw new InvalidArgumentError(`Invalid number of data points (${v}) specified.`, { argument: 's', hint: 'Each entry of s must be at least 1 (or -1 to keep the size).' });
    }
    return v;
  });
  return { axes: norm, shape };
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
