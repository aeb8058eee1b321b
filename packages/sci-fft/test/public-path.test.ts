/**
 * The routes the public functions take beyond what the SciPy fixtures (lengths up to 256)
 * reach: fft/ifft/fftn of real input through the real FFT and Hermitian symmetry (checked
 * against the complex route on the same values), input read in place or converted,
 * outputs large enough to skip zero-filling, and the TypeScript fallback kernels.
 */
import { asarray, NDArray } from '@sciport/array-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dct, dctn, dst, fft, fft2, fftn, idct, ifft, ifftn, irfft, rfft, rfftn } from '../src/index.js';
import { setWasmEnabled } from '../src/kernels/index.js';
import { randomArray, relRms } from './kernels/reference.js';

/** The same values as complex128 (zero imaginary parts): fft of it takes the complex route. */
function asComplex(x: NDArray): NDArray {
  const real = x.toTypedArray() as Float64Array;
  const z = new Float64Array(2 * real.length);
  for (let i = 0; i < real.length; i++) z[2 * i] = real[i];
  return new NDArray(z, [...x.shape], 'complex128');
}

function real(shape: number[], seed: number): NDArray {
  return new NDArray(
    randomArray(
      shape.reduce((a, b) => a * b, 1),
      seed,
    ),
    shape,
    'float64',
  );
}

function close(actual: NDArray, expected: NDArray, tolerance = 1e-14): void {
  expect(actual.shape).toEqual(expected.shape);
  expect(actual.dtype).toBe(expected.dtype);
  expect(relRms(actual.data as Float64Array, expected.data as Float64Array)).toBeLessThan(tolerance);
}

