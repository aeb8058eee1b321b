import { DtypeError } from '@sciport/dispatch-core';
import { DTYPE_INFO, type GPUDType, isComplex } from '../dtypes.js';
import { GPUArray } from '../gpu-array.js';
import { Batch } from '../program/batch.js';
import { Params } from '../program/params.js';
import { entryHeader, type Program } from '../program/program.js';
import { cast, load, PARAMS_DECL, storageDecl, store, stridedAddresses } from '../program/wgsl.js';

/**
 * Reductions (sum, prod, max, min, any, all, mean) over any set of axes of a strided
 * array. Few long reductions: one workgroup per output (tree in workgroup memory), and a
 * very long one is first split into chunks whose partial results are reduced again.
 * Many short ones: one invocation per output. Float sums use Kahan compensation inside
 * each invocation (Kahan, CACM 1965).
 */
export type ReduceOp = 'sum' | 'prod' | 'max' | 'min' | 'any' | 'all' | 'mean';

interface OpTypes {
  readonly acc: GPUDType;
  readonly result: GPUDType;
}

export function reduceTypes(op: ReduceOp, d: GPUDType, dtype?: GPUDType): OpTypes {
  switch (op) {
    case 'any':
    case 'all':
      return { acc: 'uint32', result: 'bool' };
    case 'max':
    case 'min':
      if (isComplex(d)) throw new DtypeError(`${op} is not defined for complex input (no order).`, { argument: 'x' });
      if (d === 'bool') return { acc: 'uint32', result: 'bool' };
      return { acc: d === 'float16' ? 'float32' : d, result: d };
    case 'mean': {
      if (d === 'bool' || d === 'int32' || d === 'uint32') {
        throw new DtypeError(`mean needs floating-point input, got ${d}.`, { argument: 'x', hint: "Use astype(x, 'float32') first." });
      }
      return { acc: d === 'float16' ? 'float32' : d, result: d };
    }
    default: {
      const result = dtype ?? (d === 'bool' ? 'int32' : d);
      return { acc: result === 'float16' ? 'float32' : result, result };
    }
  }
}

const WG = 256;
/** Reduce lengths at or below this use one invocation per output. */
const THREAD_MODE_MAX = 64;
/** Elements one workgroup reduces before a long reduction is split into chunks. */
const CHUNK = 8192;

function identity(op: ReduceOp, acc: GPUDType): string {
  const T = DTYPE_INFO[acc].value;
  switch (op) {
    case 'sum':
    case 'mean':
      return acc === 'complex64' ? 'vec2<f32>(0.0, 0.0)' : `${T}(0)`;
    case 'prod':
      return acc === 'complex64' ? 'vec2<f32>(1.0, 0.0)' : `${T}(1)`;
    case 'any':
      return '0u';
    case 'all':
      return '1u';
    case 'max':
      return acc === 'float32' ? 'bitcast<f32>(NEG_INF_BITS)' : acc === 'int32' ? 'i32(-2147483648)' : '0u';
    case 'min':
      return acc === 'float32' ? 'bitcast<f32>(POS_INF_BITS)' : acc === 'int32' ? '2147483647' : '4294967295u';
  }
}

function combine(op: ReduceOp, acc: GPUDType, a: string, b: string): string {
  switch (op) {
    case 'sum':
    case 'mean':
      return `(${a} + ${b})`;
    case 'prod':
      return acc === 'complex64' ? `c_mul(${a}, ${b})` : `(${a} * ${b})`;
    case 'any':
      return `max(${a}, ${b})`;
    case 'all':
      return `min(${a}, ${b})`;
    case 'max':
    case 'min':
      return acc === 'float32'
        ? `select(select(${op}(${a}, ${b}), ${b}, is_nan(${b})), ${a}, is_nan(${a}))`
        : `${op}(${a}, ${b})`;
  }
}

interface ReduceShape {
  readonly op: ReduceOp;
  readonly input: GPUDType;
  /** Input values are already accumulator values (second pass over partials). */
  readonly inputIsAcc: boolean;
  readonly acc: GPUDType;
  readonly output: GPUDType;
  readonly keptDims: number;
  readonly reducedDims: number;
  readonly mode: 'thread' | 'workgroup';
  /** Multiply by the scale parameter at the end (mean). */
  readonly scaled: boolean;
}

