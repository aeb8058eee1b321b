import type { GPUDType } from '../dtypes.js';
import { GPUArray } from '../gpu-array.js';
import { Batch } from '../program/batch.js';
import { Params } from '../program/params.js';
import { entryHeader, type Program } from '../program/program.js';
import { cast, PARAMS_DECL, storageDecl, store } from '../program/wgsl.js';

/**
 * Arrays computed from their index alone (creation functions):
 *   full      out[i] = value
 *   arange    out[i] = start + i·step
 *   linspace  out[i] = start + i·step, with the last element exactly `stop` when asked
 *   eye       out[r, c] = (c − r == k)
 *   tri       out[r, c] = (c − r <= k)  (lower-triangle mask; triu uses its negation)
 * `r, c` index the last two axes. Values are computed in f32 (or i32/u32 for integer
 * arange) and cast to the output dtype.
 */
export type GenerateMode = 'full' | 'arange' | 'linspace' | 'eye' | 'tri';

export interface GenerateOptions {
  readonly mode: GenerateMode;
  readonly shape: readonly number[];
  readonly dtype: GPUDType;
  /** full: the value; arange/linspace: start. */
  readonly a?: number;
  /** arange/linspace: step. */
  readonly b?: number;
  /** linspace: stop (written at the last index when `endpoint`). */
  readonly c?: number;
  readonly endpoint?: boolean;
  /** eye/tri: diagonal offset k. */
  readonly k?: number;
}

const WG = 256;

/** The dtype the generator computes in before the final cast. */
function computeDtype(o: GenerateOptions): GPUDType {
  if (o.mode === 'eye' || o.mode === 'tri') return 'bool';
  if (o.mode === 'arange' && (o.dtype === 'int32' || o.dtype === 'uint32')) return 'int32';
  if (o.mode === 'full' && (o.dtype === 'int32' || o.dtype === 'uint32' || o.dtype === 'bool')) return o.dtype;
  return 'float32';
}

function programFor(mode: GenerateMode, compute: GPUDType, out: GPUDType): Program {
  let expr: string;
  switch (mode) {
    case 'full':
      expr = compute === 'float32' ? 'bitcast<f32>(P[1])' : compute === 'int32' ? 'bitcast<i32>(P[1])' : compute === 'bool' ? '(P[1] != 0u)' : 'P[1]';
      break;
    case 'arange':
      expr = compute === 'int32' ? 'bitcast<i32>(P[1]) + i32(gid) * bitcast<i32>(P[2])' : 'bitcast<f32>(P[1]) + f32(gid) * bitcast<f32>(P[2])';
      break;
    case 'linspace':
      expr = 'select(bitcast<f32>(P[1]) + f32(gid) * bitcast<f32>(P[2]), bitcast<f32>(P[3]), P[4] == 1u && gid + 1u == P[0])';
      break;
    case 'eye':
    case 'tri': {
      const cmp = mode === 'eye' ? '==' : '<=';
      expr = `(i32(gid % P[6]) - i32((gid / P[6]) % P[5]) ${cmp} bitcast<i32>(P[7]))`;
      break;
    }
  }
  return {
    key: `generate:${mode}:${compute}>${out}`,
    workgroupSize: WG,
    f16: out === 'float16',
    source: () => `${PARAMS_DECL}
${storageDecl(1, 'Y', out, 'read_write')}
${entryHeader(WG)}
  if (gid >= P[0]) { return; }
  ${store('Y', out, 'gid', cast(`(${expr})`, compute, out))}
}
`,
  };
}

export function generate(o: GenerateOptions): GPUArray {
  const y = GPUArray.empty(o.shape, o.dtype);
  const n = y.size;
  if (n === 0) return y;
  const compute = computeDtype(o);
  const params = new Params().u(n);
  const word = (v: number) => (compute === 'float32' ? params.f(v) : compute === 'bool' ? params.u(v ? 1 : 0) : compute === 'uint32' ? params.u(v) : params.i(v));
  word(o.a ?? 0);
  word(o.b ?? 0);
  params.f(o.c ?? 0).u(o.endpoint ? 1 : 0);
  const nd = o.shape.length;
  params.u(nd >= 2 ? o.shape[nd - 2] : 1).u(nd >= 1 ? o.shape[nd - 1] : 1).i(o.k ?? 0);
  const batch = new Batch(y.storage.runtime);
  if (o.mode === 'full' && Object.is(o.a ?? 0, 0)) {
    // All-zero bits: let the queue clear it.
    batch.rawEncoder().clearBuffer(y.buffer);
  } else {
    batch.dispatch(programFor(o.mode, compute, o.dtype), params, [y.buffer], Math.ceil(n / WG));
  }
  batch.submit();
  return y;
}
