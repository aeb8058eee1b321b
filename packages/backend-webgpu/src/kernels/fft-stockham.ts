import type { Batch } from '../program/batch.js';
import { Params } from '../program/params.js';
import { entryHeader, type Program } from '../program/program.js';
import { PARAMS_DECL } from '../program/wgsl.js';
import { dftCodelet } from './fft-codelets.js';

/**
 * One pass of a Stockham autosort FFT with a large radix R, computed in workgroup memory.
 *
 * The transform runs along one axis of a C-contiguous array seen as [outer, n, inner].
 * A pass with radix R after sub-length p (the product of the earlier passes' radices) is
 * the radix-R step of the Stockham formulation (Van Loan, "Computational Frameworks for
 * the FFT", §1.7; E. Bainville's OpenCL FFT notes): for each column ii in [0, n/R),
 * k = ii mod p,
 *   u_t = x[ii + t·n/R] · W_{pR}^{t·k}           (t < R)
 *   (v_0 … v_{R-1}) = DFT_R(u)
 *   y[(ii - k)·R + k + t·p] = v_t
 * and after the last pass (p·R = n) y is the DFT in natural order. DFT_R itself is a
 * Stockham FFT over small radices (2, 3, 4, 5, 7) in workgroup memory, so a length that
 * fits in one workgroup takes one pass over device memory, and a long one a few.
 *
 * Twiddles come from a table of W_n^j = exp(-2πi j/n) computed in float64 on the host,
 * split in two levels (W_n^j = HI[j / S] · LO[j mod S]) so it has O(√n) entries.
 */

export interface StockhamPassShape {
  /** This pass's radix and its factorization into small radices. */
  readonly radix: number;
  readonly subRadices: readonly number[];
  /** Columns per workgroup. */
  readonly columns: number;
  readonly threads: number;
  /** The transform axis is the last one (inner = 1): decides the coalesced access order. */
  readonly unitInner: boolean;
  /** p = 1: no input twiddles, outputs of a column are contiguous. */
  readonly first: boolean;
  /** The whole transform in this pass (R = n). */
  readonly whole: boolean;
  /** Input is float32 (real), read as complex with zero imaginary part. */
  readonly realInput: boolean;
}

export interface StockhamPassParams {
  readonly n: number;
  readonly inner: number;
  /** Product of the radices of the earlier passes. */
  readonly p: number;
  /** outer · inner · n / R. */
  readonly numColumns: number;
  readonly inOffset: number;
  readonly outOffset: number;
  readonly split: number;
  /** +1 forward, -1 inverse. */
  readonly sign: number;
  readonly scale: number;
}

function programFor(s: StockhamPassShape): Program {
  const key = `fft-stockham:R${s.radix}=${s.subRadices.join('.')}:B${s.columns}:T${s.threads}:${s.unitInner ? 'u' : 's'}${s.first ? 'f' : ''}${s.whole ? 'w' : ''}${s.realInput ? 'r' : ''}`;
  return { key, workgroupSize: s.threads, source: () => source(s) };
}

