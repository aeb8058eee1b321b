import { asarray, NDArray } from '@sciport/array-api';
import { decodeArray, loadFixtureFile } from '@sciport/conformance/node';
import { NotSupportedError } from '@sciport/dispatch-core';
import { affineTransform, type BoundaryMode, geometricTransform, mapCoordinates, rotate, shift, splineFilter, splineFilter1d, zoom } from '@sciport/ndimage';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GPUArray, memoryInfo, toDevice } from '../src/index.js';
import { useGPU } from './gpu-setup.js';
import { randomValues } from './reference.js';

await useGPU();

const MODES: readonly BoundaryMode[] = ['constant', 'nearest', 'reflect', 'mirror', 'wrap', 'grid-constant', 'grid-mirror', 'grid-wrap'];
/** The ndimage conformance suite's float32 tolerance, relative to max|expected|. */
const FLOAT32_TOLERANCE = 1e-6;

function hostArray(shape: number[], seed: number): NDArray {
  const size = shape.reduce((a, b) => a * b, 1);
  return asarray(Array.from(randomValues(size, seed), (r) => r * 10), { shape, dtype: 'float32' });
}

async function read(gpu: unknown): Promise<NDArray> {
  expect(gpu).toBeInstanceOf(GPUArray);
  const g = gpu as GPUArray;
  const back = (await g.toHost()) as NDArray;
  g.dispose();
  return back;
}

function values(x: NDArray): number[] {
  return Array.from(x.toTypedArray() as ArrayLike<number>);
}

/**
 * The GPU result has the host's shape and float32 values within `tol` · max|host| (exactly when
 * tol is 0), or within tol · `least` where that is larger (see the random-image property).
 */
async function agrees(gpu: unknown, host: NDArray, tol = FLOAT32_TOLERANCE, label = '', least = 0): Promise<void> {
  const back = await read(gpu);
  expect(back.dtype, label).toBe('float32');
  expect(back.shape, label).toEqual(host.shape);
  const a = values(back);
  const e = values(host);
  const scale = Math.max(least, ...e.filter(Number.isFinite).map(Math.abs));
  const worst = Math.max(0, ...a.map((v, i) => (Object.is(v, e[i]) ? 0 : Math.abs(v - e[i]))));
  if (tol === 0) expect(a, label).toEqual(e);
  else expect(worst, `${label}: max error ${worst} for scale ${scale}`).toBeLessThanOrEqual(tol * scale);
}

describe('interpolation on GPU arrays agrees with the host', () => {
  it('shift, every mode and order, 1-D to 3-D', async () => {
    for (const shape of [[7], [5, 6], [3, 4, 5]]) {
      const x = hostArray(shape, shape.length);
      const xg = toDevice(x);
      const before = memoryInfo();
      for (const mode of MODES) {
        for (let order = 0; order <= 5; order++) {
          const s = shape.map((_, d) => [0.3, -1.7, 2.45][d]);
          const o = { order, mode, cval: 1.5 };
          await agrees(shift(xg, s, o), shift(x, s, o), FLOAT32_TOLERANCE, `shift ${shape} ${mode} ${order}`);
        }
      }
      const after = memoryInfo();
      expect(after.liveArrays).toBe(before.liveArrays);
      xg.dispose();
    }
  });
});

