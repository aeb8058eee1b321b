// label joins runs of elements when the structure connects neighbours along the last axis,
// and labels element by element otherwise; both labellers must give the same labels
// (components numbered in the C order of their first element) for every image and structure.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelPlane } from '../src/label.js';
import { labelRuns } from '../src/label-runs.js';

const shapeArb = fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 3 });

/** A point-symmetric 3×…×3 structure whose in-line neighbours (0, …, 0, ±1) are set. */
function structure(rank: number, bits: boolean[]): Uint8Array {
  const size = 3 ** rank;
  const mask = new Uint8Array(size);
  const centre = (size - 1) / 2;
  for (let k = 0; k <= centre; k++) {
    const on = k === centre || k === centre - 1 || bits[k % bits.length];
    mask[k] = on ? 1 : 0;
    mask[size - 1 - k] = mask[k];
  }
  return mask;
}

describe('run-based labelling', () => {
  it('equals the element-wise labeller', () => {
    fc.assert(
      fc.property(
        shapeArb,
        fc.array(fc.boolean(), { minLength: 1, maxLength: 200 }),
        fc.array(fc.boolean(), { minLength: 14, maxLength: 14 }),
        (shape, values, bits) => {
          const size = shape.reduce((a, b) => a * b, 1);
          const fg = Uint8Array.from({ length: size }, (_, i) => (values[i % values.length] ? 1 : 0));
          const mask = structure(shape.length, bits);
          const byRuns = new Int32Array(size);
          const byElements = new Int32Array(size);
          const count = labelRuns(fg, shape, mask, byRuns);
          expect(count).toBe(labelPlane(fg, shape, mask, byElements));
          expect(byRuns).toEqual(byElements);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('leaves structures without the in-line neighbours to the element-wise labeller', () => {
    // a 2-D structure joining only vertical neighbours
    const mask = Uint8Array.of(0, 1, 0, 0, 1, 0, 0, 1, 0);
    expect(labelRuns(Uint8Array.of(1, 1, 1, 1), [2, 2], mask, new Int32Array(4))).toBeNull();
  });
});
