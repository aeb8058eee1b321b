/**
 * Host-specific behaviour of the default implementation: every accepted input form,
 * strided views, dtype rules, SciPy's special cases, and dispatch wiring.
 */
import { asarray, hostNamespace, NDArray } from '@sciport/array-api';
import { ARRAY_BRAND, defineBackend, explain, implement, NAMESPACE_KEY, registerBackend, unregisterBackend } from '@sciport/dispatch-core';
import { describe, expect, it } from 'vitest';
import {
  dct,
  dctn,
  fft,
  fft2,
  fftfreq,
  fftn,
  fftshift,
  fht,
  hfft,
  idct,
  ifftshift,
  ihfft,
  irfft,
  nextFastLen,
  prevFastLen,
  rfft,
  rfftfreq,
  rfftn,
  setBackend,
} from '../src/index.js';

const values = [0.5, -1.25, 2, 3.5, -0.75, 1, 4.25, -2];
const reference = fft(new NDArray(Float64Array.from(values), [8], 'float64'));

describe('input forms', () => {
  it('nested JS arrays, TypedArrays and NDArrays give the same result', () => {
    expect(fft(values).data).toEqual(reference.data);
    expect(fft(Float64Array.from(values)).data).toEqual(reference.data);
    expect(fft(asarray(values)).data).toEqual(reference.data);
  });

  it('strided views (transposed, stepped, reversed) give the result of their contiguous copy', () => {
    const m = new NDArray(Float64Array.from({ length: 24 }, (_, i) => Math.sin(i)), [4, 6], 'float64');
    const t = m.transpose(1, 0);
    const tCopy = new NDArray(t.toTypedArray(), [6, 4], 'float64');
    expect(fft(t, { axis: 0 }).data).toEqual(fft(tCopy, { axis: 0 }).data);
    expect(fftn(t).data).toEqual(fftn(tCopy).data);
    expect(dctn(t, { type: 3 }).data).toEqual(dctn(tCopy, { type: 3 }).data);
    const stepped = m.slice('::2', '1::2');
    const steppedCopy = new NDArray(stepped.toTypedArray(), [...stepped.shape], 'float64');
    expect(rfftn(stepped).data).toEqual(rfftn(steppedCopy).data);
    const reversed = m.slice('::-1', '::-1');
    const reversedCopy = new NDArray(reversed.toTypedArray(), [4, 6], 'float64');
    expect(fft2(reversed).data).toEqual(fft2(reversedCopy).data);
  });

  it('never writes into the input, even with overwriteX', () => {
    const x = new NDArray(Float64Array.from(values), [8], 'float64');
    const before = Float64Array.from(x.data as Float64Array);
    fft(x, { overwriteX: true });
    dct(x, { overwriteX: true });
    expect(x.data).toEqual(before);
  });
});

describe('dtypes (as SciPy)', () => {
  const as = (dtype: 'float32' | 'int32' | 'int64' | 'bool' | 'uint8') => asarray(values.map((v) => Math.round(Math.abs(v))), { dtype });
  it('integers and bool are promoted to float64 first', () => {
    const ints = values.map((v) => Math.round(Math.abs(v)));
    const expected = fft(ints).data;
    for (const dtype of ['int32', 'int64', 'uint8'] as const) {
      const y = fft(as(dtype));
      expect(y.dtype).toBe('complex128');
      expect(y.data).toEqual(expected);
    }
    expect(fft(as('bool')).dtype).toBe('complex128');
    expect(dct(as('int64')).dtype).toBe('float64');
  });
  it('single precision stays single precision', () => {
    const x = asarray(values, { dtype: 'float32' });
    expect(fft(x).dtype).toBe('complex64');
    expect(rfft(x).dtype).toBe('complex64');
    expect(ihfft(x).dtype).toBe('complex64');
    expect(dct(x).dtype).toBe('float32');
    expect(irfft(fft(x)).dtype).toBe('float32');
    expect(hfft(fft(x)).dtype).toBe('float32');
    expect(dct(fft(x)).dtype).toBe('complex64');
    expect(fht(x, 0.1, 0.5).dtype).toBe('float32');
    expect(fht(x, 0.1, 0.5, { bias: 0.2 }).dtype).toBe('float64');
  });
  it('single precision results are the float64 computation rounded once', () => {
    const x = asarray(values, { dtype: 'float32' });
    const wide = fft(asarray(Array.from(x.data as Float32Array)));
    expect(fft(x).data).toEqual(Float32Array.from(wide.data as Float64Array));
  });
});