describe('interpolation on GPU arrays agrees with the host (continued)', () => {
  it('zoom up and down, with and without gridMode, every mode and order', async () => {
    const x = hostArray([5, 6], 7);
    const xg = toDevice(x);
    for (const mode of MODES) {
      for (let order = 0; order <= 5; order++) {
        for (const gridMode of [false, true]) {
          const o = { order, mode, cval: -2, gridMode };
          await agrees(zoom(xg, [1.6, 0.7], o), zoom(x, [1.6, 0.7], o), FLOAT32_TOLERANCE, `zoom ${mode} ${order} ${gridMode}`);
        }
      }
    }
    await agrees(zoom(xg, 2, { order: 3, prefilter: false }), zoom(x, 2, { order: 3, prefilter: false }));
    xg.dispose();
  });

  it('affineTransform: diagonal, n × n, n × (n+1) and homogeneous matrices, offset and outputShape', async () => {
    const x = hostArray([4, 5, 6], 8);
    const xg = toDevice(x);
    const full = [
      [0.9, 0.2, -0.1],
      [-0.15, 1.1, 0.05],
      [0.1, 0.0, 0.8],
    ];
    const augmented = full.map((row, i) => [...row, [0.5, -0.7, 1.2][i]]);
    const homogeneous = [...augmented, [0, 0, 0, 1]];
    const cases: [unknown, object][] = [
      [[0.8, 1.3, 0.6], { offset: [0.4, -1, 2] }],
      [full, { offset: 0.3 }],
      [full, { outputShape: [3, 6, 7] }],
      [augmented, {}],
      [homogeneous, { outputShape: [5, 4, 4] }],
      [[[1.2, 0.3], [0.1, 0.9], [0.2, 0.2]], { outputShape: [6, 5] }],
    ];
    for (const mode of MODES) {
      for (const order of [0, 1, 3, 4]) {
        for (const [matrix, options] of cases) {
          const o = { ...options, order, mode, cval: 0.75 };
          await agrees(affineTransform(xg, matrix, o), affineTransform(x, matrix, o), FLOAT32_TOLERANCE, `affine ${mode} ${order} ${JSON.stringify(matrix)}`);
        }
      }
    }
    xg.dispose();
  });

  it('rotate: axes and reshape on a 3-D input, every mode, orders 0–5', async () => {
    const x = hostArray([4, 5, 3], 9);
    const xg = toDevice(x);
    for (const mode of MODES) {
      for (let order = 0; order <= 5; order++) {
        for (const [angle, axes, reshape] of [
          [30, [1, 0], true],
          [-115, [0, 2], false],
          [62, [2, 1], true],
        ] as const) {
          const o = { order, mode, axes, reshape, cval: 3 };
          await agrees(rotate(xg, angle, o), rotate(x, angle, o), FLOAT32_TOLERANCE, `rotate ${mode} ${order} ${angle}`);
        }
      }
    }
    xg.dispose();
  });

  it('mapCoordinates with coordinates as a GPU array (float32, any strides) or as host data', async () => {
    const x = hostArray([5, 6], 10);
    const xg = toDevice(x);
    const coordinates = asarray(
      Array.from(randomValues(2 * 12, 11), (r) => r * 5 + 2),
      { shape: [2, 3, 4], dtype: 'float32' },
    );
    const cg = toDevice(coordinates);
    for (const mode of MODES) {
      for (let order = 0; order <= 5; order++) {
        const o = { order, mode, cval: -1 };
        const host = mapCoordinates(x, coordinates, o);
        await agrees(mapCoordinates(xg, cg, o), host, FLOAT32_TOLERANCE, `mapCoordinates ${mode} ${order}`);
        await agrees(mapCoordinates(xg, coordinates, o), host, FLOAT32_TOLERANCE, `mapCoordinates host ${mode} ${order}`);
      }
    }
    // a transposed view of the coordinates' last two axes is read as it is laid out
    const view = cg.view([2, 4, 3], [12, 1, 4], 0);
    const transposed = new NDArray(coordinates.toTypedArray() as Float32Array, [2, 4, 3], 'float32', [12, 1, 4], 0);
    await agrees(mapCoordinates(xg, view, { order: 3 }), mapCoordinates(x, transposed, { order: 3 }));
    view.dispose();
    cg.dispose();
    xg.dispose();
  });
});

describe('interpolation on GPU arrays larger than one workgroup', () => {
  it('zoom, rotate and splineFilter of a 70 × 90 image (hundreds of workgroups, 70 and 90 lines)', async () => {
    const x = hostArray([70, 90], 15);
    const xg = toDevice(x);
    await agrees(zoom(xg, [1.5, 0.7], { order: 3, mode: 'reflect' }), zoom(x, [1.5, 0.7], { order: 3, mode: 'reflect' }));
    await agrees(rotate(xg, 33, { order: 5, mode: 'grid-constant', cval: 1 }), rotate(x, 33, { order: 5, mode: 'grid-constant', cval: 1 }));
    await agrees(splineFilter(xg, { order: 4, mode: 'grid-wrap' }), splineFilter(x, { order: 4, mode: 'grid-wrap', output: 'float32' }));
    xg.dispose();
  });
});

