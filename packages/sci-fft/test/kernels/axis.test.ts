import { InvalidArgumentError } from '@sciport/dispatch-core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  complexAlongAxes,
  complexPlan,
  r2rAlongAxis,
  r2rPlan,
  realBackwardAlongAxis,
  realForwardAlongAxis,
  realPlan,
  setWasmEnabled,
} from '../../src/kernels/index.js';
import { randomArray, relRms } from './reference.js';

/** C-contiguous index helpers for the line-by-line references. */
function strides(shape: number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    s[d] = acc;
    acc *= shape[d];
  }
  return s;
}

/** Calls fn(start, step) for every line along axis (indices in elements). */
function lines(shape: number[], axis: number, fn: (start: number, step: number) => void): void {
  const st = strides(shape);
  const size = shape.reduce((a, b) => a * b, 1);
  for (let i = 0; i < size; i++) {
    if (Math.floor(i / st[axis]) % shape[axis] === 0) fn(i, st[axis]);
  }
}

const shapeArb = fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 4 });

describe.each([
  ['wasm-simd', true],
  ['typescript', false],
] as const)('axis transforms on %s kernels', (_name, wasm) => {
  beforeAll(() => setWasmEnabled(wasm));
  afterAll(() => setWasmEnabled(true));

  it('complexAlongAxes equals line-by-line execute() over each axis', () => {
    fc.assert(
      fc.property(shapeArb, fc.boolean(), fc.integer({ min: 0, max: 1000 }), (shape, forward, seed) => {
        const axes = shape.map((_, i) => i).filter((i) => (seed >> i) & 1);
        const size = shape.reduce((a, b) => a * b, 1);
        const data = randomArray(2 * size, seed + 1);
        const expected = data.slice();
        for (const axis of axes) {
          const n = shape[axis];
          const buf = new Float64Array(2 * n);
          lines(shape, axis, (start, step) => {
            for (let j = 0; j < n; j++) {
              buf[2 * j] = expected[2 * (start + j * step)];
              buf[2 * j + 1] = expected[2 * (start + j * step) + 1];
            }
            complexPlan(n).execute(buf, 0, forward, 1);
            for (let j = 0; j < n; j++) {
              expected[2 * (start + j * step)] = buf[2 * j];
              expected[2 * (start + j * step) + 1] = buf[2 * j + 1];
            }
          });
        }
        for (let i = 0; i < expected.length; i++) expected[i] *= 0.5;
        complexAlongAxes(data, shape, axes, forward, 0.5);
        return relRms(data, expected) < 1e-15;
      }),
      { numRuns: 80 },
    );
  });

  it('complexAlongAxes plans lengths it has not seen before (plan tables made mid-call)', () => {
    const shape = wasm ? [6, 1031] : [10, 1033];
    const size = shape[0] * shape[1];
    const data = randomArray(2 * size, 99);
    const expected = data.slice();
    complexAlongAxes(data, shape, [1, 0], false, 1);
    complexPlan(shape[1]).executeMany(expected, 0, shape[0], shape[1], 1, false, 1);
    complexPlan(shape[0]).executeMany(expected, 0, shape[1], 1, shape[1], false, 1);
    expect(relRms(data, expected)).toBeLessThan(1e-15);
  });

  it('complexAlongAxes handles a 1024x1024 fft2 and a Bluestein axis', () => {
    for (const shape of [
      [1024, 1024],
      [3, 1009],
      [1009, 2],
    ]) {
      const size = shape[0] * shape[1];
      const data = randomArray(2 * size, shape[1]);
      const expected = data.slice();
      complexPlan(shape[1]).executeMany(expected, 0, shape[0], shape[1], 1, true, 1);
      complexPlan(shape[0]).executeMany(expected, 0, shape[1], 1, shape[1], true, 1);
      complexAlongAxes(data, shape, [0, 1], true, 1);
      expect(relRms(data, expected)).toBeLessThan(1e-15);
    }
  });

  it('real and r2r axis transforms equal line-by-line plans', () => {
    fc.assert(
      fc.property(shapeArb, fc.nat(), (shape, pick) => {
        const axis = pick % shape.length;
        const n = shape[axis];
        const m = (n >> 1) + 1;
        const size = shape.reduce((a, b) => a * b, 1);
        const x = randomArray(size, pick + 3);
        const outShape = shape.slice();
        outShape[axis] = m;
        const outSize = outShape.reduce((a, b) => a * b, 1);
        const spec = new Float64Array(2 * outSize);
        realForwardAlongAxis(x, shape, axis, spec, 2);
        const back = new Float64Array(size);
        realBackwardAlongAxis(spec, outShape, axis, n, back, 1 / (2 * n));
        const okRound = relRms(back, x) < 1e-14;
        // forward reference on one line
        const line = new Float64Array(n);
        const lineOut = new Float64Array(2 * m);
        let okLine = true;
        lines(shape, axis, (start, step) => {
          for (let j = 0; j < n; j++) line[j] = x[start + j * step];
          realPlan(n).forward(line, 0, lineOut, 0, 2);
          const st = strides(outShape);
          // same line in the output: same multi-index except along axis
          const idx = shape.map((_, d) => Math.floor(start / strides(shape)[d]) % shape[d]);
          const outStart = idx.reduce((acc, v, d) => acc + v * st[d], 0);
          const got = new Float64Array(2 * m);
          for (let j = 0; j < m; j++) {
            got[2 * j] = spec[2 * (outStart + j * st[axis])];
            got[2 * j + 1] = spec[2 * (outStart + j * st[axis]) + 1];
          }
          if (relRms(got, lineOut) > 1e-15) okLine = false;
        });
        const d = x.slice();
        const plan = r2rPlan('dct', 2, n, { norm: 'ortho', orthogonalize: true, inverse: false });
        r2rAlongAxis(d, shape, axis, plan);
        r2rAlongAxis(d, shape, axis, r2rPlan('dct', 2, n, { norm: 'ortho', orthogonalize: true, inverse: true }));
        return okRound && okLine && relRms(d, x) < 1e-14;
      }),
      { numRuns: 60 },
    );
  });
});

it('axis functions reject axes out of range', () => {
  expect(() => complexAlongAxes(new Float64Array(8), [2, 2], [2], true, 1)).toThrow(InvalidArgumentError);
  expect(() => r2rAlongAxis(new Float64Array(4), [4], -1, r2rPlan('dct', 2, 4, { norm: 'backward', orthogonalize: false, inverse: false }))).toThrow(
    InvalidArgumentError,
  );
});
