/**
 * The output of a Fourier filter, by SciPy's rules (which differ from the other filters'):
 * by default the input's dtype when it is float32, complex64 or complex128, else float64
 * (fourierShift: the input's complex dtype, else complex128); a given dtype or array must be
 * float32, float64, complex64 or complex128 (fourierShift: complex only), and complex
 * input needs a complex output.
 */
import { type DType, isComplexDtype, isDType, NDArray, zeros } from '@sciport/array-api';
import { describe } from '@sciport/array-api/kit';
import { DtypeError, InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import type { OutputTarget } from './output.js';

const REAL_OR_COMPLEX: readonly DType[] = ['float32', 'float64', 'complex64', 'complex128'];
const COMPLEX: readonly DType[] = ['complex64', 'complex128'];

function defaultDtype(input: DType, complexOnly: boolean): DType {
  if (complexOnly) return isComplexDtype(input) ? input : 'complex128';
  return REAL_OR_COMPLEX.includes(input) && input !== 'float64' ? input : 'float64';
}

function checkDtype(dtype: DType, input: DType, complexOnly: boolean): void {
  const allowed = complexOnly ? COMPLEX : REAL_OR_COMPLEX;
  if (!allowed.includes(dtype) || (isComplexDtype(input) && !isComplexDtype(dtype))) {
    const usable = isComplexDtype(input) || complexOnly ? COMPLEX : REAL_OR_COMPLEX;
    throw new DtypeError(`This Fourier filter of ${input} input cannot write a ${dtype} output.`, {
      argument: 'output',
      hint: `Use one of ${usable.join(', ')} (or leave output unset).`,
    });
  }
}

export function fourierOutput(input: NDArray, output: unknown, complexOnly: boolean): OutputTarget {
  if (output === undefined || output === null) {
    const dtype = defaultDtype(input.dtype, complexOnly);
    return { array: zeros(input.shape, { dtype }), dtype };
  }
  if (typeof output === 'string') {
    if (!isDType(output)) {
      throw new DtypeError(`'output' must name a dtype, got ${describe(output)}.`, {
        argument: 'output',
        hint: 'Use "float64", "float32", "complex128" or "complex64".',
      });
    }
    checkDtype(output, input.dtype, complexOnly);
    return { array: zeros(input.shape, { dtype: output }), dtype: output };
  }
  if (output instanceof NDArray) {
    if (output.shape.length !== input.shape.length || output.shape.some((n, i) => n !== input.shape[i])) {
      throw new ShapeError(`'output' has shape [${output.shape.join(', ')}], the input [${input.shape.join(', ')}].`, {
        argument: 'output',
        hint: 'Preallocate the output with the input’s shape.',
      });
    }
    checkDtype(output.dtype, input.dtype, complexOnly);
    return { array: output, dtype: output.dtype };
  }
  throw new InvalidArgumentError(`'output' must be a dtype name or an NDArray, got ${describe(output)}.`, {
    argument: 'output',
    hint: 'Pass e.g. "float32", or an array of the input’s shape to fill.',
  });
}
