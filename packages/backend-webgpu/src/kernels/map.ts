import type { GPUDType } from '../dtypes.js';
import { GPUArray } from '../gpu-array.js';
import { Batch } from '../program/batch.js';
import { Params } from '../program/params.js';
import { entryHeader, type Program } from '../program/program.js';
import { cast, load, PARAMS_DECL, storageDecl, store, stridedAddresses } from '../program/wgsl.js';

/**
 * The elementwise ("map") kernel: out[i] = f(in0[i], in1[i], …) over an output shape,
 * every operand a strided view (broadcast inputs have stride 0). Operands laid out
 * contiguously take a flat path without index arithmetic; the flags are part of the
 * pipeline key, the shape and strides are parameters.
 */

export interface MapSpec {
  /** Names the function `expr` computes (part of the pipeline key). */
  readonly op: string;
  /** Dtype each input is cast to before `expr` sees it. */
  readonly compute: readonly GPUDType[];
  readonly result: GPUDType;
  /** WGSL expression of the result from the (cast) input value expressions. */
  readonly expr: (args: readonly string[]) => string;
  /** Extra WGSL functions the expression calls. */
  readonly helpers?: string;
}

const WG = 256;

function isFlat(x: GPUArray, shape: readonly number[]): boolean {
  if (x.shape.length !== shape.length) return false;
  for (let d = 0; d < shape.length; d++) if (x.shape[d] !== shape[d]) return false;
  return x.isContiguous;
}

function mapProgram(spec: MapSpec, inputDtypes: readonly GPUDType[], outDtype: GPUDType, ndim: number, flat: readonly boolean[]): Program {
  const flags = flat.map((f) => (f ? 'f' : 's')).join('');
  const key = `map:${spec.op}:${inputDtypes.join(',')}>${outDtype}:${spec.compute.join(',')}:${ndim}:${flags}`;
  return {
    key,
    workgroupSize: WG,
    f16: inputDtypes.includes('float16') || outDtype === 'float16' || spec.compute.includes('float16'),
    source() {
      const k = inputDtypes.length;
      const operandAt = (j: number) => 1 + ndim + j * (1 + ndim);
      const decls = inputDtypes.map((d, j) => storageDecl(j + 1, `X${j}`, d, 'read'));
      decls.push(storageDecl(k + 1, 'Y', outDtype, 'read_write'));
      const strided = flat.map((f, j) => (f ? -1 : j)).filter((j) => j >= 0);
      const addr = stridedAddresses(ndim, 'gid', 1, strided.map(operandAt), strided);
      const addressOf = (j: number) => (flat[j] ? `(P[${operandAt(j)}] + gid)` : `a${j}`);
      const values = inputDtypes.map((d, j) => cast(load(`X${j}`, d, addressOf(j)), d, spec.compute[j]));
      return `${PARAMS_DECL}
${decls.join('\n')}
${spec.helpers ?? ''}
${entryHeader(WG)}
  if (gid >= P[0]) { return; }
${strided.length > 0 ? addr : ''}
  ${inputDtypes.map((_, j) => `let v${j} = ${values[j]};`).join('\n  ')}
  ${store('Y', outDtype, addressOf(k), cast(spec.expr(inputDtypes.map((_, j) => `v${j}`)), spec.result, outDtype))}
}
`;
    },
  };
}

/**
 * Run `spec` over inputs already broadcast to `shape`. Writes into `out` (a view of the
 * same shape, possibly strided) when given, else into a new contiguous array.
 */
export function runMap(
  spec: MapSpec,
  inputs: readonly GPUArray[],
  shape: readonly number[],
  outDtype: GPUDType = spec.result,
  out?: GPUArray,
): GPUArray {
  for (const x of inputs) x.check();
  const y = out ?? GPUArray.empty(shape, outDtype, inputs[0]?.storage.runtime);
  const n = y.size;
  if (n === 0) return y;
  const ndim = shape.length;
  const operands = [...inputs, y];
  const flat = operands.map((x) => isFlat(x, shape));
  const program = mapProgram(
    spec,
    inputs.map((x) => x.dtype),
    y.dtype,
    ndim,
    flat,
  );
  const params = new Params().u(n).many(shape);
  for (const x of operands) params.i(x.offset).many(x.stride, true);
  const batch = new Batch(y.storage.runtime);
  batch.dispatch(
    program,
    params,
    operands.map((x) => x.buffer),
    Math.ceil(n / WG),
  );
  batch.submit();
  return y;
}
