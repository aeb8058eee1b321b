/**
 * The grey-scale operations SciPy composes from erosion and dilation — opening, closing,
 * the morphological gradient and Laplace, the white and black top-hats — written once
 * against the input's array namespace and this package's multimethods, so they run on
 * every array kind whose backend implements greyErosion/greyDilation. The arithmetic is
 * NumPy's: in the operands' dtype (integers wrap), the result cast to the output's dtype.
 */
import { type ArrayNamespace, arrayNamespace, NDArray, readOptions } from '@sciport/array-api';
import { deliverOutput } from './composition-output.js';
import { GREY_MORPHOLOGY_KEYS, type GreyMorphologyOptions } from './morphology-options.js';
import { greyDilation, greyErosion } from './morphology-primitives.js';

type Xp = ArrayNamespace<unknown>;
type Options = Partial<GreyMorphologyOptions>;

function read(fn: string, input: unknown, options: GreyMorphologyOptions | undefined): { xp: Xp; x: unknown; o: Options; window: Options } {
  const o = readOptions(options, GREY_MORPHOLOGY_KEYS, fn);
  const xp = arrayNamespace(input) as Xp;
  const { output: _output, ...window } = o;
  return { xp, x: xp.asarray(input), o, window };
}

/** The dtype a step writes when the caller asked for `output` (a dtype name, or an array's dtype); unset for the input's own. */
function outputDtype(output: unknown, x: unknown): GreyMorphologyOptions['output'] {
  const dtype = output instanceof NDArray ? output.dtype : (output as GreyMorphologyOptions['output']);
  return dtype === dtypeOf(x) ? undefined : dtype;
}


function dtypeOf(a: unknown): string {
  return (a as { dtype: string }).dtype;
}

/** `result` cast to `like`'s dtype (NumPy's `out=like`). */
function castLike(xp: Xp, result: unknown, like: unknown): unknown {
  return dtypeOf(result) === dtypeOf(like) ? result : xp.astype(result, dtypeOf(like) as never);
}

/** `a − b`, or a XOR b when both are bool (as SciPy's top-hats), cast to the dtype of `into`. */
function difference(xp: Xp, a: unknown, b: unknown, into: unknown): unknown {
  if (dtypeOf(a) === 'bool' && dtypeOf(b) === 'bool') return xp.logicalXor(a, b);
  return castLike(xp, xp.subtract(a, b), into);
}

export function greyOpeningComposed(input: unknown, options?: GreyMorphologyOptions): unknown {
  const { x, o, window } = read('greyOpening', input, options);
  return greyDilation(greyErosion(x as never, window) as never, { ...window, output: o.output });
}

export function greyClosingComposed(input: unknown, options?: GreyMorphologyOptions): unknown {
  const { x, o, window } = read('greyClosing', input, options);
  return greyErosion(greyDilation(x as never, window) as never, { ...window, output: o.output });
}

/** Dilation minus erosion. */
export function morphologicalGradientComposed(input: unknown, options?: GreyMorphologyOptions): unknown {
  const { xp, x, o, window } = read('morphologicalGradient', input, options);
  const dilated = greyDilation(x as never, window);
  const eroded = greyErosion(x as never, { ...window, output: outputDtype(o.output, x) });
  return deliverOutput(xp, difference(xp, dilated, eroded, eroded), o.output);
}

/** Dilation plus erosion minus twice the input, in SciPy's order of operations. */
export function morphologicalLaplaceComposed(input: unknown, options?: GreyMorphologyOptions): unknown {
  const { xp, x, o, window } = read('morphologicalLaplace', input, options);
  const dilated = greyDilation(x as never, window);
  const eroded = greyErosion(x as never, { ...window, output: outputDtype(o.output, x) });
  // NumPy's add/subtract with out=eroded: each step cast to the eroded array's dtype
  const sum = castLike(xp, xp.add(dilated, eroded), eroded);
  const once = castLike(xp, xp.subtract(sum, x), eroded);
  return deliverOutput(xp, castLike(xp, xp.subtract(once, x), eroded), o.output);
}

/** The input minus its opening. */
export function whiteTophatComposed(input: unknown, options?: GreyMorphologyOptions): unknown {
  const { xp, x, o, window } = read('whiteTophat', input, options);
  const opened = greyDilation(greyErosion(x as never, window) as never, { ...window, output: outputDtype(o.output, x) });
  return deliverOutput(xp, difference(xp, x, opened, opened), o.output);
}

/** The closing minus the input. */
export function blackTophatComposed(input: unknown, options?: GreyMorphologyOptions): unknown {
  const { xp, x, o, window } = read('blackTophat', input, options);
  const closed = greyErosion(greyDilation(x as never, window) as never, { ...window, output: outputDtype(o.output, x) });
  return deliverOutput(xp, difference(xp, closed, x, closed), o.output);
}
