/**
 * The `output` of the composed functions (openings, closings, tophats, hit-or-miss, …):
 * their last step's result delivered as SciPy delivers it — as is, cast to a dtype name,
 * or stored into the caller's array (which must be a host NDArray; the composed functions
 * otherwise run on any array kind through its namespace).
 */
import { type ArrayNamespace, type DType, NDArray } from '@sciport/array-api';
import { describe } from '@sciport/array-api/kit';
import { NotSupportedError, ShapeError } from '@sciport/dispatch-core';
import { quantize } from './output.js';
import { readPlane, writePlane } from './planes.js';

/** The array-like `result` (of `xp`'s kind) delivered to `output`. */
export function deliverOutput(xp: ArrayNamespace<unknown>, result: unknown, output: unknown): unknown {
  if (output === undefined || output === null) return result;
  if (typeof output === 'string') {
    const dtype = (result as { dtype: DType }).dtype;
    return dtype === output ? result : xp.astype(result, output as DType);
  }
  if (output instanceof NDArray && result instanceof NDArray) {
    if (output.shape.length !== result.shape.length || output.shape.some((n, i) => n !== result.shape[i])) {
      throw new ShapeError(`'output' has shape [${output.shape.join(', ')}], the result [${result.shape.join(', ')}].`, {
        argument: 'output',
        hint: 'Preallocate the output with the input’s shape.',
      });
    }
    const plane = readPlane(result);
    quantize(plane, output.dtype);
    writePlane(output, plane);
    return output;
  }
  throw new NotSupportedError(`'output' ${describe(output)} cannot be filled here: only host NDArrays are filled in place.`, {
    argument: 'output',
    hint: 'Leave output unset (or give a dtype name) and use the returned array.',
  });
}
