import type { Batch } from '../program/batch.js';
import { Params } from '../program/params.js';
import { entryHeader, type Program } from '../program/program.js';
import { PARAMS_DECL } from '../program/wgsl.js';

/**
 * The two halves of a real FFT of even length n done as a complex FFT of length h = n/2
 * (the classic packing: z[m] = x[2m] + i·x[2m+1], e.g. Press et al., Numerical Recipes
 * §12.3; Van Loan §4.4):
 *
 * 'split' (after the forward complex FFT Z of z), for k = 0 … h:
 *   X[k] = ½(Z[k] + conj Z[h−k]) − ½·i·W_n^k·(Z[k] − conj Z[h−k])     (indices mod h)
 * 'merge' (before the inverse complex FFT), for k = 0 … h−1, from X[0 … h]:
 *   Z[k] = ½(X[k] + conj X[h−k]) + ½·i·W_n^−k·(X[k] − conj X[h−k])
 * The imaginary parts of X[0] and X[h] are ignored (as pocketfft's c2r does), and entries
 * beyond the input's length read as zero. Rows are the last axis of C-contiguous data.
 */
export type RealPackMode = 'split' | 'merge';

const WG = 256;

function programFor(mode: RealPackMode, realInput: boolean): Program {
  const read =
    mode === 'merge' && realInput
      ? (i: string) => `vec2<f32>(X[P[7] + row * m + ${i}], 0.0)`
      : (i: string) => `X[P[7] + row * m + ${i}]`;
  const body =
    mode === 'split'
      ? `let a = ${read('k % h')};
  let b0 = ${read('(h - k) % h')};
  let b = vec2<f32>(b0.x, -b0.y);
  let e = 0.5 * (a + b);
  let d = 0.5 * (a - b);
  let w = twiddle(k, 1.0);
  // −i·W·d
  let wd = cmul(w, d);
  Y[row * outLen + k] = (e + vec2<f32>(wd.y, -wd.x)) * scale;`
      : `var a = vec2<f32>(0.0, 0.0);
  if (k < m) { a = ${read('k')}; }
  if (k == 0u) { a.y = 0.0; }
  var b0 = vec2<f32>(0.0, 0.0);
  if (h - k < m) { b0 = ${read('h - k')}; }
  if (k == 0u) { b0.y = 0.0; }
  let b = vec2<f32>(b0.x, -b0.y);
  let e = 0.5 * (a + b);
  let d = 0.5 * (a - b);
  let w = twiddle(k, -1.0);
  // +i·W^−1·d
  let wd = cmul(w, d);
  Y[row * outLen + k] = (e + vec2<f32>(-wd.y, wd.x)) * scale;`;
  return {
    key: `fft-real-pack:${mode}:${realInput ? 'r' : 'c'}`,
    workgroupSize: WG,
    source: () => `${PARAMS_DECL}
@group(0) @binding(1) var<storage, read> X: array<${realInput ? 'f32' : 'vec2<f32>'}>;
@group(0) @binding(2) var<storage, read> TW: array<vec2<f32>>;
@group(0) @binding(3) var<storage, read_write> Y: array<vec2<f32>>;
fn cmul(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> {
  return vec2<f32>(a.x * b.x - a.y * b.y, a.x * b.y + a.y * b.x);
}
// W_n^j (sign +1) or its conjugate, from the two-level table (see fft-stockham).
fn twiddle(j: u32, sgn: f32) -> vec2<f32> {
  let S = P[5];
  let w = cmul(TW[S + j / S], TW[j % S]);
  return vec2<f32>(w.x, sgn * w.y);
}
${entryHeader(WG)}
  let rows = P[0]; let h = P[1]; let m = P[2]; let outLen = P[3];
  let total = rows * outLen;
  if (gid >= total) { return; }
  let row = gid / outLen;
  let k = gid % outLen;
  let scale = bitcast<f32>(P[6]);
  ${body}
}
`,
  };
}

export interface RealPackParams {
  readonly rows: number;
  /** n / 2. */
  readonly h: number;
  /** Entries per row in the input: h for 'split', the stored spectrum length for 'merge'. */
  readonly inLength: number;
  readonly split: number;
  readonly scale: number;
  readonly inOffset: number;
}

export function encodeRealPack(
  batch: Batch,
  mode: RealPackMode,
  realInput: boolean,
  p: RealPackParams,
  input: GPUBuffer,
  twiddles: GPUBuffer,
  output: GPUBuffer,
): void {
  const outLen = mode === 'split' ? p.h + 1 : p.h;
  const params = new Params().u(p.rows).u(p.h).u(p.inLength).u(outLen).u(0).u(p.split).f(p.scale).u(p.inOffset);
  batch.dispatch(programFor(mode, realInput), params, [input, twiddles, output], Math.ceil((p.rows * outLen) / WG));
}
