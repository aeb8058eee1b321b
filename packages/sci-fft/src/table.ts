/**
 * The one table of the `sciport.fft` domain: every transform with what a backend needs to
 * know about it. The multimethods, their host implementations' option checks, the backends'
 * manifests and the conformance suites' function lists are all derived from it, so a
 * transform is named once, here.
 */
import { functionTable } from '@sciport/dispatch-core';
import { DCT_KEYS, DCTN_KEYS, FFT_KEYS, FFTN_KEYS, FHT_KEYS } from './options.js';

/** Shape of the data a transform maps: complex↔complex, real→half spectrum, half spectrum→real, real↔real, or Hankel. */
export type TransformKind = 'c2c' | 'r2c' | 'c2r' | 'r2r' | 'hankel';

/**
 * Which axes a transform takes: one `axis` (default -1); two `axes` (default [-2, -1], the
 * `2` forms); any number of `axes` (default all, the `n` forms).
 */
export type AxesForm = 'axis' | 'two' | 'all';

export interface FFTFunction {
  readonly name: string;
  readonly kind: TransformKind;
  readonly inverse: boolean;
  readonly axes: AxesForm;
  /** The 1-D transform applied along each transformed axis (itself for 1-D transforms). */
  readonly line: string;
  /** Every option key the function takes (its keyword arguments, camelCase, and `backend`). */
  readonly options: readonly string[];
}

function row(name: string, kind: TransformKind, inverse: boolean, axes: AxesForm, line: string): FFTFunction {
  const r2r = kind === 'r2r';
  const options = kind === 'hankel' ? FHT_KEYS : axes === 'axis' ? (r2r ? DCT_KEYS : FFT_KEYS) : r2r ? DCTN_KEYS : FFTN_KEYS;
  return { name, kind, inverse, axes, line, options };
}

/** A transform's 1-D, 2-D and n-D forms (`fft`, `fft2`, `fftn`; the r2r kinds have no 2-D form). */
function family(line: string, kind: TransformKind, inverse: boolean, forms: readonly AxesForm[]): FFTFunction[] {
  const suffix: Record<AxesForm, string> = { axis: '', two: '2', all: 'n' };
  return forms.map((axes) => row(line + suffix[axes], kind, inverse, axes, line));
}

const ALL_FORMS: readonly AxesForm[] = ['axis', 'two', 'all'];
const NO_TWO_D: readonly AxesForm[] = ['axis', 'all'];

/** The domain every sciport.fft multimethod belongs to. */
export const FFT_DOMAIN = 'sciport.fft';

/** Every transform of scipy.fft, family by family. */
export const FFT_TABLE = functionTable<FFTFunction>(FFT_DOMAIN, [
  ...family('fft', 'c2c', false, ALL_FORMS),
  ...family('ifft', 'c2c', true, ALL_FORMS),
  ...family('rfft', 'r2c', false, ALL_FORMS),
  ...family('irfft', 'c2r', true, ALL_FORMS),
  ...family('hfft', 'c2r', false, ALL_FORMS),
  ...family('ihfft', 'r2c', true, ALL_FORMS),
  ...family('dct', 'r2r', false, NO_TWO_D),
  ...family('idct', 'r2r', true, NO_TWO_D),
  ...family('dst', 'r2r', false, NO_TWO_D),
  ...family('idst', 'r2r', true, NO_TWO_D),
  row('fht', 'hankel', false, 'axis', 'fht'),
  row('ifht', 'hankel', true, 'axis', 'ifht'),
]);

/** Every transform's row, in table order. */
export const FFT_FUNCTIONS: readonly FFTFunction[] = FFT_TABLE.rows;

/** The table row of transform `name`; throws for a name that is not in the table. */
export const fftFunction: (name: string) => FFTFunction = FFT_TABLE.get;

/** Names of the transforms that satisfy `predicate`, in table order (for suites and manifests). */
export const fftNames: (predicate?: (f: FFTFunction) => boolean) => string[] = FFT_TABLE.names;

/** The default axes of an n-D form: [-2, -1] for the `2` forms, all axes (undefined) for the `n` forms. */
export function defaultAxes(f: FFTFunction): readonly number[] | undefined {
  return f.axes === 'two' ? [-2, -1] : undefined;
}
