import { describe, expect, it } from 'vitest';
import { expectTableMatchesMultimethods } from '../../conformance/src/node.js';
import * as fftApi from '../src/index.js';
import { defaultAxes, FFT_DOMAIN, FFT_FUNCTIONS, FFT_MULTIMETHODS, fftFunction, fftNames } from '../src/index.js';

/** SciPy 1.17's `scipy.fft` transforms (from `scipy.fft.__all__`, camelCase), to check the table is complete. */
const SCIPY_TRANSFORMS = [
  'fft', 'ifft', 'fft2', 'ifft2', 'fftn', 'ifftn', 'rfft', 'irfft', 'rfft2', 'irfft2', 'rfftn', 'irfftn',
  'hfft', 'ihfft', 'hfft2', 'ihfft2', 'hfftn', 'ihfftn', 'dct', 'idct', 'dst', 'idst', 'dctn', 'idctn',
  'dstn', 'idstn', 'fht', 'ifht',
];

describe('the fft table', () => {
  it('has one row per SciPy transform, no more', () => {
    expect(fftNames().sort()).toEqual([...SCIPY_TRANSFORMS].sort());
  });

  it('declares exactly one multimethod per row, exported under its name, frozen', () => {
    expectTableMatchesMultimethods(FFT_DOMAIN, FFT_FUNCTIONS, FFT_MULTIMETHODS, fftApi);
  });

  it("describes each transform as SciPy's documentation does", () => {
    expect(fftFunction('irfft2')).toMatchObject({ kind: 'c2r', inverse: true, axes: 'two', line: 'irfft' });
    expect(fftFunction('ihfftn')).toMatchObject({ kind: 'r2c', inverse: true, axes: 'all', line: 'ihfft' });
    expect(fftFunction('dstn')).toMatchObject({ kind: 'r2r', inverse: false, axes: 'all', line: 'dst' });
    expect(fftFunction('fht').options).toEqual(['offset', 'bias', 'backend']);
    expect(fftFunction('dct').options).toContain('orthogonalize');
    expect(fftFunction('fft2').options).toContain('s');
    expect(defaultAxes(fftFunction('hfft2'))).toEqual([-2, -1]);
    expect(defaultAxes(fftFunction('hfftn'))).toBeUndefined();
  });

  it('rejects a name that is not a transform with a typed error', () => {
    expect(() => fftFunction('fftt')).toThrow(expect.objectContaining({ name: 'InvalidArgumentError', argument: 'name' }));
  });

});
