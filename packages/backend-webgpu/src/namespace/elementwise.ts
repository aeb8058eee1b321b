import { type GPUDType, promoteTypes } from '../dtypes.js';
import type { GPUArray } from '../gpu-array.js';
import { type BinaryName, binarySpec, type UnaryName, unarySpec } from '../kernels/elementwise-ops.js';
import { runMap } from '../kernels/map.js';
import { broadcastShapes, checkCondition, isScalarInput } from '@sciport/array-api/kit';
import { binaryOperands, broadcastView, checkArray, disposing, type ScalarInput, scalarArray, scalarDtype } from './core.js';

/** Elementwise functions of the GPU namespace (broadcasting, scalars as 0-d arrays). */

export function unary(name: UnaryName): (x: GPUArray) => GPUArray {
  return (x) => {
    const a = checkArray(x);
    return runMap(unarySpec(name, a.dtype), [a], a.shape);
  };
}

/** Map a spec over broadcast views of the inputs. */
function mapBroadcast(spec: Parameters<typeof runMap>[0], inputs: GPUArray[], temps: GPUArray[]): GPUArray {
  const shape = broadcastShapes(...inputs.map((x) => x.shape));
  const views = inputs.map((x, k) => broadcastView(x, shape, `x${k + 1}`));
  return disposing([...views, ...temps], () => runMap(spec, views, shape));
}

export function binary(name: BinaryName): (x1: GPUArray | ScalarInput, x2: GPUArray | ScalarInput) => GPUArray {
  return (x1, x2) => {
    const { a, b, temps } = binaryOperands(x1, x2, name);
    return mapBroadcast(binarySpec(name, a.dtype, b.dtype), [a, b], temps);
  };
}

/** where(condition, x1, x2): x1 where condition is true, else x2 (broadcast together). */
export function where(condition: GPUArray, x1: GPUArray | ScalarInput, x2: GPUArray | ScalarInput): GPUArray {
  const c = checkArray(condition, 'condition');
  checkCondition(c.dtype);
  const { a, b, temps } = binaryOperands(x1, x2, 'where');
  const d = promoteTypes(a.dtype, b.dtype);
  return mapBroadcast(
    { op: 'where', compute: ['bool', d, d], result: d, expr: ([k, p, q]) => `select(${q}, ${p}, ${k})` },
    [c, a, b],
    temps,
  );
}

/** clip(x, min, max): NumPy's minimum(maximum(x, min), max); bounds may be arrays or scalars. */
export function clip(x: GPUArray, min?: GPUArray | ScalarInput | null, max?: GPUArray | ScalarInput | null): GPUArray {
  const a = checkArray(x);
  let out = a;
  const steps: [BinaryName, GPUArray | ScalarInput | null | undefined][] = [
    ['maximum', min],
    ['minimum', max],
  ];
  for (const [name, bound] of steps) {
    if (bound === null || bound === undefined) continue;
    // The result keeps x's dtype (Array API): cast scalar bounds to it.
    const argument = name === 'maximum' ? 'min' : 'max';
    const scalar = isScalarInput(bound);
    const b = scalar ? scalarArray(bound, scalarDtype(bound, a.dtype, argument)) : checkArray(bound, argument);
    const next = mapBroadcast(binarySpec(name, out.dtype, b.dtype), [out, b], scalar ? [b] : []);
    if (out !== a) out.dispose();
    out = next;
  }
  if (out === a) return runMap({ op: 'copy', compute: [a.dtype], result: a.dtype, expr: (v) => v[0] }, [a], a.shape);
  if (out.dtype !== a.dtype) {
    const cast = runMap({ op: 'copy', compute: [out.dtype], result: out.dtype, expr: (v) => v[0] }, [out], out.shape, a.dtype as GPUDType);
    out.dispose();
    return cast;
  }
  return out;
}
