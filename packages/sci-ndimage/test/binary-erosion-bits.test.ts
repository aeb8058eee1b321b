// Binary erosion and dilation run on packed bits, handing over to a change list when few
// lines still change; whatever the path, the result must be that of synchronous passes of
// the plain rule (an element is eroded when any element under the structure is false,
// outside elements having the border value; dilation the same rule inverted).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NDArray } from '@sciport/array-api';
import { erodePlane } from '../src/binary-erosion.js';
import type { ErosionSpec } from '../src/erosion-spec.js';
import { binaryDilation, binaryErosion } from '../src/index.js';

/** Synchronous passes of the rule, element by element. */
function reference(values: Uint8Array, spec: ErosionSpec): Uint8Array {
  const { shape, fshape, origins, structure } = spec;
  const nd = shape.length;
  const size = values.length;
  const stop = spec.invert ? 1 : 0;
  let cur = values.slice();
  for (let pass = 0; spec.iterations < 1 || pass < spec.iterations; pass++) {
    const next = cur.slice();
    for (let k = 0; k < size; k++) {
      if (spec.mask !== null && spec.mask[k] === 0) continue;
      const idx = shape.map((_, d) => Math.floor(k / shape.slice(d + 1).reduce((a, b) => a * b, 1)) % shape[d]);
      let v = 1 - stop;
      for (let f = 0; f < structure.length && v !== stop; f++) {
        if (structure[f] === 0) continue;
        let at = 0;
        let inside = true;
        for (let d = 0; d < nd; d++) {
          const j = Math.floor(f / fshape.slice(d + 1).reduce((a, b) => a * b, 1)) % fshape[d];
          const c = idx[d] + j - Math.floor(fshape[d] / 2) - origins[d];
          if (c < 0 || c >= shape[d]) inside = false;
          at = at * shape[d] + c;
        }
        if ((inside ? cur[at] : spec.borderValue) === stop) v = stop;
      }
      next[k] = v;
    }
    const same = next.every((v, k) => v === cur[k]);
    cur = next;
    if (same) break;
  }
  return cur;
}

const caseArb = fc
  .record({
    shape: fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 3 }),
    fshape: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 3, maxLength: 3 }),
    bits: fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
    origin: fc.array(fc.integer({ min: -2, max: 1 }), { minLength: 3, maxLength: 3 }),
    density: fc.integer({ min: 1, max: 9 }),
    seed: fc.integer(),
    masked: fc.boolean(),
    borderValue: fc.constantFrom<0 | 1>(0, 1),
    invert: fc.boolean(),
    iterations: fc.integer({ min: -1, max: 4 }),
    bruteForce: fc.boolean(),
  })
  .filter((c) => c.shape.reduce((a, b) => a * b, 1) <= 1500);

describe('packed binary erosion', () => {
  it('equals synchronous passes of the plain rule', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const nd = c.shape.length;
        const fshape = c.fshape.slice(0, nd);
        const fsize = fshape.reduce((a, b) => a * b, 1);
        const structure = Uint8Array.from({ length: fsize }, (_, k) => (c.bits[k % 64] ? 1 : 0));
        structure[0] = 1;
        const origins = fshape.map((f, d) => Math.max(-Math.floor(f / 2), Math.min(c.origin[d], Math.floor((f - 1) / 2))));
        if (c.iterations < 1) {
          // repeating until nothing changes ends only when the structure holds its centre
          structure[fshape.reduce((k, f, d) => k * f + Math.floor(f / 2) + origins[d], 0)] = 1;
        }
        const size = c.shape.reduce((a, b) => a * b, 1);
        let s = c.seed | 1;
        const random = () => {
          s ^= s << 13;
          s ^= s >>> 17;
          s ^= s << 5;
          return (s >>> 0) % 10;
        };
        const values = Uint8Array.from({ length: size }, () => (random() < c.density ? 1 : 0));
        const mask = c.masked ? Uint8Array.from({ length: size }, () => (random() < 7 ? 1 : 0)) : null;
        const spec: ErosionSpec = {
          shape: c.shape,
          fshape,
          structure,
          origins,
          borderValue: c.borderValue,
          invert: c.invert,
          iterations: c.iterations,
          mask,
          bruteForce: c.bruteForce,
        };
        expect(erodePlane(values, spec)).toEqual(reference(values, spec));
      }),
      { numRuns: 300 },
    );
  });

  it('reads any nonzero byte as true on lines of whole words', () => {
    // lines of 64 bytes take the four-bytes-at-a-time packing
    const shape = [5, 64];
    const bytes = Uint8Array.from({ length: 320 }, (_, k) => [0, 1, 2, 128, 255, 7, 0][(k * 7 + (k >> 3)) % 7]);
    const x = new NDArray(bytes, shape, 'uint8');
    const spec: ErosionSpec = {
      shape,
      fshape: [3, 3],
      structure: Uint8Array.of(0, 1, 0, 1, 1, 1, 0, 1, 0),
      origins: [0, 0],
      borderValue: 0,
      invert: false,
      iterations: 1,
      mask: null,
      bruteForce: false,
    };
    const truth = Uint8Array.from(bytes, (v) => (v !== 0 ? 1 : 0));
    expect((binaryErosion(x) as NDArray).toArray().flat()).toEqual(Array.from(reference(truth, spec), Boolean));
    expect((binaryDilation(x) as NDArray).toArray().flat()).toEqual(Array.from(reference(truth, { ...spec, invert: true }), Boolean));
  });
});