describe('splineFilter and splineFilter1d on GPU arrays match SciPy', () => {
  it("the fixtures' float32 cases, read as float32 (the GPU has no float64)", async () => {
    const file = loadFixtureFile('ndimage', 'interpolation');
    const cases = file.cases.filter(
      (c) => (c.fn === 'splineFilter' || c.fn === 'splineFilter1d') && c.input !== null && file.inputs[c.input].dtype === 'float32' && c.options.output === undefined,
    );
    expect(cases.length).toBeGreaterThan(40);
    const api = { splineFilter, splineFilter1d } as Record<string, (x: unknown, o: object) => unknown>;
    for (const c of cases) {
      const xg = toDevice(decodeArray(file.inputs[c.input as string]));
      const expected = decodeArray(c.expected as never);
      const float32 = asarray(Array.from(expected.toTypedArray() as Float64Array), { shape: [...expected.shape], dtype: 'float32' });
      await agrees(api[c.fn](xg, c.options), float32, FLOAT32_TOLERANCE, `${c.fn} ${JSON.stringify(c.options)}`);
      xg.dispose();
    }
  });

  it("an explicit 'float32' output rounds every axis's pass, as SciPy stores it", async () => {
    const x = hostArray([5, 6], 12);
    const xg = toDevice(x);
    for (const mode of MODES) {
      const o = { order: 4, mode, output: 'float32' as const };
      await agrees(splineFilter(xg, o), splineFilter(x, o));
    }
    xg.dispose();
  });
});

/**
 * A random float32 image (2–6 × 2–6, values in [-10, 10]); values below 1e-20 are left out, so
 * no result is subnormal (the GPU's float arithmetic may flush them to zero, see the README).
 */
const image = fc
  .tuple(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 2, max: 6 }))
  .chain(([r, c]) =>
    fc
      .array(fc.float({ min: -10, max: 10, noNaN: true, noDefaultInfinity: true }), { minLength: r * c, maxLength: r * c })
      .map((v) => asarray(v.map((e) => (Math.abs(e) < 1e-20 ? 0 : e)), { shape: [r, c], dtype: 'float32' })),
  );
/** A shift in [-8, 8], none within 1e-30 of zero but 0 itself (double-float32 coordinates do not hold float64 subnormals). */
const shiftValue = fc.double({ min: -8, max: 8, noNaN: true }).map((v) => (Math.abs(v) < 1e-30 ? 0 : v));
const runs = { numRuns: 40 };