describe.each([
  ['wasm-simd', true],
  ['typescript', false],
])('with the %s kernels', (_name, wasm) => {
  beforeAll(() => setWasmEnabled(wasm));
  afterAll(() => setWasmEnabled(true));

  it('fft/ifft of real input equal the complex route, odd, even and prime lengths, with n', () => {
    for (const len of [1, 2, 3, 4, 5, 7, 8, 16, 31, 97, 100, 128, 1000, 1009, 4096, 10007]) {
      const x = real([len], len);
      const z = asComplex(x);
      close(fft(x), fft(z));
      close(ifft(x, { norm: 'ortho' }), ifft(z, { norm: 'ortho' }));
      for (const n of [1, len + 3, 2 * len, Math.max(1, len >> 1)]) {
        close(fft(x, { n }), fft(z, { n }));
        close(ifft(x, { n, norm: 'forward' }), ifft(z, { n, norm: 'forward' }));
      }
    }
  });

  it('fft of real input along every axis of 2-D and 3-D arrays, and fftn/ifftn over axis subsets', () => {
    const x = real([6, 5, 7], 42);
    const z = asComplex(x);
    for (const axis of [0, 1, 2, -1]) close(fft(x, { axis }), fft(z, { axis }));
    for (const axes of [[0], [1], [0, 2], [2, 0], [1, 2], [0, 1, 2], [2, 1, 0]]) {
      close(fftn(x, { axes }), fftn(z, { axes }));
      close(ifftn(x, { axes, norm: 'ortho' }), ifftn(z, { axes, norm: 'ortho' }));
    }
    close(fftn(x, { s: [4, 9], axes: [2, 0] }), fftn(z, { s: [4, 9], axes: [2, 0] }));
    const m = real([33, 64], 5);
    close(fft2(m), fft2(asComplex(m)));
  });

  it('non-contiguous views (transposed, stepped, reversed) give the result of their contiguous copy, exactly', () => {
    const m = real([12, 10], 9);
    const views = [m.transpose(1, 0), m.slice('::2', '1::3'), m.slice('::-1', '::-2')];
    for (const v of views) {
      const copy = new NDArray(v.toTypedArray(), [...v.shape], 'float64');
      for (const f of [
        (a: NDArray) => fft(a),
        (a: NDArray) => fft(a, { axis: 0 }),
        (a: NDArray) => fftn(a),
        (a: NDArray) => rfft(a, { n: 9 }),
        (a: NDArray) => rfftn(a),
        (a: NDArray) => dct(a, { axis: 0 }),
        (a: NDArray) => dctn(a, { type: 1 }),
        (a: NDArray) => dst(a, { type: 4 }),
      ]) {
        expect(f(v).data).toEqual(f(copy).data);
      }
      const zv = asComplex(copy).transpose(1, 0);
      const zvCopy = new NDArray(zv.toTypedArray(), [...zv.shape], 'complex128');
      expect(fft2(zv).data).toEqual(fft2(zvCopy).data);
      expect(irfft(zv, { axis: 0 }).data).toEqual(irfft(zvCopy, { axis: 0 }).data);
    }
  });

  it('large outputs (not zero-filled first) are written everywhere: padding, truncation, every route', () => {
    const len = 12000;
    const x = real([len], 77);
    const padded = new NDArray(new Float64Array(3 * len), [3 * len], 'float64');
    (padded.data as Float64Array).set(x.data as Float64Array);
    const z = asComplex(x);
    const zPadded = asComplex(padded);
    // complex route, real-input route, rfft, irfft, dct: each padded to 3·len
    close(fft(z, { n: 3 * len }), fft(zPadded));
    close(fft(x, { n: 3 * len }), fft(zPadded));
    close(rfft(x, { n: 3 * len }), rfft(padded));
    const spectrum = rfft(x);
    const spectrumPadded = new NDArray(new Float64Array(2 * (3 * len)), [3 * len], 'complex128');
    (spectrumPadded.data as Float64Array).set(spectrum.data as Float64Array);
    close(irfft(spectrum, { n: 4 * len }), irfft(spectrumPadded, { n: 4 * len }));
    close(dct(x, { n: 3 * len }), dct(padded));
    // truncation
    close(fft(x, { n: len - 5 }), fft(real([len], 77).slice(`:${len - 5}`)));
    // 2-D, both axes padded
    const m = real([90, 100], 3);
    const mPadded = new NDArray(new Float64Array(120 * 130), [120, 130], 'float64');
    for (let r = 0; r < 90; r++) for (let c = 0; c < 100; c++) (mPadded.data as Float64Array)[r * 130 + c] = (m.data as Float64Array)[r * 100 + c];
    close(fft2(asComplex(m), { s: [120, 130] }), fft2(asComplex(mPadded)));
    close(fftn(m, { s: [120, 130] }), fftn(asComplex(mPadded)));
  });

  it('float32 input: computed in float64, rounded once into complex64 / float32', () => {
    for (const len of [7, 64, 1001, 20000]) {
      const wide = real([len], len + 1);
      const narrow = asarray(Float32Array.from(wide.data as Float64Array));
      const exact = new NDArray(Float64Array.from(narrow.data as Float32Array), [len], 'float64');
      for (const [f, g] of [
        [fft(narrow), fft(exact)],
        [ifft(narrow), ifft(exact)],
        [rfft(narrow), rfft(exact)],
        [dct(narrow), dct(exact)],
        [idct(narrow, { type: 3 }), idct(exact, { type: 3 })],
      ] as const) {
        expect(f.dtype).toBe(g.dtype === 'complex128' ? 'complex64' : 'float32');
        expect(f.data).toEqual(Float32Array.from(g.data as Float64Array));
      }
    }
  });

  it('never writes into the input, on any route', () => {
    const x = real([4, 300], 8);
    const z = asComplex(x);
    const xb = Float64Array.from(x.data as Float64Array);
    const zb = Float64Array.from(z.data as Float64Array);
    fft(x);
    fftn(x);
    rfft(x);
    dct(x);
    dctn(x);
    fft(z);
    fft2(z);
    irfft(z);
    expect(x.data).toEqual(xb);
    expect(z.data).toEqual(zb);
  });
});

it('the wasm and TypeScript kernels agree through the public functions', () => {
  const x = real([3, 2000], 12);
  const z = asComplex(x);
  const results = (): NDArray[] => [fft(x), ifftn(x), fft2(z), rfft(x), irfft(z), dct(x, { type: 2 }), dst(x, { type: 3 })];
  const withWasm = results();
  setWasmEnabled(false);
  try {
    const withTs = results();
    for (const [i, r] of withWasm.entries()) close(withTs[i], r, 1e-14);
  } finally {
    setWasmEnabled(true);
  }
});
