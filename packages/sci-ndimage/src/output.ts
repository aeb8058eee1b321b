/**
 * SciPy's `output=`: the result's dtype (default the input's), or a preallocated array
 * that is filled and returned. Results are computed in double precision and stored as
 * SciPy's C code stores them: integers truncated toward zero, float32 rounded.
 */
import { type DType, dtypeInfo, isComplexDtype, isDType, NDArray, zeros } from '@sciport/array-api';
import { describe } from '@sciport/array-api/kit';
import { DtypeError, InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';

export interface OutputTarget {
  /** The array returned to the caller (fresh, or the caller's `output`). */
  readonly array: NDArray;
  readonly dtype: DType;
}

/** NumPy's promote_types(dtype, complex64). */
function complexOf(dtype: DType): DType {
  if (isComplexDtype(dtype)) return dtype;
  return dtype === 'float32' || dtype === 'int8' || dtype === 'uint8' || dtype === 'int16' || dtype === 'uint16' || dtype === 'bool'
    ? 'complex64'
    : 'complex128';
}

/**
 * The output of a filter of `input` (its result has `shape`, by default the input's). `complexOutput`: the result is complex (complex input
 * or complex weights), so a real output dtype is refused; otherwise a complex output is
 * refused (SciPy's real filters cannot write one).
 */
export function resolveOutput(input: NDArray, output: unknown, complexOutput: boolean, shape: readonly number[] = input.shape): OutputTarget {
  if (output === undefined || output === null) {
    const dtype = complexOutput ? complexOf(input.dtype) : input.dtype;
    return { array: zeros([...shape], { dtype }), dtype };
  }
  if (typeof output === 'string') {
    if (!isDType(output) || output === 'bool') {
      throw new DtypeError(`'output' must name a numeric dtype, got ${describe(output)}.`, {
        argument: 'output',
        hint: 'Use e.g. "float64", "float32", "int32", "uint8" or "complex128".',
      });
    }
    checkKind(output, complexOutput);
    return { array: zeros([...shape], { dtype: output }), dtype: output };
  }
  if (output instanceof NDArray) {
    if (output.shape.length !== shape.length || output.shape.some((n, i) => n !== shape[i])) {
      throw new ShapeError(`'output' has shape [${output.shape.join(', ')}], the result [${shape.join(', ')}].`, {
        argument: 'output',
        hint: 'Preallocate the output with the result’s shape (the input’s, for the filters).',
      });
    }
    checkKind(output.dtype, complexOutput);
    return { array: output, dtype: output.dtype };
  }
  throw new InvalidArgumentError(`'output' must be a dtype name or an NDArray, got ${describe(output)}.`, {
    argument: 'output',
    hint: 'Pass e.g. "float32", or an array of the input’s shape to fill.',
  });
}

function checkKind(dtype: DType, complexOutput: boolean): void {
  if (complexOutput && !isComplexDtype(dtype)) {
    throw new DtypeError(`A complex result needs a complex output, got ${dtype}.`, {
      argument: 'output',
      hint: 'Use "complex64" or "complex128" (or leave output unset).',
    });
  }
  if (!complexOutput && isComplexDtype(dtype)) {
    throw new DtypeError(`This filter of real data cannot write a ${dtype} output.`, {
      argument: 'output',
      hint: 'Use a real dtype (or leave output unset for the input’s).',
    });
  }
}

/** The real dtype that holds one part of `dtype` (complex128 → float64). */
export function partDtype(dtype: DType): DType {
  return dtype === 'complex64' ? 'float32' : dtype === 'complex128' ? 'float64' : dtype;
}

/**
 * Stores `plane` as `dtype` would hold it, in place: C's conversion (truncation toward
 * zero; out-of-range values wrap as a JS typed-array store does), float32 rounding, or
 * bool (any non-zero value, NaN included, is true).
 */
export function quantize(plane: Float64Array, dtype: DType): void {
  switch (dtype) {
    case 'float64':
      return;
    case 'float32':
      for (let i = 0; i < plane.length; i++) plane[i] = Math.fround(plane[i]);
      return;
    case 'bool':
      for (let i = 0; i < plane.length; i++) plane[i] = plane[i] !== 0 ? 1 : 0;
      return;
    case 'int64':
    case 'uint64':
      for (let i = 0; i < plane.length; i++) plane[i] = Number.isFinite(plane[i]) ? Math.trunc(plane[i]) : 0;
      return;
    default: {
      const Storage = dtypeInfo(dtype).storage as Int32ArrayConstructor;
      plane.set(Storage.from(plane));
    }
  }
}