describe("SciPy's special cases", () => {
  it('fftn/dctn with an empty axes list return the input unchanged', () => {
    const x = asarray([
      [1, 2],
      [3, 4],
    ]);
    expect(fftn(x, { axes: [] })).toBe(x);
    expect(dctn(x, { axes: [] })).toBe(x);
  });
  it('empty axes that are not transformed are fine', () => {
    const x = new NDArray(new Float64Array(0), [0, 4], 'float64');
    const y = fft(x, { axis: 1 });
    expect(y.shape).toEqual([0, 4]);
    expect(y.dtype).toBe('complex128');
  });
  it('fft of real input has the signs of zero SciPy prints, and fft2 of real input is exactly Hermitian', () => {
    // SciPy 1.17: fft([1., 2, 3, 4]) → [10.-0.j, -2.+2.j, -2.-0.j, -2.-2.j]
    const y = fft([1, 2, 3, 4]).data as Float64Array;
    expect(Array.from(y)).toEqual([10, -0, -2, 2, -2, -0, -2, -2]);
    // the later value of each mirror pair is the exact conjugate of the earlier, as SciPy's
    const x = new NDArray(Float64Array.from({ length: 35 }, (_, i) => Math.sin(i * 1.7)), [7, 5], 'float64');
    const z = fft2(x).data as Float64Array;
    for (let i = 0; i < 7; i++) {
      for (let j = 0; j < 5; j++) {
        const a = 2 * (i * 5 + j);
        const b = 2 * (((7 - i) % 7) * 5 + ((5 - j) % 5));
        if (a === b) continue;
        expect(z[b] === z[a] && z[b + 1] === -z[a + 1]).toBe(true);
      }
    }
  });
  it('n zero-pads and truncates', () => {
    expect(fft(values, { n: 4 }).data).toEqual(fft(values.slice(0, 4)).data);
    expect(fft(values, { n: 10 }).data).toEqual(fft([...values, 0, 0]).data);
  });
  it('the inverse of an inverse pair is the identity with every norm', () => {
    for (const norm of ['backward', 'ortho', 'forward'] as const) {
      const y = idct(dct(values, { type: 1, norm }), { type: 1, norm });
      for (let i = 0; i < values.length; i++) expect(y.data[i]).toBeCloseTo(values[i], 13);
    }
  });
});

describe('helpers', () => {
  it('fftshift/ifftshift accept axes positionally or as { axes }, and nested arrays', () => {
    expect(fftshift([0, 1, 2, 3, 4]).toArray()).toEqual([3, 4, 0, 1, 2]);
    expect(ifftshift([3, 4, 0, 1, 2]).toArray()).toEqual([0, 1, 2, 3, 4]);
    const m = asarray([
      [0, 1, 2],
      [3, 4, 5],
    ]);
    expect(fftshift(m, 1).toArray()).toEqual(fftshift(m, { axes: 1 }).toArray());
    expect(fftshift(m, [1]).toArray()).toEqual([
      [2, 0, 1],
      [5, 3, 4],
    ]);
  });
  it('fftfreq/rfftfreq take d positionally or only options, and a namespace or a like-array', () => {
    expect(fftfreq(4).toArray()).toEqual([0, 0.25, -0.5, -0.25]);
    expect(fftfreq(4, { xp: hostNamespace }).toArray()).toEqual([0, 0.25, -0.5, -0.25]);
    const like = asarray([1], { dtype: 'float32' });
    const f = fftfreq(5, 0.1, { like, dtype: 'float32' });
    expect(f.dtype).toBe('float32');
    expect(Array.from(f.data as Float32Array)).toEqual(Array.from(Float32Array.from([0, 2, 4, -4, -2])));
    expect(rfftfreq(5, 0.1).toArray()).toEqual([0, 2, 4]);
  });
  it('nextFastLen/prevFastLen take real as a boolean or { real }', () => {
    expect(nextFastLen(13)).toBe(14);
    expect(nextFastLen(13, true)).toBe(15);
    expect(nextFastLen(13, { real: true })).toBe(15);
    expect(prevFastLen(13, { real: true })).toBe(12);
  });
});

describe('dispatch', () => {
  it('every transform is a multimethod of domain sciport.fft', () => {
    expect(fft.id).toBe('sciport.fft.fft');
    expect(fht.id).toBe('sciport.fft.fht');
    expect(dctn.domain).toBe('sciport.fft');
  });
  it('host arrays run the default implementation, and per-call { backend } is accepted', () => {
    const record = explain(fft, values);
    expect(JSON.stringify(record)).toMatch(/default/);
    expect(fft(values, { backend: 'default' }).data).toEqual(reference.data);
  });
  it("an array of another kind goes to the backend that owns it (here a stub 'fake' kind)", () => {
    const calls: unknown[][] = [];
    const fake = { [ARRAY_BRAND]: 'fake-fft-test', dtype: 'float64', shape: [2], [NAMESPACE_KEY]: () => hostNamespace };
    const backend = defineBackend({
      name: 'fake-fft-test',
      kinds: ['fake-fft-test'],
      functions: [
        implement(fft, (...args: unknown[]) => {
          calls.push(args);
          return 'from fake backend';
        }),
      ],
    });
    registerBackend(backend);
    try {
      expect(fft(fake as never, { norm: 'ortho' })).toBe('from fake backend');
      expect(calls[0][1]).toEqual({ norm: 'ortho' });
      // the scope control re-exported under SciPy's name
      expect(setBackend('fake-fft-test', () => fft(fake as never))).toBe('from fake backend');
    } finally {
      unregisterBackend(backend);
    }
  });
});
