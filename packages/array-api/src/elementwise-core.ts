/**
 * Builders for elementwise functions: dtype checks, promotion, choice of computation
 * domain (number / bigint / complex) and the loop runner.
 */
import { DtypeError } from '@sciport/dispatch-core';
import { castCopy } from './cast.js';
import { type DType, dtypeInfo, isBigIntDtype, isComplexDtype } from './dtypes.js';
import {
  type BigFn1,
  type BigFn2,
  binaryOperands,
  type CplxFn1,
  type CplxFn2,
  castTo,
  type FastOp,
  mapBinaryBigInt,
  mapBinaryComplex,
  mapBinaryNumber,
  mapUnaryBigInt,
  mapUnaryComplex,
  mapUnaryNumber,
  type NumFn1,
  type NumFn2,
  toNDArray,
} from './kernels.js';
import type { NDArray } from './ndarray.js';
import type { ScalarInput } from './namespace-types.js';

export type DTypeClass = 'bool' | 'integer' | 'real floating' | 'complex floating';
export type Accepts = readonly DTypeClass[];

export const NUMERIC: Accepts = ['integer', 'real floating', 'complex floating'];
export const REAL_NUMERIC: Accepts = ['integer', 'real floating'];
export const ALL: Accepts = ['bool', 'integer', 'real floating', 'complex floating'];
export const REAL_ALL: Accepts = ['bool', 'integer', 'real floating'];
export const FLOATING: Accepts = ['real floating', 'complex floating'];
export const REAL_FLOATING: Accepts = ['real floating'];
export const INTEGER_OR_BOOL: Accepts = ['bool', 'integer'];
export const INTEGER: Accepts = ['integer'];

export function dtypeClass(d: DType): DTypeClass {
  const k = dtypeInfo(d).kind;
  return k === 'signed integer' || k === 'unsigned integer' ? 'integer' : (k as DTypeClass);
}

function checkAccepts(name: string, accepts: Accepts, dtypes: readonly DType[], args: readonly string[]): void {
  for (let i = 0; i < dtypes.length; i++) {
    if (!accepts.includes(dtypeClass(dtypes[i]))) {
      throw new DtypeError(`${name} does not accept ${dtypes[i]} input for '${args[i]}'.`, {
        argument: args[i],
        hint: `It accepts ${accepts.join(', ')} dtypes; convert with astype(x, ...) first.`,
      });
    }
  }
}

/** Float result for integer/bool input of functions like sin (SciPy's float64 default). */
export function floatResult(d: DType): DType {
  const c = dtypeClass(d);
  return c === 'real floating' || c === 'complex floating' ? d : 'float64';
}

export interface UnarySpec {
  name: string;
  accepts: Accepts;
  /** Result dtype from the input dtype. */
  out: (d: DType) => DType;
  /** Inputs are cast to this dtype before computing (default: compute on the input). */
  compute?: (d: DType) => DType;
  num?: (outDtype: DType) => NumFn1;
  big?: (outDtype: DType) => BigFn1;
  cplx?: (outDtype: DType) => CplxFn1;
}

export function defineUnary(spec: UnarySpec): (x: NDArray) => NDArray {
  const fn = (input: NDArray): NDArray => {
    let x = toNDArray(input, 'x');
    checkAccepts(spec.name, spec.accepts, [x.dtype], ['x']);
    const out = spec.out(x.dtype);
    const cd = spec.compute ? spec.compute(x.dtype) : x.dtype;
    if (isComplexDtype(cd)) {
      if (!spec.cplx) throw unsupported(spec.name, x.dtype);
      return mapUnaryComplex(castTo(x, cd), out, spec.cplx(out));
    }
    if (isBigIntDtype(cd) && spec.big) return mapUnaryBigInt(castTo(x, cd), out, spec.big(out));
    if (dtypeInfo(x.dtype).isBigInt) x = castCopy(x, isBigIntDtype(cd) ? 'float64' : cd);
    if (!spec.num) throw unsupported(spec.name, x.dtype);
    return mapUnaryNumber(x, out, spec.num(out));
  };
  Object.defineProperty(fn, 'name', { value: spec.name });
  return fn;
}

export interface BinarySpec {
  name: string;
  accepts: Accepts;
  /** Result dtype from the promoted dtype. */
  out: (d: DType) => DType;
  compute?: (d: DType) => DType;
  num?: (outDtype: DType) => NumFn2;
  big?: (outDtype: DType) => BigFn2;
  cplx?: (outDtype: DType) => CplxFn2;
  /** Dedicated arithmetic loop to use instead of `num` where its result is exact. */
  fast?: FastOp;
}

export type BinaryFn = (x1: NDArray | ScalarInput, x2: NDArray | ScalarInput) => NDArray;

export function defineBinary(spec: BinarySpec): BinaryFn {
  const fn = (x1: NDArray | ScalarInput, x2: NDArray | ScalarInput): NDArray => {
    let { a, b, dtype } = binaryOperands(x1, x2, spec.name);
    checkAccepts(spec.name, spec.accepts, [a.dtype, b.dtype], ['x1', 'x2']);
    const out = spec.out(dtype);
    const cd = spec.compute ? spec.compute(dtype) : dtype;
    if (isComplexDtype(cd)) {
      if (!spec.cplx) throw unsupported(spec.name, cd);
      return mapBinaryComplex(castTo(a, cd), castTo(b, cd), out, spec.cplx(out));
    }
    if (isBigIntDtype(cd) && spec.big) {
      return mapBinaryBigInt(castTo(a, cd), castTo(b, cd), out, spec.big(out));
    }
    const numDtype = isBigIntDtype(cd) ? 'float64' : cd;
    if (dtypeInfo(a.dtype).isBigInt) a = castCopy(a, numDtype);
    if (dtypeInfo(b.dtype).isBigInt) b = castCopy(b, numDtype);
    if (!spec.num) throw unsupported(spec.name, cd);
    // The fast loops compute in double then store: exact for floats and for ±/· of ints
    // narrower than 32 bits; 32-bit integer products need Math.imul (the `num` path).
    const fastOk = spec.fast !== undefined && (dtypeClass(out) === 'real floating' || spec.fast !== 'multiply' || dtypeInfo(out).itemsize < 4);
    return mapBinaryNumber(a, b, out, spec.num(out), fastOk ? spec.fast : undefined);
  };
  Object.defineProperty(fn, 'name', { value: spec.name });
  return fn;
}

function unsupported(name: string, d: DType): DtypeError {
  return new DtypeError(`${name} is not defined for ${d} input.`, {
    argument: 'x',
    hint: 'See the package README for the dtypes each function accepts.',
  });
}
