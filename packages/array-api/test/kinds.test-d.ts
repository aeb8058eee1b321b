/** Type-level contract: ArrayOf / ArrayKindMap and the generic namespace. */
import { ARRAY_BRAND } from '@sciport/dispatch-core';
import { expectTypeOf, test } from 'vitest';
import type { ArrayOf } from '../src/kinds.js';
import { arrayNamespace } from '../src/namespace.js';
import type { ArrayNamespace } from '../src/namespace-types.js';
import type { NDArray } from '../src/ndarray.js';

interface FakeDeviceArray {
  readonly [ARRAY_BRAND]: 'fake';
  readonly shape: readonly number[];
}

declare module '../src/kinds.js' {
  interface ArrayKindMap {
    fake: FakeDeviceArray;
  }
}

test('ArrayOf maps inputs to the array type of their kind', () => {
  expectTypeOf<ArrayOf<NDArray>>().toEqualTypeOf<NDArray>();
  expectTypeOf<ArrayOf<number[][]>>().toEqualTypeOf<NDArray>();
  expectTypeOf<ArrayOf<Float64Array>>().toEqualTypeOf<NDArray>();
  expectTypeOf<ArrayOf<FakeDeviceArray>>().toEqualTypeOf<FakeDeviceArray>();
});

test('arrayNamespace is typed by its inputs', () => {
  const x = {} as NDArray;
  const g = {} as FakeDeviceArray;
  expectTypeOf(arrayNamespace(x)).toEqualTypeOf<ArrayNamespace<NDArray>>();
  expectTypeOf(arrayNamespace(g).zeros([2])).toEqualTypeOf<FakeDeviceArray>();
  expectTypeOf(arrayNamespace(x).add(x, 1)).toEqualTypeOf<NDArray>();
});
