import { DTYPE_INFO, type GPUDType } from '../dtypes.js';

/** Small WGSL code-generation helpers shared by the kernels. */

export const PARAMS_DECL = '@group(0) @binding(0) var<storage, read> P: array<u32>;';

export function storageDecl(binding: number, name: string, dtype: GPUDType, access: 'read' | 'read_write'): string {
  return `@group(0) @binding(${binding}) var<storage, ${access}> ${name}: array<${DTYPE_INFO[dtype].storage}>;`;
}

/** Read element `addr` of `name` as a value of its dtype (bool is stored as u32). */
export function load(name: string, dtype: GPUDType, addr: string): string {
  return dtype === 'bool' ? `(${name}[${addr}] != 0u)` : `${name}[${addr}]`;
}

export function store(name: string, dtype: GPUDType, addr: string, value: string): string {
  return dtype === 'bool' ? `${name}[${addr}] = select(0u, 1u, ${value});` : `${name}[${addr}] = ${value};`;
}

export const pu = (k: number | string): string => `P[${k}]`;
export const pi = (k: number | string): string => `bitcast<i32>(P[${k}])`;
export const pf = (k: number | string): string => `bitcast<f32>(P[${k}])`;

/** A zero of the value type of `dtype`. */
export function zero(dtype: GPUDType): string {
  switch (dtype) {
    case 'bool':
      return 'false';
    case 'complex64':
      return 'vec2<f32>(0.0, 0.0)';
    default:
      return `${DTYPE_INFO[dtype].value}(0)`;
  }
}

/** Convert expression `e` of value type `from` to value type `to` (NumPy's astype rules). */
export function cast(e: string, from: GPUDType, to: GPUDType): string {
  if (from === to) return e;
  const toT = DTYPE_INFO[to].value;
  if (to === 'bool') return from === 'complex64' ? `any((${e}) != vec2<f32>(0.0))` : `((${e}) != ${zero(from)})`;
  if (from === 'bool') {
    return to === 'complex64' ? `vec2<f32>(select(0.0, 1.0, ${e}), 0.0)` : `select(${toT}(0), ${toT}(1), ${e})`;
  }
  if (to === 'complex64') return from === 'float32' ? `vec2<f32>(${e}, 0.0)` : `vec2<f32>(f32(${e}), 0.0)`;
  if (from === 'complex64') return to === 'float32' ? `(${e}).x` : `${toT}((${e}).x)`;
  return `${toT}(${e})`;
}

/**
 * Code that turns flat index `flat` (a u32 expression) into addresses of several strided
 * operands. Params at `shapeAt` hold the shape (ndim words); operand k's offset and
 * strides (i32) start at `operandAt[k]`. Declares `a<name>` (u32) for each operand, named
 * by `names` (default 0, 1, …).
 */
export function stridedAddresses(
  ndim: number,
  flat: string,
  shapeAt: number,
  operandAt: readonly number[],
  names: readonly number[] = operandAt.map((_, k) => k),
): string {
  const lines: string[] = [];
  operandAt.forEach((at, j) => {
    lines.push(`  var s${names[j]}: i32 = ${pi(at)};`);
  });
  if (ndim > 0) lines.push(`  var rem: u32 = ${flat};`);
  for (let d = ndim - 1; d >= 0; d--) {
    lines.push(`  { let ext = ${pu(shapeAt + d)}; let id = i32(rem % ext); rem = rem / ext;`);
    operandAt.forEach((at, j) => {
      lines.push(`    s${names[j]} = s${names[j]} + id * ${pi(at + 1 + d)};`);
    });
    lines.push('  }');
  }
  for (const k of names) lines.push(`  let a${k} = u32(s${k});`);
  return lines.join('\n');
}
