import type { Batch } from '../program/batch.js';
import { Params } from '../program/params.js';
import { entryHeader, type Program } from '../program/program.js';
import { PARAMS_DECL } from '../program/wgsl.js';

/**
 * Per-position work along one axis of a C-contiguous [outer, n, inner] array, writing a
 * complex64 [outer, nOut, inner] array:
 *   - `resize`: out[k] = in[k] for k < nIn, 0 after (SciPy's `n` argument: pad or crop),
 *   - `table`: out[k] = in[k] · T[k] for k < nIn, 0 after (Bluestein's chirp and kernel
 *     spectrum; T has at least min(nIn, nOut) entries),
 *   - `hermitian`: out[k] = in[k] for k < h, conj(in[nOut - k]) after (irfft's full spectrum),
 * all times a scale. Real input is read as complex with zero imaginary part.
 */
export type AxisMapMode = 'resize' | 'table' | 'hermitian';

export interface AxisMapShape {
  readonly mode: AxisMapMode;
  readonly realInput: boolean;
}

export interface AxisMapParams {
  readonly outer: number;
  readonly inner: number;
  /** Axis length of the input (positions ≥ nIn read as zero). */
  readonly nIn: number;
  readonly nOut: number;
  readonly inOffset: number;
  readonly scale: number;
  /** hermitian: number of stored leading entries (nOut / 2 + 1). */
  readonly half?: number;
}

const WG = 256;

function programFor(s: AxisMapShape): Program {
  return {
    key: `fft-axis-map:${s.mode}:${s.realInput ? 'r' : 'c'}`,
    workgroupSize: WG,
    source() {
      const read = (k: string) =>
        s.realInput ? `vec2<f32>(X[P[5] + (o * nIn + ${k}) * inner + i], 0.0)` : `X[P[5] + (o * nIn + ${k}) * inner + i]`;
      let body: string;
      if (s.mode === 'hermitian') {
        body = `let h = P[7];
  if (k < h) {
    if (k < nIn) { v = ${read('k')}; }
  } else {
    let kk = nOut - k;
    if (kk < nIn) { let z = ${read('kk')}; v = vec2<f32>(z.x, -z.y); }
  }`;
      } else {
        body =
          s.mode === 'table'
            ? `if (k < nIn) {
    let z = ${read('k')};
    let w = T[k];
    v = vec2<f32>(z.x * w.x - z.y * w.y, z.x * w.y + z.y * w.x);
  }`
            : `if (k < nIn) { v = ${read('k')}; }`;
      }
      return `${PARAMS_DECL}
@group(0) @binding(1) var<storage, read> X: array<${s.realInput ? 'f32' : 'vec2<f32>'}>;
${s.mode === 'table' ? '@group(0) @binding(3) var<storage, read> T: array<vec2<f32>>;' : ''}
@group(0) @binding(2) var<storage, read_write> Y: array<vec2<f32>>;
${entryHeader(WG)}
  let total = P[0];
  if (gid >= total) { return; }
  let inner = P[1]; let nIn = P[2]; let nOut = P[3];
  let i = gid % inner;
  let r = gid / inner;
  let k = r % nOut;
  let o = r / nOut;
  var v = vec2<f32>(0.0, 0.0);
  ${body}
  Y[gid] = v * bitcast<f32>(P[6]);
}
`;
    },
  };
}

/** Record the axis map; `table` is required in 'table' mode. */
export function encodeAxisMap(
  batch: Batch,
  shape: AxisMapShape,
  p: AxisMapParams,
  input: GPUBuffer,
  output: GPUBuffer,
  table?: GPUBuffer,
): void {
  const total = p.outer * p.nOut * p.inner;
  const params = new Params()
    .u(total)
    .u(p.inner)
    .u(p.nIn)
    .u(p.nOut)
    .u(p.outer)
    .u(p.inOffset)
    .f(p.scale)
    .u(p.half ?? 0);
  const buffers = shape.mode === 'table' ? [input, output, table!] : [input, output];
  batch.dispatch(programFor(shape), params, buffers, Math.ceil(total / WG));
}