function programFor(s: ReduceShape): Program {
  const key = `reduce:${s.op}:${s.input}${s.inputIsAcc ? '=' : '>'}${s.acc}>${s.output}:${s.keptDims}.${s.reducedDims}:${s.mode}${s.scaled ? ':s' : ''}`;
  return {
    key,
    workgroupSize: WG,
    f16: s.input === 'float16' || s.output === 'float16',
    source: () => source(s),
  };
}

function source(s: ReduceShape): string {
  const kd = s.keptDims;
  const rd = s.reducedDims;
  const keptShapeAt = 6;
  // Params: O, R, C, L, offset, scale, kept shape, [offset, kept strides], reduced shape, [0, reduced strides].
  const keptStrideAt = keptShapeAt + kd;
  const redShapeAt = keptStrideAt + 1 + kd;
  const redStrideAt = redShapeAt + rd;
  const value = (addr: string) => {
    const v = load('X', s.input, addr);
    if (s.inputIsAcc) return v;
    if (s.op === 'any' || s.op === 'all') return `select(0u, 1u, ${cast(v, s.input, 'bool')})`;
    return cast(v, s.input, s.acc);
  };
  const kahan = (s.op === 'sum' || s.op === 'mean') && (s.acc === 'float32' || s.acc === 'complex64');
  const zero = identity('sum', s.acc);
  const accumulate = kahan
    ? `{ let yv = ${value('ra')} - comp; let tv = acc + yv; comp = (tv - acc) - yv; acc = tv; }`
    : `acc = ${combine(s.op, s.acc, 'acc', value('ra'))};`;
  const keptAddr = stridedAddresses(kd, 'o', keptShapeAt, [keptStrideAt], [0]).replace(/\brem\b/g, 'remk');
  const redAddr = stridedAddresses(rd, 'r', redShapeAt, [redStrideAt], [1]);
  const finish = (v: string) => {
    const scaled = s.scaled ? (s.acc === 'complex64' ? `(${v} * bitcast<f32>(P[5]))` : `(${v} * ${DTYPE_INFO[s.acc].value}(bitcast<f32>(P[5])))`) : v;
    if (s.op === 'any' || s.op === 'all') return s.output === 'bool' ? `(${scaled} != 0u)` : scaled;
    return cast(scaled, s.acc, s.output);
  };
  const accT = DTYPE_INFO[s.acc].value;
  const loop = `var acc: ${accT} = ${identity(s.op, s.acc)};
  ${kahan ? `var comp: ${accT} = ${zero};` : ''}
  for (var r = start + STEP_START; r < end; r += STEP) {
${redAddr}
    let ra = u32(i32(base) + i32(a1));
    ${accumulate}
  }`;
  const header = `${PARAMS_DECL}
${storageDecl(1, 'X', s.input, 'read')}
${storageDecl(2, 'Y', s.output, 'read_write')}
// Infinities via private variables: WGSL rejects them in constant expressions.
var<private> POS_INF_BITS: u32 = 0x7f800000u;
var<private> NEG_INF_BITS: u32 = 0xff800000u;
fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn c_mul(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> { return vec2<f32>(a.x * b.x - a.y * b.y, a.x * b.y + a.y * b.x); }
`;
  if (s.mode === 'thread') {
    return `${header}
${entryHeader(WG)}
  let O = P[0]; let R = P[1];
  let o = gid;
  if (o >= O) { return; }
${keptAddr}
  let base = a0;
  let start = 0u; let end = R;
  ${loop.replace('STEP_START', '0u').replace('STEP', '1u')}
  ${store('Y', s.output, 'o', finish('acc'))}
}
`;
  }
  return `${header}
var<workgroup> SH: array<${accT}, ${WG}>;
${entryHeader(WG)}
  let O = P[0]; let R = P[1]; let C = P[2]; let L = P[3];
  let o = wg / C; let chunk = wg % C;
  if (o >= O) { return; }
${keptAddr}
  let base = a0;
  let start = chunk * L; let end = min(R, start + L);
  ${loop.replace('STEP_START', 'lid').replace('STEP', `${WG}u`)}
  SH[lid] = acc;
  workgroupBarrier();
  for (var half = ${WG / 2}u; half > 0u; half = half >> 1u) {
    if (lid < half) { SH[lid] = ${combine(s.op, s.acc, 'SH[lid]', 'SH[lid + half]')}; }
    workgroupBarrier();
  }
  if (lid == 0u) {
    ${store('Y', s.output, 'wg', finish('SH[0]'))}
  }
}
`;
}

