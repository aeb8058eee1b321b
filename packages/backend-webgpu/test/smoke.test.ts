import { describe, expect, it } from 'vitest';
import { runMap } from '../src/kernels/map.js';
import { uploadData } from '../src/upload.js';
import { useGPU } from './gpu-setup.js';

await useGPU();

describe('map kernel', () => {
  it('adds with broadcasting', async () => {
    const a = uploadData([1, 2, 3, 4, 5, 6], [2, 3], 'float32');
    const b = uploadData([10, 20], [2, 1], 'float32');
    const bv = b.view([2, 3], [1, 0], 0);
    const y = runMap({ op: 'add', compute: ['float32', 'float32'], result: 'float32', expr: ([x, z]) => `${x} + ${z}` }, [a, bv], [2, 3]);
    expect(Array.from(await y.toTypedArray())).toEqual([11, 12, 13, 24, 25, 26]);
  });
});