function source(s: StockhamPassShape): string {
  const R = s.radix;
  const B = s.columns;
  const T = s.threads;
  const E = R * B;
  // Column coordinates (ii: position among the n/R columns of a transform, base: where the
  // transform starts, i: position along the inner axes).
  const coords = s.unitInner
    ? `let ii = col % m; let o = col / m; let i = 0u;`
    : `let i = col % inner; let rr = col / inner; let ii = rr % m; let o = rr / m;`;
  const inAddr = s.unitInner ? `o * n + ii + t * m` : `(o * n + ii + t * m) * inner + i`;
  const outIdx = `o * n + (ii - (ii % p)) * ${R}u + (ii % p) + t * p`;
  const outAddr = s.unitInner ? outIdx : `(${outIdx}) * inner + i`;
  // Access order: consecutive invocations touch consecutive addresses.
  const readColumnMajor = s.unitInner && s.whole;
  const writeColumnMajor = s.unitInner && s.first;
  const split = (e: string, columnMajor: boolean) =>
    columnMajor ? `let c = ${e} / ${R}u; let t = ${e} % ${R}u;` : `let t = ${e} / ${B}u; let c = ${e} % ${B}u;`;

  const stages: string[] = [];
  let q = 1;
  let src = 'S0';
  let dst = 'S1';
  for (const f of s.subRadices) {
    const span = R / f;
    const ins = Array.from({ length: f }, (_, u) => `u${u}`);
    const outs = Array.from({ length: f }, (_, u) => `v${u}`);
    const loads = ins
      .map((name, u) => {
        const value = `${src}[base + jj + ${u * span}u]`;
        return q > 1 && u > 0 ? `let ${name} = cmul(${value}, twiddle(${u}u * kq * (n / ${q * f}u)));` : `let ${name} = ${value};`;
      })
      .join('\n      ');
    const stores = outs.map((name, u) => `${dst}[base + (jj - kq) * ${f}u + kq + ${u * q}u] = ${name};`).join('\n      ');
    stages.push(`  for (var b = lid; b < ${(B * R) / f}u; b += ${T}u) {
    let c = b / ${span}u; let jj = b % ${span}u; let kq = jj % ${q}u; let base = c * ${R}u;
    {
      ${loads}
      ${dftCodelet(f, ins, outs).split('\n').join('\n      ')}
      ${stores}
    }
  }
  workgroupBarrier();`);
    q *= f;
    [src, dst] = [dst, src];
  }

  const input = s.realInput ? 'f32' : 'vec2<f32>';
  const read = s.realInput ? `vec2<f32>(X[inOff + ${inAddr}], 0.0)` : `X[inOff + ${inAddr}]`;
  return `${PARAMS_DECL}
@group(0) @binding(1) var<storage, read> X: array<${input}>;
@group(0) @binding(2) var<storage, read> TW: array<vec2<f32>>;
@group(0) @binding(3) var<storage, read_write> Y: array<vec2<f32>>;
var<workgroup> S0: array<vec2<f32>, ${E}>;
var<workgroup> S1: array<vec2<f32>, ${E}>;

fn cmul(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> {
  return vec2<f32>(a.x * b.x - a.y * b.y, a.x * b.y + a.y * b.x);
}
// W_n^j for the transform direction: HI[j / S] · LO[j mod S], conjugated when inverse.
fn twiddle(j: u32) -> vec2<f32> {
  let S = P[7];
  let w = cmul(TW[S + j / S], TW[j % S]);
  return vec2<f32>(w.x, bitcast<f32>(P[8]) * w.y);
}

${entryHeader(T)}
  let n = P[0]; let inner = P[1]; let m = P[2]; let p = P[3]; let numCols = P[4];
  let inOff = P[5]; let outOff = P[6];
  let sgn = bitcast<f32>(P[8]); let scale = bitcast<f32>(P[9]);
  let col0 = wg * ${B}u;
  _ = TW[0]; // keep the table bound when no twiddle is needed (auto layout drops unused bindings)
  for (var e = lid; e < ${E}u; e += ${T}u) {
    ${split('e', readColumnMajor)}
    let col = col0 + c;
    var v = vec2<f32>(0.0, 0.0);
    if (col < numCols) {
      ${coords}
      v = ${read};
      ${s.first ? '' : `let k = ii % p;
      if (k != 0u) { v = cmul(v, twiddle(t * k * (n / (p * ${R}u)))); }`}
    }
    S0[c * ${R}u + t] = v;
  }
  workgroupBarrier();
${stages.join('\n')}
  for (var e = lid; e < ${E}u; e += ${T}u) {
    ${split('e', writeColumnMajor)}
    let col = col0 + c;
    if (col < numCols) {
      ${coords}
      Y[outOff + ${outAddr}] = ${src}[c * ${R}u + t] * scale;
    }
  }
}
`;
}

/** Record one pass; bindings: input, twiddle table, output. */
export function encodeStockhamPass(
  batch: Batch,
  shape: StockhamPassShape,
  p: StockhamPassParams,
  input: GPUBuffer,
  twiddles: GPUBuffer,
  output: GPUBuffer,
): void {
  const params = new Params()
    .u(p.n)
    .u(p.inner)
    .u(p.n / shape.radix)
    .u(p.p)
    .u(p.numColumns)
    .u(p.inOffset)
    .u(p.outOffset)
    .u(p.split)
    .f(p.sign)
    .f(p.scale);
  batch.dispatch(programFor(shape), params, [input, twiddles, output], Math.ceil(p.numColumns / shape.columns));
}
