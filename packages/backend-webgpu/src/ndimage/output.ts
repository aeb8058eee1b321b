import { isComplexDtype, isDType } from '@sciport/array-api';
import { describe } from '@sciport/array-api/kit';
import { DtypeError, InvalidArgumentError, NotSupportedError, ShapeError } from '@sciport/dispatch-core';

/**
 * The `output` option of the ndimage filters on GPU arrays: unset or 'float32' (the GPU
 * computes in f32 and returns a new GPUArray); 'complex64' where the result is complex
 * (complex weights; complex input is refused after this check). Invalid values get the host's errors; valid
 * forms the GPU does not produce (other dtypes, arrays to fill) are declined with the reason.
 */
export function checkGpuOutput(output: unknown, shape: readonly number[], complexResult = false): void {
  checkGpuOutputAs(output, shape, complexResult ? 'complex64' : 'float32');
}

/**
 * The same check for a filter whose result has dtype `produced` (the min/max and rank filters
 * return the input's dtype): unset or that dtype is accepted, anything else declined or refused.
 */
export function checkGpuOutputAs(output: unknown, shape: readonly number[], produced: string): void {
  const complexResult = isComplexDtype(produced as never);
  // SciPy (and the host) take no bool output dtype
  if (output === undefined || output === null || (output === produced && produced !== 'bool')) return;
  if (typeof output === 'string') {
    if (!isDType(output) || output === 'bool') {
      throw new DtypeError(`'output' must name a numeric dtype, got ${describe(output)}.`, {
        argument: 'output',
        hint: 'Use e.g. "float64", "float32", "int32", "uint8" or "complex128".',
      });
    }
    if (isComplexDtype(output) && !complexResult) {
      throw new DtypeError(`'output' ${output} is complex, the result of real input and weights is real.`, {
        argument: 'output',
        hint: 'Use a real dtype.',
      });
    }
    if (!isComplexDtype(output) && complexResult) {
      throw new DtypeError(`'output' ${output} is real, the result of complex input or weights is complex.`, {
        argument: 'output',
        hint: 'Use a complex dtype.',
      });
    }
    throw new NotSupportedError(`The WebGPU ndimage filters return ${produced} here, not ${output}.`, {
      argument: 'output',
      hint: `Leave 'output' unset (or '${produced}') and cast the result with astype, or filter on the host: await x.toHost().`,
    });
  }
  const outShape = (output as { shape?: unknown } | null)?.shape;
  if (Array.isArray(outShape)) {
    if (outShape.length !== shape.length || outShape.some((n, i) => n !== shape[i])) {
      throw new ShapeError(`'output' has shape [${outShape.join(', ')}], the result [${shape.join(', ')}].`, {
        argument: 'output',
        hint: 'Preallocate the output with the result’s shape (the input’s, for the filters).',
      });
    }
    throw new NotSupportedError('The WebGPU ndimage filters return a new GPUArray; they do not fill an output array.', {
      argument: 'output',
      hint: "Leave 'output' unset and use the returned GPUArray.",
    });
  }
  throw new InvalidArgumentError(`'output' must be a dtype name or an array, got ${describe(output)}.`, {
    argument: 'output',
    hint: 'Pass e.g. "float32", or leave it unset.',
  });
}