describe('interpolation properties on GPU arrays', () => {
  it('shift by 0 is the identity for orders 0–5 (prefiltered), to float32 rounding', async () => {
    // the modes whose prefilter inverts the interpolation exactly at the samples ('reflect' and
    // the padded modes start from SciPy's approximate initial value, exact on long lines only)
    await fc.assert(
      fc.asyncProperty(image, fc.integer({ min: 0, max: 5 }), fc.constantFrom<BoundaryMode>('constant', 'mirror', 'wrap', 'grid-wrap'), async (x, order, mode) => {
        const xg = toDevice(x);
        const back = await read(shift(xg, 0, { order, mode }));
        xg.dispose();
        const v = values(x);
        const scale = Math.max(...v.map(Math.abs));
        const tol = order < 2 ? 0 : FLOAT32_TOLERANCE * scale;
        const worst = Math.max(...values(back).map((e, i) => Math.abs(e - v[i])));
        expect(worst).toBeLessThanOrEqual(tol);
      }),
      runs,
    );
  });

  it('zoom by 1 is the identity (prefiltered: the input as it is; orders 0 and 1 also without prefilter)', async () => {
    await fc.assert(
      fc.asyncProperty(image, fc.integer({ min: 0, max: 5 }), fc.constantFrom(...MODES), async (x, order, mode) => {
        const xg = toDevice(x);
        expect(values(await read(zoom(xg, 1, { order, mode })))).toEqual(values(x));
        if (order < 2) expect(values(await read(zoom(xg, 1, { order, mode, prefilter: false })))).toEqual(values(x));
        xg.dispose();
      }),
      runs,
    );
  });

  it('rotate by ±90°, order 0, is a transpose and a flip, exactly', async () => {
    await fc.assert(
      fc.asyncProperty(image, fc.constantFrom(...MODES), async (x, mode) => {
        const [r, c] = x.shape;
        const v = values(x);
        const xg = toDevice(x);
        const left = await read(rotate(xg, 90, { order: 0, mode }));
        const right = await read(rotate(xg, -90, { order: 0, mode }));
        xg.dispose();
        // rotate(x, 90) is x.T[::-1] and rotate(x, -90) is x.T[:, ::-1] (NumPy's rot90)
        expect(left.shape).toEqual([c, r]);
        expect(values(left)).toEqual(Array.from({ length: r * c }, (_, k) => v[(k % r) * c + (c - 1 - Math.floor(k / r))]));
        expect(values(right)).toEqual(Array.from({ length: r * c }, (_, k) => v[(r - 1 - (k % r)) * c + Math.floor(k / r)]));
      }),
      runs,
    );
  });

  it('GPU and host agree on random images, shifts, modes, orders and cvals', async () => {
    await fc.assert(
      fc.asyncProperty(
        image,
        fc.integer({ min: 0, max: 5 }),
        fc.constantFrom(...MODES),
        fc.tuple(shiftValue, shiftValue),
        fc.double({ min: -5, max: 5, noNaN: true }),
        async (x, order, mode, s, cval) => {
          const xg = toDevice(x);
          // relative to the input's magnitude too: a result that samples only near-zero values of
          // an image whose coefficients are large is exact to the coefficients' rounding, not its own
          const least = Math.max(...values(x).map(Math.abs), Math.abs(cval));
          await agrees(shift(xg, s, { order, mode, cval }), shift(x, s, { order, mode, cval }), FLOAT32_TOLERANCE, 'shift', least);
          await agrees(zoom(xg, [1.3, 0.8], { order, mode, cval }), zoom(x, [1.3, 0.8], { order, mode, cval }), FLOAT32_TOLERANCE, 'zoom', least);
          xg.dispose();
        },
      ),
      runs,
    );
  });
});

describe('interpolation on GPU arrays declines what it does not run, with the reason', () => {
  const declined = (argument: string) => expect.objectContaining({ name: NotSupportedError.name, argument });

  it('complex64 input, other output dtypes, output arrays and a matrix on the GPU', async () => {
    const x = hostArray([4, 5], 13);
    const xg = toDevice(x);
    const zg = toDevice(asarray(new Float32Array(8), { shape: [2, 2], dtype: 'complex64' }));
    expect(() => shift(zg, 0.5)).toThrow(declined('input'));
    expect(() => zoom(zg, 2)).toThrow(declined('input'));
    expect(() => splineFilter(zg)).toThrow(declined('input'));
    expect(() => shift(xg, 0.5, { output: 'float64' })).toThrow(declined('output'));
    expect(() => splineFilter1d(xg, { output: 'float64' })).toThrow(declined('output'));
    expect(() => rotate(xg, 30, { output: rotate(x, 30) })).toThrow(declined('output'));
    const mg = toDevice(asarray([1, 2], { dtype: 'float32' }));
    expect(() => affineTransform(xg, mg)).toThrow(declined('matrix'));
    mg.dispose();
    // options are checked first, with the host's errors
    expect(() => shift(zg, 0.5, { mode: 'reflekt' as never })).toThrow(expect.objectContaining({ argument: 'mode' }));
    expect(() => zoom(xg, -1)).toThrow(expect.objectContaining({ argument: 'zoom' }));
    const before = memoryInfo();
    expect(() => mapCoordinates(xg, [[1, 2]])).toThrow(expect.objectContaining({ name: 'ShapeError', argument: 'coordinates' }));
    expect(memoryInfo().liveArrays).toBe(before.liveArrays);
    zg.dispose();
    xg.dispose();
  });

  it('geometricTransform (a JavaScript mapping per element) is not claimed', () => {
    const xg = toDevice(hostArray([3, 3], 14));
    expect(() => geometricTransform(xg, (c: number[]) => c)).toThrow(/does not implement sciport\.ndimage\.geometricTransform/);
    xg.dispose();
  });
});
