/**
 * The `output` of label and watershedIft: a dtype name or a preallocated array of the
 * input's shape, holding integer labels. Labels are stored only when the dtype holds every
 * one of them (SciPy: "insufficient bit-depth in requested output type").
 */
import { type DType, dtypeInfo, isComplexDtype, isDType, NDArray, zeros } from '@sciport/array-api';
import { describe } from '@sciport/array-api/kit';
import { DtypeError, InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import { quantize } from './output.js';
import { writePlane } from './planes.js';

export interface LabelTarget {
  readonly array: NDArray;
  /** Whether the caller passed the array (label then returns only the count, as SciPy). */
  readonly preallocated: boolean;
}

/** The output for labels of an input of `shape`; `integerOnly` refuses float dtypes (watershedIft). */
export function labelOutput(output: unknown, shape: readonly number[], fallback: DType, integerOnly: boolean): LabelTarget {
  if (output === undefined || output === null) return { array: zeros(shape, { dtype: fallback }), preallocated: false };
  if (typeof output === 'string') {
    if (!isDType(output)) {
      throw new DtypeError(`'output' must name a dtype, got ${describe(output)}.`, { argument: 'output', hint: 'Use e.g. "int32".' });
    }
    checkLabelDtype(output, integerOnly);
    return { array: zeros(shape, { dtype: output }), preallocated: false };
  }
  if (output instanceof NDArray) {
    if (output.ndim !== shape.length || output.shape.some((n, i) => n !== shape[i])) {
      throw new ShapeError(`'output' has shape [${output.shape.join(', ')}], the input [${shape.join(', ')}].`, {
        argument: 'output',
        hint: 'Preallocate the output with the input’s shape.',
      });
    }
    checkLabelDtype(output.dtype, integerOnly);
    return { array: output, preallocated: true };
  }
  throw new InvalidArgumentError(`'output' must be a dtype name or an NDArray, got ${describe(output)}.`, {
    argument: 'output',
    hint: 'Pass e.g. "int32", or an array of the input’s shape to fill.',
  });
}

function checkLabelDtype(dtype: DType, integerOnly: boolean): void {
  const integer = dtypeInfo(dtype).kind.endsWith('integer');
  if (isComplexDtype(dtype) || dtype === 'bool' || (integerOnly && !integer)) {
    throw new DtypeError(`'output' cannot hold labels as ${dtype}.`, {
      argument: 'output',
      hint: integerOnly ? 'Use an integer dtype such as "int32".' : 'Use an integer (or float) dtype such as "int32".',
    });
  }
}

/** Stores labels (C order) into the target after checking that `low`…`high` survive its dtype. */
export function storeLabels(target: LabelTarget, labels: Float64Array | Int32Array, low: number, high: number): void {
  const probe = Float64Array.of(low, high);
  quantize(probe, target.array.dtype);
  if (probe[0] !== low || probe[1] !== high) {
    throw new InvalidArgumentError(`${target.array.dtype} cannot hold the labels ${low}…${high}.`, {
      argument: 'output',
      hint: 'Use a wider dtype such as "int32" (the default).',
    });
  }
  const a = target.array;
  if (a.isContiguous && !dtypeInfo(a.dtype).isBigInt) {
    // one native conversion instead of an element loop (the values already fit the dtype)
    (a.data as Int32Array).set(labels, a.offset);
    return;
  }
  writePlane(a, labels instanceof Float64Array ? labels : Float64Array.from(labels), 0);
}