export interface ReducePlanInput {
  readonly x: GPUArray;
  /** Normalized, sorted, unique axes to reduce. */
  readonly axes: readonly number[];
  readonly op: ReduceOp;
  /** Sum/prod accumulation and result dtype (Array API `dtype`). */
  readonly dtype?: GPUDType;
}

/** Reduce `x` over `axes`; the result has the kept axes only (callers reshape for keepdims). */
export function reduce({ x, axes, op, dtype }: ReducePlanInput): GPUArray {
  x.check();
  const rt = x.storage.runtime;
  const types = reduceTypes(op, x.dtype, dtype);
  const kept = x.shape.map((_, d) => d).filter((d) => !axes.includes(d));
  const keptShape = kept.map((d) => x.shape[d]);
  const keptStride = kept.map((d) => x.stride[d]);
  const redShape = axes.map((d) => x.shape[d]);
  const redStride = axes.map((d) => x.stride[d]);
  const O = keptShape.reduce((a, b) => a * b, 1);
  const R = redShape.reduce((a, b) => a * b, 1);
  const out = GPUArray.empty(keptShape, types.result, rt);
  if (O === 0) return out;
  const scale = op === 'mean' ? 1 / R : 1;
  const batch = new Batch(rt);
  const params = (o: number, r: number, c: number, l: number, offset: number, ks: readonly number[], kst: readonly number[], rs: readonly number[], rst: readonly number[]) =>
    new Params().u(o).u(r).u(c).u(l).i(offset).f(scale).many(ks).i(offset).many(kst, true).many(rs).i(0).many(rst, true);
  const baseShape = { op, input: x.dtype, inputIsAcc: false, acc: types.acc, keptDims: kept.length, reducedDims: axes.length };
  if (R <= THREAD_MODE_MAX) {
    const shape: ReduceShape = { ...baseShape, output: types.result, mode: 'thread', scaled: op === 'mean' };
    batch.dispatch(programFor(shape), params(O, R, 1, R, x.offset, keptShape, keptStride, redShape, redStride), [x.buffer, out.buffer], Math.ceil(O / WG));
  } else if (R <= CHUNK || O >= 64) {
    const shape: ReduceShape = { ...baseShape, output: types.result, mode: 'workgroup', scaled: op === 'mean' };
    batch.dispatch(programFor(shape), params(O, R, 1, R, x.offset, keptShape, keptStride, redShape, redStride), [x.buffer, out.buffer], O);
  } else {
    // Split each long reduction in C chunks, then reduce the [O, C] partials.
    const C = Math.min(1024, Math.ceil(R / CHUNK));
    const L = Math.ceil(R / C);
    const partial = batch.scratch(O * C * DTYPE_INFO[types.acc].bytes);
    const first: ReduceShape = { ...baseShape, output: types.acc, mode: 'workgroup', scaled: false };
    batch.dispatch(programFor(first), params(O, R, C, L, x.offset, keptShape, keptStride, redShape, redStride), [x.buffer, partial], O * C);
    const second: ReduceShape = {
      op: op === 'mean' ? 'mean' : op,
      input: types.acc,
      inputIsAcc: true,
      acc: types.acc,
      output: types.result,
      keptDims: 1,
      reducedDims: 1,
      mode: 'workgroup',
      scaled: op === 'mean',
    };
    batch.dispatch(programFor(second), params(O, C, 1, C, 0, [O], [C], [C], [1]), [partial, out.buffer], O);
  }
  batch.submit();
  return out;
}
