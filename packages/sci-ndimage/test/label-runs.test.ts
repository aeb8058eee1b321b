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

  it('scans long lines of any nonzero bytes, at any byte offset, as the element-wise labeller', () => {
    // runs and gaps longer than a word, nonzero bytes other than 1, and views not 4-byte aligned
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 90 }),
        fc.integer({ min: 0, max: 3 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 40 })), { minLength: 1, maxLength: 30 }),
        (rows, length, offset, pieces) => {
          const size = rows * length;
          const bytes = new Uint8Array(size + offset);
          for (let k = 0, p = 0; k < size; p++) {
            const [value, repeat] = pieces[p % pieces.length];
            for (let r = 0; r < repeat && k < size; r++, k++) bytes[offset + k] = value % 3 === 0 ? 0 : value;
          }
          const fg = bytes.subarray(offset);
          const mask = structure(2, [true]);
          const byRuns = new Int32Array(size);
          const byElements = new Int32Array(size);
          const count = labelRuns(fg, [rows, length], mask, byRuns);
          expect(count).toBe(labelPlane(fg, [rows, length], mask, byElements));
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
