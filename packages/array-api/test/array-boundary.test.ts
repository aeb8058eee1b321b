/**
 * The array boundary: every array that enters (asarray, the NDArray constructor, scijs /
 * stdlib duck types, NDArrays of another package copy) is checked once, so no function
 * ever reads outside the data it was given or turns junk into numbers.
 */
import vm from 'node:vm';
import { ARRAY_BRAND, DtypeError, InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectError } from './expect-error.js';
import { asarray } from '../src/asarray.js';
import { hostNamespace as xp } from '../src/namespace.js';
import { NDArray, type NestedArray } from '../src/ndarray.js';

describe('strided layouts that run outside their data', () => {
  it('ndarray-likes whose shape, stride or offset reach past the data are ShapeErrors', () => {
    const data = new Float64Array([1, 2]);
    expectError(() => asarray({ data, shape: [8], stride: [1], offset: 0 }), ShapeError, 'values.data', /reaches elements 0\.\.7.*holds 2/);
    expectError(() => asarray({ data, shape: [1], stride: [1], offset: -2 }), ShapeError, 'values.offset', /offset -2/);
    expectError(() => asarray({ data, shape: [2], stride: [-1], offset: 0 }), ShapeError, 'values.data', /-1\.\.0/);
    expectError(() => asarray({ data, shape: [2], strides: [2], offset: 0 }), ShapeError, 'values.data', /0\.\.2/);
    // Functions that take arrays name their own argument.
    expectError(() => xp.sum({ data, shape: [8], stride: [1], offset: 0 } as never), ShapeError, 'x.data', /holds 2/);
  });

  it('the NDArray constructor checks its parts', () => {
    expectError(() => new NDArray(new Float64Array(2), [8], 'float64'), ShapeError, 'data', /holds 2/);
    expectError(() => new NDArray(new Float64Array(4), [2], 'float64', [1], 3), ShapeError, 'data', /1\.\.4|3\.\.4/);
    expectError(() => new NDArray(new Float64Array(4), [2], 'float64', [1], 1.5), ShapeError, 'offset', /1\.5/);
    expectError(() => new NDArray(new Float64Array(4), [2], 'float64', [0.5]), ShapeError, 'stride', /0\.5/);
    expectError(() => new NDArray(new Float64Array(4), [2, 2], 'float64', [1]), ShapeError, 'stride', /2 integers/);
    expectError(() => new NDArray(new Float64Array(3), [1], 'complex128'), ShapeError, 'data', /odd length 3/);
    expectError(() => new NDArray(new Float64Array(2), [2], 'complex128'), ShapeError, 'data', /holds 1/);
    expectError(() => new NDArray(new Int32Array(2), [2], 'float64'), DtypeError, 'data', /Int32Array.*float64/);
    expectError(() => new NDArray([1, 2] as never, [2], 'float64'), DtypeError, 'data', /TypedArray/);
    expectError(() => new NDArray(new Float64Array(2), [-1], 'float64'), ShapeError, 'shape', /non-negative/);
    expectError(() => new NDArray(new Float64Array(2), [2], 'float16' as never), DtypeError, 'dtype', /float16/);
  });

  it('valid views pass: negative strides, broadcast (0) strides, empty and 0-d arrays', () => {
    const data = new Float64Array([0, 1, 2, 3, 4, 5]);
    expect(new NDArray(data, [3], 'float64', [-2], 4).toArray()).toEqual([4, 2, 0]);
    expect(new NDArray(data, [2, 3], 'float64', [0, 1], 3).toArray()).toEqual([
      [3, 4, 5],
      [3, 4, 5],
    ]);
    // An empty array reaches nothing, whatever its offset.
    expect(new NDArray(new Float64Array(0), [0, 5], 'float64', [5, 1], 7).size).toBe(0);
    expect(new NDArray(data, [], 'float64', [], 5).toArray()).toBe(5);
    expectError(() => new NDArray(data, [], 'float64', [], 6), ShapeError, 'offset', /offset 6/);
    expect(new NDArray(new Float64Array([1, 2, 3, 4]), [2], 'complex128').toArray()).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('NDArrays of another package copy are checked too', () => {
    const foreign = {
      [ARRAY_BRAND]: 'host',
      dtype: 'float64',
      data: new Float64Array(2),
      shape: [8],
      stride: [1],
      offset: 0,
    };
    expectError(() => asarray(foreign), ShapeError, 'values.data', /holds 2/);
    expect(asarray({ ...foreign, shape: [2] }).toArray()).toEqual([0, 0]);
  });
});

describe('data that is not numbers', () => {
  it('junk elements, strides and offsets are typed errors, never NaN', () => {
    expectError(() => asarray({ data: [1, 'a', 3], shape: [3], stride: [1], offset: 0 }), DtypeError, 'values.data', /"a" at data\[1\]/);
    expectError(() => asarray([{ re: 1, im: 'x' }]), DtypeError, 'values', /values\[0\]/);
    expectError(() => asarray({ data: new Float64Array(2), shape: [2], stride: ['1'], offset: 0 }), ShapeError, 'values.stride', /"1"/);
    expectError(() => asarray({ data: new Float64Array(2), shape: [1], stride: [1], offset: 1.5 }), ShapeError, 'values.offset', /1\.5/);
    expectError(() => asarray({ data: new Float64Array(2), shape: [1], stride: [1], offset: '0' }), ShapeError, 'values.offset', /"0"/);
    expectError(() => asarray({ data: 'abc', shape: [3], stride: [1], offset: 0 }), DtypeError, 'values.data', /unsupported storage/);
  });

  it('generic (JS array) storage of numbers and booleans still converts', () => {
    expect(asarray({ data: [1, 2, 3, 4], shape: [2], stride: [-2], offset: 3 }).toArray()).toEqual([4, 2]);
    const b = asarray({ data: [true, false], shape: [2], stride: [1], offset: 0 });
    expect(b.dtype).toBe('bool');
    expect(b.toArray()).toEqual([true, false]);
  });

  it('detached ArrayBuffers are refused', () => {
    const data = new Float64Array([1, 2, 3]);
    structuredClone(data.buffer, { transfer: [data.buffer] });
    expectError(() => asarray(data), InvalidArgumentError, 'values', /detached/);
    expectError(() => asarray({ data, shape: [0], stride: [1], offset: 0 }), InvalidArgumentError, 'values.data', /detached/);
    expectError(() => new NDArray(data, [0], 'float64'), InvalidArgumentError, 'data', /detached/);
  });

  it('nesting deeper than 64 levels is a ShapeError, not a stack overflow', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expectError(() => asarray(deep), ShapeError, 'values', /deeper than 64/);
    const selfContaining: unknown[] = [];
    selfContaining.push(selfContaining);
    expectError(() => asarray(selfContaining), ShapeError, 'values', /deeper than 64/);
    let ok: unknown = 7;
    for (let i = 0; i < 64; i++) ok = [ok];
    expect(asarray(ok).ndim).toBe(64);
    expectError(() => xp.zeros(new Array(65).fill(1)), ShapeError, 'shape', /65 dimensions/);
    expect(xp.arrayNamespaceInfo().capabilities()['max dimensions']).toBe(64);
  });

  it('TypedArrays from another realm are accepted, as views of the same memory', () => {
    const f = vm.runInNewContext('new Float64Array([1, 2])') as Float64Array;
    expect(f instanceof Float64Array).toBe(false);
    const x = asarray(f);
    expect(x.dtype).toBe('float64');
    expect(x.toArray()).toEqual([1, 2]);
    expect(x.data).toBeInstanceOf(Float64Array);
    f[0] = 5;
    expect(x.get(0)).toBe(5);
    const i = vm.runInNewContext('new Int16Array([3, -4, 5, 6])') as Int16Array;
    expect(asarray(i, { shape: [2, 2] }).toArray()).toEqual([
      [3, -4],
      [5, 6],
    ]);
    const scijs = { data: vm.runInNewContext('new Float32Array([1, 2, 3])'), shape: [2], stride: [2], offset: 0 };
    expect(asarray(scijs).toArray()).toEqual([1, 3]);
    expect(asarray(scijs).dtype).toBe('float32');
    const c = asarray(vm.runInNewContext('new Float64Array([1, 2, 3, 4])') as Float64Array, { dtype: 'complex128' });
    expect(c.toArray()).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });
});

/** The naive strided read: element [i, j, …] is data[offset + Σ index·stride]. */
function naiveRead(data: Float64Array, shape: number[], stride: number[], offset: number): NestedArray {
  const read = (d: number, base: number): NestedArray =>
    d === shape.length ? data[base] : Array.from({ length: shape[d] }, (_, i) => read(d + 1, base + i * stride[d]));
  return read(0, offset);
}

/** Every storage index the view reaches (none for an empty view). */
function reachable(shape: number[], stride: number[], offset: number): number[] {
  let out = [offset];
  for (let d = 0; d < shape.length; d++) {
    const next: number[] = [];
    for (const p of out) for (let i = 0; i < shape[d]; i++) next.push(p + i * stride[d]);
    out = next;
  }
  return out;
}

describe('property: accepted iff every reachable index is inside the buffer', () => {
  const layoutArb = fc
    .array(fc.integer({ min: 0, max: 4 }), { minLength: 0, maxLength: 3 })
    .chain((shape) =>
      fc.record({
        shape: fc.constant(shape),
        stride: fc.array(fc.integer({ min: -6, max: 6 }), { minLength: shape.length, maxLength: shape.length }),
        offset: fc.integer({ min: -4, max: 24 }),
        length: fc.integer({ min: 0, max: 24 }),
      }),
    );

  it('asarray of a scijs-style ndarray-like and the NDArray constructor agree with the naive read', () => {
    fc.assert(
      fc.property(layoutArb, ({ shape, stride, offset, length }) => {
        const data = Float64Array.from({ length }, (_, i) => 10 * i + 1);
        const inside = reachable(shape, stride, offset).every((p) => p >= 0 && p < length);
        const attempts = [
          () => asarray({ data, shape, stride, offset }),
          () => new NDArray(data, shape, 'float64', stride, offset),
          () => asarray({ data: Array.from(data), shape, strides: stride, offset }),
        ];
        for (const attempt of attempts) {
          if (inside) {
            const x = attempt();
            expect(x.toArray()).toEqual(naiveRead(data, shape, stride, offset));
            // A kernel over the view reads the same elements.
            expect(xp.multiply(x, 1).toArray()).toEqual(naiveRead(data, shape, stride, offset));
          } else {
            expect(attempt).toThrow(ShapeError);
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});
