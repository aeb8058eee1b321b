/**
 * Type-level contract: @sciport/fft functions given a chunked array are typed ChunkedArray;
 * @sciport/ndimage's summaries of a chunked array (counts, measurements, boxes) are Promises.
 */
import type { NDArray } from '@sciport/array-api';
import { type ChunkedArray, chunked, type Cluster } from '@sciport/backend-cluster';
import { fft, fft2, fftshift, irfftn, rfft } from '@sciport/fft';
import { extrema, findObjects, gaussianFilter, histogram, label, maximumPosition, mean, sum } from '@sciport/ndimage';
import { describe, expectTypeOf, it } from 'vitest';

declare const c: ChunkedArray;
declare const cl: Cluster;

describe('@sciport/backend-cluster types', () => {
  it('a transform of a chunked array is a ChunkedArray', () => {
    expectTypeOf(fft(c)).toEqualTypeOf<ChunkedArray>();
    expectTypeOf(rfft(c, { n: 8 })).toEqualTypeOf<ChunkedArray>();
    expectTypeOf(fft2(c)).toEqualTypeOf<ChunkedArray>();
    expectTypeOf(irfftn(c, { s: [4, 4] })).toEqualTypeOf<ChunkedArray>();
    expectTypeOf(fftshift(c)).toEqualTypeOf<ChunkedArray>();
    expectTypeOf(fft(chunked([1, 2, 3, 4], { chunks: 2, cluster: cl }))).toEqualTypeOf<ChunkedArray>();
  });

  it('its result is read with await toHost(), not toArray()', () => {
    expectTypeOf(fft(c).toHost()).toEqualTypeOf<Promise<NDArray>>();
    // @ts-expect-error a ChunkedArray has no synchronous toArray(): its blocks are on the cluster
    fft(c).toArray();
  });

  it('host input still gives NDArray', () => {
    expectTypeOf(fft([1, 2, 3])).toEqualTypeOf<NDArray>();
  });

  it('the members installed by array-methods.ts are part of the type', () => {
    expectTypeOf(c.T).toEqualTypeOf<ChunkedArray>();
    expectTypeOf(c.mT).toEqualTypeOf<ChunkedArray>();
    expectTypeOf(c.rechunk([2, 2])).toEqualTypeOf<ChunkedArray>();
  });

  it('ndimage: arrays stay chunked, summaries gathered from the workers are Promises', () => {
    expectTypeOf(gaussianFilter(c, 1)).toEqualTypeOf<ChunkedArray>();
    expectTypeOf(label(c)).toEqualTypeOf<[ChunkedArray, Promise<number>]>();
    expectTypeOf(label(c, { output: {} as NDArray })).toEqualTypeOf<Promise<number>>();
    expectTypeOf(findObjects(c)).toEqualTypeOf<Promise<([number, number][] | null)[]>>();
    expectTypeOf(sum(c)).toEqualTypeOf<Promise<number>>();
    expectTypeOf(mean(c, c, 1)).toEqualTypeOf<Promise<number>>();
    expectTypeOf(sum(c, c, [1, 2])).toEqualTypeOf<Promise<NDArray>>();
    expectTypeOf(maximumPosition(c, c, [1, 2])).toEqualTypeOf<Promise<number[][]>>();
    expectTypeOf(extrema(c, c, [1, 2])).toEqualTypeOf<Promise<[NDArray, NDArray, number[][], number[][]]>>();
    expectTypeOf(histogram(c, 0, 1, 4)).toEqualTypeOf<Promise<NDArray | null>>();
  });
});
